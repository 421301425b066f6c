import { hasCap } from './capabilities.ts';
import type { Kernel } from './kernel.ts';
import type { Proc } from './types.ts';

/**
 * Scheduling and wait state of a process as /proc/PID/stat, ps and top read them: nice, policy,
 * priority, the CPU it last ran on, the kernel function it sleeps in, and the PF_* flags.
 */

/** SCHED_OTHER 0, SCHED_FIFO 1 (linux@v6.8:include/uapi/linux/sched.h). */
export interface Sched {
  policy: 0 | 1;
  /** rt_priority, 1..99 for SCHED_FIFO, 0 otherwise. */
  rtprio: number;
}

/**
 * Kernel threads' nice and policy as Ubuntu 24.04's 6.8 kernel sets them (modelled from the kernel's code, no
 * table upstream): workqueue rescuers and highpri per-CPU workers at nice -20 (linux@v6.8:kernel/workqueue.c
 * HIGHPRI_NICE_LEVEL), ksmd at 5 (mm/ksm.c set_user_nice), khugepaged at 19 (mm/khugepaged.c MAX_NICE),
 * migration/N SCHED_FIFO 99 (kernel/stop_machine.c sched_set_stop_task), idle_inject/N, watchdogd and threaded
 * IRQs SCHED_FIFO 50 (sched_set_fifo: MAX_RT_PRIO / 2), psimon SCHED_FIFO 1 (kernel/sched/psi.c sched_set_fifo_low).
 */
function kthreadSched(comm: string): Sched & { nice: number } {
  if (comm.startsWith('migration/')) return { policy: 1, rtprio: 99, nice: 0 };
  if (comm.startsWith('idle_inject/') || comm === 'watchdogd' || comm.startsWith('irq/')) return { policy: 1, rtprio: 50, nice: 0 };
  if (comm === 'psimon') return { policy: 1, rtprio: 1, nice: 0 };
  if (/^kworker\/(R-|\d+:\d+H)/.test(comm)) return { policy: 0, rtprio: 0, nice: -20 };
  if (comm === 'ksmd') return { policy: 0, rtprio: 0, nice: 5 };
  if (comm === 'khugepaged') return { policy: 0, rtprio: 0, nice: 19 };
  return { policy: 0, rtprio: 0, nice: 0 };
}

/** The nice value, -20..19: set by nice/renice (setpriority) and inherited across fork. */
export const niceOf = (p: Proc): number => (p.kthread ? kthreadSched(p.comm).nice : (p.nice ?? 0));

/**
 * setpriority(PRIO_PROCESS) by `caller` on `target` (linux@v6.8:kernel/sys.c set_one_prio): EPERM when the caller
 * is neither the target's owner (its uid or euid the target's uid) nor holds CAP_SYS_NICE, EACCES when it lowers
 * the nice value without CAP_SYS_NICE (can_nice; RLIMIT_NICE is 0 on node1); else the value, within -20..19, is set.
 */
export function setNice(caller: Proc, target: Proc, value: number): 'EPERM' | 'EACCES' | undefined {
  const capable = hasCap(caller.caps, 'CAP_SYS_NICE');
  if (!capable && caller.uid !== target.uid && caller.euid !== target.uid) return 'EPERM';
  const v = Math.max(-20, Math.min(19, value));
  if (v < niceOf(target) && !capable) return 'EACCES';
  target.nice = v;
  return undefined;
}

export const schedOf = (p: Proc): Sched => (p.kthread ? kthreadSched(p.comm) : { policy: 0, rtprio: 0 });

/** /proc/PID/stat field 18: task->prio - MAX_RT_PRIO, 20 + nice for SCHED_OTHER, -1 - rt_priority for SCHED_FIFO (linux@v6.8:kernel/sched/core.c task_prio). */
export function priorityOf(p: Proc): number {
  const s = schedOf(p);
  return s.policy === 1 ? -1 - s.rtprio : 20 + niceOf(p);
}

/** The CPU a process last ran on (stat field 39, ps PSR, top P): modelled as its PID modulo the CPU count. */
export const processorOf = (p: Proc, cpus: number): number => p.pid % cpus;

/**
 * task->flags as stat field 9 shows them (linux@v6.8:include/linux/sched.h): PF_KTHREAD | PF_NOFREEZE |
 * PF_FORKNOEXEC for a kernel thread; PF_RANDOMIZE for a user process, with PF_SUPERPRIV (0x100) once a capability
 * check passed for it (kernel/capability.c ns_capable_common). fork clears the flag (kernel/fork.c copy_process),
 * exec keeps it. Modelled: a lasting root process (a daemon, a login shell: its starter set it up with
 * capabilities) has it; a root command only if it reads other processes (ps, top: ptrace_may_access checks
 * CAP_SYS_PTRACE), not `cat /proc/self/stat`.
 */
export function flagsOf(p: Proc): number {
  if (p.kthread) return 0x208040;
  const superpriv = p.euid === 0 && p.state !== 'Z' && ((!p.transient && !p.job) || PROCESS_VIEWERS.has(p.comm));
  return superpriv ? 0x400100 : 0x400000;
}
const PROCESS_VIEWERS = new Set(['ps', 'top', 'pgrep', 'pkill', 'pidof', 'killall', 'w', 'pstree', 'lsof']);

/** Kernel threads' sleeping functions (linux@v6.8: the thread functions of kernel/, mm/, fs/, drivers/). */
const KTHREAD_WCHAN: [RegExp, string][] = [
  [/^kthreadd$/, 'kthreadd'],
  [/^kworker\/R-/, 'rescuer_thread'],
  [/^kworker\//, 'worker_thread'],
  [/^(ksoftirqd|cpuhp|migration|idle_inject)\//, 'smpboot_thread_fn'],
  [/^rcu_tasks/, 'rcu_tasks_kthread'],
  [/^rcu_/, 'rcu_gp_kthread'],
  [/^kdevtmpfs$/, 'devtmpfs_work_loop'],
  [/^kauditd$/, 'kauditd_thread'],
  [/^khungtaskd$/, 'watchdog'],
  [/^oom_reaper$/, 'oom_reaper'],
  [/^kcompactd/, 'kcompactd'],
  [/^ksmd$/, 'ksm_scan_thread'],
  [/^khugepaged$/, 'khugepaged'],
  [/^irq\//, 'irq_thread'],
  [/^kswapd/, 'kswapd'],
  [/^scsi_eh_/, 'scsi_error_handler'],
  [/^jbd2\//, 'kjournald2'],
  [/^psimon$/, 'psi_rtpoll_worker'],
  [/^hwrng$/, 'hwrng_fillfn'],
  [/^ecryptfs-kthrea/, 'ecryptfs_threadfn'],
];

/** Programs that wait in epoll (Go's runtime netpoller, systemd and its daemons). */
const EPOLL = /^(systemd|dbus-daemon|dockerd|containerd|kubelet|polkitd|networkd-dispat|udisksd|ModemManager|multipathd|rsyslogd|unattended-upgr|snapd)/;

/**
 * WCHAN: the kernel function a sleeping process waits in, '-' when it runs or has exited (procps prints '-' for
 * the kernel's "0", linux@v6.8:fs/proc/base.c proc_pid_wchan). Modelled, no upstream table: a shell waiting for
 * its foreground command in do_wait, one at its prompt in do_select (readline's pselect), sleep and cron in
 * hrtimer_nanosleep, a pipeline's reader in pipe_read, a stopped job in do_signal_stop, sshd and agetty in do_sys_poll and wait_woken, event-loop
 * daemons in ep_poll, other multi-threaded ones in futex_wait_queue.
 */
export function wchanOf(k: Kernel, p: Proc): string {
  if (p.state === 'R' || p.state === 'Z') return '-';
  if (p.state === 'T') return 'do_signal_stop';
  if (p.kthread) return KTHREAD_WCHAN.find(([re]) => re.test(p.comm))?.[1] ?? 'kthread_worker_fn';
  if (p.program.kind === 'sleep' || p.comm === 'cron') return 'hrtimer_nanosleep';
  // The reader at the end of a pipeline (`ps | grep`), waiting for input.
  if (p.transient && !p.reaps) return 'pipe_read';
  if (p.reaps) {
    const waits = [...k.procs.values()].some((c) => c.ppid === p.pid && c.pid !== p.pid && c.transient && !c.job && c.state !== 'Z');
    if (waits) return 'do_wait';
    if (p.tty !== '?') return 'do_select';
  }
  if (p.comm === 'sshd') return 'do_sys_poll';
  if (p.comm === 'agetty') return 'wait_woken';
  if (EPOLL.test(p.comm)) return 'ep_poll';
  return p.threads > 1 ? 'futex_wait_queue' : 'do_sys_poll';
}
