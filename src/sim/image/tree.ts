/**
 * Layer file trees: the entries a layer (or an overlay upperdir) holds.
 *
 * A tree is a Map from an absolute, normalised path ("/etc/passwd", never a
 * trailing slash, "/" itself is never stored) to an entry. Parent directories
 * are stored explicitly, as they are in a real layer tar.
 *
 * Big files: a file either carries its bytes (`data`) or only a size
 * (`data` undefined). A size-only file is `size` zero bytes, and it is written
 * to tar as a GNU sparse file (format 1.0, in PAX records) that is one hole:
 * the tar is a true, readable description of that file (GNU tar and Go's
 * archive/tar extract it to `size` zero bytes), so the diffID hashed over it is
 * honest, while the archive stays a few hundred bytes. This is how an 814 MB
 * golang image costs kilobytes to hash.
 */
import { isNormalPath, normalizePath } from '../path.ts';

export interface EntryMeta {
  mode: number;
  uid: number;
  gid: number;
  /** Modification time, seconds since the epoch. */
  mtime: number;
}

export interface FileEntry extends EntryMeta {
  type: 'file';
  /** The bytes; undefined = `size` zero bytes (a size-only file, see above). */
  data?: Uint8Array;
  size: number;
  /**
   * The text a container shows for a size-only file whose real content is known (nginx's mime.types): never written
   * to the layer tar, so the digests recorded before it was known do not change. Its UTF-8 length is `size`.
   */
  view?: string;
}

export interface DirEntry extends EntryMeta {
  type: 'dir';
  /** Opaque (overlay `trusted.overlay.opaque=y`, tar `.wh..wh..opq`): hides everything below from lower layers. */
  opaque?: boolean;
}

export interface SymlinkEntry extends EntryMeta {
  type: 'symlink';
  target: string;
}

/** A deletion marker: char device 0/0 in an overlay upperdir, `.wh.<name>` in a layer tar. */
export interface WhiteoutEntry {
  type: 'whiteout';
}

export type Entry = FileEntry | DirEntry | SymlinkEntry | WhiteoutEntry;
export type Tree = Map<string, Entry>;

export class PathError extends Error {
  constructor(
    readonly code: 'EINVAL',
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** Normalises an absolute path: collapses `//`, resolves `.` and `..`, drops a trailing slash (../path.ts). */
export function normPath(p: string): string {
  if (!p.startsWith('/')) throw new PathError('EINVAL', p, `path must be absolute: "${p}"`);
  return normalizePath(p);
}

/** Joins a path onto a directory (an absolute `rel` wins). */
export function joinPath(dir: string, rel: string): string {
  return normPath(rel.startsWith('/') ? rel : `${dir}/${rel}`);
}

export function parentOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

export function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Every proper ancestor of a path, outermost first, excluding "/". */
export function ancestors(p: string): string[] {
  // A normal path's ancestors are its prefixes up to each later `/`.
  if (isNormalPath(p)) {
    const out: string[] = [];
    for (let i = p.indexOf('/', 1); i > 0; i = p.indexOf('/', i + 1)) out.push(p.slice(0, i));
    return out;
  }
  const parts = p.split('/').filter(Boolean);
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) out.push('/' + parts.slice(0, i).join('/'));
  return out;
}

/** True when `p` is `dir` or lies below it. */
export function isUnder(p: string, dir: string): boolean {
  return dir === '/' || p === dir || p.startsWith(dir + '/');
}

/** Paths in tar order: lexical by component, so a directory precedes its contents. */
export function sortedPaths(tree: Tree): string[] {
  return [...tree.keys()].sort(comparePaths);
}

export function comparePaths(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** The size a layer contributes to `docker images`/`history`: regular file bytes plus symlink target lengths. */
export function contentSize(tree: Tree): number {
  let n = 0;
  for (const e of tree.values()) {
    if (e.type === 'file') n += e.size;
    else if (e.type === 'symlink') n += e.target.length;
  }
  return n;
}

/**
 * Applies a layer on top of a merged view (the union-mount rule):
 * a whiteout deletes the path and everything below it; an opaque directory
 * first deletes everything below it; any other entry replaces what was there.
 */
export function applyLayer(merged: Tree, layer: Tree): void {
  for (const p of sortedPaths(layer)) {
    const e = layer.get(p)!;
    if (e.type === 'whiteout' || (e.type === 'dir' && e.opaque)) {
      for (const q of [...merged.keys()]) if (q === p || q.startsWith(p + '/')) merged.delete(q);
      if (e.type === 'whiteout') continue;
    }
    const old = merged.get(p);
    if (old && old.type === 'dir' && e.type !== 'dir') {
      for (const q of [...merged.keys()]) if (q.startsWith(p + '/')) merged.delete(q);
    }
    merged.set(p, e.type === 'dir' ? { ...e, opaque: undefined } : e);
  }
}

/** The merged root of a stack of layers, bottom first. */
export function mergeLayers(layers: readonly Tree[]): Tree {
  const merged: Tree = new Map();
  for (const l of layers) applyLayer(merged, l);
  return merged;
}

/** Builds trees with parent directories filled in. */
export class TreeBuilder {
  readonly tree: Tree = new Map();
  constructor(
    private readonly mtime: number,
    private readonly enc: (s: string) => Uint8Array,
  ) {}

  private meta(mode: number, uid = 0, gid = 0): EntryMeta {
    return { mode, uid, gid, mtime: this.mtime };
  }

  private parents(p: string): void {
    for (const a of ancestors(p)) if (!this.tree.has(a)) this.tree.set(a, { type: 'dir', ...this.meta(0o755) });
  }

  dir(path: string, mode = 0o755, uid = 0, gid = 0): this {
    const p = normPath(path);
    this.parents(p);
    this.tree.set(p, { type: 'dir', ...this.meta(mode, uid, gid) });
    return this;
  }

  /** A file with text or byte content. */
  file(path: string, content: string | Uint8Array, mode = 0o644, uid = 0, gid = 0): this {
    const p = normPath(path);
    this.parents(p);
    const data = typeof content === 'string' ? this.enc(content) : content;
    this.tree.set(p, { type: 'file', data, size: data.length, ...this.meta(mode, uid, gid) });
    return this;
  }

  /** A size-only file (`size` zero bytes; see the header comment). */
  blob(path: string, size: number, mode = 0o755, uid = 0, gid = 0): this {
    const p = normPath(path);
    this.parents(p);
    this.tree.set(p, { type: 'file', size, ...this.meta(mode, uid, gid) });
    return this;
  }

  /**
   * A size-only file that a container shows with its real text (FileEntry.view): the layer keeps `size` zero bytes,
   * so the image's digests stay those of the size-only file. `size` must be the text's UTF-8 length.
   */
  shown(path: string, size: number, text: string, mode = 0o644, uid = 0, gid = 0): this {
    const n = this.enc(text).length;
    if (n !== size) throw new Error(`shown ${path}: the text is ${n} bytes, the size-only file ${size}`);
    const p = normPath(path);
    this.parents(p);
    this.tree.set(p, { type: 'file', size, view: text, ...this.meta(mode, uid, gid) });
    return this;
  }

  symlink(path: string, target: string): this {
    const p = normPath(path);
    this.parents(p);
    this.tree.set(p, { type: 'symlink', target, ...this.meta(0o777) });
    return this;
  }

  whiteout(path: string): this {
    const p = normPath(path);
    this.parents(p);
    this.tree.set(p, { type: 'whiteout' });
    return this;
  }

  opaque(path: string, mode = 0o755): this {
    const p = normPath(path);
    this.parents(p);
    this.tree.set(p, { type: 'dir', opaque: true, ...this.meta(mode) });
    return this;
  }
}
