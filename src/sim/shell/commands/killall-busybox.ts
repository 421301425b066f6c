/**
 * killall in alpine: busybox 1.36.1's kill applet as killall (busybox@1_36_1:procps/kill.c kill_main, is_killall):
 * an optional `-l [SIG…]`, then an optional `-q`, then one `-SIG` or `-s SIG`, or `--`, then names. Each name is
 * looked up with find_pid_by_name (libbb/find_pid_by_name.c: the comm's first 15 characters, a cut comm confirmed by
 * argv[1]'s base name; or argv[0]'s base name; or the executable's base name, or its path when the name starts with
 * '/'; the executable is modelled as argv[0]), its own PID skipped. Messages through bb_error_msg, prefixed
 * "killall: ": "%s: no process killed", "can't kill pid %d: %s", "bad signal name '%s'", "you need to specify whom to
 * kill". The exit status counts the errors. Signal names: libbb/u_signal_names.c get_signum (a number below NSIG 65,
 * or a name, case-insensitive, SIG optional; IO and POLL both 29, IOT 6, CLD 17).
 */
import type { ExecResult } from '../../api.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import { SIGNALS } from '../../kernel/signals.ts';
import type { Proc } from '../../kernel/types.ts';
import type { CmdEnv } from '../types.ts';
import { send } from './killall.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** u_signal_names.c signals[] (Linux x86-64), by number; 0 is "EXIT". */
const BB_SIGNALS = ['EXIT', ...Object.keys(SIGNALS)];
const ALIASES: Record<string, number> = { IOT: 6, POLL: 29, CLD: 17 };

/** get_signum: a number below NSIG (65), or a signal's name; -1 when neither. */
function signum(name: string): number {
  if (/^\d+$/.test(name)) return Number(name) < 65 ? Number(name) : -1;
  const bare = name.toUpperCase().replace(/^SIG/, '');
  const i = BB_SIGNALS.indexOf(bare);
  if (i >= 0) return i;
  if (bare in ALIASES) return ALIASES[bare] as number;
  const rt = /^RT(MIN|MAX)(?:([+-])(\d+))?$/.exec(bare);
  if (rt) return (rt[1] === 'MIN' ? 34 : 64) + (rt[2] === '-' ? -1 : 1) * Number(rt[3] ?? 0);
  return -1;
}

/** print_signames: "%2u) %s" a line, then RTMIN and RTMAX (FEATURE_RTMINMAX). */
function listSignals(args: string[]): ExecResult {
  if (!args.length) {
    const rows = BB_SIGNALS.slice(1).map((n, i) => `${String(i + 1).padStart(2)}) ${n}`);
    return R(`${[...rows, '34) RTMIN', '64) RTMAX'].join('\n')}\n`);
  }
  let out = '';
  for (const a of args) {
    if (/^\d/.test(a)) {
      if (!/^\d+$/.test(a)) return R(out, `killall: unknown signal '${a}'\n`, 1);
      const n = Number(a) & 0x7f;
      out += `${n === 34 ? 'RTMIN' : n === 64 ? 'RTMAX' : (BB_SIGNALS[n] ?? String(n))}\n`;
    } else {
      const n = signum(a);
      if (n < 0) return R(out, `killall: unknown signal '${a}'\n`, 1);
      out += `${n}\n`;
    }
  }
  return R(out);
}

const USAGE =
  'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: killall [-lq] [-SIG] PROCESS_NAME...\n\n' +
  "Send a signal (default: TERM) to given processes\n\n\t-l\tList all signal names and numbers\n\t-q\tDon't complain if no processes were killed\n";

const base = (s: string) => s.slice(s.lastIndexOf('/') + 1);

/** find_pid_by_name's three tests for one process. */
function matches(p: Proc, name: string): boolean {
  // comm_match: the first 15 characters; a 15-character comm may be cut, so argv[1]'s base name must be the name.
  if (p.comm.slice(0, 15) === name.slice(0, 15) && (p.comm.length < 15 ? p.comm === name : p.argv[1] !== undefined && base(p.argv[1]) === name)) return true;
  const argv0 = p.kthread ? undefined : p.argv[0];
  if (argv0 && base(argv0) === name) return true;
  const exe = argv0?.startsWith('/') ? argv0 : undefined;
  return exe !== undefined && (name.startsWith('/') ? exe : base(exe)) === name;
}

export async function busyboxKillall(args: string[], env: CmdEnv): Promise<ExecResult> {
  let i = 0;
  let sig = 15;
  let quiet = false;
  let arg = args[i];
  if (arg?.startsWith('-')) {
    if (arg === '-l') return listSignals(args.slice(1));
    if (arg === '-q') {
      quiet = true;
      arg = args[++i];
      if (arg === undefined) return R('', USAGE, 1);
    }
    if (arg.startsWith('-')) {
      let word = arg.slice(1);
      if (word !== '-') {
        if (word === 's' && args[i + 1] !== undefined) word = args[++i] as string;
        sig = signum(word);
        if (sig < 0) return R('', `killall: bad signal name '${word}'\n`, 1);
      }
      i++;
    }
  }
  const names = args.slice(i);
  if (!names.length) return R('', 'killall: you need to specify whom to kill\n', 1);
  const k = env.host.kernel;
  const viewer = env.self;
  const procs = [...k.procs.values()]
    .map((p) => ({ p, pid: k.pidIn(p, viewer.ns.pid) }))
    .filter((x): x is { p: Proc; pid: number } => x.pid !== undefined && x.p.state !== 'Z')
    .sort((a, b) => a.pid - b.pid);
  let err = '';
  let errors = 0;
  for (const name of names) {
    const hits = procs.filter((x) => matches(x.p, name));
    if (!hits.length) {
      errors++;
      if (!quiet) err += `killall: ${name}: no process killed\n`;
      continue;
    }
    for (const { p, pid } of hits) {
      if (p === viewer) continue;
      if (p.uid !== viewer.uid && !hasCap(viewer.caps, 'kill')) {
        errors++;
        if (!quiet) err += `killall: can't kill pid ${pid}: Operation not permitted\n`;
        continue;
      }
      send(env, p, sig);
    }
  }
  return R('', err, errors);
}
