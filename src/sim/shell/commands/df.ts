/**
 * df: coreutils 9.4 on node1 and in Debian images (coreutils@v9.4:src/df.c), busybox 1.36.1 in
 * alpine (busybox@1_36_1:coreutils/df.c). Both read the process's mount table (mounttable.ts,
 * what `mount` and /proc/mounts show) and statfs each mount (fsstat.ts).
 */
import type { ExecResult } from '../../api.ts';
import { statfsOf, mountOf, type StatFs } from '../fsstat.ts';
import { HUMAN, bbHumanReadable, humBlock, humanReadable } from '../kit/human.ts';
import { mountTable, type MountEntry } from '../mounttable.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { usageOf } from './usage.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** gnulib mountlist.c ME_DUMMY_0: file systems df skips unless -a. */
const DUMMY = new Set([
  'autofs',
  'proc',
  'subfs',
  'debugfs',
  'devpts',
  'fusectl',
  'fuse.portal',
  'mqueue',
  'rpc_pipefs',
  'sysfs',
  'devfs',
  'kernfs',
  'ignore',
  'none',
  'rootfs',
]);

interface Row {
  m: MountEntry;
  st: StatFs;
  file?: string;
}

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

type Opts = {
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
function parse(args: string[], bb: boolean): Opts | string {
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
const OUTPUT: Record<string, [string, number, boolean]> = {
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

/** coreutils@v9.4:src/df.c filter_mount_list: one entry per device; a shorter mount point nearer its source's root wins, in the first one's place. */
function dedupe(rows: Row[], mntroot: (m: MountEntry) => string | undefined, dev: (r: Row) => string): Row[] {
  const out: Row[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const k = dev(r);
    const at = seen.get(k);
    if (at === undefined) {
      seen.set(k, out.length);
      out.push(r);
      continue;
    }
    const prev = out[at] as Row;
    const nearer = prev.m.target.length > r.m.target.length;
    const pr = mntroot(prev.m);
    const rr = mntroot(r.m);
    const below = pr !== undefined && rr !== undefined && pr.length < rr.length;
    if ((r.m.src.includes('/') && !prev.m.src.includes('/')) || (nearer && !below) || (prev.m.src !== r.m.src && prev.m.target === r.m.target)) out[at] = r;
  }
  return out;
}

/** coreutils@v9.4:src/df.c get_header: the block size in the base that states it exactly ("1K", "1M", "1MB"). */
function sizeHeader(block: number, hopts: number): string {
  let opts = HUMAN.suppressPointZero | HUMAN.autoscale | HUMAN.SI | (hopts & (HUMAN.groupDigits | HUMAN.base1024 | HUMAN.B));
  let q1000 = block;
  let q1024 = block;
  let by1000: boolean;
  let by1024: boolean;
  do {
    by1000 = q1000 % 1000 === 0;
    q1000 = Math.floor(q1000 / 1000);
    by1024 = q1024 % 1024 === 0;
    q1024 = Math.floor(q1024 / 1024);
  } while (by1000 && by1024);
  if (by1000 < by1024) opts |= HUMAN.base1024;
  if (by1024 < by1000) opts &= ~HUMAN.base1024;
  if (!(opts & HUMAN.base1024)) opts |= HUMAN.B;
  return humanReadable(block, opts, 1, 1);
}

function coreutilsTable(rows: Row[], o: Opts): string {
  const block = o.block?.size ?? (o.mega ? 1048576 : 1024);
  const hopts = o.human === 1024 ? HUMAN.autoscale | HUMAN.SI | HUMAN.base1024 : o.human === 1000 ? HUMAN.autoscale | HUMAN.SI : (o.block?.opts ?? 0);
  const out = o.human ? 1 : block;
  const num = (n: number, from: number) => humanReadable(BigInt(n), hopts, from, o.inodes ? 1 : out);
  // pct = ceil(used * 100 / (used + avail)), "-" when nothing is known.
  const pct = (used: number, avail: number) =>
    used + avail === 0 ? '-' : `${Math.floor((used * 100) / (used + avail)) + ((used * 100) % (used + avail) !== 0 ? 1 : 0)}%`;
  const head = ['Filesystem', ...(o.type ? ['Type'] : [])];
  if (o.inodes) head.push('Inodes', 'IUsed', 'IFree', 'IUse%');
  else
    head.push(
      o.human ? 'Size' : o.posix ? `${block}-blocks` : `${sizeHeader(block, hopts)}-blocks`,
      'Used',
      o.human ? 'Avail' : 'Available',
      o.posix ? 'Capacity' : 'Use%',
    );
  head.push('Mounted on');
  const table: string[][] = [head];
  const sum = { size: 0, used: 0, avail: 0, files: 0, iused: 0, ifree: 0 };
  for (const { m, st } of rows) {
    const cells = [m.src, ...(o.type ? [m.type] : [])];
    if (o.inodes) {
      const used = st.files - st.ffree;
      cells.push(num(st.files, 1), num(used, 1), num(st.ffree, 1), pct(used, st.ffree));
      sum.files += st.files;
      sum.iused += used;
      sum.ifree += st.ffree;
    } else {
      cells.push(num(st.blocks, st.bsize), num(st.blocks - st.bfree, st.bsize), num(st.bavail, st.bsize), pct(st.blocks - st.bfree, st.bavail));
      sum.size += st.blocks;
      sum.used += st.blocks - st.bfree;
      sum.avail += st.bavail;
    }
    cells.push(m.target);
    table.push(cells);
  }
  if (o.output) return outputTable(rows, o, { num, inum: (n) => humanReadable(BigInt(n), hopts, 1, 1), pct, block, sum, hopts });
  if (o.total) {
    const cells = ['total', ...(o.type ? ['-'] : [])];
    if (o.inodes) cells.push(num(sum.files, 1), num(sum.iused, 1), num(sum.ifree, 1), pct(sum.iused, sum.ifree));
    else cells.push(num(sum.size, 4096), num(sum.used, 4096), num(sum.avail, 4096), pct(sum.used, sum.avail));
    cells.push('-');
    table.push(cells);
  }
  // field_data minimum widths, alignment; columns joined by one space, the last one unpadded.
  const min = [14, ...(o.type ? [4] : []), 5, 5, 5, 4, 0];
  const left = new Set([0, ...(o.type ? [1] : []), head.length - 1]);
  const width = head.map((_, c) => Math.max(min[c] ?? 0, ...table.map((r) => [...(r[c] as string)].length)));
  return table
    .map(
      (r) =>
        r
          .map((cell, c) => (c === r.length - 1 ? cell : left.has(c) ? cell.padEnd(width[c] as number) : cell.padStart(width[c] as number)))
          .join(' ')
          .replace(/\s+$/, '') + '\n',
    )
    .join('');
}

/** df --output=FIELDS (coreutils@v9.4:src/df.c get_header, get_dev): the columns in the order asked, the same alignment rules. */
function outputTable(
  rows: Row[],
  o: Opts,
  k: {
    num: (n: number, from: number) => string;
    inum: (n: number) => string;
    pct: (u: number, a: number) => string;
    block: number;
    sum: Record<string, number>;
    hopts: number;
  },
): string {
  const fields = o.output as string[];
  const head = fields.map((f) => (f === 'size' && !o.human ? `${sizeHeader(k.block, k.hopts)}-blocks` : (OUTPUT[f] as [string, number, boolean])[0]));
  const cell = (f: string, r: Row | undefined): string => {
    const st = r?.st;
    const files = st ? st.files : (k.sum.files as number);
    const ifree = st ? st.ffree : (k.sum.files as number) - (k.sum.iused as number);
    const iused = files - ifree;
    const used = st ? (st.blocks - st.bfree) * st.bsize : (k.sum.used as number) * 4096;
    const avail = st ? st.bavail * st.bsize : (k.sum.avail as number) * 4096;
    const size = st ? st.blocks * st.bsize : (k.sum.size as number) * 4096;
    switch (f) {
      case 'source':
        return r ? r.m.src : 'total';
      case 'fstype':
        return r ? r.m.type : '-';
      case 'itotal':
        return k.inum(files);
      case 'iused':
        return k.inum(iused);
      case 'iavail':
        return k.inum(ifree);
      case 'ipcent':
        return k.pct(iused, ifree);
      case 'size':
        return k.num(size, 1);
      case 'used':
        return k.num(used, 1);
      case 'avail':
        return k.num(avail, 1);
      case 'pcent':
        return k.pct(used, avail);
      case 'file':
        return r?.file ?? '-';
      default:
        return r ? r.m.target : '-';
    }
  };
  const table = [head, ...rows.map((r) => fields.map((f) => cell(f, r)))];
  if (o.total) {
    for (const r of rows) {
      k.sum.files = (k.sum.files as number) + r.st.files;
      k.sum.iused = (k.sum.iused as number) + r.st.files - r.st.ffree;
    }
    table.push(fields.map((f) => cell(f, undefined)));
  }
  const width = head.map((_, c) => Math.max((OUTPUT[fields[c] as string] as [string, number, boolean])[1], ...table.map((r) => [...(r[c] as string)].length)));
  return table
    .map(
      (r) =>
        r
          .map((v, c) =>
            c === r.length - 1 && (OUTPUT[fields[c] as string] as [string, number, boolean])[2]
              ? v
              : (OUTPUT[fields[c] as string] as [string, number, boolean])[2]
                ? v.padEnd(width[c] as number)
                : v.padStart(width[c] as number),
          )
          .join(' ')
          .replace(/\s+$/, '') + '\n',
    )
    .join('');
}

function busyboxTable(rows: Row[], o: Opts): string {
  const disp = o.human ? 0 : (o.block?.size ?? (o.mega ? 1048576 : 1024));
  // make_human_readable_str(df_disp_hr, 0, !!(opt & OPT_POSIX)): "1K", "1M", or the plain number.
  const bbUnit = (n: number) => {
    const letters = ['', 'K', 'M', 'G', 'T'];
    let u = 0;
    let v = n;
    while (v >= 1024 && u < letters.length - 1) {
      v = Math.floor(v / 1024);
      u++;
    }
    return u ? `${v}${letters[u]}` : String(n);
  };
  const units = o.inodes ? '   Inodes' : o.human ? '     Size' : o.posix ? `${disp}-blocks` : `${bbUnit(disp)}-blocks`;
  let out = `Filesystem           ${o.type ? 'Type       ' : ''}${units.padEnd(15)}Used Available ${o.posix ? 'Capacity' : 'Use%'} Mounted on\n`;
  for (const { m, st } of rows) {
    let blocks = st.blocks;
    let bfree = st.bfree;
    let bavail = st.bavail;
    let frsize = st.bsize;
    let unit = disp;
    if (o.inodes) {
      blocks = st.files;
      bfree = bavail = st.ffree;
      frsize = 1;
      if (unit) unit = 1;
    }
    let used = blocks - bfree;
    let total = used + bavail;
    let percent = total;
    if (total !== 0) {
      while (total >= Math.floor(2147483647 / 101)) {
        total = Math.floor(total / 2);
        used = Math.floor(used / 2);
      }
      percent = Math.floor((used * 100 + Math.floor(total / 2)) / total);
    }
    let line = m.src.length > 20 && !o.posix ? `${m.src}\n${' '.repeat(20)}` : m.src.padEnd(20);
    if (o.type) line += m.type.length > 10 && !o.posix ? ` ${m.type}\n${' '.repeat(31)}` : ` ${m.type.padEnd(10)}`;
    const hr = (n: number) => bbHumanReadable(BigInt(n), frsize, unit);
    line += ` ${hr(blocks).padStart(9)} ${hr(blocks - bfree).padStart(9)} ${hr(bavail).padStart(9)} ${String(percent).padStart(3)}% ${m.target}\n`;
    out += line;
  }
  return out;
}

export const df: SimCommand = {
  name: 'df',
  async run(args, env: CmdEnv) {
    const bb = env.flavor === 'busybox';
    const o = parse(args, bb);
    if (typeof o === 'string') return R('', bb ? `${o}${usageOf('df', 'busybox')?.text ?? ''}` : `${o}Try 'df --help' for more information.\n`, 1);
    if (o.bad) return R('', o.bad, 1);
    const c = env.self.containerId ? env.daemon.containers.get(env.self.containerId) : undefined;
    const table = mountTable(env.daemon, c);
    const statOf = (m: MountEntry): Row => ({ m, st: statfsOf(m, env.daemon, env.host, c) });
    let err = '';
    let rows: Row[];
    if (o.files.length) {
      rows = [];
      for (const f of o.files) {
        const abs = env.fs.resolvePath(env.cwd, f);
        // A mount point exists even where the shell's tree lacks the directory.
        const exists = (await env.fs.exists(abs)) || table.some((x) => x.target === abs);
        const m = exists ? mountOf(table, abs) : undefined;
        // coreutils: error (0, errno, "%s", quotef (name)); busybox: "%s: can't find mount point".
        if (!m) err += bb ? `df: ${f}: can't find mount point\n` : `df: ${f}: No such file or directory\n`;
        else rows.push({ ...statOf(m), file: f });
      }
      if (!bb) rows = rows.filter((r) => (!o.only.length || o.only.includes(r.m.type)) && !o.exclude.includes(r.m.type));
      else if (o.only.length) rows = rows.filter((r) => o.only.includes(r.m.type));
    } else if (bb) {
      rows = table
        .filter((m) => m.src !== 'rootfs' && (!o.only.length || o.only.includes(m.type)))
        .map(statOf)
        .filter((r) => r.st.blocks > 0 || o.all);
    } else {
      rows = table.filter((m) => (o.all || !DUMMY.has(m.type)) && (!o.only.length || o.only.includes(m.type)) && !o.exclude.includes(m.type)).map(statOf);
      if (!o.all) {
        const mounts = c ? (env.daemon.lib?.mounts.get(c.id) ?? []) : [];
        const mntroot = (m: MountEntry): string | undefined => {
          if (!c || m.src !== '/dev/sda1') return undefined;
          if (['/etc/resolv.conf', '/etc/hostname', '/etc/hosts'].includes(m.target)) return `/var/lib/docker/containers/${c.id}/${m.target.slice(5)}`;
          const v = mounts.find((x) => x.destination === m.target);
          return v ? (v.type === 'bind' ? v.source : `/var/lib/docker/volumes/${v.source}/_data`) : undefined;
        };
        // /dev/sda1 and the overlays stat to distinct devices; each tmpfs is its own.
        rows = dedupe(rows, mntroot, (r) => (r.m.src === '/dev/sda1' ? 'sda1' : `${r.m.src}@${r.m.target}`)).filter((r) => r.st.blocks > 0);
      }
    }
    if (!bb && !rows.length && !err) return R('', 'df: no file systems processed\n', 1);
    const out = bb ? busyboxTable(rows, o) : rows.length ? coreutilsTable(rows, o) : '';
    return R(out, err, err ? 1 : 0);
  },
};
