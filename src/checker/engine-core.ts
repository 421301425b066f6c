/**
 * The checking engine's core: runs the rules of a profile over manifests and turns template
 * hits into findings with positions, texts and fixes. Dockerfiles (parsing, their rules and
 * the cross-file rules) are in engine-dockerfile.ts and plug in through checkParsedWith, so
 * checking manifests alone never loads the Dockerfile parser (engine.ts puts both together).
 */
import { containersOf, type ContainerRef } from './effective.ts';
import { isDockerfileName, looksLikeDockerfile, type DockerfileModel } from './parse/dockerfile-model.ts';
import { documentAt, parseManifests, type ParsedManifests } from './parse/yaml.ts';
import { fixProblem } from './fix.ts';
import { PROFILES, type Profile, type ProfileName } from './profile.ts';
import type { Hit, RuleDef, WorkloadTemplate } from './rule.ts';
import { ALL_RULES } from './rules/index.ts';
import { workloadTemplates } from './templates/index.ts';
import type { FileResult, Finding, Severity, Text } from './types.ts';
import { LATEST, type Version } from '../k8s/pss/index.ts';
import { pssPlan, reconcilePss } from './pss-version.ts';
import { LIMITS } from './parse/limits.ts';
import { asText } from './templates/helpers.ts';

export interface InputFile {
  name: string;
  text: string;
}

export interface CheckOptions {
  profile?: ProfileName | Profile;
  /** Only rules with these ids (after the profile). */
  only?: string[];
  /** The Pod Security Standards version the pss-* rules judge by (`check --pss-version`); default latest. */
  pssVersion?: Version;
  /** Which containers a Dockerfile in the same check builds; default: all of them. */
  dockerfileImage?: (c: ContainerRef) => boolean;
}

/** Each template split once at its `{name}` slots: [text, name, text, name, …, text]. Templates are the rules' own texts. */
const slots = new Map<string, string[]>();

function partsOf(template: string): string[] {
  let parts = slots.get(template);
  if (!parts) {
    parts = template.includes('{') ? template.split(/\{(\w+)\}/) : [template];
    slots.set(template, parts);
  }
  return parts;
}

/** A value inside a message: at most LIMITS.maxQuotedChars characters, so one huge value cannot flood the output. */
function clip(s: string): string {
  return s.length > LIMITS.maxQuotedChars ? `${s.slice(0, LIMITS.maxQuotedChars)}… (${s.length} characters)` : s;
}

function show(v: unknown): string {
  if (v === undefined) return 'unset';
  return clip(typeof v === 'string' ? v : asText(v));
}

/**
 * The values a hit fills in: its own `vars` (per locale when they differ), else `container`
 * and `value`. Each is worked out when a text first asks for it: `value` (the hit's value
 * as text) once per finding, and only if one of the rule's texts shows it.
 */
class Slots {
  private shown: string | undefined;
  constructor(private readonly hit: Hit) {}

  get(k: string, locale: 'en' | 'zh-cn'): string {
    const vars = this.hit.vars;
    if (vars && Object.hasOwn(vars, k)) {
      const v = vars[k]!;
      return clip(typeof v === 'string' ? v : v[locale]);
    }
    if (k === 'container') return this.hit.container ?? '';
    if (k === 'value') return (this.shown ??= show(this.hit.value));
    return `{${k}}`;
  }

  fill(template: string, locale: 'en' | 'zh-cn'): string {
    const parts = partsOf(template);
    let out = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) out += this.get(parts[i]!, locale) + parts[i + 1]!;
    return out;
  }
}

export function toFinding(
  rule: RuleDef,
  severity: Severity,
  hit: Hit,
  file: string,
  pos: { line: number; column: number },
  object?: { kind: string; name: string },
  doc = 0,
): Finding {
  const slots = new Slots(hit);
  const message: Text = { en: slots.fill(rule.message.en, 'en'), 'zh-cn': slots.fill(rule.message['zh-cn'], 'zh-cn') };
  const remediation: Text = { en: slots.fill(rule.remediation.en, 'en'), 'zh-cn': slots.fill(rule.remediation['zh-cn'], 'zh-cn') };
  const f: Finding = {
    rule: rule.id,
    severity,
    message,
    remediation,
    file,
    line: hit.line ?? pos.line,
    column: hit.column ?? pos.column,
    path: hit.path,
  };
  if (object) f.object = object;
  if (hit.container !== undefined) f.container = hit.container;
  if ('value' in hit) f.value = hit.value;
  if (hit.origin) f.origin = hit.origin;
  if (hit.fix?.length) f.fix = { description: { en: remediation.en, 'zh-cn': remediation['zh-cn'] }, document: doc, ops: hit.fix };
  return f;
}

export function activeRules(options: CheckOptions): [RuleDef, Severity][] {
  const profile = typeof options.profile === 'object' ? options.profile : PROFILES[options.profile ?? 'course'];
  const out: [RuleDef, Severity][] = [];
  for (const r of ALL_RULES) {
    const s = (Object.hasOwn(profile, r.id) ? profile[r.id] : undefined) ?? 'off';
    if (s === 'off') continue;
    if (options.only && !options.only.includes(r.id)) continue;
    out.push([r, s]);
  }
  return out;
}

/** The hit, without its fix when the fix does not fit the document's shape (so no button is offered that cannot work). */
export function fitting(m: ParsedManifests, doc: number, hit: Hit): Hit {
  if (!hit.fix?.length) return hit;
  const d = documentAt(m, doc);
  if (d && hit.fix.every((op) => fixProblem(d, op) === null)) return hit;
  const { fix: _dropped, ...rest } = hit;
  return rest;
}

export function checkManifests(m: ParsedManifests, options: CheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  if (!m.workloads.length) return findings;
  // The rules, their templates and the Pod Security plan: once per file, not per workload.
  const rules: [RuleDef, Severity, WorkloadTemplate][] = [];
  const active: [RuleDef, Severity][] = [];
  for (const [rule, severity] of activeRules(options)) {
    if (rule.target !== 'workload') continue;
    const tpl = Object.hasOwn(workloadTemplates, rule.template) ? workloadTemplates[rule.template] : undefined;
    if (!tpl) throw new Error(`rule ${rule.id} names unknown template ${rule.template}`);
    rules.push([rule, severity, tpl]);
    active.push([rule, severity]);
  }
  const plan = pssPlan(active);
  const version = options.pssVersion ?? LATEST;
  for (const w of m.workloads) {
    const locate = (ptr: string) => m.locate(w.doc, ptr);
    const ctx = { manifests: m, workload: w, containers: containersOf(w), locate };
    const own: Finding[] = [];
    for (const [rule, severity, tpl] of rules) {
      for (const hit of tpl.run(ctx, rule.params)) {
        own.push(toFinding(rule, severity, fitting(m, w.doc, hit), m.file, locate(hit.path), { kind: w.kind, name: w.name }, w.doc));
      }
    }
    findings.push(...reconcilePss(own, w, plan, version, m.file, locate));
  }
  return findings;
}

/**
 * By line, column, then rule id. Ids are plain code-point compared: they are [a-z0-9-]
 * (tests/checker/params.test.ts), where that is the order localeCompare gave, and the first
 * localeCompare of a process sets up an ICU collator (tens of ms of a CLI run).
 */
export function sortFindings(f: Finding[]): Finding[] {
  return f.sort((a, b) => a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

export function isDockerfile(file: InputFile): boolean {
  return isDockerfileName(file.name) || ((file.name === '-' || file.name === '<stdin>') && looksLikeDockerfile(file.text));
}

export interface ParsedInputs {
  manifests: ParsedManifests[];
  dockerfiles: DockerfileModel[];
  /** File order as given. */
  order: { name: string; kind: 'manifest' | 'dockerfile' }[];
}

/** The Dockerfile half of the engine (engine-dockerfile.ts), handed in by whoever loaded it. */
export interface DockerfileChecks {
  parseDockerfile(text: string, file: string): DockerfileModel;
  checkDockerfile(df: DockerfileModel, options: CheckOptions): Finding[];
  checkCross(df: DockerfileModel, m: ParsedManifests, options: CheckOptions): Finding[];
}

function noDockerfiles(name: string): never {
  throw new Error(`${name}: a Dockerfile needs the Dockerfile checks (engine.ts checkFiles)`);
}

/** Parses every file once: Dockerfiles by name (or content, for stdin), everything else as YAML/JSON manifests. */
export function parseInputsWith(files: InputFile[], dockerfile: DockerfileChecks | null): ParsedInputs {
  const out: ParsedInputs = { manifests: [], dockerfiles: [], order: [] };
  for (const file of files) {
    if (isDockerfile(file)) {
      out.dockerfiles.push(dockerfile ? dockerfile.parseDockerfile(file.text, file.name) : noDockerfiles(file.name));
      out.order.push({ name: file.name, kind: 'dockerfile' });
    } else {
      out.manifests.push(parseManifests(file.text, file.name));
      out.order.push({ name: file.name, kind: 'manifest' });
    }
  }
  return out;
}

/** Runs the rules over parsed inputs: manifests, Dockerfiles, and every Dockerfile against every manifest file. */
export function checkParsedWith(p: ParsedInputs, options: CheckOptions, dockerfile: DockerfileChecks | null): FileResult[] {
  const results: FileResult[] = p.order.map((o) => {
    if (o.kind === 'dockerfile') {
      const df = p.dockerfiles.find((d) => d.file === o.name)!;
      return {
        file: o.name,
        kind: 'dockerfile' as const,
        passed: true,
        findings: dockerfile ? dockerfile.checkDockerfile(df, options) : noDockerfiles(df.file),
        errors: df.errors,
      };
    }
    const m = p.manifests.find((x) => x.file === o.name)!;
    return { file: o.name, kind: 'manifest' as const, passed: true, findings: checkManifests(m, options), errors: m.errors };
  });
  for (const df of p.dockerfiles) {
    for (const m of p.manifests) {
      const r = results.find((x) => x.file === m.file && x.kind === 'manifest')!;
      r.findings.push(...(dockerfile ? dockerfile.checkCross(df, m, options) : noDockerfiles(df.file)));
    }
  }
  for (const r of results) {
    sortFindings(r.findings);
    bound(r);
    r.passed = r.errors.length === 0 && !r.findings.some((f) => f.severity === 'error');
  }
  return results;
}

/**
 * At most LIMITS.maxFindingsPerFile findings and LIMITS.maxErrorsPerFile errors per file.
 * A cut is itself an error, so a file whose findings were cut can never pass (or
 * score) because of the findings it no longer shows.
 */
function bound(r: FileResult): void {
  const errors = r.errors.length > LIMITS.maxErrorsPerFile ? r.errors.slice(0, LIMITS.maxErrorsPerFile) : [...r.errors];
  if (r.errors.length > LIMITS.maxErrorsPerFile) {
    errors.push({
      file: r.file,
      line: errors[errors.length - 1]!.line,
      column: 1,
      message: `too many errors (${r.errors.length}); only the first ${LIMITS.maxErrorsPerFile} are reported`,
    });
  }
  if (r.findings.length > LIMITS.maxFindingsPerFile) {
    const last = r.findings[LIMITS.maxFindingsPerFile - 1]!;
    errors.push({
      file: r.file,
      line: last.line,
      column: last.column,
      message: `too many findings (${r.findings.length}); only the first ${LIMITS.maxFindingsPerFile} are reported`,
    });
    r.findings.length = LIMITS.maxFindingsPerFile;
  }
  r.errors = errors;
}

/** Checks manifests (no Dockerfile among them: isDockerfile) without loading the Dockerfile checks. */
export function checkManifestFiles(files: InputFile[], options: CheckOptions = {}): FileResult[] {
  return checkParsedWith(parseInputsWith(files, null), options, null);
}
