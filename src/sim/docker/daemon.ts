import { execUserError } from './exec-user.ts';
import { ContainerMonitors } from './monitors.ts';
import { dotsToPath, writeSysctl } from '../kernel/sysctl.ts';
import type { ExecResult } from '../api.ts';
import { dockerCaps } from '../kernel/capabilities.ts';
import { canonicalCpuList } from '../kernel/cgroups.ts';
import { SIGKILL, SIGTERM, parseSignal } from '../kernel/signals.ts';
import type { Proc } from '../kernel/types.ts';
import type { Host, WaitOutcome } from '../host.ts';
import { LogBuffer, specRlimits, type Container, type ContainerConfig, type HostConfig, type PortBinding } from './container.ts';
import { entrypointExec, entrypointExecFailure, foreignExecPath, type ResolvedImage } from './images.ts';
import { invalidName, LEFT, RIGHT, VALID_NAME } from './names.ts';
import type { CgroupSpec } from '../runtime/spec.ts';
import { cpuWeightOf } from '../runtime/runc.ts';
import { logStream } from '../runtime/programs.ts';
import { dockerRoot } from './root.ts';
import { NetworkManager } from '../net/manager.ts';
import { containerAttributes, EventLog, cleanupEvents, startingEvents, type DockerEvent } from './events.ts';
import { reapProxies, startProxies, stopProxies } from './proxy.ts';

/** Runs a command line inside a container as process `p` (provided by the shell layer). */
export type Runner = (c: Container, p: Proc, argv: string[], tty?: boolean, workdir?: string, stdin?: string) => Promise<ExecResult>;
export class DaemonError extends Error {}
/** The Docker daemon: containers, their processes, namespaces and cgroups. */
export class Daemon {
  readonly containers = new Map<string, Container>();
  /** The content-addressed image store, registry, builder and volumes (loaded on first use: imagestore.ts). */
  lib: import('./imagestore.ts').DaemonImages | undefined;
  private libLoading: Promise<import('./imagestore.ts').DaemonImages> | undefined;
  imageLib(): Promise<import('./imagestore.ts').DaemonImages> {
    this.libLoading ??= import('./imagestore.ts').then(async (m) => {
      this.lib = await m.DaemonImages.create(this.host);
      this.lib.bindDaemon(this);
      return this.lib;
    });
    return this.libLoading;
  }
  runner: Runner = async () => ({ stdout: '', stderr: '', exitCode: 0 });
  /** Networks, endpoints and port bindings (src/sim/net). */
  readonly net: NetworkManager;
  /** What `docker events` reads. */
  readonly events = new EventLog();
  readonly monitors: ContainerMonitors; // health checks, shell loops (monitors.ts)
  private idCount = 0;
  emit(type: DockerEvent['type'], action: string, id: string, attributes: Record<string, string>): void {
    this.events.add({ type, action, id, attributes, timeMs: this.host.clock.nowMs });
  }
  emitFor(c: Container, action: string, extra: Record<string, string> = {}): void {
    this.emit('container', action, c.id, containerAttributes(c, extra));
  }

  constructor(private readonly host: Host) {
    this.net = new NetworkManager(host, host.netRng);
    this.monitors = new ContainerMonitors(this, host);
    Object.assign(this.net, { containersRef: () => this.containers.values() }); // not `x.f = () => …` (architecture-gc.test)
    host.kernel.onExit.push((p) => this.onProcExit(p));
    host.runc.onLog.push((id, line) => this.containers.get(id)?.logs.push(line));
    host.onStep.push(() => this.flushRestarts());
    reapProxies(host, () => this.containers.values());
  }

  newId(): string {
    const fixed = this.host.fixture.docker.firstContainerIds[this.idCount++];
    return fixed ?? this.host.rng.hex(64);
  }

  newName(): string {
    for (;;) {
      const name = `${this.host.rng.pick(LEFT)}_${this.host.rng.pick(RIGHT)}`;
      if (!this.find(name)) return name;
    }
  }

  /** By name, full id or unique id prefix. */
  find(ref: string): Container | undefined {
    const name = ref.replace(/^\//, '');
    for (const c of this.containers.values()) if (c.name === name || c.id === ref) return c;
    const byPrefix = [...this.containers.values()].filter((c) => ref.length >= 1 && c.id.startsWith(ref));
    return byPrefix.length === 1 ? byPrefix[0] : undefined;
  }

  create(image: ResolvedImage, imageArg: string, name: string | undefined, config: ContainerConfig, hostConfig: HostConfig, ports: PortBinding[]): Container {
    if (name !== undefined) {
      if (!VALID_NAME.test(name)) throw new DaemonError(invalidName(name));
      // moby@v27.3.1:daemon/names.go reserveName: `/ab` and `ab` are the same name.
      name = name.replace(/^\//, '');
      const other = this.find(name);
      if (other && other.name === name)
        throw new DaemonError(
          `Conflict. The container name "/${name}" is already in use by container "${other.id}". You have to remove (or rename) that container to be able to reuse that name.`,
        );
    }
    const id = this.newId();
    const c: Container = {
      id,
      name: name ?? this.newName(),
      image,
      imageArg,
      config: { ...config, Hostname: config.Hostname || this.net.defaultHostname(hostConfig.NetworkMode, (r) => this.find(r)) || id.slice(0, 12) },
      hostConfig,
      status: 'created',
      exitCode: 0,
      oomKilled: false,
      pid: 0,
      shimPid: 0,
      createdMs: this.host.clock.nowMs,
      startedMs: 0,
      finishedMs: 0,
      ip: '',
      ports,
      logs: new LogBuffer(() => this.host.clock.nowMs),
      restartCount: 0,
      stopping: false,
    };
    this.containers.set(id, c);
    this.host.runc.roots.add(dockerRoot(c));
    return c; // its `create` event is the caller's, once its volumes exist (run.ts)
  }

  private modeNs(mode: string, type: 'pid' | 'ipc' | 'uts' | 'net'): number | 'new' {
    if (mode === 'host') return this.host.fixture.namespaces[type];
    const m = /^container:(.+)$/.exec(mode);
    if (m) {
      const other = this.find(m[1] as string);
      if (other?.status !== 'running') throw new DaemonError(`cannot join ${type.toUpperCase()} of a non running container: ${m[1]}`);
      return this.host.kernel.procs.get(other.pid)!.ns[type];
    }
    return 'new';
  }

  /** Starts the container: namespaces, cgroup, shim and PID 1. Oneshot commands (and a shell fed `stdin` by `run -i`) run to completion. */
  async start(c: Container, stdin?: string): Promise<void> {
    const k = this.host.kernel;
    const fx = this.host.fixture;
    const missing = this.net.missingNetwork(c);
    if (missing) throw new DaemonError(missing);
    const plan = this.net.planPorts(c, [...this.containers.values()]);
    if (plan.error)
      throw new DaemonError(
        `driver failed programming external connectivity on endpoint ${c.name} (${this.net.rng.hex(64)}): Bind for ${plan.error.hostIp.includes(':') ? `[${plan.error.hostIp}]` : plan.error.hostIp}:${plan.error.hostPort} failed: port is already allocated`,
      );
    // moby@v27.3.1:libnetwork/ipamapi/contract.go ErrIPAlreadyAllocated, from the endpoint's address request.
    const taken = this.net.addressError(c);
    if (taken) throw new DaemonError(taken);
    const badUser = execUserError(c.image.files, c.config.User || c.image.config.User || '');
    if (badUser) throw new DaemonError(badUser);
    c.ports = plan.bindings;
    const hc = c.hostConfig;
    const nsMode = {
      net: this.modeNs(hc.NetworkMode === 'host' ? 'host' : hc.NetworkMode.startsWith('container:') ? hc.NetworkMode : '', 'net'),
      pid: this.modeNs(hc.PidMode, 'pid'),
      ipc: this.modeNs(hc.IpcMode, 'ipc'),
      uts: this.modeNs(hc.UTSMode, 'uts'),
    };
    const hostNs = fx.namespaces;
    const ns = { ...hostNs };
    if (nsMode.net === 'new') {
      const net = k.newNamespace('net', hostNs.net);
      ns.net = net.inode;
      c.netns = net.inode;
      this.net.attach(c, net, plan.bindings);
      c.proxies = startProxies(this.host, c);
    } else ns.net = nsMode.net;
    const cgPath = `/system.slice/docker-${c.id}.scope`;
    // An own network namespace: ping for all groups, no privileged ports (Docker ≥ 20.10), unless --sysctl says otherwise (moby@v27.3.1:daemon/oci_linux.go WithSysctls); a joined one keeps its own. The same start port goes to runc below.
    const own: Record<string, string> =
      nsMode.net === 'new' ? { 'net.ipv4.ping_group_range': '0\t2147483647', 'net.ipv4.ip_unprivileged_port_start': '0' } : {};
    const given = Object.fromEntries(Object.entries(hc.Sysctls ?? {}).map(([key, v]) => [key, key.startsWith('net.') ? v.trim().split(/\s+/).join('\t') : v]));
    if (ns.net !== hostNs.net) {
      const netns = k.ns(ns.net);
      netns.sysctls = {
        ...(nsMode.net === 'new' ? {} : netns.sysctls),
        ...own,
        ...Object.fromEntries(Object.entries(given).filter(([key]) => !key.startsWith('net.'))),
      };
      // runc writes each one to /proc/sys (ip_forward also sets conf/all and conf/default, as the kernel does).
      for (const [key, v] of Object.entries(given)) if (key.startsWith('net.')) writeSysctl(k, { net: ns.net, ipc: ns.ipc, uts: ns.uts }, dotsToPath(key), v);
    }
    const cgroup: CgroupSpec = { path: cgPath };
    if (hc.Memory > 0) {
      cgroup.memoryMax = hc.Memory;
      cgroup.swapMax = hc.MemorySwap === -1 ? 'max' : hc.MemorySwap - hc.Memory;
    }
    const quota = hc.NanoCpus ? (hc.NanoCpus * 100000) / 1e9 : hc.CpuQuota;
    if (quota > 0) cgroup.cpuQuota = Math.round(quota);
    if (hc.CpuPeriod) cgroup.cpuPeriod = hc.CpuPeriod;
    if (hc.CpuShares > 0) cgroup.cpuWeight = cpuWeightOf(hc.CpuShares);
    if (hc.CpusetCpus)
      cgroup.cpusetCpus = canonicalCpuList(
        hc.CpusetCpus.split(',').flatMap((p) => {
          const [a, b] = p.split('-').map(Number);
          return Array.from({ length: (b ?? a!) - a! + 1 }, (_, i) => a! + i);
        }),
      );
    if (hc.PidsLimit !== null) cgroup.pidsMax = hc.PidsLimit > 0 ? hc.PidsLimit : 'max';

    const argv = [...(c.hostConfig.Init ? ['/sbin/docker-init', '--'] : []), ...entrypointExec([...(c.config.Entrypoint ?? []), ...(c.config.Cmd ?? [])])];
    const uid = this.uidOf(c);
    const capMask = dockerCaps(hc.CapAdd ?? [], hc.CapDrop ?? [], hc.Privileged);
    // moby CreateDaemonEnvironment: PATH, HOSTNAME, TERM (with -t), then the image's and -e values replace or append; HOME last when unset.
    const env: Record<string, string> = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: c.config.Hostname };
    if (c.config.Tty) env.TERM = 'xterm';
    // docker/cli@v27.3.1:opts/env.go ValidateEnv keeps an unset `-e NAME` bare: in Config.Env, but not in the process environment.
    for (const e of c.config.Env) if (e.includes('=')) env[e.slice(0, e.indexOf('='))] = e.slice(e.indexOf('=') + 1);
    const secOpt = hc.SecurityOpt ?? [];
    const {
      init: p,
      shim,
      program: spec,
    } = this.host.runc.start({
      id: c.id,
      namespace: 'moby',
      argv,
      env,
      uid,
      gid: this.gidOf(c),
      caps: capMask,
      noNewPrivs: secOpt.some((o) => /^no-new-privileges(:true|=true)?$/.test(o)),
      seccomp: hc.Privileged || secOpt.includes('seccomp=unconfined') ? 0 : 2,
      apparmor:
        hc.Privileged || secOpt.some((o) => /^apparmor[=:]unconfined$/.test(o))
          ? 'unconfined'
          : (secOpt.find((o) => /^apparmor[=:]/.test(o))?.slice(9) ?? 'docker-default'),
      hostname: c.config.Hostname,
      namespaces: { net: ns.net, uts: nsMode.uts, ipc: nsMode.ipc, pid: nsMode.pid },
      cgroup,
      tty: c.config.Tty,
      readOnlyRoot: hc.ReadonlyRootfs,
      writable: [...Object.keys(hc.Tmpfs ?? {}), ...(this.lib?.mounts.get(c.id) ?? []).filter((m) => !m.readOnly).map((m) => m.destination)],
      unprivilegedPortStart: Number(hc.Sysctls?.['net.ipv4.ip_unprivileged_port_start'] ?? (ns.net === hostNs.net ? 1024 : 0)),
      binary: Boolean(argv[0] && c.image.executables?.includes(argv[0]) && !(argv[0] in c.image.files)),
      files: c.image.files,
      ...(hc.Init ? {} : { foreignExec: foreignExecPath(c.image, argv[0] ?? '', env.PATH ?? '') }),
      execFailure: entrypointExecFailure(c.image, [...(c.config.Entrypoint ?? []), ...(c.config.Cmd ?? [])], env.PATH ?? ''),
      ...(hc.Ulimits?.length ? { rlimits: specRlimits(hc.Ulimits) } : {}),
    });
    c.status = 'running';
    c.pid = p.pid;
    c.shimPid = shim.pid;
    c.startedMs = this.host.clock.nowMs;
    c.exitCode = 0;
    c.oomKilled = false;
    c.stopping = false;
    c.netns = ns.net;
    startingEvents(this, c);
    this.emitFor(c, 'start');
    for (const line of spec.logs) c.logs.push({ stream: logStream(line), text: `${line}\n` });
    if (spec.failWith !== undefined) {
      k.exit(p, spec.failWith);
      return;
    }
    await this.monitors.started(c, p, spec);
    const fed = stdin !== undefined && (spec.oneshot || spec.shell);
    if (spec.oneshot || (spec.shell && !c.config.OpenStdin) || fed) {
      const cmd = spec.exec ?? (spec.initWrapped ? argv.slice(argv.indexOf('--') + 1) : argv);
      // docker-init (tini 0.19.0, tini.c spawn) forks the command and waits: the command is its child, PID 7 in a new PID namespace.
      const proc = spec.initWrapped ? k.spawn({ parent: p, argv: cmd, patch: { reaps: false, handlers: new Set() } }) : p;
      const r = spec.shell && !fed ? { stdout: '', stderr: '', exitCode: 0 } : await this.runner(c, proc, cmd, undefined, undefined, stdin);
      if (proc !== p && proc.state !== 'Z' && k.procs.has(proc.pid)) k.exit(proc, r.exitCode);
      // In the order the command wrote them (ExecResult.output); without it, stdout then stderr.
      for (const l of r.output ?? [{ stream: 'stdout' as const, text: r.stdout }]) if (l.text) c.logs.push(l);
      if (!r.output && r.stderr) c.logs.push({ stream: 'stderr', text: r.stderr });
      if (p.state !== 'Z' && k.procs.has(p.pid)) k.exit(p, r.exitCode);
    }
  }

  /** The gid Docker uses: the group part of --user, the user's passwd group, or 0. */
  gidOf(c: Container, user = c.config.User || c.image.config.User || '0'): number {
    const [name, group] = user.split(':') as [string, string | undefined];
    if (group !== undefined && /^\d+$/.test(group)) return Number(group);
    return Number(passwdEntry(c, name)?.[3] ?? 0);
  }

  uidOf(c: Container): number {
    const user = (c.config.User || c.image.config.User || '0').split(':')[0] as string;
    return /^\d+$/.test(user) ? Number(user) : Number(passwdEntry(c, user)?.[2] ?? 0);
  }

  /** Exit hook: container PID 1 ended → the container exits (the runtime already forwarded tini's child status). */
  private onProcExit(p: Proc): void {
    const k = this.host.kernel;
    for (const c of this.containers.values()) {
      if (c.pid !== p.pid || c.status !== 'running') continue;
      const cg = k.cgroups.get(`/system.slice/docker-${c.id}.scope`);
      c.status = 'exited';
      c.exitCode = p.exitStatus ?? 0;
      c.oomKilled = (cg?.events.oom_kill ?? 0) > 0;
      c.finishedMs = k.now;
      c.paused = false;
      cleanupEvents(this, c); // handleContainerExit: Cleanup (networks, volumes) before `die` (events.ts)
      this.emitFor(c, 'die', { execDuration: String(Math.round((c.finishedMs - c.startedMs) / 1000)), exitCode: String(c.exitCode) });
      this.host.runc.forget(p.pid);
      const shim = k.procs.get(c.shimPid);
      if (shim) k.exit(shim, 0);
      stopProxies(this.host, c);
      this.net.detach(c);
      if (c.hostConfig.AutoRemove) this.remove(c);
      else this.maybeRestart(c);
    }
  }

  /** Restart policies: the daemon starts the container again after 100 ms, doubling each time (moby restartmanager). */
  private maybeRestart(c: Container): void {
    const { Name, MaximumRetryCount } = c.hostConfig.RestartPolicy;
    if (c.stopping || Name === 'no') return;
    if (Name === 'on-failure' && (c.exitCode === 0 || (MaximumRetryCount > 0 && c.restartCount >= MaximumRetryCount))) return;
    const k = this.host.kernel;
    const delay = Math.min(100 * 2 ** c.restartCount, 60_000);
    k.timers.push({
      at: k.now + delay,
      fn: () => {
        if (c.status === 'exited' && this.containers.has(c.id)) this.restartQueue.push(c);
      },
    });
  }

  private restartQueue: Container[] = [];

  /** Starts the containers whose restart delay has passed (outside the synchronous tick). */
  async flushRestarts(): Promise<void> {
    while (this.restartQueue.length) {
      const c = this.restartQueue.shift() as Container;
      if (c.status !== 'exited' || !this.containers.has(c.id)) continue;
      c.restartCount += 1;
      try {
        await this.start(c);
      } catch (e) {
        if (!(e instanceof DaemonError)) throw e;
      }
    }
    await this.monitors.flush();
  }

  initOf(c: Container): Proc | undefined {
    return c.status === 'running' ? this.host.kernel.procs.get(c.pid) : undefined;
  }

  /** Delivers a signal to PID 1 from outside the container (docker kill/stop). */
  signal(c: Container, sig: number): void {
    const k = this.host.kernel;
    const p = this.initOf(c);
    if (!p) return;
    this.emitFor(c, 'kill', { signal: String(sig) });
    // A paused container is thawed so that its PID 1 can take the signal.
    if (c.paused) {
      const cg = k.cgroups.get(`/system.slice/docker-${c.id}.scope`);
      if (cg) cg.frozen = 0;
      c.paused = false;
    }
    this.host.runc.signal(p, sig);
  }

  /** docker stop: the stop signal (or `signal`, stop/restart --signal), up to `timeoutS` seconds, then SIGKILL. */
  async stop(c: Container, timeoutS: number | undefined, abort?: AbortSignal, signal?: number): Promise<void> {
    if (c.status !== 'running') return;
    c.stopping = true;
    const sig = signal ?? parseSignal((c.config.StopSignal ?? c.image.config.StopSignal ?? 'SIGTERM').replace(/^SIG/, '')) ?? SIGTERM;
    this.signal(c, sig);
    const t = timeoutS ?? c.config.StopTimeout ?? 10;
    const outcome: WaitOutcome = await this.host.waitUntil(() => c.status !== 'running', t * 1000, abort);
    if (c.status === 'running') this.signal(c, SIGKILL);
    if (outcome !== 'aborted') await this.host.waitUntil(() => false, 300, abort);
    this.emitFor(c, 'stop');
  }

  /** Called with the id of every removed container (the shell drops its cached filesystem). */
  readonly onRemove: ((id: string) => void)[] = [];

  remove(c: Container): void {
    if (!this.containers.delete(c.id)) return; // once: a --rm container's exit already removed it (autoRemove)
    this.emitFor(c, 'destroy');
    for (const hook of this.onRemove) hook(c.id);
    this.host.runc.roots.remove(c.id);
    this.host.kernel.cgroups.delete(`/system.slice/docker-${c.id}.scope`);
  }

  /** A process started by `docker exec` inside the running container. */
  execProcess(c: Container, argv: string[], user: string | undefined, env: string[], workdir: string | undefined): Proc {
    const k = this.host.kernel;
    const init = this.initOf(c)!;
    const shim = k.procs.get(c.shimPid) ?? init;
    const uid =
      user !== undefined
        ? /^\d+$/.test(user.split(':')[0]!)
          ? Number(user.split(':')[0])
          : this.uidOf({ ...c, config: { ...c.config, User: user } })
        : this.uidOf(c);
    const gid = this.gidOf(c, user);
    void workdir;
    return this.host.runc.execProcess(init, shim, argv, uid, gid, Object.fromEntries(env.map((e) => [e.split('=')[0], e.slice(e.indexOf('=') + 1)])));
  }
}

/** The image's /etc/passwd line whose name (or uid) is `who`, split into its fields. */
function passwdEntry(c: Container, who: string): string[] | undefined {
  return (c.image.files['/etc/passwd'] ?? '')
    .split('\n')
    .map((l) => l.split(':'))
    .find((f) => f[0] === who || f[2] === who);
}
