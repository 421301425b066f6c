/** ls's columns and names (coreutils 9.4 src/ls.c, busybox 1.36.1 coreutils/ls.c): split from ls.ts by concern. */
import type { SimStat } from '../simfs.ts';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A device node's numbers and a tmpfs directory's size, as /dev's stat carries them (fs/devfs.ts). */
export type Stat = SimStat & { rdev?: { major: number; minor: number }; dirSize?: number };

export function modeString(st: Stat): string {
  // coreutils 9.4 via gnulib filemode.c ftypelet: s for a socket (S_IFSOCK), b for a block device (S_IFBLK), c for a character one.
  const fmt = st.mode & 0o170000;
  const type = st.isSymbolicLink ? 'l' : st.isDirectory ? 'd' : fmt === 0o060000 ? 'b' : st.rdev ? 'c' : fmt === 0o140000 ? 's' : '-';
  // A link's permission bits are 0777 but for procfs's descriptor links, which carry the file's open mode
  // (linux@v6.8:fs/proc/fd.c tid_fd_update_inode: S_IRUSR|S_IXUSR for FMODE_READ, S_IWUSR|S_IXUSR for FMODE_WRITE).
  if (st.isSymbolicLink && (st.mode & 0o170000) !== 0o120000) return 'lrwxrwxrwx';
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
export function sizeOf(st: Stat, target?: string, path = ''): number {
  // A symlink's size is its target's length in bytes; procfs gives its links their own (0, and 64 for /proc/PID/fd/N:
  // linux@v6.8:fs/proc/fd.c proc_fd_instantiate `inode->i_size = 64`).
  const fdLink = (st.mode & 0o170777) !== 0o120777;
  if (st.isSymbolicLink) return path.startsWith('/proc/') || fdLink ? st.size : new TextEncoder().encode(target ?? '').length;
  return st.isDirectory ? (st.dirSize ?? 4096) : st.size;
}

export function when(ms: number, now: number): string {
  const d = new Date(ms);
  const day = String(d.getUTCDate()).padStart(2, ' ');
  const recent = now - ms < 183 * 86_400_000 && ms <= now + 3_600_000;
  const tail = recent ? `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}` : ` ${d.getUTCFullYear()}`;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${tail}`;
}

/** coreutils quotes names with shell-special characters when writing to a terminal. */
export function quote(name: string, tty: boolean, busybox: boolean): string {
  if (!tty || busybox || /^[\w.+,/@%^-]+$/.test(name)) return name;
  return `'${name.replace(/'/g, `'\\''`)}'`;
}

/** Lays names out in columns, top to bottom, like ls on a terminal. */
export function columns(names: string[], width: number): string {
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

/**
 * human_readable with ls -h's options (gnulib human.c: powers of 1024, rounded up, one decimal
 * below 10): 4096 → 4.0K, 1234567 → 1.2M, 512 → 512.
 */
export function human(n: number): string {
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
export function indicator(st: Stat, mode: 'none' | 'slash' | 'all', long: boolean): string {
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
export function inodeOfPath(abs: string): number {
  let h = 0;
  for (const ch of abs) h = (h * 31 + ch.charCodeAt(0)) % 1_000_000;
  return 1_048_576 + h;
}
