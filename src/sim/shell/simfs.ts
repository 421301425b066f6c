/**
 * The base filesystem of one root (rootfs.ts): just-bash's InMemoryFs, which keeps a mode and an mtime per entry, with
 * what Linux keeps beside them in the inode (linux v6.8 include/linux/fs.h struct inode): the owner, the change and
 * access times, and the hard links that share it. Times follow POSIX (XBD 4.9 "File Times Update", and each function's
 * page): creating, removing or renaming an entry marks its directory's st_mtime and st_ctime (open O_CREAT, mkdir,
 * link, symlink, unlink, rmdir, rename); writing a file marks its st_mtime and st_ctime; chmod, chown and link mark
 * the file's st_ctime; utimensat sets st_atime and st_mtime and marks st_ctime; rename marks the renamed file's
 * st_ctime (linux v6.8 fs/ext4/namei.c ext4_rename: `old.inode->i_ctime = current_time(old.inode)`). Reading follows
 * Linux's default `relatime` mount option (fs/inode.c relatime_need_update): reading a file sets its st_atime to now
 * only when st_atime is not newer than st_mtime or st_ctime, or is more than a day old. Listing a directory leaves its
 * atime alone here (Linux would mark it the same way; the simulator reads directories for its own needs, such as link
 * counts). A file's st_nlink counts its hard links (fs/namei.c vfs_link: inc_nlink; vfs_unlink: drop_nlink); a
 * directory's is 2 plus its subdirectories (fsmeta.ts), mount points included: rootfs.ts makes each one a directory
 * here, as mount(2) needs one. New entries belong to the creating process's fsuid and fsgid (fs/inode.c
 * inode_init_owner; its euid and egid here), or in a set-group-ID directory to that directory's group. Entries made while the root is set up (`live` false) keep their given
 * owner (root unless the image says otherwise) and have no separate ctime or atime: both are their mtime.
 */
import type * as JB from 'just-bash';
import { mirror } from './storagefs.ts';
import { ancestors, permits } from './fsperm.ts';

import type { Inode, SimFsHooks, SimStat } from './simfs-types.ts';
export type { Inode, SimFsHooks, SimStat } from './simfs-types.ts';

export interface SimFs extends JB.InMemoryFs {
  /** Set once the root is built: from then on changes stamp ctimes, atimes and parent directories. */
  live: boolean;
  inodes: Map<string, Inode>;
  linkTimes: Map<string, Date>;
  chown(path: string, uid: number, gid: number): Promise<void>;
  /** Sets an entry's mode and owner while the root is built (a path it lacks is left alone). */
  own(path: string, mode: number, uid: number, gid: number): void;
  /** Gives the directories just-bash made with the real clock the root's time (rootfs.ts); `only`: just these paths. */
  settle(mtime: Date, now: number, only?: Iterable<string>): void;
}

export { chownerOf, setChowner } from './fsperm.ts';
import { keepingMode, maskNew } from './fsperm.ts';

const DAY = 86_400_000;
const parentOf = (p: string) => p.slice(0, p.lastIndexOf('/')) || '/';
const under = (p: string, dir: string) => p === dir || p.startsWith(dir === '/' ? '/' : `${dir}/`);

/**
 * The class is made once per just-bash InMemoryFs class and reused by every root, its hooks held by each instance: a
 * class made per root would put its constructor's initial map in V8's old space, which a scavenge treats as live, and
 * that map's constructor (closing over the hooks and through them the world) kept every dropped world's young objects
 * alive until the next full collection (each scavenge copied ~0.7 MB per world; src/sim/bench.ts, #10).
 */
const classes = new WeakMap<typeof JB.InMemoryFs, new (hooks: SimFsHooks, init: JB.InitialFiles) => SimFs>();

export function simFs(jb: typeof JB, hooks: SimFsHooks, init: JB.InitialFiles): SimFs {
  let Made = classes.get(jb.InMemoryFs);
  if (!Made) classes.set(jb.InMemoryFs, (Made = fsClass(jb.InMemoryFs)));
  return new Made(hooks, init);
}

function fsClass(Base: typeof JB.InMemoryFs): new (hooks: SimFsHooks, init: JB.InitialFiles) => SimFs {
  return class Fs extends Base implements SimFs {
    private readonly hooks: SimFsHooks;
    constructor(hooks: SimFsHooks, init: JB.InitialFiles) {
      super(init);
      this.hooks = hooks;
    }
    live = false;
    inodes = new Map<string, Inode>();
    linkTimes = new Map<string, Date>();
    /** Subdirectories per directory, counted in one pass over the entries and kept until the tree changes. */
    private subdirs: Map<string, number> | undefined;

    /** The entries as just-bash holds them (its `data`, declared private): read for the directory walk only. */
    private entries(): Map<string, JB.FsEntry> {
      return (this as unknown as { data: Map<string, JB.FsEntry> }).data;
    }
    private inode(key: string): Inode {
      let i = this.inodes.get(key);
      if (!i) this.inodes.set(key, (i = { uid: 0, gid: 0 }));
      return i;
    }
    /** The inode key of a path: symbolic links resolved (all of them, or all but the last). */
    private async key(path: string, follow: boolean): Promise<string> {
      const abs = this.resolvePath('/', path);
      if (follow) return this.realpath(abs).catch(() => abs);
      if (abs === '/') return abs;
      const dir = await this.realpath(parentOf(abs)).catch(() => parentOf(abs));
      return `${dir === '/' ? '' : dir}/${abs.slice(abs.lastIndexOf('/') + 1)}`;
    }
    /** A change to `path`'s inode: its ctime. */
    private changed(key: string): void {
      if (this.live) this.inode(key).ctimeMs = this.hooks.now();
    }
    /** An entry created, removed or renamed in `dir`: its mtime and ctime. */
    private async touchDir(dir: string): Promise<void> {
      this.subdirs = undefined;
      if (!this.live) return;
      const t = new Date(this.hooks.now());
      const k = await this.key(dir, true);
      await this.keepBirth(k);
      await super.utimes(k, t, t).catch(() => undefined);
      this.changed(k);
    }
    /** A new entry: its creator's owner, and the mark on its directory. */
    private async created(abs: string): Promise<void> {
      if (!this.live) return;
      const { uid, gid: fsgid, umask } = this.hooks.creds();
      const k = await this.key(abs, false);
      // inode_init_owner: in a set-group-ID directory the group is the directory's, and a new directory is set-group-ID too.
      const dir = this.entries().get(parentOf(k));
      const sgid = dir?.type === 'directory' && (dir.mode & 0o2000) !== 0;
      const gid = sgid ? (this.inodes.get(parentOf(k))?.gid ?? 0) : fsgid;
      const e = this.entries().get(k);
      if (sgid && e?.type === 'directory') e.mode |= 0o2000;
      const i = this.inode(k);
      Object.assign(i, { uid, gid, birthMs: this.hooks.now() });
      delete i.paths;
      delete i.atimeMs;
      delete i.ctimeMs;
      if (umask !== undefined && umask !== 0o022) await maskNew(this, abs, umask);
      await this.touchDir(parentOf(abs));
    }
    /** Forgets the inodes under `abs` (a hard link's other names keep theirs). */
    private dropped(abs: string): void {
      for (const [k, i] of [...this.inodes])
        if (under(k, abs)) {
          i.paths?.delete(k);
          if (i.paths?.size) this.changed([...i.paths][0] as string);
          this.inodes.delete(k);
        }
    }
    /** Before an inode made with the root changes its times: its birth time stays the one it had (its mtime then). */
    private async keepBirth(path: string): Promise<void> {
      if (!this.live) return;
      const k = await this.key(path, true);
      const st = await super.stat(k).catch(() => undefined);
      if (st && this.inode(k).birthMs === undefined) this.inode(k).birthMs = Math.min(st.mtime.getTime(), this.inodes.get(k)?.ctimeMs ?? Infinity);
    }
    private stamp(path: string): Promise<void> {
      const t = new Date(this.hooks.now());
      return super.utimes(path, t, t);
    }
    private decorate(st: JB.FsStat, key: string): SimStat {
      const i = this.inodes.get(key);
      const m = st.mtime.getTime();
      const out: SimStat = { ...st, uid: i?.uid ?? 0, gid: i?.gid ?? 0, ctime: new Date(i?.ctimeMs ?? m), atime: new Date(i?.atimeMs ?? m) };
      // A socket (S_IFSOCK in the kept mode, fs/docker-root.ts) is no regular file and has no size.
      if ((st.mode & 0o170000) === 0o140000) Object.assign(out, { isFile: false, size: 0 });
      if (!st.isDirectory) out.nlink = i?.paths?.size ?? 1;
      else out.nlink = 2 + (this.counts().get(key) ?? 0);
      if (i?.paths) out.linkOf = [...i.paths].sort()[0];
      out.birthtime = new Date(i?.birthMs ?? m);
      return out;
    }
    /** relatime (fs/inode.c relatime_need_update): a read updates atime when it is not newer than mtime or ctime, or is a day old. */
    private async accessed(path: string): Promise<void> {
      if (!this.live) return;
      const k = await this.key(path, true);
      const st = await super.stat(k).catch(() => undefined);
      if (!st) return;
      const i = this.inode(k);
      const m = st.mtime.getTime();
      const a = i.atimeMs ?? m;
      if (a <= m || a <= (i.ctimeMs ?? m) || this.hooks.now() - a >= DAY) i.atimeMs = this.hooks.now();
    }

    /** May the caller `want` (fsperm.ts) on `k`, with search permission on each directory on the way (path_lookupat)? */
    private async allows(k: string, want: number): Promise<boolean> {
      for (const [p, w] of [...ancestors(k).map((d) => [d, 1] as const), [k, want] as const]) {
        const st = w ? await super.stat(p).catch(() => undefined) : undefined;
        if (st && !permits(st.mode, this.inodes.get(p) ?? { uid: 0, gid: 0 }, this.hooks.creds(), w)) return false;
      }
      return true;
    }
    /** open(2)'s read check; a directory needs only the lookup (its listing is mayList's). */
    private async mayRead(path: string): Promise<void> {
      if (!this.live || this.hooks.creds().readsAll) return;
      const k = await this.key(path, true);
      if (await this.allows(k, (await super.stat(k).catch(() => undefined))?.isDirectory ? 0 : 4)) return;
      this.hooks.denied?.(this.resolvePath('/', path));
      throw new Error(`EACCES: permission denied, open '${path}'`);
    }
    override async readFileBuffer(path: string): Promise<Uint8Array> {
      await this.mayRead(path);
      // A UNIX socket cannot be opened: open(2) fails with ENXIO (linux v6.8 net/socket.c sock_no_open).
      if (this.live && ((await super.stat(path).catch(() => undefined))?.mode ?? 0) >> 12 === 0o14) {
        this.hooks.denied?.(this.resolvePath('/', path), 'No such device or address');
        throw new Error(`ENXIO: no such device or address, open '${path}'`);
      }
      const data = await super.readFileBuffer(path);
      await this.accessed(path);
      return data;
    }
    override async symlink(target: string, path: string): Promise<void> {
      if (this.hooks.readOnly(path)) throw new Error(`EROFS: read-only file system, symlink '${path}'`);
      await super.symlink(target, path);
      const abs = this.resolvePath('/', path);
      this.linkTimes.set(abs, new Date(this.hooks.now()));
      await this.created(abs);
    }
    override async link(existing: string, path: string): Promise<void> {
      if (this.hooks.readOnly(path)) throw new Error(`EROFS: read-only file system, link '${path}'`);
      await super.link(existing, path);
      const from = await this.key(existing, false);
      const to = await this.key(path, false);
      const i = this.inode(from);
      i.paths ??= new Set([from]);
      i.paths.add(to);
      this.inodes.set(to, i);
      this.changed(from);
      await this.touchDir(parentOf(to));
    }
    /** opendir(3) needs read permission on the directory: ls says "cannot open directory". */
    private async mayList(path: string): Promise<void> {
      if (this.live && !this.hooks.creds().readsAll && !(await this.allows(await this.key(path, true), 4)))
        throw new Error(`EACCES: permission denied, scandir '${path}'`);
    }
    override async readdir(path: string): Promise<string[]> {
      await this.mayList(path);
      return (await super.readdir(path)).filter((n) => !this.hooks.hides(n));
    }
    override async readdirWithFileTypes(path: string): ReturnType<JB.InMemoryFs['readdirWithFileTypes']> {
      await this.mayList(path);
      return (await super.readdirWithFileTypes(path)).filter((d) => !this.hooks.hides(d.name));
    }
    override async lstat(path: string): Promise<SimStat> {
      const st = await super.lstat(path);
      const key = await this.key(path, false);
      const t = st.isSymbolicLink ? this.linkTimes.get(key) : undefined;
      return this.decorate(t ? { ...st, mtime: t } : st, key);
    }
    override async stat(path: string): Promise<SimStat> {
      return this.decorate(await super.stat(path), await this.key(path, true));
    }
    override async writeFile(...a: Parameters<JB.InMemoryFs['writeFile']>): Promise<void> {
      if (this.hooks.readOnly(a[0])) return this.hooks.report(a[0]);
      const isNew = !(await this.exists(a[0]));
      if (!isNew) await this.keepBirth(a[0]);
      await keepingMode(this, a[0], isNew, () => super.writeFile(...a));
      await this.stamp(a[0]);
      if (isNew) await this.created(this.resolvePath('/', a[0]));
      else this.changed(await this.key(a[0], true));
      mirror.write(this.hooks.overlay(), a[0], a[1]);
      if (!isNew) await this.sameInode(a[0]);
    }
    /** A write through one name of a hard link is the inode's: the other names (just-bash keeps one copy each) take the
     * bytes and times, and reach the upperdir (a copy-up breaks a lower file's link; links made in the container share it). */
    private async sameInode(path: string): Promise<void> {
      const k = await this.key(path, true);
      const others = [...(this.inodes.get(k)?.paths ?? [])].filter((p) => p !== k);
      if (!others.length) return;
      const data = await super.readFileBuffer(k);
      const st = await super.stat(k);
      for (const p of others) {
        await super.writeFile(p, data);
        await super.utimes(p, st.mtime, st.mtime);
        mirror.write(this.hooks.overlay(), p, data);
      }
    }
    override async appendFile(...a: Parameters<JB.InMemoryFs['appendFile']>): Promise<void> {
      if (this.hooks.readOnly(a[0])) return this.hooks.report(a[0]);
      const isNew = !(await this.exists(a[0]));
      if (!isNew) await this.keepBirth(a[0]);
      await super.appendFile(...a);
      await this.stamp(a[0]);
      if (isNew) await this.created(this.resolvePath('/', a[0]));
      else this.changed(await this.key(a[0], true));
      if (this.hooks.overlay()) mirror.write(this.hooks.overlay(), a[0], await super.readFileBuffer(a[0]));
      if (!isNew) await this.sameInode(a[0]);
    }
    override async mkdir(...a: Parameters<JB.InMemoryFs['mkdir']>): Promise<void> {
      if (this.hooks.readOnly(a[0])) throw new Error(`EROFS: read-only file system, mkdir '${a[0]}'`);
      // mkdir -p: the parents it creates take the simulated clock too (just-bash stamps them with the real one).
      const created: string[] = [];
      for (let p = this.resolvePath('/', a[0]); p !== '/' && !(await this.exists(p)); p = parentOf(p)) created.push(p);
      await super.mkdir(...a);
      this.subdirs = undefined;
      // Outermost first, so each new directory's own mark comes before its child's.
      for (const p of created.reverse()) {
        await this.stamp(p);
        await this.created(p);
      }
      mirror.mkdir(this.hooks.overlay(), a[0], Boolean(a[1]?.recursive));
    }
    override async rm(...a: Parameters<JB.InMemoryFs['rm']>): Promise<void> {
      if (this.hooks.readOnly(a[0])) throw new Error(`EROFS: read-only file system, rm '${a[0]}'`);
      const abs = this.resolvePath('/', a[0]);
      const existed = (await super.lstat(abs).catch(() => undefined)) !== undefined;
      await super.rm(...a);
      this.subdirs = undefined;
      if (existed) {
        this.dropped(await this.key(abs, false));
        await this.touchDir(parentOf(abs));
      }
      mirror.remove(this.hooks.overlay(), a[0], Boolean(a[1]?.recursive));
    }
    override async mv(src: string, dest: string): Promise<void> {
      const from = await this.key(src, false);
      const to = await this.key(dest, false);
      await super.mv(src, dest);
      this.subdirs = undefined;
      if (from === to) return;
      // rename(2): the inodes move with their names; the renamed one's ctime and both directories are marked.
      this.dropped(to);
      for (const [k, i] of [...this.inodes])
        if (under(k, from)) {
          const moved = to + k.slice(from.length);
          this.inodes.delete(k);
          this.inodes.set(moved, i);
          if (i.paths) {
            i.paths.delete(k);
            i.paths.add(moved);
          }
        }
      for (const [k, t] of [...this.linkTimes])
        if (under(k, from)) {
          this.linkTimes.delete(k);
          this.linkTimes.set(to + k.slice(from.length), t);
        }
      this.changed(to);
      await this.touchDir(parentOf(from));
      if (parentOf(to) !== parentOf(from)) await this.touchDir(parentOf(to));
    }
    override async cp(...a: Parameters<JB.InMemoryFs['cp']>): Promise<void> {
      const to = this.resolvePath('/', a[1]);
      const isNew = !(await this.exists(to));
      await super.cp(...a);
      this.subdirs = undefined;
      if (!this.live) return;
      if (isNew) await this.created(to);
      const { uid, gid } = this.hooks.creds();
      // A copy is a new file (new inode, the copier's) at each path below.
      for (const p of this.getAllPaths())
        if (p !== to && under(p, to)) {
          const i = this.inode(p);
          i.uid = uid;
          i.gid = gid;
          delete i.paths;
          delete i.atimeMs;
          delete i.ctimeMs;
        }
    }
    override async chmod(path: string, mode: number): Promise<void> {
      const k = await this.key(path, true);
      await super.chmod(k, mode);
      // The mode is the inode's: every name of a hard-linked file shows it.
      for (const p of this.inodes.get(k)?.paths ?? []) if (p !== k) await super.chmod(p, mode).catch(() => undefined);
      this.changed(k);
      if (this.live) mirror.meta(this.hooks.overlay(), k, { mode: mode & 0o7777 });
    }
    async chown(path: string, uid: number, gid: number): Promise<void> {
      const k = await this.key(path, true);
      await super.stat(k);
      const i = this.inode(k);
      i.uid = uid;
      i.gid = gid;
      this.changed(k);
      if (this.live) mirror.meta(this.hooks.overlay(), k, { uid, gid });
    }
    override async utimes(path: string, atime: Date, mtime: Date): Promise<void> {
      const live = this.live;
      await this.keepBirth(path);
      await super.utimes(path, atime, mtime);
      if (!live) return;
      const k = await this.key(path, true);
      const i = this.inode(k);
      i.atimeMs = atime.getTime();
      i.ctimeMs = this.hooks.now();
      mirror.meta(this.hooks.overlay(), k, { mtime: Math.floor(mtime.getTime() / 1000) });
    }
    private counts(): Map<string, number> {
      if (this.subdirs) return this.subdirs;
      const n = new Map<string, number>();
      for (const [p, e] of this.entries()) if (e.type === 'directory' && p !== '/') n.set(parentOf(p), (n.get(parentOf(p)) ?? 0) + 1);
      this.subdirs = n;
      return n;
    }
    own(path: string, mode: number, uid: number, gid: number): void {
      const e = this.entries().get(path);
      if (!e) return;
      if (e.type !== 'symlink') e.mode = mode;
      if (uid || gid) this.inodes.set(path, { uid, gid });
    }
    settle(mtime: Date, nowMs: number, only?: Iterable<string>): void {
      this.subdirs = undefined;
      const data = this.entries();
      const all = only ? [...only].map((p) => data.get(p)) : data.values();
      for (const e of all) if (e?.type === 'directory' && e.mtime.getTime() > nowMs) e.mtime = mtime;
    }
  };
}
