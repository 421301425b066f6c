import type { NamespaceType } from '../api.ts';
import { newCgroup, secondPassed, type Cgroup } from './cgroups.ts';
import type { Clock } from './clock.ts';
import { allocPid, PID_MAX_LIMIT, RESERVED_PIDS } from './pids.ts';
import { caught, SIGKILL, SIGSTOP, UNTRAPPED } from './signals.ts';
import { inheritDevconf } from './sysctl.ts';
import { NS_TYPES, type Namespace, type Proc } from './types.ts';

export const TICK_MS = 100;
export interface SpawnOptions {
  parent: Proc | undefined;
  argv: string[];
  comm?: string;
  /** Namespaces to use instead of the parent's (already created). */
  ns?: Partial<Record<NamespaceType, number>>;
  transient?: boolean;
  patch?: Partial<Proc>;
}

/**
 * The kernel model: processes with one PID per PID-namespace level, the eight namespace
 * types, the cgroup v2 tree, the shared clock, dmesg, and the tick engine that moves hogs.
 */
export class Kernel {
  readonly procs = new Map<number, Proc>();
  readonly namespaces = new Map<number, Namespace>();
  readonly cgroups = new Map<string, Cgroup>();
  readonly dmesg: string[] = [];
  readonly hostNs: Record<NamespaceType, number>;
  nextInode: number;
  /** Called when a process exits (after its status is set). */
  onExit: ((p: Proc) => void)[] = [];
  /** Actions due at a later time (a handler reacting to a signal). */
  timers: { at: number; fn: () => void }[] = [];
  memTotalBytes: number;
  readonly bootMs: number;
  /** CPU time granted to busy programs since boot, all cgroups together (/proc/stat, vmstat). */
  cpuBusyUsec = 0;
  /** Global sysctls written since boot (kernel/sysctl.ts; the namespaced ones live in their namespace). */
  readonly sysctls: Record<string, string> = {};

  constructor(
    readonly clock: Clock,
    init: {
      hostNs: Record<NamespaceType, number>;
      nextInode: number;
      hostname: string;
      nextPid: number;
      memTotalBytes: number;
      bootMs: number;
    },
  ) {
    this.hostNs = init.hostNs;
    this.nextInode = init.nextInode;
    this.memTotalBytes = init.memTotalBytes;
    this.bootMs = init.bootMs;
    for (const type of NS_TYPES) {
      const ns: Namespace = { inode: init.hostNs[type], type, level: 0 };
      if (type === 'uts') ns.hostname = init.hostname;
      if (type === 'pid') ns.nextPid = init.nextPid;
      if (type === 'cgroup') ns.cgroupRoot = '/';
      if (type === 'user') ns.uidMap = '         0          0 4294967295';
      this.namespaces.set(ns.inode, ns);
    }
    for (const path of ['/', '/init.scope', '/system.slice', '/user.slice', '/user.slice/user-0.slice', '/user.slice/user-0.slice/session-1.scope']) {
      this.cgroups.set(path, newCgroup(path));
    }
  }

  get now(): number {
    return this.clock.nowMs;
  }

  ns(inode: number): Namespace {
    const ns = this.namespaces.get(inode);
    if (!ns) throw new Error(`no namespace ${inode}`);
    return ns;
  }

  /** Creates a namespace of `type` copying the payload of `from` (like unshare/clone). */
  newNamespace(type: NamespaceType, from: number, patch: Partial<Namespace> = {}): Namespace {
    const old = this.ns(from);
    const ns: Namespace = { inode: this.nextInode++, type, level: 0 };
    if (type === 'pid') {
      ns.parent = from;
      ns.level = old.level + 1;
      ns.nextPid = 1;
    }
    if (type === 'user') ns.parent = from;
    if (type === 'uts') ns.hostname = old.hostname;
    if (type === 'net') {
      ns.interfaces = [{ index: 1, name: 'lo', kind: 'loopback', up: false, mtu: 65536, mac: '00:00:00:00:00:00', addrs: [] }];
      ns.routes = [];
      ns.devconf = inheritDevconf(this);
    }
    if (type === 'cgroup') ns.cgroupRoot = old.cgroupRoot;
    Object.assign(ns, patch);
    this.namespaces.set(ns.inode, ns);
    return ns;
  }

  cgroup(path: string): Cgroup {
    let cg = this.cgroups.get(path);
    if (!cg) {
      cg = newCgroup(path);
      this.cgroups.set(path, cg);
    }
    return cg;
  }

  /** The chain of PID namespaces from the host down to `inode`. */
  pidNsChain(inode: number): Namespace[] {
    const chain: Namespace[] = [];
    for (let ns: Namespace | undefined = this.ns(inode); ns; ns = ns.parent ? this.ns(ns.parent) : undefined) chain.unshift(ns);
    return chain;
  }

  /** The PID of `p` as seen from PID namespace `inode`, or undefined when not visible there: pidNsChain(p.ns.pid)[level] unbuilt (every /proc lookup and `ps` asks it). */
  pidIn(p: Proc, inode: number): number | undefined {
    const level = this.ns(inode).level;
    if (level === 0) return p.nspid[0]; // the initial PID namespace (the only one at level 0) sees every process
    let at = this.ns(p.ns.pid);
    while (at.level > level && at.parent) at = this.ns(at.parent); // a PID namespace's level is its depth (newNamespace)
    return at.inode === inode ? p.nspid[level] : undefined;
  }

  spawn(opts: SpawnOptions): Proc {
    const parent = opts.parent;
    const ns = { ...(parent?.ns ?? this.hostNs), ...opts.ns } as Record<NamespaceType, number>;
    // One PID per level, allocated from the deepest namespace up, as alloc_pid does.
    const chain = this.pidNsChain(ns.pid);
    const nspid: number[] = [];
    for (let level = chain.length - 1; level >= 0; level--) nspid[level] = allocPid(this, chain[level] as Namespace);
    const base: Proc = parent ? { ...parent, handlers: new Set(parent.handlers), env: { ...parent.env }, ...UNTRAPPED } : ({} as Proc);
    const p: Proc = {
      ...base,
      pid: nspid[0] as number,
      ppid: parent?.pid ?? 0,
      nspid,
      argv: opts.argv,
      comm: opts.comm ?? (opts.argv[0] ?? '').split('/').pop()!.slice(0, 15),
      state: 'S',
      ns,
      startMs: this.now,
      threads: 1,
      program: { kind: 'idle' },
      rssBytes: 0,
      cpuUsec: 0,
      exitStatus: undefined,
      killedBy: undefined,
      transient: opts.transient,
      setsid: undefined,
      ...opts.patch,
    };
    if (p.ns.pid !== parent?.ns.pid) p.handlers = new Set(opts.patch?.handlers ?? []);
    this.procs.set(p.pid, p);
    return p;
  }

  /** Removes a finished foreground command. Its PIDs are free again, but the next process takes the next number (allocPid). */
  release(p: Proc): void {
    this.procs.delete(p.pid);
  }

  /**
   * Takes back processes spawned only to be shown ahead of their start (the grep of `ps | grep`,
   * which bash forks at the same time as ps, while the simulator runs it after ps): their PIDs
   * go back to the counter, so the command that later runs as them gets the number ps printed.
   * Give them back newest first; a PID is returned only if nothing was allocated after it.
   */
  unspawn(p: Proc): void {
    this.procs.delete(p.pid);
    this.pidNsChain(p.ns.pid).forEach((n, i) => {
      if (n.nextPid === (p.nspid[i] as number) + 1) n.nextPid = p.nspid[i];
    });
  }

  /** kernel.pid_max (`sysctl -w` may change it): PIDs are below it. */
  pidMax(): number {
    const v = Number.parseInt(this.sysctls['kernel.pid_max'] ?? '', 10);
    return Number.isInteger(v) && v > RESERVED_PIDS && v <= PID_MAX_LIMIT ? v : PID_MAX_LIMIT;
  }

  children(p: Proc): Proc[] {
    return [...this.procs.values()].filter((c) => c.ppid === p.pid && c.pid !== p.pid);
  }

  /** The init (PID 1) of a PID namespace. */
  nsInit(pidNs: number): Proc | undefined {
    const level = this.ns(pidNs).level;
    for (const p of this.procs.values()) if (p.ns.pid === pidNs && p.nspid[level] === 1) return p;
    return undefined;
  }

  isNsInit(p: Proc): boolean {
    return p.nspid[p.nspid.length - 1] === 1;
  }

  /** Terminates `p` with a wait status; children are re-parented; a namespace init takes its namespace with it. */
  exit(p: Proc, status: number, signal?: number): void {
    if (p.state === 'Z' || !this.procs.has(p.pid)) return;
    p.exitStatus = status;
    p.killedBy = signal;
    p.state = 'Z';
    p.rssBytes = 0;
    p.program = { kind: 'idle' };
    const nsInit = this.isNsInit(p);
    for (const c of this.children(p)) {
      if (nsInit) {
        this.exit(c, 128 + SIGKILL, SIGKILL);
        this.procs.delete(c.pid);
      } else {
        // An orphan goes to its namespace's init; that init itself to the host's (linux@v6.8 kernel/exit.c find_new_reaper).
        const reaper = this.nsInit(c.ns.pid);
        const init = reaper && reaper !== c ? reaper : this.procs.get(1);
        c.ppid = init?.pid ?? 1;
        if (c.state === 'Z' && init?.reaps) this.procs.delete(c.pid);
      }
    }
    if (nsInit) for (const q of [...this.procs.values()]) if (q.ns.pid === p.ns.pid && q !== p) this.procs.delete(q.pid);
    for (const hook of this.onExit) hook(p);
    const parent = this.procs.get(p.ppid);
    if (!parent || parent.reaps || p.transient) this.procs.delete(p.pid);
  }

  /**
   * Delivers a signal. A namespace init drops signals it has no handler for, unless it is SIGKILL/SIGSTOP sent from an
   * ancestor namespace (linux@v6.8:kernel/signal.c sig_task_ignored: SIGNAL_UNKILLABLE, SIG_DFL, force). A signal
   * ignored or trapped: signals.ts caught. Returns 'handled' when a handler ran.
   */
  signal(p: Proc, sig: number, fromAncestor: boolean, onHandled?: (p: Proc, sig: number) => void): 'ignored' | 'handled' | 'killed' {
    if (p.state === 'Z') return 'ignored';
    const init = this.isNsInit(p);
    if (sig === SIGKILL || sig === SIGSTOP) {
      if (init && !fromAncestor) return 'ignored';
      if (sig === SIGSTOP) {
        p.state = 'T';
        return 'handled';
      }
      this.exit(p, 128 + sig, sig);
      return 'killed';
    }
    const how = caught(p, sig);
    if (how === 'handled') onHandled?.(p, sig);
    if (how) return how;
    if ([17, 18, 23, 28].includes(sig)) return 'ignored';
    if (init) return 'ignored';
    this.exit(p, 128 + sig, sig);
    return 'killed';
  }

  live(): Proc[] {
    return [...this.procs.values()].filter((p) => p.state !== 'Z');
  }

  cgroupProcs(path: string): Proc[] {
    if (this.procIndex) return this.procIndex.get(path) ?? [];
    return this.live().filter((p) => p.cgroup === path || p.cgroup.startsWith(`${path}/`));
  }

  /** While set (during one snapshot): live processes by every cgroup that holds them, nested ones included. */
  private procIndex: Map<string, Proc[]> | undefined;

  /**
   * Runs `fn` with the cgroup membership indexed once, so reading every container's cgroup
   * files costs time linear in the processes (a World snapshot after each command), not
   * containers × processes. Nothing may change the processes inside `fn`.
   */
  withProcIndex<T>(fn: () => T): T {
    const index = new Map<string, Proc[]>();
    for (const p of this.procs.values()) {
      if (p.state === 'Z') continue;
      for (let path = p.cgroup; ; ) {
        let list = index.get(path);
        if (!list) index.set(path, (list = []));
        list.push(p);
        if (path === '/' || path === '') break;
        const cut = path.lastIndexOf('/');
        path = cut <= 0 ? '/' : path.slice(0, cut);
      }
    }
    this.procIndex = index;
    try {
      return fn();
    } finally {
      this.procIndex = undefined;
    }
  }

  memoryCurrent(path: string): number {
    return this.cgroupProcs(path).reduce((sum, p) => sum + p.rssBytes, 0);
  }

  /** Moves simulated time forward in ticks of 100 ms (one CFS period). */
  /** Moves time forward in one step (a long sleep fast-forwarded): hogs are charged for the whole step at once. */
  advanceCoarse(ms: number): void {
    this.clock.nowMs += ms;
    this.tick(ms);
  }

  advance(ms: number): void {
    let left = ms;
    while (left > 0) {
      const step = Math.min(TICK_MS, left);
      this.clock.nowMs += step;
      left -= step;
      this.tick(step);
    }
  }

  private tick(ms: number): void {
    const now = this.now;
    // Every command moves time by a second (ten ticks): a tick with no timer due and no busy program allocates nothing.
    if (this.timers.some((t) => t.at <= now)) {
      const due = this.timers.filter((t) => t.at <= now);
      this.timers = this.timers.filter((t) => t.at > now);
      for (const t of due) t.fn();
    }
    // The live processes whose program does something as time passes, in PID-table order, taken before any of them
    // runs (an exit or a spawn below does not change this tick's list).
    let busy: Proc[] | undefined;
    for (const p of this.procs.values()) if (p.state !== 'Z' && p.program.kind !== 'idle') (busy ??= []).push(p);
    const cpuDemand = new Map<string, number>();
    for (const p of busy ?? []) {
      const prog = p.program;
      if (prog.kind === 'sleep' && now >= prog.untilMs) this.exit(p, 0);
      else if (prog.kind === 'memhog') {
        p.rssBytes += (prog.bytesPerSec * ms) / 1000;
        this.checkMemory(p);
      } else if (prog.kind === 'cpuhog') {
        cpuDemand.set(p.cgroup, (cpuDemand.get(p.cgroup) ?? 0) + ms * 1000);
        p.state = 'R';
      } else if (prog.kind === 'zombie-maker' && now >= prog.nextMs) {
        prog.nextMs = now + prog.everyMs;
        // A grandchild whose parent already left: orphaned to the namespace init, which must reap it.
        const child = this.spawn({ parent: p, argv: ['worker'], comm: 'worker', patch: { reaps: false, handlers: new Set(), program: { kind: 'idle' } } });
        const init = this.nsInit(p.ns.pid);
        if (init) child.ppid = init.pid;
        this.exit(child, 0);
      }
    }
    for (const [path, demandUsec] of cpuDemand) this.chargeCpu(path, demandUsec, ms);
    if (now % 1000 === 0) for (const cg of this.cgroups.values()) secondPassed(cg);
  }

  private chargeCpu(path: string, demandUsec: number, ms: number): void {
    const cg = this.cgroup(path);
    let granted = demandUsec;
    if (cg.cpuQuota !== 'max') {
      const periods = (ms * 1000) / cg.cpuPeriod;
      const allowed = cg.cpuQuota * periods;
      cg.cpu.nr_periods += Math.round(periods);
      if (demandUsec > allowed) {
        cg.cpu.nr_throttled += Math.round(periods);
        cg.cpu.throttled_usec += Math.round((cg.cpuPeriod - cg.cpuQuota) * periods);
        granted = allowed;
      }
    }
    cg.cpu.usage_usec += granted;
    this.cpuBusyUsec += granted;
    cg.cpu.user_usec += Math.round(granted * 0.99);
    cg.cpu.system_usec = cg.cpu.usage_usec - cg.cpu.user_usec;
    // The hogs of the cgroup share what it was granted (two background `yes` each get their half).
    const hogs = this.cgroupProcs(path).filter((p) => p.program.kind === 'cpuhog');
    for (const p of hogs) p.cpuUsec += granted / hogs.length;
  }

  /** OOM: when a cgroup's usage passes memory.max, kill its largest process (all with oom.group). */
  private checkMemory(p: Proc): void {
    const cg = this.cgroups.get(p.cgroup);
    const limit = cg && cg.memoryMax !== 'max' ? cg.memoryMax : this.memTotalBytes;
    const used = cg ? this.memoryCurrent(p.cgroup) : p.rssBytes;
    if (cg) cg.memoryPeak = Math.max(cg.memoryPeak, Math.min(used, limit));
    if (used <= limit) return;
    p.rssBytes -= used - limit;
    const victims = cg?.oomGroup ? this.cgroupProcs(p.cgroup) : [this.largest(p.cgroup) ?? p];
    for (const v of victims) {
      const anonKb = Math.round(v.rssBytes / 1024);
      const uptime = ((this.now - this.bootMs) / 1000).toFixed(6).padStart(12, ' ');
      if (cg) {
        cg.events.max += 1;
        cg.events.oom += 1;
        cg.events.oom_kill += 1;
        if (cg.oomGroup) cg.events.oom_group_kill += 1;
        this.dmesg.push(
          `[${uptime}] Memory cgroup out of memory: Killed process ${v.pid} (${v.comm}) total-vm:${v.vszKb + anonKb}kB, anon-rss:${anonKb}kB, file-rss:0kB, shmem-rss:0kB, UID:${v.uid} pgtables:${Math.max(44, Math.round(anonKb / 512))}kB oom_score_adj:0`,
        );
      } else {
        this.dmesg.push(
          `[${uptime}] Out of memory: Killed process ${v.pid} (${v.comm}) total-vm:${v.vszKb + anonKb}kB, anon-rss:${anonKb}kB, file-rss:0kB, shmem-rss:0kB, UID:${v.uid} pgtables:${Math.round(anonKb / 512)}kB oom_score_adj:0`,
        );
      }
      this.exit(v, 128 + SIGKILL, SIGKILL);
    }
  }

  private largest(path: string): Proc | undefined {
    return this.cgroupProcs(path).sort((a, b) => b.rssBytes - a.rssBytes)[0];
  }
}
