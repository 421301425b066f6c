import type { FsStat, IFileSystem } from 'just-bash';
import { normalizePath } from '../path.ts';

/** A node of a generated filesystem: computed when read, never stored. */
export type GenNode =
  | { type: 'dir'; entries: () => string[]; mode?: number; nlink?: () => number; size?: () => number; uid?: number; gid?: number }
  | { type: 'file'; content: () => string; write?: (text: string) => void; mode?: number }
  | {
      type: 'link';
      target: string;
      /** Permission bits other than 0777 (/proc/PID/fd: the file's f_mode, fs/procfd.ts), its size and owner. */
      mode?: number;
      size?: number;
      uid?: number;
      gid?: number;
      /** A descriptor's link (/proc/PID/fd/N): namei.ts leaves opening through it to the filesystems as spelled. */
      fd?: boolean;
    };

const errno = (code: string, text: string, op: string, path: string) => new Error(`${code}: ${text}, ${op} '${path}'`);

/**
 * A read-mostly IFileSystem whose tree is produced by `lookup` (like /proc and
 * /sys/fs/cgroup). Paths are relative to the mount point. Symlinks in the middle of a
 * path (e.g. `/self/status`) are followed when they are relative to the mount.
 */
export abstract class GeneratedFs implements IFileSystem {
  /**
   * just-bash lets an exception from a redirection escape the whole line, so failed writes
   * are reported here instead (the shell prints them in bash's wording: `bash: PATH: Reason`).
   */
  onWriteError: (path: string, reason: string) => void = () => {};

  constructor(protected readonly mountPoint: string) {}

  protected abstract lookup(path: string): GenNode | undefined;
  /** The node at a path in which no link is to be followed (fs/namei.ts walks a root's mounts with it). */
  node(path: string): GenNode | undefined {
    return this.lookup(path);
  }
  protected mtime(): Date {
    return new Date(0);
  }

  /** Resolves intermediate symlinks (`self` → `23817`). */
  protected resolve(path: string, followLast: boolean): { path: string; node: GenNode | undefined } {
    const parts = normalizePath(path).split('/').filter(Boolean);
    let cur = '';
    for (let i = 0; i < parts.length; i++) {
      cur = `${cur}/${parts[i]}`;
      const node = this.lookup(cur);
      if (node?.type === 'link' && (i < parts.length - 1 || followLast) && !node.target.includes(':[')) {
        cur = node.target.startsWith('/') ? normalizePath(node.target.slice(this.mountPoint.length)) : normalizePath(`${cur}/../${node.target}`);
      }
    }
    return { path: cur || '/', node: this.lookup(cur || '/') };
  }

  private full(path: string): string {
    return `${this.mountPoint}${path === '/' ? '' : path}`;
  }

  private need(path: string, op: string, followLast = true): GenNode {
    const { node } = this.resolve(path, followLast);
    if (!node) throw errno('ENOENT', 'no such file or directory', op, this.full(path));
    return node;
  }

  async readFile(path: string): Promise<string> {
    const node = this.need(path, 'open');
    if (node.type === 'dir') throw errno('EISDIR', 'illegal operation on a directory', 'read', this.full(path));
    if (node.type === 'link') throw errno('ENOENT', 'no such file or directory', 'open', this.full(path));
    return node.content();
  }
  async readFileBuffer(path: string): Promise<Uint8Array> {
    return new TextEncoder().encode(await this.readFile(path));
  }
  async readFileBytes(path: string): Promise<never> {
    const bytes = new TextEncoder().encode(await this.readFile(path));
    let out = '';
    for (const b of bytes) out += String.fromCharCode(b);
    return out as never;
  }
  async writeFile(path: string, content: string | Uint8Array): Promise<void> {
    const { node } = this.resolve(path, true);
    const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
    if (node?.type === 'file' && node.write) {
      if (text === '') return;
      try {
        node.write(text);
      } catch (e) {
        const code = /^(E[A-Z]+)/.exec((e as Error).message)?.[1];
        this.onWriteError(this.full(path), code === 'EROFS' ? 'Read-only file system' : code === 'EINVAL' ? 'write error: Invalid argument' : 'Permission denied');
      }
      return;
    }
    if (!node) {
      this.onWriteError(this.full(path), 'No such file or directory');
      return;
    }
    this.onWriteError(this.full(path), node.type === 'dir' ? 'Is a directory' : 'Permission denied');
  }
  async appendFile(path: string, content: string | Uint8Array): Promise<void> {
    return this.writeFile(path, content);
  }
  async exists(path: string): Promise<boolean> {
    return this.resolve(path, true).node !== undefined;
  }
  private statOf(node: GenNode, path: string): FsStat {
    const dir = node.type === 'dir';
    const link = node.type === 'link';
    const size = node.type === 'link' ? (node.size ?? 0) : 0;
    const owner = node.type !== 'file' && node.uid !== undefined ? { uid: node.uid, gid: node.gid ?? 0 } : {};
    const dirSize = node.type === 'dir' && node.size ? { dirSize: node.size() } : {};
    const mode = link ? 0o120000 | (node.mode ?? 0o777) : dir ? 0o040000 | (node.mode ?? 0o555) : 0o100000 | (node.mode ?? 0o444);
    const nlink = node.type === 'dir' ? node.nlink?.() : undefined;
    return { isFile: node.type === 'file', isDirectory: dir, isSymbolicLink: link, mode, size, mtime: this.mtime(), identity: path, ...owner, ...dirSize, ...(nlink !== undefined ? { nlink } : {}) };
  }
  async stat(path: string): Promise<FsStat> {
    const node = this.need(path, 'stat');
    return this.statOf(node.type === 'link' ? { type: 'file', content: () => '' } : node, path);
  }
  async lstat(path: string): Promise<FsStat> {
    return this.statOf(this.need(path, 'lstat', false), path);
  }
  async readdir(path: string): Promise<string[]> {
    const node = this.need(path, 'scandir');
    if (node.type !== 'dir') throw errno('ENOTDIR', 'not a directory', 'scandir', this.full(path));
    return node.entries();
  }
  async readlink(path: string): Promise<string> {
    const node = this.need(path, 'readlink', false);
    if (node.type !== 'link') throw errno('EINVAL', 'invalid argument', 'readlink', this.full(path));
    return node.target;
  }
  async realpath(path: string): Promise<string> {
    const r = this.resolve(path, true);
    if (!r.node) throw errno('ENOENT', 'no such file or directory', 'realpath', this.full(path));
    return this.full(r.path);
  }
  resolvePath(base: string, path: string): string {
    return path.startsWith('/') ? normalizePath(path) : normalizePath(`${base}/${path}`);
  }
  getAllPaths(): string[] {
    return [];
  }
  protected denied(op: string, path: string): never {
    throw errno('EACCES', 'permission denied', op, this.full(path));
  }
  async mkdir(path: string): Promise<void> {
    this.denied('mkdir', path);
  }
  async rm(path: string): Promise<void> {
    this.denied('rm', path);
  }
  async cp(_src: string, dest: string): Promise<void> {
    this.denied('cp', dest);
  }
  async mv(_src: string, dest: string): Promise<void> {
    this.denied('rename', dest);
  }
  async chmod(path: string): Promise<void> {
    this.denied('chmod', path);
  }
  async symlink(_t: string, linkPath: string): Promise<void> {
    this.denied('symlink', linkPath);
  }
  async link(_e: string, newPath: string): Promise<void> {
    this.denied('link', newPath);
  }
  async utimes(path: string): Promise<void> {
    this.denied('utime', path);
  }
}
