/**
 * dd's operands, as coreutils 9.4 (src/dd.c scanargs) and busybox 1.36.1 (coreutils/dd.c) read
 * them, into one plan for commands/dd.ts; or the message and status each dies with.
 */
import { parseBusybox, parseCoreutils } from './dd-format.ts';

export interface DdPlan {
  ifile?: string;
  ofile?: string;
  ibs: number;
  obs: number;
  /** No bs=: reads are gathered into output blocks of obs (coreutils C_TWOBUFS). */
  twobufs: boolean;
  /** count= in blocks of ibs (or bytes with count_bytes); undefined: to the end. */
  count?: number;
  countBytes: boolean;
  skip: number;
  skipBytes: boolean;
  seek: number;
  seekBytes: boolean;
  conv: Set<string>;
  oflags: Set<string>;
  status: 'default' | 'none' | 'noxfer' | 'progress';
}

const CONVS = [
  'ascii',
  'ebcdic',
  'ibm',
  'block',
  'unblock',
  'lcase',
  'ucase',
  'sparse',
  'swab',
  'noerror',
  'nocreat',
  'excl',
  'notrunc',
  'sync',
  'fdatasync',
  'fsync',
];
/** The conversions that make coreutils copy through a second buffer (src/dd.c conversions[], C_TWOBUFS). */
const TWOBUF_CONVS = new Set(['ascii', 'ebcdic', 'ibm', 'block', 'unblock', 'lcase', 'ucase', 'swab']);
/** coreutils's flags[] that exist on Linux (cio, nolinks, binary and text are 0 there, so dd refuses them). */
const FLAGS = [
  'append',
  'direct',
  'directory',
  'dsync',
  'noatime',
  'nocache',
  'noctty',
  'nofollow',
  'nonblock',
  'sync',
  'fullblock',
  'count_bytes',
  'skip_bytes',
  'seek_bytes',
];

type Fail = { error: string };

const TRY = "Try 'dd --help' for more information.\n";

/** A plan before the operands: both block sizes `bs` (coreutils leaves them 0 until scanargs ends; busybox starts at 512). */
function freshPlan(bs: number): DdPlan {
  return {
    ibs: bs,
    obs: bs,
    twobufs: false,
    countBytes: false,
    skip: 0,
    skipBytes: false,
    seek: 0,
    seekBytes: false,
    conv: new Set(),
    oflags: new Set(),
    status: 'default',
  };
}

/** coreutils@v9.4:src/dd.c scanargs and parse_symbols; `quote` is the locale's quoting of a name. */
export function coreutilsPlan(args: string[], quote: (s: string) => string): DdPlan | Fail {
  const p = freshPlan(0);
  const iflags = new Set<string>();
  let bs = 0;
  let count: number | undefined;
  const symbols = (val: string, table: string[], what: string, into: Set<string>): Fail | undefined => {
    for (const s of val.split(',')) {
      if (!table.includes(s)) return { error: `dd: ${what}: ${quote(s)}\n${TRY}` };
      into.add(s);
    }
    return undefined;
  };
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq < 0) return { error: `dd: unrecognized operand ${quote(arg)}\n${TRY}` };
    const name = arg.slice(0, eq);
    const val = arg.slice(eq + 1);
    let bad: Fail | undefined;
    if (name === 'if') p.ifile = val;
    else if (name === 'of') p.ofile = val;
    else if (name === 'conv') bad = symbols(val, CONVS, 'invalid conversion', p.conv);
    else if (name === 'iflag') bad = symbols(val, FLAGS, 'invalid input flag', iflags);
    else if (name === 'oflag') bad = symbols(val, FLAGS, 'invalid output flag', p.oflags);
    else if (name === 'status') {
      // parse_symbols(…, exclusive): the last of a list wins.
      for (const s of val.split(',')) {
        if (!['none', 'noxfer', 'progress'].includes(s)) return { error: `dd: invalid status level: ${quote(s)}\n${TRY}` };
        p.status = s as DdPlan['status'];
      }
    } else {
      const known = ['ibs', 'obs', 'bs', 'cbs', 'skip', 'iseek', 'seek', 'oseek', 'count'];
      const r = parseCoreutils(val);
      if (!known.includes(name)) return { error: `dd: unrecognized operand ${quote(arg)}\n${TRY}` };
      const min = ['ibs', 'obs', 'bs', 'cbs'].includes(name) ? 1n : 0n;
      if ('error' in r || r.n < min) {
        const overflow = 'error' in r && r.error === 'overflow';
        return { error: `dd: invalid number: ${quote(val)}${overflow ? ': Value too large for defined data type' : ''}\n` };
      }
      const n = Number(r.n);
      if (name === 'ibs') p.ibs = n;
      else if (name === 'obs') p.obs = n;
      else if (name === 'bs') bs = n;
      else if (name === 'skip' || name === 'iseek') {
        p.skip = n;
        if (r.bytes) iflags.add('skip_bytes');
      } else if (name === 'seek' || name === 'oseek') {
        p.seek = n;
        if (r.bytes) p.oflags.add('seek_bytes');
      } else if (name === 'count') {
        count = n;
        if (r.bytes) iflags.add('count_bytes');
      }
    }
    if (bad) return bad;
  }
  if (bs) p.ibs = p.obs = bs;
  else p.twobufs = true;
  p.ibs ||= 512;
  p.obs ||= 512;
  if ([...p.conv].some((c) => TWOBUF_CONVS.has(c))) p.twobufs = true;
  if (p.oflags.has('fullblock')) return { error: `dd: invalid output flag: ${quote('fullblock')}\n${TRY}` };
  p.count = count;
  p.countBytes = iflags.has('count_bytes');
  p.skipBytes = iflags.has('skip_bytes');
  p.seekBytes = p.oflags.has('seek_bytes');
  const both = (a: string, b: string) => p.conv.has(a) && p.conv.has(b);
  if (both('lcase', 'ucase')) return { error: 'dd: cannot combine lcase and ucase\n' };
  if (both('excl', 'nocreat')) return { error: 'dd: cannot combine excl and nocreat\n' };
  if (both('block', 'unblock')) return { error: 'dd: cannot combine block and unblock\n' };
  return p;
}

/** busybox@1_36_1:coreutils/dd.c keywords, conv_words, iflag_words, oflag_words, status_words. */
const BB_KEYWORDS = ['bs', 'count', 'seek', 'skip', 'if', 'of', 'ibs', 'obs', 'conv', 'iflag', 'oflag', 'status'];
const BB_WORDS: Record<string, string[]> = {
  conv: ['notrunc', 'sync', 'noerror', 'fsync', 'swab'],
  iflag: ['skip_bytes', 'count_bytes', 'fullblock', 'direct'],
  oflag: ['seek_bytes', 'append', 'direct'],
  status: ['none', 'noxfer'],
};

/** busybox@1_36_1:coreutils/dd.c dd_main's loop over argv; `usage` for bb_show_usage. */
export function busyboxPlan(args: string[], usage: string): DdPlan | Fail {
  const p = freshPlan(512);
  const iflags = new Set<string>();
  const max = (1n << 63n) - 1n;
  for (const arg of args) {
    if (arg === '--') continue;
    const eq = arg.indexOf('=');
    const name = eq < 0 ? '' : arg.slice(0, eq);
    if (eq < 0 || !BB_KEYWORDS.includes(name)) return { error: usage };
    const val = arg.slice(eq + 1);
    const num = (lower?: bigint, upper?: bigint): number | Fail => {
      const r = parseBusybox(val, lower, upper);
      return typeof r === 'string' ? { error: `dd: ${r}\n` } : Number(r);
    };
    const words = BB_WORDS[name];
    if (words) {
      const into = name === 'conv' ? p.conv : name === 'iflag' ? iflags : p.oflags;
      // bb_msg_invalid_arg_to: "invalid argument '%s' to '%s'".
      for (const w of name === 'status' ? [val] : val.split(',')) {
        if (!words.includes(w)) return { error: `dd: invalid argument '${w}' to '${name}'\n` };
        if (name === 'status') p.status = w as DdPlan['status'];
        else into.add(w);
      }
      continue;
    }
    if (name === 'if') p.ifile = val;
    else if (name === 'of') p.ofile = val;
    else {
      const n = ['bs', 'ibs', 'obs'].includes(name) ? num(1n, max) : num();
      if (typeof n !== 'number') return n;
      if (name === 'bs') p.ibs = p.obs = n;
      else if (name === 'ibs') p.ibs = n;
      else if (name === 'obs') p.obs = n;
      else if (name === 'count') p.count = n;
      else if (name === 'seek') p.seek = n;
      else if (name === 'skip') p.skip = n;
    }
  }
  p.twobufs = p.ibs !== p.obs;
  p.countBytes = iflags.has('count_bytes');
  p.skipBytes = iflags.has('skip_bytes');
  p.seekBytes = p.oflags.has('seek_bytes');
  return p;
}
