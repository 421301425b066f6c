/** The PID allocator (Kernel.spawn) and its limits (kernel/sysctl.ts: kernel.pid_max and ns_last_pid). */
import type { Kernel } from './kernel.ts';
import type { Namespace } from './types.ts';

/** linux@v6.8:kernel/pid.c RESERVED_PIDS: where the PID counter starts again when it wraps. */
export const RESERVED_PIDS = 300;
/**
 * linux@v6.8:include/linux/threads.h PID_MAX_LIMIT on 64-bit (4 * 1024 * 1024), the largest
 * kernel.pid_max. Ubuntu 24.04 boots with it: systemd's /usr/lib/sysctl.d/50-pid-max.conf
 * raises the kernel's 32768 to `kernel.pid_max = 4194304`.
 */
export const PID_MAX_LIMIT = 4194304;

/**
 * The next PID of namespace `n`: the first free number from the cursor (the last PID handed
 * out, plus one) up to pid_max, then from RESERVED_PIDS (from 1 while the cursor has not
 * passed RESERVED_PIDS). A PID that is freed is not handed out again until the counter wraps.
 * linux@v6.8:kernel/pid.c alloc_pid: `if (idr_get_cursor(&tmp->idr) > RESERVED_PIDS) pid_min
 * = RESERVED_PIDS;` then `idr_alloc_cyclic(&tmp->idr, NULL, pid_min, pid_max, GFP_ATOMIC)`.
 * pid_max is one global in 6.8 (no per-namespace pid_max); every PID namespace keeps its own
 * cursor, and a new one starts at 1.
 */
export function allocPid(k: Kernel, n: Namespace): number {
  const max = k.pidMax();
  const cursor = n.nextPid ?? 1;
  const min = cursor > RESERVED_PIDS ? RESERVED_PIDS : 1;
  let pid = cursor;
  for (let tried = 0; tried < max; tried++, pid++) {
    if (pid >= max) pid = min;
    if (!pidInUse(k, n, pid)) {
      n.nextPid = pid + 1;
      return pid;
    }
  }
  // alloc_pid fails with -EAGAIN when every number is taken (fork: Resource temporarily unavailable).
  throw new Error(`EAGAIN: no free PID below pid_max ${max}`);
}

/** Whether `pid` is held in namespace `n` (by a live process, or a zombie not yet reaped). */
function pidInUse(k: Kernel, n: Namespace, pid: number): boolean {
  if (n.level === 0) return k.procs.has(pid);
  for (const p of k.procs.values()) if (p.nspid[n.level] === pid && k.pidIn(p, n.inode) === pid) return true;
  return false;
}
