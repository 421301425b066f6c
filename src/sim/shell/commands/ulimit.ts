/**
 * bash's `ulimit` builtin on the host (the runtime renames it to `__cc_ulimit` on host lines, as
 * it does the job builtins): bash-5.2:builtins/ulimit.def. The limits are the shell process's
 * own (shell/rlimits.ts), so a subshell's change stays in the subshell.
 */
import type { ExecResult } from '../../api.ts';
import type { Proc } from '../../kernel/types.ts';
import { builtinHelpOpt } from '../builtin-docs.ts';
import { BASHPID_VAR } from '../forks.ts';
import { type RlimitName, rlimitOf, setRlimit } from '../rlimits.ts';
import type { SimCommand } from '../types.ts';

const R = (stdout: string, stderr: string, exitCode: number): ExecResult => ({ stdout, stderr, exitCode });

/**
 * bash-5.2:builtins/ulimit.def `limits[]` as built on Linux (no RLIMIT_NPTS, PTHREAD, SBSIZE,
 * KQUEUES, SWAP): option, resource, block factor, description, units. `p` is PIPE_BUF (4096)
 * in 512-byte blocks and cannot be set; `v` is RLIMIT_AS.
 */
const LIMITS: readonly { opt: string; res: RlimitName | 'pipe'; factor: number; desc: string; units?: string }[] = [
  { opt: 'R', res: 'rttime', factor: 1, desc: 'real-time non-blocking time', units: 'microseconds' },
  { opt: 'c', res: 'core', factor: 1024, desc: 'core file size', units: 'blocks' },
  { opt: 'd', res: 'data', factor: 1024, desc: 'data seg size', units: 'kbytes' },
  { opt: 'e', res: 'nice', factor: 1, desc: 'scheduling priority' },
  { opt: 'f', res: 'fsize', factor: 1024, desc: 'file size', units: 'blocks' },
  { opt: 'i', res: 'sigpending', factor: 1, desc: 'pending signals' },
  { opt: 'l', res: 'memlock', factor: 1024, desc: 'max locked memory', units: 'kbytes' },
  { opt: 'm', res: 'rss', factor: 1024, desc: 'max memory size', units: 'kbytes' },
  { opt: 'n', res: 'nofile', factor: 1, desc: 'open files' },
  { opt: 'p', res: 'pipe', factor: 512, desc: 'pipe size', units: '512 bytes' },
  { opt: 'q', res: 'msgqueue', factor: 1, desc: 'POSIX message queues', units: 'bytes' },
  { opt: 'r', res: 'rtprio', factor: 1, desc: 'real-time priority' },
  { opt: 's', res: 'stack', factor: 1024, desc: 'stack size', units: 'kbytes' },
  { opt: 't', res: 'cpu', factor: 1, desc: 'cpu time', units: 'seconds' },
  { opt: 'u', res: 'nproc', factor: 1, desc: 'max user processes' },
  { opt: 'v', res: 'as', factor: 1024, desc: 'virtual memory', units: 'kbytes' },
  { opt: 'x', res: 'locks', factor: 1, desc: 'file locks' },
];
type Limit = (typeof LIMITS)[number];

const PIPE_BUF = 4096;
const USAGE = 'ulimit: usage: ulimit [-SHabcdefiklmnpqrstuvxPRT] [limit]\n';
const SOFT = 2;
const HARD = 1;

function get(p: Proc, lim: Limit): readonly [number, number] {
  return lim.res === 'pipe' ? [PIPE_BUF, PIPE_BUF] : rlimitOf(p, lim.res);
}

/** printone: `%-20s %20s` of the description and "(units, -X) " when several are shown, then the value in the limit's blocks. */
function printone(lim: Limit, value: number, withDesc: boolean): string {
  const unit = lim.units ? `(${lim.units}, -${lim.opt}) ` : `(-${lim.opt}) `;
  const head = withDesc ? `${lim.desc.padEnd(20)} ${unit.padStart(20)}` : '';
  return `${head}${value === Infinity ? 'unlimited' : Math.trunc(value / lim.factor)}\n`;
}

/** strerror of the errno setrlimit fails with. */
const STRERROR = { EINVAL: 'Invalid argument', EPERM: 'Operation not permitted' } as const;

export const ulimit: SimCommand = {
  name: '__cc_ulimit',
  noProcess: true,
  async run(args, env) {
    // Inside `( … )` the limits are the subshell's process's (forks.ts), whose PID `$BASHPID` holds.
    const sub = env.env.get(BASHPID_VAR);
    const p = (sub && env.host.kernel.procs.get(Number(sub))) || env.self;
    let mode = 0;
    let all = false;
    const cmds: { lim: Limit; arg?: string }[] = [];
    // bash-5.2:builtins/bashgetopt.c internal_getopt with "aSH" and each limit letter followed by `;' (an optional argument).
    let i = 0;
    const notOpt = (w: string | undefined) => w === undefined || w[0] !== '-' || w.length === 1;
    while (i < args.length && !notOpt(args[i])) {
      const w = args[i] as string;
      if (w === '--help') return builtinHelpOpt('ulimit') as ExecResult;
      if (w === '--') {
        i++;
        break;
      }
      i++;
      for (let sp = 1; sp < w.length; sp++) {
        const c = w[sp] as string;
        if (c === 'a') all = true;
        else if (c === 'S') mode |= SOFT;
        else if (c === 'H') mode |= HARD;
        else {
          const lim = LIMITS.find((l) => l.opt === c);
          if (!lim) return R('', `bash: ulimit: -${c}: invalid option\n${USAGE}`, 2);
          if (sp + 1 < w.length) {
            cmds.push({ lim, arg: w.slice(sp + 1) });
          } else if (!notOpt(args[i]) || args[i] === undefined) {
            cmds.push({ lim });
          } else {
            cmds.push({ lim, arg: args[i] });
            i++;
          }
          break;
        }
      }
    }
    const rest = args.slice(i);
    if (all) {
      const m = mode === 0 ? SOFT : mode;
      return R(LIMITS.map((l) => printone(l, get(p, l)[m & SOFT ? 0 : 1], true)).join(''), '', 0);
    }
    if (!cmds.length) cmds.push({ lim: LIMITS.find((l) => l.opt === 'f') as Limit, arg: rest.shift() });
    const last = cmds[cmds.length - 1] as { lim: Limit; arg?: string };
    if (rest.length && last.arg === undefined) last.arg = rest.shift();
    let out = '';
    for (const { lim, arg } of cmds) {
      const m = mode === 0 ? (arg !== undefined ? SOFT | HARD : SOFT) : mode;
      const [soft, hard] = get(p, lim);
      if (arg === undefined) {
        out += printone(lim, m & SOFT ? soft : hard, cmds.length > 1);
        continue;
      }
      let value: number;
      if (arg === 'hard') value = hard;
      else if (arg === 'soft') value = soft;
      else if (arg === 'unlimited') value = Infinity;
      else if (/^\d+$/.test(arg)) value = Number(arg) * lim.factor;
      // bash-5.2:builtins/common.c sh_invalidnum: "%s: invalid number".
      else return R(out, `bash: ulimit: ${arg}: invalid number\n`, 1);
      // set_limit: a user who asks for no soft limit gets the hard one; pipe size has no setrlimit (EINVAL).
      if (p.euid !== 0 && value === Infinity && !(m & HARD) && soft <= hard) value = hard;
      const err = lim.res === 'pipe' ? 'EINVAL' : setRlimit(p, lim.res, m & SOFT ? value : soft, m & HARD ? value : hard);
      if (err) return R(out, `bash: ulimit: ${lim.desc}: cannot modify limit: ${STRERROR[err]}\n`, 1);
    }
    return R(out, '', 0);
  },
};
