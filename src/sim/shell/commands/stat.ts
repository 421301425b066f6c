import type { FsStat } from 'just-bash';
import { allocBlocks } from '../blocks.ts';
import type { ExecResult } from '../../api.ts';
import { mountOf, statfsOf, statfsText } from '../fsstat.ts';
import { mountTable } from '../mounttable.ts';
import { q } from '../quote.ts';
import { idNames, linkCount } from '../fsmeta.ts';
import { statAs, strerror } from '../pathlookup.ts';
import type { SimStat } from '../simfs.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

function kind(st: FsStat): string {
  // gnulib file-type.c file_type: "socket" for S_ISSOCK.
  if ((st.mode & 0o170000) === 0o140000) return 'socket';
  return st.isSymbolicLink ? 'symbolic link' : st.isDirectory ? 'directory' : st.size === 0 ? 'regular empty file' : 'regular file';
}

function perm(st: FsStat): string {
  const t = st.isSymbolicLink ? 'l' : st.isDirectory ? 'd' : (st.mode & 0o170000) === 0o140000 ? 's' : '-';
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

const stamp = (d: Date) =>
  `${d
    .toISOString()
    .replace('T', ' ')
    .replace(/\.(\d{3})Z$/, '.$1000000')} +0000`;

/** The inode a path shows: namespace files carry their namespace's inode (what `stat -L` prints). */
async function inodeOf(env: CmdEnv, abs: string, st: SimStat, follow: boolean): Promise<number> {
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
      const ino = await inodeOf(env, abs, st, follow);
      const target = st.isSymbolicLink ? await env.fs.readlink(abs).catch(() => '') : '';
      const size = st.isDirectory ? 4096 : st.size;
      const nlink = await linkCount(env.fs, abs, st);
      const uid = st.uid ?? 0;
      const gid = st.gid ?? 0;
      // coreutils@v9.4:src/stat.c print_stat and busybox@1_36_1:coreutils/stat.c: an id without a name is UNKNOWN.
      const user = ids.user(uid) ?? 'UNKNOWN';
      const group = ids.group(gid) ?? 'UNKNOWN';
      const times = { x: st.atime ?? st.mtime, y: st.mtime, z: st.ctime ?? st.mtime };
      if (format !== undefined) {
        const value = (c: string): string | undefined =>
          ({
            i: String(ino),
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
            w: stamp(st.birthtime ?? st.mtime),
            W: String(Math.floor((st.birthtime ?? st.mtime).getTime() / 1000)),
            '%': '%',
          })[c];
        out += `${format.replace(/%([inNsbBFaAUuGghxyzXYZwW%])/g, (_, c: string) => value(c) ?? '')}\n`;
        continue;
      }
      const name = st.isSymbolicLink ? `${f} -> ${target}` : f;
      // coreutils@v9.4:src/stat.c default_format: "Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)".
      const owner = `Uid: (${String(uid).padStart(5)}/${user.padStart(8)})   Gid: (${String(gid).padStart(5)}/${group.padStart(8)})`;
      out += `  File: ${name}\n  Size: ${String(size).padEnd(10)}\tBlocks: ${String(allocBlocks(st, abs, target)).padEnd(10)} IO Block: 4096   ${kind(st)}\nDevice: ${abs.startsWith('/proc') ? '0,22' : '8,1'}\tInode: ${String(ino).padEnd(11)} Links: ${nlink}\nAccess: (${(st.mode & 0o7777).toString(8).padStart(4, '0')}/${perm(st)})  ${owner}\nAccess: ${stamp(times.x)}\nModify: ${stamp(times.y)}\nChange: ${stamp(times.z)}\n${bb ? '' : ` Birth: ${stamp(st.birthtime ?? st.mtime)}\n`}`;
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
