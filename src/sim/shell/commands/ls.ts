import type { ExecResult } from '../../api.ts';
import type { FsStat } from 'just-bash';
import type { SimCommand } from '../types.ts';
import { overlay2Ls } from './overlay2-ls.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A device node's numbers and a tmpfs directory's size, as /dev's stat carries them (fs/devfs.ts). */
type Stat = FsStat & { rdev?: { major: number; minor: number }; dirSize?: number };

function modeString(st: Stat): string {
  const type = st.isSymbolicLink ? 'l' : st.isDirectory ? 'd' : st.rdev ? 'c' : '-';
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
    const paths: string[] = [];
    for (const a of args) {
      if (a === '--help') return R('Usage: ls [OPTION]... [FILE]...\nList information about the FILEs (the current directory by default).\n');
      if (a.startsWith('--')) return R('', bb ? `ls: unrecognized option: ${a.slice(2)}\n` : `ls: unrecognized option '${a}'\nTry 'ls --help' for more information.\n`, 2);
      if (a.startsWith('-') && a.length > 1) {
        for (const ch of a.slice(1)) {
          if (ch === 'l') long = true;
          else if (ch === 'a') all = dots = true;
          else if (ch === 'A') all = true;
          else if (ch === '1') one = true;
          else if (ch === 'd') dirOnly = true;
          else if (ch === 'h' || ch === 'F') continue;
          else return R('', bb ? `ls: unrecognized option: ${ch}\n` : `ls: invalid option -- '${ch}'\nTry 'ls --help' for more information.\n`, 2);
        }
      } else paths.push(a);
    }
    if (!paths.length) paths.push('.');
    const upper = paths.length === 1 ? overlay2Ls(env, env.fs.resolvePath(env.cwd, paths[0] as string), { long, dirOnly }) : undefined;
    if (upper) return upper;
    const fs = env.fs;
    const tty = env.tty;
    const now = env.host.clock.nowMs;
    let out = '';
    let err = '';
    let code = 0;
    const files: Entry[] = [];
    const dirs: Entry[] = [];
    for (const p of paths) {
      const abs = fs.resolvePath(env.cwd, p);
      try {
        const st = await fs.lstat(abs);
        let followed = st;
        if (st.isSymbolicLink && !long) followed = await fs.stat(abs).catch(() => st);
        const e: Entry = { name: p, path: abs, st };
        if (st.isSymbolicLink) e.target = await fs.readlink(abs);
        if (followed.isDirectory && !dirOnly) dirs.push(e);
        else files.push(e);
      } catch {
        err += bb ? `ls: ${p}: No such file or directory\n` : `ls: cannot access '${p}': No such file or directory\n`;
        code = 2;
      }
    }
    const render = (entries: Entry[]): string => {
      if (!long) {
        const names = entries.map((e) => quote(e.name, tty, bb));
        return one || !tty ? names.map((n) => `${n}\n`).join('') : columns(names, env.columns);
      }
      // coreutils ls.c gobble_file: a device's size column is "major, minor", the two right-aligned
      // in their own widths, and the column as wide as the widest size or that pair.
      const devs = entries.map((e) => e.st.rdev).filter((d): d is { major: number; minor: number } => Boolean(d));
      const majW = Math.max(0, ...devs.map((d) => String(d.major).length));
      const minW = Math.max(0, ...devs.map((d) => String(d.minor).length));
      const sizeW = Math.max(1, devs.length ? majW + 2 + minW : 0, ...entries.filter((e) => !e.st.rdev).map((e) => String(sizeOf(e.st, e.target, e.path)).length));
      return entries
        .map((e) => {
          const d = e.st.rdev;
          const nlink = e.st.isDirectory ? 2 : 1;
          const name = quote(e.name, tty, bb) + (e.target !== undefined ? ` -> ${quote(e.target, tty, bb)}` : '');
          // busybox@1_36_1:coreutils/ls.c display_single: "%4u, %3u " for a device, "%9"OFF_FMT"u " for a size.
          const bbSize = d ? `${String(d.major).padStart(4)}, ${String(d.minor).padStart(3)}` : String(sizeOf(e.st, e.target, e.path)).padStart(9);
          const size = d ? `${String(d.major).padStart(sizeW - 2 - minW)}, ${String(d.minor).padStart(minW)}` : String(sizeOf(e.st, e.target, e.path)).padStart(sizeW);
          return bb
            ? `${modeString(e.st)} ${String(nlink).padStart(4)} ${'root'.padEnd(8)} ${'root'.padEnd(8)} ${bbSize} ${when(e.st.mtime.getTime(), now)} ${name}\n`
            : `${modeString(e.st)} ${nlink} root root ${size} ${when(e.st.mtime.getTime(), now)} ${name}\n`;
        })
        .join('');
    };
    if (files.length) out += render(files);
    for (const d of dirs) {
      const names = [...(dots ? ['.', '..'] : []), ...(await fs.readdir(d.path)).filter((n) => all || !n.startsWith('.')).sort()];
      const entries: Entry[] = [];
      for (const n of names) {
        const path = n === '.' ? d.path : n === '..' ? fs.resolvePath(d.path, '..') : d.path === '/' ? `/${n}` : `${d.path}/${n}`;
        const st = await fs.lstat(path).catch(() => undefined);
        if (!st) continue;
        const e: Entry = { name: n, path, st };
        if (st.isSymbolicLink) e.target = await fs.readlink(path).catch(() => '');
        entries.push(e);
      }
      if (paths.length > 1) out += `${out ? '\n' : ''}${d.name}:\n`;
      if (long) out += `total ${entries.some((e) => e.st.isFile && e.st.size > 0) ? entries.filter((e) => !e.st.isSymbolicLink).length * 4 : 0}\n`;
      out += render(entries);
    }
    return R(out, err, code);
  },
};

