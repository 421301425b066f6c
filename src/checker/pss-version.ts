/**
 * The checker's Pod Security findings agree with Pod Security Admission at a chosen
 * version. The rule templates locate each problem (line, field path, container, fix);
 * src/k8s/pss — the same code the simulated API server calls — decides the verdict:
 * a template's finding stays only where PSA reports that check at that level and
 * version, and a PSA violation no template located (an older version's narrower
 * allow-list, the seccomp annotations before v1.19, …) becomes a finding at the pod spec.
 */
import { evaluatePod, levelVersion, type Level, type Version, type Violation } from '../k8s/pss/index.ts';
import type { Workload } from './parse/yaml.ts';
import type { RuleDef } from './rule.ts';
import type { Finding, Severity } from './types.ts';

/**
 * capabilities_restricted reports two problems in one detail (`…drop=["ALL"]; …must not
 * include … in securityContext.capabilities.add`); the course has a rule for each.
 */
function split(v: Violation): [string, Violation][] {
  if (v.check !== 'capabilities_restricted') return [[v.check, v]];
  return v.detail
    .split('; ')
    .map((part) => [part.includes('capabilities.add') ? 'capabilities_restricted/add' : 'capabilities_restricted', { ...v, detail: part }]);
}

/** The PSS level a profile's rules amount to: restricted if any restricted control is on. */
export function profileLevel(rules: [RuleDef, Severity][]): Level | undefined {
  if (rules.some(([r]) => r.pss?.level === 'restricted')) return 'restricted';
  if (rules.some(([r]) => r.pss?.level === 'baseline')) return 'baseline';
  return undefined;
}

/** Where a check's fields live, relative to the pod spec (or, with `meta:`, the pod metadata). */
const FIELDS: Record<string, string[]> = {
  sysctls: ['/securityContext/sysctls'],
  seccompProfile_baseline: ['meta:/annotations', '/securityContext/seccompProfile'],
  seccompProfile_restricted: ['/securityContext/seccompProfile'],
  seLinuxOptions: ['/securityContext/seLinuxOptions'],
  appArmorProfile: ['meta:/annotations', '/securityContext/appArmorProfile'],
  runAsNonRoot: ['/securityContext/runAsNonRoot', '/securityContext'],
  runAsUser: ['/securityContext/runAsUser'],
  hostNamespaces: ['/hostNetwork', '/hostPID', '/hostIPC'],
  restrictedVolumes: ['/volumes'],
  hostPathVolumes: ['/volumes'],
};

/** The first of a check's fields present in the workload, as a JSON pointer; else the pod spec. */
function fieldOf(check: string, w: Workload): string {
  const has = (root: unknown, ptr: string) =>
    ptr
      .split('/')
      .slice(1)
      .reduce<unknown>((o, k) => (o && typeof o === 'object' && Object.hasOwn(o, k) ? (o as Record<string, unknown>)[k] : undefined), root) !== undefined;
  for (const f of FIELDS[check] ?? []) {
    if (f.startsWith('meta:')) {
      if (has(w.podMeta, f.slice(5))) return `${w.podMetaPath}${f.slice(5)}`;
    } else if (has(w.podSpec, f)) return `${w.podSpecPath}${f}`;
  }
  return w.podSpecPath;
}

function synthesized(
  rule: RuleDef,
  severity: Severity,
  v: Violation,
  at: string,
  w: Workload,
  file: string,
  locate: (ptr: string) => { line: number; column: number },
): Finding {
  const path = fieldOf(v.check, w);
  const pos = locate(path);
  const text = `${v.reason}${v.detail ? ` (${v.detail})` : ''}`;
  return {
    rule: rule.id,
    severity,
    message: { en: text, 'zh-cn': `Pod 安全准入：${text}` },
    remediation: {
      en: `Change the pod so that PodSecurity "${at}" admits it: ${v.detail || v.reason}.`,
      'zh-cn': `修改这个 Pod，使 PodSecurity "${at}" 准入它：${v.detail || v.reason}。`,
    },
    file,
    line: pos.line,
    column: pos.column,
    path,
    object: { kind: w.kind, name: w.name },
    pss: at,
  };
}

/**
 * What reconciling needs of a profile's rules, worked out once per check rather than
 * once per workload: the Pod Security rules by id, the level they amount to, and the
 * rule each PSA check id maps to (ruleFor, as lookups).
 */
export interface PssPlan {
  level: Level;
  byId: Map<string, [RuleDef, Severity]>;
  ruleFor(check: string): [RuleDef, Severity] | undefined;
}

/** The plan for a profile's active rules; null when no Pod Security rule is on (nothing to reconcile). */
export function pssPlan(rules: [RuleDef, Severity][]): PssPlan | null {
  const pssRules = rules.filter(([r]) => r.pss);
  const level = profileLevel(pssRules);
  if (!level) return null;
  // The first rule of each id and of each PSA check, as ruleFor's find() would pick them.
  const byId = new Map<string, [RuleDef, Severity]>();
  const byCheck = new Map<string, [RuleDef, Severity]>();
  for (const rs of pssRules) {
    if (!byId.has(rs[0].id)) byId.set(rs[0].id, rs);
    if (!byCheck.has(rs[0].pss!.check)) byCheck.set(rs[0].pss!.check, rs);
  }
  return {
    level,
    byId,
    ruleFor(check) {
      // PSA check id → the rule that reports it. (procMount_restricted is the restricted form of the procMount control.)
      if (check === 'capabilities_restricted/add') return byId.get('pss-capabilities-restricted-add');
      if (check === 'capabilities_restricted') return byId.get('pss-capabilities-restricted');
      return byCheck.get(check === 'procMount_restricted' ? 'procMount' : check);
    },
  };
}

/**
 * Reconciles one workload's findings with PSA at `version`: drops Pod Security findings
 * PSA does not report, adds the violations no template located, and labels each Pod
 * Security finding with the level and version it was judged at ("restricted:v1.29").
 * `findings` are the workload's own, fresh from the templates: the kept ones are labelled
 * in place.
 */
export function reconcilePss(
  findings: Finding[],
  w: Workload,
  plan: PssPlan | null,
  version: Version,
  file: string,
  locate: (ptr: string) => { line: number; column: number },
): Finding[] {
  if (!plan) return findings;
  const at = levelVersion(plan.level, version);
  const violations = evaluatePod(w.podMeta, w.podSpec, plan.level, version);
  const violatedRules = new Map<string, Violation>();
  for (const v of violations) {
    for (const [check, part] of split(v)) {
      const r = plan.ruleFor(check);
      if (r) violatedRules.set(r[0].id, part);
    }
  }
  const kept: Finding[] = [];
  const located = new Set<string>();
  for (const f of findings) {
    if (!plan.byId.has(f.rule)) kept.push(f);
    else if (violatedRules.has(f.rule)) {
      f.pss = at;
      kept.push(f);
    } else continue;
    located.add(f.rule);
  }
  for (const [ruleId, v] of violatedRules) {
    if (located.has(ruleId)) continue;
    const [rule, severity] = plan.byId.get(ruleId)!;
    kept.push(synthesized(rule, severity, v, at, w, file, locate));
  }
  return kept;
}
