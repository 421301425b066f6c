/**
 * lsblk (util-linux 2.39.3, util-linux@v2.39.3:misc-utils/lsblk.c) on node1, laid out as
 * libsmartcols prints a table (util-linux@v2.39.3:libsmartcols/src/calculate.c count_column_width,
 * print.c print_data). node1's disk is the Ubuntu 24.04 cloud image's layout on a 30 GiB virtual
 * SCSI disk: the root filesystem on sda1 (the ext4 that `df` and `mount` show, with its statfs
 * figures), the BIOS boot partition sda14, the EFI system partition sda15 and the /boot partition
 * sda16 (259:0: a sd disk has 15 minors for partitions, the 16th takes an extended number).
 * MOUNTPOINTS come from the process's mount table, the one `mount` and /proc/mounts show. The host
 * runs in a UTF-8 locale, so the tree is drawn with box characters. alpine's busybox has no lsblk.
 */
import type { ExecResult } from '../../api.ts';
import { statfsOf, type StatFs } from '../fsstat.ts';
import { getopt, type LongOpt } from '../getopt.ts';
import { scolsRender, treeArt } from '../kit/smartcols.ts';
import { mountTable } from '../mounttable.ts';
import type { SimCommand } from '../types.ts';
import { LSBLK_USAGE } from './lsblk-usage.ts';
import { NODE1_DISK as DEVS, type DiskDev as Dev } from '../../fs/disk.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** util-linux@v2.39.3:lib/strutils.c size_to_human_string(SIZE_SUFFIX_1LETTER, bytes). */
export function sizeToHuman(bytes: number): string {
  let exp = 10;
  for (; exp <= 60; exp += 10) if (bytes < 2 ** exp) break;
  exp -= 10;
  const c = 'BKMGTPE'[exp / 10] as string;
  const unit = 2 ** exp;
  let dec = exp ? Math.floor(bytes / unit) : bytes;
  let frac = exp ? bytes % unit : 0;
  if (frac) {
    frac = Math.floor((frac * 1000) / unit);
    frac = Math.floor((frac + 50) / 100) * 10;
    if (frac === 100) {
      dec++;
      frac = 0;
    }
  }
  if (!frac) return `${dec}${c}`;
  return `${dec}.${String(frac).padStart(2, '0').replace(/0$/, '')}${c}`;
}

interface Ctx {
  bytes: boolean;
  paths: boolean;
  mounts: (d: Dev) => string[];
  stat: (d: Dev) => StatFs | undefined;
}

/** The columns lsblk.c's infos[] defines that node1's devices have values for: name, width hint, right-aligned. */
const COLUMNS: Record<string, { hint: number; right?: boolean; value: (d: Dev, x: Ctx) => string }> = {
  NAME: { hint: 0.25, value: (d, x) => (x.paths ? `/dev/${d.name}` : d.name) },
  KNAME: { hint: 0.3, value: (d) => d.name },
  PATH: { hint: 0.3, value: (d) => `/dev/${d.name}` },
  'MAJ:MIN': { hint: 6, value: (d) => `${String(d.maj).padStart(3)}:${String(d.min).padEnd(3)}` },
  FSAVAIL: { hint: 5, right: true, value: (d, x) => vfs(x, d, (s) => s.bavail * s.bsize) },
  FSSIZE: { hint: 5, right: true, value: (d, x) => vfs(x, d, (s) => s.blocks * s.bsize) },
  FSTYPE: { hint: 0.1, value: (d) => d.fstype ?? '' },
  FSUSED: { hint: 5, right: true, value: (d, x) => vfs(x, d, (s) => (s.blocks - s.bfree) * s.bsize) },
  'FSUSE%': {
    hint: 3,
    right: true,
    value: (d, x) => {
      const s = x.stat(d);
      return !s ? '' : s.blocks ? `${Math.round(((s.blocks - s.bfree) / s.blocks) * 100)}%` : '-';
    },
  },
  FSVER: { hint: 0.1, value: (d) => d.fsver ?? '' },
  LABEL: { hint: 0.1, value: (d) => d.label ?? '' },
  UUID: { hint: 36, value: (d) => d.uuid ?? '' },
  PKNAME: { hint: 0.1, value: (d) => d.parent ?? '' },
  PTTYPE: { hint: 0.1, value: () => 'gpt' },
  RM: { hint: 1, right: true, value: () => '0' },
  RO: { hint: 1, right: true, value: () => '0' },
  SIZE: { hint: 5, right: true, value: (d, x) => (x.bytes ? String(d.size) : sizeToHuman(d.size)) },
  TYPE: { hint: 4, value: (d) => d.type },
  MOUNTPOINT: { hint: 0.1, value: (d, x) => x.mounts(d)[0] ?? '' },
  MOUNTPOINTS: { hint: 0.1, value: (d, x) => x.mounts(d).join('\n') },
};

/** get_vfs_attribute(): a mounted filesystem's statfs figure, "0" when zero, human-readable unless -b. */
function vfs(x: Ctx, d: Dev, f: (s: StatFs) => number): string {
  const s = x.stat(d);
  if (!s) return '';
  const v = f(s);
  return !v ? '0' : x.bytes ? String(v) : sizeToHuman(v);
}

const DEFAULT = ['NAME', 'MAJ:MIN', 'RM', 'SIZE', 'RO', 'TYPE', 'MOUNTPOINTS'];
const FS = ['NAME', 'FSTYPE', 'FSVER', 'LABEL', 'UUID', 'FSAVAIL', 'FSUSE%', 'MOUNTPOINTS'];

const LONGS: LongOpt[] = [
  ['all', 'a'],
  ['bytes', 'b'],
  ['nodeps', 'd'],
  ['discard', 'D'],
  ['zoned', 'z'],
  ['help', 'h'],
  ['json', 'J'],
  ['output', 'o', 'required'],
  ['output-all', 'O'],
  ['merge', 'M'],
  ['perms', 'm'],
  ['noheadings', 'n'],
  ['list', 'l'],
  ['ascii', 'i'],
  ['raw', 'r'],
  ['inverse', 's'],
  ['fs', 'f'],
  ['exclude', 'e', 'required'],
  ['include', 'I', 'required'],
  ['topology', 't'],
  ['paths', 'p'],
  ['pairs', 'P'],
  ['scsi', 'S'],
  ['nvme', 'N'],
  ['virtio', 'v'],
  ['sort', 'x', 'required'],
  ['sysroot', 'sysroot', 'required'],
  ['shell', 'y'],
  ['tree', 'T', 'optional'],
  ['version', 'V'],
  ['width', 'w', 'required'],
  ['dedup', 'E', 'required'],
  ['noempty', 'A'],
].map(([name, key, arg]) => ({ name: name as string, key: key as string, arg: (arg ?? 'none') as LongOpt['arg'] }));

/** Options that work here; the rest print the course's line. */
const DONE = new Set(['b', 'd', 'f', 'i', 'l', 'n', 'o', 'p', 'h', 'V']);

export const lsblk: SimCommand = {
  name: 'lsblk',
  async run(args, env) {
    const p = getopt(args, 'AabdDzE:e:fhJlNnMmo:OpPiI:rstVvST::w:x:y', LONGS);
    // getopt_long's message, then errtryhelp(EXIT_FAILURE) (include/c.h).
    if (!p.ok) return R('', `lsblk: ${p.error}\nTry 'lsblk --help' for more information.\n`, 1);
    const o = { bytes: false, nodeps: false, list: false, ascii: false, noheadings: false, paths: false };
    let cols = [...DEFAULT];
    let outarg: string | undefined;
    for (const [k, v] of p.opts) {
      if (k === 'V') return R('lsblk from util-linux 2.39.3\n');
      if (k === 'h') return R(LSBLK_USAGE);
      if (!DONE.has(k)) {
        // Not lsblk's words: the simulated host keeps no such device attributes.
        return R(
          '',
          `lsblk: -${k.length > 1 ? `-${k}` : k}: not simulated on node1 (this lsblk has: -b, -d, -f, -i, -l, -n, -o, -p and device arguments)\n`,
          1,
        );
      }
      if (k === 'b') o.bytes = true;
      else if (k === 'd') o.nodeps = true;
      else if (k === 'f') cols = [...FS];
      else if (k === 'i') o.ascii = true;
      else if (k === 'l') o.list = true;
      else if (k === 'n') o.noheadings = true;
      else if (k === 'p') o.paths = true;
      else if (k === 'o') outarg = v;
    }
    if (outarg !== undefined) {
      // "+LIST" adds to the default columns; otherwise LIST replaces them (string_add_to_idarray).
      const list = outarg.startsWith('+') ? outarg.slice(1) : outarg;
      if (!outarg.startsWith('+')) cols = [];
      for (const name of list.split(',')) {
        const id = Object.keys(COLUMNS).find((c) => c.toLowerCase() === name.toLowerCase());
        if (!id) return R('', `lsblk: unknown column: ${name}\n`, 1);
        cols.push(id);
      }
    }
    const c = env.self.containerId ? env.daemon.containers.get(env.self.containerId) : undefined;
    const table = mountTable(env.daemon, c);
    const ctx: Ctx = {
      bytes: o.bytes,
      paths: o.paths,
      mounts: (d) =>
        table
          .filter((m) => m.src === `/dev/${d.name}`)
          .map((m) => m.target)
          .sort(),
      stat: (d) => {
        const m = table.find((x) => x.src === `/dev/${d.name}`);
        return m ? statfsOf(m, env.daemon, env.host, c) : undefined;
      },
    };
    // The devices to show, each with its depth in the tree: all disks, or the devices named.
    let stderr = '';
    let roots: Dev[] = DEVS.filter((d) => d.type === 'disk');
    let failed = 0;
    if (p.operands.length) {
      roots = [];
      for (const a of p.operands) {
        const d = DEVS.find((x) => `/dev/${x.name}` === a);
        if (d) roots.push(d);
        else {
          stderr += `lsblk: ${a}: not a block device\n`;
          failed++;
        }
      }
    }
    const rows: { d: Dev; depth: number; last: boolean[] }[] = [];
    const walk = (d: Dev, last: boolean[]) => {
      rows.push({ d, depth: last.length, last });
      if (o.nodeps) return;
      const kids = DEVS.filter((x) => x.parent === d.name);
      for (const [i, k] of kids.entries()) walk(k, [...last, i === kids.length - 1]);
    };
    for (const r of roots) walk(r, []);
    const art = (last: boolean[]) => (o.list ? '' : treeArt(last, o.ascii));
    const cells = rows.map((r) => cols.map((id) => (id === 'NAME' ? art(r.last) : '') + COLUMNS[id]!.value(r.d, ctx)));
    const status = !p.operands.length ? 0 : failed === p.operands.length ? 32 : failed ? 64 : 0;
    if (!rows.length) return R('', stderr, status);
    return R(
      scolsRender(
        cols.map((id) => ({ name: id, ...COLUMNS[id]! })),
        cells,
        { noheadings: o.noheadings },
      ),
      stderr,
      status,
    );
  },
};
