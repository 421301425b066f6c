/**
 * Pod Security Standards by version, as Pod Security Admission evaluates them
 * (kubernetes/pod-security-admission policy/registry.go, checks.go and admission/admission.go).
 * Pure: plain decoded objects in, check results and the API server's words out. The
 * checker (`container-course check --pss-version`) and the simulated API server share it.
 */
import { BASELINE_CHECKS } from './checks-baseline.ts';
import { RESTRICTED_CHECKS } from './checks-restricted.ts';
import { isObj, type Obj } from './pod.ts';
import type { Check, CheckFn, Level, Version } from './types.ts';
import { older, v, versionString } from './types.ts';

export type { Level, Version } from './types.ts';
export { LATEST, parseLevel, parseVersion, v } from './types.ts';

const ALL_CHECKS: Check[] = [...BASELINE_CHECKS, ...RESTRICTED_CHECKS];

/** The newest version any check names: what `latest` evaluates as (registry.go populate). */
export const MAX_VERSION: Version = ALL_CHECKS.flatMap((c) => c.versions.map((x) => x.min)).reduce((a, b) => (older(a, b) ? b : a), v(0));
const maxMinor = MAX_VERSION.latest ? 0 : MAX_VERSION.minor;

/** The check of one id that applies at `minor`: its newest version not newer than `minor`. */
function at(check: Check, minor: number) {
  let found: Check['versions'][number] | undefined;
  for (const ver of check.versions) if (!ver.min.latest && ver.min.minor <= minor) found = ver;
  return found;
}

export interface ActiveCheck {
  id: string;
  level: 'baseline' | 'restricted';
  run: CheckFn;
}

const byId = (a: Check, b: Check) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const tables = new Map<number, { baseline: ActiveCheck[]; restricted: ActiveCheck[] }>();

/**
 * registry.go populate() for one minor version: baseline's checks and restricted's (baseline
 * ones not overridden), ordered by id, baseline first. Built when a version is first asked for
 * (a check of one file asks for one or two versions, not all of them).
 */
function tableAt(minor: number): { baseline: ActiveCheck[]; restricted: ActiveCheck[] } {
  const known = tables.get(minor);
  if (known) return known;
  const overridden = new Set<string>();
  for (const c of RESTRICTED_CHECKS) for (const id of at(c, minor)?.overrides ?? []) overridden.add(id);
  const baseline: ActiveCheck[] = [];
  const restricted: ActiveCheck[] = [];
  for (const c of BASELINE_CHECKS.slice().sort(byId)) {
    const ver = at(c, minor);
    if (!ver) continue;
    baseline.push({ id: c.id, level: 'baseline', run: ver.run });
    if (!overridden.has(c.id)) restricted.push({ id: c.id, level: 'baseline', run: ver.run });
  }
  for (const c of RESTRICTED_CHECKS.slice().sort(byId)) {
    const ver = at(c, minor);
    if (ver) restricted.push({ id: c.id, level: 'restricted', run: ver.run });
  }
  const t = { baseline, restricted };
  tables.set(minor, t);
  return t;
}

/** The checks a level enforces at a version (`latest`, and versions past the newest, evaluate as the newest). */
export function checksFor(level: Level, version: Version): ActiveCheck[] {
  if (level === 'privileged') return [];
  const minor = version.latest || version.minor > maxMinor ? maxMinor : version.minor;
  return tableAt(minor)[level];
}

export interface Violation {
  /** PSA's check id, e.g. "allowPrivilegeEscalation". */
  check: string;
  level: 'baseline' | 'restricted';
  reason: string;
  detail: string;
}

/**
 * Evaluates a pod's metadata and spec (or a pod template's) at a level and version.
 * Returns the violations in PSA's order: baseline checks first, each group by id.
 */
export function evaluatePod(podMeta: unknown, podSpec: unknown, level: Level, version: Version): Violation[] {
  const meta: Obj = isObj(podMeta) ? podMeta : {};
  const spec: Obj = isObj(podSpec) ? podSpec : {};
  const out: Violation[] = [];
  for (const c of checksFor(level, version)) {
    const r = c.run(meta, spec);
    if (!r.allowed) out.push({ check: c.id, level: c.level, reason: r.reason || 'unknown forbidden reason', detail: r.detail ?? '' });
  }
  return out;
}

/** AggregateCheckResult.ForbiddenDetail(): `reason (detail), reason (detail)`. */
export const forbiddenDetail = (violations: Violation[]): string => violations.map((x) => (x.detail ? `${x.reason} (${x.detail})` : x.reason)).join(', ');

/** `"restricted:latest"`, `"baseline:v1.29"`: LevelVersion.String(). */
export const levelVersion = (level: Level, version: Version): string => `${level}:${versionString(version)}`;

/** The enforce error's text: `violates PodSecurity "restricted:latest": …` (admission.go). */
export const violatesMessage = (level: Level, version: Version, violations: Violation[]): string =>
  `violates PodSecurity "${levelVersion(level, version)}": ${forbiddenDetail(violations)}`;

/** The warn/audit text: `would violate PodSecurity "restricted:latest": …` (admission.go). */
export const wouldViolateMessage = (level: Level, version: Version, violations: Violation[]): string =>
  `would violate PodSecurity "${levelVersion(level, version)}": ${forbiddenDetail(violations)}`;
