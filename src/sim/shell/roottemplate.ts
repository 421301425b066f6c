/**
 * A root's base filesystem copied from a template (issues #10 and #14): building a root entry by entry (just-bash
 * normalizes each path and makes its parents, encodes each file, and a busybox image has ~300 applet links) cost
 * 0.7–1.1 MB of allocation per root, so every world met a minor GC. The entries a root is built from (rootfs.ts) are
 * the same for every container of one image (and for node1 in every world): the first such root is built once into a
 * template, and each root, the first included, reads the template's entries until it writes them (cowentries.ts: the
 * entries are frozen and shared by every world; a root keeps only what it changed). What differs from one
 * container to the next is not in the template's key: the container's own time (the entries that carry it take the
 * copy's), and its /etc/hostname, /etc/hosts and /etc/resolv.conf, which the copy writes again.
 */
import type * as JB from 'just-bash';
import { CowEntries } from './cowentries.ts';
import type { SimFs } from './simfs.ts';

/** A built root, kept unchanged: its entries, owners and symbolic links' times, and the time its own entries carry. */
interface Template {
  fs: SimFs;
  mtime: Date;
}

/** What just-bash's InMemoryFs keeps (declared private): read and written here only to copy a template. */
interface MemFsInternals {
  data: Map<string, JB.FsEntry>;
  nextEntryIdentity: number;
  setEntry(path: string, entry: JB.FsEntry): void;
}

const internals = (fs: SimFs) => fs as unknown as MemFsInternals;

/** The templates by key (a lesson's world has node1 and a few images: a small bound keeps a long session's memory flat). */
const templates = new Map<string, Template>();
const MAX_TEMPLATES = 32;

/** A number per object, for keys made of the objects an image's store shares (never reused while the object lives). */
const ids = new WeakMap<object, number>();
let nextId = 1;
function idOf(o: object | undefined): number {
  if (!o) return 0;
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = nextId++));
  return id;
}

/**
 * A template's key from what it is built of when those are objects the image store shares between containers (their
 * identity stands for their content), the runtime's command names and the root's own files (which it has, not their bytes).
 */
export function templateKey(kind: string, id: string, parts: readonly (object | undefined)[], names: readonly string[], own: readonly string[]): string {
  return `${kind}\0${id}\0${parts.map(idOf).join(',')}\0${namesText(names)}\0${own.join(' ')}`;
}

/** The last list of names joined (a runtime hands the same ~400 for every root: runtime.ts binNames). */
let joined: { names: readonly string[]; text: string } | undefined;
function namesText(names: readonly string[]): string {
  if (joined?.names !== names) joined = { names, text: names.join(' ') };
  return joined.text;
}

/** A time in a template's key: the root's own time (which differs per container) is `M`. */
export function timeToken(t: Date, own: Date): string {
  return t === own ? 'M' : String(t.getTime());
}

/**
 * Fills `base` (a fresh, empty root built on cowentries.ts cowMemFs) with the entries of the template under `key`,
 * building it with `build(mtime)` the first time; a kept template's entries are shared until written, not copied
 * (cowentries.ts). `key` must name everything `build` reads, with the root's own time as timeToken's `M`; `build` must be
 * synchronous and must stamp the entries that take the root's own time with the very `mtime` object it is given.
 */
export function fillFromTemplate(base: SimFs, key: string, mtime: Date, build: (mtime: Date) => SimFs): void {
  let t = templates.get(key);
  if (!t) {
    const fs = build(mtime);
    t = { fs, mtime };
    // An identity handed out while building (a stat), or a hard link's inode shared by its names, would not be the
    // copy's: such a root is not kept.
    if (internals(fs).nextEntryIdentity !== 1 || [...fs.inodes.values()].some((i) => i.paths)) {
      copyInto(base, t, mtime);
      return;
    }
    if (templates.size >= MAX_TEMPLATES) templates.delete(templates.keys().next().value as string);
    // Kept unchanged from now on: a root that would change an entry in place makes it its own first (cowentries.ts).
    for (const e of internals(fs).data.values()) Object.freeze(e);
    templates.set(key, t);
  }
  shareInto(base, t, mtime);
}

/** Gives `base` the template's entries, shared until written (cowentries.ts), and copies of its owners and links' times. */
function shareInto(base: SimFs, t: Template, mtime: Date): void {
  internals(base).data = new CowEntries(internals(t.fs).data, t.mtime, mtime);
  const time = (d: Date) => (d === t.mtime ? mtime : d);
  for (const [p, i] of t.fs.inodes) base.inodes.set(p, { ...i });
  for (const [p, d] of t.fs.linkTimes) base.linkTimes.set(p, time(d));
}

/** Copies a template's entries into `base`, each entry that carries the template's own time given `mtime` instead. */
function copyInto(base: SimFs, t: Template, mtime: Date): void {
  const from = internals(t.fs);
  const to = internals(base);
  const time = (d: Date) => (d === t.mtime ? mtime : d);
  // setEntry: just-bash's own byte accounting, as when the entries were written.
  for (const [p, e] of from.data) to.setEntry(p, { ...e, mtime: e.mtime && time(e.mtime) } as JB.FsEntry);
  for (const [p, i] of t.fs.inodes) base.inodes.set(p, { ...i });
  for (const [p, d] of t.fs.linkTimes) base.linkTimes.set(p, time(d));
}
