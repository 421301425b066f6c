/**
 * df's options, as coreutils 9.4 (coreutils@v9.4:src/df.c long_options, main, decode_output_arg)
 * and busybox 1.36.1 (busybox@1_36_1:coreutils/df.c getopt32) read them, for commands/df.ts; with
 * the --output field table (coreutils@v9.4:src/df.c field_data) both the parser and the table use.
 */
import { HUMAN, humBlock } from '../kit/human.ts';

/** coreutils@v9.4:src/df.c long_options (getopt_long also takes an unambiguous prefix). */
const LONG: Record<string, string> = {
  output: 'output',
  all: 'a',
  'block-size': 'B',
  inodes: 'i',
  'human-readable': 'h',
  si: 'H',
  local: 'l',
  portability: 'P',
  'print-type': 'T',
  sync: 'sync',
  'no-sync': 'no-sync',
  total: 'total',
  type: 't',
  'exclude-type': 'x',
};
const WITH_ARG = new Set(['B', 't', 'x', 'F']);

export type Opts = {
  output?: string[];
  all: boolean;
  human: 0 | 1024 | 1000;
  block?: { size: number; opts: number };
  bad?: string;
  inodes: boolean;
  kilo: boolean;
  mega: boolean;
  posix: boolean;
  type: boolean;
  total: boolean;
  only: string[];
  exclude: string[];
  files: string[];
};

/** getopt_long over "aB:iF:hHklmPTt:vx:" (busybox: getopt32 "kPTt:aiB:hHm"); an error's text, or the options. */
export function parse(args: string[], bb: boolean): Opts | string {
  const o: Opts = { all: false, human: 0, inodes: false, kilo: false, mega: false, posix: false, type: false, total: false, only: [], exclude: [], files: [] };
  const short = bb ? 'kPTtaiBhHm' : 'aBiFhHklmPTtvx';
  const set = (c: string, v: string | undefined) => {
    if (c === 'a') o.all = true;
    else if (c === 'i') o.inodes = true;
    else if (c === 'h') o.human = 1024;
    else if (c === 'H') o.human = bb ? 1024 : 1000;
    else if (c === 'k') {
      o.kilo = true;
      o.mega = false;
      o.human = 0;
      o.block = undefined;
    } else if (c === 'm') {
      o.mega = true;
      o.human = 0;
      o.block = undefined;
    } else if (c === 'P') o.posix = true;
    else if (c === 'T') o.type = true;
    else if (c === 'total') o.total = true;
    else if (c === 'output') {
      // coreutils@v9.4:src/df.c decode_output_arg: "option --output: field %s unknown" / "used more than once".
      const fields = v === undefined ? Object.keys(OUTPUT) : v.split(',');
      o.output ??= [];
      for (const f of fields) {
        if (!(f in OUTPUT)) o.bad ??= `df: option --output: field ‘${f}’ unknown\nTry 'df --help' for more information.\n`;
        else if (o.output.includes(f)) o.bad ??= `df: option --output: field ‘${f}’ used more than once\nTry 'df --help' for more information.\n`;
        else o.output.push(f);
      }
    } else if (c === 't') o.only.push(v as string);
    else if (c === 'x' || c === 'F') o.exclude.push(v as string);
    else if (c === 'B') {
      o.human = 0;
      o.mega = false;
      if (bb) {
        // busybox: xatoul_range_sfx with kmg_i_suffixes (k, m, g and KiB… forms), at least 1.
        // busybox@1_36_1:libbb/xatonum.c kmg_i_suffixes.
        const m = /^(\d*)(KiB|kiB|K|k|MiB|miB|M|m|GiB|giB|G|g|KB|MB|GB)?$/.exec(v as string);
        const mult: Record<string, number> = {
          '': 1,
          KiB: 1024,
          kiB: 1024,
          K: 1024,
          k: 1024,
          MiB: 1048576,
          miB: 1048576,
          M: 1048576,
          m: 1048576,
          GiB: 1073741824,
          giB: 1073741824,
          G: 1073741824,
          g: 1073741824,
          KB: 1000,
          MB: 1000000,
          GB: 1000000000,
        };
        const size = m && (m[1] || m[2]) ? Number(m[1] || '1') * (mult[m[2] ?? ''] as number) : 0;
        if (size < 1) o.bad ??= `df: invalid number '${v}'\n`;
        o.block = { size, opts: 0 };
      } else {
        const b = humBlock(v as string);
        // gnulib xstrtol-error.c: "invalid %s argument '%s'" with "block size" and --block-size.
        if (!b) o.bad ??= `df: invalid --block-size argument '${v}'\n`;
        else if (b.opts & HUMAN.autoscale) o.human = b.opts & HUMAN.base1024 ? 1024 : 1000;
        else o.block = b;
      }
    }
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      o.files.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && !bb) {
      const [name, val] = a.slice(2).split(/=(.*)/s) as [string, string | undefined];
      const hits = Object.keys(LONG).filter((k) => k === name || k.startsWith(name));
      const key = hits.includes(name) ? name : hits.length === 1 ? hits[0] : undefined;
      if (!key)
        return hits.length > 1
          ? `df: option '${a}' is ambiguous; possibilities:${hits.map((h) => ` '--${h}'`).join('')}\n`
          : `df: unrecognized option '${a}'\n`;
      const c = LONG[key] as string;
      if (c === 'output' && val === undefined) set(c, undefined);
      else if (WITH_ARG.has(c) && val === undefined) {
        if (i + 1 >= args.length) return `df: option '--${key}' requires an argument\n`;
        set(c, args[++i]);
      } else set(c, val);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j] as string;
        if (!short.includes(c)) return bb ? `df: unrecognized option: ${c}\n` : `df: invalid option -- '${c}'\n`;
        if (WITH_ARG.has(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) return bb ? `df: option requires an argument: ${c}\n` : `df: option requires an argument -- '${c}'\n`;
          set(c, v);
          break;
        }
        set(c, undefined);
      }
      continue;
    }
    o.files.push(a);
  }
  // coreutils@v9.4:src/df.c main: msg_mut_excl "options %s and %s are mutually exclusive".
  const excl = o.output && (o.inodes ? '-i' : o.posix ? '-P' : o.type ? '-T' : undefined);
  if (excl) return `df: options ${excl} and --output are mutually exclusive\n`;
  return o;
}

/** coreutils@v9.4:src/df.c field_data: --output's fields in their order, header (as decode_output_arg sets it), minimum width, left-aligned. */
export const OUTPUT: Record<string, [string, number, boolean]> = {
  source: ['Filesystem', 14, true],
  fstype: ['Type', 4, true],
  itotal: ['Inodes', 5, false],
  iused: ['IUsed', 5, false],
  iavail: ['IFree', 5, false],
  ipcent: ['IUse%', 4, false],
  size: ['Size', 5, false],
  used: ['Used', 5, false],
  avail: ['Avail', 5, false],
  pcent: ['Use%', 4, false],
  file: ['File', 0, true],
  target: ['Mounted on', 0, true],
};
