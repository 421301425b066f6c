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
const chowners = new WeakMap<object, Map<string, (path: string, uid: number, gid: number) => Promise<void>>>();

export function setChowner(host: object, root: string, fn: (path: string, uid: number, gid: number) => Promise<void>): void {
  let m = chowners.get(host);
  if (!m) chowners.set(host, (m = new Map()));
  m.set(root, fn);
}

export function chownerOf(host: object, root: string): ((path: string, uid: number, gid: number) => Promise<void>) | undefined {
  return chowners.get(host)?.get(root);
}
