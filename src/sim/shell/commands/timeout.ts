/**
 * timeout: runs a command and signals it when it is still running after a duration.
 *
 * GNU timeout (coreutils 9.4, the Ubuntu host; coreutils@v9.4:src/timeout.c): options `+k:s:v`, `--kill-after`,
 * `--signal`, `--verbose`, `--foreground`, `--preserve-status`. It forks the command as its own child (`fork`,
 * `execvp`) and waits; on expiry `cleanup` sends the signal (then SIGKILL after `-k`). main's exit status:
 * 124 when the command timed out (EXIT_TIMEDOUT) unless --preserve-status, 128+9 when it had to be killed with
 * KILL, 125 for timeout's own errors (EXIT_CANCELED: `usage`, parse_duration's "invalid time interval %s",
 * operand2sig's "%s: invalid signal"), 126/127 when the command cannot be run ("failed to run command %s",
 * errno ENOENT → 127), else the command's status (128+N when a signal killed it). A duration of 0 disables it.
 *
 * busybox timeout (alpine; busybox@1_36_1:coreutils/timeout.c): `+s:k:`; a grandchild sleeps whole seconds
 * (timeout_wait: `sleep1()` until `--timeout <= 0`, so at least one second) and kills the timeout process,
 * which has exec'd the command (BB_EXECVP_or_die): the shell sees the command die of the signal (128+N).
 * get_signum's failure is "unknown signal '%s'" (1), a missing operand bb_show_usage (1).
 *
 * In the simulator the command's process (GNU: timeout's child; busybox: timeout's own) is stopped through the
 * line's abort signal, as Ctrl-C stops it, when the kernel's timer fires on the host clock (a `sleep 5` that
 * fast-forwards is cut at the deadline). Signals whose default action is to ignore the process or stop it
 * (CHLD, CONT, URG, WINCH; STOP, TSTP, TTIN, TTOU, which timeout follows with CONT) leave it running.
 * --foreground changes which processes get the signal (not the command's own children), which nothing here shows.
 */
import { coreutilsVersion } from '../gnuversion.ts';
import type { ExecResult } from '../../api.ts';
import { SIGKILL, SIGNALS, SIGTERM } from '../../kernel/signals.ts';
import type { Proc } from '../../kernel/types.ts';
import { getopt, tryHelp } from '../getopt.ts';
import { quoteArgv } from '../line.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { usageOf } from './usage.ts';

const R = (stdout: string, stderr: string, exitCode: number): ExecResult => ({ stdout, stderr, exitCode });

/** timeout's exit statuses (coreutils@v9.4:src/system.h via src/timeout.c's comment). */
const EXIT_TIMEDOUT = 124;
const EXIT_CANCELED = 125;

/** Signals that neither end a process by default nor leave it stopped for good (signal(7)). */
const HARMLESS = new Set([SIGNALS.CHLD, SIGNALS.CONT, SIGNALS.URG, SIGNALS.WINCH, SIGNALS.STOP, SIGNALS.TSTP, SIGNALS.TTIN, SIGNALS.TTOU]);

/** gnulib's quote() in the C locale as coreutils prints an operand: 'x', or "x'y" around a single quote. */
const quote = (s: string) => (s.includes("'") ? `"${s}"` : `'${s}'`);

/** parse_duration: a nonnegative float with an optional s/m/h/d suffix, in seconds; undefined when invalid. */
function parseDuration(s: string): number | undefined {
  const m = /^\s*\+?((?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|inf(?:inity)?)([smhd]?)$/i.exec(s);
  if (!m) return undefined;
  const n = /^inf/i.test(m[1] as string) ? Infinity : Number(m[1]);
  return n * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as string] as number);
}

/** operand2sig (coreutils@v9.4:src/operand2sig.c): a number (an exit status above 128 names its signal's bits), or a name with or without SIG. */
function operand2sig(operand: string): number | undefined {
  if (/^\d/.test(operand)) {
    if (!/^\d+$/.test(operand)) return undefined;
    let n = Number(operand);
    n &= n >= 0xff ? 0xff : 0x7f;
    return n <= 64 ? n : undefined;
  }
  const up = operand.toUpperCase();
  const name = up.startsWith('SIG') && !(up in SIGNALS) ? up.slice(3) : up;
  if (name === 'EXIT') return 0;
  return SIGNALS[name] ?? (/^RTM(IN|AX)([+-]\d+)?$/.test(name) ? rtSignal(name) : undefined);
}

/** sig2str's real-time names: RTMIN is 34 with glibc, RTMAX 64. */
function rtSignal(name: string): number | undefined {
  const m = /^RTM(IN|AX)(?:([+-])(\d+))?$/.exec(name);
  if (!m) return undefined;
  const n = (m[1] === 'IN' ? 34 : 64) + (m[2] === '-' ? -1 : 1) * Number(m[3] ?? 0);
  return n >= 34 && n <= 64 ? n : undefined;
}

/** sig2str's name for `sig` without SIG (the -v message). */
function sigName(sig: number): string {
  const name = Object.entries(SIGNALS).find(([, v]) => v === sig)?.[0];
  if (name) return name;
  if (sig >= 34 && sig <= 64) return sig <= 49 ? (sig === 34 ? 'RTMIN' : `RTMIN+${sig - 34}`) : sig === 64 ? 'RTMAX' : `RTMAX-${64 - sig}`;
  return String(sig);
}

const unaborted = (stderr: string) => stderr.replace(/^bash: execution aborted\n/m, '');

/** execvp's search: 127 when nothing is found, 126 when what is found cannot be run (a directory, no x bit). */
async function findCommand(env: CmdEnv, name: string): Promise<0 | 126 | 127> {
  const stat = (p: string) => env.fs.stat(env.fs.resolvePath(env.cwd, p)).catch(() => undefined);
  const check = async (p: string) => {
    const st = await stat(p);
    if (!st) return undefined;
    return st.isDirectory || (st.mode & 0o111) === 0 ? 126 : 0;
  };
  if (name.includes('/')) return (await check(name)) ?? 127;
  let found: 126 | undefined;
  for (const dir of (env.env.get('PATH') ?? '/bin:/usr/bin').split(':')) {
    const r = await check(`${dir || '.'}/${name}`);
    if (r === 0) return 0;
    if (r === 126) found = 126;
  }
  return found ?? 127;
}

/**
 * Runs `run` until it ends or `seconds` pass on the host clock; then `onExpire` is called (it may arm a second
 * deadline through `again`). The command is stopped through the abort signal when `kill()` is called.
 */
async function watched(
  env: CmdEnv,
  seconds: number,
  onExpire: (kill: () => void, again: (s: number, fn: () => void) => void) => void,
  run: () => Promise<ExecResult>,
): Promise<ExecResult> {
  const controller = new AbortController();
  const k = env.host.kernel;
  const timers: { at: number; fn: () => void }[] = [];
  const arm = (s: number, fn: () => void) => {
    if (!(s > 0) || !Number.isFinite(s)) return;
    const t = { at: k.now + Math.ceil(s * 1000), fn };
    timers.push(t);
    k.timers.push(t);
  };
  arm(seconds, () => onExpire(() => controller.abort(), arm));
  try {
    return await env.withSignal(controller.signal, run);
  } finally {
    k.timers = k.timers.filter((t) => !timers.includes(t));
  }
}

/** GNU timeout (coreutils@v9.4:src/timeout.c main). */
async function gnuTimeout(args: string[], env: CmdEnv): Promise<ExecResult> {
  const parsed = getopt(args, '+k:s:v', [
    { name: 'kill-after', arg: 'required', key: 'k' },
    { name: 'signal', arg: 'required', key: 's' },
    { name: 'verbose', arg: 'none', key: 'v' },
    { name: 'foreground', arg: 'none', key: 'foreground' },
    { name: 'preserve-status', arg: 'none', key: 'preserve-status' },
    { name: 'help', arg: 'none', key: 'help' },
    { name: 'version', arg: 'none', key: 'version' },
  ]);
  if (!parsed.ok) return R('', tryHelp('timeout', parsed.error), EXIT_CANCELED);
  let killAfter = 0;
  let termSignal = SIGTERM;
  let verbose = false;
  let preserve = false;
  for (const [key, value] of parsed.opts) {
    if (key === 'help') return R(usageOf('timeout', 'coreutils')?.text ?? '', '', 0);
    if (key === 'version') return R(coreutilsVersion('timeout', ['--version']) ?? '', '', 0);
    if (key === 'k') {
      const d = parseDuration(value as string);
      if (d === undefined) return R('', tryHelp('timeout', `invalid time interval ${quote(value as string)}`), EXIT_CANCELED);
      killAfter = d;
    } else if (key === 's') {
      const sig = operand2sig(value as string);
      if (sig === undefined) return R('', tryHelp('timeout', `${quote(value as string)}: invalid signal`), EXIT_CANCELED);
      termSignal = sig;
    } else if (key === 'v') verbose = true;
    else if (key === 'preserve-status') preserve = true;
  }
  const [durationArg, ...command] = parsed.operands;
  // `if (argc - optind < 2) usage (EXIT_CANCELED)`: emit_try_help alone, no message.
  if (durationArg === undefined || !command.length) return R('', "Try 'timeout --help' for more information.\n", EXIT_CANCELED);
  const seconds = parseDuration(durationArg);
  if (seconds === undefined) return R('', tryHelp('timeout', `invalid time interval ${quote(durationArg)}`), EXIT_CANCELED);
  const name = command[0] as string;
  const found = await findCommand(env, name);
  if (found)
    // The child's execvp failed: error (0, errno, "failed to run command %s"), ENOENT → EXIT_ENOENT, else EXIT_CANNOT_INVOKE.
    return R('', `timeout: failed to run command ${quote(name)}: ${found === 127 ? 'No such file or directory' : 'Permission denied'}\n`, found);

  let timedOut = false;
  let sent: number | undefined;
  let notes = '';
  const r = await watched(
    env,
    seconds,
    (kill, again) => {
      timedOut = true;
      // cleanup(SIGALRM): the signal, then KILL after --kill-after.
      const send = (sig: number) => {
        // error (0, 0, _("sending signal %s to command %s")) as the signal goes.
        const note = verbose ? `timeout: sending signal ${sigName(sig)} to command ${quote(name)}\n` : '';
        if (note && env.stream) env.stream({ stream: 'stderr', text: note });
        else notes += note;
        if (HARMLESS.has(sig)) return;
        sent ??= sig;
        kill();
      };
      if (killAfter > 0) again(killAfter, () => send(SIGKILL));
      send(termSignal);
    },
    // fork + execvp: the command is timeout's child (its process is made by the runtime under timeout's).
    () => env.runAs(env.self, () => env.exec(quoteArgv(command), { stdin: env.stdin })),
  );
  // The interpreter's note on its stopped run is no shell's word (line.ts stoppedLine drops it the same way).
  const stderr = `${sent === undefined ? r.stderr : unaborted(r.stderr)}${notes}`;
  let status = r.exitCode;
  if (sent !== undefined) {
    // The command died of the signal timeout sent: WIFSIGNALED, status = sig + 128; a KILL keeps that status.
    status = 128 + sent;
    if (sent === SIGKILL) preserve = true;
  }
  if (timedOut && !preserve) status = EXIT_TIMEDOUT;
  return { ...r, stderr, exitCode: status };
}

/** busybox timeout (busybox@1_36_1:coreutils/timeout.c timeout_main). */
async function busyboxTimeout(args: string[], env: CmdEnv): Promise<ExecResult> {
  const usage = R('', usageOf('timeout', 'busybox')?.text ?? '', 1);
  const parsed = getopt(args, '+s:k:');
  if (!parsed.ok) return R('', `timeout: ${parsed.error}\n${usage.stderr}`, 1);
  let sig = SIGTERM;
  let killSecs = 0;
  for (const [key, value] of parsed.opts) {
    if (key === 's') {
      // get_signum: a number, or a name with or without SIG.
      const v = value as string;
      const n = /^\d+$/.test(v) ? Number(v) : SIGNALS[v.toUpperCase().replace(/^SIG/, '')];
      if (n === undefined || n > 64) return R('', `timeout: unknown signal '${v}'\n`, 1);
      sig = n;
    } else if (key === 'k') {
      const d = parseDuration(value as string);
      if (d === undefined) return R('', `timeout: invalid number '${value}'\n`, 1);
      killSecs = Math.trunc(d);
    }
  }
  const [durationArg, ...command] = parsed.operands;
  if (durationArg === undefined || !command.length) return usage;
  const d = parseDuration(durationArg);
  if (d === undefined) return R('', `timeout: invalid number '${durationArg}'\n`, 1);
  const name = command[0] as string;
  if ((await findCommand(env, name)) !== 0)
    // BB_EXECVP_or_die: bb_perror_msg_and_die("can't execute '%s'"), 127 for ENOENT, else 126.
    return R('', `timeout: can't execute '${name}': No such file or directory\n`, 127);
  // timeout_wait sleeps whole seconds, at least one: `int timeout` takes the duration's integer part.
  const seconds = Math.max(1, Math.trunc(d));
  let killed: number | undefined;
  const r = await watched(
    env,
    seconds,
    (kill, again) => {
      if (!HARMLESS.has(sig)) {
        killed = sig;
        kill();
      } else if (killSecs > 0)
        again(killSecs, () => {
          killed = SIGKILL;
          kill();
        });
    },
    // The program is exec'd in timeout's own process.
    () => env.execAs(env.self as Proc, quoteArgv(command), { stdin: env.stdin }),
  );
  return killed === undefined ? r : { ...r, stderr: unaborted(r.stderr), exitCode: 128 + killed };
}

export const timeout: SimCommand = {
  name: 'timeout',
  run: (args, env) => (env.flavor === 'busybox' ? busyboxTimeout(args, env) : gnuTimeout(args, env)),
};
