/** Goal-check templates for text exercises (manifests and Dockerfiles). Pure functions. */
import { containersOf, effective } from '../effective.ts';
import { finalChain, runCommands, type DockerfileModel } from '../parse/dockerfile.ts';
import { isPlainObject, type ParsedManifests } from '../parse/yaml.ts';
import { parseQuantity } from '../quantity.ts';
import type { Finding, InputError } from '../types.ts';
import { select } from './select.ts';

export interface TextGradeContext {
  files: Record<string, string>;
  manifests: ParsedManifests[];
  dockerfiles: DockerfileModel[];
  findings: Finding[];
  errors: InputError[];
}

export type CheckTemplate = (ctx: TextGradeContext, params: Record<string, unknown>) => boolean;

function objects(ctx: TextGradeContext, kind?: unknown) {
  return ctx.manifests.flatMap((m) => m.objects).filter((o) => kind === undefined || o.kind === kind);
}

function workloads(ctx: TextGradeContext, kind?: unknown) {
  return ctx.manifests.flatMap((m) => m.workloads).filter((w) => kind === undefined || w.kind === kind);
}

function testValue(v: unknown, op: string, want: unknown): boolean {
  switch (op) {
    case 'equals': return JSON.stringify(v) === JSON.stringify(want);
    case 'oneOf': return Array.isArray(want) && want.some((w) => JSON.stringify(w) === JSON.stringify(v));
    case 'matches': return typeof v === 'string' && new RegExp(String(want)).test(v);
    case 'notMatches': return typeof v === 'string' && !new RegExp(String(want)).test(v);
    case 'exists': return v !== undefined && v !== null;
    case 'contains': return Array.isArray(v) && v.some((x) => JSON.stringify(x) === JSON.stringify(want));
    case 'containsIgnoreCase': return Array.isArray(v) && v.some((x) => typeof x === 'string' && x.toUpperCase() === String(want).toUpperCase());
    case 'subsetOfIgnoreCase': return Array.isArray(v) && v.every((x) => typeof x === 'string' && (want as string[]).some((w) => w.toUpperCase() === x.toUpperCase()));
    case 'quantityEquals': { const q = parseQuantity(v); return q !== null && Math.abs(q.value - Number(want)) < 1e-9; }
    case 'integerAtLeast': return typeof v === 'number' && Number.isInteger(v) && v >= Number(want);
    default: throw new Error(`unknown operator ${op}`);
  }
}

export const checkTemplates: Record<string, CheckTemplate> = {
  /** Every submitted file parses. */
  parses: (ctx) => ctx.errors.length === 0,

  /** Exactly `count` (default 1) objects of `kind`, with apiVersion `apiVersion` if given. */
  object: (ctx, p) => {
    const os = objects(ctx, p.kind);
    return os.length === Number(p.count ?? 1) && os.every((o) => p.apiVersion === undefined || o.object.apiVersion === p.apiVersion);
  },

  /** A selector on the first object of `kind` (or first workload): every (or `any`) value passes `op`; absent: nothing selected. */
  field: (ctx, p) => {
    const o = p.kind ? objects(ctx, p.kind)[0] : objects(ctx)[0];
    if (!o) return false;
    const values = select(o.object, String(p.path));
    if (p.op === 'absent') return values.every((v) => v === undefined || v === null || v === false);
    if (!values.length) return false;
    return p.any ? values.some((v) => testValue(v, String(p.op), p.value)) : values.every((v) => testValue(v, String(p.op), p.value));
  },

  /** Effective securityContext value for the named container (or every container with `*`); `level: container` demands it be set on the container. */
  effective: (ctx, p) => {
    const w = workloads(ctx, p.kind)[0];
    if (!w) return false;
    const cs = containersOf(w, ['containers']).filter((c) => p.container === '*' || p.container === undefined || c.name === p.container);
    if (!cs.length) return false;
    return cs.every((c) => {
      const e = effective(w, c, String(p.field));
      if (p.level === 'container' && e.origin.from !== 'container') return false;
      if (p.op) return testValue(e.value, String(p.op), p.value);
      return JSON.stringify(e.value) === JSON.stringify(p.equals);
    });
  },

  /** The files parse and none of these rules has a finding. */
  'no-finding': (ctx, p) => ctx.errors.length === 0 && !ctx.findings.some((f) => (p.rules as string[]).includes(f.rule)),

  /** Container names are unique DNS-1123 labels. */
  'container-names': (ctx) => {
    const w = workloads(ctx)[0];
    if (!w) return false;
    const names = containersOf(w).map((c) => c.spec.name);
    return names.length > 0 && names.every((n) => typeof n === 'string' && /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(n)) && new Set(names).size === names.length;
  },

  /** selector.matchLabels ⊆ the pod template's labels. */
  'selector-matches-labels': (ctx) => {
    const w = workloads(ctx).find((x) => x.kind !== 'Pod');
    if (!w) return false;
    const sel = select(w.object, 'spec.selector.matchLabels')[0];
    const labels = w.podMeta.labels;
    if (!isPlainObject(sel) || !isPlainObject(labels) || !Object.keys(sel).length) return false;
    return Object.entries(sel).every(([k, v]) => labels[k] === v);
  },

  /** Every container sets requests for cpu and memory that are ≤ its limits. */
  'requests-within-limits': (ctx) => {
    const w = workloads(ctx)[0];
    if (!w) return false;
    return containersOf(w, ['containers']).every((c) => ['cpu', 'memory'].every((r) => {
      const req = parseQuantity(select(c.spec, `resources.requests.${r}`)[0]);
      const lim = parseQuantity(select(c.spec, `resources.limits.${r}`)[0]);
      return req !== null && lim !== null && req.value <= lim.value;
    }));
  },

  /** An emptyDir volume is mounted at `mountPath` in every container. */
  'empty-dir-at': (ctx, p) => {
    const w = workloads(ctx)[0];
    if (!w) return false;
    const vols = Array.isArray(w.podSpec.volumes) ? w.podSpec.volumes.filter(isPlainObject) : [];
    const emptyDirs = new Set(vols.filter((v) => v.emptyDir !== undefined).map((v) => v.name));
    return containersOf(w, ['containers']).every((c) => (Array.isArray(c.spec.volumeMounts) ? c.spec.volumeMounts : [])
      .some((m) => isPlainObject(m) && m.mountPath === p.mountPath && emptyDirs.has(m.name)));
  },

  /** At least `min` stages. */
  'df-stages': (ctx, p) => (ctx.dockerfiles[0]?.stages.length ?? 0) >= Number(p.min),

  /** The first or last stage's FROM image matches; `alias: true` demands AS <name>. */
  'df-from': (ctx, p) => {
    const df = ctx.dockerfiles[0];
    if (!df?.stages.length) return false;
    const s = p.stage === 'first' ? df.stages[0]! : p.stage === 'final-base' ? finalChain(df)[0]! : df.stages[df.stages.length - 1]!;
    return new RegExp(String(p.matches)).test(s.image) && (!p.alias || s.alias !== null);
  },

  /**
   * Some instruction `keyword` (in the last stage if `stage: last`) has arguments matching `matches` (an exec form is
   * matched as compact JSON: ["/bin/sh","-c","…"]); with `flag`, it has that flag (--chmod), whose value matches
   * `flagMatches` if given.
   */
  'df-instruction': (ctx, p) => {
    const df = ctx.dockerfiles[0];
    if (!df?.stages.length) return false;
    const pool = p.stage === 'last' ? df.stages[df.stages.length - 1]!.instructions : df.instructions;
    const re = new RegExp(String(p.matches ?? ''));
    const flagRe = p.flagMatches === undefined ? null : new RegExp(String(p.flagMatches));
    const flagOk = (v: string | undefined) => !p.flag || (v !== undefined && (!flagRe || flagRe.test(v)));
    const n = pool.filter((i) => i.keyword === p.keyword && re.test(i.json ? JSON.stringify(i.json) : i.args) && flagOk(i.flags[String(p.flag)])).length;
    return n >= Number(p.min ?? 1) && (p.max === undefined || n <= Number(p.max));
  },

  /** One RUN contains every pattern in `all`. */
  'df-same-run': (ctx, p) => {
    const df = ctx.dockerfiles[0];
    return !!df && df.instructions.some((i) => i.keyword === 'RUN' && (p.all as string[]).every((re) => new RegExp(re).test(i.args)));
  },

  /** No RUN consists only of cleanup commands matching `patterns`. */
  'df-run-count': (ctx, p) => {
    const df = ctx.dockerfiles[0];
    return !!df && df.instructions.filter((i) => i.keyword === 'RUN' && runCommands(i).length > 0).length <= Number(p.max);
  },

  /** The first instruction matching `first` comes before the first matching `then`. */
  'df-before': (ctx, p) => {
    const df = ctx.dockerfiles[0];
    if (!df) return false;
    const find = (q: Record<string, string>) => df.instructions.find((i) => i.keyword === q.keyword && new RegExp(q.matches ?? '').test(i.args));
    const a = find(p.first as Record<string, string>);
    const b = find(p.then as Record<string, string>);
    return !!a && !!b && a.index < b.index;
  },

  /** Any of the checks in `of` ({ template, params }) passes: one check for answers that are right in different ways. */
  any: (ctx, p) => subChecks(p).some(([t, q]) => t(ctx, q)),

  /** Every check in `of` passes (inside `any`: one of the ways, all of whose parts must hold). */
  all: (ctx, p) => subChecks(p).every(([t, q]) => t(ctx, q)),

  /** A submitted file matches `matches`; `line: last-command` tests only its last non-empty, non-comment line. */
  text: (ctx, p) => {
    const t = ctx.files[String(p.file)];
    if (t === undefined) return false;
    let subject = t;
    if (p.line === 'last-command') subject = t.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).pop() ?? '';
    if (p.line === 'first') subject = t.split('\n')[0] ?? '';
    return new RegExp(String(p.matches), 'm').test(subject) !== Boolean(p.negate);
  },
};

/** The `of` list of `any`/`all` as templates with their parameters (validated when the exercise loads). */
function subChecks(p: Record<string, unknown>): [CheckTemplate, Record<string, unknown>][] {
  const of = Array.isArray(p.of) ? (p.of as { template?: unknown; params?: unknown }[]) : [];
  return of.map((c) => [checkTemplates[String(c.template)]!, (c.params ?? {}) as Record<string, unknown>]);
}

/** Why an `any`/`all` check's `of` is malformed (path: problem), or null: every entry names a known template. */
export function subCheckError(p: Record<string, unknown>, path = 'params'): string | null {
  if (!Array.isArray(p.of) || p.of.length === 0) return `${path}.of: a non-empty list of { template, params } is required`;
  for (const [i, c] of (p.of as unknown[]).entries()) {
    const at = `${path}.of[${i}]`;
    if (!c || typeof c !== 'object' || Array.isArray(c)) return `${at}: must be { template, params }`;
    const { template, params, ...rest } = c as Record<string, unknown>;
    if (Object.keys(rest).length) return `${at}: unknown key "${Object.keys(rest)[0]}"`;
    if (typeof template !== 'string' || !checkTemplates[template] || template === 'cluster') return `${at}.template: unknown template "${String(template)}"`;
    if (params !== undefined && (!params || typeof params !== 'object' || Array.isArray(params))) return `${at}.params: must be a mapping`;
    if (template === 'any' || template === 'all') {
      const e = subCheckError((params ?? {}) as Record<string, unknown>, `${at}.params`);
      if (e) return e;
    }
  }
  return null;
}

