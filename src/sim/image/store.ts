/**
 * The daemon's local image store (the classic overlay2 image store of Docker 27):
 * images by ID, a reference store (tags and digests → image ID), and a layer
 * store keyed by ChainID with reference counts, so `rmi` prints the layers it
 * really frees.
 */
import { familiarString, parseNormalizedNamed, tagNameOnly, fullName, ImageReferenceError, type ParsedReference } from '../../oci/reference.ts';
import { chainIds, type Digest } from './digest.ts';
import type { Image } from './image.ts';
import type { Layer } from './layer.ts';
import { humanSize } from './units.ts';

export interface LocalImage {
  image: Image;
  /** Normalized `docker.io/library/alpine:latest`. */
  tags: Set<string>;
  /** Normalized `docker.io/library/alpine@sha256:…`. */
  digests: Set<string>;
  /** ms since epoch, from the config's `created`. */
  createdMs: number;
}

export interface CmdResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const ok = (stdout: string): CmdResult => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string, stdout = ''): CmdResult => ({ stdout, stderr, exitCode: 1 });

/** Normalized `name:tag` key of a tagged reference. */
export function tagKey(r: ParsedReference): string {
  return `${fullName(r)}:${r.tag}`;
}

/** Normalized `name@digest` key. */
export function digestKey(r: ParsedReference): string {
  return `${fullName(r)}@${r.digest}`;
}

/** `docker.io/library/alpine:latest` → `alpine:latest` (RepoTags/RepoDigests are printed familiar). */
export function familiarKey(key: string): string {
  return familiarString(parseNormalizedNamed(key));
}

export class ImageStore {
  private readonly byId = new Map<Digest, LocalImage>();
  private readonly refs = new Map<string, Digest>();
  private readonly layers = new Map<Digest, { layer: Layer; refs: number }>();

  /** Adds an image (idempotent) and references its layers. */
  async add(image: Image): Promise<LocalImage> {
    const have = this.byId.get(image.id);
    if (have) return have;
    const chains = await chainIds(image.layers.map((l) => l.diffId));
    chains.forEach((c, i) => {
      const rec = this.layers.get(c);
      if (rec) rec.refs++;
      else this.layers.set(c, { layer: image.layers[i]!, refs: 1 });
    });
    const li: LocalImage = { image, tags: new Set(), digests: new Set(), createdMs: Date.parse(image.config.created) };
    this.byId.set(image.id, li);
    return li;
  }

  /** Whether a layer stack prefix (by ChainID) is present: a pull prints "Already exists" for it. */
  hasChain(chain: Digest): boolean {
    return this.layers.has(chain);
  }

  get(id: Digest): LocalImage | undefined {
    return this.byId.get(id);
  }

  all(): LocalImage[] {
    return [...this.byId.values()];
  }

  /**
   * Finds an image the way the daemon's GetImage does: a full `sha256:` ID, a
   * reference (name[:tag] or name@digest), or a unique ID prefix.
   */
  lookup(s: string): LocalImage | undefined {
    if (/^sha256:[a-f0-9]{64}$/.test(s)) return this.byId.get(s as Digest);
    let ref: ParsedReference | undefined;
    try {
      ref = tagNameOnly(parseNormalizedNamed(s));
    } catch {
      ref = undefined;
    }
    if (ref) {
      const id = this.refs.get(ref.digest ? digestKey(ref) : tagKey(ref));
      if (id) return this.byId.get(id);
    }
    const hex = s.startsWith('sha256:') ? s.slice(7) : s;
    if (/^[a-f0-9]{1,64}$/.test(hex)) {
      const hits = [...this.byId.keys()].filter((id) => id.slice(7).startsWith(hex));
      if (hits.length === 1) return this.byId.get(hits[0]!);
    }
    return undefined;
  }

  /** The image a normalized tag key points at. */
  resolveTag(key: string): Digest | undefined {
    return this.refs.get(key);
  }

  /** Points a tag (normalized key) at an image, moving it off any previous image. */
  setTag(key: string, id: Digest): void {
    const prev = this.refs.get(key);
    if (prev) this.byId.get(prev)?.tags.delete(key);
    this.refs.set(key, id);
    this.byId.get(id)!.tags.add(key);
  }

  /** Records a repo digest (`name@sha256:…`) for an image. */
  addDigest(key: string, id: Digest): void {
    const prev = this.refs.get(key);
    if (prev) this.byId.get(prev)?.digests.delete(key);
    this.refs.set(key, id);
    this.byId.get(id)!.digests.add(key);
  }

  /** `docker tag SOURCE TARGET`. */
  tag(source: string, target: string): CmdResult {
    const img = this.lookup(source);
    if (!img) return fail(`Error response from daemon: No such image: ${displayRef(source)}\n`);
    let t: ParsedReference;
    try {
      t = parseNormalizedNamed(target);
    } catch (e) {
      return fail(`Error parsing reference: "${target}" is not a valid repository/tag: ${(e as Error).message}\n`);
    }
    if (t.digest) return fail(`Error response from daemon: refusing to create a tag with a digest reference\n`);
    this.setTag(tagKey(tagNameOnly(t)), img.image.id);
    return ok('');
  }

  /** Whether an image is dangling: no tag and no digest reference. */
  static dangling(li: LocalImage): boolean {
    return li.tags.size === 0 && li.digests.size === 0;
  }

  /** The RepoTags / RepoDigests of `docker image inspect`, familiar and sorted. */
  static repoTags(li: LocalImage): string[] {
    return [...li.tags].map(familiarKey).sort();
  }

  static repoDigests(li: LocalImage): string[] {
    return [...li.digests].map(familiarKey).sort();
  }

  /** Removes an image and releases its layers; returns the output lines (`Deleted: …`). */
  private deleteImage(li: LocalImage): string[] {
    const lines: string[] = [];
    for (const k of [...li.digests]) {
      lines.push(`Untagged: ${familiarKey(k)}`);
      this.refs.delete(k);
    }
    li.digests.clear();
    this.byId.delete(li.image.id);
    lines.push(`Deleted: ${li.image.id}`);
    return lines;
  }

  private async releaseLayers(image: Image): Promise<string[]> {
    const chains = await chainIds(image.layers.map((l) => l.diffId));
    const lines: string[] = [];
    for (const c of chains.reverse()) {
      const rec = this.layers.get(c);
      if (!rec) continue;
      rec.refs--;
      if (rec.refs === 0) {
        this.layers.delete(c);
        lines.push(`Deleted: ${c}`);
      }
    }
    return lines;
  }

  /**
   * `docker rmi [-f] IMAGE...`, following moby's ImageDelete: a reference given
   * by name is untagged first (and the image deleted only when no reference is
   * left); an ID deletes the image, refusing (without -f) when several
   * repositories reference it. `usedBy(id)` tells which container uses the
   * image (the daemon knows containers; this store does not).
   */
  async rmi(
    names: readonly string[],
    opts: {
      force?: boolean;
      usedBy?: (id: Digest) => { container: string; running: boolean } | undefined;
      /** The daemon's event for each reference removed and each image deleted (see below). */
      event?: (action: 'untag' | 'delete', id: string, attributes: Record<string, string>) => void;
    } = {},
  ): Promise<CmdResult> {
    const out: string[] = [];
    const err: string[] = [];
    for (const name of names) {
      const li = this.lookup(name);
      if (!li) {
        err.push(`Error response from daemon: No such image: ${displayRef(name)}`);
        continue;
      }
      const r = await this.deleteOne(name, li, opts);
      // moby@v27.3.1:daemon/images/image_delete.go: LogImageEvent(imgID, imgID, untag) for each reference removed (the
      // image still there: its labels, then name), LogImageEvent(imgID, imgID, delete) once it is gone (name only).
      for (const l of r.out)
        if (l.startsWith('Untagged: ')) opts.event?.('untag', li.image.id, { ...(li.image.config.config.Labels ?? {}), name: li.image.id });
        else if (l === `Deleted: ${li.image.id}`) opts.event?.('delete', li.image.id, { name: li.image.id });
      out.push(...r.out);
      if (r.err) err.push(r.err);
    }
    return { stdout: out.map((l) => l + '\n').join(''), stderr: err.map((l) => l + '\n').join(''), exitCode: err.length ? 1 : 0 };
  }

  private refCount(li: LocalImage): number {
    return li.tags.size + li.digests.size;
  }

  /** moby's isSingleReference: at most one tag, and every reference in one repository. */
  private static singleReference(li: LocalImage): boolean {
    const repos = new Set([...li.tags].map((k) => k.slice(0, k.lastIndexOf(':'))).concat([...li.digests].map((k) => k.slice(0, k.indexOf('@')))));
    return li.tags.size <= 1 && repos.size <= 1;
  }

  private async deleteOne(
    name: string,
    li: LocalImage,
    opts: { force?: boolean; usedBy?: (id: Digest) => { container: string; running: boolean } | undefined },
  ): Promise<{ out: string[]; err?: string }> {
    const out: string[] = [];
    const short = li.image.id.slice(7, 19);
    const user = opts.usedBy?.(li.image.id);
    const byRef = this.refMatching(name);
    if (byRef) {
      if (!opts.force && user && ImageStore.singleReference(li)) {
        return {
          out,
          err: `Error response from daemon: conflict: unable to remove repository reference "${name}" (must force) - container ${user.container} is using its referenced image ${short}`,
        };
      }
      this.untagKey(li, byRef);
      out.push(`Untagged: ${familiarKey(byRef)}`);
      if (!byRef.includes('@')) {
        const repoName = byRef.slice(0, byRef.lastIndexOf(':'));
        const sameRepoTag = [...li.tags].some((k) => k.slice(0, k.lastIndexOf(':')) === repoName);
        if (!sameRepoTag) {
          for (const k of [...li.digests].filter((d) => d.startsWith(repoName + '@')).sort()) {
            this.untagKey(li, k);
            out.push(`Untagged: ${familiarKey(k)}`);
          }
        }
      }
      if (this.refCount(li) > 0) return { out };
    } else {
      if (ImageStore.singleReference(li)) {
        for (const k of [...li.tags, ...li.digests].sort()) {
          this.untagKey(li, k);
          out.push(`Untagged: ${familiarKey(k)}`);
        }
      }
    }
    if (user && (user.running || !opts.force)) {
      return {
        out,
        err: user.running
          ? `Error response from daemon: conflict: unable to delete ${short} (cannot be forced) - image is being used by running container ${user.container}`
          : `Error response from daemon: conflict: unable to delete ${short} (must be forced) - image is being used by stopped container ${user.container}`,
      };
    }
    if (this.refCount(li) > 0) {
      if (!opts.force)
        return { out, err: `Error response from daemon: conflict: unable to delete ${short} (must be forced) - image is referenced in multiple repositories` };
      for (const k of [...li.tags, ...li.digests].sort()) {
        this.untagKey(li, k);
        out.push(`Untagged: ${familiarKey(k)}`);
      }
    }
    out.push(...this.deleteImage(li));
    out.push(...(await this.releaseLayers(li.image)));
    return { out };
  }

  private untagKey(li: LocalImage, key: string): void {
    li.tags.delete(key);
    li.digests.delete(key);
    this.refs.delete(key);
  }

  /** The tag/digest key a name refers to, when it is a reference rather than an ID. */
  private refMatching(s: string): string | undefined {
    try {
      const r = tagNameOnly(parseNormalizedNamed(s));
      const key = r.digest ? digestKey(r) : tagKey(r);
      return this.refs.has(key) ? key : undefined;
    } catch (e) {
      if (e instanceof ImageReferenceError) return undefined;
      throw e;
    }
  }

  /**
   * `docker image prune [-a] -f`: removes dangling images (with `all`, every
   * image no container uses; `match`: the daemon's label and until filters). Output as Docker prints it.
   */
  async prune(
    opts: {
      all?: boolean;
      inUse?: (id: Digest) => boolean;
      match?: (li: LocalImage) => boolean;
      /** moby@v27.3.1:daemon/images/image_prune.go: each image goes through ImageDelete (its untag and delete events), then one `prune`. */
      event?: (action: 'untag' | 'delete' | 'prune', id: string, attributes: Record<string, string>) => void;
    } = {},
  ): Promise<CmdResult> {
    const victims = this.all().filter((li) => !opts.inUse?.(li.image.id) && (opts.all || ImageStore.dangling(li)) && (opts.match?.(li) ?? true));
    const lines: string[] = [];
    let reclaimed = 0;
    for (const li of victims.sort((a, b) => b.createdMs - a.createdMs)) {
      const untag = () => opts.event?.('untag', li.image.id, { ...(li.image.config.config.Labels ?? {}), name: li.image.id });
      for (const k of [...li.tags].sort()) {
        this.untagKey(li, k);
        lines.push(`untagged: ${familiarKey(k)}`);
        untag();
      }
      for (const l of this.deleteImage(li)) {
        if (l.startsWith('Untagged')) untag();
        else if (l === `Deleted: ${li.image.id}`) opts.event?.('delete', li.image.id, { name: li.image.id });
        lines.push(l.replace(/^Untagged/, 'untagged').replace(/^Deleted/, 'deleted'));
      }
      const before = this.layerBytes();
      for (const l of await this.releaseLayers(li.image)) lines.push(l.replace(/^Deleted/, 'deleted'));
      reclaimed += before - this.layerBytes();
    }
    opts.event?.('prune', '', { reclaimed: String(reclaimed) });
    if (victims.length === 0) return ok('Total reclaimed space: 0B\n');
    return ok(`Deleted Images:\n${lines.join('\n')}\n\nTotal reclaimed space: ${humanSize(reclaimed)}\n`);
  }

  private layerBytes(): number {
    let n = 0;
    for (const { layer } of this.layers.values()) n += layer.size;
    return n;
  }

  /** Total bytes of all layers held (shared layers counted once), for `docker system df`. */
  totalSize(): number {
    return this.layerBytes();
  }
}

/** How the daemon echoes a missing name: with `:latest` added to an untagged reference. */
export function displayRef(s: string): string {
  try {
    const r = parseNormalizedNamed(s);
    return familiarString(tagNameOnly(r));
  } catch {
    return s;
  }
}
