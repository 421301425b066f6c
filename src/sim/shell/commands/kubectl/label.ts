/**
 * `kubectl label` (kubernetes/kubectl@v0.30.5:pkg/cmd/label/label.go):
 * - Complete: the dry-run strategy (its klog warning first), GetResourcesAndPairs, parseLabels (the value checked
 *   here, the key by the API server), `--list and --output may not be specified together`;
 * - Validate: --all with -l or --field-selector; --local takes -f only and no --dry-run=server; some resource or -f;
 *   some change unless --list;
 * - RunLabel: the builder (pairs.ts findTargets/fileTargets: TYPE NAME, TYPE/NAME, --all, -l, --field-selector, -A,
 *   -f, Latest() unless --local), `--resource-version may only be used with a single resource`, then for each object
 *   labelFunc on the object as read (validateNoOverwrites unless --overwrite), and with --dry-run=client, --local or
 *   --list nothing more; else `label "k" not found.` for each removed key the object lacks, and the change as a merge
 *   patch (--dry-run=server: not stored; --resource-version: checked against the live one);
 * - the message is updateDataChangeMsg over the object's JSON before and after: `not labeled` when equal, `unlabeled`
 *   when it got shorter without --overwrite, else `labeled`;
 * - --list prints the labels (a heading per object unless a single item was implied); otherwise a printer is made per
 *   object (ToPrinter(dataChangeMsg)), so -o yaml has no `---` between objects and a bad -o fails per object, after the
 *   patch: CheckErr prints one error with `error: `, several (an aggregate) one per line without it, as kubectl
 *   v1.30.13 does with `--local -f` on two objects. The printed object is the one read and labelled (info.Object),
 *   not the server's answer.
 * Checked against kubectl v1.30.13 with --local and --dry-run=client (no server on this machine).
 */
import type { ExecResult } from '../../../api.ts';
import { ApiError } from '../../../k8s/apiserver/index.ts';
import { labelValue } from '../../../k8s/apiserver/validate.ts';
import type { KObject } from '../../../k8s/types.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import { DRY_RUN_FLAG, dryRunOf, errorText, objName, out, parse, warnFirst } from './common.ts';
import { isObj, type Obj } from './obj.ts';
import { parseFormat, printerError, printObjects } from './output.ts';
import { builderTargets, resourcesAndPairs, TARGET_FLAGS, type Target } from './pairs.ts';

/** label.go NewCmdLabel (the flags node1 acts on; -k, -R, --record and the template flags are not taken). */
const FLAGS = [{ long: 'overwrite', type: 'bool' as const }, { long: 'list', type: 'bool' as const }, ...TARGET_FLAGS, DRY_RUN_FLAG];

const fail = (msg: string): ExecResult => out('', `error: ${msg}\n`, 1);

/** label.go parseLabels: `k=v` (one `=`, the value valid), `k-`; a key both set and removed is refused. */
function parseLabels(spec: string[]): { set: Map<string, string>; remove: string[] } | { error: string } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const s of spec) {
    if (s.includes('=')) {
      const parts = s.split('=');
      if (parts.length !== 2) return { error: `invalid label spec: ${s}` };
      const bad = labelValue(parts[1]!);
      if (bad.length) return { error: `invalid label value: ${JSON.stringify(s)}: ${bad.join(';')}` };
      set.set(parts[0]!, parts[1]!);
    } else if (s.endsWith('-')) remove.push(s.slice(0, -1));
    else return { error: `unknown label spec: ${s}` };
  }
  if (remove.some((k) => set.has(k))) return { error: 'can not both modify and remove a label in the same command' };
  return { set, remove };
}

/**
 * encoding/json's Marshal of an unstructured object as far as updateDataChangeMsg looks at it: map keys sorted, and
 * <, >, & escaped as \u003c… (HTMLEscape), which only the lengths compared see.
 */
const goJson = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (isObj(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x)).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/** One visit's error: an API error, a plain one, or validateNoOverwrites' aggregate. */
type VisitError = ApiError | string | string[];

/** apimachinery's aggregate Error(): one message bare, several (duplicates dropped) as `[a, b]`. */
const aggregateText = (errs: string[]) => {
  const seen = [...new Set(errs)];
  return seen.length === 1 ? seen[0]! : `[${seen.join(', ')}]`;
};

/**
 * cmdutil.CheckErr over RunLabel's result (pkg/cmd/util/helpers.go checkErr): an aggregate of one is unwrapped and
 * printed as a single error (`error: …`, or the API error's own form); several are MultipleErrors, one line each,
 * in StandardErrorMessage's words for API errors and bare otherwise.
 */
function checkErr(errs: VisitError[]): string {
  if (!errs.length) return '';
  let one: VisitError | undefined = errs.length === 1 ? errs[0] : undefined;
  if (Array.isArray(one) && one.length === 1) one = one[0];
  if (one instanceof ApiError) return errorText(one);
  if (typeof one === 'string') return one.startsWith('error: ') ? `${one}\n` : `error: ${one}\n`;
  const list = one ?? errs;
  return list
    .map((e) => (e instanceof ApiError ? `Error from server (${e.reason}): ${e.message}` : Array.isArray(e) ? aggregateText(e) : e))
    .map((l) => `${l}\n`)
    .join('');
}

/**
 * label.go labelFunc on an object (changed in place): validateNoOverwrites' errors, else the labels set (always a
 * map, so an object without labels gets `labels: {}`) and the resourceVersion.
 */
function labelFunc(obj: Obj, overwrite: boolean, rv: string, set: Map<string, string>, remove: string[]): string[] | undefined {
  const meta = (isObj(obj.metadata) ? obj.metadata : (obj.metadata = {})) as Obj;
  const cur = (isObj(meta.labels) ? meta.labels : {}) as Record<string, string>;
  if (!overwrite) {
    const taken = [...set]
      .filter(([k, v]) => cur[k] !== undefined && cur[k] !== v)
      .map(([k]) => `'${k}' already has a value (${cur[k]}), and --overwrite is false`);
    if (taken.length) return taken;
  }
  const next = { ...cur, ...Object.fromEntries(set) };
  for (const k of remove) delete next[k];
  meta.labels = next;
  if (rv) meta.resourceVersion = rv;
  return undefined;
}

/** updateDataChangeMsg: equal JSON is `not labeled`; shorter without --overwrite `unlabeled`; else `labeled`. */
function dataChangeMsg(before: string, after: string, overwrite: boolean): string {
  if (before === after) return 'not labeled';
  return !overwrite && after.length < before.length ? 'unlabeled' : 'labeled';
}

export async function label(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, FLAGS, 'label');
  if (!p.ok) return p.usage!;
  const f = p.flags;
  const dry = dryRunOf(env, f);
  if ('error' in dry) return dry.error;
  const r = await run(env, f, p.rest, dry.mode);
  return warnFirst(dry.warning, r);
}

type Flags = Record<string, unknown>;

async function run(env: CmdEnv, f: Flags, words: string[], dry: 'none' | 'client' | 'server'): Promise<ExecResult> {
  // Complete
  const split = resourcesAndPairs(words, 'label');
  if ('error' in split) return fail(split.error);
  const labels = parseLabels(split.pairs);
  if ('error' in labels) return fail(labels.error);
  const output = (f.output as string | undefined) ?? '';
  if (f.list && output) return fail('--list and --output may not be specified together');
  // Validate
  const files = (f.filename as string[] | undefined) ?? [];
  const local = f.local === true;
  if (f.all && (f.selector as string | undefined)) return fail('cannot set --all and --selector at the same time');
  if (f.all && (f['field-selector'] as string | undefined)) return fail('cannot set --all and --field-selector at the same time');
  if (local) {
    if (dry === 'server') return fail('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (split.resources.length) return fail('can only use local files by -f pod.yaml or --filename=pod.json when --local=true is set');
    if (!files.length) return fail('one or more files must be specified as -f pod.yaml or --filename=pod.json');
  } else if (!split.resources.length && !files.length) return fail('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (!labels.set.size && !labels.remove.length && !f.list) return fail('at least one label update is required');
  // RunLabel: the builder
  const cluster = clusterFor(env.host);
  const found = await builderTargets(env, f, split.resources, files, local);
  if ('error' in found) return found.error;
  const rv = (f['resource-version'] as string | undefined) ?? '';
  if (!found.single && rv) return fail('--resource-version may only be used with a single resource');
  const opts = { dry, local, list: f.list === true, overwrite: f.overwrite === true, rv, output, single: found.single };
  let stdout = '';
  let stderr = '';
  const errs: VisitError[] = [];
  for (const t of found.targets) {
    const r = visit(cluster, t, labels, opts);
    stdout += r.stdout;
    stderr += r.warnings;
    if (r.error !== undefined) errs.push(r.error);
  }
  if (dry === 'none' && !local && !opts.list) await cluster.sync();
  stderr += checkErr(errs);
  return out(stdout, stderr, errs.length ? 1 : 0);
}

interface VisitOpts {
  dry: 'none' | 'client' | 'server';
  local: boolean;
  list: boolean;
  overwrite: boolean;
  rv: string;
  output: string;
  single: boolean;
}

/** RunLabel's visitor for one object: what it prints, the server's warnings, and its error if any. */
function visit(
  cluster: ReturnType<typeof clusterFor>,
  t: Target,
  labels: { set: Map<string, string>; remove: string[] },
  o: VisitOpts,
): { stdout: string; warnings: string; error?: VisitError } {
  let stdout = '';
  let warnings = '';
  if (!t.obj) {
    const what = t.r.group ? `${t.r.resource}.${t.r.group}` : t.r.resource;
    return { stdout, warnings, error: new ApiError('NotFound', `${what} "${t.name}" not found`) };
  }
  const obj = structuredClone(t.obj) as unknown as Obj;
  if (o.rv && isObj(obj.metadata)) delete obj.metadata.resourceVersion;
  const before = goJson(obj);
  const clientSide = o.dry === 'client' || o.local || o.list;
  if (!clientSide) {
    const cur = t.obj.metadata.labels ?? {};
    for (const k of labels.remove) if (cur[k] === undefined) stdout += `label ${JSON.stringify(k)} not found.\n`;
  }
  const taken = labelFunc(obj, o.overwrite, o.rv, labels.set, labels.remove);
  if (taken) return { stdout, warnings, error: taken };
  const msg = dataChangeMsg(before, goJson(obj), o.overwrite);
  if (!clientSide) {
    const change: Record<string, string | null> = Object.fromEntries(labels.set);
    for (const k of labels.remove) change[k] = null;
    try {
      const res = cluster.api.patchLabels(t.r, t.ns, t.name, change, { dryRun: o.dry === 'server', rv: o.rv });
      for (const w of res.warnings) warnings += `Warning: ${w}\n`;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return { stdout, warnings, error: e };
    }
  }
  if (o.list) {
    // The labels as a Go map ranges over them (no fixed order; here the object's own).
    const meta = obj.metadata as Obj;
    if (!o.single) stdout += `Listing labels for ${t.obj.kind}.${t.r.group}/${t.name}:\n`;
    for (const [k, v] of Object.entries((meta.labels ?? {}) as Record<string, string>)) stdout += `${o.single ? '' : ' '}${k}=${v}\n`;
    return { stdout, warnings };
  }
  const format = parseFormat(o.output);
  if (!format) return { stdout, warnings, error: printerError(o.output) };
  if (format.kind === 'table') {
    const tail = o.dry === 'client' ? ' (dry run)' : o.dry === 'server' ? ' (server dry run)' : '';
    return { stdout: `${stdout}${objName(t.r, t.name)} ${msg}${tail}\n`, warnings };
  }
  const printed = printObjects(format, [{ r: t.r, o: obj as unknown as KObject }], true);
  return { stdout: stdout + printed.stdout, warnings, ...(printed.stderr ? { error: printed.stderr.replace(/^error: /, '').replace(/\n$/, '') } : {}) };
}
