/**
 * The resource limits of a process on node1 (getrlimit/setrlimit), soft and hard, in the
 * kernel's units (bytes, seconds, counts); Infinity is RLIM_INFINITY. A process has the
 * defaults below unless it (or a parent) changed one: Proc.rlimits holds the changes.
 *
 * Defaults: the kernel's INIT_RLIMITS (linux@v6.8:include/asm-generic/resource.h: stack
 * _STK_LIM 8 MiB soft / unlimited hard, core 0 / unlimited, memlock MLOCK_LIMIT 8 MiB,
 * msgqueue MQ_BYTES_MAX 819200, nice/rtprio 0, the rest unlimited), nproc and sigpending set by
 * fork_init to max_threads/2 (kernel.threads-max 126878 in kernel/sysctl.ts, so 63439, as
 * user.max_user_namespaces), and open files 1024:524288 from systemd's DefaultLimitNOFILE
 * (systemd@v255:src/core/system.conf.in `#DefaultLimitNOFILE=1024:{{HIGH_RLIMIT_NOFILE}}`, 512K),
 * which every service and login session on Ubuntu 24.04 inherits.
 */
import { hasCap } from '../kernel/capabilities.ts';
import type { Proc } from '../kernel/types.ts';

export type RlimitName =
  | 'cpu'
  | 'fsize'
  | 'data'
  | 'stack'
  | 'core'
  | 'rss'
  | 'nproc'
  | 'nofile'
  | 'memlock'
  | 'as'
  | 'locks'
  | 'sigpending'
  | 'msgqueue'
  | 'nice'
  | 'rtprio'
  | 'rttime';

const INF = Infinity;
const NPROC = 63439;

export const RLIMIT_DEFAULTS: Readonly<Record<RlimitName, readonly [number, number]>> = {
  cpu: [INF, INF],
  fsize: [INF, INF],
  data: [INF, INF],
  stack: [8 * 1024 * 1024, INF],
  core: [0, INF],
  rss: [INF, INF],
  nproc: [NPROC, NPROC],
  nofile: [1024, 524288],
  memlock: [8 * 1024 * 1024, 8 * 1024 * 1024],
  as: [INF, INF],
  locks: [INF, INF],
  sigpending: [NPROC, NPROC],
  msgqueue: [819200, 819200],
  nice: [0, 0],
  rtprio: [0, 0],
  rttime: [INF, INF],
};

/** fs.nr_open: the most open files setrlimit(RLIMIT_NOFILE) allows (linux@v6.8:fs/file.c sysctl_nr_open = 1024*1024). */
export const NR_OPEN = 1048576;

/** The soft and hard limit of `name` for process `p`. */
export function rlimitOf(p: Proc, name: RlimitName): readonly [number, number] {
  return p.rlimits?.[name] ?? RLIMIT_DEFAULTS[name];
}

/**
 * setrlimit (linux@v6.8:kernel/sys.c do_prlimit): EINVAL when soft > hard or nofile above
 * nr_open, EPERM when raising the hard limit without CAP_SYS_RESOURCE. Returns the errno name or
 * undefined once set.
 */
export function setRlimit(p: Proc, name: RlimitName, soft: number, hard: number): 'EINVAL' | 'EPERM' | undefined {
  if (soft > hard) return 'EINVAL';
  const [, oldHard] = rlimitOf(p, name);
  if (name === 'nofile' && hard > NR_OPEN) return 'EPERM';
  if (hard > oldHard && !hasCap(p.caps, 'CAP_SYS_RESOURCE')) return 'EPERM';
  p.rlimits = { ...p.rlimits, [name]: [soft, hard] };
  return undefined;
}
