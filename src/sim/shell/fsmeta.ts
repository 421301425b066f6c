/**
 * What `ls -l` and `stat` show of an inode beyond its mode and mtime, from any of a root's filesystems (simfs.ts
 * keeps them for the root's own; /proc, /dev, volumes and tmpfs mounts have none and are root's).
 *
 * st_nlink of a directory is 2 plus its subdirectories: its name in its parent, its own `.`, and each child's `..`
 * (linux v6.8 fs/ext4/namei.c ext4_mkdir: set_nlink(inode, 2) and ext4_inc_count(dir); tmpfs the same,
 * mm/shmem.c shmem_mkdir: inc_nlink(dir); overlayfs passes the upper or lower inode's count through,
 * fs/overlayfs/inode.c ovl_getattr). procfs gives its directories the same count (fs/proc/generic.c proc_register:
 * `if (S_ISDIR(dp->mode)) dir->nlink++`; fs/proc/root.c proc_root_getattr adds one per process, its /proc/PID
 * directories), so counting a directory's subdirectories answers for every filesystem mounted here.
 */
import type { IFileSystem } from 'just-bash';
import type { SimStat } from './simfs.ts';
import { rows } from './users.ts';
import type { CmdEnv } from './types.ts';

/** st_nlink of `abs`: a file's hard links, a directory's 2 + subdirectories. */
export async function linkCount(fs: IFileSystem, abs: string, st: SimStat): Promise<number> {
  // The root's own filesystem counts them itself (simfs.ts); the others are counted here.
  if (st.nlink !== undefined || !st.isDirectory) return st.nlink ?? 1;
  const names = await fs.readdir(abs).catch(() => [] as string[]);
  let n = 2;
  for (const name of names) if ((await fs.lstat(abs === '/' ? `/${name}` : `${abs}/${name}`).catch(() => undefined))?.isDirectory) n++;
  return n;
}

/** Names of the root's users and groups (its /etc/passwd and /etc/group), read once per command. */
export async function idNames(env: CmdEnv): Promise<{ user(uid: number): string | undefined; group(gid: number): string | undefined }> {
  const users = new Map<number, string>();
  const groups = new Map<number, string>();
  // getpwuid and getgrgid return the first entry with the id.
  for (const r of await rows(env, '/etc/passwd')) if (r[0] && !users.has(Number(r[2]))) users.set(Number(r[2]), r[0]);
  for (const r of await rows(env, '/etc/group')) if (r[0] && !groups.has(Number(r[2]))) groups.set(Number(r[2]), r[0]);
  return { user: (uid) => users.get(uid), group: (gid) => groups.get(gid) };
}
