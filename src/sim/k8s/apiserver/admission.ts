/**
 * Pod Security Admission from namespace labels (kubernetes/pod-security-admission@v0.30.0
 * api/helpers.go PolicyToEvaluate, admission/admission.go EvaluatePod / EvaluatePodController),
 * with src/k8s/pss's checks and wording: the same code `container-course check --profile` runs.
 */
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

/** PolicyToEvaluate: each mode from its labels; warn defaults to enforce when only enforce is set. */
export function policyOf(labels: Record<string, string> | undefined): NamespacePolicy {
  const l = labels ?? {};
  const mode = (m: string): { lv: LevelVersion; hasLevel: boolean; hasVersion: boolean } => {
    const lv: LevelVersion = { ...PRIVILEGED };
    let hasLevel = false;
    let hasVersion = false;
    const level = l[`${PREFIX}${m}`];
    if (level !== undefined) {
      const p = parseLevel(level);
      // An unparseable level evaluates as restricted (admission.go: the most restrictive level).
      lv.level = 'level' in p ? p.level : 'restricted';
      hasLevel = true;
    }
    const ver = l[`${PREFIX}${m}-version`];
    if (ver !== undefined) {
      const p = parseVersion(ver);
      lv.version = 'version' in p ? p.version : LATEST;
      hasVersion = true;
    }
    return { lv, hasLevel, hasVersion };
  };
  const enforce = mode('enforce');
  const warn = mode('warn');
  const audit = mode('audit');
  if (enforce.hasLevel && !warn.hasLevel) warn.lv.level = enforce.lv.level;
  if (enforce.hasVersion && !warn.hasVersion) warn.lv.version = enforce.lv.version;
  return { enforce: enforce.lv, warn: warn.lv, audit: audit.lv };
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
