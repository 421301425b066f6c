/**
 * A container's root filesystem as overlayfs builds it: read-only lowerdirs
 * (the image layers, plus Docker's init layer) under a writable upperdir.
 * Reads fall through from the top; a write copies the file's parent
 * directories up and writes in the upperdir; a delete of something that exists
 * below leaves a whiteout (char device 0/0); a directory re-created over a
 * whiteout becomes opaque. `docker diff` is derived from the upperdir only.
 *
 * Synchronous: it touches no hashes (commit.ts turns the upperdir into a layer).
 */
import { ancestors, baseName, comparePaths, isUnder, normPath, parentOf, type DirEntry, type Entry, type EntryMeta, type Tree } from './tree.ts';
import { utf8 } from './digest.ts';

export type OverlayErrno = 'ENOENT' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'EEXIST' | 'EROFS' | 'ELOOP' | 'EINVAL';

const MESSAGES: Record<OverlayErrno, string> = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EEXIST: 'File exists',
  EROFS: 'Read-only file system',
  ELOOP: 'Too many levels of symbolic links',
  EINVAL: 'Invalid argument',
};

/** An errno-style failure; commands translate it into their own wording. */
export class OverlayError extends Error {
  constructor(
    readonly code: OverlayErrno,
    readonly path: string,
  ) {
    super(`${code}: ${MESSAGES[code]}, '${path}'`);
  }
}

export type Change = { kind: 'A' | 'C' | 'D'; path: string };

const childIndex = new WeakMap<Tree, Map<string, string[]>>();

/** Direct children of each directory in an immutable tree (cached). */
function childrenOf(tree: Tree, dir: string): string[] {
  let idx = childIndex.get(tree);
  if (!idx) {
    idx = new Map();
    for (const p of tree.keys()) {
      const parent = parentOf(p);
      let list = idx.get(parent);
      if (!list) idx.set(parent, (list = []));
      list.push(baseName(p));
    }
    childIndex.set(tree, idx);
  }
  return idx.get(dir) ?? [];
}

export class OverlayRoot {
  /** The upperdir: what this container changed. */
  readonly upper: Tree = new Map();
  /** Lowerdirs, TOP first (init layer, then image layers newest to oldest). */
  private readonly lowers: Tree[];

  constructor(
    lowersBottomFirst: readonly Tree[],
    private readonly opts: { readOnly?: boolean; now?: () => number } = {},
  ) {
    this.lowers = [...lowersBottomFirst].reverse();
  }

  get readOnly(): boolean {
    return this.opts.readOnly ?? false;
  }

  private nowSec(): number {
    return Math.floor((this.opts.now?.() ?? 0) / 1000);
  }

  /** Looks a path up in one layer: the entry, 'hidden' (whiteout or non-dir ancestor), or undefined. */
  private static inLayer(t: Tree, p: string, above: readonly string[] = ancestors(p)): Entry | 'hidden' | 'opaque-stop' | undefined {
    for (const a of above) {
      const e = t.get(a);
      if (!e) continue;
      if (e.type === 'whiteout' || e.type !== 'dir') return 'hidden';
      if (e.opaque) {
        const own = t.get(p);
        return own ? (own.type === 'whiteout' ? 'hidden' : own) : 'opaque-stop';
      }
    }
    const own = t.get(p);
    if (own?.type === 'whiteout') return 'hidden';
    return own;
  }

  /** True when a directory above `p` is opaque in this layer: nothing below it comes from lower layers. */
  private static belowOpaque(t: Tree, p: string): boolean {
    return ancestors(p).some((a) => {
      const e = t.get(a);
      return e?.type === 'dir' && e.opaque === true;
    });
  }

  /** The merged view of a path (no symlink following). */
  lookup(path: string): Exclude<Entry, { type: 'whiteout' }> | undefined {
    const p = normPath(path);
    if (p === '/') return { type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0 };
    // The path's ancestors once for all the layers.
    const above = ancestors(p);
    for (let i = -1; i < this.lowers.length; i++) {
      const r = OverlayRoot.inLayer(i < 0 ? this.upper : (this.lowers[i] as Tree), p, above);
      if (r === 'hidden' || r === 'opaque-stop') return undefined;
      if (r) {
        if (r.type === 'whiteout') return undefined;
        return r;
      }
    }
    return undefined;
  }

  /** Only the lowers (what the image provides), for A vs C in `docker diff`. */
  private lowerLookup(p: string): Entry | undefined {
    for (const t of this.lowers) {
      const r = OverlayRoot.inLayer(t, p);
      if (r === 'hidden' || r === 'opaque-stop') return undefined;
      if (r) return r;
    }
    return undefined;
  }

  /**
   * Resolves every symlink in a path (like realpath(3)); the last component is
   * followed too unless `noFollowLast`. Missing components are kept as they are.
   */
  realpath(path: string, noFollowLast = false): string {
    let todo = normPath(path).split('/').filter(Boolean);
    let cur = '/';
    let hops = 0;
    while (todo.length) {
      const name = todo.shift()!;
      const next = cur === '/' ? `/${name}` : `${cur}/${name}`;
      const e = this.lookup(next);
      if (e?.type === 'symlink' && !(noFollowLast && todo.length === 0)) {
        if (++hops > 40) throw new OverlayError('ELOOP', path);
        const target = e.target.startsWith('/') ? e.target : `${cur}/${e.target}`;
        todo = [...normPath(target).split('/').filter(Boolean), ...todo];
        cur = '/';
        continue;
      }
      cur = next;
    }
    return cur;
  }

  /** stat(2): follows symlinks. */
  stat(path: string): Exclude<Entry, { type: 'whiteout' }> | undefined {
    return this.lookup(this.realpath(path));
  }

  /** lstat(2): does not follow the last component. */
  lstat(path: string): Exclude<Entry, { type: 'whiteout' }> | undefined {
    return this.lookup(this.realpath(path, true));
  }

  /** The path with its parent directory resolved (what a create/unlink acts on). */
  private target(path: string): string {
    const p = normPath(path);
    if (p === '/') return p;
    const dir = this.realpath(parentOf(p));
    return dir === '/' ? `/${baseName(p)}` : `${dir}/${baseName(p)}`;
  }

  exists(path: string): boolean {
    return this.stat(path) !== undefined;
  }

  /** Names in a directory of the merged view, sorted. */
  readdir(path: string): string[] {
    const p = this.realpath(path);
    const self = this.lookup(p);
    if (!self) throw new OverlayError('ENOENT', p);
    if (self.type !== 'dir') throw new OverlayError('ENOTDIR', p);
    const seen = new Map<string, boolean>();
    const upperKids = [...this.upper.keys()].filter((k) => k !== p && parentOf(k) === p).map(baseName);
    const layers: [Tree, string[]][] = [[this.upper, upperKids], ...this.lowers.map((t): [Tree, string[]] => [t, childrenOf(t, p)])];
    for (const [t, kids] of layers) {
      const here = p === '/' ? undefined : OverlayRoot.inLayer(t, p);
      if (here === 'hidden') break;
      for (const k of kids) if (!seen.has(k)) seen.set(k, t.get(p === '/' ? `/${k}` : `${p}/${k}`)!.type !== 'whiteout');
      if (here === 'opaque-stop' || (here && here.type === 'dir' && (here.opaque || OverlayRoot.belowOpaque(t, p)))) break;
      if (here && here.type !== 'dir') break;
    }
    return [...seen]
      .filter(([, visible]) => visible)
      .map(([k]) => k)
      .sort();
  }

  readFile(path: string): Uint8Array {
    const p = this.realpath(path);
    const e = this.lookup(p);
    if (!e) throw new OverlayError('ENOENT', normPath(path));
    if (e.type === 'dir') throw new OverlayError('EISDIR', normPath(path));
    if (e.type === 'symlink') throw new OverlayError('ELOOP', normPath(path));
    // A size-only file whose text is known (tree.ts FileEntry.view) reads as that text, as `cat` in the container shows it.
    return e.data ?? (e.view !== undefined ? utf8(e.view) : new Uint8Array(e.size));
  }

  private guardWrite(p: string): void {
    if (this.readOnly) throw new OverlayError('EROFS', p);
  }

  /** Copies every ancestor directory of `p` up into the upperdir (as overlayfs does before a change). */
  private copyUpParents(p: string): void {
    for (const a of ancestors(p)) {
      const up = this.upper.get(a);
      if (up && up.type === 'dir') continue;
      const e = this.lookup(a);
      if (!e) throw new OverlayError('ENOENT', a);
      if (e.type !== 'dir') throw new OverlayError('ENOTDIR', a);
      const copy: DirEntry = { type: 'dir', mode: e.mode, uid: e.uid, gid: e.gid, mtime: e.mtime };
      this.upper.set(a, copy);
    }
    const parent = parentOf(p);
    const pe = this.upper.get(parent);
    if (pe && pe.type === 'dir') pe.mtime = this.nowSec();
  }

  private meta(mode: number, uid = 0, gid = 0): EntryMeta {
    return { mode, uid, gid, mtime: this.nowSec() };
  }

  /** Creates or replaces a regular file (content or size-only). */
  writeFile(path: string, content: Uint8Array | { size: number }, opts: { mode?: number; uid?: number; gid?: number; mtime?: number } = {}): void {
    const p = this.target(path);
    this.guardWrite(p);
    let old = this.lookup(p);
    if (old?.type === 'symlink') {
      const real = this.realpath(p);
      if (real !== p) {
        this.writeFile(real, content, opts);
        return;
      }
      old = undefined;
    }
    if (old?.type === 'dir') throw new OverlayError('EISDIR', p);
    this.copyUpParents(p);
    const mode = opts.mode ?? (old && old.type === 'file' ? old.mode : 0o644);
    const uid = opts.uid ?? (old ? old.uid : 0);
    const gid = opts.gid ?? (old ? old.gid : 0);
    const entry =
      content instanceof Uint8Array ? { type: 'file' as const, data: content, size: content.length } : { type: 'file' as const, size: content.size };
    this.upper.set(p, { ...entry, ...this.meta(mode, uid, gid), ...(opts.mtime !== undefined ? { mtime: opts.mtime } : {}) });
  }

  mkdir(path: string, opts: { recursive?: boolean; mode?: number; uid?: number; gid?: number; mtime?: number } = {}): void {
    const p = this.target(path);
    this.guardWrite(p);
    const have = this.lookup(p);
    if (have) {
      if (opts.recursive && have.type === 'dir') return;
      throw new OverlayError('EEXIST', p);
    }
    if (opts.recursive) for (const a of ancestors(p)) if (!this.lookup(a)) this.mkdir(a, { mode: 0o755 });
    this.copyUpParents(p);
    const overWhiteout = this.upper.get(p)?.type === 'whiteout' && this.lowerLookup(p)?.type === 'dir';
    const meta = this.meta(opts.mode ?? 0o755, opts.uid, opts.gid);
    this.upper.set(p, { type: 'dir', ...meta, ...(opts.mtime !== undefined ? { mtime: opts.mtime } : {}), ...(overWhiteout ? { opaque: true } : {}) });
  }

  symlink(path: string, target: string, opts: { uid?: number; gid?: number; mtime?: number } = {}): void {
    const p = this.target(path);
    this.guardWrite(p);
    if (this.lookup(p)) throw new OverlayError('EEXIST', p);
    this.copyUpParents(p);
    this.upper.set(p, { type: 'symlink', target, ...this.meta(0o777, opts.uid, opts.gid), ...(opts.mtime !== undefined ? { mtime: opts.mtime } : {}) });
  }

  /** Changes mode/owner: copies the entry up (metadata-only copy-up). */
  setMeta(path: string, meta: Partial<EntryMeta>): void {
    const p = this.target(path);
    this.guardWrite(p);
    const e = this.lookup(p);
    if (!e) throw new OverlayError('ENOENT', p);
    this.copyUpParents(p);
    this.upper.set(p, {
      ...e,
      ...(e.type === 'dir' ? { opaque: (this.upper.get(p) as DirEntry | undefined)?.opaque } : {}),
      ...meta,
      mtime: meta.mtime ?? e.mtime,
    });
  }

  /** Deletes a path (`recursive` for a non-empty directory): whiteouts for what the lowers still hold. */
  remove(path: string, opts: { recursive?: boolean } = {}): void {
    const p = this.target(path);
    this.guardWrite(p);
    const e = this.lookup(p);
    if (!e) throw new OverlayError('ENOENT', p);
    if (e.type === 'dir' && this.readdir(p).length > 0 && !opts.recursive) throw new OverlayError('ENOTEMPTY', p);
    this.copyUpParents(p);
    for (const k of [...this.upper.keys()]) if (k !== p && isUnder(k, p)) this.upper.delete(k);
    if (this.lowerLookup(p)) this.upper.set(p, { type: 'whiteout' });
    else this.upper.delete(p);
  }

  /** `docker diff`: A/C/D for every upperdir entry, sorted by path. */
  diff(): Change[] {
    const out: Change[] = [];
    for (const [p, e] of this.upper) {
      if (e.type === 'whiteout') out.push({ kind: 'D', path: p });
      else out.push({ kind: this.lowerLookup(p) ? 'C' : 'A', path: p });
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** The upperdir as a layer tree (whiteouts and opaque dirs included), for `docker commit`. */
  toLayerTree(): Tree {
    return new Map([...this.upper].sort(([a], [b]) => comparePaths(a, b)));
  }

  /**
   * The upperdir as `ls -l /var/lib/docker/overlay2/<id>/diff/…` sees it:
   * whiteouts are character devices 0/0 with mode c---------.
   */
  upperListing(dir: string): { name: string; kind: 'file' | 'dir' | 'symlink' | 'chardev'; mode: number; size: number; major?: number; minor?: number }[] {
    const d = normPath(dir);
    return [...this.upper]
      .filter(([k]) => k !== d && parentOf(k) === d)
      .sort(([a], [b]) => comparePaths(a, b))
      .map(([k, e]) => {
        const name = baseName(k);
        if (e.type === 'whiteout') return { name, kind: 'chardev' as const, mode: 0, size: 0, major: 0, minor: 0 };
        if (e.type === 'dir') return { name, kind: 'dir' as const, mode: e.mode, size: 4096 };
        if (e.type === 'symlink') return { name, kind: 'symlink' as const, mode: e.mode, size: e.target.length };
        return { name, kind: 'file' as const, mode: e.mode, size: e.size };
      });
  }
}

/** Formats changes as `docker diff` prints them. */
export function formatDiff(changes: readonly Change[]): string {
  return changes.map((c) => `${c.kind} ${c.path}\n`).join('');
}
