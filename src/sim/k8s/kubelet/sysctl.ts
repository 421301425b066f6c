/**
 * Pod sysctls on node1's kubelet: the admission check against its allowlist (node1 runs the kubelet with no
 * --allowed-unsafe-sysctls, so only the safe set), and the map it hands the runtime for the pod sandbox.
 */
import type { Obj } from './config.ts';

/**
 * The kubelet's safe sysctls, all namespaced and isolated from other pods (kubernetes@v1.30.0:pkg/kubelet/sysctl/
 * safe_sysctls.go; node1's kernel 6.8 is new enough for every one of them). The kernel namespace each lives in
 * (k8s.io/component-helpers@v0.30.0:node/util/sysctl/namespace.go NamespacedBy): kernel.shm* is ipc, net.* is net.
 */
const SAFE_SYSCTLS: Record<string, 'ipc' | 'net'> = {
  'kernel.shm_rmid_forced': 'ipc',
  'net.ipv4.ip_local_port_range': 'net',
  'net.ipv4.tcp_syncookies': 'net',
  'net.ipv4.ping_group_range': 'net',
  'net.ipv4.ip_unprivileged_port_start': 'net',
  'net.ipv4.ip_local_reserved_ports': 'net',
  'net.ipv4.tcp_keepalive_time': 'net',
  'net.ipv4.tcp_fin_timeout': 'net',
  'net.ipv4.tcp_keepalive_intvl': 'net',
  'net.ipv4.tcp_keepalive_probes': 'net',
};

/**
 * The pod's sysctls as the kubelet hands them to the runtime: LinuxPodSandboxConfig.sysctls, a map from
 * spec.securityContext.sysctls, names with slashes turned into dots (kubernetes@v1.30.0:pkg/kubelet/kuberuntime/
 * kuberuntime_sandbox.go generatePodSandboxLinuxConfig, k8s.io/component-helpers/node/util/sysctl
 * ConvertSysctlVariableToDotsSeparator).
 */
export function podSysctls(spec: Obj): Record<string, string> {
  const sc = (spec.securityContext ?? {}) as { sysctls?: { name?: unknown; value?: unknown }[] };
  const out: Record<string, string> = {};
  for (const s of Array.isArray(sc.sysctls) ? sc.sysctls : []) {
    if (typeof s?.name !== 'string') continue;
    out[dotted(s.name)] = String(s.value ?? '');
  }
  return out;
}

/** ConvertSysctlVariableToDotsSeparator: the first separator decides; with '/', slashes and dots swap. */
function dotted(name: string): string {
  const sep = /[./]/.exec(name)?.[0];
  if (sep !== '/') return name;
  return name.replace(/[./]/g, (c) => (c === '/' ? '.' : '/'));
}

/**
 * The kubelet's admission of a pod's sysctls (kubernetes@v1.30.0:pkg/kubelet/sysctl/allowlist.go Admit and
 * validateSysctl): the message of the first refused one, or null. A refused pod is rejected with reason
 * SysctlForbidden and never started.
 */
export function admitSysctls(spec: Obj): string | null {
  const sc = (spec.securityContext ?? {}) as { sysctls?: { name?: unknown }[] };
  for (const s of Array.isArray(sc.sysctls) ? sc.sysctls : []) {
    const name = dotted(String(s?.name ?? ''));
    const ns = SAFE_SYSCTLS[name];
    if (!ns) return `forbidden sysctl: "${name}" not allowlisted`;
    if ((ns === 'ipc' && spec.hostIPC === true) || (ns === 'net' && spec.hostNetwork === true))
      return `forbidden sysctl: "${name}" not allowed with host ${ns} enabled`;
  }
  return null;
}
