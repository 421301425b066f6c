/**
 * Templates for the Pod Security Standards controls, following
 * kubernetes/pod-security-admission policy/check_*.go (latest version).
 * Allowed values and exemptions are parameters; the rules in rules/pss.ts fill them in.
 */
import { noParams } from '../schema-parts.ts';
import { isPlainObject, pointer } from '../parse/yaml.ts';
import { workloadTemplate, type Hit } from '../rule.ts';
import { allowListTemplate, asText, exempt, exemptions, names, q, sc, strList } from './helpers.ts';

/** Pod-level booleans that must be unset or false (hostNetwork, hostPID, hostIPC). */
export const podBooleansFalse = workloadTemplate(
  (z) =>
    z
      .object({
        fields: z.array(z.string().min(1)).min(1).describe('Pod fields that must be unset or false (hostNetwork, hostPID, hostIPC).'),
      })
      .strict(),
  (ctx, p) => {
    const hits: Hit[] = [];
    for (const f of p.fields) {
      if (ctx.workload.podSpec[f] === true) {
        hits.push({
          path: `${ctx.workload.podSpecPath}/${f}`,
          value: true,
          vars: { field: f },
          fix: [{ op: 'remove', path: `${ctx.workload.podSpecPath}/${f}` }],
        });
      }
    }
    return hits;
  },
);

/** securityContext.windowsOptions.hostProcess must be unset or false, on the pod and every container. */
export const windowsHostProcess = workloadTemplate(noParams, (ctx) => {
  const hits: Hit[] = [];
  const podPath = `${ctx.workload.podSpecPath}/securityContext/windowsOptions/hostProcess`;
  const pod = sc(ctx.workload.podSpec).windowsOptions;
  if (isPlainObject(pod) && pod.hostProcess === true) hits.push({ path: podPath, value: true, vars: { where: 'pod' }, origin: { from: 'pod', path: podPath } });
  for (const c of ctx.containers) {
    const w = sc(c.spec).windowsOptions;
    if (isPlainObject(w) && w.hostProcess === true) {
      const path = `${c.path}/securityContext/windowsOptions/hostProcess`;
      hits.push({ path, container: c.name, value: true, vars: { where: `container ${q(c.name)}` }, origin: { from: 'container', path } });
    }
  }
  return hits;
});

/** A container securityContext field that must be unset or one of the allowed values (privileged, procMount). */
export const containerFieldAllowed = workloadTemplate(
  (z) =>
    z
      .object({
        field: z.string().min(1).describe('The container securityContext field (privileged, procMount).'),
        allowed: z
          .array(z.union([z.string(), z.boolean(), z.number()]))
          .default([])
          .describe('The values it may have besides unset.'),
        ...exemptions(z),
      })
      .strict(),
  (ctx, p) => {
    if (exempt(ctx, p)) return [];
    const field = p.field;
    const allowed: unknown[] = p.allowed;
    const hits: Hit[] = [];
    for (const c of ctx.containers) {
      const v = sc(c.spec)[field];
      if (v === undefined || v === null || allowed.includes(v)) continue;
      const path = `${c.path}/securityContext/${field}`;
      hits.push({ path, container: c.name, value: v, origin: { from: 'container', path }, fix: [{ op: 'remove', path }] });
    }
    return hits;
  },
);

/** capabilities.add must be a subset of `allowed` (case-sensitive, as PSA compares). */
export const capabilitiesAddAllowed = allowListTemplate('Capabilities capabilities.add may hold (compared exactly, as PSA does).', (ctx, allowed) => {
  const hits: Hit[] = [];
  for (const c of ctx.containers) {
    const caps = sc(c.spec).capabilities;
    if (!isPlainObject(caps)) continue;
    strList(caps.add).forEach((cap, i) => {
      if (allowed.has(cap)) return;
      const path = `${c.path}/securityContext/capabilities/add/${i}`;
      hits.push({ path, container: c.name, value: cap, origin: { from: 'container', path }, fix: [{ op: 'remove', path }] });
    });
  }
  return hits;
});

/** ports[*].hostPort must be unset or 0. */
export const hostPorts = workloadTemplate(noParams, (ctx) => {
  const hits: Hit[] = [];
  for (const c of ctx.containers) {
    const ports = c.spec.ports;
    if (!Array.isArray(ports)) continue;
    ports.forEach((port, i) => {
      if (!isPlainObject(port) || port.hostPort === undefined || port.hostPort === null || port.hostPort === 0) return;
      const path = `${c.path}/ports/${i}/hostPort`;
      hits.push({ path, container: c.name, value: port.hostPort, fix: [{ op: 'remove', path }] });
    });
  }
  return hits;
});

/** AppArmor: profile type RuntimeDefault or Localhost; beta annotations runtime/default or localhost/*. */
export const appArmor = workloadTemplate(
  (z) =>
    z
      .object({
        allowedTypes: names(z).describe('appArmorProfile.type values allowed.'),
        annotationPrefix: z.string().min(1).describe("The beta annotations' key prefix; their values may be runtime/default or localhost/*."),
      })
      .strict(),
  (ctx, p) => {
    const allowedTypes = new Set(p.allowedTypes);
    const hits: Hit[] = [];
    const w = ctx.workload;
    const podProf = sc(w.podSpec).appArmorProfile;
    if (isPlainObject(podProf) && !allowedTypes.has(asText(podProf.type))) {
      const path = `${w.podSpecPath}/securityContext/appArmorProfile/type`;
      hits.push({ path, value: podProf.type, vars: { where: 'pod' }, origin: { from: 'pod', path } });
    }
    for (const c of ctx.containers) {
      const prof = sc(c.spec).appArmorProfile;
      if (isPlainObject(prof) && !allowedTypes.has(asText(prof.type))) {
        const path = `${c.path}/securityContext/appArmorProfile/type`;
        hits.push({ path, container: c.name, value: prof.type, vars: { where: `container ${q(c.name)}` }, origin: { from: 'container', path } });
      }
    }
    const ann = w.podMeta.annotations;
    if (isPlainObject(ann)) {
      for (const [k, v] of Object.entries(ann)) {
        if (!k.startsWith(p.annotationPrefix)) continue;
        const val = v === null || v === undefined ? '' : asText(v);
        if (val === '' || val === 'runtime/default' || val.startsWith('localhost/')) continue;
        hits.push({
          path: `${w.podMetaPath}/annotations${pointer(k)}`,
          container: k.slice(p.annotationPrefix.length),
          value: val,
          vars: { where: `annotation ${k}` },
        });
      }
    }
    return hits;
  },
);

/** seLinuxOptions: type in the allow-list, user and role empty. */
export const seLinux = workloadTemplate(
  (z) =>
    z
      .object({
        allowedTypes: z.array(z.string()).describe('seLinuxOptions.type values allowed ("" included when empty is).'),
      })
      .strict(),
  (ctx, p) => {
    const types = new Set(p.allowedTypes);
    const hits: Hit[] = [];
    const check = (opts: unknown, base: string, container?: string) => {
      if (!isPlainObject(opts)) return;
      const origin = { from: container ? ('container' as const) : ('pod' as const), path: base };
      if (opts.type !== undefined && !types.has(opts.type === null ? '' : asText(opts.type)))
        hits.push({ path: `${base}/type`, container, value: opts.type, vars: { field: 'type' }, origin });
      for (const f of ['user', 'role']) {
        if (typeof opts[f] === 'string' && opts[f] !== '')
          hits.push({ path: `${base}/${f}`, container, value: opts[f], vars: { field: f }, origin, fix: [{ op: 'remove', path: `${base}/${f}` }] });
      }
    };
    check(sc(ctx.workload.podSpec).seLinuxOptions, `${ctx.workload.podSpecPath}/securityContext/seLinuxOptions`);
    for (const c of ctx.containers) check(sc(c.spec).seLinuxOptions, `${c.path}/securityContext/seLinuxOptions`, c.name);
    return hits;
  },
);

/** Baseline seccomp: no Unconfined at pod or container level. */
export const seccompForbidden = workloadTemplate(
  (z) =>
    z
      .object({
        forbidden: names(z).describe('seccompProfile.type values that are not allowed.'),
      })
      .strict(),
  (ctx, p) => {
    const forbidden = new Set(p.forbidden);
    const hits: Hit[] = [];
    const podType = (sc(ctx.workload.podSpec).seccompProfile as Record<string, unknown> | undefined)?.type;
    if (typeof podType === 'string' && forbidden.has(podType)) {
      const path = `${ctx.workload.podSpecPath}/securityContext/seccompProfile/type`;
      hits.push({ path, value: podType, vars: { where: 'pod' }, origin: { from: 'pod', path }, fix: [{ op: 'replace', path, value: 'RuntimeDefault' }] });
    }
    for (const c of ctx.containers) {
      const t = (sc(c.spec).seccompProfile as Record<string, unknown> | undefined)?.type;
      if (typeof t === 'string' && forbidden.has(t)) {
        const path = `${c.path}/securityContext/seccompProfile/type`;
        hits.push({
          path,
          container: c.name,
          value: t,
          vars: { where: `container ${q(c.name)}` },
          origin: { from: 'container', path },
          fix: [{ op: 'replace', path, value: 'RuntimeDefault' }],
        });
      }
    }
    return hits;
  },
);

/** securityContext.sysctls[*].name in the allow-list. */
export const sysctls = workloadTemplate(
  (z) => z.object({ allowed: names(z).describe('The sysctls allowed.') }).strict(),
  (ctx, p) => {
    const allowed = new Set(p.allowed);
    const list = sc(ctx.workload.podSpec).sysctls;
    if (!Array.isArray(list)) return [];
    const hits: Hit[] = [];
    list.forEach((s, i) => {
      if (!isPlainObject(s) || allowed.has(asText(s.name))) return;
      const path = `${ctx.workload.podSpecPath}/securityContext/sysctls/${i}/name`;
      hits.push({ path, value: s.name, origin: { from: 'pod', path } });
    });
    return hits;
  },
);

/** probes and lifecycle handlers: httpGet.host / tcpSocket.host must be empty. */
export const probeHosts = workloadTemplate(noParams, (ctx) => {
  const hits: Hit[] = [];
  for (const c of ctx.containers) {
    const handlers: [string, unknown][] = [
      ['livenessProbe', c.spec.livenessProbe],
      ['readinessProbe', c.spec.readinessProbe],
      ['startupProbe', c.spec.startupProbe],
    ];
    const lc = c.spec.lifecycle;
    if (isPlainObject(lc)) handlers.push(['lifecycle/postStart', lc.postStart], ['lifecycle/preStop', lc.preStop]);
    for (const [where, h] of handlers) {
      if (!isPlainObject(h)) continue;
      for (const kind of ['httpGet', 'tcpSocket']) {
        const a = h[kind];
        if (isPlainObject(a) && typeof a.host === 'string' && a.host !== '') {
          const path = `${c.path}/${where}/${kind}/host`;
          hits.push({ path, container: c.name, value: a.host, vars: { handler: where.replace('/', '.') }, fix: [{ op: 'remove', path }] });
        }
      }
    }
  }
  return hits;
});
