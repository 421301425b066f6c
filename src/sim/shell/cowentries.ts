/**
 * A root's entries shared with its template until written (issues #10 and #14): just-bash's InMemoryFs keeps its entries
 * in one Map (`data`, declared private); a root copied from a template (roottemplate.ts) got a new object per entry and a
 * new Map, ~70 KB for node1 and 20–35 KB per container in every world, all of it young and live when a minor GC came.
 * This Map reads the template's entries (frozen, built once per process) and keeps only what the root changed: entries
 * it replaced or made its own, the template's names it removed, and the names it added, in the order a copy would have
 * them (Map order: the template's, each replaced entry in its place, then the added names in the order they came; a
 * name removed and made again comes last). An entry that carries the template's own time reads with the root's time
 * (a copy made on first read). The two places just-bash changes an entry in place (chmod's mode, utimes' mtime) and
 * simfs.ts's own() and settle() first make the entry the root's own (`writable`).
 */
import type * as JB from 'just-bash';

type Entry = JB.FsEntry;

export class CowEntries extends Map<string, Entry> {
  /** The template's names this root removed (a name made again afterwards is in the Map itself, at its end). */
  private readonly gone = new Set<string>();
  /** The template's names whose entry this root replaced or made its own, in the template's order. */
  private readonly over = new Map<string, Entry>();

  constructor(
    private readonly base: ReadonlyMap<string, Entry>,
    /** The template's own time, and this root's: an entry carrying the first reads with the second. */
    private readonly fromTime: Date,
    private readonly toTime: Date,
  ) {
    super();
  }

  /** The template's entry at `k` as this root sees it (undefined when the root removed it or made it again). */
  private fromBase(k: string): Entry | undefined {
    if (this.gone.has(k)) return undefined;
    const own = this.over.get(k);
    if (own) return own;
    const e = this.base.get(k);
    if (!e || e.mtime !== this.fromTime || this.toTime.getTime() === this.fromTime.getTime()) return e;
    const mine = { ...e, mtime: this.toTime } as Entry;
    this.over.set(k, mine);
    return mine;
  }

  override get(k: string): Entry | undefined {
    return super.get(k) ?? this.fromBase(k);
  }
  override has(k: string): boolean {
    return super.has(k) || (this.base.has(k) && !this.gone.has(k));
  }
  override set(k: string, e: Entry): this {
    if (!super.has(k) && this.base.has(k) && !this.gone.has(k)) this.over.set(k, e);
    else super.set(k, e);
    return this;
  }
  override delete(k: string): boolean {
    if (super.delete(k)) return true;
    if (!this.base.has(k) || this.gone.has(k)) return false;
    this.gone.add(k);
    this.over.delete(k);
    return true;
  }
  override clear(): void {
    super.clear();
    this.over.clear();
    for (const k of this.base.keys()) this.gone.add(k);
  }
  override get size(): number {
    return this.base.size - this.gone.size + super.size;
  }
  override *entries(): MapIterator<[string, Entry]> {
    for (const k of this.base.keys()) {
      const e = this.fromBase(k);
      if (e) yield [k, e];
    }
    yield* super.entries();
  }
  override *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }
  override *values(): MapIterator<Entry> {
    for (const [, e] of this.entries()) yield e;
  }
  override [Symbol.iterator](): MapIterator<[string, Entry]> {
    return this.entries();
  }
  override forEach(fn: (e: Entry, k: string, m: Map<string, Entry>) => void, self?: unknown): void {
    for (const [k, e] of this.entries()) fn.call(self, e, k, this);
  }

  /**
   * The directories whose time, as this root reads it, is later than `nowMs` (rootbase.ts settle): found without making a
   * copy of each template entry that carries the template's time, as reading them all through entries() would.
   */
  *directoriesAfter(nowMs: number): Generator<string> {
    const to = this.toTime.getTime();
    for (const [k, e] of this.base) {
      if (this.gone.has(k)) continue;
      const own = this.over.get(k);
      const x = own ?? e;
      if (x.type !== 'directory') continue;
      const t = own || e.mtime !== this.fromTime ? x.mtime.getTime() : to;
      if (t > nowMs) yield k;
    }
    for (const [k, e] of Map.prototype.entries.call(this) as MapIterator<[string, Entry]>) if (e.type === 'directory' && e.mtime.getTime() > nowMs) yield k;
  }

  /** The entry at `k`, made this root's own first when it is the template's (frozen): the caller may change it in place. */
  writable(k: string): Entry | undefined {
    const e = this.get(k);
    if (!e || !Object.isFrozen(e)) return e;
    const mine = { ...e } as Entry;
    this.set(k, mine);
    return mine;
  }
}

/** What just-bash's InMemoryFs keeps (declared private), as this module reads it. */
interface Internals {
  data: Map<string, Entry>;
  resolvePathWithSymlinks(path: string): string;
}

/** Makes the entry at `path` the root's own before it is changed in place (a root whose entries are not shared: nothing). */
export function writable(fs: object, path: string): Entry | undefined {
  const data = (fs as unknown as Internals).data;
  return data instanceof CowEntries ? data.writable(path) : data.get(path);
}

const classes = new WeakMap<typeof JB.InMemoryFs, typeof JB.InMemoryFs>();

/**
 * just-bash's InMemoryFs with its two in-place changes (chmod's mode; utimes' mtime, through the path's links) made on
 * the root's own entry: the class a root that shares its template's entries is built on (rootbase.ts).
 */
export function cowMemFs(jb: typeof JB): typeof JB.InMemoryFs {
  let c = classes.get(jb.InMemoryFs);
  if (!c) {
    c = class extends jb.InMemoryFs {
      override async chmod(path: string, mode: number): Promise<void> {
        writable(this, this.resolvePath('/', path));
        return super.chmod(path, mode);
      }
      override async utimes(path: string, atime: Date, mtime: Date): Promise<void> {
        let target: string | undefined;
        try {
          target = (this as unknown as Internals).resolvePathWithSymlinks(this.resolvePath('/', path));
        } catch {
          target = undefined;
        }
        if (target) writable(this, target);
        return super.utimes(path, atime, mtime);
      }
    };
    classes.set(jb.InMemoryFs, c);
  }
  return c;
}
