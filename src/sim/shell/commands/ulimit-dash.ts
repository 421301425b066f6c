/**
 * dash's `ulimit` builtin (/bin/sh on node1 and in Debian images): the script rewrite (notfound.ts) turns `ulimit` in a
 * dash script or line into `__cc_ulimit-dash LINE ARGS…`. dash 0.5.12 src/miscbltin.c ulimitcmd (checked against the
 * dash 0.5.12-2 binary on this machine, Debian's build of the version Ubuntu 24.04 ships): nextopt("HSatfdscmlpnvwr"),
 * the last limit letter wins (`-f` when none), -H or -S alone narrows which limit is shown or set (both are set by
 * default, the soft one shown); -a prints each of limits[] as "%-20s " and its value; a value is "unlimited" or digits
 * times the limit's factor. Errors are sh_error's "%s: %d: ulimit: …" with $0 and the line (error.c exvwarning2),
 * status 2, and the script goes on: "Illegal option -%c", "too many arguments", "bad number", "error setting limit (%s)".
 */
import type { ExecResult } from '../../api.ts';
import type { Proc } from '../../kernel/types.ts';
import { type RlimitName, rlimitOf, setRlimit } from '../rlimits.ts';
import type { SimCommand } from '../types.ts';

/** limits[] as built on Linux: name, resource, factor, option. */
const LIMITS: readonly { name: string; res: RlimitName; factor: number; opt: string }[] = [
  { name: 'time(seconds)', res: 'cpu', factor: 1, opt: 't' },
  { name: 'file(blocks)', res: 'fsize', factor: 512, opt: 'f' },
  { name: 'data(kbytes)', res: 'data', factor: 1024, opt: 'd' },
  { name: 'stack(kbytes)', res: 'stack', factor: 1024, opt: 's' },
  { name: 'coredump(blocks)', res: 'core', factor: 512, opt: 'c' },
  { name: 'memory(kbytes)', res: 'rss', factor: 1024, opt: 'm' },
  { name: 'locked memory(kbytes)', res: 'memlock', factor: 1024, opt: 'l' },
  { name: 'process', res: 'nproc', factor: 1, opt: 'p' },
  { name: 'nofiles', res: 'nofile', factor: 1, opt: 'n' },
  { name: 'vmemory(kbytes)', res: 'as', factor: 1024, opt: 'v' },
  { name: 'locks', res: 'locks', factor: 1, opt: 'w' },
  { name: 'rtprio', res: 'rtprio', factor: 1, opt: 'r' },
];
type Limit = (typeof LIMITS)[number];

const SOFT = 1;
const HARD = 2;

/** printlim: the soft limit when SOFT is among `how`, else the hard one; the value divided by the factor. */
function printlim(how: number, p: Proc, l: Limit): string {
  const [soft, hard] = rlimitOf(p, l.res);
  const val = how & SOFT ? soft : hard;
  return `${val === Infinity ? 'unlimited' : Math.floor(val / l.factor)}\n`;
}

export const ulimitDash: SimCommand = {
  name: '__cc_ulimit-dash',
  noProcess: true,
  async run(args0, env) {
    const [line = '1', ...args] = args0;
    const p = env.self;
    const fail = (out: string, msg: string): ExecResult => ({ stdout: out, stderr: `${env.env.get('0') || 'sh'}: ${line}: ulimit: ${msg}\n`, exitCode: 2 });
    let how = SOFT | HARD;
    let all = false;
    let what = 'f';
    // options.c nextopt: words that begin with '-' (not "-" alone); "--" ends them and is dropped.
    let i = 0;
    for (; i < args.length; i++) {
      const w = args[i] as string;
      if (w[0] !== '-' || w === '-') break;
      if (w === '--') {
        i++;
        break;
      }
      for (const c of w.slice(1)) {
        if (c === 'H') how = HARD;
        else if (c === 'S') how = SOFT;
        else if (c === 'a') all = true;
        else if (LIMITS.some((l) => l.opt === c)) what = c;
        else return fail('', `Illegal option -${c}`);
      }
    }
    const rest = args.slice(i);
    const l = LIMITS.find((x) => x.opt === what) as Limit;
    let val: number | undefined;
    if (rest.length) {
      if (all || rest.length > 1) return fail('', 'too many arguments');
      const v = rest[0] as string;
      if (v === 'unlimited') val = Infinity;
      else {
        // Digits up to the first other character, which is an error.
        const digits = /^\d*/.exec(v)?.[0] ?? '';
        if (digits.length < v.length) return fail('', 'bad number');
        val = Number(digits || '0') * l.factor;
      }
    }
    if (all) return { stdout: LIMITS.map((x) => `${x.name.padEnd(20)} ${printlim(how, p, x)}`).join(''), stderr: '', exitCode: 0 };
    if (val === undefined) return { stdout: printlim(how, p, l), stderr: '', exitCode: 0 };
    const [soft, hard] = rlimitOf(p, l.res);
    const err = setRlimit(p, l.res, how & SOFT ? val : soft, how & HARD ? val : hard);
    if (err) return fail('', `error setting limit (${err === 'EPERM' ? 'Operation not permitted' : 'Invalid argument'})`);
    return { stdout: '', stderr: '', exitCode: 0 };
  },
};
