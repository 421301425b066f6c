/**
 * The baseline Pod Security Standards checks, ported from
 * kubernetes/pod-security-admission@v0.37.0-alpha.2 (Kubernetes 1.37) policy/check_*.go:
 * the same verdicts, reasons and details, byte for byte.
 */
import type { Check, CheckResult } from './types.ts';
import { ALLOWED, v } from './types.ts';
import {
  annotations,
  bool,
  containers,
  goQuote,
  int,
  isObj,
  joinQuote,
  list,
  obj,
  type Obj,
  own,
  pluralize,
  sortedSet,
  str,
  strings,
  userNamespacePod,
} from './pod.ts';

/** "pod", "container "a"" / "containers "a", "b"" joined with " and ". */
export function setters(pod: boolean, badContainers: string[]): string[] {
  const out = pod ? ['pod'] : [];
  if (badContainers.length) out.push(`${pluralize('container', 'containers', badContainers.length)} ${joinQuote(badContainers)}`);
  return out;
}

// policy/check_hostNamespaces.go
const hostNamespaces = (_m: Obj, spec: Obj): CheckResult => {
  const found = ['hostNetwork', 'hostPID', 'hostIPC'].filter((f) => bool(spec, f) === true).map((f) => `${f}=true`);
  return found.length ? { allowed: false, reason: 'host namespaces', detail: found.join(', ') } : ALLOWED;
};

// policy/check_privileged.go
const privileged = (_m: Obj, spec: Obj): CheckResult => {
  const bad = containers(spec)
    .filter((c) => bool(c.securityContext, 'privileged') === true)
    .map((c) => c.name);
  if (!bad.length) return ALLOWED;
  return {
    allowed: false,
    reason: 'privileged',
    detail: `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} must not set securityContext.privileged=true`,
  };
};

// policy/check_capabilities_baseline.go
export const BASELINE_CAPABILITIES = [
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
];
const capabilitiesBaseline = (_m: Obj, spec: Obj): CheckResult => {
  const allowed = new Set(BASELINE_CAPABILITIES);
  const bad: string[] = [];
  const caps: string[] = [];
  for (const c of containers(spec)) {
    const add = strings(obj(c.securityContext, 'capabilities'), 'add').filter((cap) => !allowed.has(cap));
    if (add.length) {
      bad.push(c.name);
      caps.push(...add);
    }
  }
  if (!bad.length) return ALLOWED;
  return {
    allowed: false,
    reason: 'non-default capabilities',
    detail: `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} must not include ${joinQuote(sortedSet(caps))} in securityContext.capabilities.add`,
  };
};

// policy/check_hostPathVolumes.go
const hostPathVolumes = (_m: Obj, spec: Obj): CheckResult => {
  const bad = list(spec, 'volumes')
    .filter((vol) => isObj(own(vol, 'hostPath')))
    .map((vol) => str(vol, 'name'));
  return bad.length ? { allowed: false, reason: 'hostPath volumes', detail: `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad)}` } : ALLOWED;
};

// policy/check_hostPorts.go
const hostPorts = (_m: Obj, spec: Obj): CheckResult => {
  const bad: string[] = [];
  const ports: string[] = [];
  for (const c of containers(spec)) {
    const used = list(c.spec, 'ports')
      .map((p) => int(p, 'hostPort') ?? 0)
      .filter((p) => p !== 0);
    if (used.length) {
      bad.push(c.name);
      ports.push(...used.map(String));
    }
  }
  if (!bad.length) return ALLOWED;
  const distinct = sortedSet(ports);
  return {
    allowed: false,
    reason: 'hostPort',
    detail: `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} ${pluralize('uses', 'use', bad.length)} ${pluralize('hostPort', 'hostPorts', distinct.length)} ${distinct.join(', ')}`,
  };
};

// policy/check_appArmorProfile.go
const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const appArmorProfile = (meta: Obj, spec: Obj): CheckResult => {
  const okType = (t: string) => t === 'RuntimeDefault' || t === 'Localhost';
  const badValues: string[] = [];
  const podProfile = obj(obj(spec, 'securityContext'), 'appArmorProfile');
  const podBad = podProfile !== undefined && !okType(str(podProfile, 'type'));
  if (podBad) badValues.push(str(podProfile, 'type'));
  const badContainers: string[] = [];
  for (const c of containers(spec)) {
    const p = obj(c.securityContext, 'appArmorProfile');
    if (p !== undefined && !okType(str(p, 'type'))) {
      badContainers.push(c.name);
      badValues.push(str(p, 'type'));
    }
  }
  const who = setters(podBad, badContainers);
  const values = sortedSet(badValues);
  const forbidden: string[] = [];
  for (const [k, val] of annotations(meta)) {
    if (k.startsWith(APPARMOR_ANNOTATION_PREFIX) && !(val === '' || val === 'runtime/default' || val.startsWith('localhost/')))
      forbidden.push(`${k}=${goQuote(val)}`);
  }
  if (forbidden.length) {
    values.push(...forbidden.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    who.push(pluralize('annotation', 'annotations', forbidden.length));
  }
  if (!who.length) return ALLOWED;
  return {
    allowed: false,
    reason: pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', values.length),
    detail: `${who.join(' and ')} must not set AppArmor profile type to ${joinQuote(values)}`,
  };
};

// policy/check_seLinuxOptions.go
const SELINUX_TYPES_1_0 = ['', 'container_t', 'container_init_t', 'container_kvm_t'];
const SELINUX_TYPES_1_31 = [...SELINUX_TYPES_1_0, 'container_engine_t'];
const seLinuxOptions =
  (allowedTypes: string[]) =>
  (_m: Obj, spec: Obj): CheckResult => {
    const types = new Set(allowedTypes);
    const badTypes: string[] = [];
    let setUser = false;
    let setRole = false;
    const valid = (opts: Obj) => {
      let ok = true;
      if (!types.has(str(opts, 'type'))) {
        ok = false;
        badTypes.push(str(opts, 'type'));
      }
      if (str(opts, 'user')) [ok, setUser] = [false, true];
      if (str(opts, 'role')) [ok, setRole] = [false, true];
      return ok;
    };
    const podOpts = obj(obj(spec, 'securityContext'), 'seLinuxOptions');
    const podBad = podOpts !== undefined && !valid(podOpts);
    const bad = containers(spec)
      .filter((c) => {
        const o = obj(c.securityContext, 'seLinuxOptions');
        return o !== undefined && !valid(o);
      })
      .map((c) => c.name);
    const who = setters(podBad, bad);
    if (!who.length) return ALLOWED;
    const data: string[] = [];
    const distinct = sortedSet(badTypes);
    if (distinct.length) data.push(`${pluralize('type', 'types', distinct.length)} ${joinQuote(distinct)}`);
    if (setUser) data.push('user may not be set');
    if (setRole) data.push('role may not be set');
    return { allowed: false, reason: 'seLinuxOptions', detail: `${who.join(' and ')} set forbidden securityContext.seLinuxOptions: ${data.join('; ')}` };
  };

// policy/check_procMount_baseline.go (procMount_1_0 is also the restricted check from 1.35)
export const procMount = (_m: Obj, spec: Obj): CheckResult => {
  const bad: string[] = [];
  const types: string[] = [];
  for (const c of containers(spec)) {
    const pm = own(c.securityContext, 'procMount');
    if (typeof pm !== 'string' || pm === 'Default') continue;
    bad.push(c.name);
    types.push(pm);
  }
  if (!bad.length) return ALLOWED;
  return {
    allowed: false,
    reason: 'procMount',
    detail: `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} must not set securityContext.procMount to ${joinQuote(sortedSet(types))}`,
  };
};

// policy/check_seccompProfile_baseline.go
const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
export const validSeccomp = (t: string): boolean => t === 'Localhost' || t === 'RuntimeDefault';
const seccompBaseline_1_0 = (meta: Obj, spec: Obj): CheckResult => {
  const ann = annotations(meta);
  const okValue = (val: string) => val === 'runtime/default' || val === 'docker/default' || val.startsWith('localhost/');
  const forbidden: string[] = [];
  const pod = ann.get(SECCOMP_POD_ANNOTATION);
  if (pod !== undefined && !okValue(pod)) forbidden.push(`${SECCOMP_POD_ANNOTATION}=${goQuote(pod)}`);
  for (const c of containers(spec)) {
    const key = SECCOMP_CONTAINER_ANNOTATION_PREFIX + c.name;
    const val = ann.get(key);
    if (val !== undefined && !okValue(val)) forbidden.push(`${key}=${goQuote(val)}`);
  }
  const list = sortedSet(forbidden);
  if (!list.length) return ALLOWED;
  return { allowed: false, reason: 'seccompProfile', detail: `forbidden ${pluralize('annotation', 'annotations', list.length)} ${list.join(', ')}` };
};
const seccompBaseline_1_19 = (_m: Obj, spec: Obj): CheckResult => {
  const values: string[] = [];
  const podProfile = obj(obj(spec, 'securityContext'), 'seccompProfile');
  const podBad = podProfile !== undefined && !validSeccomp(str(podProfile, 'type'));
  if (podBad) values.push(str(podProfile, 'type'));
  const bad: string[] = [];
  for (const c of containers(spec)) {
    const p = obj(c.securityContext, 'seccompProfile');
    if (p !== undefined && !validSeccomp(str(p, 'type'))) {
      bad.push(c.name);
      values.push(str(p, 'type'));
    }
  }
  const who = setters(podBad, bad);
  if (!who.length) return ALLOWED;
  return {
    allowed: false,
    reason: 'seccompProfile',
    detail: `${who.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedSet(values))}`,
  };
};

// policy/check_sysctls.go
const SYSCTLS_1_0 = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
];
const SYSCTLS_1_27 = [...SYSCTLS_1_0, 'net.ipv4.ip_local_reserved_ports'];
const SYSCTLS_1_29 = [
  ...SYSCTLS_1_27,
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
];
const SYSCTLS_1_32 = [...SYSCTLS_1_29, 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'];
const SYSCTLS_1_37 = [...SYSCTLS_1_32, 'net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat'];
const sysctls =
  (allowed: string[]) =>
  (_m: Obj, spec: Obj): CheckResult => {
    const ok = new Set(allowed);
    const bad = list(obj(spec, 'securityContext'), 'sysctls')
      .map((s) => str(s, 'name'))
      .filter((n) => !ok.has(n));
    return bad.length ? { allowed: false, reason: 'forbidden sysctls', detail: bad.join(', ') } : ALLOWED;
  };

/** The safe sysctls a given PSS version allows (for remediation text). */
export const safeSysctls = (minor: number): string[] =>
  minor >= 37 ? SYSCTLS_1_37 : minor >= 32 ? SYSCTLS_1_32 : minor >= 29 ? SYSCTLS_1_29 : minor >= 27 ? SYSCTLS_1_27 : SYSCTLS_1_0;

// policy/check_hostProbesAndhostLifecycle.go
const hostProbesAndHostLifecycle = (_m: Obj, spec: Obj): CheckResult => {
  const bad = new Set<string>();
  const hosts = new Set<string>();
  const hostsOf = (handler: unknown) => ['httpGet', 'tcpSocket'].map((k) => str(obj(handler, k), 'host')).filter((h) => h !== '');
  for (const c of containers(spec)) {
    const lifecycle = obj(c.spec, 'lifecycle');
    for (const h of [
      own(c.spec, 'livenessProbe'),
      own(c.spec, 'readinessProbe'),
      own(c.spec, 'startupProbe'),
      own(lifecycle, 'postStart'),
      own(lifecycle, 'preStop'),
    ]) {
      const found = isObj(h) ? hostsOf(h) : [];
      if (!found.length) continue;
      bad.add(c.name);
      for (const x of found) hosts.add(x);
    }
  }
  if (!bad.size) return ALLOWED;
  return {
    allowed: false,
    reason: 'probe or lifecycle host',
    detail: `${pluralize('container', 'containers', bad.size)} ${joinQuote(sortedSet(bad))} ${pluralize('uses', 'use', bad.size)} ${pluralize('probe or lifecycle host', 'probe or lifecycle hosts', hosts.size)} ${joinQuote(sortedSet(hosts))}`,
  };
};

// policy/check_windowsHostProcess.go
const windowsHostProcess = (_m: Obj, spec: Obj): CheckResult => {
  const hp = (sc: unknown) => bool(obj(sc, 'windowsOptions'), 'hostProcess') === true;
  const bad = containers(spec)
    .filter((c) => hp(c.securityContext))
    .map((c) => c.name);
  const who = setters(hp(obj(spec, 'securityContext')), bad);
  if (!who.length) return ALLOWED;
  return { allowed: false, reason: 'hostProcess', detail: `${who.join(' and ')} must not set securityContext.windowsOptions.hostProcess=true` };
};

export const BASELINE_CHECKS: Check[] = [
  { id: 'appArmorProfile', level: 'baseline', versions: [{ min: v(0), run: appArmorProfile }] },
  { id: 'capabilities_baseline', level: 'baseline', versions: [{ min: v(0), run: capabilitiesBaseline }] },
  { id: 'hostNamespaces', level: 'baseline', versions: [{ min: v(0), run: hostNamespaces }] },
  { id: 'hostPathVolumes', level: 'baseline', versions: [{ min: v(0), run: hostPathVolumes }] },
  { id: 'hostPorts', level: 'baseline', versions: [{ min: v(0), run: hostPorts }] },
  { id: 'hostProbesAndHostLifecycle', level: 'baseline', versions: [{ min: v(34), run: hostProbesAndHostLifecycle }] },
  { id: 'privileged', level: 'baseline', versions: [{ min: v(0), run: privileged }] },
  {
    id: 'procMount',
    level: 'baseline',
    versions: [
      { min: v(0), run: procMount },
      { min: v(35), run: (m, s) => (userNamespacePod(s) ? ALLOWED : procMount(m, s)) },
    ],
  },
  {
    id: 'seLinuxOptions',
    level: 'baseline',
    versions: [
      { min: v(0), run: seLinuxOptions(SELINUX_TYPES_1_0) },
      { min: v(31), run: seLinuxOptions(SELINUX_TYPES_1_31) },
    ],
  },
  {
    id: 'seccompProfile_baseline',
    level: 'baseline',
    versions: [
      { min: v(0), run: seccompBaseline_1_0 },
      { min: v(19), run: seccompBaseline_1_19 },
    ],
  },
  {
    id: 'sysctls',
    level: 'baseline',
    versions: [
      { min: v(0), run: sysctls(SYSCTLS_1_0) },
      { min: v(27), run: sysctls(SYSCTLS_1_27) },
      { min: v(29), run: sysctls(SYSCTLS_1_29) },
      { min: v(32), run: sysctls(SYSCTLS_1_32) },
      { min: v(37), run: sysctls(SYSCTLS_1_37) },
    ],
  },
  { id: 'windowsHostProcess', level: 'baseline', versions: [{ min: v(0), run: windowsHostProcess }] },
];
