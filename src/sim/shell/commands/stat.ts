import type { FsStat } from 'just-bash';
import { allocBlocks } from '../blocks.ts';
import type { ExecResult } from '../../api.ts';
import { mountOf, statfsOf, statfsText } from '../fsstat.ts';
import { mountTable } from '../mounttable.ts';
import { q } from '../quote.ts';
import { idNames, linkCount } from '../fsmeta.ts';
import { statAs, strerror } from '../pathlookup.ts';
import type { DevStat } from '../../fs/devfs.ts';
import type { SimStat } from '../simfs.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** S_IFMT's device types. */
const S_IFCHR = 0o020000;
const S_IFBLK = 0o060000;
const isDevice = (st: FsStat) => (st.mode & 0o170000) === S_IFCHR || (st.mode & 0o170000) === S_IFBLK;

function kind(st: FsStat): string {
  // gnulib file-type.c file_type (busybox@1_36_1:coreutils/stat.c file_type says the same): "socket" for S_ISSOCK,
  // "character special file" and "block special file" for the devices.
  if ((st.mode & 0o170000) === 0o140000) return 'socket';
  if ((st.mode & 0o170000) === S_IFCHR) return 'character special file';
  if ((st.mode & 0o170000) === S_IFBLK) return 'block special file';
  return st.isSymbolicLink ? 'symbolic link' : st.isDirectory ? 'directory' : st.size === 0 ? 'regular empty file' : 'regular file';
}

function perm(st: FsStat): string {
  const fmt = st.mode & 0o170000;
  const t = st.isSymbolicLink ? 'l' : st.isDirectory ? 'd' : fmt === 0o140000 ? 's' : fmt === S_IFCHR ? 'c' : fmt === S_IFBLK ? 'b' : '-';
  // A descriptor's link in /proc/PID/fd carries its open mode (fs/procfd.ts); other links are 0777.
  if (st.isSymbolicLink && (st.mode & 0o170000) !== 0o120000) return 'lrwxrwxrwx';
  const bits = [8, 7, 6, 5, 4, 3, 2, 1, 0].map((b, i) => (st.mode & (1 << b) ? 'rwx'[i % 3] : '-'));
  // gnulib filemode.c (coreutils 9.4 %A): setuid, setgid and sticky show in the x places, lower case over x.
  for (const [bit, at, ch] of [
    [0o4000, 2, 's'],
    [0o2000, 5, 's'],
    [0o1000, 8, 't'],
  ] as const)
    if (st.mode & bit) bits[at] = bits[at] === 'x' ? ch : ch.toUpperCase();
  return t + bits.join('');
}

/** st_dev of a path: node1's devtmpfs is 0:5 and its devpts 0:24 (Ubuntu's order: sysfs, proc, devtmpfs, devpts); procfs 0:22; else the disk's 8:1. */
function stDev(abs: string, inContainer: boolean): [number, number] {
  if (abs.startsWith('/proc')) return [0, 22];
  // A container's /dev is a tmpfs and a devpts of its own, whose numbers are not simulated.
  if (inContainer) return [8, 1];
  if (abs.startsWith('/dev/pts/')) return [0, 24];
  if (abs === '/dev' || abs.startsWith('/dev/')) return [0, 5];
  return [8, 1];
}

/** glibc's makedev: the dev_t %d and %D print (decimal and hex). */
const makedev = ([ma, mi]: readonly [number, number]) => ((ma & 0xfff) << 8) | (mi & 0xff) | ((mi & ~0xff) << 12);

const stamp = (d: Date) =>
  `${d
    .toISOString()
    .replace('T', ' ')
    .replace(/\.(\d{3})Z$/, '.$1000000')} +0000`;

/** Where a chain of links from `abs` ends (at most 40 of them, fs/namei.c MAXSYMLINKS). */
async function linkEnd(env: CmdEnv, abs: string): Promise<string> {
  let p = abs;
  for (let i = 0; i < 40; i++) {
    const st = await env.fs.lstat(p).catch(() => undefined);
    if (!st?.isSymbolicLink) return p;
    const t = await env.fs.readlink(p).catch(() => '');
    if (!t) return p;
    p = env.fs.resolvePath(p.slice(0, p.lastIndexOf('/')) || '/', t);
  }
  return p;
}

/** The inode a path shows: namespace files carry their namespace's inode (what `stat -L` prints). */
async function inodeOf(env: CmdEnv, abs: string, st: SimStat, follow: boolean): Promise<number> {
  // A node that knows its number (devpts: fs/devfs.ts).
  const own = (st as DevStat).devIno;
  if (own !== undefined) return own;
  if (follow && st.isSymbolicLink === false && /^\/proc\/[^/]+\/ns\//.test(abs)) {
    const target = await env.fs.readlink(abs).catch(() => '');
    const m = /\[(\d+)\]$/.exec(target);
    if (m) return Number(m[1]);
  }
  // A hard-linked file's names share one inode: the number of its first name.
  let h = 0;
  for (const ch of st.linkOf ?? abs) h = (h * 31 + ch.charCodeAt(0)) % 1_000_000;
  return 1_048_576 + h;
}

export const stat: SimCommand = {
  name: 'stat',
  async run(args, env) {
    const bb = env.flavor === 'busybox';
    let follow = false;
    let fsMode = false;
    let terse = false;
    let format: string | undefined;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-L' || a === '--dereference') follow = true;
      else if (a === '-f' || a === '--file-system') fsMode = true;
      else if (a === '-t' || a === '--terse') terse = true;
      else if (/^-[fLt]{2,}$/.test(a)) {
        fsMode ||= a.includes('f');
        follow ||= a.includes('L');
        terse ||= a.includes('t');
      } else if (a === '-c' || a === '--format') format = args[++i];
      else if (a.startsWith('--format=')) format = a.slice(9);
      else if (a.startsWith('-'))
        return R(
          '',
          bb ? `stat: unrecognized option: ${a.replace(/^-+/, '')}\n` : `stat: invalid option -- '${a.slice(1, 2)}'\nTry 'stat --help' for more information.\n`,
          1,
        );
      else files.push(a);
    }
    if (!files.length)
      return R(
        '',
        bb
          ? 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: stat [-ltf] [-c FMT] FILE...\n'
          : "stat: missing operand\nTry 'stat --help' for more information.\n",
        1,
      );
    if (fsMode) return statFs(files, env, bb, format, terse);
    let out = '';
    let err = '';
    const ids = await idNames(env);
    for (const f of files) {
      const abs = env.fs.resolvePath(env.cwd, f);
      let st: SimStat;
      try {
        st = await statAs(env.fs, abs, f, follow);
      } catch (e) {
        const why = strerror(e, bb);
        err += bb ? `stat: can't stat '${f}': ${why}\n` : `stat: cannot statx '${f}': ${why}\n`;
        continue;
      }
      // Followed to a device (`stat -L /dev/stdin`), the numbers are the device node's.
      const at = follow && isDevice(st) ? await linkEnd(env, abs) : abs;
      const ino = await inodeOf(env, at, st, follow);
      const target = st.isSymbolicLink ? await env.fs.readlink(abs).catch(() => '') : '';
      const size = st.isDirectory ? 4096 : st.size;
      const nlink = await linkCount(env.fs, abs, st);
      const uid = st.uid ?? 0;
      const gid = st.gid ?? 0;
      // coreutils@v9.4:src/stat.c print_stat and busybox@1_36_1:coreutils/stat.c: an id without a name is UNKNOWN.
      const user = ids.user(uid) ?? 'UNKNOWN';
      const group = ids.group(gid) ?? 'UNKNOWN';
      const times = { x: st.atime ?? st.mtime, y: st.mtime, z: st.ctime ?? st.mtime };
      const dev = stDev(at, Boolean(env.self.containerId));
      // devpts keeps no birth time (its inodes' getattr is generic_fillattr's; tmpfs, devtmpfs and the disk do).
      const born = (st as DevStat).noBirth ? undefined : (st.birthtime ?? st.mtime);
      const rdev = isDevice(st) ? ((st as DevStat).rdev ?? { major: 0, minor: 0 }) : undefined;
      if (format !== undefined) {
        const value = (c: string): string | undefined =>
          ({
            i: String(ino),
            d: String(makedev(dev)),
            D: makedev(dev).toString(16),
            t: (rdev?.major ?? 0).toString(16),
            T: (rdev?.minor ?? 0).toString(16),
            n: f,
            N: st.isSymbolicLink ? `'${f}' -> '${target}'` : `'${f}'`,
            s: String(size),
            b: String(allocBlocks(st, abs, target)),
            B: '512',
            F: kind(st),
            a: (st.mode & 0o7777).toString(8),
            A: perm(st),
            U: user,
            u: String(uid),
            G: group,
            g: String(gid),
            h: String(nlink),
            x: stamp(times.x),
            y: stamp(times.y),
            z: stamp(times.z),
            X: String(Math.floor(times.x.getTime() / 1000)),
            Y: String(Math.floor(times.y.getTime() / 1000)),
            Z: String(Math.floor(times.z.getTime() / 1000)),
            // coreutils@v9.4:src/stat.c: %w is "-" and %W 0 when statx gives no birth time.
            w: born ? stamp(born) : '-',
            W: born ? String(Math.floor(born.getTime() / 1000)) : '0',
            '%': '%',
          })[c];
        out += `${format.replace(/%([idDtTnNsbBFaAUuGghxyzXYZwW%])/g, (_, c: string) => value(c) ?? '')}\n`;
        continue;
      }
      const name = st.isSymbolicLink ? `${f} -> ${target}` : f;
      // coreutils@v9.4:src/stat.c default_format: "Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)".
      const owner = `Uid: (${String(uid).padStart(5)}/${user.padStart(8)})   Gid: (${String(gid).padStart(5)}/${group.padStart(8)})`;
      // default_format's device line, "Device: %Hd,%Ld\tInode: %-10i  Links: %h", for a device "… Links: %-5h Device type: %Hr,%Lr";
      // busybox@1_36_1:coreutils/stat.c do_stat: "Device: %Dh/%dd\tInode: %-10i  Links: %h", for a device "… Links: %-5h Device type: %t,%T".
      const devText = bb ? `${makedev(dev).toString(16)}h/${makedev(dev)}d` : dev.join(',');
      const links = rdev
        ? `${String(nlink).padEnd(5)} Device type: ${bb ? `${rdev.major.toString(16)},${rdev.minor.toString(16)}` : `${rdev.major},${rdev.minor}`}`
        : String(nlink);
      out += `  File: ${name}\n  Size: ${String(size).padEnd(10)}\tBlocks: ${String(allocBlocks(st, abs, target)).padEnd(10)} IO Block: 4096   ${kind(st)}\nDevice: ${devText}\tInode: ${String(ino).padEnd(10)}  Links: ${links}\nAccess: (${(st.mode & 0o7777).toString(8).padStart(4, '0')}/${perm(st)})  ${owner}\nAccess: ${stamp(times.x)}\nModify: ${stamp(times.y)}\nChange: ${stamp(times.z)}\n${bb ? '' : ` Birth: ${born ? stamp(born) : '-'}\n`}`;
    }
    return R(out, err, err ? 1 : 0);
  },
};

/** stat -f: statfs of the mount holding each file (fsstat.ts). */
async function statFs(files: string[], env: CmdEnv, bb: boolean, format: string | undefined, terse: boolean): Promise<ExecResult> {
  const c = env.self.containerId ? env.daemon.containers.get(env.self.containerId) : undefined;
  const table = mountTable(env.daemon, c);
  let out = '';
  let err = '';
  for (const f of files) {
    const abs = env.fs.resolvePath(env.cwd, f);
    const m = (await env.fs.exists(abs)) || table.some((x) => x.target === abs) ? mountOf(table, abs) : undefined;
    // coreutils@v9.4:src/stat.c do_statfs: "cannot read file system information for %s" (quoteaf);
    // busybox@1_36_1:coreutils/stat.c: "can't read file system information for '%s'".
    if (!m)
      err += bb
        ? `stat: can't read file system information for '${f}': No such file or directory\n`
        : `stat: cannot read file system information for ${q(env, f)}: No such file or directory\n`;
    else out += statfsText(f, statfsOf(m, env.daemon, env.host, c), bb, format, terse);
  }
  return R(out, err, err ? 1 : 0);
}
