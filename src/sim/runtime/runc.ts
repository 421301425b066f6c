/**
 * runc and containerd-shim-runc-v2: a ContainerSpec becomes namespaces, a cgroup with its
 * limits, credentials and confinement, and PID 1 (with the children its program starts)
 * under a shim. Both engines call it: the Docker daemon (docker/daemon.ts) and the
 * kubelet through containerd (k8s/kubelet/). It knows no Docker or Kubernetes policy.
 *
 * Shim argv: containerd@v1.7.22:runtime/v2/shim/util.go Command (`-namespace NS -id ID
 * -address ADDR`). runc's cgroup writes: opencontainers/cgroups fs2 (FACTS §2).
 */
import type { ExecResult } from '../api.ts';
import type { Host } from '../host.ts';
import { SIGKILL } from '../kernel/signals.ts';
import type { Proc } from '../kernel/types.ts';
import { nginxMasterSignal } from './nginx-signals.ts';
import { programFor, type ProgramSpec } from './programs.ts';
import { NodeFs } from './nodefs.ts';
import { ContainerRoots } from './roots.ts';
import { dispositions } from './script-plan.ts';
import type { ContainerSpec } from './spec.ts';

/**
 * The limits containerd.service gives containerd, its shims and so every container process that the spec does not
 * limit (moby@v27.3.1:daemon/oci_linux.go withRlimits sets only --ulimit and default-ulimits): LimitNPROC, LimitCORE
 * and LimitNOFILE=infinity (containerd@v1.7.22:containerd.service); systemd's setrlimit_closest caps nofile at
 * PID 1's own hard limit, fs.nr_open (1048576: Ubuntu's systemd does not raise nr_open). The rest are systemd's defaults.
 */
const CONTAINERD_RLIMITS = { nofile: [1048576, 1048576], nproc: [Infinity, Infinity], core: [Infinity, Infinity] } as const;

/** Runs a command line inside a container root as process `p` (provided by the shell layer). */
export type RootRunner = (
  root: string,
  p: Proc,
  argv: string[],
  opts: { tty: boolean; workdir: string; env: Record<string, string>; signal?: AbortSignal },
) => Promise<ExecResult>;

export interface Started {
  init: Proc;
  shim: Proc;
  /** How PID 1 behaves (logs at start, a start-up failure, one-shot or shell). */
  program: ProgramSpec;
}

export class Runc {
  /** Program of each container init by host PID (signal behaviour, tini forwarding). */
  private readonly specs = new Map<number, ProgramSpec>();
  /** The rlimits of a running init's spec (by PID), which its execs get too. */
  private readonly rlimits = new Map<number, Readonly<Record<string, readonly [number, number]>>>();
  readonly roots = new ContainerRoots();
  /** node1's own filesystem, as the kubelet and containerd touch it (nodefs.ts; the shell lends it). */
  readonly nodeFs = new NodeFs();
  /** Set by the shell: runs a container's one-shot command or an exec'd command. */
  runner: RootRunner = async () => ({ stdout: '', stderr: '', exitCode: 0 });
  /** Set by the shell: a file's text as a container sees it now (its writes included); undefined when there is none. */
  readFile: (root: string, path: string) => Promise<string | undefined> = async (root, path) => this.roots.get(root)?.files[path];
  /** Lines a container's PID 1 writes as it dies (stress reporting a killed worker), by container id. */
  readonly onLog: ((containerId: string, line: { stream: 'stdout' | 'stderr'; text: string }) => void)[] = [];

  constructor(private readonly host: Host) {
    host.kernel.onExit.push((p) => this.onProcExit(p));
  }

  /**
   * node1 ran for a while before its first container: the first process an engine starts for a container
   * (a shim, or dockerd's docker-proxy for a published port, which comes before the shim) takes the
   * fixture's nextPid (23795), and the host's PID counter goes on from there.
   */
  reachFixturePids(): void {
    const rootPidNs = this.host.kernel.ns(this.host.fixture.namespaces.pid);
    rootPidNs.nextPid = Math.max(rootPidNs.nextPid ?? 0, this.host.fixture.nextPid);
  }

  /** A new containerd-shim-runc-v2 under PID 1. The first one jumps to the fixture's PIDs (23795 → container 23817). */
  spawnShim(id: string, namespace: string): Proc {
    const k = this.host.kernel;
    const fx = this.host.fixture;
    const hostNs = fx.namespaces;
    const rootPidNs = k.ns(hostNs.pid);
    this.reachFixturePids();
    const shim = k.spawn({
      parent: k.procs.get(1)!,
      argv: ['/usr/bin/containerd-shim-runc-v2', '-namespace', namespace, '-id', id, '-address', '/run/containerd/containerd.sock'],
      ns: hostNs,
      patch: {
        cgroup: '/system.slice/containerd.service',
        reaps: true,
        rssBytes: 8_700_000,
        vszKb: 1238384,
        threads: 10,
        handlers: new Set([2, 15]),
        rlimits: CONTAINERD_RLIMITS,
      },
    });
    rootPidNs.nextPid = shim.pid + fx.docker.shimPidOffset;
    return shim;
  }

  /** Creates the namespaces and the cgroup, then starts PID 1 and its children. */
  start(spec: ContainerSpec): Started {
    const k = this.host.kernel;
    const fx = this.host.fixture;
    const hostNs = fx.namespaces;
    const ns = { ...hostNs, net: spec.namespaces.net };
    ns.mnt = k.newNamespace('mnt', hostNs.mnt).inode;
    ns.uts = spec.namespaces.uts === 'new' ? k.newNamespace('uts', hostNs.uts, { hostname: spec.hostname }).inode : spec.namespaces.uts;
    ns.ipc = spec.namespaces.ipc === 'new' ? k.newNamespace('ipc', hostNs.ipc).inode : spec.namespaces.ipc;
    ns.pid = spec.namespaces.pid === 'new' ? k.newNamespace('pid', hostNs.pid).inode : spec.namespaces.pid;
    ns.cgroup = k.newNamespace('cgroup', hostNs.cgroup, { cgroupRoot: spec.cgroup.path }).inode;
    const cgs = spec.cgroup;
    const cg = k.cgroup(cgs.path);
    Object.assign(cg, { memoryMax: 'max', swapMax: 'max', cpuQuota: 'max', cpuPeriod: 100000, cpusetCpus: '', pidsMax: 'max' });
    if (cgs.memoryMax !== undefined) cg.memoryMax = cgs.memoryMax;
    if (cgs.swapMax !== undefined) cg.swapMax = cgs.swapMax;
    if (cgs.cpuQuota !== undefined) cg.cpuQuota = cgs.cpuQuota;
    if (cgs.cpuPeriod !== undefined) cg.cpuPeriod = cgs.cpuPeriod;
    if (cgs.cpuWeight !== undefined) cg.cpuWeight = cgs.cpuWeight;
    if (cgs.cpusetCpus !== undefined) cg.cpusetCpus = cgs.cpusetCpus;
    if (cgs.pidsMax !== undefined) cg.pidsMax = cgs.pidsMax;
    if (cgs.oomGroup !== undefined) cg.oomGroup = cgs.oomGroup;

    const rootPidNs = k.ns(hostNs.pid);
    const shim = spec.shim ?? this.spawnShim(spec.id, spec.namespace);
    const stamp = new Date(this.host.clock.nowMs).toISOString().replace(/-/g, '/').replace('T', ' ').slice(0, 19);
    const uid = spec.uid;
    const mask = spec.caps;
    // Without ambient capabilities only root keeps CAP_NET_BIND_SERVICE effective across execve.
    const netBindService = uid === 0 && (mask & (1n << 10n)) !== 0n;
    // runc@v1.1.14:libcontainer/factory_linux.go StartInitialization: the exec fails after `runc start` has let init go,
    // so the error cannot go back on the sync pipe: init prints it to its stderr (the container's) and exits 1 (init.go).
    const enoexec = spec.foreignExec
      ? { logs: [`exec ${spec.foreignExec}: exec format error`], failWith: 1, oneshot: false }
      : spec.execFailure
        ? { logs: [spec.execFailure.log], failWith: spec.execFailure.status, oneshot: false }
        : {};
    const program = programFor(spec.argv, this.host.clock.nowMs, fx.cpus, stamp, {
      readOnly: spec.readOnlyRoot,
      tmpfs: spec.writable,
      uid,
      unprivilegedPortStart: spec.unprivilegedPortStart,
      netBindService,
      release: fx.kernel.release,
      binary: spec.binary,
      ...(spec.files ? { files: spec.files } : {}),
    });
    Object.assign(program, enoexec);
    const caps = uid === 0 ? { inh: 0n, prm: mask, eff: mask, bnd: mask, amb: 0n } : { inh: 0n, prm: 0n, eff: 0n, bnd: mask, amb: 0n };
    const p = k.spawn({
      parent: shim,
      argv: program.title,
      comm: program.comm,
      ns,
      patch: {
        uid,
        gid: spec.gid,
        euid: uid,
        egid: spec.gid,
        ...(spec.groups ? { groups: spec.groups } : {}),
        caps,
        noNewPrivs: spec.noNewPrivs,
        seccomp: spec.seccomp,
        apparmor: spec.apparmor,
        cgroup: cgs.path,
        env: { ...spec.env, HOME: spec.env.HOME ?? (uid === 0 ? '/root' : '/') },
        handlers: new Set(program.handlers),
        ...dispositions(program.script?.traps),
        reaps: program.reaps,
        threads: program.threads,
        program: program.program,
        rssBytes: program.rssKb * 1024,
        vszKb: program.vszKb,
        containerId: spec.id,
        root: spec.id,
        ...(spec.rlimits ? { rlimits: { ...shim.rlimits, ...spec.rlimits } } : {}),
        tty: spec.tty ? 'pts/0' : '?',
        state: program.program.kind === 'cpuhog' ? 'R' : 'S',
      },
    });
    this.specs.set(p.pid, program);
    if (spec.rlimits) this.rlimits.set(p.pid, p.rlimits ?? {});
    const pidNs = k.ns(ns.pid);
    const newPid = spec.namespaces.pid === 'new';
    if (newPid) pidNs.nextPid = 7;
    if (program.threads > 1) {
      pidNs.nextPid! += program.threads - 2;
      rootPidNs.nextPid! += program.threads - 2;
    }
    if (program.childPidStart && newPid) {
      rootPidNs.nextPid! += program.childPidStart - pidNs.nextPid!;
      pidNs.nextPid = program.childPidStart;
    }
    for (const ch of program.children) {
      k.spawn({
        parent: p,
        argv: ch.argv,
        comm: ch.comm,
        patch: {
          program: ch.program,
          uid: ch.uid ?? uid,
          euid: ch.uid ?? uid,
          ...(ch.gid !== undefined ? { gid: ch.gid, egid: ch.gid } : {}),
          reaps: false,
          handlers: new Set(),
          rssBytes: ch.rssKb * 1024,
          vszKb: ch.vszKb,
          state: ch.program.kind === 'cpuhog' ? 'R' : 'S',
        },
      });
    }
    return { init: p, shim, program };
  }

  /** The program a container init runs (undefined once it exited). */
  programOf(pid: number): ProgramSpec | undefined {
    return this.specs.get(pid);
  }

  /** Forgets an init that exited (its engine has recorded the exit). */
  forget(pid: number): void {
    this.specs.delete(pid);
    this.rlimits.delete(pid);
  }

  /** Delivers a signal to a container's PID 1 from outside (docker kill/stop, the kubelet's StopContainer). */
  signal(p: Proc, sig: number): void {
    const k = this.host.kernel;
    k.signal(p, sig, true, (proc, s) => {
      const spec = this.specs.get(proc.pid);
      if (spec?.onSignal === 'exit0') k.timers.push({ at: k.now + 100, fn: () => k.exit(proc, 0) });
      // From outside the container's PID namespace: nginx sees si_pid 0 (nginx-signals.ts).
      if (spec?.onSignal === 'nginx')
        nginxMasterSignal(k, proc, s, 0, (text) => {
          for (const hook of this.onLog) if (proc.containerId) hook(proc.containerId, { stream: 'stderr', text });
        });
      if (spec?.onSignal === 'forward') {
        k.timers.push({
          at: k.now + 100,
          fn: () => {
            for (const child of k.children(proc)) k.signal(child, s, true);
          },
        });
      }
    });
  }

  /** Exit hook: tini exits with its child's status; stress reports a worker killed by the OOM killer. */
  private onProcExit(p: Proc): void {
    const k = this.host.kernel;
    const parent = k.procs.get(p.ppid);
    const parentSpec = parent ? this.specs.get(parent.pid) : undefined;
    if (parent && parentSpec?.onSignal === 'forward' && parent.state !== 'Z') {
      const mainChild = k.children(parent).filter((c) => c.comm !== 'worker')[0];
      // tini exits with its child's status as soon as it reaps it.
      if (!mainChild || mainChild === p) k.exit(parent, p.exitStatus ?? 0);
    }
    if (parent && parent.comm === 'stress' && p.killedBy === SIGKILL && parent.containerId) {
      const id = parent.containerId;
      const lines = [
        `stress: FAIL: [1] (415) <-- worker ${k.pidIn(p, parent.ns.pid)} got signal 9\n`,
        'stress: WARN: [1] (417) now reaping child worker processes\n',
        `stress: FAIL: [1] (451) failed run completed in ${Math.max(1, Math.round((k.now - parent.startMs) / 1000))}s\n`,
      ];
      for (const text of lines) for (const hook of this.onLog) hook(id, { stream: 'stderr', text });
      k.timers.push({ at: k.now, fn: () => k.exit(parent, 1) });
    }
  }

  /**
   * Runs a command to completion inside a running container, as its PID 1's user (kubectl exec
   * without -it; CRI ExecSync). undefined when the init is gone.
   */
  async exec(initPid: number, argv: string[], opts: { tty?: boolean; workdir?: string; signal?: AbortSignal } = {}): Promise<ExecResult | undefined> {
    const k = this.host.kernel;
    const init = k.procs.get(initPid);
    if (!init || init.state === 'Z') return undefined;
    const p = this.execProcess(init, k.procs.get(init.ppid), argv, init.uid, init.gid, {});
    const r = await this.runner(init.root, p, argv, {
      tty: Boolean(opts.tty),
      workdir: opts.workdir ?? '/',
      env: {},
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    if (k.procs.has(p.pid)) k.exit(p, r.exitCode);
    return r;
  }

  /** A process started by `exec` inside a running container: its namespaces, cgroup and confinement, the caps its uid gets. */
  execProcess(init: Proc, shim: Proc | undefined, argv: string[], uid: number, gid: number, env: Record<string, string>): Proc {
    const mask = init.caps.bnd;
    const caps = uid === 0 ? { inh: 0n, prm: mask, eff: mask, bnd: mask, amb: 0n } : { inh: 0n, prm: 0n, eff: 0n, bnd: mask, amb: 0n };
    return this.host.kernel.spawn({
      parent: shim ?? init,
      argv,
      ns: init.ns,
      patch: {
        uid,
        euid: uid,
        gid,
        egid: gid,
        groups: init.groups,
        caps,
        // moby@v27.3.1:daemon/exec.go ContainerExecStart: the exec's process is the container spec's (its rlimits).
        ...(this.rlimits.has(init.pid) ? { rlimits: this.rlimits.get(init.pid) } : {}),
        env: { ...init.env, ...env },
        handlers: new Set(),
        reaps: false,
        threads: 1,
        program: { kind: 'idle' },
        rssBytes: 3_000_000,
        vszKb: 4200,
        tty: '?',
        state: 'S',
        noNewPrivs: init.noNewPrivs,
        seccomp: init.seccomp,
        apparmor: init.apparmor,
        cgroup: init.cgroup,
        root: init.root,
        containerId: init.containerId,
      },
    });
  }
}

/**
 * cpu.weight from --cpu-shares as the fixture's runc (1.1/1.2, shipped with Docker 27)
 * converts it: linear, 1 + (shares - 2) * 9999 / 262142 (FACTS §2.1). runc ≥ 1.3.2 uses a
 * quadratic curve instead (1024 → 100 rather than 39), which is why the lessons do not
 * teach the number. moby (and the kubelet, MilliCPUToShares) clamp shares to [2, 262144] first.
 */
export function cpuWeightOf(shares: number): number {
  const s = Math.min(262144, Math.max(2, Math.trunc(shares)));
  return 1 + Math.floor(((s - 2) * 9999) / 262142);
}
