/**
 * The sysctls node1's /proc/sys holds, as the viewer's namespaces see them (kernel 6.8 on
 * Ubuntu 24.04 with Docker 27.3.1 and the kubelet's prerequisites). net.* lives in the
 * network namespace (its interfaces each get a conf/ directory), the System V IPC limits in
 * the IPC namespace, hostname/domainname in the UTS namespace; the rest is global.
 *
 * Values written by `sysctl -w`, `echo … >` or a runtime (docker run --sysctl, Docker's and
 * containerd's defaults for a container's own network namespace) are the namespace's
 * `sysctls`; anything else is the kernel's value below.
 */
import type { Kernel } from './kernel.ts';
import { BOOT_ID } from './machine.ts';
import { PID_MAX_LIMIT, RESERVED_PIDS } from './pids.ts';
import type { Namespace } from './types.ts';
import { attached } from '../attached.ts';

/** One file under /proc/sys: its value (without the newline) and whether it can be written. */
export interface SysctlFile {
  value: () => string;
  readOnly?: boolean;
}

/**
 * IPv4 forwarding of a network namespace: `all` (= net.ipv4.ip_forward) and `default`.
 * node1's dockerd sets ip_forward to 1 at start (moby@v27.3.1:libnetwork/drivers/bridge/
 * setup_ip_forwarding.go setupIPForwarding writes "1" to /proc/sys/net/ipv4/ip_forward), and
 * writing `all` sets `default` and every device too (linux@v6.8:net/ipv4/devinet.c
 * devinet_sysctl_forward → inet_forward_change). A new network namespace copies init_net's
 * devconf_all and devconf_dflt, since net.core.devconf_inherit_init_net is 0
 * (linux@v6.8:net/ipv4/devinet.c devinet_init_net, `case 0: case 1:` "copy from init_net"),
 * so a container sees ip_forward = 1 as well. IPv6 keeps its compiled defaults in a new
 * namespace (linux@v6.8:net/ipv6/addrconf.c addrconf_init_net: only 1 and 3 copy), forwarding 0.
 */
export function ipv4Forwarding(k: Kernel, ns: Namespace): { all: string; dflt: string } {
  const base = ns.inode === k.hostNs.net ? { all: '1', dflt: '1' } : (ns.devconf ?? { all: '1', dflt: '1' });
  return { all: ns.sysctls?.['net.ipv4.conf.all.forwarding'] ?? base.all, dflt: ns.sysctls?.['net.ipv4.conf.default.forwarding'] ?? base.dflt };
}

/** What a new network namespace copies from init_net (devinet_init_net). */
export function inheritDevconf(k: Kernel): { all: string; dflt: string } {
  return ipv4Forwarding(k, k.ns(k.hostNs.net));
}

/**
 * Trees already built, per kernel: a tree's shape depends only on the viewer's namespaces, the
 * network namespace's interfaces and the names of the namespaces' own sysctls (every value is
 * read when the file is), so `sysctl -a`, which opens each file, builds it once instead of once
 * a file (with 500 containers' veths on the host that was 4,000 sorted paths for every file).
 */
const built = attached<Kernel, Map<string, { spaces: Namespace[]; tree: Map<string, SysctlFile> }>>('built');

/** The /proc/sys tree (paths with `/`, in the kernel's order: sorted by name at each level). */
export function sysctlTree(k: Kernel, view: SysctlView, fx: { release: string; version: string }): Map<string, SysctlFile> {
  const spaces = [k.ns(view.net), k.ns(view.ipc), k.ns(view.uts), ...(view.pid !== undefined ? [k.ns(view.pid)] : [])];
  const [net, ipc] = spaces as [Namespace, Namespace, Namespace];
  const shape = `${view.net} ${view.ipc} ${view.uts} ${view.pid ?? ''} ${fx.release}\n${(net.interfaces ?? []).map((i) => i.name).join('/')}\n${Object.keys({ ...ipc.sysctls, ...net.sysctls }).join('/')}`;
  let cache = built.get(k);
  if (!cache) built.set(k, (cache = new Map()));
  const hit = cache.get(shape);
  if (hit?.spaces.length === spaces.length && hit.spaces.every((ns, i) => ns === spaces[i])) return hit.tree;
  const tree = buildTree(k, view, fx);
  if (cache.size > 64) cache.clear();
  cache.set(shape, { spaces, tree });
  return tree;
}

const dirsOf = attached<Map<string, SysctlFile>, Map<string, string[]>>('dirsOf');

/** The directories of a tree: each one's entries, in the tree's order ('' is /proc/sys itself). */
export function sysctlDirs(tree: Map<string, SysctlFile>): Map<string, string[]> {
  let dirs = dirsOf.get(tree);
  if (dirs) return dirs;
  dirs = new Map();
  for (const path of tree.keys()) {
    const parts = path.split('/');
    for (let i = 0; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      let entries = dirs.get(dir);
      if (!entries) dirs.set(dir, (entries = []));
      if (entries[entries.length - 1] !== parts[i]) entries.push(parts[i] as string);
    }
  }
  dirsOf.set(tree, dirs);
  return dirs;
}

function buildTree(k: Kernel, view: SysctlView, fx: { release: string; version: string }): Map<string, SysctlFile> {
  const net = k.ns(view.net);
  const ipc = k.ns(view.ipc);
  const uts = k.ns(view.uts);
  const init = view.net === k.hostNs.net;
  const t: Record<string, SysctlFile> = {};
  const ro = (value: string): SysctlFile => ({ value: () => value, readOnly: true });
  const rw = (value: string | (() => string)): SysctlFile => ({ value: typeof value === 'string' ? () => value : value });
  const over = (ns: Namespace, key: string, dflt: string) => () => ns.sysctls?.[key] ?? dflt;
  const glob = (key: string, dflt: string) => rw(() => k.sysctls[key] ?? dflt);

  // Global: linux@v6.8:kernel/sysctl.c, kernel/utsname_sysctl.c, kernel/user_namespace.c (ucounts).
  t['kernel/cap_last_cap'] = ro('40');
  t['kernel/domainname'] = rw(() => uts.domainname ?? '(none)');
  t['kernel/hostname'] = rw(() => uts.hostname ?? '');
  t['kernel/osrelease'] = ro(fx.release);
  t['kernel/ostype'] = ro('Linux');
  t['kernel/random/boot_id'] = ro(BOOT_ID);
  // The last PID handed out in the reader's PID namespace: linux@v6.8:kernel/pid_namespace.c pid_ns_ctl_handler
  // (`next = idr_get_cursor(&pid_ns->idr) - 1`; mode 0666, the write checked in the handler, 0 to pid_max).
  if (view.pid !== undefined) {
    const pidNs = k.ns(view.pid);
    t['kernel/ns_last_pid'] = rw(() => String((pidNs.nextPid ?? 1) - 1));
  }
  t['kernel/pid_max'] = glob('kernel.pid_max', String(PID_MAX_LIMIT));
  t['kernel/threads-max'] = glob('kernel.threads-max', '126878');
  t['kernel/version'] = ro(fx.version);
  // Ubuntu 24.04's kernel restricts unprivileged user namespaces to AppArmor profiles that allow them.
  t['kernel/apparmor_restrict_unprivileged_userns'] = glob('kernel.apparmor_restrict_unprivileged_userns', '1');
  t['kernel/unprivileged_userns_clone'] = glob('kernel.unprivileged_userns_clone', '1');
  t['user/max_user_namespaces'] = glob('user.max_user_namespaces', '63439');
  // Set at boot from Ubuntu's /etc/sysctl.d (fs/sysctl-files.ts); the kernel shows a vector with tabs.
  t['kernel/kptr_restrict'] = glob('kernel.kptr_restrict', '1');
  t['kernel/printk'] = glob('kernel.printk', '4\t4\t1\t7');
  t['kernel/sysrq'] = glob('kernel.sysrq', '176');
  t['kernel/yama/ptrace_scope'] = glob('kernel.yama.ptrace_scope', '1');
  t['vm/max_map_count'] = glob('vm.max_map_count', '1048576');
  t['vm/mmap_min_addr'] = glob('vm.mmap_min_addr', '65536');
  t['vm/overcommit_memory'] = glob('vm.overcommit_memory', '0');
  t['vm/swappiness'] = glob('vm.swappiness', '60');
  // The IPC namespace's limits (linux@v6.8:ipc/ipc_sysctl.c; defaults from include/uapi/linux/shm.h, msg.h, sem.h).
  for (const [name, dflt] of [
    ['msgmax', '8192'],
    ['msgmnb', '16384'],
    ['msgmni', '32000'],
    ['sem', '32000\t1024000000\t500\t32000'],
    ['shm_rmid_forced', '0'],
    ['shmall', '18446744073692774399'],
    ['shmmax', '18446744073692774399'],
    ['shmmni', '4096'],
  ] as const)
    t[`kernel/${name}`] = rw(() => ipc.sysctls?.[`kernel.${name}`] ?? net.sysctls?.[`kernel.${name}`] ?? dflt); // docker run --sysctl keeps them with the network namespace's

  // The network namespace's (linux@v6.8:net/core/sysctl_net_core.c, net/ipv4/sysctl_net_ipv4.c, net/ipv4/devinet.c).
  const fwd = () => ipv4Forwarding(k, net);
  if (init) t['net/core/devconf_inherit_init_net'] = glob('net.core.devconf_inherit_init_net', '0');
  t['net/core/somaxconn'] = rw(over(net, 'net.core.somaxconn', '4096'));
  // br_netfilter (the kubelet's and Docker's prerequisite) registers these in every namespace, on by default.
  for (const name of ['bridge-nf-call-arptables', 'bridge-nf-call-ip6tables', 'bridge-nf-call-iptables'])
    t[`net/bridge/${name}`] = rw(over(net, `net.bridge.${name}`, '1'));
  for (const name of ['bridge-nf-filter-pppoe-tagged', 'bridge-nf-filter-vlan-tagged', 'bridge-nf-pass-vlan-input-dev'])
    t[`net/bridge/${name}`] = rw(over(net, `net.bridge.${name}`, '0'));
  t['net/ipv4/ip_forward'] = rw(() => fwd().all);
  t['net/ipv4/ip_forward_update_priority'] = rw(over(net, 'net.ipv4.ip_forward_update_priority', '1'));
  t['net/ipv4/ip_forward_use_pmtu'] = rw(over(net, 'net.ipv4.ip_forward_use_pmtu', '0'));
  t['net/ipv4/ip_local_port_range'] = rw(over(net, 'net.ipv4.ip_local_port_range', '32768\t60999'));
  t['net/ipv4/ip_unprivileged_port_start'] = rw(over(net, 'net.ipv4.ip_unprivileged_port_start', '1024'));
  // The kernel's default is "1 0" (nobody); systemd's 50-default.conf opens it to every group on the host.
  t['net/ipv4/ping_group_range'] = rw(over(net, 'net.ipv4.ping_group_range', init ? '0\t2147483647' : '1\t0'));
  t['net/ipv4/tcp_syncookies'] = rw(over(net, 'net.ipv4.tcp_syncookies', '1'));
  const devs = ['all', 'default', ...(net.interfaces ?? []).map((i) => i.name)];
  for (const d of devs) {
    const key = (name: string) => `net.ipv4.conf.${d.replace(/\./g, '/')}.${name}`;
    t[`net/ipv4/conf/${d}/bc_forwarding`] = rw(over(net, key('bc_forwarding'), '0'));
    t[`net/ipv4/conf/${d}/forwarding`] = rw(() => (d === 'all' ? fwd().all : (net.sysctls?.[key('forwarding')] ?? fwd().dflt)));
    t[`net/ipv4/conf/${d}/mc_forwarding`] = ro('0');
    // Ubuntu's /usr/lib/sysctl.d/50-default.conf (systemd): rp_filter 2 (loose) for default and every device; copied into new namespaces.
    t[`net/ipv4/conf/${d}/rp_filter`] = rw(over(net, key('rp_filter'), '2'));
    t[`net/ipv4/conf/${d}/route_localnet`] = rw(over(net, key('route_localnet'), '0'));
    t[`net/ipv6/conf/${d}/forwarding`] = rw(over(net, `net.ipv6.conf.${d.replace(/\./g, '/')}.forwarding`, '0'));
    t[`net/ipv6/conf/${d}/mc_forwarding`] = ro('0');
    // 10-ipv6-privacy.conf sets all and default to 2 at boot; a device created later copies default.
    t[`net/ipv6/conf/${d}/use_tempaddr`] = rw(over(net, `net.ipv6.conf.${d.replace(/\./g, '/')}.use_tempaddr`, d === 'lo' ? '-1' : init ? '2' : '0'));
  }
  // Other namespaced values the runtimes set (docker run --sysctl, a pod's securityContext.sysctls).
  for (const [name, value] of Object.entries({ ...ipc.sysctls, ...net.sysctls })) {
    const path = dotsToPath(name);
    if (!t[path] && !/^net\.ipv4\.conf\.[^.]+\.forwarding$/.test(name)) t[path] = rw(() => net.sysctls?.[name] ?? ipc.sysctls?.[name] ?? value);
  }
  const out = new Map<string, SysctlFile>();
  for (const key of Object.keys(t).sort(byKernelOrder)) out.set(key, t[key] as SysctlFile);
  return out;
}

/** The kernel lists a directory's entries sorted by name (linux@v6.8:fs/proc/proc_sysctl.c namecmp): byte order per level. */
function byKernelOrder(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return (pa[i] as string) < (pb[i] as string) ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** A dotted sysctl name as its path (net.ipv4.conf.flannel/1.forwarding → net/ipv4/conf/flannel.1/forwarding). */
export function dotsToPath(name: string): string {
  return name.replace(/[./]/g, (c) => (c === '.' ? '/' : '.'));
}

/**
 * Writes a sysctl of the viewer's namespaces (the caller checked permission). `path` is the
 * /proc/sys path with `/`; `value` the text written, trimmed as proc_dointvec reads it.
 */
export function writeSysctl(k: Kernel, view: SysctlView, path: string, text: string): void {
  const value = text.trim().split(/\s+/).join('\t');
  const parts = path.split('/');
  if (path === 'kernel/hostname') {
    k.ns(view.uts).hostname = text.replace(/\n$/, '');
    return;
  }
  if (path === 'kernel/domainname') {
    k.ns(view.uts).domainname = text.replace(/\n$/, '');
    return;
  }
  const range = intRange(k, path);
  if (range) {
    const v = intInRange(text, range);
    if (v === undefined) throw new Error('EINVAL: invalid argument');
    if (path === 'kernel/ns_last_pid') {
      if (view.pid !== undefined) k.ns(view.pid).nextPid = v + 1;
    } else k.sysctls['kernel.pid_max'] = String(v);
    return;
  }
  const name = parts.map((p) => p.replace(/\./g, '/')).join('.');
  if (parts[0] === 'net') {
    const ns = k.ns(view.net);
    // ip_forward is conf/all/forwarding; writing it sets default and every device (inet_forward_change).
    if (path === 'net/ipv4/ip_forward' || path === 'net/ipv4/conf/all/forwarding') {
      const v = String(Number.parseInt(value, 10) ? 1 : 0);
      const rest = Object.fromEntries(Object.entries(ns.sysctls ?? {}).filter(([key]) => !/^net\.ipv4\.conf\.[^.]+\.forwarding$/.test(key)));
      ns.sysctls = { ...rest, 'net.ipv4.conf.all.forwarding': v, 'net.ipv4.conf.default.forwarding': v };
      return;
    }
    ns.sysctls = { ...(ns.sysctls ?? {}), [name]: value };
    return;
  }
  if (parts[0] === 'kernel' && ['msgmax', 'msgmnb', 'msgmni', 'sem', 'shm_rmid_forced', 'shmall', 'shmmax', 'shmmni'].includes(parts[1] ?? '')) {
    const ns = k.ns(view.ipc);
    ns.sysctls = { ...(ns.sysctls ?? {}), [name]: value };
    return;
  }
  k.sysctls[name] = value;
}

/** The namespaces a /proc/sys reader sees its namespaced values through (pid: ns_last_pid). */
interface SysctlView {
  net: number;
  ipc: number;
  uts: number;
  pid?: number;
}

/**
 * The bounds of a sysctl the kernel reads with proc_dointvec_minmax: kernel.pid_max from
 * pid_max_min (RESERVED_PIDS + 1) to pid_max_max (PID_MAX_LIMIT), linux@v6.8:kernel/pid.c
 * pid_table; kernel.ns_last_pid from 0 to pid_max, kernel/pid_namespace.c pid_ns_ctl_table.
 */
function intRange(k: Kernel, path: string): [number, number] | undefined {
  if (path === 'kernel/pid_max') return [RESERVED_PIDS + 1, PID_MAX_LIMIT];
  if (path === 'kernel/ns_last_pid') return [0, k.pidMax()];
  return undefined;
}

/** One integer as proc_dointvec_minmax reads it (linux@v6.8:kernel/sysctl.c); undefined for anything else or out of range (EINVAL). */
function intInRange(text: string, [min, max]: [number, number]): number | undefined {
  const t = text.trim();
  const v = /^[+-]?\d+$/.test(t) ? Number(t) : Number.NaN;
  return Number.isInteger(v) && v >= min && v <= max ? v : undefined;
}

/** Whether the kernel refuses `text` for the sysctl at `path` (EINVAL when it is written), so sysctl can say so. */
export function sysctlRefuses(k: Kernel, path: string, text: string): boolean {
  const range = intRange(k, path);
  return range !== undefined && intInRange(text, range) === undefined;
}
