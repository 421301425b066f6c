/**
 * Pod Security Admission from namespace labels (kubernetes/pod-security-admission@v0.30.0
 * api/helpers.go PolicyToEvaluate, admission/admission.go EvaluatePod / EvaluatePodController),
 * with src/k8s/pss's checks and wording: the same code `container-course check --profile` runs.
 */
import type { Cause } from './errors.ts';
import { shown } from './validate.ts';
import { evaluatePod, LATEST, parseLevel, parseVersion, violatesMessage, wouldViolateMessage, type Level, type Version } from '../../../k8s/pss/index.ts';

export interface LevelVersion {
  level: Level;
  version: Version;
}
export interface NamespacePolicy {
  enforce: LevelVersion;
  warn: LevelVersion;
  audit: LevelVersion;
}

const PREFIX = 'pod-security.kubernetes.io/';
const PRIVILEGED: LevelVersion = { level: 'privileged', version: LATEST };

const LEVEL_RANK: Record<Level, number> = { privileged: 0, baseline: 1, restricted: 2 };

/**
 * PolicyToEvaluate (pod-security-admission@v0.30.5:api/helpers.go): each mode from its labels, in the order enforce,
 * enforce-version, audit, audit-version, warn, warn-version. An unparseable level evaluates as restricted for enforce and
 * fails open (privileged) for audit and warn; an unparseable version as latest. Warn takes enforce's level, and its
 * version unless warn-version is set, when enforce's valid level is stricter than warn's and no warn level is set.
 * `errors` are appendErr's field.Invalid on metadata.labels[KEY] (the namespace's admission refuses them).
 */
export function policyOf(labels: Record<string, string> | undefined): NamespacePolicy & { errors: Cause[] } {
  const l = labels ?? {};
  const errors: Cause[] = [];
  const p = { enforce: { ...PRIVILEGED }, warn: { ...PRIVILEGED }, audit: { ...PRIVILEGED } };
  const read = <T>(key: string, parse: (t: string) => T | { error: string }): T | { error: string } | undefined => {
    const text = l[`${PREFIX}${key}`];
    if (text === undefined) return undefined;
    const r = parse(text);
    if (typeof r === 'object' && r && 'error' in r)
      errors.push({ field: `metadata.labels[${PREFIX}${key}]`, message: `Invalid value: ${shown(text)}: ${r.error}` });
    return r;
  };
  let hasEnforceLevel = false;
  for (const mode of ['enforce', 'audit', 'warn'] as const) {
    const level = read(mode, parseLevel);
    if (level) p[mode].level = 'level' in level ? level.level : mode === 'enforce' ? 'restricted' : 'privileged';
    if (mode === 'enforce') hasEnforceLevel = Boolean(level && 'level' in level);
    const version = read(`${mode}-version`, parseVersion);
    if (version) p[mode].version = 'version' in version ? version.version : LATEST;
  }
  if (!(`${PREFIX}warn` in l) && hasEnforceLevel && LEVEL_RANK[p.enforce.level] > LEVEL_RANK[p.warn.level]) {
    p.warn.level = p.enforce.level;
    if (!(`${PREFIX}warn-version` in l)) p.warn.version = p.enforce.version;
  }
  return { ...p, errors };
}

/**
 * ValidateNamespace (pod-security-admission@v0.30.5:admission/admission.go): a namespace created with invalid
 * pod-security labels is refused (invalidResponse: `The Namespace "x" is invalid: metadata.labels[…]: Invalid value: …`),
 * and so is an update whose label errors are new or changed; `old` is undefined on create.
 */
export function namespaceLabelErrors(old: Record<string, string> | undefined | null, next: Record<string, string> | undefined): Cause[] {
  const errs = policyOf(next).errors;
  if (!errs.length || old === null) return errs;
  const before = policyOf(old).errors;
  return before.length && JSON.stringify(before) === JSON.stringify(errs) ? [] : errs;
}

const same = (a: LevelVersion, b: LevelVersion) =>
  a.level === b.level && (a.level === 'privileged' || (a.version.latest ? b.version.latest : !b.version.latest && a.version.minor === b.version.minor));

export interface AdmissionResult {
  /** The Forbidden reason (`violates PodSecurity "restricted:latest": …`), for pods only. */
  denied?: string;
  warnings: string[];
}

/** EvaluatePod: enforce denies; warn (when it differs from enforce) warns. */
export function admitPodSecurity(policy: NamespacePolicy, meta: unknown, spec: unknown): AdmissionResult {
  const enforce = evaluatePod(meta, spec, policy.enforce.level, policy.enforce.version);
  if (enforce.length) return { denied: violatesMessage(policy.enforce.level, policy.enforce.version, enforce), warnings: [] };
  const warnings: string[] = [];
  if (!same(policy.warn, policy.enforce)) {
    const warn = evaluatePod(meta, spec, policy.warn.level, policy.warn.version);
    if (warn.length) warnings.push(wouldViolateMessage(policy.warn.level, policy.warn.version, warn));
  }
  return { warnings };
}

/** EvaluatePodController: a workload's pod template is only warned about (warn level), never denied. */
export function admitPodController(policy: NamespacePolicy, meta: unknown, spec: unknown): AdmissionResult {
  const warn = evaluatePod(meta, spec, policy.warn.level, policy.warn.version);
  return { warnings: warn.length ? [wouldViolateMessage(policy.warn.level, policy.warn.version, warn)] : [] };
}

/**
 * ValidateNamespace on a label update that changes enforce: the existing pods that would now be
 * refused, one evaluation per controller, grouped by their reasons (`web (and 2 other pods): …`).
 */
export function namespaceWarnings(
  namespace: string,
  before: NamespacePolicy,
  after: NamespacePolicy,
  pods: { name: string; owner?: string; meta: unknown; spec: unknown }[],
): string[] {
  if (same(before.enforce, after.enforce) || after.enforce.level === 'privileged') return [];
  const seenOwners = new Set<string>();
  const groups = new Map<string, string[]>();
  for (const p of pods.slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (p.owner) {
      if (seenOwners.has(p.owner)) continue;
      seenOwners.add(p.owner);
    }
    const v = evaluatePod(p.meta, p.spec, after.enforce.level, after.enforce.version);
    if (!v.length) continue;
    const reasons = [...new Set(v.map((x) => x.reason))].join(', ');
    groups.set(reasons, [...(groups.get(reasons) ?? []), p.name]);
  }
  if (!groups.size) return [];
  const level = `${after.enforce.level}:${after.enforce.version.latest ? 'latest' : `v1.${after.enforce.version.minor}`}`;
  const out = [`existing pods in namespace "${namespace}" violate the new PodSecurity enforce level "${level}"`];
  for (const [reasons, names] of groups) out.push(`${names[0]}${names.length > 1 ? ` (and ${names.length - 1} other pods)` : ''}: ${reasons}`);
  return out;
}
