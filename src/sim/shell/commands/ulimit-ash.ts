/**
 * busybox ash's `ulimit` builtin in a container (alpine's /bin/sh): the script rewrite (notfound.ts) turns `ulimit`
 * in an ash script or line into `__cc_ulimit-ash`. busybox@1_36_1:shell/shell_common.c shell_builtin_ulimit:
 * limits_tbl (no -p, -R or -T), "%-32s(-%c) " before each value when -a or several limits are shown, the soft limit
 * unless only -H is given, "unlimited" for RLIM_INFINITY; a value sets both limits unless -H or -S narrows it;
 * `ulimit NNN` is `-f NNN`. Errors go through bb_error_msg with ash's applet name, "sh".
 */
import type { ExecResult } from '../../api.ts';
import type { Proc } from '../../kernel/types.ts';
import { type RlimitName, rlimitOf, setRlimit } from '../rlimits.ts';
import type { SimCommand } from '../types.ts';

const R = (stdout: string, stderr: string, exitCode: number): ExecResult => ({ stdout, stderr, exitCode });

/** limits_tbl with limits_help and limit_chars: letter, resource, factor_shift, help text. */
const LIMITS: readonly { c: string; res: RlimitName; shift: number; help: string }[] = [
  { c: 'c', res: 'core', shift: 9, help: 'core file size (blocks)' },
  { c: 'd', res: 'data', shift: 10, help: 'data seg size (kb)' },
  { c: 'e', res: 'nice', shift: 0, help: 'scheduling priority' },
  { c: 'f', res: 'fsize', shift: 9, help: 'file size (blocks)' },
  { c: 'i', res: 'sigpending', shift: 0, help: 'pending signals' },
  { c: 'l', res: 'memlock', shift: 10, help: 'max locked memory (kb)' },
  { c: 'm', res: 'rss', shift: 10, help: 'max memory size (kb)' },
  { c: 'n', res: 'nofile', shift: 0, help: 'open files' },
  { c: 'q', res: 'msgqueue', shift: 0, help: 'POSIX message queues (bytes)' },
  { c: 'r', res: 'rtprio', shift: 0, help: 'real-time priority' },
  { c: 's', res: 'stack', shift: 10, help: 'stack size (kb)' },
  { c: 't', res: 'cpu', shift: 0, help: 'cpu time (seconds)' },
  { c: 'u', res: 'nproc', shift: 0, help: 'max user processes' },
  { c: 'v', res: 'as', shift: 10, help: 'virtual memory (kb)' },
  { c: 'x', res: 'locks', shift: 0, help: 'file locks' },
];
type Limit = (typeof LIMITS)[number];

const HARD = 1;
const SOFT = 2;
const ALL = 4;

/** printlim: the soft limit when -S is among the options, else the hard one. */
function printlim(opts: number, p: Proc, l: Limit): string {
  const [soft, hard] = rlimitOf(p, l.res);
  const val = opts & SOFT ? soft : hard;
  return `${val === Infinity ? 'unlimited' : Math.floor(val / 2 ** l.shift)}\n`;
}

const head = (l: Limit) => `${l.help.padEnd(32)}(-${l.c}) `;

/**
 * musl getopt over ulimit_opt_string "-HSa" + "X::" for each limit: a non-option is opt 1 with it as optarg; a
 * limit letter takes the rest of its word as optarg. Returns the options in order, or the bad letter.
 */
function scan(args: string[]): { opt: string; arg?: string; next: number }[] | string {
  const out: { opt: string; arg?: string; next: number }[] = [];
  let i = 0;
  while (i < args.length) {
    const w = args[i] as string;
    if (w === '--') break;
    if (w[0] !== '-' || w.length === 1) {
      out.push({ opt: '\x01', arg: w, next: ++i });
      continue;
    }
    i++;
    for (let k = 1; k < w.length; k++) {
      const c = w[k] as string;
      if ('HSa'.includes(c)) {
        out.push({ opt: c, next: i });
        continue;
      }
      if (!LIMITS.some((l) => l.c === c)) return c;
      out.push(k + 1 < w.length ? { opt: c, arg: w.slice(k + 1), next: i } : { opt: c, next: i });
      break;
    }
  }
  return out;
}

export const ulimitAsh: SimCommand = {
  name: '__cc_ulimit-ash',
  noProcess: true,
  async run(args, env) {
    const p = env.self;
    const opts0 = scan(args);
    // musl@1.2.5:src/misc/getopt.c: "%s: unrecognized option: %c" with argv[0], the builtin's name.
    if (typeof opts0 === 'string') return R('', `ulimit: unrecognized option: ${opts0}\n`, 1);
    let opts = 0;
    let cnt = 0;
    for (const o of opts0) {
      if (o.opt === 'H') opts |= HARD;
      else if (o.opt === 'S') opts |= SOFT;
      else if (o.opt === 'a') opts |= ALL;
      else cnt++;
    }
    if (!(opts & (HARD | SOFT))) opts |= HARD | SOFT;
    if (opts & ALL) return R(LIMITS.map((l) => head(l) + printlim(opts, p, l)).join(''), '', 0);
    let out = '';
    // The second pass: a limit without an optarg takes the next word when it does not start with '-'.
    const consumed = new Set<number>();
    for (let j = 0; j < opts0.length; j++) {
      const o = opts0[j] as (typeof opts0)[number];
      if ('HSa'.includes(o.opt)) continue;
      if (o.opt === '\x01' && consumed.has(o.next - 1)) continue;
      const l = LIMITS.find((x) => x.c === (o.opt === '\x01' ? 'f' : o.opt)) as Limit;
      let val = o.arg;
      if (val === undefined && o.opt !== '\x01' && args[o.next] !== undefined && !(args[o.next] as string).startsWith('-')) {
        val = args[o.next];
        consumed.add(o.next);
      }
      if (val === undefined) {
        out += (cnt > 1 ? head(l) : '') + printlim(opts, p, l);
        continue;
      }
      let v = Infinity;
      if (val !== 'unlimited') {
        // bb_strtoull: digits only, else errno (EINVAL) and "invalid number '%s'".
        if (!/^\d+$/.test(val)) return R(out, `sh: invalid number '${val}'\n`, 1);
        v = Number(val) * 2 ** l.shift;
      }
      const [soft, hard] = rlimitOf(p, l.res);
      const err = setRlimit(p, l.res, opts & SOFT ? v : soft, opts & HARD ? v : hard);
      // bb_simple_perror_msg("error setting limit"): the message, ": ", strerror(errno).
      if (err) return R(out, `sh: error setting limit: ${err === 'EPERM' ? 'Operation not permitted' : 'Invalid argument'}\n`, 1);
    }
    if (cnt === 0) out += printlim(opts, p, LIMITS[3] as Limit);
    return R(out, '', 0);
  },
};
