import { addKubelet, addKubeProcesses } from './runtime/kube-procs.ts';
import type { ClockMode, ExecOptions, ExecResult, World, WorldOptions, WorldSnapshot } from './api.ts';
import { capHex } from './kernel/capabilities.ts';
import { Daemon } from './docker/daemon.ts';
import { cgroupFiles, cgroupValues } from './fs/cgroupfs.ts';
import { node1Fixture, type Fixture } from './fixture.ts';
import { Host } from './host.ts';
import { NS_TYPES } from './kernel/types.ts';
import type { ShellRuntime } from './shell/runtime.ts';
import type { Session } from './shell/types.ts';
import { inspectDoc } from './shell/commands/docker/inspect-doc.ts';
import { overlaySnapshot, storageSnapshot } from './docker/snapshot.ts';
import { bindingText } from './net/ports.ts';
import { clusterViews } from './k8s/registry.ts';
import { reconcile } from './shell/ordered.ts';
import { exitedMidLine, leaveShell, shellKilled } from './shell/traprun.ts';
import { bangBang } from './shell/histexpand.ts';
import { HOST_USERS } from './fs/hostusers.ts';

/** Simulated time one typed line takes. */
export const LINE_MS = 1000;

const EXIT_LINE = /^\s*(exit|logout)(?:\s+(\d+))?\s*$/;
const TIME_LINE = /^\s*time\s+(.+)$/;

/** The snapshot's `listens` field: present only for a process that listens on some port. */
function listening(ports: readonly number[] | undefined): { listens?: number[] } {
  return ports?.length ? { listens: [...ports] } : {};
}

function fmtTime(ms: number): string {
  const m = Math.floor(ms / 60000);
  return `${m}m${((ms % 60000) / 1000).toFixed(3)}s`;
}

/** The shell's modules, imported once per process (each world's first line would otherwise ask the module loader again). */
let shellLoading: Promise<[typeof import('just-bash'), typeof import('./shell/runtime.ts'), typeof import('./shell/commands/registry.ts')]> | undefined;
function shellModules() {
  shellLoading ??= Promise.all([import('just-bash'), import('./shell/runtime.ts'), import('./shell/commands/registry.ts')]).catch((e: unknown) => {
    shellLoading = undefined;
    throw e;
  });
  return shellLoading;
}

/** A completeness check's modules, imported once per process: then a check answers in its own task (an import() asked
 * again took a task of its own in the worker, which came after the host shell's build: prepare). */
let checkLoading: Promise<[typeof import('just-bash'), typeof import('./shell/continuation.ts')]> | undefined;

/** The facade: one simulated host with a stack of shells (host, then containers or namespaces entered). */
export class SimWorld implements World {
  readonly host: Host;
  readonly daemon: Daemon;
  private runtime: ShellRuntime | undefined;
  private readonly sessions: Session[] = [];
  private readonly lines: string[] = [];
  private readonly transcript: WorldSnapshot['transcript'] = [];

  constructor(fixture: Fixture = node1Fixture, options: WorldOptions = {}) {
    this.host = new Host(fixture, options.seed ?? 1, options.clock ?? 'virtual');
    this.host.userlandProxy = options.userlandProxy ?? true;
    addKubelet(this.host);
    if (options.kubeProcesses) {
      this.host.kubeProcesses = true;
      addKubeProcesses(this.host);
    }
    this.daemon = new Daemon(this.host);
    const sh = this.host.loginShell;
    this.sessions.push({
      proc: sh,
      root: 'host',
      flavor: 'coreutils',
      shell: 'bash',
      hostname: fixture.hostname,
      // bash sets SHLVL itself, one more than it inherits (bash@bash-5.2.21:variables.c adjust_shell_level): the login shell's is 1.
      env: { ...sh.env, SHLVL: '1' },
      cwd: '/root',
      status: 0,
      onExit: () => 'logout\n',
    });
  }

  /** The runtime being made: one for the world, whoever asks first (a line, a completion, prepare()). */
  private runtimeLoading: Promise<ShellRuntime> | undefined;

  private rt(): Promise<ShellRuntime> {
    this.runtimeLoading ??= (async () => {
      // The image library loads alongside the shell (its registry stays lazy: nothing is hashed yet).
      const [[jb, { ShellRuntime }, { COMMANDS }]] = await Promise.all([shellModules(), this.daemon.imageLib()]);
      this.runtime = new ShellRuntime(jb, this.host, this.daemon, COMMANDS);
      const history = () => this.lines;
      this.runtime.history = history;
      return this.runtime;
    })().catch((e: unknown) => {
      this.runtimeLoading = undefined;
      throw e;
    });
    return this.runtimeLoading;
  }

  /**
   * Readies the shell for the next line without running one (issue #14): the shell's code loaded and, at the host's
   * prompt, the host's shell with its root filesystem built, as the line would build them first. Nothing the line could
   * see changes: no history, no simulated time, no PID (the host's root takes the boot's times, rootfs.ts). A needsMore
   * that came meanwhile is answered first (one task between): the page's round trip to send its line overlaps the build.
   */
  async prepare(): Promise<void> {
    const rt = await this.rt();
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    if (this.session.root === 'host') rt.bashFor('host');
  }

  private get session(): Session {
    return this.sessions[this.sessions.length - 1] as Session;
  }

  prompt(): string {
    this.dropDeadSessions();
    const s = this.session;
    const root = s.proc.uid === 0;
    if (s.shell === 'sh') return `${s.cwd} ${root ? '#' : '$'} `;
    // dash's PS1: "$ ", "# " for root ("PS1 depends on uid": dash@v0.5.12:src/var.c INIT).
    if (s.shell === 'dash') return root ? '# ' : '$ ';
    const home = s.env.HOME ?? '/root';
    // bash only abbreviates $HOME to ~ when HOME is longer than `/`.
    const dir = home.length < 2 ? s.cwd : s.cwd === home ? '~' : s.cwd.startsWith(`${home}/`) ? `~${s.cwd.slice(home.length)}` : s.cwd;
    const user = root ? 'root' : s.root === 'host' ? (HOST_USERS.find((u) => u.uid === s.proc.uid)?.name ?? 'I have no name!') : 'I have no name!';
    // bash reads \h afresh for every prompt: the hostname of the shell's UTS namespace, up to the first dot.
    const host = (this.host.kernel.ns(s.proc.ns.uts).hostname ?? s.hostname).split('.')[0];
    return `${user}@${host}:${dir}${root ? '#' : '$'} `;
  }

  detachKeys(): string | undefined {
    this.dropDeadSessions();
    return this.sessions.length > 1 ? this.session.detach?.keys : undefined;
  }

  /** Lines run one at a time even if the caller does not wait (typed-ahead input, replay). */
  private queue: Promise<unknown> = Promise.resolve();

  exec(line: string, options: ExecOptions = {}): Promise<ExecResult> {
    const next = this.queue.then(() => this.execNow(line, options));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** A typed line: at bash's prompt `!!` first (histexpand.ts): the expanded line shown on stderr and run, or the error. */
  private async execNow(line: string, options: ExecOptions): Promise<ExecResult> {
    const previous = this.lines.findLast((l) => l.trim());
    const bang = this.session.shell === 'bash' && line.includes('!!') ? bangBang(line, previous) : undefined;
    if (!bang) return this.execTyped(line, options);
    const echo = { stream: 'stderr' as const, text: 'error' in bang ? `${this.session.proc.argv[0] ?? 'bash'}: ${bang.error}\n` : `${bang.line}\n` };
    options.onOutput?.(echo);
    const r: ExecResult = 'error' in bang ? { stdout: '', stderr: '', exitCode: this.session.status } : await this.execTyped(bang.line, options);
    const shown = { ...r, stderr: echo.text + r.stderr };
    for (const k of ['notes', 'stopped'] as const) if (r[k]) Object.defineProperty(shown, k, { value: r[k], enumerable: false });
    Object.defineProperty(shown, 'output', { value: [echo, ...(r.output ?? [])], enumerable: false });
    return shown;
  }

  private async execTyped(line: string, options: ExecOptions): Promise<ExecResult> {
    this.lines.push(line);
    // Each typed line takes a second of simulated time, so ages and hogs move the same way on replay.
    if (line.trim()) this.host.kernel.advance(LINE_MS);
    await this.daemon.flushRestarts();
    let result: ExecResult;
    this.host.early = '';
    this.runtime?.trace.reset();
    try {
      result = await this.run(line, options);
    } catch (err) {
      result = { stdout: '', stderr: `bash: internal simulator error: ${err instanceof Error ? err.message : String(err)}\n`, exitCode: 1 };
    }
    // docker's pull progress comes before the command's other output when nothing redirected it.
    await this.daemon.flushRestarts();
    const early = this.host.early;
    this.host.early = '';
    const first = early && result.stderr.startsWith(early) ? early : '';
    // Text a blocking command already streamed to the terminal is part of the result, not sent twice.
    const streamed = this.runtime?.streamed ?? { stdout: '', stderr: '' };
    const log = this.runtime?.log ?? [];
    if (this.runtime) {
      this.runtime.streamed = { stdout: '', stderr: '' };
      this.runtime.log = [];
    }
    const notes = this.runtime?.notes.length ? [...this.runtime.notes] : undefined;
    const stopped = this.runtime?.stopped;
    if (this.runtime) this.runtime.notes = [];
    const shown = { ...result };
    const rest: { stream: 'stdout' | 'stderr'; text: string }[] = [];
    if (first && !streamed.stdout && !streamed.stderr) rest.push({ stream: 'stderr', text: first });
    // The rest in the order the line's commands wrote it (ordered.ts).
    rest.push(...reconcile(this.runtime?.trace.line(), shown.stdout, shown.stderr.slice(first.length)), ...(this.runtime?.trace.lost() ?? []));
    result = {
      stdout: streamed.stdout + result.stdout,
      stderr: result.stderr.slice(0, first.length) + streamed.stderr + result.stderr.slice(first.length),
      exitCode: result.exitCode,
    };
    // Extras, not enumerable: a result still compares equal to { stdout, stderr, exitCode }.
    Object.defineProperty(result, 'output', { value: [...log, ...rest], enumerable: false });
    if (notes) Object.defineProperty(result, 'notes', { value: notes, enumerable: false });
    if (stopped) Object.defineProperty(result, 'stopped', { value: stopped, enumerable: false });
    this.transcript.push({ line, stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode });
    if (options.onOutput) for (const c of rest) options.onOutput(c);
    return result;
  }

  private async run(line: string, options: ExecOptions): Promise<ExecResult> {
    this.dropDeadSessions();
    // An interactive dash counts the lines it reads, empty ones too; its errors name the line (Session.lines).
    const dash = this.session.shell === 'dash' ? this.session : undefined;
    if (dash) dash.lines = (dash.lines ?? 0) + line.split('\n').length;
    // An empty line still shows the jobs that ended (bash-5.2:jobs.c notify_of_job_status, before the prompt).
    if (!line.trim()) return { stdout: '', stderr: this.session.jobs?.endOfLine(this.session.cwd, this.session.env.HOME) ?? '', exitCode: this.session.status };
    const exit = EXIT_LINE.exec(line);
    if (exit) return leaveShell(this.sessions, exit[2] !== undefined ? Number(exit[2]) & 255 : this.session.status, options.onOutput, () => this.rt());
    // The detach keys (Ctrl-P Ctrl-Q, --detach-keys), a line of their own, leave a container shell running: back below it.
    const d = this.session.detach;
    if (d && line === d.keys && this.sessions.length > 1) {
      this.sessions.pop();
      d.onDetach?.();
      this.session.status = d.exitCode;
      return { stdout: '', stderr: d.stderr, exitCode: d.exitCode };
    }
    const rt = await this.rt();
    rt.columns = options.columns ?? 80;
    rt.rows = options.rows ?? 24;
    rt.locale = options.locale ?? 'en';
    rt.onOutput = options.onOutput;
    rt.keyboard = options.keyboard;
    rt.streamed = { stdout: '', stderr: '' };
    rt.log = [];
    const timed = TIME_LINE.exec(line);
    const start = this.host.clock.nowMs;
    const prior = this.session.status;
    const r = await rt.run(this.session, timed ? (timed[1] as string) : line, options.signal, undefined, options.cpuBudgetMs);
    if (this.session.exiting !== undefined) return exitedMidLine(this.sessions, prior, r, options.onOutput, () => this.rt());
    const entered = rt.takePending();
    if (entered) this.sessions.push(entered);
    const died = this.dropDeadSessions();
    if (died) return { ...r, stderr: r.stderr + died, exitCode: this.session.status };
    if (timed) {
      const took = this.host.clock.nowMs - start;
      return { ...r, stderr: `${r.stderr}\nreal\t${fmtTime(took)}\nuser\t0m0.021s\nsys\t0m0.013s\n` };
    }
    return r;
  }

  /**
   * A shell killed from elsewhere (its container stopped, `kill -9` from the host) ends its
   * session; the learner's login shell is logged in again instead, as a terminal reconnects.
   */
  private dropDeadSessions(): string {
    const dead = (s: Session) => s.proc.state === 'Z' || !this.host.kernel.procs.has(s.proc.pid);
    let words = '';
    while (this.sessions.length > 1 && dead(this.session)) words += shellKilled((this.sessions.pop() as Session).proc, this.session);
    const login = this.sessions[0] as Session;
    if (dead(login)) {
      Object.assign(login.proc, { state: 'S', exitStatus: undefined, killedBy: undefined });
      this.host.kernel.procs.set(login.proc.pid, login.proc);
    }
    return words;
  }

  async needsMore(text: string): Promise<boolean> {
    checkLoading ??= Promise.all([import('just-bash'), import('./shell/continuation.ts')]).catch((e: unknown) => {
      checkLoading = undefined;
      throw e;
    });
    const [jb, { lineNeedsMore }] = await checkLoading;
    return lineNeedsMore(jb, text);
  }

  async complete(line: string, cursor: number): Promise<string[]> {
    const before = line.slice(0, cursor);
    const words = before.split(/\s+/);
    const word = words[words.length - 1] ?? '';
    const rt = await this.rt();
    const { COMMANDS } = await import('./shell/commands/registry.ts');
    const { completeDocker } = await import('./shell/commands/docker/complete.ts');
    let pool: string[] | undefined;
    if (words.length <= 1)
      pool = [
        ...new Set([
          ...COMMANDS.map((c) => c.name).filter((n) => !n.startsWith('__cc_')),
          'cat',
          'cd',
          'echo',
          'exit',
          'export',
          'grep',
          'head',
          'readlink',
          'tail',
        ]),
      ];
    else if (words[0] === 'docker' && !word.startsWith('/')) pool = await completeDocker(words, this.daemon);
    if (!pool) pool = await rt.completePath(this.session, word);
    return pool.filter((p) => p.startsWith(word)).sort();
  }

  interrupt(): void {
    this.runtime?.fg?.interrupt();
  }

  setClockMode(mode: ClockMode): void {
    this.host.clock.mode = mode;
  }

  advance(ms: number): void {
    this.host.kernel.advance(Math.max(0, Math.floor(ms)));
  }

  lastPid(): number {
    const k = this.host.kernel;
    return (k.ns(k.hostNs.pid).nextPid ?? 1) - 1;
  }

  resumePids(lastPid: number): void {
    const k = this.host.kernel;
    const ns = k.ns(k.hostNs.pid);
    if (Number.isInteger(lastPid) && lastPid >= this.lastPid() && lastPid < k.pidMax()) ns.nextPid = lastPid + 1;
  }

  history(): readonly string[] {
    return [...this.lines];
  }

  snapshot(): WorldSnapshot {
    return this.host.kernel.withProcIndex(() => this.snapshotNow());
  }

  private snapshotNow(): WorldSnapshot {
    const k = this.host.kernel;
    return {
      hostname: k.ns(this.host.fixture.namespaces.uts).hostname ?? '',
      nowMs: this.host.clock.nowMs,
      processes: [...k.procs.values()].map((p) => ({
        pid: p.pid,
        ppid: p.ppid,
        nspid: [...p.nspid],
        argv: [...p.argv],
        state: p.state,
        uid: p.uid,
        ns: Object.fromEntries(NS_TYPES.map((t) => [t, p.ns[t]])) as Record<(typeof NS_TYPES)[number], number>,
        cgroup: p.cgroup,
        capEff: capHex(p.caps.eff),
        caps: { inh: capHex(p.caps.inh), prm: capHex(p.caps.prm), eff: capHex(p.caps.eff), bnd: capHex(p.caps.bnd), amb: capHex(p.caps.amb) },
        ...(p.containerId ? { containerId: p.containerId } : {}),
        ...listening(this.host.runc.programOf(p.pid)?.listens),
      })),
      namespaces: [...k.namespaces.values()].map((n) => ({
        inode: n.inode,
        type: n.type,
        ...(n.hostname !== undefined ? { hostname: n.hostname } : {}),
        ...(n.interfaces ? { interfaces: n.interfaces.map((i) => i.name) } : {}),
        ...(n.interfaces
          ? {
              links: n.interfaces.map((i) => ({
                index: i.index,
                name: i.name,
                kind: i.kind,
                up: i.up,
                addrs: [...i.addrs],
                ...(i.peer !== undefined ? { peer: i.peer } : {}),
                ...(i.master ? { master: i.master } : {}),
              })),
            }
          : {}),
      })),
      // The cgroups a picture draws (the root, the slices, container scopes), not every systemd service.
      cgroups: [...k.cgroups.values()]
        .filter((cg) => !cg.path.endsWith('.service') && !cg.path.includes('/system-getty.slice'))
        .map((cg) => ({ path: cg.path, files: cgroupValues(this.host, cg) })),
      containers: [...this.daemon.containers.values()].map((c) => {
        const cg = k.cgroups.get(`/system.slice/docker-${c.id}.scope`);
        return {
          id: c.id,
          name: c.name,
          image: c.imageArg,
          state: c.status,
          exitCode: c.exitCode,
          oomKilled: c.oomKilled,
          pid: c.status === 'running' ? c.pid : 0,
          ports: c.ports.map(bindingText),
          networkMode: c.hostConfig.NetworkMode,
          init: Boolean(c.hostConfig.Init),
          inspect: inspectDoc(this.host, c, this.daemon),
          cgroupFiles: cg ? cgroupFiles(this.host, cg) : {},
          ...overlaySnapshot(this.daemon.lib, c.id),
        };
      }),
      ...storageSnapshot(this.daemon.lib),
      ...(clusterViews.has(this.host) ? { pods: clusterViews.get(this.host)!.pods() } : {}),
      transcript: this.transcript.map((t) => ({ ...t })),
    };
  }
}
