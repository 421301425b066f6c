/**
 * Storage as the container shell sees it: a volume mounted into a container is
 * one just-bash filesystem per volume (shared by every container that mounts
 * it, so data outlives containers), whose writes also land in the volume's
 * file tree (what `WorldSnapshot.volumes` and `docker volume` read). Writes to
 * the container root are mirrored into its overlay upperdir (copy-up,
 * whiteouts), which `docker diff` and `docker commit` read.
 */
import type * as JB from 'just-bash';
import type { Volume } from '../image/volumes.ts';
import type { OverlayRoot } from '../image/overlay.ts';
import { attached } from '../attached.ts';

const enc = new TextEncoder();
const bytes = (c: string | Uint8Array) => (typeof c === 'string' ? enc.encode(c) : c);

const volumeFs = attached<Volume, JB.IFileSystem>('volumeFs');

/** The filesystem of a volume (created on first mount from the volume's tree). */
export function fsForVolume(jb: typeof JB, v: Volume, nowMs: () => number): JB.IFileSystem {
  const have = volumeFs.get(v);
  if (have) return have;
  const init: Record<string, { content: string | Uint8Array; mode?: number; mtime: Date }> = {};
  for (const [p, e] of v.data) if (e.type === 'file') init[p] = { content: e.data ?? new Uint8Array(e.size), mode: e.mode, mtime: new Date(e.mtime * 1000) };
  const sync = (fs: JB.InMemoryFs, path: string) => {
    const now = Math.floor(nowMs() / 1000);
    return fs.readFileBuffer(path).then((data) => {
      v.data.set(path, { type: 'file', data, size: data.length, mode: 0o644, uid: 0, gid: 0, mtime: now });
    });
  };
  class VolumeFs extends jb.InMemoryFs {
    override async writeFile(...a: Parameters<JB.InMemoryFs['writeFile']>): Promise<void> {
      await super.writeFile(...a);
      await sync(this, a[0]);
    }
    override async appendFile(...a: Parameters<JB.InMemoryFs['appendFile']>): Promise<void> {
      await super.appendFile(...a);
      await sync(this, a[0]);
    }
    override async mkdir(...a: Parameters<JB.InMemoryFs['mkdir']>): Promise<void> {
      await super.mkdir(...a);
      v.data.set(a[0], { type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: Math.floor(nowMs() / 1000) });
    }
    override async rm(...a: Parameters<JB.InMemoryFs['rm']>): Promise<void> {
      await super.rm(...a);
      for (const p of [...v.data.keys()]) if (p === a[0] || p.startsWith(`${a[0]}/`)) v.data.delete(p);
    }
  }
  const fs = new VolumeFs(init);
  for (const [p, e] of v.data) if (e.type === 'dir' && p !== '/') fs.mkdirSync(p, { recursive: true });
  volumeFs.set(v, fs);
  return fs;
}

/** Mirrors a shell write into the container's overlay root (errors are the shell's to report). */
export const mirror = {
  write(root: OverlayRoot | undefined, path: string, content: string | Uint8Array): void {
    if (!root) return;
    try {
      root.writeFile(path, bytes(content));
    } catch {
      /* the shell's own filesystem already answered */
    }
  },
  mkdir(root: OverlayRoot | undefined, path: string, recursive: boolean): void {
    if (!root) return;
    try {
      root.mkdir(path, { recursive });
    } catch {
      /* idem */
    }
  },
  /** chmod, chown, touch of a lower file: overlayfs copies it up with its new metadata (a metadata-only copy-up). */
  meta(root: OverlayRoot | undefined, path: string, meta: { mode?: number; uid?: number; gid?: number; mtime?: number }): void {
    if (!root) return;
    try {
      root.setMeta(path, meta);
    } catch {
      /* idem */
    }
  },
  remove(root: OverlayRoot | undefined, path: string, recursive: boolean): void {
    if (!root) return;
    try {
      root.remove(path, { recursive });
    } catch {
      /* idem */
    }
  },
};

/**
 * A bind mount: the host directory `source` seen at the mount point. Paths are
 * mapped onto the host's filesystem; with `readOnly`, writes fail with EROFS.
 */
export class BindFs implements JB.IFileSystem {
  constructor(
    private readonly host: JB.IFileSystem,
    private readonly source: string,
    private readonly readOnly: boolean,
    /** Reports a refused file write as the shell does (`sh: can't create /w/y: Read-only file system`); gets the container path. */
    private readonly report?: (containerPath: string) => void,
    private readonly mountPoint = '',
  ) {}

  private at(p: string): string {
    return p === '/' ? this.source || '/' : `${this.source}${p}`;
  }

  private guard(op: string, p: string): void {
    if (this.readOnly) throw new Error(`EROFS: read-only file system, ${op} '${p}'`);
  }

  readFile(p: string, o?: Parameters<JB.IFileSystem['readFile']>[1]) {
    return this.host.readFile(this.at(p), o);
  }
  readFileBuffer(p: string) {
    return this.host.readFileBuffer(this.at(p));
  }
  async writeFile(p: string, c: JB.FileContent, o?: Parameters<JB.IFileSystem['writeFile']>[2]) {
    if (this.readOnly && this.report) return this.report(`${this.mountPoint}${p}`);
    this.guard('open', p);
    return this.host.writeFile(this.at(p), c, o);
  }
  async appendFile(p: string, c: JB.FileContent, o?: Parameters<JB.IFileSystem['appendFile']>[2]) {
    if (this.readOnly && this.report) return this.report(`${this.mountPoint}${p}`);
    this.guard('open', p);
    return this.host.appendFile(this.at(p), c, o);
  }
  exists(p: string) {
    return this.host.exists(this.at(p));
  }
  stat(p: string) {
    return this.host.stat(this.at(p));
  }
  lstat(p: string) {
    return this.host.lstat(this.at(p));
  }
  async mkdir(p: string, o?: Parameters<JB.IFileSystem['mkdir']>[1]) {
    this.guard('mkdir', p);
    return this.host.mkdir(this.at(p), o);
  }
  readdir(p: string) {
    return this.host.readdir(this.at(p));
  }
  async rm(p: string, o?: Parameters<JB.IFileSystem['rm']>[1]) {
    this.guard('rm', p);
    return this.host.rm(this.at(p), o);
  }
  async cp(a: string, b: string, o?: Parameters<JB.IFileSystem['cp']>[2]) {
    this.guard('open', b);
    return this.host.cp(this.at(a), this.at(b), o);
  }
  async mv(a: string, b: string) {
    this.guard('rename', a);
    return this.host.mv(this.at(a), this.at(b));
  }
  resolvePath(base: string, p: string) {
    return this.host.resolvePath(base, p);
  }
  getAllPaths() {
    return this.host
      .getAllPaths()
      .filter((p) => p === this.source || p.startsWith(`${this.source}/`))
      .map((p) => p.slice(this.source.length) || '/');
  }
  async chmod(p: string, m: number) {
    this.guard('chmod', p);
    return this.host.chmod(this.at(p), m);
  }
  async symlink(t: string, l: string) {
    this.guard('symlink', l);
    return this.host.symlink(t, this.at(l));
  }
  async link(a: string, b: string) {
    this.guard('link', b);
    return this.host.link(this.at(a), this.at(b));
  }
  readlink(p: string) {
    return this.host.readlink(this.at(p));
  }
  async realpath(p: string) {
    const r = await this.host.realpath(this.at(p));
    return r.startsWith(this.source) ? r.slice(this.source.length) || '/' : r;
  }
  async utimes(p: string, a: Date, m: Date) {
    this.guard('utime', p);
    return this.host.utimes(this.at(p), a, m);
  }
}

/**
 * The host sees each volume's data at `/var/lib/docker/volumes/<name>/_data`
 * (what `docker volume inspect` calls its Mountpoint). Mounts the volumes
 * created since the last line and drops the removed ones.
 */
export function syncHostVolumes(jb: typeof JB, hostFs: JB.MountableFs, volumes: readonly Volume[], mounted: Map<string, Volume>, nowMs: () => number): void {
  const want = new Map(volumes.map((v) => [`/var/lib/docker/volumes/${v.name}/_data`, v]));
  for (const [at, v] of [...mounted]) {
    if (want.get(at) === v) continue;
    hostFs.unmount(at);
    mounted.delete(at);
    void hostFs.rm(at.replace(/\/_data$/, ''), { recursive: true, force: true }).catch(() => undefined);
  }
  for (const [at, v] of want) {
    if (mounted.has(at)) continue;
    void hostFs.mkdir(at, { recursive: true }).catch(() => undefined);
    hostFs.mount(at, fsForVolume(jb, v, nowMs));
    mounted.set(at, v);
  }
}
