/**
 * One path's stat as the kernel looks it up for a command (ls, stat): following the last link or not, and a trailing
 * slash, which makes even lstat follow the last link and ask for a directory (path_resolution(7); linux v6.8
 * fs/namei.c: a name ending in '/' is looked up with LOOKUP_FOLLOW | LOOKUP_DIRECTORY, ENOTDIR for anything else);
 * the shell's resolvePath drops that slash, so the command passes the path as spelled too. And strerror for the errors
 * the filesystems throw (`ELOOP: …`, fs/namei.ts), in glibc's words or musl's under busybox.
 */
import type { IFileSystem } from 'just-bash';
import type { SimStat } from './simfs.ts';

/** strerror: glibc-2.39 sysdeps/gnu/errlist.h, or musl v1.2.4 src/errno/__strerror.h. */
export function strerror(e: unknown, musl: boolean): string {
  const m = e instanceof Error ? e.message : '';
  if (m.startsWith('ELOOP')) return musl ? 'Symbolic link loop' : 'Too many levels of symbolic links';
  if (m.startsWith('ENOTDIR')) return 'Not a directory';
  if (m.startsWith('EISDIR')) return 'Is a directory';
  return 'No such file or directory';
}

/** stat (`follow`) or lstat of `abs`, as `spelled` asks (see the file's head). */
export async function statAs(fs: IFileSystem, abs: string, spelled: string, follow: boolean): Promise<SimStat> {
  const slash = spelled.length > 1 && spelled.endsWith('/');
  if (!follow && !slash) return (await fs.lstat(abs)) as SimStat;
  const st = (await fs.stat(abs)) as SimStat;
  if (slash && !st.isDirectory) throw new Error(`ENOTDIR: not a directory, stat '${abs}'`);
  return st;
}
