/**
 * The parts of running one shell line that need no runtime state: quoting argv back into a line, the line's pipelines
 * as just-bash parses them, execve's argument limits, stdin's bytes, the line's abort signal, bash.exec with
 * just-bash's escapes turned into what bash does, the busy loop `while :; do :; done`, the words about failed writes.
 */
import { fullWriteError } from './devfull.ts';
import { startMarks } from './environ.ts';
import { mergedIn, type WordLike, wordText } from './argvmatch.ts';
import { parseLine, parsedStatements } from './lineparse.ts';
import { interactiveAbort } from './bashsem.ts';
export { redirectFull } from './devfull.ts';
import type * as JB from 'just-bash';
import type { Host } from '../host.ts';
import type { ExecResult } from '../api.ts';
import { LIMITS } from './limits.ts';
import { withExports, withPid, withStatus } from './childshell.ts';
import { keepTrailer, sessionState, withShellState } from './shellstate.ts';
import type { Session } from './types.ts';
import { bashTraceLine, restorePs4, xtraceEnv } from './xtrace.ts';
import { takeExit } from './exitline.ts';

/** Shell words as a line: quote what needs quoting. */
export function quoteArgv(argv: string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** Variables bash keeps for itself: not carried from one line to the next. */
const SHELL_VARS = new Set([
  '0',
  '?',
  'IFS',
  'OPTIND',
  'SHELLOPTS',
  'BASHOPTS',
  'OSTYPE',
  'MACHTYPE',
  'HOSTTYPE',
  'PWD',
  '_',
  'BASH_VERSION',
  'PPID',
  'UID',
  'EUID',
  'BASHPID',
  'RANDOM',
  'LINENO',
  'SECONDS',
]);

/** ctx.stdin is a latin1-shaped byte string; decode it as UTF-8 (just-bash's helper is not in its browser build). */
export function decodeLatin1Utf8(byteString: JB.ByteString): string {
  return new TextDecoder().decode(latin1Bytes(byteString));
}

/** ctx.stdin's bytes (each char of the latin1-shaped string is one byte). */
export function latin1Bytes(byteString: JB.ByteString): Uint8Array {
  const bytes = byteString as unknown as string;
  const arr = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) arr[i] = bytes.charCodeAt(i) & 255;
  return arr;
}

type Redir = { fd?: number | null; operator: string; target?: WordLike };
/** A multi-stage pipeline's commands as argv; `toTerminal`: its last command's stdout is the terminal (pipelinesOf). */
export type Pipeline = string[][] & { toTerminal?: boolean };

/**
 * The simple commands of each multi-stage pipeline on a line, as argv (for `ps | grep` showing
 * grep). Parsed by just-bash itself through `Bash.transform`, which its browser build also has.
 */
export function pipelinesOf(bash: JB.Bash, line: string): Pipeline[] {
  // No `|`, no pipeline of two stages: no parse (a busybox root's line has no other check that parses it).
  if (!line.includes('|')) return [];
  try {
    const ast = parseLine(bash, line);
    const out: Pipeline[] = [];
    for (const st of ast.statements)
      for (const pl of st.pipelines) {
        if (pl.commands.length < 2) continue;
        const stages: Pipeline = pl.commands.map((c) =>
          c.type === 'SimpleCommand' && c.name ? [wordText(c.name as WordLike), ...c.args.map((a) => wordText(a as WordLike))] : [],
        );
        // The last stage of a pipeline run in the foreground writes where the shell's stdout goes: the terminal, unless redirected.
        const last = pl.commands.at(-1);
        const redirs = ((last as { redirections?: unknown[] } | undefined)?.redirections ?? []) as Redir[];
        stages.toTerminal = !st.background && last?.type === 'SimpleCommand' && !redirs.some((r) => !r.operator.startsWith('<') && (r.fd ?? 1) === 1);
        out.push(stages);
      }
    return out;
  } catch {
    return [];
  }
}

/**
 * The commands on a line whose stderr goes where their stdout goes, as argv patterns (argvmatch.ts mergedIn), with the
 * bodies of the functions it calls: the line's and the session's (`functions`, shellstate.ts).
 */
export function mergedOf(bash: JB.Bash, line: string, functions?: ReadonlyMap<string, unknown>): string[][] {
  // No `&`: only a session's function the line may call can merge (its definition's `2>&1`); no parse otherwise.
  if (!/&/.test(line) && ![...(functions?.keys() ?? [])].some((f) => line.includes(f))) return [];
  try {
    return mergedIn(parseLine(bash, line).statements as unknown as Parameters<typeof mergedIn>[0], false, [], functions);
  } catch {
    return [];
  }
}

/**
 * A copy of a command's variables. forEach, not `new Map(env)`: just-bash hands a command a
 * guarded view of the map, whose iterators wrap every entry (a loop's commands each pay it).
 */
export function copyEnv(env: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  env.forEach((v, k) => {
    out.set(k, v);
  });
  return out;
}

/** just-bash's command that sets `$?` from the previous line (every line starts with it). */
export function statusCommand(): JB.Command {
  return { name: '__cc_status', execute: async (args) => ({ stdout: '', stderr: '', exitCode: Number(args[0] ?? 0) }) };
}

/** The commands after `argv` in its line's pipelines, if it is in one (they run at the same time). */
export function peersOf(pipelines: string[][][], argv: string[]): string[][] {
  for (const pl of pipelines) {
    const i = pl.findIndex((stage) => stage.join(' ') === argv.join(' '));
    if (i >= 0) return pl.slice(i + 1).filter((s) => s.length);
  }
  return [];
}

/**
 * One signal that aborts when any of `signals` does, with that signal's reason. Not AbortSignal.any: Node's keeps each
 * composite in WeakRefs and a FinalizationRegistry (lib/internal/abort_controller.js), and V8's scavenger holds a
 * WeakRef's target and a registry cell's holdings as strongly as any field, so every command's composite, its listeners and
 * the command state they close over outlived the command until the next full collection; each scavenge copied them
 * (~0.7 MB a fresh world in src/sim/bench.ts, issue #10). Plain listeners go with their signals: the sources are the
 * line's, and the listeners leave every source once one aborts.
 */
export function anySignal(signals: (AbortSignal | undefined)[]): AbortSignal {
  const list = signals.filter((x): x is AbortSignal => Boolean(x));
  if (list.length === 1) return list[0] as AbortSignal;
  const c = new AbortController();
  const first = list.find((s) => s.aborted);
  if (first) {
    c.abort(first.reason);
    return c.signal;
  }
  const onAbort = (e: Event) => {
    for (const s of list) s.removeEventListener('abort', onAbort);
    c.abort((e.target as AbortSignal).reason);
  };
  for (const s of list) s.addEventListener('abort', onAbort);
  return c.signal;
}

/**
 * bash.exec, with what escapes just-bash turned into what bash does: an abort (Ctrl-C, a
 * budget) ends the line with what it printed so far; a command word holding NUL bytes
 * (`source /proc/1/cmdline`: bash drops the NULs, bash-5.2:builtins/evalfile.c
 * _evalfile) is a path that does not exist.
 */
export async function execLine(
  bash: JB.Bash,
  session: Session,
  script: string,
  signal: AbortSignal | undefined,
  stdin?: string,
  status?: number,
): Promise<JB.BashExecResult> {
  const keep = { ...session.env, PWD: session.cwd };
  // The session's export marks, as the line's `export`, `export -n`, `unset` and `declare -x` leave them.
  const marks = new Set(session.exported ?? Object.keys(session.env));
  try {
    // $$ is the session's shell process (a shell started at the prompt, su's); $PPID its parent's when on the host.
    const ppid = session.proc.nspid.length === 1 ? session.proc.ppid : undefined;
    const r = await withPid(
      bash,
      session.proc.nspid.at(-1),
      () =>
        withExports(bash, marks, () =>
          withShellState(bash, sessionState(bash, session), session.env, () =>
            withStatus(bash, status, () =>
              // $0 is the shell's argv[0]: `-bash` for node1's login shell, `sh` or `/bin/sh` as a container's shell was started.
              bash.exec(script, {
                // PWD as the shell left it: the directory as spelled (`cd /var/run` stays /var/run, bash's logical
                // PWD), not just-bash's realpath of it, which it makes when the environment has none.
                env: { ...session.env, ...xtraceEnv(session, script), '0': session.proc.argv[0] ?? session.shell, PWD: session.cwd },
                cwd: session.cwd,
                replaceEnv: true,
                signal,
                ...(stdin === undefined ? {} : { stdin }),
              }),
            ),
          ),
        ),
      ppid,
    );
    r.env = restorePs4(r.env, session);
    // Inside a brace group (asGroup) the NUL-byte path comes back as the group's stderr rather than thrown.
    const nulText = /^ENOENT: path contains null byte, \w+ '([^']*)'\n?$/m.exec(r.stderr);
    if (nulText) {
      const name = (nulText[1] as string).replace(/\0/g, '').trimEnd();
      const last = r.stderr.endsWith(nulText[0]);
      r.stderr = r.stderr.replace(nulText[0], `${session.shell === 'sh' ? 'sh' : 'bash'}: ${name}: No such file or directory\n`);
      if (last && r.exitCode === 1) r.exitCode = 127;
    }
    // A line that does not parse runs nothing: the shell keeps its directory and variables.
    return r.exitCode === 2 && /^bash: (?:syntax error: Parse error at |line \d+: unexpected EOF while looking for matching )/m.test(r.stderr)
      ? { ...r, env: keep }
      : r;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (signal?.aborted) return { stdout: '', stderr: '', exitCode: 130, env: keep };
    const nul = /path contains null byte, \w+ '([^']*)'/.exec(msg);
    if (nul) {
      const name = (nul[1] as string).replace(/\0/g, '');
      return { stdout: '', stderr: `${session.shell === 'sh' ? 'sh' : 'bash'}: ${name}: No such file or directory\n`, exitCode: 127, env: keep };
    }
    throw e;
  } finally {
    if (session.exported) {
      session.exported.clear();
      for (const k of marks) session.exported.add(k);
    }
  }
}

/**
 * The line as one brace group, so a Ctrl-C keeps what it printed before: just-bash's top-level
 * statement loop drops the output of the statements before the one it aborts, while a group's
 * loop hands it on with the abort (measured: `echo a; sleep 2` aborted gives "", `{ echo a;
 * sleep 2\n}` gives "a\n"). Bash prints each command's output as it is written, so it is on the
 * screen whatever follows. A line that does not parse, or holds no command, is left as it is (its
 * error stays bash's).
 */
function asGroup(bash: JB.Bash, line: string): string {
  try {
    const statements = parsedStatements(bash, line) as { deferredError?: unknown }[];
    // A statement just-bash parsed with an error kept for when it runs (`echo )`) stays unwrapped too.
    if (!statements.length || statements.some((st) => st.deferredError)) return line;
  } catch {
    return line;
  }
  return `{ ${line}\n}`;
}

/**
 * A line typed at bash's prompt, with `status` as its `$?` (withStatus): run as one group
 * (asGroup). Inside a group just-bash reports an expansion error (`$((1/0))`, `set -u`) without
 * the `bash: ` it puts before it at the top; such an error ends the group, so it is the last line.
 */
export async function execTopLine(
  bash: JB.Bash,
  session: Session,
  status: number,
  line: string,
  signal: AbortSignal | undefined,
  stdin?: string,
): Promise<JB.BashExecResult> {
  const script = session.shell === 'bash' ? asGroup(bash, line) : line;
  // An interactive dash: its own errors worded and placed by notfound.ts, numbered from the line's first (Session.lines);
  // an interactive bash's "command not found" and cd's failure in their place among the line's output the same way.
  const mark =
    session.shell === 'dash' ? `__cc_sh dash ${(session.lines ?? 1) - line.split('\n').length + 1}; ` : session.shell === 'bash' ? '__cc_sh bashi 1; ' : '';
  const trailer = keepTrailer(session, line);
  // `$?` set in the interpreter's state (childshell.ts withStatus), or, where more than `$?` and `$_` may be read at the
  // line's start, by the command `__cc_status N` run first as before: its PIPESTATUS, and under `set -e` its failure.
  const head = status === 0 && !line.includes('PIPESTATUS') && !session.shellState?.functions.size ? '' : `__cc_status ${status}; `;
  const r = interactiveAbort(bash, await execLine(bash, session, mark + head + script + trailer, signal, stdin, head ? undefined : status), session);
  // An `exit` ended the shell (exitline.ts): its state as the exit began; world.ts then leaves the shell.
  const exited = takeExit(bash);
  if (exited) [r.env, session.exiting] = [{ ...exited.env, PWD: exited.cwd }, r.exitCode];
  if (r.stderr.includes('+ __cc_')) r.stderr = withoutOwnTrace(r.stderr, Boolean(trailer));
  if (xtraceEnv(session, line).PS4 && r.stderr.includes('+ ')) r.stderr = r.stderr.replace(/^\++ .*$/gm, bashTraceLine);
  if (script !== line) r.stderr = r.stderr.replace(/^(syntax error: |division by 0|[^\s:]+: unbound variable$)(.*\n?)$(?![\s\S])/m, 'bash: $1$2');
  return r;
}

/**
 * `set -x` traces what the line runs, the simulator's own words around the learner's too: those lines out (the
 * `__cc_*` commands and assignments, `declare -F`, an eval xtrace-marks.ts marked); `__cc_bi`, `__cc_enable`, `__cc_umask`, `__cc_trap` as typed.
 */
function withoutOwnTrace(stderr: string, trailer: boolean): string {
  const typed = stderr.replace(/^(\++) __cc_(?:bi |(?=(?:enable|umask|trap)\b))/gm, '$1 ');
  const out = typed.replace(/^\++ (?:(?:unset )?__cc_\w+(?:[= ].*)?|eval '__cc_xtm "\$\?" "\$-" in;'(?: .*)?)\n/gm, '');
  const i = out.lastIndexOf('+ declare -F\n');
  return trailer && i >= 0 ? out.slice(0, i) + out.slice(i + '+ declare -F\n'.length) : out;
}

/** The shell spins on a CPU until Ctrl-C (virtual mode: the bound); its cgroup is charged and throttled. */
export async function busyLoop(host: Host, session: Session, signal?: AbortSignal): Promise<JB.BashExecResult> {
  const p = session.proc;
  const before = p.program;
  p.program = { kind: 'cpuhog' };
  p.state = 'R';
  const ended = () => (p as { state: string }).state === 'Z';
  await host.waitUntil(ended, undefined, signal);
  if (!ended()) {
    p.program = before;
    p.state = 'S';
  }
  return { stdout: '', stderr: '', exitCode: 130, env: { ...session.env, PWD: session.cwd } };
}

/**
 * What the shell says after a line about writes that failed: bash `bash: PATH: Reason` (or
 * `bash: echo: write error: …`); busybox ash `sh: can't create PATH: Reason`.
 */
export function writeErrorText(shell: Session['shell'], errors: { path: string; reason: string }[], fullWriters: string[] = []): string {
  const writers = [...fullWriters];
  return errors
    .map(({ path, reason }) =>
      path === '/dev/full' && writers[0] === ''
        ? fullWriteError(writers.shift())
        : shell === 'sh'
          ? reason.startsWith('write error')
            ? `sh: ${reason}\n`
            : `sh: can't create ${path}: ${reason}\n`
          : path === '/dev/full' && writers.length
            ? fullWriteError(writers.shift())
            : reason.startsWith('write error')
              ? `bash: echo: ${reason}\n`
              : `bash: ${path}: ${reason}\n`,
    )
    .join('');
}

/** A session's variables from the interpreter's: all but bash's own (SHELL_VARS). */
export function sessionVars(vars: Iterable<[string, string]>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of vars) if (!SHELL_VARS.has(k) && !k.startsWith('__cc_')) env[k] = v;
  return env;
}

/** What execve's E2BIG looks like from the shell (exit status 126). */
export function argListTooLong(session: Session | undefined, name: string): ExecResult {
  return { stdout: '', stderr: `${session?.shell === 'sh' ? 'sh' : 'bash'}: ${name}: Argument list too long\n`, exitCode: 126 };
}

/**
 * The session's export marks, from its variables the first time: execLine hands them to just-bash as the line's own
 * (childshell.ts withExports), so no `export NAME…` runs before the line (it cost each line ~250 KB of allocation).
 */
export function exportMarks(session: Session): void {
  session.exported ??= startMarks(Object.keys(session.env));
}

/**
 * The stderr and status of a line a limit stopped (`limit`) or Ctrl-C did (no `limit`): the
 * foreground command got SIGINT, bash reports 130 and says nothing more.
 */
export function stoppedLine(
  stderr: string,
  limit: { kind: string; line: string; fn?: string } | undefined,
  shell: Session['shell'],
  caught?: number,
): { stderr: string; exitCode: number } {
  if (!limit) return { stderr: stderr.replace(/^bash: execution aborted\n/m, ''), exitCode: caught ?? 130 };
  if (limit.line) stderr = stderr.replace(`${limit.line}\n`, '');
  stderr = stderr.replace(/^bash: execution aborted\n/m, '');
  // bash's own words when FUNCNEST stops a function (bash-5.2:execute_cmd.c, execute_function):
  // "%s: maximum function nesting level exceeded (%d)".
  if (limit.kind === 'depth') stderr += `${shell === 'sh' ? 'sh' : 'bash'}: ${limit.fn}: maximum function nesting level exceeded (${LIMITS.callDepth})\n`;
  return { stderr, exitCode: limit.kind === 'depth' ? 1 : 130 };
}

/** A command's output in the order written: docker's pull progress (host.early) before the rest; `consume`: written now, so not again. */
export function chunksOf(host: Host, r: { stdout: string; stderr: string }, consume = true): { stream: 'stdout' | 'stderr'; text: string }[] {
  const early = host.early && r.stderr.startsWith(host.early) ? host.early : '';
  if (early && consume) host.early = '';
  return [
    { stream: 'stderr' as const, text: early },
    { stream: 'stdout' as const, text: r.stdout },
    { stream: 'stderr' as const, text: r.stderr.slice(early.length) },
  ];
}
