/**
 * cmp (GNU diffutils 3.10): compares two files byte by byte. Follows diffutils src/cmp.c main and
 * cmp(): "%s %s differ: byte %s, line %s" (or "char" in the C locale, the POSIX wording), -l
 * "%*s %3o %3o", -b with the bytes quoted as cat -t does, "cmp: EOF on %s after byte %s, line
 * %s" / "which is empty", -s status only; exit 0 same, 1 different, 2 trouble.
 */
import type { ExecResult } from '../../api.ts';
import { getopt, type LongOpt } from '../getopt.ts';
import { hardLocale, utf8Locale } from '../kit/locale.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

const R = (stdout: string, stderr: string, exitCode: number): ExecResult => ({ stdout, stderr, exitCode });
const TRY = "cmp: Try 'cmp --help' for more information.\n";

const LONGS: LongOpt[] = [
  { name: 'print-bytes', arg: 'none', key: 'b' },
  { name: 'print-chars', arg: 'none', key: 'b' },
  { name: 'ignore-initial', arg: 'required', key: 'i' },
  { name: 'verbose', arg: 'none', key: 'l' },
  { name: 'bytes', arg: 'required', key: 'n' },
  { name: 'silent', arg: 'none', key: 's' },
  { name: 'quiet', arg: 'none', key: 's' },
  { name: 'version', arg: 'none', key: 'v' },
  { name: 'help', arg: 'none', key: 'help' },
];

/** diffutils version_etc: the GNU version block, with the two authors. */
export function diffutilsVersion(prog: string, authors: string): string {
  return `${prog} (GNU diffutils) 3.10
Copyright (C) 2023 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Written by ${authors}.
`;
}

/** cmp.c usage(). */
const USAGE = `Usage: cmp [OPTION]... FILE1 [FILE2 [SKIP1 [SKIP2]]]
Compare two files byte by byte.

The optional SKIP1 and SKIP2 specify the number of bytes to skip
at the beginning of each file (zero by default).

Mandatory arguments to long options are mandatory for short options too.
  -b, --print-bytes          print differing bytes
  -i, --ignore-initial=SKIP         skip first SKIP bytes of both inputs
  -i, --ignore-initial=SKIP1:SKIP2  skip first SKIP1 bytes of FILE1 and
                                      first SKIP2 bytes of FILE2
  -l, --verbose              output byte numbers and differing byte values
  -n, --bytes=LIMIT          compare at most LIMIT bytes
  -s, --quiet, --silent      suppress all normal output
      --help                 display this help and exit
  -v, --version              output version information and exit

SKIP values may be followed by the following multiplicative suffixes:
kB 1000, K 1024, MB 1,000,000, M 1,048,576,
GB 1,000,000,000, G 1,073,741,824, and so on for T, P, E, Z, Y.

If a FILE is '-' or missing, read standard input.
Exit status is 0 if inputs are the same, 1 if different, 2 if trouble.

Report bugs to: bug-diffutils@gnu.org
GNU diffutils home page: <https://www.gnu.org/software/diffutils/>
General help using GNU software: <https://www.gnu.org/gethelp/>
`;

/** sprintc: a byte quoted as cat -t does (M- for the high bit, ^ for controls). */
function sprintc(c: number): string {
  let s = '';
  if (!(c >= 32 && c < 127)) {
    if (c >= 128) {
      s += 'M-';
      c -= 128;
    }
    if (c < 32) {
      s += '^';
      c += 64;
    } else if (c === 127) return `${s}^?`;
  }
  return s + String.fromCharCode(c);
}

/** A SKIP or LIMIT value: a number with an optional multiplicative suffix (xstrtoimax with "kKMGTPEZY0"). */
function count(v: string): number | undefined {
  const m = /^(\d+)(kB|[KMGTPEZY]B?|[KMGTPEZY]iB)?$/.exec(v);
  if (!m) return undefined;
  const pow = 'KMGTPEZY';
  const suf = m[2] ?? '';
  if (!suf) return Number(m[1]);
  if (suf === 'kB') return Number(m[1]) * 1000;
  const e = pow.indexOf(suf[0] as string) + 1;
  return Number(m[1]) * (suf.endsWith('B') && !suf.endsWith('iB') ? 1000 : 1024) ** e;
}

async function bytesOf(env: CmdEnv, name: string): Promise<Uint8Array | string> {
  if (name === '-') return env.stdinBytes();
  const path = env.fs.resolvePath(env.cwd, name);
  try {
    const st = await env.fs.stat(path);
    if (st.isDirectory) return 'Is a directory';
    return await env.fs.readFileBuffer(path);
  } catch {
    return 'No such file or directory';
  }
}

export const cmp: SimCommand = {
  name: 'cmp',
  async run(args, env) {
    const p = getopt(args, 'bci:ln:sv', LONGS);
    if (!p.ok) return R('', `cmp: ${p.error}\n${TRY}`, 2);
    let printBytes = false;
    let type: 'first' | 'all' | 'status' = 'first';
    let limit = -1;
    const skip = [0, 0];
    for (const [k, v] of p.opts) {
      if (k === 'help') return R(USAGE, '', 0);
      if (k === 'v') return R(diffutilsVersion('cmp', `${utf8Locale(env.env) ? 'Torbjörn' : 'Torbjorn'} Granlund and David MacKenzie`), '', 0);
      if (k === 'b' || k === 'c') printBytes = true;
      else if (k === 'l' || k === 's') {
        const t = k === 'l' ? 'all' : 'status';
        if (type !== 'first' && type !== t) return R('', `cmp: options -l and -s are incompatible\n${TRY}`, 2);
        type = t;
      } else if (k === 'n') {
        const n = count(v ?? '');
        if (n === undefined) return R('', `cmp: invalid --bytes value '${v}'\n${TRY}`, 2);
        if (!(limit >= 0 && limit < n)) limit = n;
      } else if (k === 'i') {
        const [a, b] = (v ?? '').split(':');
        const x = count(a ?? '');
        const y = b === undefined ? x : count(b);
        if (x === undefined || y === undefined) return R('', `cmp: invalid --ignore-initial value '${v}'\n${TRY}`, 2);
        skip[0] = Math.max(skip[0] as number, x);
        skip[1] = Math.max(skip[1] as number, y);
      }
    }
    const ops = p.operands;
    if (!ops.length) return R('', `cmp: missing operand after '${args[args.length - 1] ?? 'cmp'}'\n${TRY}`, 2);
    const files = [ops[0] as string, ops[1] ?? '-'];
    for (let f = 0; f < 2 && ops[2 + f] !== undefined; f++) {
      const n = count(ops[2 + f] as string);
      if (n === undefined) return R('', `cmp: invalid --ignore-initial value '${ops[2 + f]}'\n${TRY}`, 2);
      skip[f] = Math.max(skip[f] as number, n);
    }
    if (ops.length > 4) return R('', `cmp: extra operand '${ops[4]}'\n${TRY}`, 2);
    if (skip[0] === skip[1] && files[0] === files[1]) return R('', '', 0);
    const data: Uint8Array[] = [];
    for (const f of files) {
      const b = await bytesOf(env, f);
      if (typeof b === 'string') return R('', type === 'status' ? '' : `cmp: ${f}: ${b}\n`, 2);
      data.push(b);
    }
    let a = (data[0] as Uint8Array).subarray(skip[0]);
    let b = (data[1] as Uint8Array).subarray(skip[1]);
    if (limit >= 0) {
      a = a.subarray(0, limit);
      b = b.subarray(0, limit);
    }
    const smaller = Math.min(a.length, b.length);
    const word = hardLocale(env.env) ? 'byte' : 'char';
    let out = '';
    let differing = false;
    if (type === 'all') {
      const width = String(Math.max(1, limit >= 0 ? Math.min(limit, a.length, b.length) : Math.min(a.length, b.length))).length;
      for (let i = 0; i < smaller; i++) {
        const c0 = a[i] as number;
        const c1 = b[i] as number;
        if (c0 === c1) continue;
        differing = true;
        const n = String(i + 1).padStart(width);
        const o = (c: number) => c.toString(8).padStart(3);
        out += printBytes ? `${n} ${o(c0)} ${sprintc(c0).padEnd(4)} ${o(c1)} ${sprintc(c1)}\n` : `${n} ${o(c0)} ${o(c1)}\n`;
      }
    } else {
      let i = 0;
      while (i < smaller && a[i] === b[i]) i++;
      if (i < smaller) {
        if (type === 'status') return R('', '', 1);
        let line = 1;
        for (let j = 0; j < i; j++) if (a[j] === 10) line++;
        const c0 = a[i] as number;
        const c1 = b[i] as number;
        const o = (c: number) => c.toString(8).padStart(3);
        out = printBytes
          ? `${files[0]} ${files[1]} differ: byte ${i + 1}, line ${line} is ${o(c0)} ${sprintc(c0)} ${o(c1)} ${sprintc(c1)}\n`
          : `${files[0]} ${files[1]} differ: ${word} ${i + 1}, line ${line}\n`;
        return R(out, '', 1);
      }
    }
    if (a.length !== b.length) {
      if (type === 'status') return R('', '', 1);
      const shorter = files[b.length < a.length ? 1 : 0];
      if (smaller === 0) return R(out, `cmp: EOF on ${shorter} which is empty\n`, 1);
      if (type === 'all') return R(out, `cmp: EOF on ${shorter} after byte ${smaller}\n`, 1);
      let line = 1;
      for (let j = 0; j < smaller; j++) if (a[j] === 10) line++;
      const atStart = a[smaller - 1] === 10;
      return R(
        out,
        atStart ? `cmp: EOF on ${shorter} after byte ${smaller}, line ${line - 1}\n` : `cmp: EOF on ${shorter} after byte ${smaller}, in line ${line}\n`,
        1,
      );
    }
    return R(out, '', differing ? 1 : 0);
  },
};
