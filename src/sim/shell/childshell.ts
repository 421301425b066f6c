/**
 * `sh` and `bash` started from a shell: a new shell gets the environment its parent exports (the
 * parent's exported variables and the NAME=VALUE words before the command), every one of them
 * exported again, and nothing of the parent's unexported variables. A shell that finds no PATH in
 * its environment sets its own default, as a shell variable (not exported):
 * - dash 0.5.12, /bin/sh on Ubuntu and Debian: dash@v0.5.12:src/var.c `defpathvar`,
 *   "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
 * - bash 5.2 as Debian and Ubuntu build it: bash@bash-5.2:config-top.h DEFAULT_PATH_VALUE, which
 *   Debian's debian/patches/deb-bash-config.diff ("Set the default path to comply with Debian
 *   policy") sets to the same list (upstream's has /usr/local/bin first and ends in ".");
 * - busybox 1.36.1 ash in alpine and busybox images: busybox@1_36_1:shell/ash.c `defpathvar`,
 *   "PATH=/sbin:/usr/sbin:/bin:/usr/bin".
 * just-bash's own sh/bash (node_modules/just-bash) merge the parent's whole state into the child and
 * default PATH to /usr/bin:/bin; this runs the same script through the interpreter with that
 * environment instead.
 */
import type * as JB from 'just-bash';
import type { Proc } from '../kernel/types.ts';
import { NO_PWD, startMarks } from './environ.ts';
import { dashWording } from './dash-wording.ts';
import { scriptResult } from './bashsem.ts';
import { newShellState, type ShellState, withShellState } from './shellstate.ts';
import { actionExit, actionLine, runScript, trapGroup } from './traprun.ts';

const DASH_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const BASH_PATH = DASH_PATH;
const ASH_PATH = '/sbin:/usr/sbin:/bin:/usr/bin';

/** just-bash's per-Bash interpreter state, the part this file touches: the names marked for export. */
type JbState = { exportedVars?: Set<string> };

const NAME = /^[A-Za-z_]\w*$/;

/**
 * Runs `fn` (which calls bash.exec or ctx.exec) with `marks` as the Bash's export marks: each exec
 * copies the Bash's state shallowly, so without this a child's `export` would mark the name in its
 * parent too, and one session's in another. `export`, `export -n` and `unset` change `marks` in place.
 */
export async function withExports<T>(bash: JB.Bash, marks: Set<string>, fn: () => Promise<T>): Promise<T> {
  const state = (bash as unknown as { state?: JbState }).state;
  if (!state) return fn();
  const saved = state.exportedVars;
  state.exportedVars = marks;
  try {
    return await fn();
  } finally {
    state.exportedVars = saved;
  }
}

/** just-bash's per-Bash process numbers: `$$` reads virtualPid, `$BASHPID` bashPid, `$PPID` virtualPpid. */
type JbPids = { virtualPid?: number; bashPid?: number; virtualPpid?: number };

/**
 * Runs `fn` with `pid` as the Bash's `$$` and `$BASHPID`: the PID of the shell's own process in its own
 * PID namespace (1 for the shell `unshare -p -f` starts): bash takes `$$` from getpid() when it starts
 * (bash 5.2's dollar_dollar_pid). Without a PID, `fn` runs unchanged.
 */
export async function withPid<T>(bash: JB.Bash, pid: number | undefined, fn: () => Promise<T>, ppid?: number): Promise<T> {
  const state = (bash as unknown as { state?: JbPids }).state;
  if (!state || pid === undefined) return fn();
  const saved = { virtualPid: state.virtualPid, bashPid: state.bashPid, virtualPpid: state.virtualPpid };
  state.virtualPid = pid;
  state.bashPid = pid;
  if (ppid !== undefined) state.virtualPpid = ppid;
  try {
    return await fn();
  } finally {
    Object.assign(state, saved);
  }
}

/** just-bash's per-Bash interpreter state, the part withStatus sets: `$?` and `$_` (each exec starts from a copy). */
type JbStatus = { lastExitCode?: number; lastArg?: string };

/**
 * Runs `fn` (one bash.exec) with `status` as the `$?` its script starts with, set in the Bash's state that exec copies,
 * where a first command `__cc_status N` stood: that cost each line a command's context (~65 KB of allocation). `$_` is
 * what that command left, its argument. Without a status, `fn` runs unchanged.
 */
export async function withStatus<T>(bash: JB.Bash, status: number | undefined, fn: () => Promise<T>): Promise<T> {
  const state = (bash as unknown as { state?: JbStatus }).state;
  if (!state || status === undefined) return fn();
  const saved = { lastExitCode: state.lastExitCode, lastArg: state.lastArg };
  state.lastExitCode = status;
  state.lastArg = String(status);
  try {
    return await fn();
  } finally {
    Object.assign(state, saved);
  }
}

/** The default PATH of the shell `name` of a root's flavour. */
function defaultPath(name: 'sh' | 'bash', busybox: boolean): string {
  if (busybox) return ASH_PATH;
  return name === 'sh' ? DASH_PATH : BASH_PATH;
}

const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);

/**
 * sh or bash as just-bash runs them (`-c SCRIPT [NAME [ARG…]]`, `FILE [ARG…]`, or a script on
 * stdin), with the child's environment made as above. Other forms go to just-bash's own command.
 */
export function childShell(
  name: 'sh' | 'bash',
  bash: () => JB.Bash,
  busybox: boolean,
  /** The host whose current process the shell runs as (its PID is `$$`, its parent's `$PPID`). */
  host?: { current?: Proc; kernel?: { procs: Map<number, Proc> } },
): JB.Command {
  return {
    name,
    execute: async (args, ctx) => {
      let script: string;
      let zero = name as string;
      let params: string[] = [];
      let stdin: string | undefined;
      if (args[0] === '-c' && args.length >= 2) {
        script = args[1] as string;
        zero = args[2] ?? zero;
        params = args.slice(3);
      } else if (args.length === 0) {
        script = new TextDecoder().decode(Uint8Array.from(ctx.stdin as unknown as string, (c) => c.charCodeAt(0) & 255));
        stdin = '';
        if (!script.trim()) return { stdout: '', stderr: '', exitCode: 0, env: {} };
      } else if (!(args[0] as string).startsWith('-')) {
        zero = args[0] as string;
        params = args.slice(1);
        try {
          script = await ctx.fs.readFile(ctx.fs.resolvePath(ctx.cwd, zero));
        } catch {
          return { stdout: '', stderr: `${name}: ${zero}: No such file or directory\n`, exitCode: 127, env: {} };
        }
        // The #! line stays a line (a comment to the shell), so errors name the file's own line numbers.
        if (script.startsWith('#!')) script = script.slice(script.indexOf('\n'));
      } else {
        return (await ctx.origCommand!(args)) as JB.ExecResult;
      }
      // The shell sets PWD itself (and exports it: dash@v0.5.12:src/cd.c setpwd), whatever `env` left out.
      const inherited: Record<string, string> = { ...(ctx.exportedEnv ?? {}) };
      delete inherited[NO_PWD];
      const env: Record<string, string> = { ...inherited };
      if (!('PATH' in env)) env.PATH = defaultPath(name, busybox);
      // bash: SHLVL one more than inherited, 1 when unset or not a number (bash@bash-5.2.21:variables.c adjust_shell_level).
      if (name === 'bash' && !busybox) env.SHLVL = String((/^\d+$/.test(env.SHLVL ?? '') ? Number(env.SHLVL) : 0) + 1);
      env['0'] = zero;
      env['#'] = String(params.length);
      env['@'] = params.join(' ');
      env['*'] = params.join(' ');
      params.forEach((p, i) => void (env[String(i + 1)] = p));
      const names = Object.keys(inherited).filter((k) => NAME.test(k));
      // `__cc_sh KIND`: the shell's own errors in its words and in their place (notfound.ts).
      const kind = busybox ? 'ash' : name === 'sh' ? 'dash' : 'bash';
      const line = `__cc_sh ${kind}; ${names.length ? `export ${names.map(quote).join(' ')}; ` : ''}${trapGroup(bash(), script)}`;
      const self = host?.current;
      // The script's commands read the shell's own stdin where it has one (just-bash's sh does the same); a trap
      // action's `exit` ends it (traprun.ts runScript).
      const run = () =>
        runScript(self, ctx.signal, (signal) => {
          const opts = { cwd: ctx.cwd, env, replaceEnv: true, signal };
          return stdin === undefined && ctx.execWithInheritedStdin
            ? ctx.execWithInheritedStdin(line, opts)
            : ctx.exec!(line, { ...opts, stdin: stdin ?? (ctx.stdin as unknown as string), stdinKind: 'bytes' });
        });
      // getppid(): the parent's PID in the shell's namespace, 0 when the parent is outside it (pid_namespaces(7)).
      const parent = self && host?.kernel?.procs.get(self.ppid);
      const ppid = self && (parent?.nspid.length === self.nspid.length ? parent.nspid.at(-1) : parent ? 0 : undefined);
      // A new shell process: none of its parent's functions or options (bash -c is not interactive: no aliases expanded).
      const st = newShellState(bash(), false);
      const fresh = () => withShellState(bash(), st, env, async () => exitTrap(await run(), st, ctx));
      const r = (await withPid(bash(), self?.nspid.at(-1), () => withExports(bash(), startMarks(names), fresh), ppid)) as JB.ExecResult;
      const worded = scriptResult(r, zero, name === 'sh' && !busybox, script);
      return name === 'sh' && !busybox ? dashErrors(worded, zero) : worded;
    },
  };
}

/** /bin/sh is dash outside busybox roots: its errors in dash's words (dash-wording.ts); just-bash's byte count of stderr follows. */
function dashErrors(r: JB.ExecResult, zero: string): JB.ExecResult {
  const stderr = dashWording(r.stderr, zero);
  if (stderr === r.stderr) return r;
  const acc = (r as { internalOutputAccounting?: { stdout: number; stderr: number } }).internalOutputAccounting;
  return { ...r, stderr, ...(acc ? { internalOutputAccounting: { ...acc, stderr: new TextEncoder().encode(stderr).length } } : {}) } as JB.ExecResult;
}

/**
 * The shell's EXIT trap as it ends (bash@bash-5.2.21:trap.c run_exit_trap, from exit_shell; dash's exitshell runs it
 * the same way): the action run with the shell's last variables, its output after the script's, and the shell's
 * status unless the action exits.
 */
async function exitTrap(r: JB.ExecResult, st: ShellState, ctx: JB.CommandContext): Promise<JB.ExecResult> {
  const action = st.traps?.get('EXIT');
  if (!action || !ctx.exec) return r;
  st.traps?.delete('EXIT');
  const env: Record<string, string> = { ...((r as { env?: Record<string, string> }).env ?? {}) };
  // `$?` in the action is the shell's status as it ends (line.ts statusCommand sets it).
  const t = await ctx.exec(actionLine(r.exitCode, action), { cwd: env.PWD ?? ctx.cwd, env, replaceEnv: true });
  // An `exit` in the action sets the status the shell leaves with (bash@bash-5.2.21:trap.c run_exit_trap: EXITPROG →
  // retval = last_command_exit_value); otherwise it is the status the shell had before the trap.
  const exited = actionExit(t as { exitCode: number; env?: Record<string, string> });
  const acc = (r as { internalOutputAccounting?: { stdout: number; stderr: number } }).internalOutputAccounting;
  const bytes = (s: string) => new TextEncoder().encode(s).length;
  const counted = acc ? { internalOutputAccounting: { stdout: acc.stdout + bytes(t.stdout), stderr: acc.stderr + bytes(t.stderr) } } : {};
  return { ...r, stdout: r.stdout + t.stdout, stderr: r.stderr + t.stderr, ...counted, exitCode: exited ?? r.exitCode } as JB.ExecResult;
}
