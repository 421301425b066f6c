/**
 * Linux capabilities as 64-bit masks (BigInt). Numbers from include/uapi/linux/capability.h
 * (FACTS §1.1); Docker's default set from moby daemon/pkg/oci/caps/defaults.go (FACTS §1.2).
 */
export const CAP_NAMES: readonly string[] = [
  'chown',
  'dac_override',
  'dac_read_search',
  'fowner',
  'fsetid',
  'kill',
  'setgid',
  'setuid',
  'setpcap',
  'linux_immutable',
  'net_bind_service',
  'net_broadcast',
  'net_admin',
  'net_raw',
  'ipc_lock',
  'ipc_owner',
  'sys_module',
  'sys_rawio',
  'sys_chroot',
  'sys_ptrace',
  'sys_pacct',
  'sys_admin',
  'sys_boot',
  'sys_nice',
  'sys_resource',
  'sys_time',
  'sys_tty_config',
  'mknod',
  'lease',
  'audit_write',
  'audit_control',
  'setfcap',
  'mac_override',
  'mac_admin',
  'syslog',
  'wake_alarm',
  'block_suspend',
  'audit_read',
  'perfmon',
  'bpf',
  'checkpoint_restore',
];

export const CAP_LAST_CAP = CAP_NAMES.length - 1;
export const ALL_CAPS: bigint = (1n << BigInt(CAP_NAMES.length)) - 1n;

export interface CapSets {
  inh: bigint;
  prm: bigint;
  eff: bigint;
  bnd: bigint;
  amb: bigint;
}

/** Number of a capability given as `CHOWN`, `CAP_CHOWN` or `cap_chown`; undefined if unknown. */
export function capNumber(name: string): number | undefined {
  const n = CAP_NAMES.indexOf(name.toLowerCase().replace(/^cap_/, ''));
  return n < 0 ? undefined : n;
}

export function capBit(name: string): bigint {
  const n = capNumber(name);
  if (n === undefined) throw new Error(`unknown capability ${name}`);
  return 1n << BigInt(n);
}

export const DOCKER_DEFAULT_CAPS: readonly string[] = [
  'CAP_CHOWN',
  'CAP_DAC_OVERRIDE',
  'CAP_FSETID',
  'CAP_FOWNER',
  'CAP_MKNOD',
  'CAP_NET_RAW',
  'CAP_SETGID',
  'CAP_SETUID',
  'CAP_SETFCAP',
  'CAP_SETPCAP',
  'CAP_NET_BIND_SERVICE',
  'CAP_SYS_CHROOT',
  'CAP_KILL',
  'CAP_AUDIT_WRITE',
];

export const DOCKER_DEFAULT_MASK: bigint = DOCKER_DEFAULT_CAPS.reduce((m, c) => m | capBit(c), 0n);

/** The 16-hex-digit form used by /proc/<pid>/status. */
export function capHex(mask: bigint): string {
  return mask.toString(16).padStart(16, '0');
}

/** `cap_chown,cap_dac_override,…` in bit order (libcap's text form without the `=ep` suffix). */
export function capList(mask: bigint): string {
  const names: string[] = [];
  for (let i = 0; i <= CAP_LAST_CAP; i++) if (mask & (1n << BigInt(i))) names.push(`cap_${CAP_NAMES[i]}`);
  return names.join(',');
}

export function hasCap(sets: CapSets, name: string): boolean {
  return (sets.eff & capBit(name)) !== 0n;
}

/** Full root on the host: every set but inheritable/ambient is all ones. */
export function rootCaps(): CapSets {
  return { inh: 0n, prm: ALL_CAPS, eff: ALL_CAPS, bnd: ALL_CAPS, amb: 0n };
}

export class CapError extends Error {}

/**
 * Docker's TweakCapabilities: start from the defaults, apply --cap-add/--cap-drop
 * (`ALL` allowed in both), or everything with --privileged. Unknown names raise CapError
 * with Docker's wording.
 */
export function dockerCaps(add: string[], drop: string[], privileged: boolean): bigint {
  if (privileged) return ALL_CAPS;
  const norm = (c: string) => {
    const up = c.toUpperCase();
    if (up === 'ALL') return 'ALL';
    const full = up.startsWith('CAP_') ? up : `CAP_${up}`;
    if (capNumber(full) === undefined) throw new CapError(`unknown capability: "${full}"`);
    return full;
  };
  const adds = add.map(norm);
  const drops = drop.map(norm);
  if (adds.includes('ALL')) return drops.reduce((m, d) => (d === 'ALL' ? m : m & ~capBit(d)), ALL_CAPS);
  if (drops.includes('ALL')) return adds.reduce((m, a) => m | capBit(a), 0n);
  let mask = DOCKER_DEFAULT_MASK;
  for (const d of drops) mask &= ~capBit(d);
  for (const a of adds) mask |= capBit(a);
  return mask;
}

/**
 * The capability sets after execve of a file with no file capabilities and no set-id bit
 * (linux@v6.8:security/commoncap.c cap_bprm_creds_from_file, handle_privileged_root): for a root uid (real or
 * effective) the file counts as fully capable, P' = bounding | inheritable, effective too when the euid is 0;
 * otherwise P' = E' = ambient. Inheritable, bounding and ambient carry over.
 */
export function capsAfterExec(c: CapSets, ruid: number, euid: number): CapSets {
  const root = ruid === 0 || euid === 0;
  const prm = (root ? c.bnd | c.inh : 0n) | c.amb;
  return { inh: c.inh, prm, eff: euid === 0 ? prm : c.amb, bnd: c.bnd, amb: c.amb };
}
