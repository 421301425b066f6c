/**
 * The shell's `trap` builtin (just-bash has none: "command not found"): the traps a shell keeps, as bash 5.2 sets and
 * shows them (bash@bash-5.2.21:builtins/trap.def trap_builtin, showtrap, display_traps).
 * - `trap` and `trap -p [SIG…]`: "trap -- %s %s\n", the action single-quoted (sh_single_quote; '' for an ignored
 *   signal), the signal's name (signal_name: EXIT, SIGINT…, DEBUG, ERR, RETURN), in signal-number order with EXIT
 *   first and DEBUG, ERR, RETURN after the signals; a signal with no trap is not shown.
 * - `trap ACTION SIG…` sets (ACTION '' ignores), `trap - SIG…` and `trap SIG` (one argument that names a signal)
 *   revert; a name that is no signal: "%s: invalid signal specification" (sh_invalidsig), status 1. Names are read
 *   without case and with or without SIG (decode_signal DSIG_NOCASE|DSIG_SIGPREFIX), numbers too.
 * The traps live in the shell's state (shellstate.ts), and a signal's disposition in the shell's process too
 * (Proc.traps, Proc.ignored: what sigaction(2) set), where the kernel delivers it (kernel.ts signal): a trapped signal
 * is marked pending and the shell runs the action after the command running now (traprun.ts; bash's trap_handler sets
 * pending_traps, run_pending_traps runs them between commands: bash@bash-5.2.21:trap.c; ash's signal_handler sets
 * gotsig, dotrap runs them: busybox@1_36_1:shell/ash.c). `trap '' SIG` sets SIG_IGN (bash's trap.c ignore_signal,
 * ash's setsignal S_IGN); `trap - SIG` the default again. A shell started by sh or bash runs its EXIT trap as it ends
 * (childshell.ts); the login shell's EXIT trap does not run at `exit` here.
 */
import type * as JB from 'just-bash';
import type { Proc } from '../kernel/types.ts';
import { SIGNALS } from '../kernel/signals.ts';
import { shellTraps } from './shellstate.ts';
import { attached } from '../attached.ts';

/** Per Bash: the process of the shell whose line it runs now (the runtime's host.current). */
const shells = attached<JB.Bash, () => Proc | undefined>('shells');

/** Tells `trap` on `bash` which process the shell running it is (runtime.ts). */
export function trapProcess(bash: JB.Bash, self: () => Proc | undefined): void {
  shells.set(bash, self);
}

/** The disposition of one signal in the shell's process: a trap's action, '' ignored, undefined the default. */
function dispose(p: Proc | undefined, sig: string, action: string | undefined): void {
  const n = SIGNALS[sig.slice(3)];
  if (!p || n === undefined) return;
  const traps = new Map(p.traps);
  const ignored = new Set(p.ignored);
  traps.delete(n);
  ignored.delete(n);
  if (action) traps.set(n, action);
  else if (action === '') ignored.add(n);
  p.traps = traps.size ? traps : undefined;
  p.ignored = ignored.size ? ignored : undefined;
  if (action === undefined || action === '') p.pendingTraps = p.pendingTraps?.filter((x) => x !== n);
}

/** The pseudo-signals after the real ones (bash's trap.h: DEBUG_TRAP NSIG, ERROR_TRAP NSIG+1, RETURN_TRAP NSIG+2). */
const AFTER = ['DEBUG', 'ERR', 'RETURN'];

/** A signal argument as bash names it (EXIT, SIGINT, DEBUG…), or undefined. */
function decode(arg: string): string | undefined {
  const up = arg.toUpperCase();
  if (up === '0' || up === 'EXIT' || up === 'SIGEXIT') return 'EXIT';
  if (/^\d+$/.test(up))
    return Object.entries(SIGNALS)
      .find(([, n]) => n === Number(up))?.[0]
      .replace(/^/, 'SIG');
  const name = up.replace(/^SIG/, '');
  if (AFTER.includes(name)) return name;
  return name in SIGNALS ? `SIG${name}` : undefined;
}

const order = (sig: string) => (sig === 'EXIT' ? 0 : AFTER.includes(sig) ? 100 + AFTER.indexOf(sig) : (SIGNALS[sig.slice(3)] ?? 99));
const quote = (s: string) => (s ? `'${s.replace(/'/g, `'\\''`)}'` : "''");

/** The name the line's `trap` runs as (bashsem.ts renames it; line.ts traces it as typed). */
export const TRAP = '__cc_trap';

/** `trap`; `done` hands its result to the runtime's trace. */
export function trapCommand(bash: JB.Bash, done: (r: JB.ExecResult) => JB.ExecResult): JB.Command {
  return {
    name: TRAP,
    execute: async (args) => {
      const traps = shellTraps(bash);
      const self = shells.get(bash)?.();
      let display = false;
      let i = 0;
      for (; i < args.length && /^-./.test(args[i] as string) && args[i] !== '--'; i++) {
        for (const c of (args[i] as string).slice(1)) {
          if (c === 'p') display = true;
          // -l lists signal names (display_signal_list): not kept here; the usage as for any other option.
          else return done({ stdout: '', stderr: `bash: trap: -${c}: invalid option\ntrap: usage: trap [-lp] [[arg] signal_spec ...]\n`, exitCode: 2 });
        }
      }
      if (args[i] === '--') i++;
      const rest = args.slice(i);
      let stderr = '';
      const bad = (s: string): [] => {
        stderr += `bash: trap: ${s}: invalid signal specification\n`;
        return [];
      };
      if (display || !rest.length) {
        const sigs = rest.length ? rest.flatMap((s) => decode(s) ?? bad(s)) : [...traps.keys()].sort((a, b) => order(a) - order(b));
        const stdout = sigs.flatMap((s) => (traps.has(s) ? [`trap -- ${quote(traps.get(s) as string)} ${s}\n`] : [])).join('');
        return done({ stdout, stderr, exitCode: stderr ? 1 : 0 });
      }
      const [first = '', ...sigs] = rest;
      const revert = first === '-' || (sigs.length === 0 && decode(first) !== undefined);
      if (!revert && !sigs.length) return done({ stdout: '', stderr: 'trap: usage: trap [-lp] [[arg] signal_spec ...]\n', exitCode: 2 });
      for (const s of sigs.length ? sigs : rest) {
        const sig = decode(s);
        if (!sig) bad(s);
        else if (revert) {
          traps.delete(sig);
          dispose(self, sig, undefined);
        } else {
          traps.set(sig, first);
          dispose(self, sig, first);
        }
      }
      return done({ stdout: '', stderr, exitCode: stderr ? 1 : 0 });
    },
  };
}
