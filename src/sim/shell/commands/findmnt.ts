/**
 * findmnt (util-linux 2.39.3, util-linux@v2.39.3:misc-utils/findmnt.c) over the mount table the
 * process sees (mounttable.ts: the host's, or a container's mount namespace), the same table
 * `mount` and /proc/self/mounts show. By default a tree of TARGET SOURCE FSTYPE OPTIONS, each
 * mount under the mount it sits on (create_treenode); -l, -r, -P and any search (a device or
 * mountpoint operand, -S, -T, -M, -f) print a list (main: FL_TREE is dropped). -t and -O filter
 * (match_func, libmount's mnt_match_fstype/mnt_match_options: a "no" prefix negates); -T PATH
 * finds the filesystem PATH lies on (enable_extra_target_match). A bind mount's SOURCE carries
 * its root, as in "/dev/sda1[/var/lib/docker/containers/ID/hostname]" (get_data COL_SOURCE),
 * unless -v. Nothing found: no output and exit 1. The table is printed as libsmartcols prints it
 * when nothing needs truncating (kit/smartcols.ts), in the host's UTF-8 locale.
 */
import type { ExecResult } from '../../api.ts';
import { statfsOf } from '../fsstat.ts';
import { getopt, type LongOpt } from '../getopt.ts';
import { type ScolsColumn, type ScolsMode, scolsRender, treeArt } from '../kit/smartcols.ts';
import { type MountEntry, mountTable } from '../mounttable.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { FINDMNT_USAGE } from './findmnt-usage.ts';
import { sizeToHuman } from './lsblk.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** libmount's VFS (per-mount) flags: the rest of a mount's options belong to its superblock (mnt_split_optstr). */
const VFS = new Set(['ro', 'rw', 'nosuid', 'nodev', 'noexec', 'relatime', 'noatime', 'strictatime', 'nodiratime', 'sync', 'dirsync', 'nosymfollow']);

/** libmount's pseudo filesystems (libmount/src/utils.c pseudofs[]) that node1's tables hold. */
const PSEUDO = new Set(['proc', 'sysfs', 'cgroup', 'cgroup2', 'devpts', 'mqueue', 'tmpfs', 'overlay', 'debugfs', 'securityfs', 'bpf', 'tracefs']);

interface Ctx {
  env: CmdEnv;
  bytes: boolean;
  nofsroot: boolean;
}

const opts = (m: MountEntry) => m.opts.split(',');
const vfsOpts = (m: MountEntry) => opts(m).filter((o) => VFS.has(o));
/** The superblock's options: mountinfo's super options start with the superblock's rw (a read-only bind of a rw filesystem stays rw there). */
const fsOpts = (m: MountEntry) => ['rw', ...opts(m).filter((o) => !VFS.has(o))].join(',');

function vfsAttr(x: Ctx, m: MountEntry, f: (s: ReturnType<typeof statfsOf>) => number): string {
  const c = x.env.self.containerId ? x.env.daemon.containers.get(x.env.self.containerId) : undefined;
  const v = f(statfsOf(m, x.env.daemon, x.env.host, c));
  return x.bytes ? String(v) : sizeToHuman(v);
}

/** The columns of findmnt.c infos[] that the simulated mount table has values for: width hint, right-aligned. */
const COLUMNS: Record<string, { hint: number; right?: boolean; value: (m: MountEntry, x: Ctx) => string }> = {
  AVAIL: { hint: 5, right: true, value: (m, x) => vfsAttr(x, m, (s) => s.bavail * s.bsize) },
  FSROOT: { hint: 0.25, value: (m) => m.root ?? '/' },
  FSTYPE: { hint: 0.1, value: (m) => m.type },
  'FS-OPTIONS': { hint: 0.1, value: fsOpts },
  OPTIONS: { hint: 0.1, value: (m) => m.opts },
  SIZE: { hint: 5, right: true, value: (m, x) => vfsAttr(x, m, (s) => s.blocks * s.bsize) },
  SOURCE: { hint: 0.25, value: (m, x) => (m.root && !x.nofsroot ? `${m.src}[${m.root}]` : m.src) },
  TARGET: { hint: 0.3, value: (m) => m.target },
  USED: { hint: 5, right: true, value: (m, x) => vfsAttr(x, m, (s) => (s.blocks - s.bfree) * s.bsize) },
  'USE%': {
    hint: 3,
    right: true,
    value: (m, x) => {
      const c = x.env.self.containerId ? x.env.daemon.containers.get(x.env.self.containerId) : undefined;
      const s = statfsOf(m, x.env.daemon, x.env.host, c);
      // get_vfs_attr: "%.0f%%" of used blocks, "-" for a filesystem without blocks.
      return s.blocks ? `${Math.round(((s.blocks - s.bfree) / s.blocks) * 100)}%` : '-';
    },
  },
  'VFS-OPTIONS': { hint: 0.2, value: (m) => vfsOpts(m).join(',') },
};

/** Every column name findmnt knows (infos[]): the ones above, and those node1's table keeps no data for. */
const KNOWN = [
  'ACTION',
  'AVAIL',
  'FREQ',
  'FSROOT',
  'FSTYPE',
  'FS-OPTIONS',
  'ID',
  'LABEL',
  'MAJ:MIN',
  'OLD-OPTIONS',
  'OLD-TARGET',
  'OPTIONS',
  'OPT-FIELDS',
  'PARENT',
  'PARTLABEL',
  'PARTUUID',
  'PASSNO',
  'PROPAGATION',
  'SIZE',
  'SOURCES',
  'SOURCE',
  'TARGET',
  'TID',
  'USED',
  'USE%',
  'UUID',
  'VFS-OPTIONS',
];

const LONGS: LongOpt[] = [
  ['all', 'A'],
  ['ascii', 'a'],
  ['bytes', 'b'],
  ['canonicalize', 'c'],
  ['direction', 'd', 'required'],
  ['df', 'D'],
  ['evaluate', 'e'],
  ['first-only', 'f'],
  ['fstab', 's'],
  ['help', 'h'],
  ['invert', 'i'],
  ['json', 'J'],
  ['kernel', 'k'],
  ['list', 'l'],
  ['mountpoint', 'M', 'required'],
  ['mtab', 'm'],
  ['noheadings', 'n'],
  ['notruncate', 'u'],
  ['options', 'O', 'required'],
  ['output', 'o', 'required'],
  ['output-all', 'output-all'],
  ['poll', 'p', 'optional'],
  ['pairs', 'P'],
  ['raw', 'r'],
  ['types', 't', 'required'],
  ['nocanonicalize', 'C'],
  ['nofsroot', 'v'],
  ['submounts', 'R'],
  ['source', 'S', 'required'],
  ['tab-file', 'F', 'required'],
  ['task', 'N', 'required'],
  ['target', 'T', 'required'],
  ['timeout', 'w', 'required'],
  ['uniq', 'U'],
  ['verify', 'x'],
  ['version', 'V'],
  ['shell', 'y'],
  ['verbose', 'verbose'],
  ['tree', 'tree'],
  ['real', 'real'],
  ['pseudo', 'pseudo'],
  ['vfs-all', 'vfs-all'],
  ['shadowed', 'shadowed'],
].map(([name, key, arg]) => ({ name: name as string, key: key as string, arg: (arg ?? 'none') as LongOpt['arg'] }));

/** Options that work here; the others print the course's line. */
const DONE = new Set([
  'A',
  'a',
  'b',
  'C',
  'c',
  'D',
  'f',
  'h',
  'i',
  'k',
  'l',
  'M',
  'N',
  'n',
  'O',
  'o',
  'P',
  'r',
  'S',
  't',
  'T',
  'u',
  'v',
  'V',
  'real',
  'pseudo',
]);

/** libmount's mnt_match_fstype / mnt_match_options: a comma list, "no" negating an entry; -t matches any, -O needs all. */
function matchList(pattern: string, has: (word: string) => boolean, any: boolean): boolean {
  const items = pattern.split(',').filter(Boolean);
  const neg = items.length > 0 && items.every((i) => i.startsWith('no'));
  if (any) return neg ? !items.some((i) => has(i.slice(2))) : items.some(has);
  return items.every((i) => (i.startsWith('no') && !has(i) ? !has(i.slice(2)) : has(i)));
}

/** The directory a path lies on: the longest mount target that is the path or one of its parents (mnt_get_mountpoint). */
function mountpointOf(table: readonly MountEntry[], path: string): string {
  const under = table.filter((m) => m.target === '/' || path === m.target || path.startsWith(`${m.target}/`));
  return under.reduce((a, b) => (b.target.length >= a.length ? b.target : a), '/');
}

interface TreeNode {
  i: number;
  kids: TreeNode[];
}

export const findmnt: SimCommand = {
  name: 'findmnt',
  async run(args, env) {
    const p = getopt(args, 'AabCcDd:ehiJfF:o:O:p::PklmM:nN:rst:uvRS:T:Uw:Vxy', LONGS);
    if (!p.ok) return R('', `findmnt: ${p.error}\nTry 'findmnt --help' for more information.\n`, 1);
    const f = { tree: true, ascii: false, bytes: false, first: false, invert: false, noheadings: false, nofsroot: false, df: false, all: false };
    let mode: ScolsMode = 'table';
    let outarg: string | undefined;
    let types: string | undefined;
    let options: string | undefined;
    let source: string | undefined;
    let target: string | undefined;
    let strictTarget = false;
    let noswap = false;
    let real: boolean | undefined;
    let task: string | undefined;
    for (const [k, v] of p.opts) {
      if (k === 'h') return R(FINDMNT_USAGE);
      if (k === 'V') return R('findmnt from util-linux 2.39.3\n');
      if (!DONE.has(k))
        // Not findmnt's words: node1 keeps no fstab, poll events, JSON writer or mount IDs for these.
        return R(
          '',
          `findmnt: ${k.length > 1 ? `--${k}` : `-${k}`}: not simulated on node1 (this findmnt has: -A, -a, -b, -D, -f, -i, -l, -M, -N, -n, -O, -o, -P, -r, -S, -T, -t, -v, --real, --pseudo)\n`,
          1,
        );
      if (k === 'A') f.all = true;
      else if (k === 'a') f.ascii = true;
      else if (k === 'b') f.bytes = true;
      else if (k === 'D') {
        f.tree = false;
        f.df = true;
      } else if (k === 'f') f.first = true;
      else if (k === 'i') f.invert = true;
      else if (k === 'l') f.tree = false;
      else if (k === 'n') f.noheadings = true;
      else if (k === 'o') outarg = v;
      else if (k === 'O') options = v;
      else if (k === 'P') {
        mode = 'pairs';
        f.tree = false;
      } else if (k === 'r') {
        mode = 'raw';
        f.tree = false;
      } else if (k === 't') types = v;
      else if (k === 'v') f.nofsroot = true;
      else if (k === 'S') {
        source = v;
        noswap = true;
      } else if (k === 'M' || k === 'T') {
        strictTarget ||= k === 'M';
        target = v;
        noswap = true;
      } else if (k === 'real') real = true;
      else if (k === 'pseudo') real = false;
      else if (k === 'N') {
        // strtou32_or_err(optarg, "invalid TID argument") (lib/strutils.c: errx with the argument quoted).
        if (!/^\d+$/.test(v ?? '') || Number(v) > 0xffff_ffff) return R('', `findmnt: invalid TID argument: '${v}'\n`, 1);
        task = v;
      }
    }
    let cols = f.df ? ['SOURCE', 'FSTYPE', 'SIZE', 'USED', 'AVAIL', 'USE%', 'TARGET'] : [];
    if (!cols.length && outarg === undefined) cols = ['TARGET', 'SOURCE', 'FSTYPE', 'OPTIONS'];
    if (outarg !== undefined) {
      // string_add_to_idarray: "+LIST" appends to the defaults, LIST alone replaces them.
      if (!outarg.startsWith('+')) cols = [];
      else if (!cols.length) cols = ['TARGET', 'SOURCE', 'FSTYPE', 'OPTIONS'];
      for (const name of outarg.replace(/^\+/, '').split(',')) {
        const id = KNOWN.find((c) => c.toLowerCase() === name.toLowerCase());
        if (!id) return R('', `findmnt: unknown column: ${name}\n`, 1);
        if (!COLUMNS[id]) return R('', `findmnt: ${id}: not simulated on node1 (node1's mount table keeps no such field)\n`, 1);
        cols.push(id);
      }
    }
    if (p.operands.length && (source !== undefined || target !== undefined))
      return R('', "findmnt: options --target and --source can't be used together with command line element that is not an option\n", 1);
    if (p.operands[0] !== undefined) source = p.operands[0];
    if (p.operands[1] !== undefined) target = p.operands[1];
    if (f.first || source !== undefined || target !== undefined) f.tree = false;

    let c = env.self.containerId ? env.daemon.containers.get(env.self.containerId) : undefined;
    if (task !== undefined) {
      // -N TID reads /proc/TID/mountinfo: that process's mount namespace (parse_tabfiles: warn "can't read %s").
      const k = env.host.kernel;
      const tp = [...k.procs.values()].find((q) => k.pidIn(q, env.self.ns.pid) === Number(task) && q.state !== 'Z');
      if (!tp) return R('', `findmnt: can't read /proc/${task}/mountinfo: No such file or directory\n`, 1);
      c = tp.containerId ? env.daemon.containers.get(tp.containerId) : undefined;
    }
    const table = mountTable(env.daemon, c);
    const abs = (path: string) => env.fs.resolvePath(env.cwd, path);
    if (target !== undefined && !strictTarget && noswap && !table.some((m) => m.target === abs(target as string))) {
      // enable_extra_target_match: a path that is no mountpoint selects the filesystem it lies on (when it exists).
      const path = abs(target);
      if (await env.fs.exists(path)) target = mountpointOf(table, path);
    }
    const match = (m: MountEntry): boolean => {
      const hit = (() => {
        if (types !== undefined && !matchList(types, (t) => t === m.type, true)) return false;
        if (options !== undefined && !matchList(options, (o) => opts(m).includes(o), false)) return false;
        if (target !== undefined && m.target !== abs(target)) return false;
        if (source !== undefined) {
          const src = m.src === source;
          // Without -S/-T an operand names a source or a mountpoint (FL_NOSWAPMATCH unset: mnt_fs_match_source, then the target).
          if (!src && (noswap || m.target !== abs(source))) return false;
        }
        if (f.df && !f.all) {
          if (m.type.includes('tmpfs')) return true;
          if (PSEUDO.has(m.type)) return false;
        }
        if (real === true && PSEUDO.has(m.type)) return false;
        if (real === false && !PSEUDO.has(m.type)) return false;
        return true;
      })();
      return f.invert ? !hit : hit;
    };

    // The tree: each mount's parent is the nearest earlier mount whose target contains it (mountinfo's parent ID).
    const parent = table.map((m, i) => {
      for (let j = i - 1; j >= 0; j--) {
        const t = (table[j] as MountEntry).target;
        if (t !== m.target && (t === '/' || m.target.startsWith(`${t}/`))) return j;
      }
      return -1;
    });
    const rows: { m: MountEntry; last: boolean[] }[] = [];
    if (f.tree) {
      // create_treenode: a mount that does not match is left out and its children hang on its nearest shown ancestor.
      const collect = (i: number): TreeNode[] => {
        const kids = table
          .map((_, k) => k)
          .filter((k) => parent[k] === i)
          .flatMap((k) => collect(k));
        return match(table[i] as MountEntry) ? [{ i, kids }] : kids;
      };
      const roots = table.map((_, k) => k).filter((k) => parent[k] === -1);
      const top = roots.flatMap((k) => collect(k));
      const put = (nodes: TreeNode[], last: boolean[]) => {
        for (const [n, node] of nodes.entries()) {
          const l = [...last, n === nodes.length - 1];
          rows.push({ m: table[node.i] as MountEntry, last: l });
          put(node.kids, l);
        }
      };
      // The root filesystem's line has no art; so has every top-level line when the root itself is filtered out.
      for (const node of top) {
        rows.push({ m: table[node.i] as MountEntry, last: [] });
        put(node.kids, []);
      }
    } else {
      for (const m of table) {
        if (!match(m)) continue;
        rows.push({ m, last: [] });
        if (f.first) break;
      }
      // add_matching_lines: nothing found is a failure, without a message.
      if (!rows.length) return R('', '', 1);
    }
    const x: Ctx = { env, bytes: f.bytes, nofsroot: f.nofsroot };
    const cells = rows.map((r) => cols.map((id) => (id === 'TARGET' && f.tree ? treeArt(r.last, f.ascii) : '') + COLUMNS[id]!.value(r.m, x)));
    const spec: ScolsColumn[] = cols.map((id) => ({ name: id, hint: COLUMNS[id]!.hint, right: COLUMNS[id]!.right }));
    return R(rows.length ? scolsRender(spec, cells, { noheadings: f.noheadings, mode }) : '');
  },
};
