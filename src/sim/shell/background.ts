/**
 * Lines with top-level `&` in the host's bash: the line runs statement by statement; each one
 * ended by `&` becomes a job (jobs.ts) with a real host process, bash prints `[N] PID` on stderr
 * (bash-5.2:jobs.c describe_pid: "[%d] %ld\n") and `$!` is that PID for what follows.
 *
 * What a job can be, modelled honestly: `sleep N` (a process that ends N simulated seconds
 * later), `yes > /dev/null` and `while :; do :; done` (a process that spins on a CPU until
 * killed), `tail -f /dev/null` (waits forever). Anything else runs to its end at once, as the
 * job's process, its output shown, and is reported Done at the prompt after the next line.
 */
import type * as JB from 'just-bash';
import type { Host } from '../host.ts';
import type { Proc, Program } from '../kernel/types.ts';
import { JobTable } from './jobs.ts';
import { execLine, sessionVars } from './line.ts';
import { parseLine } from './lineparse.ts';
import { sleepSeconds } from './commands/sleep.ts';
import { parseNice } from './niceargs.ts';
import { niceOf, setNice } from '../kernel/sched.ts';
import type { Session } from './types.ts';
import { attached } from '../attached.ts';

type Statement = JB.ScriptNode['statements'][number];
type WordLike = { parts: { type: string; value?: string; parts?: WordLike['parts'] }[] };

/** What the runtime lends to a line with jobs. */
export interface BackgroundHooks {
  host: Host;
  bash: JB.Bash;
  session: Session;
  signal: AbortSignal | undefined;
  /** Runs a script in the shell with the given variables, directory and `$?` (the runtime's execLine). */
  exec: (script: string, env: Record<string, string>, cwd: string, status: number) => Promise<JB.BashExecResult>;
  /** Writes stderr in order on the terminal; returns what is left for the line's result. */
  print: (stderr: string) => string;
  /** Runs `fn` with `p` as the process of the first command it starts (the job's own PID). */
  asJob: <T>(p: Proc, fn: () => Promise<T>) => Promise<T>;
}

/** What a line with `&` borrows from the runtime (runtime.ts): its shell, its ordered output, its way of running as a process. */
export function jobHooks(
  rt: { host: Host; inOrder<T extends JB.ExecResult>(r: T): T; withSelf<T>(p: Proc, fn: () => Promise<T>): Promise<T> },
  bash: JB.Bash,
  session: Session,
  signal: AbortSignal | undefined,
): BackgroundHooks {
  const exec = (script: string, env: Record<string, string>, cwd: string, status: number) =>
    execLine(bash, { ...session, env, cwd }, `__cc_status ${status}; ${script}`, signal);
  return {
    host: rt.host,
    bash,
    session,
    signal,
    exec,
    print: (text) => rt.inOrder({ stdout: '', stderr: text, exitCode: 0 }).stderr,
    asJob: (p, fn) => rt.withSelf(p, fn),
  };
}

/** Serializes statements through just-bash's own printer (Bash.transform with the AST swapped in). */
const printers = attached<JB.Bash, { ast: JB.ScriptNode | undefined }>('printers');
function printStatements(bash: JB.Bash, statements: Statement[]): string {
  let slot = printers.get(bash);
  if (!slot) {
    const s: { ast: JB.ScriptNode | undefined } = { ast: undefined };
    bash.registerTransformPlugin({ name: 'cc-print', transform: (c) => ({ ast: s.ast ?? c.ast }) });
    printers.set(bash, s);
    slot = s;
  }
  slot.ast = { type: 'Script', statements: statements.map((st) => ({ ...st, background: false })) };
  try {
    return bash.transform('true').script;
  } finally {
    slot.ast = undefined;
  }
}

/**
 * Before a host line runs: `$!` as the shell has it; the line's statements, or undefined when none
 * of them ends with `&` (or it does not parse).
 */
export function backgroundStatements(bash: JB.Bash, session: Session, line: string): Statement[] | undefined {
  if (session.jobs) setLastPid(bash, session.jobs.lastPid);
  // `&&`, `>&2`, `&>`, `|&` are not `&`: such lines cost no second parse.
  if (!line.includes('&') || !line.replace(/&&|[<>]&|&>|\|&/g, '').includes('&')) return undefined;
  try {
    const ast = parseLine(bash, line);
    return ast.statements.some((s) => s.background) ? ast.statements : undefined;
  } catch {
    return undefined;
  }
}

/** A word's text when it has no expansions (literal, quoted, escaped); undefined otherwise. */
function literal(w: WordLike | null | undefined): string | undefined {
  if (!w) return undefined;
  let out = '';
  for (const p of w.parts) {
    if (p.type === 'Literal' || p.type === 'SingleQuoted' || p.type === 'Escaped') out += p.value ?? '';
    else if (p.type === 'DoubleQuoted' && p.parts) {
      const inner = literal({ parts: p.parts });
      if (inner === undefined) return undefined;
      out += inner;
    } else return undefined;
  }
  return out;
}

/** The argv of a statement that is one plain simple command with literal words, and its redirections. */
function simpleArgv(st: Statement): { argv: string[]; redirects: { op: string; fd: number | null; target: string | undefined }[] } | undefined {
  if (st.pipelines.length !== 1) return undefined;
  const pl = st.pipelines[0]!;
  if (pl.commands.length !== 1 || pl.negated) return undefined;
  const c = pl.commands[0]!;
  if (c.type !== 'SimpleCommand' || !c.name || c.assignments.length) return undefined;
  const words = [c.name, ...c.args].map((w) => literal(w as WordLike));
  if (words.some((w) => w === undefined)) return undefined;
  const redirects = c.redirections.map((r) => ({ op: r.operator, fd: r.fd, target: r.target.type === 'Word' ? literal(r.target as WordLike) : undefined }));
  return { argv: words as string[], redirects };
}

/** bash's text of `while :; do :; done` (bash-5.2:print_cmd.c print_until_or_while: the body indented, one command a line). */
const BUSY = /^while (:|true);?\s+do\s+(:|true);?\s+done$/;

/** What a background statement runs as: a modelled program, or undefined (run to its end at once). */
type Model = { argv: string[]; program: Program; text: string; subshell?: boolean; nice?: number; warning?: string };
function modelOf(st: Statement, text: string, host: Host, shell: Proc): Model | undefined {
  const flat = text.replace(/\n/g, ' ').replace(/\s+/g, ' ').trim();
  const busy = BUSY.exec(flat);
  if (busy) return { argv: [], program: { kind: 'cpuhog' }, text: `while ${busy[1]}; do\n    ${busy[2]};\ndone`, subshell: true };
  const simple = simpleArgv(st);
  if (!simple) return undefined;
  const toNull = simple.redirects.some((r) => (r.op === '>' || r.op === '&>' || r.op === '>|') && (r.fd === null || r.fd === 1) && r.target === '/dev/null');
  return modelArgv(simple.argv, toNull, text, host, shell);
}

function modelArgv(argv: string[], toNull: boolean, text: string, host: Host, shell: Proc): Model | undefined {
  const [name, ...args] = argv;
  const simple = { argv };
  // `nice [-n N] sleep 60 &`: nice execs the command with the niceness set (commands/nice.ts), or warns and runs it as it was.
  if (name === 'nice') {
    const n = parseNice(args);
    if ('out' in n || !n.rest.length) return undefined;
    const inner = modelArgv(n.rest, toNull, text, host, shell);
    if (!inner) return undefined;
    const probe = { ...shell, nice: niceOf(shell) };
    const denied = setNice(shell, probe, probe.nice + n.adj);
    return { ...inner, nice: probe.nice, ...(denied ? { warning: 'nice: cannot set niceness: Permission denied\n' } : {}) };
  }
  if (name === 'sleep') {
    const s = sleepSeconds(args);
    if (s === undefined) return undefined;
    return { argv: simple.argv, program: { kind: 'sleep', untilMs: Number.isFinite(s) ? host.clock.nowMs + Math.round(s * 1000) : Infinity }, text };
  }
  if (name === 'yes' && toNull) return { argv: simple.argv, program: { kind: 'cpuhog' }, text };
  if (name === 'tail' && args.length === 2 && args[0] === '-f' && args[1] === '/dev/null') return { argv: simple.argv, program: { kind: 'idle' }, text };
  return undefined;
}

/** Runs a line whose top-level statements include some ended by `&`. */
export async function runWithJobs(h: BackgroundHooks, statements: Statement[]): Promise<JB.BashExecResult> {
  const { host, session } = h;
  const k = host.kernel;
  session.jobs ??= new JobTable(k);
  const table = session.jobs;
  let env = session.env;
  let cwd = session.cwd;
  let status = session.status;
  let stdout = '';
  let stderr = '';
  const fg: Statement[] = [];
  const flush = async () => {
    if (!fg.length) return;
    const r = await h.exec(printStatements(h.bash, fg.splice(0)), env, cwd, status);
    stdout += r.stdout;
    stderr += r.stderr;
    status = r.exitCode;
    env = sessionVars(Object.entries(r.env));
    cwd = r.env.PWD ?? cwd;
  };
  for (const st of statements) {
    if (h.signal?.aborted) break;
    if (!st.background) {
      fg.push(st);
      continue;
    }
    await flush();
    if (h.signal?.aborted) break;
    const text = printStatements(h.bash, [st]);
    const shown = text.replace(/__cc_(jobs|wait|fg|bg|help|ulimit)\b/g, '$1');
    const model = modelOf(st, text, host, session.proc);
    const simple = simpleArgv(st);
    // bash forks: the child is a copy of the shell until it execs the command (a subshell stays bash).
    const argv = model ? (model.subshell ? [...session.proc.argv] : model.argv) : simple ? simple.argv : [...session.proc.argv];
    const proc = k.spawn({
      parent: session.proc,
      argv,
      ...(argv[0] === session.proc.argv[0] ? { comm: session.proc.comm } : {}),
      patch: {
        job: true,
        handlers: new Set(),
        reaps: false,
        state: model?.program.kind === 'cpuhog' ? 'R' : 'S',
        program: model?.program ?? { kind: 'idle' },
        rssBytes: 1_000_000,
        vszKb: 8_000,
        threads: 1,
        env: { ...env },
        ...(model?.nice !== undefined ? { nice: model.nice } : {}),
      },
    });
    const job = table.add(proc, model?.text ?? shown, cwd);
    stderr += h.print(`[${job.id}] ${proc.pid}\n`);
    setLastPid(h.bash, proc.pid);
    if (model?.warning) stderr += h.print(model.warning);
    status = 0;
    if (model) continue;
    // Not modelled: it runs to its end now, as the job's process, in a copy of the shell.
    const r = await h.asJob(proc, () => h.exec(text, env, cwd, status));
    stdout += r.stdout;
    stderr += r.stderr;
    if (proc.state !== 'Z') k.exit(proc, r.exitCode & 255);
    job.hold = true;
  }
  await flush();
  return { stdout, stderr, exitCode: status, env: { ...env, PWD: cwd } };
}

/** `$!` in the lines to come: just-bash reads it from its interpreter state (lastBackgroundPid), which each exec copies. */
function setLastPid(bash: JB.Bash, pid: number): void {
  const state = (bash as unknown as { state?: { lastBackgroundPid: number } }).state;
  if (state) state.lastBackgroundPid = pid;
}

/** The host line with bash's job builtins and ulimit renamed to commands/jobs.ts's, ulimit.ts (just-bash's own `wait` does nothing, it has no ulimit; no /bin/jobs may appear). */
export function renameJobBuiltins(line0: string): string {
  const line = line0.replace(/(^|[;&|(]\s*|\b(?:then|do|else)\s+)(jobs|wait|fg|bg)(?=\s|$|[;&|)])/g, '$1__cc_$2');
  // ulimit not inside quotes: `docker run alpine sh -c 'ulimit -n; ulimit -a'` is a child shell's script, which
  // notfound.ts renames for its own shell (busybox ash's ulimit in alpine).
  let masked = '';
  let q = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (q) {
      if (ch === q) q = '';
      else if (q === '"' && ch === '\\') {
        masked += '\0';
        i++;
      }
      masked += '\0';
      continue;
    }
    if (ch === '\\') {
      masked += '\0\0';
      i++;
      continue;
    }
    if (ch === "'" || ch === '"') q = ch;
    masked += ch;
  }
  let out = '';
  let at = 0;
  for (const m of masked.matchAll(/(^|[;&|(]\s*|\b(?:then|do|else)\s+)(ulimit)(?=\s|$|[;&|)])/g)) {
    const start = (m.index as number) + (m[1] as string).length;
    out += `${line.slice(at, start)}__cc_`;
    at = start;
  }
  return out + line.slice(at);
}
