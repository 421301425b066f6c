/**
 * A pod's ConfigMap or Secret volume (runtime/roots.ts DataVolume) as the kubelet's atomic writer leaves it
 * (kubernetes@v1.30.5 pkg/volume/util/atomic_writer.go Write): the payload in the timestamped directory (0755), `..data`
 * linked to it, each top-level name linked to `..data/<name>`; read-only. The view follows the kubelet's later writes
 * (k8s/kubelet/volumes.ts remount): when `payload.tsDir` moves, the tree is made again, with `..data` and the directory
 * stamped with the write's time and each link with the time it was made. With the pod's fsGroup, every entry is in that
 * group and modes are as SetVolumeOwnership leaves them (pkg/volume/volume_linux.go changeFilePermission on a read-only
 * volume: `| 0440`, directories also `| 0110 | setgid`, symbolic links untouched). A subPath mount sees the path it
 * names, links resolved as the kubelet's bind mount does (a path the volume lacks: the empty directory makeMounts makes
 * there with the volume directory's mode).
 */
import type * as JB from 'just-bash';
import type { DataPayload, DataVolume } from '../runtime/roots.ts';
import { BindFs } from './storagefs.ts';

const RO_MASK = 0o440;
const DIR_MASK = 0o2000 | 0o440 | 0o110;
const second = (ms: number) => new Date(Math.floor(ms / 1000) * 1000);

/** An InMemoryFs whose link resolution looks at every component anew (just-bash's does not look at a target's own links). */
function linkingFs(jb: typeof JB): JB.InMemoryFs {
  const fs = new jb.InMemoryFs();
  // just-bash's resolvePathWithSymlinks follows a link's target without looking at the target's own components again, so
  // `color -> ..data/color` with `..data` itself a link is not found: this filesystem resolves every component anew.
  const data = (fs as unknown as { data: Map<string, JB.FsEntry> }).data;
  Object.defineProperty(fs, 'resolvePathWithSymlinks', {
    value: (path: string): string => {
      const parts = fs.resolvePath('/', path).split('/').filter(Boolean);
      let cur = '';
      for (let hops = 0; parts.length; ) {
        const next = `${cur}/${parts.shift()}`;
        const e = data.get(next);
        if (e?.type !== 'symlink') cur = next;
        else if (++hops > 40) throw new Error(`ELOOP: too many levels of symbolic links, open '${path}'`);
        else {
          parts.unshift(
            ...fs
              .resolvePath(cur || '/', e.target)
              .split('/')
              .filter(Boolean),
          );
          cur = '';
        }
      }
      return cur || '/';
    },
  });
  return fs;
}

/** The volume directory as one write of the atomic writer left it. */
function writtenTree(jb: typeof JB, dv: DataVolume, p: DataPayload, made?: string): JB.InMemoryFs {
  const fs = linkingFs(jb);
  if (made) fs.mkdirSync(`/${made}`, { recursive: true });
  const data = (fs as unknown as { data: Map<string, JB.FsEntry> }).data;
  const owned = dv.fsGroup !== undefined;
  const t = second(p.writtenMs);
  fs.mkdirSync(`/${p.tsDir}`, { recursive: true });
  for (const f of p.files) {
    const path = `/${p.tsDir}/${f.path}`;
    fs.mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true });
    fs.writeFileSync(path, f.content, undefined, { mode: owned ? f.mode | RO_MASK : f.mode, mtime: t });
  }
  void jb.InMemoryFs.prototype.symlink.call(fs, p.tsDir, '/..data');
  const tops = new Set(p.files.map((f) => f.path.split('/')[0]!));
  for (const top of tops) void jb.InMemoryFs.prototype.symlink.call(fs, `..data/${top}`, `/${top}`);
  for (const [path, e] of data) {
    const top = path.slice(1).split('/')[0]!;
    e.mtime = path.split('/').length === 2 && tops.has(top) ? second(p.linkMs[top] ?? p.writtenMs) : t;
    const volumeMode = path === '/' || (made !== undefined && `/${made}`.startsWith(path));
    if (e.type === 'directory') e.mode = (volumeMode ? dv.dirMode : 0o755) | (owned ? DIR_MASK : 0);
  }
  return fs;
}

/** The live view of a data volume: reads go to the tree of the kubelet's last write (made again when it moves). */
class DataVolumeFs implements JB.IFileSystem {
  private tree: JB.InMemoryFs | undefined;
  private builtFor = '';

  constructor(
    private readonly jb: typeof JB,
    private readonly dv: DataVolume,
    /** A subPath the volume lacks: the directory makeMounts makes there (SafeMakeDir, with the volume directory's mode). */
    private readonly made?: string,
  ) {}

  private cur(): JB.InMemoryFs {
    if (!this.tree || this.builtFor !== this.dv.payload.tsDir) {
      this.tree = writtenTree(this.jb, this.dv, this.dv.payload, this.made);
      this.builtFor = this.dv.payload.tsDir;
    }
    return this.tree;
  }
  /**
   * The owner ls and stat show: root, and the fsGroup when the pod has one (Lchown'd, links included). On tmpfs (a
   * Secret, projected or downward API volume: medium Memory) a directory's size is 40 plus 20 per entry and it takes no
   * blocks, nor does a link (linux v6.8 mm/shmem.c BOGO_DIRENT_SIZE, shmem_get_inode's `2 * BOGO_DIRENT_SIZE`).
   */
  private async owned(p: string, st: JB.FsStat): Promise<JB.FsStat> {
    const own = { ...st, uid: 0, gid: this.dv.fsGroup ?? 0 };
    if (!this.dv.tmpfs || st.isFile) return own as JB.FsStat;
    if (st.isSymbolicLink) return { ...own, blocks: 0 } as JB.FsStat;
    return { ...own, dirSize: 40 + 20 * (await this.cur().readdir(p)).length, blocks: 0 } as JB.FsStat;
  }
  readFile(p: string, o?: Parameters<JB.IFileSystem['readFile']>[1]) {
    return this.cur().readFile(p, o);
  }
  readFileBuffer(p: string) {
    return this.cur().readFileBuffer(p);
  }
  writeFile(p: string, c: JB.FileContent, o?: Parameters<JB.IFileSystem['writeFile']>[2]) {
    return this.cur().writeFile(p, c, o);
  }
  appendFile(p: string, c: JB.FileContent, o?: Parameters<JB.IFileSystem['appendFile']>[2]) {
    return this.cur().appendFile(p, c, o);
  }
  exists(p: string) {
    return this.cur().exists(p);
  }
  async stat(p: string) {
    return this.owned(p, await this.cur().stat(p));
  }
  async lstat(p: string) {
    return this.owned(p, await this.cur().lstat(p));
  }
  mkdir(p: string, o?: Parameters<JB.IFileSystem['mkdir']>[1]) {
    return this.cur().mkdir(p, o);
  }
  readdir(p: string) {
    return this.cur().readdir(p);
  }
  rm(p: string, o?: Parameters<JB.IFileSystem['rm']>[1]) {
    return this.cur().rm(p, o);
  }
  cp(a: string, b: string, o?: Parameters<JB.IFileSystem['cp']>[2]) {
    return this.cur().cp(a, b, o);
  }
  mv(a: string, b: string) {
    return this.cur().mv(a, b);
  }
  resolvePath(base: string, p: string) {
    return this.cur().resolvePath(base, p);
  }
  getAllPaths() {
    return this.cur().getAllPaths();
  }
  chmod(p: string, mode: number) {
    return this.cur().chmod(p, mode);
  }
  symlink(target: string, link: string) {
    return this.cur().symlink(target, link);
  }
  link(a: string, b: string) {
    return this.cur().link(a, b);
  }
  readlink(p: string) {
    return this.cur().readlink(p);
  }
  realpath(p: string) {
    return this.cur().realpath(p);
  }
  utimes(p: string, a: Date, m: Date) {
    return this.cur().utimes(p, a, m);
  }
}

/** The path a subPath names in the volume, its first component's links resolved (`color` → `..<ts>/color`). */
function subPathSource(p: DataPayload, sub: string): string | undefined {
  const [top, ...rest] = sub.split('/');
  const inTs = top === '..data' || top === p.tsDir ? rest.join('/') : p.files.some((f) => f.path.split('/')[0] === top) ? sub : undefined;
  if (inTs === undefined) return undefined;
  const known = inTs === '' || p.files.some((f) => f.path === inTs || f.path.startsWith(`${inTs}/`));
  return known ? `/${p.tsDir}${inTs ? `/${inTs}` : ''}` : undefined;
}

/** Whether a subPath mount binds one file (runc makes its mount point a file, not a directory: createIfNotExists). */
export function bindsFile(dv: DataVolume): boolean {
  const source = dv.subPath ? subPathSource(dv.payload, dv.subPath) : undefined;
  return source !== undefined && dv.payload.files.some((f) => `/${dv.payload.tsDir}/${f.path}` === source);
}

export function dataVolumeFs(jb: typeof JB, dv: DataVolume, report?: (containerPath: string) => void): JB.IFileSystem {
  const live = new DataVolumeFs(jb, dv);
  if (!dv.subPath) return new BindFs(live, '', true, report, dv.destination);
  const source = subPathSource(dv.payload, dv.subPath);
  if (source !== undefined) return new BindFs(live, source, true, report, dv.destination);
  return new BindFs(new DataVolumeFs(jb, dv, dv.subPath), `/${dv.subPath}`, true, report, dv.destination);
}
