/**
 * How the shell runtime (runtime.ts) turns a command into a just-bash command (just-bash's
 * `Command { name, execute(args, ctx) }`, src/types.ts) that runs as its own process: the
 * simulator's commands (commands/registry.ts) get their CmdEnv, and just-bash's own commands the
 * runtime wraps (wrapped.ts) get busybox's wording and the bound on endless reads (endless.ts).
 */
import { mergedHere, mergeOrdered } from './stderr-merge.ts';
import type * as JB from 'just-bash';
import type { ExecResult } from '../api.ts';
import type { Daemon } from '../docker/daemon.ts';
import type { Host } from '../host.ts';
import type { Proc } from '../kernel/types.ts';
import { type CommandRow, loadCommand } from './commands/registry.ts';
import { builtinHelpOpt } from './builtin-docs.ts';
import { usageOf } from './commands/usage.ts';
import { endlessReader, WHOLE_READERS } from './endless.ts';
import type { Forks } from './forks.ts';
import { type LineBudget, withinLineLimits } from './limits.ts';
import { anySignal, argListTooLong, decodeLatin1Utf8, latin1Bytes, mergedOf, peersOf } from './line.ts';
import { tooBig } from './argmax.ts';
import { rootFlavor } from './rootfs.ts';
import { withExports } from './childshell.ts';
import type { OutputTrace } from './ordered.ts';
import type { CmdEnv, Session } from './types.ts';
import { shellKind } from './shellkind.ts';
import { SHELL_BUILTINS, wrappedArgs } from './wrapped.ts';
import { denyWording, takeDenied } from './denied.ts';
import { wrappedWording } from './wrapped-wording.ts';
import { findExt, needsFindExt } from './find-ext.ts';
import { startMarks } from './environ.ts';
import { coreutilsVersion } from './gnuversion.ts';
import { slashedRun } from './slash-starts.ts';
import { runPendingTraps, trapExit } from './traprun.ts';
import type { Foreground } from './sigint.ts';
import { LineFds } from './linefds.ts';

type Chunk = { stream: 'stdout' | 'stderr'; text: string };
/** What just-bash hands a command as its context. */
export type Ctx = Parameters<JB.Command['execute']>[1];
type Result = { stdout: string; stderr: string; exitCode: number; output?: ExecResult['output'] };

/** What the adapters borrow from the runtime: its host, its shells and the state of the line being run (runtime.ts). */
export interface AdapterRuntime {
  readonly host: Host;
  readonly daemon: Daemon;
  readonly forks: Forks;
  readonly readOnlyCheck: Map<string, (path: string) => boolean>;
  signal: AbortSignal | undefined;
  onOutput: ((chunk: Chunk) => void) | undefined;
  keyboard: import('../api.ts').Keyboard | undefined;
  columns: number;
  rows: number;
  lineIsTty: boolean;
  lineStdinTty: boolean;
  pipelines: import('./line.ts').Pipeline[];
  merged: string[][];
  /** The line's streams for /proc/PID/fd (linefds.ts): a command run as its own process gets them. */
  lineFds: LineFds | undefined;
  budget: LineBudget | undefined;
  currentSession: Session | undefined;
  pending: Session | undefined;
  reuseSelf: Proc | undefined;
  endless: string | undefined;
  history: () => readonly string[];
  /** The course lines of the current line, and the page's language. */
  notes: string[];
  locale: 'en' | 'zh-cn';
  bashFor(root: string): JB.Bash;
  tick(ctx: { cwd: string; env: Map<string, string> }): Promise<boolean>;
  inOrder<T extends Result>(r: T): T;
  readonly trace: OutputTrace;
  write(chunk: Chunk): void;
  /** Ctrl-C of the learner's line being run (sigint.ts), when one runs. */
  readonly fg: Foreground | undefined;
}

/** Runs `fn` as the process of a command: the container's PID 1 or a subshell's own process if one waits for it (forks.ts), else a new child of the current process. */
async function asChild<T>(rt: AdapterRuntime, argv: string[], fn: (self: Proc) => Promise<T>): Promise<T> {
  const parent = rt.host.current;
  let self: Proc;
  let transient = false;
  if (rt.reuseSelf) {
    self = rt.reuseSelf;
    self.state = 'R';
    self.stdio = rt.lineFds?.as(argv);
    rt.reuseSelf = undefined;
  } else if ((self = rt.forks.take(argv[0]) as Proc)) {
    // The last command of a subshell runs as the subshell's process (forks.ts).
    Object.assign(self, {
      argv,
      comm: (argv[0] ?? '').split('/').pop()!.slice(0, 15),
      reaps: true,
      state: 'R',
      rssBytes: 2_000_000,
      vszKb: 8_000,
      threads: 1,
      program: { kind: 'idle' },
      stdio: rt.lineFds,
    });
    transient = true;
  } else {
    rt.budget?.spawned();
    self = rt.host.kernel.spawn({
      parent,
      argv,
      transient: true,
      patch: {
        reaps: true,
        handlers: new Set(),
        state: 'R',
        rssBytes: 2_000_000,
        vszKb: 8_000,
        threads: 1,
        program: { kind: 'idle' },
        stdio: rt.lineFds,
      },
    });
    transient = true;
  }
  rt.host.current = self;
  try {
    return await fn(self);
  } finally {
    rt.host.current = parent;
    if (transient) rt.host.kernel.release(self);
  }
}

/**
 * `sh` or `bash` with the terminal as its input: an interactive shell, the learner's session until `exit` (dash's
 * prompt and words for sh outside busybox roots: shellkind.ts), with the exported variables and the directory.
 */
function interactive(rt: AdapterRuntime, name: string, ctx: Parameters<JB.Command['execute']>[1]): Result {
  const from = rt.currentSession as Session;
  const shell = shellKind(from.flavor, name);
  const patch = { reaps: true, handlers: new Set([2, 15]), state: 'S' as const, program: { kind: 'idle' as const } };
  const proc = rt.host.kernel.spawn({ parent: rt.host.current, argv: [name], patch });
  const env = { ...(ctx.exportedEnv ?? {}) };
  if (shell === 'bash') env.SHLVL = String((/^\d+$/.test(env.SHLVL ?? '') ? Number(env.SHLVL) : 0) + 1); // variables.c adjust_shell_level
  rt.pending = { ...from, proc, shell, env, exported: startMarks(Object.keys(env)), cwd: ctx.cwd, status: 0, lines: 0, script: false };
  const onExit = (status: number) => {
    rt.host.kernel.exit(proc, status);
    return shell === 'bash' ? 'exit\n' : '';
  };
  rt.pending.onExit = onExit;
  delete rt.pending.jobs;
  delete rt.pending.detach;
  return { stdout: '', stderr: '', exitCode: 0 };
}

/**
 * A just-bash command that runs a script (sh, bash), run: its output ordered and traced as one command's. What its
 * commands wrote to the terminal is out already; the rest (the shell's own errors) goes back to the line, whose
 * words the runtime then fixes (wording.ts).
 */
export async function runOrdered(rt: AdapterRuntime, c: JB.Command, args: string[], ctx: Ctx): Promise<JB.ExecResult> {
  const run = async (): Promise<JB.ExecResult> => {
    // A shell started from a shell is a process of its own (fork, execve), its `$$` and `$PPID` that child's and its
    // parent's. One already running as its process stays there: a container's command (runOnce), what env, nsenter or
    // unshare exec (execAs: the process's argv is this shell's), a subshell's last command.
    const cur = rt.host.current;
    const exec = rt.reuseSelf || cur.argv.join(' ').replace(/^\S*\//, '') === [c.name, ...args].join(' ');
    if (!exec && !args.length && rt.lineStdinTty && String(ctx.stdin) === '' && rt.currentSession) return interactive(rt, c.name, ctx) as JB.ExecResult;
    // `sh -c SCRIPT`: the script's pipes and redirections for its commands' /proc/PID/fd (linefds.ts).
    // Its commands whose stderr the script merges into their stdout (line.ts mergedOf), for stderr-merge.ts.
    const [fds, merged] = [rt.lineFds, rt.merged];
    const script = args[0] === '-c' ? args[1] : undefined;
    if (script !== undefined) {
      const sh = rt.bashFor(rt.currentSession?.root ?? 'host');
      rt.lineFds = new LineFds(sh, script, ctx.cwd, cur.tty);
      rt.merged = mergedOf(sh, script);
    }
    try {
      return await (exec ? c.execute(args, ctx) : asChild(rt, [c.name, ...args], () => c.execute(args, ctx)));
    } finally {
      [rt.lineFds, rt.merged] = [fds, merged];
    }
  };
  // At bash's prompt the shell's own words (its errors) reach the terminal as it ends, before the line's next command
  // (inOrder, worded there); dash and ash word a line's errors at its end (wording.ts), so there they wait.
  const r =
    rt.currentSession?.shell === 'bash'
      ? rt.inOrder(
          await rt.trace.within(
            () => '',
            () => run(),
          ),
        )
      : await rt.trace.child(() => run());
  return mergeOrdered(r, mergedHere(rt, c.name, args));
}

/** The terminal for a pager that ends a pipeline of the learner's line (CmdEnv.pagerTerminal). */
function pagerTerminal(rt: AdapterRuntime, argv: string[]): CmdEnv['pagerTerminal'] {
  const keyboard = rt.keyboard;
  const onOutput = rt.onOutput;
  if (!keyboard || !onOutput || rt.lineIsTty) return undefined;
  const key = argv.join(' ');
  if (!rt.pipelines.some((pl) => pl.toTerminal && pl.at(-1)?.join(' ') === key)) return undefined;
  return { stream: (chunk) => rt.write(chunk), keyboard };
}

/**
 * A command in a command substitution of a line at the terminal: its stdout goes back to the shell, its stderr to the
 * terminal as it ends, before the command the substitution is a word of (forks.ts; bash@bash-5.2.21:subst.c
 * command_substitute redirects only stdout into the pipe).
 */
function errorsOut<T extends Result>(rt: AdapterRuntime, r: T): T {
  if (!rt.forks.capturedAtTty || !r.stderr) return r;
  rt.write({ stream: 'stderr', text: r.stderr });
  return { ...r, stderr: '', ...(r.output && { output: r.output.filter((c) => c.stream !== 'stderr') }) };
}

/** One of the simulator's commands run as a just-bash command in `root` (shared.ts makes the command). */
export async function runAdapted(rt: AdapterRuntime, row: CommandRow, root: string, args: string[], ctx: Ctx): Promise<JB.ExecResult> {
  if (await rt.tick(ctx)) return { stdout: '', stderr: '', exitCode: 130 };
  const cmd = await loadCommand(row);
  const run = (fn: (self: Proc) => Promise<ExecResult>) => (cmd.noProcess ? fn(rt.host.current) : asChild(rt, [cmd.name, ...args], fn));
  const merged = mergedHere(rt, cmd.name, args);
  // What the commands it runs write is ordered against its result (ordered.ts).
  const r = await rt.trace.within(
    () => rt.host.early,
    () =>
      run(async (self) => {
        const execLine = async (line: string, opts?: { env?: Record<string, string>; stdin?: string; capture?: boolean }): Promise<ExecResult> => {
          const marks = new Set(Object.keys(opts?.env ?? ctx.exportedEnv ?? {}));
          // `capture`: the line's output comes back to the caller, none of it goes to the terminal meanwhile.
          const tty = rt.lineIsTty;
          if (opts?.capture) rt.lineIsTty = false;
          // The line's own pipes and redirections for its commands' /proc/PID/fd (linefds.ts).
          const fds = rt.lineFds;
          rt.lineFds = new LineFds(rt.bashFor(root), line, ctx.cwd, rt.host.current.tty);
          try {
            const r = await withExports(rt.bashFor(root), marks, () =>
              ctx.exec!(line, {
                cwd: ctx.cwd,
                env: opts?.env ?? Object.fromEntries(ctx.env),
                replaceEnv: opts?.env !== undefined,
                stdin: opts?.stdin,
                signal: rt.signal,
              }),
            );
            return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
          } finally {
            rt.lineIsTty = tty;
            rt.lineFds = fds;
          }
        };
        const env: CmdEnv = {
          host: rt.host,
          daemon: rt.daemon,
          self,
          session: rt.currentSession!,
          flavor: rootFlavor(rt.host, rt.daemon, root),
          stdin: decodeLatin1Utf8(ctx.stdin),
          stdinBytes: () => latin1Bytes(ctx.stdin),
          rootFs: (id) => rt.bashFor(id).fs,
          cwd: ctx.cwd,
          env: ctx.env,
          signal: rt.signal,
          columns: rt.columns,
          rows: rt.rows,
          tty: rt.lineIsTty,
          stdinTty: rt.lineStdinTty && String(ctx.stdin) === '',
          pipeline: peersOf(rt.pipelines, [cmd.name, ...args]),
          stderrToStdout: merged,
          stream: rt.lineIsTty && rt.onOutput ? (chunk) => rt.write(chunk) : undefined,
          keyboard: rt.lineIsTty && rt.lineStdinTty && String(ctx.stdin) === '' ? rt.keyboard : undefined,
          pagerTerminal: pagerTerminal(rt, [cmd.name, ...args]),
          fs: ctx.fs,
          readOnly: (path) => rt.readOnlyCheck.get(root)?.(path) ?? false,
          orig: ctx.origCommand
            ? async (a: string[]) => {
                const r = await ctx.origCommand!(a);
                return {
                  stdout: r.stdout,
                  stderr: r.stderr,
                  exitCode: r.exitCode,
                  stdoutKind: r.stdoutKind ?? ((r as { stdoutEncoding?: string }).stdoutEncoding === 'binary' ? 'bytes' : undefined),
                };
              }
            : undefined, // bytes stay bytes (head -c of /dev/urandom)
          exported: ctx.exportedEnv,
          exec: (line, opts) => execLine(line, opts),
          execAs: async (p, line, opts) => {
            // The shells here (childshell.ts) are no process of their own: they run as `p` through `current`.
            if (!/^(\/(usr\/)?bin\/)?(ba|a)?sh( |$)/.test(line)) rt.reuseSelf = p;
            try {
              return await rt.host.withCurrent(p, () => execLine(line, opts));
            } finally {
              rt.reuseSelf = undefined;
            }
          },
          readFile: (path) => ctx.fs.readFile(ctx.fs.resolvePath(ctx.cwd, path)),
          tick: async () => void (await rt.budget?.tick()),
          stopLine: (kind) => {
            rt.budget?.stop(kind);
            return { stdout: '', stderr: '', exitCode: 130 };
          },
          note: (text) => {
            const n = rt.locale === 'zh-cn' ? text.zh : text.en;
            if (!rt.notes.includes(n)) rt.notes.push(n);
          },
          history: () => rt.history(),
          enterSession: (s) => void (rt.pending = s),
          runAs: (p, fn) => rt.host.withCurrent(p, fn),
          withSignal: async (signal, fn) => {
            const saved = rt.signal;
            rt.signal = anySignal([saved, signal]);
            try {
              return await fn();
            } finally {
              rt.signal = saved;
            }
          },
        };
        if (!cmd.noProcess && !SHELL_BUILTINS.has(cmd.name) && tooBig([cmd.name, ...args], ctx.env)) return argListTooLong(rt.currentSession, cmd.name);
        const builtin = args[0] === '--help' ? builtinHelpOpt(cmd.name.replace(/^__cc_/, '')) : undefined;
        if (builtin) return builtin;
        const version = root === 'host' ? coreutilsVersion(cmd.name, args) : undefined;
        if (version) return { stdout: version, stderr: '', exitCode: 0 };
        const usage = args[0] === '--help' ? usageOf(cmd.name, env.flavor) : undefined;
        if (usage) return usage.stream === 'stdout' ? { stdout: usage.text, stderr: '', exitCode: 0 } : { stdout: '', stderr: usage.text, exitCode: 0 };
        return withinLineLimits(
          () => cmd.run(args, env),
          (kind) => rt.budget?.stop(kind),
        );
      }),
  );
  // The shell's trapped signals that came meanwhile (`kill -TERM $$`): their actions now (traprun.ts).
  const shell = rt.host.current;
  const trapped = shell.pendingTraps?.length
    ? await runPendingTraps(
        shell,
        r,
        (script) => ctx.exec!(script, { cwd: ctx.cwd, env: Object.fromEntries(ctx.env), replaceEnv: true, signal: rt.signal }),
        ctx.env,
        (status) => trapExit(rt.currentSession, shell, status),
      )
    : r;
  return pipedAsBytes(rt.inOrder(errorsOut(rt, mergeOrdered(trapped, merged))), piped(rt, [cmd.name, ...args])) as JB.ExecResult;
}

/**
 * A command's result as the next stage of its pipeline gets it: text all in ASCII is its own byte string, so it goes as
 * bytes. just-bash hands text on as a byte string it builds a character at a time (one string per byte: `ps aux | grep`
 * made ~450 KB of them per line, a tenth of a bench world's allocation), and bytes as they are; what either way reads
 * the same bytes.
 */
export function pipedAsBytes<T extends { stdout: string; stdoutKind?: 'text' | 'bytes'; stdoutEncoding?: string }>(r: T, piped: boolean): T {
  const text = r.stdoutKind ? r.stdoutKind === 'text' : r.stdoutEncoding !== 'binary';
  return piped && text && r.stdout.length > 64 && ASCII.test(r.stdout) ? { ...r, stdoutKind: 'bytes' } : r;
}
const ASCII = /^[\0-\x7f]*$/;

/** Whether `argv` writes into a later stage of its line's pipeline (pipedAsBytes). */
const piped = (rt: AdapterRuntime, argv: string[]) => rt.pipelines.length > 0 && peersOf(rt.pipelines, argv).length > 0;

/** One of just-bash's own commands (wrapped.ts) run as a command that runs as its own process in `root` (shared.ts makes the command). */
export async function runWrapped(rt: AdapterRuntime, name: string, root: string, args: string[], ctx: Ctx): Promise<JB.ExecResult> {
  const busybox = rootFlavor(rt.host, rt.daemon, root) === 'busybox';
  if (await rt.tick(ctx)) return { stdout: '', stderr: '', exitCode: 130 };
  const r = rt.inOrder(
    await rt.trace
      .within(
        () => rt.host.early,
        () =>
          asChild(rt, [name, ...args], async () => {
            if (tooBig([name, ...args], ctx.env)) return argListTooLong(rt.currentSession, name);
            const version = root === 'host' ? coreutilsVersion(name, args) : undefined;
            if (version) return { stdout: version, stderr: '', exitCode: 0 };
            rt.endless = undefined;
            takeDenied(rt.host);
            const run = (argv: string[]) =>
              name === 'find' && needsFindExt(argv, busybox)
                ? findExt(argv, { fs: ctx.fs, cwd: ctx.cwd, nowMs: rt.host.clock.nowMs, orig: (a) => ctx.origCommand!(a) })
                : ctx.origCommand!(wrappedArgs(name, argv));
            const r0 = (await slashedRun(name, args, { fs: ctx.fs, cwd: ctx.cwd, host: root === 'host', busybox }, run)) ?? (await run(args));
            const denied = takeDenied(rt.host);
            const word = (text: string) => wrappedWording(name, denyWording(text, name, ctx.cwd, denied), busybox, args);
            const chunks = (r0 as Result).output;
            const r = {
              ...r0,
              stderr: word(r0.stderr),
              ...(chunks && { output: chunks.map((c) => (c.stream === 'stderr' ? { ...c, text: word(c.text) } : c)) }),
            };
            if (rt.endless && WHOLE_READERS.has(name)) {
              rt.endless = undefined;
              return endlessReader(rt.host, rt.pipelines, rt.lineIsTty, rt.signal, r, [name, ...args]);
            }
            return r;
          }),
      )
      .then((r) => errorsOut(rt, mergeOrdered(r, mergedHere(rt, name, args)))),
  );
  return pipedAsBytes(r, piped(rt, [name, ...args])) as JB.ExecResult;
}
