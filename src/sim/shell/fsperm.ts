import type * as JB from 'just-bash';
import { attached } from '../attached.ts';

/**
 * The kernel's permission check on one inode (linux@v6.8:fs/namei.c acl_permission_check): the owner's bits, else the
 * group's (the fsgid or a supplementary group), else the others'. `want` is 4 (read), 2 (write) or 1 (search/execute).
 */
export function permits(mode: number, owner: { uid: number; gid: number }, c: { uid: number; gid: number; groups?: readonly number[] }, want: number): boolean {
  const shift = c.uid === owner.uid ? 6 : c.gid === owner.gid || c.groups?.includes(owner.gid) ? 3 : 0;
  return Boolean(mode & (want << shift));
}

/** The directories a lookup of `key` (absolute, resolved) walks through, below the root: each needs search permission. */
export function ancestors(key: string): string[] {
  const out: string[] = [];
  for (let d = key.slice(0, key.lastIndexOf('/')); d; d = d.slice(0, d.lastIndexOf('/'))) out.push(d);
  return out;
}

/** How `chown` changes owners in each root (rootfs.ts registers one per root it builds, keyed by host and root). */
const chowners = attached<object, Map<string, (path: string, uid: number, gid: number) => Promise<void>>>('chowners');

export function setChowner(host: object, root: string, fn: (path: string, uid: number, gid: number) => Promise<void>): void {
  let m = chowners.get(host);
  if (!m) chowners.set(host, (m = new Map()));
  m.set(root, fn);
}

/** Forgets a removed root's chown (it closes over the root's filesystem). */
export function dropChowner(host: object, root: string): void {
  chowners.get(host)?.delete(root);
}

export function chownerOf(host: object, root: string): ((path: string, uid: number, gid: number) => Promise<void>) | undefined {
  return chowners.get(host)?.get(root);
}

/**
 * A new entry's mode under a umask other than 022: open(2) and mkdir(2) take `mode & ~umask` (linux@v6.8:fs/namei.c
 * may_o_create / vfs_mkdir callers, `mode &= ~current_umask()`). just-bash gives new files 0644 and directories 0755
 * (0666 and 0777 under 022): those are taken as 0666 and 0777, any other mode as it is, then masked.
 */
export async function maskNew(fs: JB.IFileSystem, abs: string, umask: number): Promise<void> {
  const st = await fs.lstat(abs).catch(() => undefined);
  if (!st || st.isSymbolicLink) return;
  const perm = st.mode & 0o7777;
  const asked = st.isDirectory ? (perm === 0o755 ? 0o777 : perm) : perm === 0o644 ? 0o666 : perm;
  if ((asked & ~umask) !== perm) await fs.chmod(abs, asked & ~umask);
}

/**
 * A write over an existing file (`> f` opens it O_TRUNC): the inode keeps its mode (open(2) applies a mode only when it
 * creates). just-bash's writeFile gives the entry its default mode again; `write` is that call, the mode is put back.
 */
export async function keepingMode(fs: JB.IFileSystem, path: string, isNew: boolean, write: () => Promise<void>): Promise<void> {
  const before = isNew ? undefined : await fs.stat(path).catch(() => undefined);
  await write();
  const after = before && (await fs.stat(path).catch(() => undefined));
  if (before && after && (after.mode & 0o7777) !== (before.mode & 0o7777)) await fs.chmod(path, before.mode & 0o7777);
}
