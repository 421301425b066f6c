import type { Host } from '../host.ts';
import type { Proc } from '../kernel/types.ts';
import { flagsOf, niceOf, priorityOf, processorOf, schedOf } from '../kernel/sched.ts';

/** USER_HZ: /proc reports times in clock ticks of 1/100 s (linux@v6.8:include/asm-generic/param.h). */
export const USER_HZ = 100;

/** CPU time of `p` in ticks, split as the cgroup's cpu.stat splits it (99 % user). */
export function cpuTicks(p: Proc): { utime: number; stime: number } {
  const total = Math.floor(p.cpuUsec / (1e6 / USER_HZ));
  const utime = Math.floor((p.cpuUsec * 0.99) / (1e6 / USER_HZ));
  return { utime, stime: total - utime };
}

/** tty_nr as new_encode_dev(MKDEV(major, minor)) encodes it (linux@v6.8:include/linux/kdev_t.h): pts/N is 136:N, ttyN 4:N. */
function ttyNr(tty: string): number {
  const m = /^(pts\/|tty)(\d+)$/.exec(tty);
  if (!m) return 0;
  const major = m[1] === 'pts/' ? 136 : 4;
  const minor = Number(m[2]);
  return (minor & 0xff) | (major << 8) | ((minor & ~0xff) << 12);
}

/** A fixed, plausible user-space layout per process (the real one is randomised by ASLR). */
function layout(p: Proc) {
  const base = 0x5555_5555_4000 + ((p.pid * 0x1f3) % 0x7fff) * 0x1000;
  const stack = 0x7ffc_0000_0000 + ((p.pid * 0x2d9) % 0xffff) * 0x10000;
  const args = p.argv.join('\0').length + 1;
  const env = Object.entries(p.env).reduce((n, [a, b]) => n + a.length + b.length + 2, 0);
  const argStart = stack + 0x1f4e;
  return {
    startCode: base + 0x2000,
    endCode: base + 0x1a000,
    startStack: stack,
    startData: base + 0x2c000,
    endData: base + 0x2d2a8,
    startBrk: base + 0x1000000,
    argStart,
    argEnd: argStart + args,
    envStart: argStart + args,
    envEnd: argStart + args + env,
  };
}

/**
 * /proc/PID/stat: the 52 fields of do_task_stat (linux@v6.8:fs/proc/array.c), from the kernel model.
 * PIDs are those of the viewer's PID namespace; process group and session follow the shell's job control.
 */
export function statLine(host: Host, p: Proc, viewer: Proc, ids: { pgid: number; sid: number; tpgid: number }): string {
  const k = host.kernel;
  const seen = (q: Proc | undefined) => (q ? (k.pidIn(q, viewer.ns.pid) ?? 0) : 0);
  const state = p.kthread ? (p.comm.startsWith('kworker') ? 'I' : 'S') : p.state;
  const { utime, stime } = cpuTicks(p);
  const mask = (set: Iterable<number>) => {
    let m = 0;
    for (const s of set) if (s <= 31) m |= 1 << (s - 1);
    return m >>> 0;
  };
  const mm = !p.kthread && p.state !== 'Z';
  const l = layout(p);
  const flags = flagsOf(p);
  const sched = schedOf(p);
  // The wait status as exit_code holds it: the exit code in the high byte, or the signal (linux@v6.8:kernel/exit.c do_exit).
  const exitCode = p.state === 'Z' ? (p.killedBy ?? ((p.exitStatus ?? 0) & 0xff) << 8) : 0;
  const fields: (number | string)[] = [
    seen(p),
    `(${p.comm})`,
    state,
    seen(k.procs.get(p.ppid)),
    ids.pgid,
    ids.sid,
    ttyNr(p.tty),
    ids.tpgid,
    flags,
    mm ? Math.round(p.rssBytes / 4096) + 90 : 0,
    0,
    0,
    0, // minflt cminflt majflt cmajflt
    utime,
    stime,
    0,
    0, // utime stime cutime cstime
    priorityOf(p),
    niceOf(p),
    p.threads,
    0,
    Math.floor((p.startMs - k.bootMs) / (1000 / USER_HZ)), // priority nice num_threads itrealvalue starttime
    mm ? p.vszKb * 1024 : 0,
    mm ? Math.round(p.rssBytes / 4096) : 0,
    '18446744073709551615', // vsize rss rsslim
    mm ? l.startCode : 0,
    mm ? l.endCode : 0,
    mm ? l.startStack : 0,
    0,
    0, // startcode endcode startstack kstkesp kstkeip
    0,
    0,
    0,
    mask(p.handlers), // signal blocked sigignore sigcatch
    p.state === 'R' ? 0 : 1,
    0,
    0,
    17,
    processorOf(p, host.fixture.cpus),
    sched.rtprio,
    sched.policy,
    0,
    0,
    0, // wchan nswap cnswap exit_signal processor rt_priority policy blkio guest cguest
    ...(mm ? [l.startData, l.endData, l.startBrk, l.argStart, l.argEnd, l.envStart, l.envEnd] : [0, 0, 0, 0, 0, 0, 0]),
    exitCode,
  ];
  return `${fields.join(' ')}\n`;
}

/**
 * Whether `p` leads its session: PID 1 of a namespace, a container's init (runc's nsexec calls setsid() before
 * exec, opencontainers/runc@v1.1.14:libcontainer/nsenter/nsexec.c), a login shell, or a service systemd started (Proc.setsid).
 */
export function isSessionLeader(host: Host, p: Proc): boolean {
  const k = host.kernel;
  if (p.kthread) return false;
  const containerInit =
    !p.transient &&
    p.containerId !== undefined &&
    k.procs.get(p.ppid)?.comm.startsWith('containerd-shim') === true &&
    ![...k.procs.values()].some((q) => q.containerId === p.containerId && q.ppid === p.ppid && q.pid < p.pid);
  return (
    p.pid === 1 ||
    p.setsid === true ||
    p.nspid[p.nspid.length - 1] === 1 ||
    containerInit ||
    (!p.transient && !p.job && (p.argv[0]?.startsWith('-') === true || ['bash', 'sh', 'ash', 'sshd', 'containerd-shim'].includes(p.comm)))
  );
}

/**
 * Process group, session and the terminal's foreground group of `p`, as PIDs the viewer sees. An interactive
 * shell puts each command and job in a group of its own (bash@bash-5.2:jobs.c make_child); other children stay in
 * their parent's group and session.
 */
export function sessionIds(host: Host, p: Proc, viewer: Proc): { pgid: number; sid: number; tpgid: number } {
  const k = host.kernel;
  const seen = (q: Proc | undefined) => (q ? (k.pidIn(q, viewer.ns.pid) ?? 0) : 0);
  // A process whose parent the viewer cannot see (a container's init, a `docker exec` command under the shim)
  // was started by runc, whose nsexec calls setsid() first (opencontainers/runc@v1.1.14:libcontainer/nsenter/nsexec.c).
  const up = (q: Proc, own: (x: Proc) => boolean): Proc | undefined => {
    for (let x: Proc | undefined = q, n = 0; x && n < 64; n++) {
      const parent = k.procs.get(x.ppid);
      if (own(x) || (x.containerId !== undefined && (!parent || k.pidIn(parent, viewer.ns.pid) === undefined || parent.comm.startsWith('containerd-shim'))))
        return x;
      x = parent;
    }
    return undefined;
  };
  if (p.kthread) return { pgid: 0, sid: 0, tpgid: -1 };
  const leader = (x: Proc) => isSessionLeader(host, x);
  const group = up(p, (x) => leader(x) || Boolean(x.transient) || Boolean(x.job));
  const session = up(p, leader);
  let tpgid = -1;
  if (p.tty !== '?') {
    const fg = [...k.procs.values()].filter((q) => q.transient && !q.job && q.tty === p.tty && q.state !== 'Z').sort((a, b) => b.pid - a.pid)[0];
    tpgid = fg ? seen(fg) : seen(session);
  }
  return { pgid: seen(group), sid: seen(session), tpgid };
}
