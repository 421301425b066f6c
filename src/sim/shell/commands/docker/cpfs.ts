/**
 * The two filesystems `docker cp` moves files between, behind one interface, and the
 * archive semantics both directions share:
 * - collect(): what moby's TarWithOptions puts in the archive of a path
 *   (moby@v27.3.1:pkg/archive/copy.go TarResourceRebaseOpts: the resource itself under its
 *   rebase name, then everything below it, in walk order);
 * - prepareCopy(): moby@v27.3.1:pkg/archive/copy.go PrepareArchiveCopy (where to extract
 *   and what the top entry is renamed to);
 * - extract(): moby@v27.3.1:pkg/archive/archive.go Untar with NoOverwriteDirNonDir;
 * - tarSize(): the bytes Go's archive/tar writes for those entries (512-byte headers, data
 *   padded to 512, a PAX header only when USTAR cannot hold a name, two zero blocks at the
 *   end), which is what the CLI's "Successfully copied" counts.
 *
 * The container side reads the overlay root (image layers + upperdir) and writes both the
 * upperdir (`docker diff`) and the container shell's own filesystem (what `docker exec`
 * sees). Volumes and bind mounts are read and written through the container shell's
 * mounts; a tmpfs is private to the copy (moby@v27.3.1:daemon/containerfs_linux.go:
 * "Each view has its own private set of tmpfs mounts").
 */
import type { IFileSystem } from 'just-bash';
import type { OverlayRoot } from '../../../image/overlay.ts';
import { baseName, normPath, parentOf } from '../../../image/tree.ts';
import type { MountSpec } from '../../../docker/imagestore.ts';

export interface Node {
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  uid: number;
  gid: number;
  /** Seconds since the epoch. */
  mtime: number;
  size: number;
  target?: string;
}

/** One archive entry: a path relative to the extraction directory (first component = the copied resource). */
export interface ArcEntry extends Node {
  name: string;
  data?: Uint8Array;
}

export class CopyError extends Error {}

export interface FsView {
  lstat(path: string): Promise<Node | undefined>;
  readdir(path: string): Promise<string[]>;
  read(path: string): Promise<Uint8Array>;
  /** Follows every symlink, the last component too (filepath.EvalSymlinks); undefined when a component is missing. */
  resolve(path: string): Promise<string | undefined>;
  mkdir(path: string, n: Node): Promise<void>;
  writeFile(path: string, data: Uint8Array, n: Node): Promise<void>;
  symlink(path: string, target: string, n: Node): Promise<void>;
  remove(path: string): Promise<void>;
}

const join = (dir: string, name: string) => normPath(`${dir}/${name}`);

/** Resolves symlinks through lstat/readlink, at most 40 hops (ELOOP as Linux). */
async function evalSymlinks(lstat: (p: string) => Promise<Node | undefined>, path: string): Promise<string | undefined> {
  let todo = normPath(path).split('/').filter(Boolean);
  let cur = '/';
  for (let hops = 0; todo.length; ) {
    const name = todo.shift() as string;
    const next = join(cur, name);
    const n = await lstat(next);
    if (!n) return undefined;
    if (n.type === 'symlink') {
      if (++hops > 40) return undefined;
      const t = n.target ?? '';
      todo = [
        ...normPath(t.startsWith('/') ? t : `${cur}/${t}`)
          .split('/')
          .filter(Boolean),
        ...todo,
      ];
      cur = '/';
      continue;
    }
    cur = next;
  }
  return cur;
}

/** The host's filesystem (just-bash), as the docker CLI sees it. Ownership is not tracked there: root. */
export class HostView implements FsView {
  constructor(private readonly fs: IFileSystem) {}
  async lstat(path: string): Promise<Node | undefined> {
    try {
      const s = await this.fs.lstat(path);
      const type = s.isSymbolicLink ? 'symlink' : s.isDirectory ? 'dir' : 'file';
      return {
        type,
        mode: s.mode & 0o7777,
        uid: 0,
        gid: 0,
        mtime: Math.floor(s.mtime.getTime() / 1000),
        size: type === 'file' ? s.size : 0,
        ...(type === 'symlink' ? { target: await this.fs.readlink(path) } : {}),
      };
    } catch {
      return undefined;
    }
  }
  async readdir(path: string) {
    return (await this.fs.readdir(path)).sort();
  }
  read(path: string) {
    return this.fs.readFileBuffer(path);
  }
  resolve(path: string) {
    return evalSymlinks((p) => this.lstat(p), path);
  }
  async mkdir(path: string, n: Node) {
    if ((await this.lstat(path))?.type !== 'dir') await this.fs.mkdir(path);
    await this.fs.chmod(path, n.mode);
    await this.fs.utimes(path, new Date(n.mtime * 1000), new Date(n.mtime * 1000));
  }
  async writeFile(path: string, data: Uint8Array, n: Node) {
    await this.fs.writeFile(path, data);
    await this.fs.chmod(path, n.mode);
    await this.fs.utimes(path, new Date(n.mtime * 1000), new Date(n.mtime * 1000));
  }
  async symlink(path: string, target: string) {
    await this.fs.symlink(target, path);
  }
  async remove(path: string) {
    await this.fs.rm(path, { recursive: true, force: true });
  }
}

/** Container files Docker bind-mounts from /var/lib/docker/containers/<id>/ (the shell has their content). */
const NETWORK_FILES = ['/etc/hostname', '/etc/hosts', '/etc/resolv.conf'];

/** A container's filesystem as the daemon's copy view sees it (overlay root + volume and bind mounts). */
export class ContainerView implements FsView {
  constructor(
    private readonly root: OverlayRoot,
    /** The container shell's filesystem (its mounts, and what `docker exec` sees). */
    private readonly shell: IFileSystem,
    private readonly mounts: readonly MountSpec[],
  ) {}

  private under(path: string, dir: string) {
    return path === dir || path.startsWith(`${dir}/`);
  }

  /** The mount a path lies in (volume, bind or tmpfs), if any; the deepest wins. */
  mountOf(path: string): MountSpec | undefined {
    return this.mounts.filter((m) => this.under(path, m.destination)).sort((a, b) => b.destination.length - a.destination.length)[0];
  }

  private viaShell(path: string): boolean {
    const m = this.mountOf(path);
    return (m !== undefined && m.type !== 'tmpfs') || NETWORK_FILES.includes(path);
  }

  async lstat(path: string): Promise<Node | undefined> {
    const m = this.mountOf(path);
    if (m?.type === 'tmpfs') return path === m.destination ? { type: 'dir', mode: 0o1777, uid: 0, gid: 0, mtime: 0, size: 0 } : undefined;
    if (this.viaShell(path)) return new HostView(this.shell).lstat(path);
    const e = this.root.lookup(path);
    if (!e) return undefined;
    return {
      type: e.type,
      mode: e.mode,
      uid: e.uid,
      gid: e.gid,
      mtime: e.mtime,
      size: e.type === 'file' ? e.size : 0,
      ...(e.type === 'symlink' ? { target: e.target } : {}),
    };
  }

  async readdir(path: string): Promise<string[]> {
    const m = this.mountOf(path);
    if (m?.type === 'tmpfs') return [];
    if (this.viaShell(path)) return (await this.shell.readdir(path)).sort();
    const names = new Set(this.root.readdir(path));
    for (const mt of this.mounts) if (parentOf(mt.destination) === path) names.add(baseName(mt.destination));
    return [...names].sort();
  }

  async read(path: string): Promise<Uint8Array> {
    if (this.viaShell(path)) return this.shell.readFileBuffer(path);
    return this.root.readFile(path);
  }

  resolve(path: string) {
    return evalSymlinks((p) => this.lstat(p), path);
  }

  /** Writes into the shell's filesystem; on the root filesystem the overlay then gets the exact metadata. */
  async mkdir(path: string, n: Node) {
    const m = this.mountOf(path);
    if (m?.type === 'tmpfs') return;
    const had = await this.lstat(path);
    await this.shell.mkdir(path, { recursive: true });
    if (this.viaShell(path)) return;
    if (had?.type === 'dir') this.root.setMeta(path, { mode: n.mode, uid: n.uid, gid: n.gid, mtime: n.mtime });
    else {
      if (this.root.lookup(path)) this.root.remove(path, { recursive: true });
      this.root.mkdir(path, { mode: n.mode, uid: n.uid, gid: n.gid, mtime: n.mtime });
    }
  }

  async writeFile(path: string, data: Uint8Array, n: Node) {
    if (this.mountOf(path)?.type === 'tmpfs') return;
    await this.shell.writeFile(path, data);
    await this.shell.chmod(path, n.mode).catch(() => undefined);
    await this.shell.utimes(path, new Date(n.mtime * 1000), new Date(n.mtime * 1000)).catch(() => undefined);
    if (!this.viaShell(path)) this.root.writeFile(path, data, { mode: n.mode, uid: n.uid, gid: n.gid, mtime: n.mtime });
  }

  async symlink(path: string, target: string, n: Node) {
    if (this.mountOf(path)?.type === 'tmpfs') return;
    await this.shell.symlink(target, path).catch(() => undefined);
    if (!this.viaShell(path)) this.root.symlink(path, target, { uid: n.uid, gid: n.gid, mtime: n.mtime });
  }

  async remove(path: string) {
    if (this.mountOf(path)?.type === 'tmpfs') return;
    await this.shell.rm(path, { recursive: true, force: true }).catch(() => undefined);
    if (!this.viaShell(path) && this.root.lookup(path)) this.root.remove(path, { recursive: true });
  }
}

/**
 * The archive of `path` (which exists): the resource itself named `rebase`, then its
 * contents in lexical walk order (Go's filepath.WalkDir), directories before what they hold.
 */
export async function collect(view: FsView, path: string, rebase: string): Promise<ArcEntry[]> {
  const out: ArcEntry[] = [];
  const walk = async (p: string, name: string) => {
    const n = await view.lstat(p);
    if (!n) return;
    if (n.type === 'dir') {
      out.push({ ...n, name: name === '.' ? './' : `${name}/` });
      // TarWithOptions: with IncludeSourceDir and include ".", names are "./child".
      for (const child of await view.readdir(p)) await walk(join(p, child), `${name}/${child}`);
    } else if (n.type === 'file') out.push({ ...n, name, data: await view.read(p) });
    else out.push({ ...n, name });
  };
  await walk(path, rebase);
  return out;
}

/** Renames the first component `from` to `to` (RebaseArchiveEntries: strings.Replace(name, old, new, 1)). */
export function rebaseEntries(entries: ArcEntry[], from: string, to: string): ArcEntry[] {
  const old = from === '/' ? '' : from;
  return entries.map((e) => ({ ...e, name: e.name.replace(old, to) }));
}

const enc = new TextEncoder();
const pad = (n: number) => Math.ceil(n / 512) * 512;

/** Whether Go's USTAR writer can hold a name (≤100 bytes, or split at a '/' into prefix ≤155 and name ≤100). */
function fitsUstar(name: string): boolean {
  const b = enc.encode(name);
  if (b.length <= 100) return true;
  for (let i = 0; i < b.length; i++) if (b[i] === 0x2f && i <= 155 && b.length - i - 1 <= 100 && b.length - i - 1 > 0) return true;
  return false;
}

/** A PAX record "%d key=value\n", its length counting its own digits. */
function paxRecordLen(key: string, value: string): number {
  const body = enc.encode(` ${key}=${value}\n`).length;
  let n = body + String(body).length;
  if (String(n).length !== String(body).length) n = body + String(n).length;
  return n;
}

/** The bytes Go's archive/tar writes for these entries (see the header comment). */
export function tarSize(entries: readonly ArcEntry[]): number {
  let total = 1024;
  for (const e of entries) {
    let pax = 0;
    if (!fitsUstar(e.name)) pax += paxRecordLen('path', e.name);
    if (e.target !== undefined && enc.encode(e.target).length > 100) pax += paxRecordLen('linkpath', e.target);
    if (pax) total += 512 + pad(pax);
    total += 512 + (e.type === 'file' ? pad(e.size) : 0);
  }
  return total;
}

/** The tar bytes of the entries (for `-`, a tar stream on stdout). */
export async function toTar(entries: readonly ArcEntry[]): Promise<Uint8Array> {
  const { packTar } = await import('modern-tar');
  return packTar(
    entries.map((e) => {
      const base = { name: e.name, mode: e.mode, uid: e.uid, gid: e.gid, mtime: new Date(e.mtime * 1000) };
      if (e.type === 'dir') return { header: { ...base, size: 0, type: 'directory' as const } };
      if (e.type === 'symlink') return { header: { ...base, size: 0, type: 'symlink' as const, linkname: e.target ?? '' } };
      const body = e.data ?? new Uint8Array(e.size);
      return { header: { ...base, size: body.length, type: 'file' as const }, body };
    }),
  );
}

/** Reads a tar stream (docker cp - CONTAINER:DIR); only regular files, directories and symlinks. */
export async function fromTar(bytes: Uint8Array): Promise<ArcEntry[]> {
  const { unpackTar } = await import('modern-tar');
  const entries = await unpackTar(bytes);
  return entries
    .filter((e) => ['file', 'directory', 'symlink'].includes(e.header.type ?? 'file'))
    .map((e) => {
      const h = e.header;
      const type = h.type === 'directory' ? 'dir' : h.type === 'symlink' ? 'symlink' : 'file';
      const data = e.data ?? new Uint8Array(0);
      return {
        name: h.name,
        type,
        mode: (h.mode ?? 0o644) & 0o7777,
        uid: h.uid ?? 0,
        gid: h.gid ?? 0,
        mtime: Math.floor((h.mtime?.getTime() ?? 0) / 1000),
        size: type === 'file' ? data.length : 0,
        ...(type === 'file' ? { data } : {}),
        ...(h.linkname ? { target: h.linkname } : {}),
      } satisfies ArcEntry;
    });
}

/**
 * Untar into `dir` (which exists): directories merge, anything else replaces what is there,
 * and a directory never replaces a non-directory nor the other way round
 * (moby@v27.3.1:pkg/archive/archive.go Untar, NoOverwriteDirNonDir).
 */
export async function extract(view: FsView, dir: string, entries: readonly ArcEntry[], chown?: { uid: number; gid: number }): Promise<void> {
  for (const e of entries) {
    const path = join(dir, e.name);
    if (path === dir && e.type === 'dir' && e.name.startsWith('.')) continue;
    const meta: Node = { ...e, ...(chown ?? {}) };
    const have = await view.lstat(path);
    if (have) {
      if (have.type === 'dir' && e.type !== 'dir') throw new CopyError(`cannot overwrite directory "${path}" with non-directory "${dir}"`);
      if (have.type !== 'dir' && e.type === 'dir') throw new CopyError(`cannot overwrite non-directory "${path}" with directory "${dir}"`);
      if (e.type !== 'dir') await view.remove(path);
    }
    if (e.type === 'dir') await view.mkdir(path, meta);
    else if (e.type === 'symlink') await view.symlink(path, e.target ?? '', meta);
    else await view.writeFile(path, e.data ?? new Uint8Array(e.size), meta);
  }
}
