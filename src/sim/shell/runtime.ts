/**
 * The shell runtime: plugs the simulated host into just-bash. It keeps one interpreter per
 * root (its filesystem from rootfs.ts), turns the simulator's commands into just-bash commands
 * that run as their own process (adapters.ts), and runs each line within its budget (limits.ts),
 * carrying cwd, variables and $? from one line to the next. What needs no runtime state is in line.ts.
 */
import type * as JB from 'just-bash';
import type { ExecResult, Keyboard } from '../api.ts';
import type { Container } from '../docker/container.ts';
import type { Daemon } from '../docker/daemon.ts';
import { syncHostStorage, syncHostStorageSoon } from './dockerroot-sync.ts';
import type { Host } from '../host.ts';
import type { Proc } from '../kernel/types.ts';
import { BUSY_LOOP } from './commands/hogs.ts';
import { fitOutput, JB_LIMITS, LIMITS, LineBudget, limitNote, limitOf, type LimitKind, type Locale } from './limits.ts';
import { notFoundNotes } from './hints.ts';
import { shellWording, streamedWording } from './wording.ts';
import { appletCommand, appletsOf } from './applet.ts';
import { OutputTrace, written } from './ordered.ts';
import { Forks, forkPlugin, lineAtTerminal } from './forks.ts';
import { untraceOwn, xtraceCommand } from './xtrace.ts';
import { xtraceMarks } from './xtrace-marks.ts';
import { scriptErrors } from './notfound.ts';
import { pathCommands } from './pathexec.ts';
import { braceOverflow } from './lineparse.ts';
import { dropChowner } from './fsperm.ts';
import { LineFds } from './linefds.ts';
import { anySignal, busyLoop, chunksOf, copyEnv, execTopLine, exportMarks, mergedOf, pipelinesOf, quoteArgv } from './line.ts';
import { redirectFull, sessionVars, statusCommand, stoppedLine, writeErrorText } from './line.ts';
import { completePath, rootFlavor, rootFs, scriptSession } from './rootfs.ts';
import { backgroundStatements, jobHooks, renameJobBuiltins, runWithJobs } from './background.ts';
import type { Session } from './types.ts';
import type { CommandRow } from './commands/registry.ts';
import type { AdapterRuntime } from './adapters.ts';
import { mergeFor } from './stderr-merge.ts';
import { ownerHook } from './shared.ts';
import { type ShellParts, ShellPartsCache, startTable } from './shellparts.ts';
import { HostNodePaths } from './nodepaths.ts';
import { Foreground } from './sigint.ts';

/** The runtime the file's head describes; what it shares with the command adapters is their AdapterRuntime (adapters.ts). */
export class ShellRuntime implements AdapterRuntime {
  private readonly bashes = new Map<string, JB.Bash>();
  private partsCache: ShellPartsCache | undefined;
  private storageLaidOut: Promise<void> | undefined; // the host's storage sync started after the last line (syncHostStorageSoon)
  /** The host bash's subshells as processes (forks.ts). */
  readonly forks: Forks;
  pending: Session | undefined;
  /** The container's PID 1 runs its own command (no extra process). */
  reuseSelf: Proc | undefined;
  /** Set when a read of an endless device (/dev/zero…) was cut at its bound (fs/devfs.ts). */
  endless: string | undefined;
  signal: AbortSignal | undefined;
  /** The terminal's output callback and keyboard for the current line, and what was streamed through it. */
  onOutput: ((chunk: { stream: 'stdout' | 'stderr'; text: string }) => void) | undefined;
  keyboard: Keyboard | undefined;
  streamed = { stdout: '', stderr: '' };
  /** What was streamed, in order (ExecResult.output). */
  log: { stream: 'stdout' | 'stderr'; text: string }[] = [];
  /** What each command returned, in order, for what was not streamed (ordered.ts). */
  readonly trace = new OutputTrace();
  columns = 80;
  rows = 24;
  /** False when the current line pipes or redirects (commands then print as for a pipe). */
  lineIsTty = true;
  lineStdinTty = true;
  pipelines: import('./line.ts').Pipeline[] = [];
  /** The line's commands whose stderr is merged into their stdout (line.ts mergedOf). */
  merged: string[][] = [];
  lineFds: LineFds | undefined; // what the line does to its commands' standard streams, for /proc/PID/fd (linefds.ts)
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
  /** The limit that stopped the current line, if one did (ExecResult.stopped). */
  stopped: ExecResult['stopped'];
  locale: Locale = 'en';
  /** The lines typed so far (set by the world). */
  history: () => readonly string[] = () => [];
  /** Bytes written to the terminal by the current line. */
  private outBytes = 0;
  currentSession: Session | undefined;
  /** Ctrl-C of the learner's line being run, one foreground command at a time (sigint.ts; World.interrupt). */
  fg: Foreground | undefined;

  constructor(
    private readonly jb: typeof JB,
    readonly host: Host,
    readonly daemon: Daemon,
    private readonly commands: readonly CommandRow[],
  ) {
    this.forks = new Forks(host, () => this.budget?.spawned(), this);
    // Bound first, then assigned: a function literal assigned straight to a property is pretenured by V8, and its
    // context (this runtime, the world) outlived the world through every scavenge (tests/architecture-gc.test.ts).
    const runner: Daemon['runner'] = (c, p, argv, tty, workdir, stdin) => this.runInContainer(c, p, argv, tty, workdir, stdin);
    const rootRunner: Host['runc']['runner'] = (root, p, argv, opts) => this.runInRoot(root, p, argv, opts);
    const readFile: Host['runc']['readFile'] = (root, path) =>
      this.bashFor(root)
        .fs.readFile(path)
        .catch(() => undefined);
    daemon.runner = runner;
    daemon.onRemove.push((id) => this.forget(id));
    host.runc.runner = rootRunner;
    host.runc.readFile = readFile;
    host.runc.nodeFs.paths = new HostNodePaths(() => this.bashFor('host').fs);
    host.runc.roots.onRemove.push((id) => this.forget(id));
  }
  takePending(): Session | undefined {
    const s = this.pending;
    this.pending = undefined;
    return s;
  }

  /** What a root's shell is made of that depends only on its image's commands (shellparts.ts). */
  private shellParts(root: string): ShellParts {
    this.partsCache ??= new ShellPartsCache(this.jb, this.host, this.daemon, this.commands);
    return this.partsCache.of(root);
  }

  bashFor(root: string): JB.Bash {
    let bash = this.bashes.get(root);
    if (bash) return bash;
    const parts = this.shellParts(root);
    const { avail, binNames, cmds, builtinNames } = parts;
    const { fs, readOnly } = rootFs(
      this.jb,
      this.host,
      this.daemon,
      root,
      avail,
      binNames,
      () => this.bashFor('host').fs,
      () => this.writeErrors,
      (path) => void (this.endless = path),
    );
    this.readOnlyCheck.set(root, readOnly);
    const applet = appletCommand(
      (n) => cmds.find((x) => x.name === n),
      () => appletsOf(this.daemon, this.host.runc.roots, root),
    );
    const host = root === 'host';
    bash = new this.jb.Bash({
      fs,
      cwd: '/',
      // A container's shell starts from its image's table (shellparts.ts commandTable); node1's, one a world, registers its own.
      commands: host ? (builtinNames as JB.CommandName[]) : [],
      customCommands: host ? [...cmds, statusCommand(), ...this.forks.commands(), xtraceCommand(this.trace, this.forks), applet] : [],
      executionLimits: JB_LIMITS,
      // just-bash's defense in depth patches JS globals while a script runs, against code that could escape its sandbox. No learner
      // code runs as JavaScript here (no js-exec, no python), and it blocks the clock our budget reads and the yields that keep the page responsive.
      defenseInDepth: false,
      // Called by the interpreter before every command: the synchronous budget check; a SIGINT death ends the line there.
      // It also names this runtime and root to the process's shared commands (shared.ts ownerHook).
      coverage: ownerHook(this, root, () => {
        this.budget?.check();
        this.fg?.checkpoint();
      }),
      sleep: async (ms) => {
        await this.host.waitUntil(() => false, ms, this.signal);
      },
      processInfo: { pid: root === 'host' ? this.host.loginShell.pid : 1, ppid: root === 'host' ? this.host.loginShell.ppid : 0, uid: 0, gid: 0 },
    });
    if (!host) startTable(this.jb, bash, parts, applet);
    // The shell's own commands' results, to the trace: stderr into stdout where the line merges them (stderr-merge.ts).
    const done = (r: JB.ExecResult, argv?: string[]) => this.inOrder(mergeFor(this, r, argv));
    scriptErrors(bash, !host && rootFlavor(this.host, this.daemon, root) === 'busybox', done, this.host);
    if (root === 'host') forkPlugin(bash);
    if (root === 'host') pathCommands(bash, done);
    if (root === 'host') untraceOwn(bash, this.trace);
    if (root === 'host') xtraceMarks(this.jb, bash, this);
    this.bashes.set(root, bash);
    return bash;
  }

  /** Drops the cached shell of a removed container, and its root's read-only check (which holds the root's filesystem). */
  forget(root: string): void {
    this.bashes.delete(root);
    this.readOnlyCheck.delete(root);
    dropChowner(this.host, root);
  }

  /** Between commands: note the shell state, check the budget, let the page breathe. */
  async tick(ctx: { cwd: string; env: Map<string, string> }): Promise<boolean> {
    // A copy: the context is revoked once the command returns.
    if (this.depth === 1) this.lastSeen = { cwd: ctx.cwd, env: copyEnv(ctx.env) };
    this.fg?.checkpoint();
    await this.budget?.tick();
    return Boolean(this.budget?.exceeded || this.signal?.aborted || this.host.current.trapExit?.stop.signal.aborted);
  }

  /**
   * On the terminal, a command's output is written when the command ends, so the outputs of `a; b; c` interleave
   * stdout and stderr in the order written (the result keeps nothing). docker's pull progress (host.early) comes before its other output.
   */
  inOrder<T extends { stdout: string; stderr: string; exitCode: number; output?: ExecResult['output'] }>(r: T): T {
    const streaming = this.depth === 1 && this.lineIsTty && this.onOutput && !this.trace.traced;
    const chunks = r.output ?? chunksOf(this.host, r, Boolean(streaming));
    if (!streaming) {
      this.trace.record(this.forks.substitutions ? chunks.filter((c) => c.stream === 'stderr') : chunks);
      return r;
    }
    const s = this.currentSession;
    for (const c of chunks) if (c.text) this.write(c.stream === 'stderr' && s ? { ...c, text: streamedWording(c.text, s) } : c);
    return written(r);
  }

  /** Writes to the terminal now, within the line's output budget. */
  write(chunk: { stream: 'stdout' | 'stderr'; text: string }): void {
    if (this.budget?.exceeded === 'output' && this.outBytes >= LIMITS.outputBytes) return;
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

  /** Runs one line in a session; carries cwd, variables and $? to the next line. */
  async run(session: Session, line: string, signal?: AbortSignal, tty?: boolean, cpuBudgetMs?: number, stdin?: string): Promise<ExecResult> {
    const bash = this.bashFor(session.root);
    const lib = this.daemon.lib;
    if (session.root === 'host' && lib) {
      await this.storageLaidOut;
      await syncHostStorage(this.jb, bash.fs as JB.MountableFs, this.daemon, this.hostVolumes, this.host);
    }
    const prevSession = this.currentSession;
    const prevCurrent = this.host.current;
    const prevLine = {
      tty: this.lineIsTty,
      stdinTty: this.lineStdinTty,
      pipelines: this.pipelines,
      merged: this.merged,
      lineFds: this.lineFds,
      writeErrors: this.writeErrors,
      signal: this.signal,
      lastSeen: this.lastSeen,
    };
    const top = this.depth === 0;
    const virtualStops = this.host.virtualStops;
    // The learner's line gets a fresh budget; a container command it starts shares it.
    const budget = top
      ? new LineBudget(cpuBudgetMs ?? (this.host.clock.mode === 'virtual' ? LIMITS.virtualCpuMs : LIMITS.cpuMs), () => this.host.realWaitMs)
      : this.budget;
    if (top) {
      this.budget = budget;
      budget?.watch();
      this.notes = [];
      this.stopped = undefined;
      this.outBytes = 0;
      this.lastSeen = undefined;
    }
    this.depth++;
    // The learner's line: each Ctrl-C is SIGINT to its foreground command of the moment (sigint.ts).
    const fg = top ? (this.fg = new Foreground(this.host, signal, budget?.controller.signal, (s) => void (this.signal = s), session.proc)) : undefined;
    const lineSignal = fg ? fg.lineSignal : budget ? anySignal([signal, budget.controller.signal]) : signal;
    this.writeErrors = [];
    this.currentSession = session;
    this.host.current = session.proc;
    this.signal = fg ? fg.signal : lineSignal;
    this.lineIsTty = (tty ?? true) && lineAtTerminal(session.root, line);
    // Standard input is the terminal unless the line pipes or redirects into a command (`<`, `<<`, `<<<`, `|`).
    this.lineStdinTty = (tty ?? true) && stdin === undefined && !/<(?!\()|(^|[^|])\|(?!\|)/.test(line);
    this.pipelines = pipelinesOf(bash, line);
    this.merged = mergedOf(bash, line, session.shellState?.functions);
    this.lineFds = new LineFds(bash, line, session.cwd, (tty ?? true) ? session.proc.tty : '?');
    const full = redirectFull(line.replace(/(^|[;&|(]\s*)help(?=(?:\s+(?:--help|bg|fg|jobs|wait|history|help|ulimit|cd))*\s*(?:$|[;&|)]))/g, '$1__cc_help')); // bare `help` and `help NAME` of builtin-docs.ts: commands/help.ts
    line = full.line; // `> /dev/full` fails at the write, not the open (devfull.ts)
    // The host's bash has job control: `&`, `$!`, jobs, wait, fg, bg (background.ts, commands/jobs.ts).
    const withJobs = top && session.root === 'host' && session.shell === 'bash';
    if (withJobs) line = renameJobBuiltins(line);
    try {
      // A brace range just-bash would cut short: the line stops before its first command.
      if (top && braceOverflow(bash, line)) {
        this.stopNote('work', budget);
        session.status = 130;
        return { stdout: '', stderr: '', exitCode: 130 };
      }
      exportMarks(session);
      const bg = withJobs ? backgroundStatements(bash, session, line) : undefined;
      const r = BUSY_LOOP.test(line)
        ? await busyLoop(this.host, session, lineSignal)
        : bg
          ? await runWithJobs(jobHooks(this, bash, session, lineSignal), bg)
          : await execTopLine(bash, session, session.status, line, lineSignal, stdin);
      let { stderr, exitCode } = r;
      const limit = top ? (budget?.exceeded ? { kind: budget.exceeded, line: '', fn: undefined } : limitOf(stderr)) : undefined;
      const stopped = Boolean(limit) || Boolean(fg ? fg.abandoned || fg.line.signal.aborted : signal?.aborted);
      if (stopped && top) {
        // Stopped mid-line (a limit or Ctrl-C): the interpreter's state is lost with it, so keep
        // what the shell last showed a command (cwd, variables), as bash keeps them after Ctrl-C.
        const seen = this.lastSeen;
        if (seen) {
          session.env = sessionVars(seen.env);
          session.cwd = seen.cwd;
        }
      } else {
        session.env = sessionVars(Object.entries(r.env));
        session.cwd = r.env.PWD ?? session.cwd;
      }
      if (stopped) ({ stderr, exitCode } = stoppedLine(stderr, limit, session.shell, top ? this.host.caughtSigint : undefined));
      if (top) this.host.caughtSigint = undefined;
      if (limit) this.stopNote(limit.kind as LimitKind, budget);
      else if (top && this.host.virtualStops > virtualStops) this.stopNote('time', budget);
      if (this.writeErrors.length) {
        stderr += writeErrorText(session.shell, this.writeErrors, full.writers);
        this.writeErrors = [];
        if (exitCode === 0) exitCode = 1;
      }
      session.status = exitCode;
      stderr = shellWording(
        stderr,
        session,
        !session.script && !/\bsh\s+-c\b/.test(line),
        session.root !== 'host' && !this.shellParts(session.root).avail?.has('ps'),
        line,
      );
      if (top)
        for (const note of notFoundNotes(this.streamed.stderr + stderr, line, session, this.locale)) if (!this.notes.includes(note)) this.notes.push(note);
      if (withJobs && session.jobs) stderr += session.jobs.endOfLine(session.cwd, session.env.HOME);
      if (!top) return { stdout: r.stdout, stderr, exitCode };
      const fit = fitOutput(r.stdout, stderr, this.outBytes);
      if (fit.cut && !limit) this.stopNote('output', budget);
      return { stdout: fit.stdout, stderr: fit.stderr, exitCode };
    } finally {
      this.depth--;
      if (top) {
        this.forks.releaseAll();
        budget?.end();
        [this.budget, this.fg] = [undefined, undefined];
      }
      // What the line changed under /var/lib/docker is laid out in the pause after it (the next line waits for it).
      if (top && session.root === 'host' && this.daemon.lib)
        this.storageLaidOut = syncHostStorageSoon(this.jb, bash.fs as JB.MountableFs, this.daemon, this.hostVolumes, this.host);
      this.currentSession = prevSession;
      this.host.current = prevCurrent;
      ({ tty: this.lineIsTty, stdinTty: this.lineStdinTty, pipelines: this.pipelines, merged: this.merged, writeErrors: this.writeErrors } = prevLine);
      this.lineFds = prevLine.lineFds;
      this.signal = prevLine.signal;
      if (!top) this.lastSeen = prevLine.lastSeen;
    }
  }

  /** The course note of the limit that stopped the line. */
  private stopNote(kind: LimitKind, budget: LineBudget | undefined): void {
    const note = (locale: Locale) => limitNote(kind, locale, budget?.cpuMs);
    this.stopped = { limit: kind, note: { en: note('en'), 'zh-cn': note('zh-cn') } };
    this.notes.push(note(this.locale));
  }

  /** A container's main command or `docker exec` command, run once as process `p`. */
  async runInContainer(c: Container, p: Proc, argv: string[], tty = c.config.Tty, workdir?: string, stdin?: string): Promise<ExecResult> {
    const session = scriptSession(p, c.id, c.image.flavor, c.config.Hostname, { ...p.env }, workdir ?? (c.config.WorkingDir || '/'));
    return this.runOnce(session, argv, tty, undefined, stdin);
  }

  /** A command run once as process `p` in a container root any engine registered (the kubelet's one-shot commands, kubectl exec). */
  async runInRoot(
    root: string,
    p: Proc,
    argv: string[],
    opts: { tty: boolean; workdir: string; env: Record<string, string>; signal?: AbortSignal },
  ): Promise<ExecResult> {
    const hostname = this.host.runc.roots.get(root)?.hostname ?? '';
    const session = scriptSession(p, root, rootFlavor(this.host, this.daemon, root), hostname, { ...p.env, ...opts.env }, opts.workdir || '/');
    return this.runOnce(session, argv, opts.tty, opts.signal);
  }

  /** Runs `argv` once as the session's own process (no child for its command). */
  private runOnce(session: Session, argv: string[], tty: boolean, signal?: AbortSignal, stdin?: string): Promise<ExecResult> {
    const sig = signal ? anySignal([this.signal, signal]) : this.signal;
    return this.trace.child(() => this.withSelf(session.proc, () => this.run(session, quoteArgv(argv), sig, tty, undefined, stdin)));
  }

  /** Runs `fn` with `p` as the process of the first command it starts. */
  async withSelf<T>(p: Proc, fn: () => Promise<T>): Promise<T> {
    this.reuseSelf = p;
    try {
      return await fn();
    } finally {
      this.reuseSelf = undefined;
    }
  }

  /** Path candidates for `word` in the session's filesystem (directories end in `/`). */
  async completePath(session: Session, word: string): Promise<string[]> {
    return completePath(this.bashFor(session.root).fs, this.host, session, word);
  }
}
