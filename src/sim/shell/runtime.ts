import type * as JB from 'just-bash';
import type { ExecResult } from '../api.ts';
import type { Container } from '../docker/container.ts';
import type { Daemon } from '../docker/daemon.ts';
import type { Flavor } from '../docker/images.ts';
import { CgroupFs } from '../fs/cgroupfs.ts';
import { ProcFs } from '../fs/procfs.ts';
import { SysNetFs } from '../fs/sysnet.ts';
import { hostFiles } from '../fs/hostfiles.ts';
import { hostsFile, resolvConf } from '../net/files.ts';
import { BindFs, fsForVolume, mirror, syncHostVolumes } from './storagefs.ts';
import { mountTable, procMounts } from './mounttable.ts';
import type { Host } from '../host.ts';
import type { Proc } from '../kernel/types.ts';
import { BUSY_LOOP } from './commands/hogs.ts';
import { usageOf } from './commands/usage.ts';
import { JB_LIMITS, LIMITS, LineBudget, limitNote, limitOf, type LimitKind, type Locale } from './limits.ts';
import { notFoundNote } from './hints.ts';
import { echo } from './commands/echo.ts';
import type { CmdEnv, Session, SimCommand } from './types.ts';

/** Shell words as a line: quote what needs quoting. */
export function quoteArgv(argv: string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** just-bash commands whose output matches the real tools closely enough; wrapped so they run as their own process. */
const WRAPPED = ['cat', 'grep', 'head', 'readlink', 'wc', 'sort', 'cut', 'tr', 'awk', 'sed', 'rm', 'find', 'uniq', 'xargs', 'tee', 'chmod', 'seq', 'basename', 'dirname', 'which', 'clear', 'expr'];

/**
 * just-bash commands taken over only so that a running line checks its budget and yields to
 * the page between them (Ctrl-C within 100 ms) and, on the terminal, writes in the order run.
 */
const TICKED = ['echo', 'printf', 'true', 'false', 'test', '[', 'pwd'];

/** Shell built-ins never execve, so the argument-size limit does not apply to them. */
const SHELL_BUILTINS = new Set(['kill', 'echo', 'printf', 'pwd', 'test', 'true', 'false', 'cd', 'export']);

const SHELL_VARS = new Set(['?', 'IFS', 'OPTIND', 'SHELLOPTS', 'BASHOPTS', 'OSTYPE', 'MACHTYPE', 'HOSTTYPE', 'PWD', 'OLDPWD', '_', 'BASH_VERSION', 'PPID', 'UID', 'EUID', 'BASHPID', 'RANDOM', 'LINENO', 'SECONDS']);

/** ctx.stdin is a latin1-shaped byte string; decode it as UTF-8 (just-bash's helper is not in its browser build). */
function decodeLatin1Utf8(byteString: JB.ByteString): string {
  return new TextDecoder().decode(latin1Bytes(byteString));
}

/** ctx.stdin's bytes (each char of the latin1-shaped string is one byte). */
function latin1Bytes(byteString: JB.ByteString): Uint8Array {
  const bytes = byteString as unknown as string;
  const arr = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) arr[i] = bytes.charCodeAt(i) & 255;
  return arr;
}

type WordLike = { parts: { type: string; value?: string; parts?: WordLike['parts'] }[] };

function wordText(w: WordLike): string {
  return w.parts.map((p) => (p.value !== undefined ? p.value : p.parts ? wordText({ parts: p.parts }) : '')).join('');
}

/**
 * The simple commands of each multi-stage pipeline on a line, as argv (for `ps | grep` showing
 * grep). Parsed by just-bash itself through `Bash.transform`, which its browser build also has.
 */
export function pipelinesOf(bash: JB.Bash, line: string): string[][][] {
  try {
    const ast = bash.transform(line).ast;
    const out: string[][][] = [];
    for (const st of ast.statements)
      for (const pl of st.pipelines) {
        if (pl.commands.length < 2) continue;
        out.push(
          pl.commands.map((c) => (c.type === 'SimpleCommand' && c.name ? [wordText(c.name as WordLike), ...c.args.map((a) => wordText(a as WordLike))] : [])),
        );
      }
    return out;
  } catch {
    return [];
  }
}

/** execve's limits: one string at most 128 KiB (MAX_ARG_STRLEN), argv plus environment about 2 MiB. */
export function tooBig(argv: string[], env: Iterable<[string, string]>): boolean {
  const strings = [...argv, ...[...env].map(([k, v]) => `${k}=${v}`)];
  let total = 0;
  for (const s of strings) {
    const n = new TextEncoder().encode(s).length + 1;
    if (n > 131072) return true;
    total += n;
  }
  return total > 2 * 1024 * 1024;
}

/** One signal that aborts when any of `signals` does (AbortSignal.any where the platform has it). */
function anySignal(signals: (AbortSignal | undefined)[]): AbortSignal {
  const list = signals.filter((x): x is AbortSignal => Boolean(x));
  if (list.length === 1) return list[0] as AbortSignal;
  const any = (AbortSignal as { any?: (s: AbortSignal[]) => AbortSignal }).any;
  if (any) return any(list);
  const c = new AbortController();
  for (const s of list) {
    if (s.aborted) c.abort();
    else s.addEventListener('abort', () => c.abort(), { once: true });
  }
  return c.signal;
}

/** Plugs the simulated host into just-bash: filesystems per root, our commands, env/cwd/$? carried across lines. */
export class ShellRuntime {
  private readonly bashes = new Map<string, JB.Bash>();
  private pending: Session | undefined;
  /** The container's PID 1 runs its own command (no extra process). */
  private reuseSelf: Proc | undefined;
  signal: AbortSignal | undefined;
  /** The terminal's output callback for the current line, and what was streamed through it. */
  onOutput: ((chunk: { stream: 'stdout' | 'stderr'; text: string }) => void) | undefined;
  streamed = { stdout: '', stderr: '' };
  /** What was streamed, in order (ExecResult.output). */
  log: { stream: 'stdout' | 'stderr'; text: string }[] = [];
  columns = 80;
  /** False when the current line pipes or redirects (commands then print as for a pipe). */
  private lineIsTty = true;
  private pipelines: string[][][] = [];
  private writeErrors: { path: string; reason: string }[] = [];
  /** Volumes mounted on the host at their Mountpoint, by path. */
  private readonly hostVolumes = new Map<string, import('../image/volumes.ts').Volume>();
  /** Per root: whether a path is on a read-only root filesystem. */
  readonly readOnlyCheck = new Map<string, (path: string) => boolean>();
  /** The budget of the line being run (shared by the lines it starts in containers). */
  budget: LineBudget | undefined;
  /** Nesting of `run` (1: the learner's line; deeper: a container's command started by it). */
  private depth = 0;
  /** The shell state a command last saw: kept when a limit or Ctrl-C stops the line. */
  private lastSeen: { cwd: string; env: Map<string, string> } | undefined;
  /** Course lines for the learner (limits, hints), in `locale`. */
  notes: string[] = [];
  locale: Locale = 'en';
  /** The lines typed so far (set by the world). */
  history: () => readonly string[] = () => [];
  /** Bytes written to the terminal by the current line. */
  private outBytes = 0;

  constructor(
    private readonly jb: typeof JB,
    private readonly host: Host,
    private readonly daemon: Daemon,
    private readonly commands: SimCommand[],
  ) {
    daemon.runner = (c, p, argv, tty, workdir) => this.runInContainer(c, p, argv, tty, workdir);
    daemon.onRemove.push((id) => this.forget(id));
    host.runc.runner = (root, p, argv, opts) => this.runInRoot(root, p, argv, opts);
    host.runc.roots.onRemove.push((id) => this.forget(id));
  }

  takePending(): Session | undefined {
    const s = this.pending;
    this.pending = undefined;
    return s;
  }

  private flavorOf(root: string): Flavor {
    return root === 'host' ? 'coreutils' : (this.daemon.containers.get(root)?.image.flavor ?? this.host.runc.roots.get(root)?.flavor ?? 'coreutils');
  }

  private available(root: string): Set<string> | undefined {
    if (root === 'host') return undefined;
    const c = this.daemon.containers.get(root);
    return new Set(c?.image.commands ?? this.host.runc.roots.get(root)?.commands ?? []);
  }

  private bashFor(root: string): JB.Bash {
    let bash = this.bashes.get(root);
    if (bash) return bash;
    const c = root === 'host' ? undefined : this.daemon.containers.get(root);
    // A container another engine (the kubelet, through containerd) created: its ContainerRoot.
    const other = root === 'host' || c ? undefined : this.host.runc.roots.get(root);
    const avail = this.available(root);
    const files: Record<string, string> = root === 'host' ? hostFiles(this.host) : { ...(c?.image.files ?? other?.files ?? {}), ...(other?.etc ?? {}) };
    const names = new Set<string>([...this.commands.map((x) => x.name), ...WRAPPED, ...(avail ?? [])]);
    for (const n of names) if ((!avail || avail.has(n)) && !n.startsWith('__')) files[`/bin/${n}`] ??= '';
    if (c) files['/etc/hostname'] = `${c.config.Hostname}\n`;
    const hosts = c ? hostsFile(this.daemon.net, c) : undefined;
    if (hosts !== undefined) files['/etc/hosts'] = hosts;
    const resolv = c ? resolvConf(this.daemon.net, c, this.host.fixture.network.eth0.gateway) : undefined;
    if (resolv !== undefined) files['/etc/resolv.conf'] = resolv;
    const host = this.host;
    const mtime = new Date(root === 'host' ? Date.parse(host.fixture.bootTime) : (c?.createdMs ?? other?.createdMs ?? host.clock.nowMs));
    const init: Record<string, { content: string; mtime: Date }> = {};
    for (const [path, content] of Object.entries(files)) init[path] = { content, mtime };
    // Writes take the simulated clock's time, so `ls -l` is the same on every replay. With
    // --read-only, writes outside the --tmpfs mounts fail (reported like the other write errors).
    const tmpfs = other ? other.writable : Object.keys(c?.hostConfig.Tmpfs ?? {});
    // Volumes and bind mounts: writable ones escape --read-only, `:ro` ones refuse writes.
    const mountList = c ? (this.daemon.lib?.mounts.get(c.id) ?? []) : [];
    const under = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);
    const rwMounts = [...tmpfs, ...mountList.filter((m) => !m.readOnly).map((m) => m.destination)];
    const roMounts = mountList.filter((m) => m.readOnly).map((m) => m.destination);
    const readOnly = (path: string) =>
      roMounts.some((d) => under(path, d)) || (Boolean(c?.hostConfig.ReadonlyRootfs ?? other?.readOnlyRoot) && !rwMounts.some((t) => under(path, t)));
    const report = (path: string) => {
      if (!this.writeErrors.some((e) => e.path === path)) this.writeErrors.push({ path, reason: 'Read-only file system' });
    };
    const stamp = async (fs: JB.InMemoryFs, path: string) => fs.utimes(path, new Date(host.clock.nowMs), new Date(host.clock.nowMs));
    // A container's writes also go to its overlay upperdir (docker diff / commit read it).
    const overlay = () => (c ? this.daemon.lib?.rootfs.get(c.id)?.root : undefined);
    class SimFs extends this.jb.InMemoryFs {
      override async writeFile(...a: Parameters<JB.InMemoryFs['writeFile']>): Promise<void> {
        if (readOnly(a[0])) return report(a[0]);
        await super.writeFile(...a);
        await stamp(this, a[0]);
        mirror.write(overlay(), a[0], a[1]);
      }
      override async appendFile(...a: Parameters<JB.InMemoryFs['appendFile']>): Promise<void> {
        if (readOnly(a[0])) return report(a[0]);
        await super.appendFile(...a);
        await stamp(this, a[0]);
        if (overlay()) mirror.write(overlay(), a[0], await this.readFileBuffer(a[0]));
      }
      override async mkdir(...a: Parameters<JB.InMemoryFs['mkdir']>): Promise<void> {
        if (readOnly(a[0])) throw new Error(`EROFS: read-only file system, mkdir '${a[0]}'`);
        await super.mkdir(...a);
        await stamp(this, a[0]);
        mirror.mkdir(overlay(), a[0], Boolean(a[1]?.recursive));
      }
      override async rm(...a: Parameters<JB.InMemoryFs['rm']>): Promise<void> {
        if (readOnly(a[0])) throw new Error(`EROFS: read-only file system, rm '${a[0]}'`);
        await super.rm(...a);
        mirror.remove(overlay(), a[0], Boolean(a[1]?.recursive));
      }
    }
    this.readOnlyCheck.set(root, readOnly);
    const base = new SimFs(init);
    for (const d of c?.image.dirs ?? other?.dirs ?? []) base.mkdirSync(d, { recursive: true });
    // Changes the container made before its shell existed (its program's start-up writes).
    for (const [p, e] of (c ? this.daemon.lib?.rootfs.get(c.id)?.root.upper : undefined) ?? []) {
      if (e.type === 'dir') base.mkdirSync(p, { recursive: true });
      else if (e.type === 'file' && e.data) base.writeFileSync(p, e.data, undefined, { mode: e.mode, mtime });
    }
    const readOnlyCg = root !== 'host' && !(c?.hostConfig.Privileged ?? other?.privileged);
    const procfs = new ProcFs(this.host);
    procfs.mounts = (p) => procMounts(mountTable(this.daemon, p.containerId ? this.daemon.containers.get(p.containerId) : undefined));
    const cgfs = new CgroupFs(this.host, readOnlyCg);
    procfs.onWriteError = cgfs.onWriteError = (path, reason) => {
      if (!this.writeErrors.some((e) => e.path === path && e.reason === reason)) this.writeErrors.push({ path, reason });
    };
    const lib = this.daemon.lib;
    const volumeMounts = (c && lib ? (lib.mounts.get(c.id) ?? []) : []).flatMap((m) => {
      const v = m.type === 'volume' ? lib?.volumes.get(m.source) : undefined;
      if (m.type === 'tmpfs') return [{ mountPoint: m.destination, filesystem: new this.jb.InMemoryFs() as JB.IFileSystem }];
      if (m.type === 'bind') return [{ mountPoint: m.destination, filesystem: new BindFs(this.bashFor('host').fs, m.source, m.readOnly, report, m.destination) as JB.IFileSystem }];
      if (!v) return [];
      const vfs = fsForVolume(this.jb, v, () => host.clock.nowMs);
      return [{ mountPoint: m.destination, filesystem: m.readOnly ? (new BindFs(vfs, '', true, report, m.destination) as JB.IFileSystem) : vfs }];
    });
    // --tmpfs PATH (and a pod's emptyDir volumes): an empty tmpfs at PATH (created if the image lacks it), gone with the container.
    for (const t of tmpfs) if (!volumeMounts.some((m) => m.mountPoint === t)) volumeMounts.push({ mountPoint: t, filesystem: new this.jb.InMemoryFs() as JB.IFileSystem });
    const fs = new this.jb.MountableFs({ base, mounts: [{ mountPoint: '/proc', filesystem: procfs }, { mountPoint: '/sys/fs/cgroup', filesystem: cgfs }, { mountPoint: '/sys/class/net', filesystem: new SysNetFs(this.host) }, ...volumeMounts] });
    const custom = this.commands.filter((cmd) => !avail || avail.has(cmd.name) || cmd.name.startsWith('__cc_')).map((cmd) => this.adapt(cmd, root));
    const wrapped = WRAPPED.filter((n) => (!avail || avail.has(n)) && !this.commands.some((x) => x.name === n)).map((n) => this.wrapBuiltin(n, root));
    const builtinNames = this.jb.getCommandNames().filter((n) => !avail || avail.has(n) || ['sh', 'bash', 'export', 'cd', 'test', '['].includes(n));
    bash = new this.jb.Bash({
      fs,
      cwd: '/',
      commands: builtinNames as JB.CommandName[],
      customCommands: [...custom, ...wrapped, ...this.tickedCommands(root), this.statusCommand()],
      executionLimits: JB_LIMITS,
      // just-bash's defense in depth patches JS globals while a script runs, against code that
      // could escape its sandbox. No learner code runs as JavaScript here (no js-exec, no python),
      // and it blocks the clock our budget reads and the yields that keep the page responsive.
      defenseInDepth: false,
      // Called by the interpreter before every command: the synchronous budget check.
      coverage: { hit: () => this.budget?.check() },
      sleep: async (ms) => {
        await this.host.waitUntil(() => false, ms, this.signal);
      },
      processInfo: { pid: root === 'host' ? this.host.loginShell.pid : 1, ppid: root === 'host' ? this.host.loginShell.ppid : 0, uid: 0, gid: 0 },
    });
    this.bashes.set(root, bash);
    return bash;
  }

  /** Drops the cached shell of a removed container. */
  forget(root: string): void {
    this.bashes.delete(root);
  }

  /** Commands of just-bash that only tick the budget and write in order (TICKED). */
  private tickedCommands(root: string): JB.Command[] {
    const avail = this.available(root);
    return TICKED.filter((n) => !avail || avail.has(n) || n === 'test' || n === '[').map((name) => ({
      name,
      execute: async (args: string[], ctx: JB.CommandContext) => {
        if (await this.tick(ctx)) return { stdout: '', stderr: '', exitCode: 130 };
        return this.inOrder(name === 'echo' ? echo(args) : await ctx.origCommand!(args));
      },
    }));
  }

  /** Between commands: note the shell state, check the budget, let the page breathe. */
  private async tick(ctx: { cwd: string; env: Map<string, string> }): Promise<boolean> {
    // A copy: the context is revoked once the command returns.
    if (this.depth === 1) this.lastSeen = { cwd: ctx.cwd, env: new Map(ctx.env) };
    await this.budget?.tick();
    return Boolean(this.budget?.exceeded || this.signal?.aborted);
  }

  /**
   * On the terminal, a command's output is written when the command ends, so the outputs of
   * `a; b; c` interleave stdout and stderr in the order written (the result keeps nothing).
   * docker's pull progress (host.early) comes before its other output.
   */
  private inOrder<T extends { stdout: string; stderr: string; exitCode: number; output?: ExecResult['output'] }>(r: T): T {
    if (this.depth !== 1 || !this.lineIsTty || !this.onOutput) return r;
    const chunks = r.output ?? (() => {
      const early = this.host.early && r.stderr.startsWith(this.host.early) ? this.host.early : '';
      if (early) this.host.early = '';
      return [
        { stream: 'stderr' as const, text: early },
        { stream: 'stdout' as const, text: r.stdout },
        { stream: 'stderr' as const, text: r.stderr.slice(early.length) },
      ];
    })();
    for (const c of chunks) if (c.text) this.write(c);
    return { ...r, stdout: '', stderr: '', output: undefined };
  }

  /** Writes to the terminal now, within the line's output budget. */
  private write(chunk: { stream: 'stdout' | 'stderr'; text: string }): void {
    if (this.budget?.exceeded === 'output') return;
    const room = LIMITS.outputBytes - this.outBytes;
    const text = chunk.text.length > room ? chunk.text.slice(0, Math.max(0, room)) : chunk.text;
    this.outBytes += text.length;
    this.streamed[chunk.stream] += text;
    const last = this.log[this.log.length - 1];
    if (last?.stream === chunk.stream) last.text += text;
    else this.log.push({ stream: chunk.stream, text });
    this.onOutput?.({ stream: chunk.stream, text });
    if (text.length < chunk.text.length) this.budget?.stop('output');
  }

  private statusCommand(): JB.Command {
    return { name: '__cc_status', execute: async (args) => ({ stdout: '', stderr: '', exitCode: Number(args[0] ?? 0) }) };
  }

  private async asChild<T>(argv: string[], fn: (self: Proc) => Promise<T>): Promise<T> {
    const parent = this.host.current;
    let self: Proc;
    let transient = false;
    if (this.reuseSelf) {
      self = this.reuseSelf;
      self.state = 'R';
      this.reuseSelf = undefined;
    } else {
      this.budget?.spawned();
      self = this.host.kernel.spawn({ parent, argv, transient: true, patch: { reaps: true, handlers: new Set(), state: 'R', rssBytes: 2_000_000, vszKb: 8_000, threads: 1, program: { kind: 'idle' } } });
      transient = true;
    }
    this.host.current = self;
    try {
      return await fn(self);
    } finally {
      this.host.current = parent;
      if (transient) this.host.kernel.release(self);
    }
  }

  private currentSession: Session | undefined;

  /** The commands after `argv` in its pipeline, if it is in one (they run at the same time). */
  private peersOf(argv: string[]): string[][] {
    for (const pl of this.pipelines) {
      const i = pl.findIndex((stage) => stage.join(' ') === argv.join(' '));
      if (i >= 0) return pl.slice(i + 1).filter((s) => s.length);
    }
    return [];
  }

  private adapt(cmd: SimCommand, root: string): JB.Command {
    return {
      name: cmd.name,
      execute: async (args, ctx) => {
        if (await this.tick(ctx)) return { stdout: '', stderr: '', exitCode: 130 };
        return this.inOrder(await (cmd.noProcess ? (fn: (self: Proc) => Promise<ExecResult>) => fn(this.host.current) : (fn: (self: Proc) => Promise<ExecResult>) => this.asChild([cmd.name, ...args], fn))(async (self) => {
          const env: CmdEnv = {
            host: this.host,
            daemon: this.daemon,
            self,
            session: this.currentSession!,
            flavor: this.flavorOf(root),
            stdin: decodeLatin1Utf8(ctx.stdin),
            stdinBytes: () => latin1Bytes(ctx.stdin),
            rootFs: (id) => this.bashFor(id).fs,
            cwd: ctx.cwd,
            env: ctx.env,
            signal: this.signal,
            columns: this.columns,
            tty: this.lineIsTty,
            pipeline: this.peersOf([cmd.name, ...args]),
            stream: this.lineIsTty && this.onOutput ? (chunk) => this.write(chunk) : undefined,
            fs: ctx.fs,
            readOnly: (path) => this.readOnlyCheck.get(root)?.(path) ?? false,
            orig: ctx.origCommand ? async (a: string[]) => { const r = await ctx.origCommand!(a); return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }; } : undefined,
            exec: async (line) => {
              const r = await ctx.exec!(line, { cwd: ctx.cwd, env: Object.fromEntries(ctx.env) });
              return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
            },
            readFile: (path) => ctx.fs.readFile(ctx.fs.resolvePath(ctx.cwd, path)),
            tick: async () => {
              await this.budget?.tick();
            },
            history: () => this.history(),
            enterSession: (s) => {
              this.pending = s;
            },
            runAs: async (p, fn) => {
              const prev = this.host.current;
              this.host.current = p;
              try {
                return await fn();
              } finally {
                this.host.current = prev;
              }
            },
          };
          if (!cmd.noProcess && !SHELL_BUILTINS.has(cmd.name) && tooBig([cmd.name, ...args], ctx.env.entries()))
            return { stdout: '', stderr: `${this.currentSession?.shell === 'sh' ? 'sh' : 'bash'}: ${cmd.name}: Argument list too long\n`, exitCode: 126 };
          const usage = args[0] === '--help' ? usageOf(cmd.name, env.flavor) : undefined;
          if (usage) return usage.stream === 'stdout' ? { stdout: usage.text, stderr: '', exitCode: 0 } : { stdout: '', stderr: usage.text, exitCode: 0 };
          return cmd.run(args, env);
        }));
      },
    };
  }

  private wrapBuiltin(name: string, root: string): JB.Command {
    const busybox = this.flavorOf(root) === 'busybox';
    return {
      name,
      execute: async (args, ctx) => {
        if (await this.tick(ctx)) return { stdout: '', stderr: '', exitCode: 130 };
        return this.inOrder(await this.asChild([name, ...args], async () => {
          if (tooBig([name, ...args], ctx.env.entries()))
            return { stdout: '', stderr: `${this.currentSession?.shell === 'sh' ? 'sh' : 'bash'}: ${name}: Argument list too long\n`, exitCode: 126 };
          const r = await ctx.origCommand!(args);
          if (busybox && name === 'cat') return { ...r, stderr: r.stderr.replace(/^cat: (.*): No such file or directory$/gm, "cat: can't open '$1': No such file or directory") };
          if (busybox && name === 'rm') return { ...r, stderr: r.stderr.replace(/^rm: cannot remove '(.*)': /gm, "rm: can't remove '$1': ") };
          return r;
        }));
      },
    };
  }

  /** Runs one line in a session; carries cwd, variables and $? to the next line. */
  async run(session: Session, line: string, signal?: AbortSignal, tty?: boolean, cpuBudgetMs?: number): Promise<ExecResult> {
    const bash = this.bashFor(session.root);
    const lib = this.daemon.lib;
    if (session.root === 'host' && lib) syncHostVolumes(this.jb, bash.fs as JB.MountableFs, lib.volumes.all(), this.hostVolumes, () => this.host.clock.nowMs);
    const prevSession = this.currentSession;
    const prevCurrent = this.host.current;
    const prevLine = { tty: this.lineIsTty, pipelines: this.pipelines, writeErrors: this.writeErrors, signal: this.signal, lastSeen: this.lastSeen };
    const top = this.depth === 0;
    // The learner's line gets a fresh budget; a container command it starts shares it.
    const budget = top ? new LineBudget(cpuBudgetMs ?? (this.host.clock.mode === 'virtual' ? LIMITS.virtualCpuMs : LIMITS.cpuMs), () => this.host.realWaitMs) : this.budget;
    if (top) {
      this.budget = budget;
      this.notes = [];
      this.outBytes = 0;
      this.lastSeen = undefined;
    }
    this.depth++;
    const lineSignal = budget ? anySignal([signal, budget.controller.signal]) : signal;
    this.writeErrors = [];
    this.currentSession = session;
    this.host.current = session.proc;
    this.signal = lineSignal;
    this.lineIsTty = (tty ?? true) && !/(^|[^|])\|(?!\|)|>|\$\(|`/.test(line);
    this.pipelines = pipelinesOf(bash, line);
    // `help` with no topic lists what this host has (commands/help.ts); just-bash's builtin answers `help NAME`.
    line = line.replace(/(^|[;&|(]\s*)help(?=\s*(?:$|[;&|)]))/g, '$1__cc_help');
    try {
      // just-bash does not export variables passed per exec, so mark the exported ones again.
      session.exported ??= new Set(Object.keys(session.env));
      for (const m of line.matchAll(/\b(?:export|declare\s+-x)\s+((?:[A-Za-z_]\w*(?:=\S*)?\s*)+)/g)) for (const w of (m[1] ?? '').split(/\s+/)) if (w) session.exported.add(w.split('=')[0] as string);
      const names = [...session.exported].filter((k) => k in session.env && /^[A-Za-z_]\w*$/.test(k));
      const prefix = names.length ? `export ${names.join(' ')}; ` : '';
      const r = BUSY_LOOP.test(line) ? await this.busyLoop(session, lineSignal) : await this.execLine(bash, session, `${prefix}__cc_status ${session.status}; ${line}`, lineSignal);
      let stderr = r.stderr;
      let exitCode = r.exitCode;
      const limit = top ? (budget?.exceeded ? { kind: budget.exceeded, line: '', fn: undefined } : limitOf(stderr)) : undefined;
      const stopped = Boolean(limit) || Boolean(signal?.aborted);
      if (stopped && top) {
        // Stopped mid-line (a limit or Ctrl-C): the interpreter's state is lost with it, so keep
        // what the shell last showed a command (cwd, variables), as bash keeps them after Ctrl-C.
        const seen = this.lastSeen;
        if (seen) {
          const env: Record<string, string> = {};
          for (const [k, v] of seen.env) if (!SHELL_VARS.has(k)) env[k] = v;
          session.env = env;
          session.cwd = seen.cwd;
        }
      } else {
        const env: Record<string, string> = {};
        for (const [k, v] of Object.entries(r.env)) if (!SHELL_VARS.has(k)) env[k] = v;
        session.env = env;
        session.cwd = r.env.PWD ?? session.cwd;
      }
      if (limit) {
        if (limit.line) stderr = stderr.replace(`${limit.line}\n`, '');
        stderr = stderr.replace(/^bash: execution aborted\n/m, '');
        // bash's own words when FUNCNEST stops a function (bash-5.2:execute_cmd.c, execute_function):
        // "%s: maximum function nesting level exceeded (%d)".
        if (limit.kind === 'depth') stderr += `${session.shell === 'sh' ? 'sh' : 'bash'}: ${limit.fn}: maximum function nesting level exceeded (${LIMITS.callDepth})\n`;
        exitCode = limit.kind === 'depth' ? 1 : 130;
        this.notes.push(limitNote(limit.kind as LimitKind, this.locale));
      } else if (signal?.aborted) {
        // Ctrl-C: the foreground command got SIGINT; bash reports 130 and says nothing more.
        stderr = stderr.replace(/^bash: execution aborted\n/m, '');
        exitCode = 130;
      }
      if (this.writeErrors.length) {
        // bash: `bash: PATH: Reason` (or `bash: echo: write error: …`); busybox ash: `sh: can't create PATH: Reason`.
        stderr += this.writeErrors
          .map(({ path, reason }) =>
            session.shell === 'sh'
              ? reason.startsWith('write error') ? `sh: ${reason}\n` : `sh: can't create ${path}: ${reason}\n`
              : reason.startsWith('write error') ? `bash: echo: ${reason}\n` : `bash: ${path}: ${reason}\n`,
          )
          .join('');
        this.writeErrors = [];
        if (exitCode === 0) exitCode = 1;
      }
      session.status = exitCode;
      if (session.shell === 'sh') stderr = stderr.replace(/^bash: (.+): command not found$/gm, 'sh: $1: not found');
      else if (session.root !== 'host' && !this.available(session.root)?.has('ps')) stderr = stderr.replace(/^bash: line \d+: /gm, 'bash: ');
      if (top) for (const m of stderr.matchAll(/^(?:bash: (?:line \d+: )?([^\s:]+): command not found|sh: ([^\s:]+): not found)$/gm)) {
        const note = notFoundNote((m[1] ?? m[2]) as string, line, session.root === 'host' ? 'host' : session.flavor, this.locale);
        if (note && !this.notes.includes(note)) this.notes.push(note);
      }
      let stdout = r.stdout;
      if (top && stdout.length + stderr.length + this.outBytes > LIMITS.outputBytes) {
        const room = Math.max(0, LIMITS.outputBytes - this.outBytes);
        stdout = stdout.slice(0, room);
        stderr = stderr.slice(0, Math.max(0, room - stdout.length));
        if (!limit) this.notes.push(limitNote('output', this.locale));
      }
      return { stdout, stderr, exitCode };
    } finally {
      this.depth--;
      if (top) this.budget = undefined;
      this.currentSession = prevSession;
      this.host.current = prevCurrent;
      this.lineIsTty = prevLine.tty;
      this.pipelines = prevLine.pipelines;
      this.writeErrors = prevLine.writeErrors;
      this.signal = prevLine.signal;
      if (!top) this.lastSeen = prevLine.lastSeen;
    }
  }

  /**
   * bash.exec, with what escapes just-bash turned into what bash does: an abort (Ctrl-C, a
   * budget) ends the line with what it printed so far; a command word holding NUL bytes
   * (`source /proc/1/cmdline`: bash drops the NULs, bash-5.2:builtins/evalfile.c
   * _evalfile) is a path that does not exist.
   */
  private async execLine(bash: JB.Bash, session: Session, script: string, signal: AbortSignal | undefined): Promise<JB.BashExecResult> {
    const keep = { ...session.env, PWD: session.cwd };
    try {
      return await bash.exec(script, { env: session.env, cwd: session.cwd, replaceEnv: true, signal });
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (signal?.aborted) return { stdout: '', stderr: '', exitCode: 130, env: keep };
      const nul = /path contains null byte, \w+ '([^']*)'/.exec(msg);
      if (nul) {
        const name = (nul[1] as string).replace(/\0/g, '');
        return { stdout: '', stderr: `${session.shell === 'sh' ? 'sh' : 'bash'}: ${name}: No such file or directory\n`, exitCode: 127, env: keep };
      }
      throw e;
    }
  }

  /** The shell spins on a CPU until Ctrl-C (virtual mode: the bound); its cgroup is charged and throttled. */
  private async busyLoop(session: Session, signal?: AbortSignal): Promise<JB.BashExecResult> {
    const p = session.proc;
    const before = p.program;
    p.program = { kind: 'cpuhog' };
    p.state = 'R';
    const ended = () => (p as { state: string }).state === 'Z';
    await this.host.waitUntil(ended, undefined, signal);
    if (!ended()) {
      p.program = before;
      p.state = 'S';
    }
    return { stdout: '', stderr: '', exitCode: 130, env: { ...session.env, PWD: session.cwd } };
  }

  /** A container's main command or `docker exec` command, run once as process `p`. */
  async runInContainer(c: Container, p: Proc, argv: string[], tty = c.config.Tty, workdir?: string): Promise<ExecResult> {
    const session: Session = {
      proc: p, root: c.id, flavor: c.image.flavor, shell: c.image.flavor === 'busybox' ? 'sh' : 'bash', hostname: c.config.Hostname,
      env: { ...p.env }, cwd: workdir ?? (c.config.WorkingDir || '/'), status: 0, onExit: () => '',
    };
    this.reuseSelf = p;
    try {
      return await this.run(session, quoteArgv(argv), this.signal, tty);
    } finally {
      this.reuseSelf = undefined;
    }
  }

  /** A command run once as process `p` in a container root any engine registered (the kubelet's one-shot commands, kubectl exec). */
  async runInRoot(root: string, p: Proc, argv: string[], opts: { tty: boolean; workdir: string; env: Record<string, string> }): Promise<ExecResult> {
    const flavor = this.flavorOf(root);
    const session: Session = {
      proc: p, root, flavor, shell: flavor === 'busybox' ? 'sh' : 'bash', hostname: this.host.runc.roots.get(root)?.hostname ?? '',
      env: { ...p.env, ...opts.env }, cwd: opts.workdir || '/', status: 0, onExit: () => '',
    };
    this.reuseSelf = p;
    try {
      return await this.run(session, quoteArgv(argv), this.signal, opts.tty);
    } finally {
      this.reuseSelf = undefined;
    }
  }

  /** Path candidates for `word` in the session's filesystem (directories end in `/`). */
  async completePath(session: Session, word: string): Promise<string[]> {
    const fs = this.bashFor(session.root).fs;
    const slash = word.lastIndexOf('/');
    const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
    const dir = fs.resolvePath(session.cwd, dirPart || '.');
    const prev = this.host.current;
    this.host.current = session.proc;
    try {
      const names = await fs.readdir(dir);
      const out: string[] = [];
      for (const n of names) {
        const st = await fs.stat(fs.resolvePath(dir, n)).catch(() => undefined);
        out.push(`${dirPart}${n}${st?.isDirectory ? '/' : ''}`);
      }
      return out;
    } catch {
      return [];
    } finally {
      this.host.current = prev;
    }
  }

  /** Whether a command exists in a root (for exec's "executable file not found"). */
  hasCommand(root: string, name: string): boolean {
    const base = name.split('/').pop() ?? name;
    const avail = this.available(root);
    return !avail || avail.has(base);
  }
}
