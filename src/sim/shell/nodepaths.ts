/**
 * The host filesystem lent to node1's agents (runtime/nodefs.ts NodePaths): os.Stat's type of a path, Go's
 * os.MkdirAll (a missing directory made with the mode, an existing non-directory on the way `mkdir P: not a
 * directory`, as os/path.go MkdirAll's Stat-then-recurse reports it) and os.OpenFile(O_CREATE) (the parent must be
 * there: `open P: no such file or directory`). Modes are given whole: the agents run with umask 022, which leaves
 * 0755 and 0644 as they are.
 */
import type * as JB from 'just-bash';
import type { NodeFileType, NodePaths } from '../runtime/nodefs.ts';

/** stat(2)'s S_IFMT types, as the kept modes carry them (sockets, devices); a plain stat falls back on its flags. */
const S_IFDIR = 0o040000;
const S_IFSOCK = 0o140000;
const S_IFCHR = 0o020000;
const S_IFBLK = 0o060000;
const BY_FORMAT = new Map<number, NodeFileType>([
  [S_IFDIR, 'Directory'],
  [S_IFSOCK, 'Socket'],
  [S_IFCHR, 'CharDevice'],
  [S_IFBLK, 'BlockDevice'],
]);

export class HostNodePaths implements NodePaths {
  constructor(private readonly fs: () => JB.IFileSystem) {}

  async typeOf(path: string): Promise<NodeFileType | undefined> {
    const st = await this.fs()
      .stat(path)
      .catch(() => undefined);
    if (!st) return undefined;
    return BY_FORMAT.get(st.mode & 0o170000) ?? (st.isDirectory ? 'Directory' : 'File');
  }

  async mkdirAll(path: string, mode: number): Promise<string | undefined> {
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const p = `/${parts.slice(0, i).join('/')}`;
      const t = await this.typeOf(p);
      if (t === 'Directory') continue;
      if (t) return `mkdir ${p}: not a directory`;
      await this.fs().mkdir(p);
      await this.fs().chmod(p, mode);
    }
    return undefined;
  }

  async createFile(path: string, mode: number): Promise<string | undefined> {
    // open(2) walks the parents: a missing one is ENOENT, one that is not a directory ENOTDIR.
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
      const t = await this.typeOf(`/${parts.slice(0, i).join('/')}`);
      if (t !== 'Directory') return `open ${path}: ${t ? 'not a directory' : 'no such file or directory'}`;
    }
    if (await this.typeOf(path)) return undefined;
    await this.fs().writeFile(path, '');
    await this.fs().chmod(path, mode);
    return undefined;
  }
}
