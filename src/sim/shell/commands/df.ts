/**
 * df: coreutils 9.4 on node1 and in Debian images (coreutils@v9.4:src/df.c), busybox 1.36.1 in
 * alpine (busybox@1_36_1:coreutils/df.c). Both read the process's mount table (mounttable.ts,
 * what `mount` and /proc/mounts show) and statfs each mount (fsstat.ts).
 */
import type { ExecResult } from '../../api.ts';
import { statfsOf, mountOf, type StatFs } from '../fsstat.ts';
import { HUMAN, bbHumanReadable, humanReadable } from '../kit/human.ts';
import { mountTable, type MountEntry } from '../mounttable.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { usageOf } from './usage.ts';
import { OUTPUT, type Opts, parse } from './df-args.ts';

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
