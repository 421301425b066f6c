/**
 * Templates for the Restricted profile's own controls (volume types, privilege escalation, running as
 * non-root, seccomp, dropping ALL capabilities), following kubernetes/pod-security-admission
 * policy/check_*.go (latest version). The Baseline controls are in pss.ts.
 */
import { isPlainObject } from '../parse/yaml.ts';
import { workloadTemplate, type Hit } from '../rule.ts';
import { allowListTemplate, asText, exemptableTemplate, names, q, sc, strList } from './helpers.ts';

/** capabilities.drop must contain "ALL" exactly (PSA restricted). */
export const capabilitiesDropAll = exemptableTemplate((ctx) => {
  const hits: Hit[] = [];
  for (const c of ctx.containers) {
    const caps = sc(c.spec).capabilities;
    const drop = isPlainObject(caps) ? strList(caps.drop) : [];
    if (drop.includes('ALL')) continue;
    const lower = drop.find((d) => d.toUpperCase() === 'ALL');
    const path = `${c.path}/securityContext/capabilities/drop`;
    hits.push({
      path,
      container: c.name,
      value: isPlainObject(caps) && caps.drop !== undefined ? caps.drop : undefined,
      origin: isPlainObject(caps) && caps.drop !== undefined ? { from: 'container', path } : { from: 'default' },
      vars: lower
        ? {
            note: {
              en: ` ("${lower}" is not "ALL": Pod Security compares names exactly)`,
              'zh-cn': `（"${lower}" 不等于 "ALL"：Pod 安全准入按原样比较名称）`,
            },
          }
        : { note: '' },
      fix: [{ op: isPlainObject(caps) && caps.drop !== undefined ? 'replace' : 'add', path, value: ['ALL'] }],
    });
  }
  return hits;
});

/** volumes[*] of a forbidden type (hostPath), or of a type outside an allow-list (restricted). */
export const volumeTypes = workloadTemplate(
  (z) =>
    z
      .object({
        forbidden: names(z).optional().describe('Volume types that are not allowed (hostPath).'),
        allowed: names(z).optional().describe('The only volume types allowed.'),
      })
      .strict()
      .refine((p) => p.forbidden || p.allowed, 'give forbidden or allowed'),
  (ctx, p) => {
    const vols = ctx.workload.podSpec.volumes;
    if (!Array.isArray(vols)) return [];
    const forbidden = p.forbidden ? new Set(p.forbidden) : null;
    const allowed = p.allowed ? new Set(p.allowed) : null;
    const hits: Hit[] = [];
    vols.forEach((v, i) => {
      if (!isPlainObject(v)) return;
      const name = typeof v.name === 'string' ? v.name : `#${i}`;
      for (const type of Object.keys(v)) {
        if (type === 'name' || v[type] === null || v[type] === undefined) continue;
        const bad = forbidden?.has(type) || (allowed && !allowed.has(type));
        if (!bad) continue;
        hits.push({ path: `${ctx.workload.podSpecPath}/volumes/${i}/${type}`, value: type, vars: { volume: name, type } });
      }
    });
    return hits;
  },
);

/** Restricted seccomp: RuntimeDefault/Localhost at pod level, or on every container; no explicit other value. */
export const seccompRequired = allowListTemplate('seccompProfile.type values that count as set.', (ctx, allowed) => {
  const hits: Hit[] = [];
  const w = ctx.workload;
  const podPath = `${w.podSpecPath}/securityContext/seccompProfile/type`;
  const podProf = sc(w.podSpec).seccompProfile;
  let podSet = false;
  if (isPlainObject(podProf)) {
    if (allowed.has(asText(podProf.type))) podSet = true;
    else
      hits.push({
        path: podPath,
        value: podProf.type,
        vars: {
          detail: {
            en: 'the pod must not set securityContext.seccompProfile.type to ' + q(asText(podProf.type)),
            'zh-cn': 'Pod 不得将 securityContext.seccompProfile.type 设为 ' + q(asText(podProf.type)),
          },
        },
        origin: { from: 'pod', path: podPath },
        fix: [{ op: 'replace', path: podPath, value: 'RuntimeDefault' }],
      });
  }
  for (const c of ctx.containers) {
    const prof = sc(c.spec).seccompProfile;
    const path = `${c.path}/securityContext/seccompProfile/type`;
    if (isPlainObject(prof)) {
      if (!allowed.has(asText(prof.type))) {
        hits.push({
          path,
          container: c.name,
          value: prof.type,
          origin: { from: 'container', path },
          vars: {
            detail: {
              en: `container ${q(c.name)} must not set securityContext.seccompProfile.type to ${q(asText(prof.type))}`,
              'zh-cn': `容器 ${q(c.name)} 不得将 securityContext.seccompProfile.type 设为 ${q(asText(prof.type))}`,
            },
          },
          fix: [{ op: 'replace', path, value: 'RuntimeDefault' }],
        });
      }
    } else if (!podSet) {
      hits.push({
        path,
        container: c.name,
        value: undefined,
        origin: { from: 'default' },
        vars: {
          detail: {
            en: `pod or container ${q(c.name)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
            'zh-cn': `Pod 或容器 ${q(c.name)} 必须将 securityContext.seccompProfile.type 设为 "RuntimeDefault" 或 "Localhost"`,
          },
        },
        fix: [{ op: 'add', path: `${c.path}/securityContext/seccompProfile`, value: { type: 'RuntimeDefault' } }],
      });
    }
  }
  return hits;
});

/** Restricted allowPrivilegeEscalation: every container must set it to false explicitly. */
export const allowPrivilegeEscalationFalse = exemptableTemplate((ctx) => {
  const hits: Hit[] = [];
  for (const c of ctx.containers) {
    const v = sc(c.spec).allowPrivilegeEscalation;
    if (v === false) continue;
    const path = `${c.path}/securityContext/allowPrivilegeEscalation`;
    hits.push({
      path,
      container: c.name,
      value: v ?? true,
      origin: v === undefined ? { from: 'default' } : { from: 'container', path },
      fix: [{ op: v === undefined ? 'add' : 'replace', path, value: false }],
    });
  }
  return hits;
});

/** runAsNonRoot: true at pod level (not overridden with false) or on every container. */
export const runAsNonRoot = exemptableTemplate((ctx) => {
  const hits: Hit[] = [];
  const w = ctx.workload;
  const podPath = `${w.podSpecPath}/securityContext/runAsNonRoot`;
  const pod = sc(w.podSpec).runAsNonRoot;
  if (pod === false)
    hits.push({
      path: podPath,
      value: false,
      origin: { from: 'pod', path: podPath },
      vars: { detail: { en: 'pod must not set securityContext.runAsNonRoot=false', 'zh-cn': 'Pod 不得设置 securityContext.runAsNonRoot=false' } },
      fix: [{ op: 'replace', path: podPath, value: true }],
    });
  for (const c of ctx.containers) {
    const v = sc(c.spec).runAsNonRoot;
    const path = `${c.path}/securityContext/runAsNonRoot`;
    if (v === false) {
      hits.push({
        path,
        container: c.name,
        value: false,
        origin: { from: 'container', path },
        vars: {
          detail: {
            en: `container ${q(c.name)} must not set securityContext.runAsNonRoot=false`,
            'zh-cn': `容器 ${q(c.name)} 不得设置 securityContext.runAsNonRoot=false`,
          },
        },
        fix: [{ op: 'replace', path, value: true }],
      });
    } else if (v === undefined && pod !== true) {
      hits.push({
        path,
        container: c.name,
        value: pod ?? undefined,
        origin: pod === false ? { from: 'pod', path: podPath } : { from: 'default' },
        vars: {
          detail: {
            en: `pod or container ${q(c.name)} must set securityContext.runAsNonRoot=true`,
            'zh-cn': `Pod 或容器 ${q(c.name)} 必须设置 securityContext.runAsNonRoot=true`,
          },
        },
        fix: [{ op: 'add', path, value: true }],
      });
    }
  }
  return hits;
});

/** runAsUser must not be 0, at pod or container level. */
export const runAsUserNotRoot = exemptableTemplate((ctx) => {
  const hits: Hit[] = [];
  const w = ctx.workload;
  if (sc(w.podSpec).runAsUser === 0) {
    const path = `${w.podSpecPath}/securityContext/runAsUser`;
    hits.push({ path, value: 0, origin: { from: 'pod', path }, vars: { where: 'pod' } });
  }
  for (const c of ctx.containers) {
    if (sc(c.spec).runAsUser === 0) {
      const path = `${c.path}/securityContext/runAsUser`;
      hits.push({ path, container: c.name, value: 0, origin: { from: 'container', path }, vars: { where: `container ${q(c.name)}` } });
    }
  }
  return hits;
});
