import type { ClockMode } from './api.ts';
import { OpenFiles } from './kernel/files.ts';
import { rootCaps } from './kernel/capabilities.ts';
import { Clock, Interrupted } from './kernel/clock.ts';
import { Kernel } from './kernel/kernel.ts';
import type { CapSets } from './kernel/capabilities.ts';
import type { Proc, Program } from './kernel/types.ts';
import type { Fixture } from './fixture.ts';
import { Rng } from './rng.ts';
import { initHostNet } from './net/hostnet.ts';
import { Runc } from './runtime/runc.ts';

/** In virtual mode a command that never ends on its own is interrupted (as by Ctrl-C) after this much simulated time. */
export const VIRTUAL_BOUND_MS = 60_000;

export type WaitOutcome = 'done' | 'timeout' | 'aborted';

/**
 * What node1's boot processes share, once per fixture (issues #10 and #14): every world made ~140 of them, each with its
 * own namespace set, capability sets, environment, handler set and program, ~140 KB young and live in every world. These
 * parts are replaced, never changed in place (fork copies a parent's handlers and environment, setpriv and nsenter
 * make new sets): shared and frozen (the handler sets, which cannot be, are only read or replaced).
 */
interface BootParts {
  ns: Proc['ns'];
  caps: CapSets;
  userCaps: CapSets;
  env: Proc['env'];
  program: Program;
  argv: Map<string, string[]>;
  handlers: Map<string, Set<number>>;
}
const bootParts = new WeakMap<Fixture, BootParts>();
function partsOf(fixture: Fixture): BootParts {
  let b = bootParts.get(fixture);
  if (!b) {
    const caps = Object.freeze(rootCaps());
    b = {
      ns: Object.freeze({ ...fixture.namespaces }),
      caps,
      userCaps: Object.freeze({ inh: 0n, prm: 0n, eff: 0n, bnd: caps.bnd, amb: 0n }),
      env: Object.freeze({}) as Proc['env'],
      program: Object.freeze({ kind: 'idle' }),
      argv: new Map(),
      handlers: new Map(),
    };
    bootParts.set(fixture, b);
  }
  return b;
}
/** A kernel thread's argv (`[name]`), one frozen array per name. */
function kthreadArgv(b: BootParts, name: string): string[] {
  let a = b.argv.get(name);
  if (!a) b.argv.set(name, (a = Object.freeze([`[${name}]`]) as string[]));
  return a;
}
/** A shared handler set per list of signals (read, or replaced by a new Set: never added to). */
function handlerSet(b: BootParts, signals: readonly number[]): Set<number> {
  const k = signals.join(',');
  let h = b.handlers.get(k);
  if (!h) b.handlers.set(k, (h = new Set(signals)));
  return h;
}

/** A process that runs since node1's boot, in the host's namespaces, as root unless `extra` says otherwise. */
export function bootProc(fixture: Fixture, pid: number, ppid: number, argv: string[], extra: Partial<Proc>): Proc {
  const b = partsOf(fixture);
  return {
    pid,
    ppid,
    nspid: [pid],
    argv,
    comm: (argv[0] ?? '').split('/').pop()!.slice(0, 15),
    state: 'S',
    uid: 0,
    gid: 0,
    euid: 0,
    egid: 0,
    caps: b.caps,
    noNewPrivs: false,
    seccomp: 0,
    apparmor: 'unconfined',
    ns: b.ns,
    cgroup: '/',
    env: b.env,
    handlers: handlerSet(b, []),
    reaps: false,
    startMs: Date.parse(fixture.bootTime),
    tty: '?',
    threads: 1,
    program: b.program,
    rssBytes: 0,
    vszKb: 0,
    cpuUsec: 0,
    root: 'host',
    ...extra,
  };
}

/** Everything simulated about node1 except the shell: kernel, clock, ids, users. */
export class Host {
  readonly clock: Clock;
  readonly kernel: Kernel;
  readonly rng: Rng;
  readonly netRng: Rng;
  /** The process on whose behalf the current command runs (/proc/self, capabilities). */
  current!: Proc;

  /** Runs `fn` on behalf of `p`, then gives `current` back. */
  async withCurrent<T>(p: Proc, fn: () => Promise<T>): Promise<T> {
    const prev = this.current;
    this.current = p;
    try {
      return await fn();
    } finally {
      this.current = prev;
    }
  }
  /** The learner's login shell on the host. */
  readonly loginShell: Proc;
  readonly startMs: number;
  /** Async work due after time moved (the daemon restarting containers); run between wait steps. */
  readonly onStep: (() => Promise<void>)[] = [];
  /** stderr printed before anything else of the current line (docker's pull progress). */
  early = '';
  /**
   * File capabilities (the security.capability xattr) by `ROOT:PATH` (ROOT 'host' or a container id). Ubuntu 24.04's
   * iputils-ping postinst gives /usr/bin/ping cap_net_raw=ep (getcap on a 24.04 server lists it).
   */
  readonly fileCaps = new Map<string, import('./kernel/captext.ts').CapState>([['host:/usr/bin/ping', { p: 1n << 13n, i: 0n, e: 1n << 13n }]]);
  /** dockerd's --userland-proxy (WorldOptions.userlandProxy): a docker-proxy process per published host address. */
  userlandProxy = true;
  /** WorldOptions.kubeProcesses: kube-system's processes are in the process table (runtime/kube-procs.ts). */
  kubeProcesses = false;
  /**
   * Set by a program that catches SIGINT and exits on it (procps watch and top: die → exit(0)): bash
   * then reports that status, not 130 (bash-5.2 jobs.c: a child that caught SIGINT and exited is not
   * "killed by SIGINT"). Taken by the runtime when the line was Ctrl-C'd.
   */
  caughtSigint: number | undefined;
  /** Commands interrupted so far because they never end on their own (virtual mode, VIRTUAL_BOUND_MS). */
  virtualStops = 0;
  /** Real milliseconds spent in simulated waits so far (not computing: a line's CPU budget leaves them out). */
  realWaitMs = 0;
  /** Pipes' and sockets' inode numbers, a directory being read (kernel/files.ts). */
  readonly files = new OpenFiles();
  /** The OCI runtime (runc and its shim) both engines start containers with, and the roots the shell enters. */
  readonly runc: Runc;
  /** containerd's CRI side (its k8s.io image store, sandboxes, containers), once something asked for it (runtime/containerd.ts containerdOf). */
  containerd: import('./runtime/containerd.ts').Containerd | undefined;

  constructor(
    readonly fixture: Fixture,
    seed: number,
    mode: ClockMode,
  ) {
    this.startMs = Date.parse(fixture.startTime);
    this.clock = new Clock(this.startMs, mode);
    this.rng = new Rng(seed);
    // Network ids, veth names and MACs draw from their own stream, so adding a network
    // does not change the container names and ids that follow.
    this.netRng = new Rng((seed ^ 0x6e657477) >>> 0);
    this.kernel = new Kernel(this.clock, {
      hostNs: fixture.namespaces,
      nextInode: fixture.firstNewNamespaceInode,
      hostname: fixture.hostname,
      nextPid: fixture.nextPid,

      memTotalBytes: fixture.memTotalBytes,
      bootMs: Date.parse(fixture.bootTime),
    });
    initHostNet(this.kernel.ns(fixture.namespaces.net), fixture);
    const boot = Date.parse(fixture.bootTime);
    const base = (pid: number, ppid: number, argv: string[], extra: Partial<Proc>): Proc => bootProc(fixture, pid, ppid, argv, extra);
    const parts = partsOf(fixture);
    for (const t of fixture.kernelThreads) {
      this.kernel.procs.set(t.pid, base(t.pid, t.ppid, kthreadArgv(parts, t.name), { comm: t.name.slice(0, 15), kthread: true, cgroup: '/' }));
    }
    let shell: Proc | undefined;
    for (const f of fixture.processes) {
      const uid = f.uid ?? 0;
      const p = base(f.pid, f.ppid, f.argv, {
        comm: f.comm ?? (f.argv[0] ?? '').split('/').pop()!.slice(0, 15),
        cgroup: f.cgroup,
        uid,
        gid: uid,
        euid: uid,
        egid: uid,
        caps: uid === 0 ? parts.caps : parts.userCaps,
        tty: f.tty ?? '?',
        rssBytes: f.rssKb * 1024,
        vszKb: f.vszKb,
        threads: f.threads ?? 1,
        reaps: f.reaps ?? false,
        startMs: f.shell ? this.startMs - 60_000 : boot + f.pid * 10,
        handlers: handlerSet(parts, f.shell ? [2, 15] : [1, 2, 15]),
        // systemd's exec_child calls setsid() for every service and getty (systemd@v255.4:src/core/exec-invoke.c).
        setsid: f.ppid === 1,
      });
      this.kernel.cgroup(f.cgroup);
      this.kernel.procs.set(p.pid, p);
      if (f.shell) shell = p;
    }
    if (!shell) throw new Error('fixture: no process with "shell": true');
    shell.env = {
      HOME: '/root',
      USER: 'root',
      LOGNAME: 'root',
      SHELL: '/bin/bash',
      TERM: 'xterm-256color',
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    };
    this.loginShell = shell;
    // PIDs of commands typed at the shell follow the login shell; the Docker daemon's first
    // shim jumps to the fixture's nextPid (23795), so the first container is always 23817.
    this.kernel.ns(fixture.namespaces.pid).nextPid = shell.pid + 1;
    this.current = shell;
    this.runc = new Runc(this);
  }

  /** The user name for a uid in a root filesystem's passwd text; a bare number when unknown. */
  userName(uid: number, passwd: string): string {
    // ps asks once per process row: the text's first name for each uid is read once per passwd text (the first line wins).
    if (this.passwdNames?.text !== passwd) {
      const names = new Map<number, string>();
      for (const line of passwd.split('\n')) {
        const f = line.split(':');
        if (f.length > 2 && !names.has(Number(f[2]))) names.set(Number(f[2]), f[0] as string);
      }
      this.passwdNames = { text: passwd, names };
    }
    return this.passwdNames.names.get(uid) ?? String(uid);
  }
  private passwdNames: { text: string; names: Map<number, string> } | undefined;

  /**
   * Lets time pass until `done()` holds, in 100 ms steps. Realtime mode sleeps for real and
   * can be interrupted; virtual mode stops after `maxMs` or VIRTUAL_BOUND_MS.
   */
  async waitUntil(done: () => boolean, maxMs: number | undefined, signal?: AbortSignal): Promise<WaitOutcome> {
    const start = this.clock.nowMs;
    const bound = maxMs ?? (this.clock.mode === 'virtual' ? VIRTUAL_BOUND_MS : Infinity);
    while (!done()) {
      if (this.clock.nowMs - start >= bound) {
        if (maxMs === undefined) this.virtualStops++;
        return maxMs === undefined ? 'aborted' : 'timeout';
      }
      const t0 = realNow();
      try {
        await this.clock.sleepReal(100, signal);
      } catch (e) {
        this.realWaitMs += realNow() - t0;
        if (e instanceof Interrupted) return 'aborted';
        throw e;
      }
      this.kernel.advance(100);
      for (const hook of this.onStep) await hook();
      this.realWaitMs += realNow() - t0;
    }
    return 'done';
  }

  /**
   * Lets `ms` of simulated time pass at once, without waiting for real (a long foreground
   * `sleep`): the first hour in the same 100 ms ticks as waitUntil, the rest in one-minute
   * steps. `pause` is awaited between steps (the line's budget yields to the page there),
   * so Ctrl-C still ends it.
   */
  async fastForward(ms: number, signal: AbortSignal | undefined, pause: () => Promise<void>): Promise<WaitOutcome> {
    let left = ms;
    while (left > 0) {
      if (signal?.aborted) return 'aborted';
      // Simulated time passing is waiting, not the line's computing (its CPU budget).
      const t0 = realNow();
      const exact = ms - left < EXACT_FORWARD_MS;
      const step = Math.min(left, exact ? 100 : COARSE_STEP_MS);
      if (exact) this.kernel.advance(step);
      else this.kernel.advanceCoarse(step);
      left -= step;
      for (const hook of this.onStep) await hook();
      this.realWaitMs += realNow() - t0;
      await pause();
    }
    return 'done';
  }
}

/** Simulated time a fast-forward moves in exact 100 ms ticks; beyond it, in coarse steps. */
const EXACT_FORWARD_MS = 600_000;
const COARSE_STEP_MS = 60_000;

function realNow(): number {
  return globalThis.performance?.now() ?? Date.now();
}
