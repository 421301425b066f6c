/**
 * The checking engine: runs the rules of a profile over manifests and Dockerfiles
 * and turns template hits into findings with positions, texts and fixes.
 */
import { containersOf, type ContainerRef } from './effective.ts';
import { isDockerfileName, looksLikeDockerfile, parseDockerfile, type DockerfileModel } from './parse/dockerfile.ts';
import { documentAt, parseManifests, type ParsedManifests } from './parse/yaml.ts';
import { fixProblem } from './fix.ts';
import { PROFILES, type Profile, type ProfileName } from './profile.ts';
import type { Hit, RuleDef } from './rule.ts';
import { ALL_RULES } from './rules/index.ts';
import { crossTemplates, dockerfileTemplates, workloadTemplates } from './templates/index.ts';
import type { FileResult, Finding, Severity, Text } from './types.ts';
import { LATEST, type Version } from '../k8s/pss/index.ts';
import { reconcilePss } from './pss-version.ts';
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

function fill(template: string, vars: Record<string, string>): string {
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(vars, k) ? vars[k]! : m));
}

/** A value inside a message: at most LIMITS.maxQuotedChars characters, so one huge value cannot flood the output. */
function clip(s: string): string {
  return s.length > LIMITS.maxQuotedChars ? `${s.slice(0, LIMITS.maxQuotedChars)}… (${s.length} characters)` : s;
}

function show(v: unknown): string {
  if (v === undefined) return 'unset';
  return clip(typeof v === 'string' ? v : asText(v));
}

/** A rule's message and remediation in one language, with the hit's values filled in. */
function renderTexts(rule: RuleDef, hit: Hit, locale: 'en' | 'zh-cn'): { message: string; remediation: string } {
  const vars: Record<string, string> = { container: hit.container ?? '', value: show(hit.value) };
  if (hit.vars) for (const k of Object.keys(hit.vars)) {
    const v = hit.vars[k]!;
    vars[k] = clip(typeof v === 'string' ? v : v[locale]);
  }
  return { message: fill(rule.message[locale], vars), remediation: fill(rule.remediation[locale], vars) };
}

export function toFinding(rule: RuleDef, severity: Severity, hit: Hit, file: string, pos: { line: number; column: number }, object?: { kind: string; name: string }, doc = 0): Finding {
  const texts: Text[] = [];
  const en = renderTexts(rule, hit, 'en');
  const zh = renderTexts(rule, hit, 'zh-cn');
  texts.push({ en: en.message, 'zh-cn': zh.message });
  const f: Finding = {
    rule: rule.id, severity, message: texts[0]!, remediation: { en: en.remediation, 'zh-cn': zh.remediation },
    file, line: hit.line ?? pos.line, column: hit.column ?? pos.column, path: hit.path,
  };
  if (object) f.object = object;
  if (hit.container !== undefined) f.container = hit.container;
  if ('value' in hit) f.value = hit.value;
  if (hit.origin) f.origin = hit.origin;
  if (hit.fix?.length) f.fix = { description: { en: en.remediation, 'zh-cn': zh.remediation }, document: doc, ops: hit.fix };
  return f;
}

function activeRules(options: CheckOptions): [RuleDef, Severity][] {
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
function fitting(m: ParsedManifests, doc: number, hit: Hit): Hit {
  if (!hit.fix?.length) return hit;
  const d = documentAt(m, doc);
  if (d && hit.fix.every((op) => fixProblem(d, op) === null)) return hit;
  const { fix: _dropped, ...rest } = hit;
  return rest;
}

export function checkManifests(m: ParsedManifests, options: CheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const rules = activeRules(options).filter(([r]) => r.target === 'workload');
  for (const w of m.workloads) {
    const locate = (ptr: string) => m.locate(w.doc, ptr);
    const ctx = { manifests: m, workload: w, containers: containersOf(w), locate };
    const own: Finding[] = [];
    for (const [rule, severity] of rules) {
      const tpl = Object.hasOwn(workloadTemplates, rule.template) ? workloadTemplates[rule.template] : undefined;
      if (!tpl) throw new Error(`rule ${rule.id} names unknown template ${rule.template}`);
      for (const hit of tpl.run(ctx, rule.params)) {
        own.push(toFinding(rule, severity, fitting(m, w.doc, hit), m.file, locate(hit.path), { kind: w.kind, name: w.name }, w.doc));
      }
    }
    findings.push(...reconcilePss(own, w, rules, options.pssVersion ?? LATEST, m.file, locate));
  }
  return findings;
}

export function checkDockerfile(df: DockerfileModel, options: CheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  if (!df.stages.length) return findings;
  for (const [rule, severity] of activeRules(options).filter(([r]) => r.target === 'dockerfile')) {
    const tpl = Object.hasOwn(dockerfileTemplates, rule.template) ? dockerfileTemplates[rule.template] : undefined;
    if (!tpl) throw new Error(`rule ${rule.id} names unknown template ${rule.template}`);
    for (const hit of tpl.run(df, rule.params)) findings.push(toFinding(rule, severity, hit, df.file, { line: hit.line ?? 1, column: hit.column ?? 1 }));
  }
  return findings;
}

export function checkCross(df: DockerfileModel, m: ParsedManifests, options: CheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  if (!df.stages.length) return findings;
  const ctx = { manifests: m, dockerfile: df, matches: options.dockerfileImage ?? (() => true) };
  for (const [rule, severity] of activeRules(options).filter(([r]) => r.target === 'cross')) {
    const tpl = Object.hasOwn(crossTemplates, rule.template) ? crossTemplates[rule.template] : undefined;
    if (!tpl) throw new Error(`rule ${rule.id} names unknown template ${rule.template}`);
    for (const hit of tpl.run(ctx, rule.params)) {
      findings.push(toFinding(rule, severity, fitting(m, hit.doc ?? 0, hit), m.file, m.locate(hit.doc ?? 0, hit.path), hit.object, hit.doc ?? 0));
    }
  }
  return findings;
}

export function sortFindings(f: Finding[]): Finding[] {
  return f.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
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

/** Parses every file once: Dockerfiles by name (or content, for stdin), everything else as YAML/JSON manifests. */
export function parseInputs(files: InputFile[]): ParsedInputs {
  const out: ParsedInputs = { manifests: [], dockerfiles: [], order: [] };
  for (const file of files) {
    if (isDockerfile(file)) {
      out.dockerfiles.push(parseDockerfile(file.text, file.name));
      out.order.push({ name: file.name, kind: 'dockerfile' });
    } else {
      out.manifests.push(parseManifests(file.text, file.name));
      out.order.push({ name: file.name, kind: 'manifest' });
    }
  }
  return out;
}

/** Runs the rules over parsed inputs: manifests, Dockerfiles, and every Dockerfile against every manifest file. */
export function checkParsed(p: ParsedInputs, options: CheckOptions = {}): FileResult[] {
  const results: FileResult[] = p.order.map((o) => {
    if (o.kind === 'dockerfile') {
      const df = p.dockerfiles.find((d) => d.file === o.name)!;
      return { file: o.name, kind: 'dockerfile' as const, passed: true, findings: checkDockerfile(df, options), errors: df.errors };
    }
    const m = p.manifests.find((x) => x.file === o.name)!;
    return { file: o.name, kind: 'manifest' as const, passed: true, findings: checkManifests(m, options), errors: m.errors };
  });
  for (const df of p.dockerfiles) {
    for (const m of p.manifests) {
      const r = results.find((x) => x.file === m.file && x.kind === 'manifest')!;
      r.findings.push(...checkCross(df, m, options));
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
    errors.push({ file: r.file, line: errors[errors.length - 1]!.line, column: 1, message: `too many errors (${r.errors.length}); only the first ${LIMITS.maxErrorsPerFile} are reported` });
  }
  if (r.findings.length > LIMITS.maxFindingsPerFile) {
    const last = r.findings[LIMITS.maxFindingsPerFile - 1]!;
    errors.push({ file: r.file, line: last.line, column: last.column, message: `too many findings (${r.findings.length}); only the first ${LIMITS.maxFindingsPerFile} are reported` });
    r.findings.length = LIMITS.maxFindingsPerFile;
  }
  r.errors = errors;
}

/** Checks a set of files together. */
export function checkFiles(files: InputFile[], options: CheckOptions = {}): FileResult[] {
  return checkParsed(parseInputs(files), options);
}
