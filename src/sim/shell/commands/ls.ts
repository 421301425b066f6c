import type { ExecResult } from '../../api.ts';
import type { SimCommand } from '../types.ts';
import { overlay2Ls } from './overlay2-ls.ts';
import { allocBlocks } from '../blocks.ts';
import { idNames, linkCount } from '../fsmeta.ts';
import type { SimStat } from '../simfs.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A device node's numbers and a tmpfs directory's size, as /dev's stat carries them (fs/devfs.ts). */
type Stat = SimStat & { rdev?: { major: number; minor: number }; dirSize?: number };

function modeString(st: Stat): string {
  // coreutils 9.4 via gnulib filemode.c ftypelet: s for a socket (S_IFSOCK).
  const type = st.isSymbolicLink ? 'l' : st.isDirectory ? 'd' : st.rdev ? 'c' : (st.mode & 0o170000) === 0o140000 ? 's' : '-';
  if (st.isSymbolicLink) return 'lrwxrwxrwx';
  let out = type;
  // coreutils filemodestring / busybox bb_mode_string: s/t replace x where setuid, setgid or sticky is set.
  const special = [st.mode & 0o4000, st.mode & 0o2000, st.mode & 0o1000];
  for (let i = 0; i < 9; i++) {
    const on = st.mode & (1 << (8 - i));
    const sp = i % 3 === 2 ? special[(i - 2) / 3] : 0;
    out += sp ? (on ? (i === 8 ? 't' : 's') : i === 8 ? 'T' : 'S') : on ? 'rwxrwxrwx'[i] : '-';
  }
  return out;
}

/** The size column: a directory's 4096 (a tmpfs one's own size), a device's "major, minor". */
function sizeOf(st: Stat, target?: string, path = ''): number {
  // A symlink's size is its target's length in bytes; procfs reports 0 for its links.
  if (st.isSymbolicLink) return path.startsWith('/proc/') ? 0 : new TextEncoder().encode(target ?? '').length;
  return st.isDirectory ? (st.dirSize ?? 4096) : st.size;
}

function when(ms: number, now: number): string {
  const d = new Date(ms);
  const day = String(d.getUTCDate()).padStart(2, ' ');
  const recent = now - ms < 183 * 86_400_000 && ms <= now + 3_600_000;
  const tail = recent ? `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}` : ` ${d.getUTCFullYear()}`;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${tail}`;
}

/** coreutils quotes names with shell-special characters when writing to a terminal. */
function quote(name: string, tty: boolean, busybox: boolean): string {
  if (!tty || busybox || /^[\w.+,/@%^-]+$/.test(name)) return name;
  return `'${name.replace(/'/g, `'\\''`)}'`;
}

/** Lays names out in columns, top to bottom, like ls on a terminal. */
function columns(names: string[], width: number): string {
  if (!names.length) return '';
  for (let cols = names.length; cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    const widths: number[] = [];
    for (let c = 0; c < cols; c++) widths.push(Math.max(0, ...names.slice(c * rows, c * rows + rows).map((n) => n.length)));
    const total = widths.reduce((a, b) => a + b, 0) + 2 * (cols - 1);
    if (total <= width || cols === 1) {
      const lines: string[] = [];
      for (let r = 0; r < rows; r++) {
        const cells: string[] = [];
        for (let c = 0; c < cols; c++) {
          const n = names[c * rows + r];
          if (n !== undefined) cells.push(n);
        }
        lines.push(cells.map((n, i) => (i < cells.length - 1 ? n.padEnd((widths[i] as number) + 2) : n)).join(''));
      }
      return `${lines.join('\n')}\n`;
    }
  }
  return '';
}

interface Entry {
  name: string;
  path: string;
  st: Stat;
  target?: string;
  /** st_nlink (long listings: fsmeta.ts linkCount). */
  nlink?: number;
}

/** coreutils 9.4 ls.c long_options this host answers (the rest answer "unrecognized option"). */
const LONG_FLAGS: Record<string, string> = {
  all: 'a',
  'almost-all': 'A',
  directory: 'd',
  recursive: 'R',
  reverse: 'r',
  'human-readable': 'h',
  classify: 'F',
  inode: 'i',
  size: 's',
  'numeric-uid-gid': 'n',
};

/** coreutils 9.4 ls.c color_args / argmatch: the words --color takes. */
const COLOR_WORDS = ["'always', 'yes', 'force'", "'never', 'no', 'none'", "'auto', 'tty', 'if-tty'"];

/**
 * human_readable with ls -h's options (gnulib human.c: powers of 1024, rounded up, one decimal
 * below 10): 4096 → 4.0K, 1234567 → 1.2M, 512 → 512.
 */
function human(n: number): string {
  if (n < 1024) return String(n);
  const units = 'KMGTPEZY';
  let u = 0;
  let d = 1024;
  while (n >= d * 1024 && u < units.length - 1) {
    d *= 1024;
    u++;
  }
  const tenths = Math.floor((n * 10 + d - 1) / d);
  if (tenths < 100) return `${Math.floor(tenths / 10)}.${tenths % 10}${units[u]}`;
  const whole = Math.floor((n + d - 1) / d);
  if (whole >= 1024 && u < units.length - 1) return `1.0${units[u + 1]}`;
  return `${whole}${units[u]}`;
}

/** The -F / -p indicator (ls.c get_type_indicator): / for a directory, * executable, @ symlink, | FIFO, = socket. */
function indicator(st: Stat, mode: 'none' | 'slash' | 'all', long: boolean): string {
  if (mode === 'none') return '';
  if (st.isDirectory) return '/';
  if (mode === 'slash') return '';
  if (st.isSymbolicLink) return long ? '' : '@';
  const kind = st.mode & 0o170000;
  if (kind === 0o010000) return '|';
  if (kind === 0o140000) return '=';
  if (st.isFile && st.mode & 0o111) return '*';
  return '';
}

/** The inode ls -i and stat show for a path (stat.ts inodeOf's rule for anything that is not a namespace). */
function inodeOfPath(abs: string): number {
  let h = 0;
  for (const ch of abs) h = (h * 31 + ch.charCodeAt(0)) % 1_000_000;
  return 1_048_576 + h;
}

export const ls: SimCommand = {
  name: 'ls',
  async run(args, env) {
    const bb = env.flavor === 'busybox';
    let long = false;
    let all = false;
    let dots = false;
    let one = false;
    let dirOnly = false;
    let recursive = false;
    let reverse = false;
    let sort: 'name' | 'time' | 'size' | 'none' = 'name';
    let classify: 'none' | 'slash' | 'all' = 'none';
    let humanSizes = false;
    let inode = false;
    let sizes = false;
    let numeric = false;
    let owner = true;
    let group = true;
    let columnsAlways = false;
    const paths: string[] = [];
    const bad = (text: string) =>
      R('', bb ? `ls: unrecognized option: ${text}\n` : `ls: invalid option -- '${text}'\nTry 'ls --help' for more information.\n`, 2);
    const short = (ch: string): boolean => {
      if (ch === 'l') long = true;
      else if (ch === 'a') all = dots = true;
      else if (ch === 'A') all = true;
      else if (ch === '1') {
        one = true;
        columnsAlways = false;
      } else if (ch === 'd') dirOnly = true;
      else if (ch === 'R') recursive = true;
      else if (ch === 'r') reverse = true;
      else if (ch === 't') sort = 'time';
      else if (ch === 'S') sort = 'size';
      else if (ch === 'U') sort = 'none';
      else if (ch === 'f') {
        // -f: -a and -U (and no colour, no long format's sorting).
        all = dots = true;
        sort = 'none';
      } else if (ch === 'F') classify = 'all';
      else if (ch === 'p') classify = 'slash';
      else if (ch === 'h') humanSizes = true;
      else if (ch === 'i') inode = true;
      else if (ch === 's') sizes = true;
      else if (ch === 'n') long = numeric = true;
      else if (ch === 'g') {
        long = true;
        owner = false;
      } else if (ch === 'o') {
        long = true;
        group = false;
      } else if (ch === 'C') {
        columnsAlways = true;
        one = false;
      } else return false;
      return true;
    };
    let operandsOnly = false;
    for (const a of args) {
      if (operandsOnly || a === '-' || !a.startsWith('-')) {
        paths.push(a);
        continue;
      }
      if (a === '--') {
        operandsOnly = true;
        continue;
      }
      if (a === '--help') return R('Usage: ls [OPTION]... [FILE]...\nList information about the FILEs (the current directory by default).\n');
      if (a.startsWith('--')) {
        const [name, value] = a.slice(2).split(/=(.*)/s) as [string, string | undefined];
        if (!bb && (name === 'color' || name === 'colour')) {
          // The host's terminal shows no colours (as if TERM had none): every valid word is accepted.
          if (value === undefined || /^(always|yes|force|never|no|none|auto|tty|if-tty)$/.test(value)) continue;
          return R(
            '',
            `ls: invalid argument '${value}' for '--color'\nValid arguments are:\n${COLOR_WORDS.map((w) => `  - ${w}\n`).join('')}Usage: ls [OPTION]... [FILE]...\nTry 'ls --help' for more information.\n`,
            2,
          );
        }
        const letter = !bb && value === undefined ? LONG_FLAGS[name] : undefined;
        if (letter && short(letter)) continue;
        return R('', bb ? `ls: unrecognized option: ${a.slice(2)}\n` : `ls: unrecognized option '${a}'\nTry 'ls --help' for more information.\n`, 2);
      }
      for (const ch of a.slice(1)) if (!short(ch)) return bad(ch);
    }
    if (!paths.length) paths.push('.');
    const upper = paths.length === 1 && !recursive ? overlay2Ls(env, env.fs.resolvePath(env.cwd, paths[0] as string), { long, dirOnly }) : undefined;
    if (upper) return upper;
    const fs = env.fs;
    const tty = env.tty;
    const now = env.host.clock.nowMs;
    let out = '';
    let err = '';
    let code = 0;
    const files: Entry[] = [];
    const dirs: Entry[] = [];
    // A link's target is shown (-l) or counted (its size: -S, -s); a short listing reads no link.
    const targets = long || (sort as string) === 'size' || sizes;
    for (const p of paths) {
      const abs = fs.resolvePath(env.cwd, p);
      try {
        const st = await fs.lstat(abs);
        let followed = st;
        if (st.isSymbolicLink && !long) followed = await fs.stat(abs).catch(() => st);
        const e: Entry = { name: p, path: abs, st };
        if (st.isSymbolicLink && targets) e.target = await fs.readlink(abs);
        if (followed.isDirectory && !dirOnly) dirs.push(e);
        else files.push(e);
      } catch {
        err += bb ? `ls: ${p}: No such file or directory\n` : `ls: cannot access '${p}': No such file or directory\n`;
        code = 2;
      }
    }
    // ls.c sort_files: by name (C.UTF-8: byte order), newest first (-t), largest first (-S), ties
    // by name; -r reverses; -U keeps the directory's order.
    const byName = (a: Entry, b: Entry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    const order = (entries: Entry[]): Entry[] => {
      if (sort === 'none') return entries;
      const cmp =
        sort === 'time'
          ? (a: Entry, b: Entry) => b.st.mtime.getTime() - a.st.mtime.getTime() || byName(a, b)
          : sort === 'size'
            ? (a: Entry, b: Entry) => sizeOf(b.st, b.target, b.path) - sizeOf(a.st, a.target, a.path) || byName(a, b)
            : byName;
      const sorted = [...entries].sort(cmp);
      return reverse ? sorted.reverse() : sorted;
    };
    const sizeText = (n: number) => (humanSizes ? human(n) : String(n));
    const blk = (e: Entry) => allocBlocks(e.st, e.path, e.target) / 2;
    const ids = long ? await idNames(env) : undefined;
    // Long listings count each entry's links first (a directory's: its subdirectories).
    const counted = async (entries: Entry[]): Promise<Entry[]> => {
      if (long) for (const e of entries) e.nlink = await linkCount(fs, e.path, e.st);
      return entries;
    };
    const render = (entries: Entry[]): string => {
      const inoW = Math.max(0, ...entries.map((e) => String(inodeOfPath(e.st.linkOf ?? e.path)).length));
      // busybox@1_36_1:coreutils/ls.c display_single: "%7llu ".
      // ls.c print_file_name_and_frills / print_long_format: -s puts the 1024-byte blocks before, right-aligned to the widest.
      const blkW = Math.max(0, ...entries.map((e) => String(blk(e)).length));
      const ino = (e: Entry) =>
        (inode ? `${String(inodeOfPath(e.st.linkOf ?? e.path)).padStart(bb ? 7 : inoW)} ` : '') + (sizes ? `${String(blk(e)).padStart(bb ? 4 : blkW)} ` : '');
      if (!long) {
        const names = entries.map((e) => ino(e) + quote(e.name, tty, bb) + indicator(e.st, classify, false));
        // -C lays out columns even into a pipe, 80 wide there (ls.c: COLUMNS unset, not a terminal).
        if (columnsAlways) return columns(names, tty ? env.columns : 80);
        return one || !tty ? names.map((n) => `${n}\n`).join('') : columns(names, env.columns);
      }
      // coreutils ls.c gobble_file: a device's size column is "major, minor", the two right-aligned
      // in their own widths, and the column as wide as the widest size or that pair.
      const devs = entries.map((e) => e.st.rdev).filter((d): d is { major: number; minor: number } => Boolean(d));
      const majW = Math.max(0, ...devs.map((d) => String(d.major).length));
      const minW = Math.max(0, ...devs.map((d) => String(d.minor).length));
      const sizeW = Math.max(
        1,
        devs.length ? majW + 2 + minW : 0,
        ...entries.filter((e) => !e.st.rdev).map((e) => sizeText(sizeOf(e.st, e.target, e.path)).length),
      );
      // coreutils@v9.4:src/ls.c print_long_format: the link count right-aligned to the widest, then
      // format_user_or_group: a name left-aligned to the widest, an id without one (or -n) right-aligned.
      // busybox@1_36_1:coreutils/ls.c display_single: "%4lu ", then "%-8.8s " for each name (or its number).
      const name = (id: number, of: 'user' | 'group') => (numeric ? undefined : of === 'user' ? ids?.user(id) : ids?.group(id));
      const cols = entries.map((e) => ({ nl: String(e.nlink ?? 1), u: e.st.uid ?? 0, g: e.st.gid ?? 0 }));
      const nlW = Math.max(0, ...cols.map((c) => c.nl.length));
      const uW = Math.max(0, ...cols.map((c) => (name(c.u, 'user') ?? String(c.u)).length));
      const gW = Math.max(0, ...cols.map((c) => (name(c.g, 'group') ?? String(c.g)).length));
      const col = (id: number, of: 'user' | 'group', w: number) => {
        const n = name(id, of);
        if (bb) return ` ${(n ?? String(id)).slice(0, 8).padEnd(8)}`;
        return ` ${n !== undefined ? n.padEnd(w) : String(id).padStart(w)}`;
      };
      return entries
        .map((e, i) => {
          const d = e.st.rdev;
          const c = cols[i] as { nl: string; u: number; g: number };
          const name = quote(e.name, tty, bb) + indicator(e.st, classify, true) + (e.target !== undefined ? ` -> ${quote(e.target, tty, bb)}` : '');
          // busybox@1_36_1:coreutils/ls.c display_single: "%4u, %3u " for a device, "%9"OFF_FMT"u " for a size.
          const bbSize = d ? `${String(d.major).padStart(4)}, ${String(d.minor).padStart(3)}` : sizeText(sizeOf(e.st, e.target, e.path)).padStart(9);
          const size = d
            ? `${String(d.major).padStart(sizeW - 2 - minW)}, ${String(d.minor).padStart(minW)}`
            : sizeText(sizeOf(e.st, e.target, e.path)).padStart(sizeW);
          const who = `${owner ? col(c.u, 'user', uW) : ''}${group ? col(c.g, 'group', gW) : ''}`;
          return bb
            ? `${ino(e)}${modeString(e.st)} ${c.nl.padStart(4)}${who} ${bbSize} ${when(e.st.mtime.getTime(), now)} ${name}\n`
            : `${ino(e)}${modeString(e.st)} ${c.nl.padStart(nlW)}${who} ${size} ${when(e.st.mtime.getTime(), now)} ${name}\n`;
        })
        .join('');
    };
    const listed = async (d: Entry): Promise<Entry[]> => {
      const names = [...(dots ? ['.', '..'] : []), ...(await fs.readdir(d.path)).filter((n) => all || !n.startsWith('.'))];
      const entries: Entry[] = [];
      for (const n of names) {
        const path = n === '.' ? d.path : n === '..' ? fs.resolvePath(d.path, '..') : d.path === '/' ? `/${n}` : `${d.path}/${n}`;
        const st = await fs.lstat(path).catch(() => undefined);
        if (!st) continue;
        const e: Entry = { name: n, path, st };
        if (st.isSymbolicLink && targets) e.target = await fs.readlink(path).catch(() => '');
        entries.push(e);
      }
      return order(entries);
    };
    if (files.length) out += render(await counted(order(files)));
    // ls.c print_dir: a header when there is more than one operand or -R; -R then lists each
    // subdirectory (not . or .., not a symlink) after its parent, depth first, in listing order.
    const pending = order(dirs);
    const showHeader = paths.length > 1 || recursive;
    while (pending.length) {
      const d = pending.shift() as Entry;
      await env.tick();
      if (env.signal?.aborted) break;
      let entries: Entry[];
      try {
        entries = await listed(d);
      } catch {
        err += bb ? `ls: ${d.name}: Permission denied\n` : `ls: cannot open directory '${d.name}': Permission denied\n`;
        code = 2;
        continue;
      }
      if (showHeader) out += `${out ? '\n' : ''}${d.name}:\n`;
      if (long) {
        // ls.c print_dir: "total" is the entries' st_blocks in 1024-byte units (shell/blocks.ts).
        const blocks = entries.reduce((n, e) => n + blk(e), 0);
        out += `total ${humanSizes ? human(blocks * 1024) : blocks}\n`;
      }
      out += render(await counted(entries));
      if (recursive) {
        const subs = entries
          .filter((e) => e.st.isDirectory && !e.st.isSymbolicLink && e.name !== '.' && e.name !== '..')
          .map((e) => ({ ...e, name: d.name === '/' ? `/${e.name}` : `${d.name.replace(/\/$/, '')}/${e.name}` }));
        pending.unshift(...subs);
      }
    }
    return R(out, err, code);
  },
};
