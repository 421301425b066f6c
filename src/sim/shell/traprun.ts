/**
 * A shell runs the actions of the trapped signals that came while a command ran, once that command has ended and
 * before the next one (bash@bash-5.2.21:trap.c run_pending_traps, called between commands from execute_cmd.c and after
 * a builtin such as `kill $$`; busybox@1_36_1:shell/ash.c dotrap after each command in evaltree). So
 * `trap 'echo got TERM' TERM; kill -TERM $$; echo after $?` prints "got TERM", then "after 0": `$?` in and after the
 * action is the status of the command before it (run_pending_traps saves and restores last_command_exit_value).
 *
 * The action runs in the shell (trap.c run_pending_traps → parse_and_execute), so its assignments and `unset`s are the
 * shell's: `trap 'x=5' USR1; kill -USR1 $$; echo $x` prints 5 (`vars`, the command's variables, take them).
 * Simulation limits, said here: a signal's action runs as a nested command list of the line, and only after one of the
 * simulator's commands (kill, sleep, docker…); a signal that comes while the shell runs one of just-bash's own commands
 * waits for the next of ours. just-bash gives a command no way to end its interpreter or move its directory (its
 * runCommand turns what a command throws into "NAME: message", all but its limit, abort and security errors; ctx.exec
 * is a fresh Bash.exec), so: an `exit` in the action ends the prompt's shell (trapExit: the line is abandoned as for
 * its own SIGINT) or a script's shell (runScript: its script stopped under a signal of its own) before the next
 * command, the command then under way finishing first; a `cd` in it moves the prompt's shell for its next line
 * (adopt: PWD), while the rest of the line still runs where it was. An EXIT trap's `exit` does set the
 * status the shell leaves with (exitTrap here, childshell.ts exitTrap).
 */
import type * as JB from 'just-bash';
import type { Proc } from '../kernel/types.ts';
import { parsedStatements } from './lineparse.ts';
import type { Session } from './types.ts';
import { SIGNAL_TEXT } from './jobs.ts';

type Chunk = { stream: 'stdout' | 'stderr'; text: string };
type Result = { stdout: string; stderr: string; exitCode: number; output?: Chunk[] | undefined };

/** Names the shell keeps for itself, which an action's nested run does not hand back. */
const OWN = /^(?:_|PWD|OLDPWD|SHELLOPTS|BASHOPTS|__(?:cc|CC)_\w*)$/;

/**
 * The action's variables as the shell's: each name it set or unset (`vars`: the command's live variables); and its
 * `cd`, as PWD and OLDPWD, which the prompt's next line starts from (runtime.ts takes the line's PWD).
 */
function adopt(vars: Map<string, string>, after: Record<string, string>): void {
  for (const k of [...vars.keys()]) if (/^[A-Za-z_]\w*$/.test(k) && !OWN.test(k) && !(k in after)) vars.delete(k);
  for (const [k, v] of Object.entries(after)) if (/^[A-Za-z_]\w*$/.test(k) && !OWN.test(k) && vars.get(k) !== v) vars.set(k, v);
  if (after.PWD && after.PWD !== vars.get('PWD')) for (const k of ['OLDPWD', 'PWD']) if (after[k]) vars.set(k, after[k] as string);
}

/** Set by the line of a trap action that ran to its end: an action without it left by `exit` (actionExit). */
const DONE = '__cc_trap_done';

/**
 * The line that runs a trap action in the shell, `$?` in it `status` (line.ts statusCommand); `actionExit` reads
 * its result. bash runs the action in the shell itself (trap.c run_pending_traps and run_exit_trap →
 * parse_and_execute), so an `exit` in it is the shell's own exit.
 */
export const actionLine = (status: number, action: string) => `__cc_status ${status}; ${action}\n${DONE}=1`;

/** The status the action's `exit` gave (bash-5.2.21:trap.c run_exit_trap: EXITPROG → last_command_exit_value), or undefined. */
export function actionExit(t: { exitCode: number; env?: Record<string, string> | undefined }): number | undefined {
  return t.env && !(DONE in t.env) ? t.exitCode : undefined;
}

/**
 * Runs `shell`'s pending traps after the command that returned `r`, their output after its output. An `exit` in an
 * action is the shell's (`exited` gets its status): the traps still pending are left, as the shell ends there.
 */
export async function runPendingTraps<T extends Result>(
  shell: Proc,
  r: T,
  exec: (script: string) => Promise<Result & { env?: Record<string, string> }>,
  vars?: Map<string, string>,
  exited?: (status: number) => void,
): Promise<T> {
  let out: T = r;
  while (shell.pendingTraps?.length) {
    const [sig, ...rest] = shell.pendingTraps as [number, ...number[]];
    shell.pendingTraps = rest.length ? rest : undefined;
    const action = shell.traps?.get(sig);
    if (!action) continue;
    const t = await exec(actionLine(r.exitCode, action));
    if (vars && t.env) adopt(vars, t.env);
    const status = exited && actionExit(t);
    const chunks: Chunk[] = [
      { stream: 'stdout', text: t.stdout },
      { stream: 'stderr', text: t.stderr },
    ];
    out = { ...out, stdout: out.stdout + t.stdout, stderr: out.stderr + t.stderr, ...(out.output && { output: [...out.output, ...chunks] }) };
    if (status !== undefined) {
      exited?.(status);
      break;
    }
  }
  return out;
}

/**
 * A trap action's `exit` in the shell at the prompt (`shell`, the session's process): the line ends after the command
 * the action ran behind (sigint.ts: the shell marked as interrupted abandons the line before its next command), and
 * the shell leaves with `status` (world.ts exitedMidLine), without the "exit" an interactive `exit` prints: bash runs
 * the action not interactive (trap.c run_pending_traps, parse_and_execute with SEVAL_NONINT; builtins/exit.def
 * exit_or_logout prints only `if (interactive)`). `trap 'exit 4' TERM; kill -TERM $$; echo after` prints nothing.
 * A script's shell (runScript) stops the same way, with its status. Returns whether either took the exit.
 */
export function trapExit(session: Session | undefined, shell: Proc, status: number): boolean {
  // A script's shell (runScript): it stops before its next command (sigint.ts checkpoint), with that status.
  if (shell.trapExit) shell.trapExit.status = status;
  if (!session || session.proc !== shell || session.script) return Boolean(shell.trapExit);
  [session.exiting, session.exitQuiet, shell.interrupted] = [status, true, true];
  return true;
}

/**
 * Runs the script of `self`, a shell started with one (childshell.ts: `bash -c`, `sh -c`, a script file), where a trap
 * action's `exit` may end it (trapExit): the script runs under a signal of its own, aborted before its next command,
 * and its result is then the exit's status (bash@bash-5.2.21:trap.c run_pending_traps → exit_builtin → exit_shell;
 * busybox@1_36_1:shell/ash.c dotrap → evalstring → exitshell), without just-bash's words about the abort.
 * `bash -c 'trap "exit 4" TERM; kill -TERM $$; echo after'` prints nothing and exits 4.
 */
export async function runScript<T extends Result>(
  self: Proc | undefined,
  outer: AbortSignal | undefined,
  fn: (signal: AbortSignal | undefined) => Promise<T>,
): Promise<T> {
  if (!self) return fn(outer);
  const stop = new AbortController();
  const onAbort = () => stop.abort(outer?.reason);
  if (outer?.aborted) onAbort();
  else outer?.addEventListener('abort', onAbort, { once: true });
  const saved = self.trapExit;
  const own = { stop } as NonNullable<Proc['trapExit']>;
  self.trapExit = own;
  try {
    const r = await fn(stop.signal);
    if (own.status === undefined) return r;
    const stderr = r.stderr.replace(/(?:bash: )?execution aborted\n$/, '');
    // just-bash's byte count of the result's stderr follows its text (its pipeline checks the two agree).
    const acc = (r as { internalOutputAccounting?: { stdout: number; stderr: number } }).internalOutputAccounting;
    const counted = acc ? { internalOutputAccounting: { ...acc, stderr: new TextEncoder().encode(stderr).length } } : {};
    return { ...r, stderr, ...counted, exitCode: own.status };
  } finally {
    outer?.removeEventListener('abort', onAbort);
    self.trapExit = saved;
  }
}

/**
 * A script that sets a trap, as one brace group: just-bash's top-level statement loop drops the output of the
 * statements before the one it aborts, a group's hands it on (line.ts asGroup), so what the script printed before its
 * trap's `exit` stays. A script that does not parse is left as it is (its error stays the shell's).
 */
export function trapGroup(bash: JB.Bash, script: string): string {
  if (!/\btrap\b/.test(script)) return script;
  try {
    const statements = parsedStatements(bash, script) as { deferredError?: unknown }[];
    if (!statements.length || statements.some((st) => st.deferredError)) return script;
  } catch {
    return script;
  }
  return `{ ${script}\n}`;
}

/** What `exitTrap` needs of the shell runtime (runtime.ts ShellRuntime). */
interface LineRuntime {
  onOutput: ((chunk: Chunk) => void) | undefined;
  streamed: { stdout: string; stderr: string };
  log: Chunk[];
  write(chunk: Chunk): void;
  run(session: Session, line: string): Promise<Result>;
}

/**
 * `exit` typed at an interactive shell with an EXIT trap: bash's exit builtin prints "exit" (a shell below the login
 * shell: bash@bash-5.2.21:builtins/exit.def exit_or_logout), then exit_shell runs the trap (trap.c run_exit_trap) with
 * `$?` the status it exits with. Returns the word written, which the session's own end text then leaves out, and the
 * status the shell leaves with.
 */
export async function exitTrap(
  s: Session,
  status: number,
  login: boolean,
  onOutput: LineRuntime['onOutput'],
  rt: () => Promise<LineRuntime>,
): Promise<{ word: string; status: number }> {
  const action = s.shellState?.traps?.get('EXIT');
  if (!action) return { word: '', status };
  s.shellState?.traps?.delete('EXIT');
  const r = await rt();
  Object.assign(r, { onOutput, streamed: { stdout: '', stderr: '' }, log: [] });
  const word = s.shell === 'bash' && !login && !s.exitQuiet ? 'exit\n' : '';
  if (word) r.write({ stream: 'stderr', text: word });
  const t = await r.run(s, `__cc_status ${status}; ${action}`);
  // An `exit` in the action ends the line there (exitline.ts marks it, as at the prompt): the status the shell leaves
  // with (run_exit_trap, as for `bash -c`: childshell.ts).
  const exited = s.exiting;
  s.exiting = undefined;
  for (const c of [
    { stream: 'stdout' as const, text: t.stdout },
    { stream: 'stderr' as const, text: t.stderr },
  ])
    if (c.text) r.write(c);
  return { word, status: exited ?? status };
}

/**
 * The shell of `sessions` (the last) leaves with `status` (`exit`, `logout`): its EXIT trap, then the shell below it,
 * which shows the words of the shell left; the login shell stays (the site has nowhere to log out to), `$?` as it was.
 */
export async function leaveShell(sessions: Session[], exiting: number, onOutput: LineRuntime['onOutput'], rt: () => Promise<LineRuntime>): Promise<Result> {
  const s = sessions.at(-1) as Session;
  const { word, status } = await exitTrap(s, exiting, sessions.length === 1, onOutput, rt);
  if (sessions.length === 1) return { stdout: '', stderr: '', exitCode: status };
  sessions.pop();
  const said = s.onExit(status);
  const text = said.slice(s.exitQuiet && said.startsWith('exit\n') ? 5 : word.length);
  (sessions.at(-1) as Session).status = status;
  return { stdout: '', stderr: text, exitCode: status };
}

/**
 * A line whose `exit` ended its shell (`Session.exiting`, exitline.ts): `r`, what the line printed first, then the shell
 * leaves as after a line of `exit` alone; `prior`: the shell's `$?` before the line, which a login shell keeps.
 */
export async function exitedMidLine<T extends Result>(
  sessions: Session[],
  prior: number,
  r: T,
  onOutput: LineRuntime['onOutput'],
  rt: () => Promise<LineRuntime>,
): Promise<T> {
  const s = sessions.at(-1) as Session;
  const status = s.exiting ?? r.exitCode;
  [s.exiting, s.status] = [undefined, prior];
  const left = await leaveShell(sessions, status, onOutput, rt);
  s.exitQuiet = undefined;
  return { ...r, stderr: r.stderr + left.stderr, exitCode: status };
}

/**
 * What `parent` says of a shell it started (`child`, its foreground job) that a signal killed, and its `$?` 128+N:
 * bash@bash-5.2:jobs.c notify_of_job_status prints j_strsignal (glibc's strsignal) for a foreground job, but not for
 * SIGINT or SIGPIPE. A shell another program started (docker exec's) is that program's business: nothing.
 */
export function shellKilled(child: Proc, parent: Session): string {
  const sig = child.killedBy;
  if (!sig || child.ppid !== parent.proc.pid || parent.shell !== 'bash') return '';
  parent.status = 128 + sig;
  return sig === 2 || sig === 13 ? '' : `${SIGNAL_TEXT[sig] ?? `Unknown signal ${sig}`}\n`;
}
