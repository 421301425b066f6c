/**
 * The kernel modules loaded on node1 (Ubuntu 24.04, linux 6.8.0-45-generic), as /proc/modules
 * lists them (linux v6.8 kernel/module/procfs.c m_show: "NAME SIZE REFCNT HOLDERS, STATE ADDR",
 * HOLDERS each followed by a comma or "-", newest first). A believable set for a Docker and
 * kubeadm host that uses iptables-nft: overlay for image layers, br_netfilter and bridge for
 * docker0 and cni0, veth for container links, netfilter's conntrack, NAT and the xt_ matches
 * Docker's and kube-proxy's rules use, and the VM's own. Sizes are of the order Ubuntu's 6.8
 * kernel loads them (whole pages); each overlay filesystem mounted holds a reference to overlay.
 * The names and load order are the course's choice, not read from a recorded host.
 */
import { attached } from '../attached.ts';

export interface KernelModule {
  name: string;
  size: number;
  refcnt: number;
  /** The modules that use this one (/sys/module/NAME/holders). */
  holders: string[];
}

/** [name, size, refcount apart from holders] in load order (oldest first). */
const LOADED: [string, number, number][] = [
  ['autofs4', 57344, 2],
  ['x_tables', 65536, 0],
  ['ip_tables', 32768, 0],
  ['psmouse', 217088, 0],
  ['virtio_net', 77824, 0],
  ['net_failover', 20480, 0],
  ['failover', 12288, 0],
  ['virtio_scsi', 28672, 2],
  ['crc32_pclmul', 12288, 0],
  ['ghash_clmulni_intel', 16384, 0],
  ['aesni_intel', 356352, 0],
  ['sch_fq_codel', 24576, 2],
  ['efi_pstore', 12288, 0],
  ['nfnetlink', 20480, 0],
  ['libcrc32c', 12288, 0],
  ['nf_tables', 376832, 0],
  ['nft_compat', 20480, 0],
  ['nf_defrag_ipv4', 12288, 0],
  ['nf_defrag_ipv6', 24576, 0],
  ['nf_conntrack', 196608, 0],
  ['nf_nat', 61440, 0],
  ['nft_chain_nat', 12288, 4],
  ['xt_addrtype', 12288, 2],
  ['xt_conntrack', 12288, 2],
  ['xt_MASQUERADE', 16384, 2],
  ['xt_comment', 12288, 0],
  ['xt_mark', 12288, 0],
  ['llc', 16384, 0],
  ['stp', 12288, 0],
  ['bridge', 421888, 0],
  ['br_netfilter', 32768, 0],
  ['overlay', 212992, 0],
  ['veth', 40960, 0],
];

/** Who uses whom: each module's users (its holders), which also count in its reference count. */
const USES: Record<string, string[]> = {
  x_tables: ['xt_comment', 'xt_mark', 'xt_addrtype', 'xt_conntrack', 'xt_MASQUERADE', 'nft_compat', 'ip_tables'],
  failover: ['net_failover'],
  net_failover: ['virtio_net'],
  nfnetlink: ['nft_compat', 'nf_tables'],
  libcrc32c: ['nf_nat', 'nf_conntrack', 'nf_tables'],
  nf_tables: ['nft_compat', 'nft_chain_nat'],
  nf_defrag_ipv4: ['nf_conntrack'],
  nf_defrag_ipv6: ['nf_conntrack'],
  nf_conntrack: ['xt_conntrack', 'nf_nat', 'xt_MASQUERADE'],
  nf_nat: ['nft_chain_nat', 'xt_MASQUERADE'],
  llc: ['bridge', 'stp'],
  stp: ['bridge'],
  bridge: ['br_netfilter'],
};

/**
 * Modules in /lib/modules/RELEASE that are not loaded at first, with their sizes: the ones learners
 * of containers and Kubernetes try (kube-proxy's IPVS mode, overlay networks). Any other name is not found.
 */
export const AVAILABLE: Readonly<Record<string, number>> = {
  ip_vs: 221184,
  ip_vs_rr: 12288,
  ip_vs_wrr: 12288,
  ip_vs_sh: 12288,
  nf_conntrack_netlink: 57344,
  vxlan: 155648,
  ipip: 20480,
  dummy: 12288,
  tun: 65536,
  nbd: 65536,
  xfs: 2420736,
  fuse: 204800,
};

/** What a module that modprobe loads needs first (modules.dep): IPVS schedulers need ip_vs. */
const DEPS: Readonly<Record<string, string[]>> = { ip_vs_rr: ['ip_vs'], ip_vs_wrr: ['ip_vs'], ip_vs_sh: ['ip_vs'] };

/** The modules modprobe loaded on a kernel since boot, in load order. */
const added = attached<object, string[]>('added');

/** The boot modules modprobe -r unloaded. */
const removed = attached<object, Set<string>>('removed');

/** Loads `name` (one of AVAILABLE, or a boot module unloaded since) on the kernel `k`; false when it was loaded already. */
export function loadModule(k: object, name: string): boolean {
  if (isLoaded(k, name)) return false;
  if (removed.get(k)?.delete(name)) return true;
  for (const d of DEPS[name] ?? []) loadModule(k, d);
  added.set(k, [...(added.get(k) ?? []), name]);
  return true;
}

/** Unloads a module nothing uses (modprobe -r refuses the others first). */
export function unloadModule(k: object, name: string): void {
  added.set(
    k,
    (added.get(k) ?? []).filter((n) => n !== name),
  );
  if (LOADED.some(([n]) => n === name)) removed.set(k, new Set([...(removed.get(k) ?? []), name]));
}

/** Whether /lib/modules/RELEASE has a module of that name (loaded or not). */
export const moduleExists = (name: string) => Object.hasOwn(AVAILABLE, name) || LOADED.some(([n]) => n === name);

/** Whether `name` is loaded on kernel `k`. */
export const isLoaded = (k: object, name: string) => (LOADED.some(([n]) => n === name) && !removed.get(k)?.has(name)) || (added.get(k) ?? []).includes(name);

/** The loaded modules of kernel `k`, newest first; `overlayMounts` is how many overlay filesystems are mounted. */
export function loadedModules(k: object, overlayMounts: number): KernelModule[] {
  const later = added.get(k) ?? [];
  const users = (name: string) => later.filter((l) => DEPS[l]?.includes(name));
  const gone = removed.get(k) ?? new Set<string>();
  const boot = LOADED.filter(([name]) => !gone.has(name)).map(([name, size, own]) => {
    const holders = (USES[name] ?? []).filter((h) => !gone.has(h));
    return { name, size, refcnt: own + holders.length + (name === 'overlay' ? overlayMounts : 0), holders };
  });
  const more = later.map((name) => ({ name, size: AVAILABLE[name] ?? 0, refcnt: users(name).length, holders: users(name) }));
  return [...boot, ...more].reverse();
}

/** /proc/modules: addresses only for a reader with CAP_SYSLOG (kallsyms_show_value under kptr_restrict=1), else zeros. */
export function procModules(mods: readonly KernelModule[], showAddresses: boolean): string {
  let addr = 0xffffffffc0600000n;
  return mods
    .map((m) => {
      addr += BigInt(m.size + 0x1000);
      const a = showAddresses ? addr.toString(16) : '0'.repeat(16);
      return `${m.name} ${m.size} ${m.refcnt} ${m.holders.length ? m.holders.map((h) => `${h},`).join('') : '-'} Live 0x${a}\n`;
    })
    .join('');
}
