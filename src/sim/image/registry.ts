/**
 * The registry model: hosts (docker.io with library/, registry.k8s.io, gcr.io,
 * localhost:5000), each with repositories holding a MUTABLE tag → digest map,
 * the manifests/indexes by digest, and a blob store shared by the host
 * (which is what lets a push say "Mounted from …").
 */
import type { Digest } from './digest.ts';
import type { Image, ImageIndex } from './image.ts';
import { CATALOG } from './bases/catalog-more.ts';
import { materialize, type BaseImageDef } from './bases/define.ts';
import { imagePlatform, platformMatches, type Platform } from './platform.ts';

export interface ManifestRecord {
  digest: Digest;
  bytes: Uint8Array;
  mediaType: string;
  /** Set for a single-platform manifest. */
  image?: Image;
  /** Set for a multi-arch index. */
  index?: ImageIndex;
}

export interface Repository {
  /** The mutable part: tag → manifest (or index) digest. */
  tags: Map<string, Digest>;
  manifests: Map<Digest, ManifestRecord>;
  /** Pulling needs `docker login` to this host. */
  private: boolean;
}

export interface RegistryHost {
  name: string;
  repos: Map<string, Repository>;
  blobs: Map<Digest, Uint8Array>;
  /** False while nothing listens (localhost:5000 before `docker run -p 5000:5000 registry:2`). */
  online: boolean;
  /** Whether something listens, asked each time, in place of `online` (localhost:5000: a registry:2 container's port). */
  listening?: () => boolean;
  /** Plain HTTP (Docker treats 127.0.0.0/8 registries as insecure). */
  insecure: boolean;
}

export type Resolved =
  | { ok: true; host: RegistryHost; repo: Repository; record: ManifestRecord }
  | { ok: false; reason: 'offline' | 'unknown-host' | 'no-repo' | 'denied' | 'no-manifest' };

export const DEFAULT_HOSTS = ['docker.io', 'registry.k8s.io', 'gcr.io', 'localhost:5000'] as const;

/** Whether a registry host answers: its listener's answer when it has one, else `online`. */
export const hostOnline = (h: RegistryHost): boolean => (h.listening ? h.listening() : h.online);

export class Registry {
  readonly hosts = new Map<string, RegistryHost>();
  /** Catalog definitions not materialized yet (lazy fixture), by `host/path`. */
  private readonly pending = new Map<string, BaseImageDef[]>();

  constructor(hostNames: readonly string[] = DEFAULT_HOSTS) {
    for (const name of hostNames) {
      const local = name.startsWith('localhost') || name.startsWith('127.');
      this.hosts.set(name, { name, repos: new Map(), blobs: new Map(), online: !local, insecure: local });
    }
  }

  /**
   * The fixture registry: every image of the catalog, tags as the catalog says.
   * With `lazy`, a repository's images are only built (hashed, tarred,
   * gzipped) on its first `load()`; ImageService and Builder load before they
   * resolve, so a world starts without paying for images nobody pulls.
   */
  static async fixture(defs: readonly BaseImageDef[] = CATALOG, opts: { lazy?: boolean } = {}): Promise<Registry> {
    const r = new Registry();
    for (const def of defs) {
      if (opts.lazy) r.defer(def);
      else await r.publish(def);
    }
    return r;
  }

  /** Registers a definition to be published on the first load() of its repository. */
  defer(def: BaseImageDef): void {
    const slash = def.repo.indexOf('/');
    this.ensureRepo(def.repo.slice(0, slash), def.repo.slice(slash + 1), def.private ?? false);
    const list = this.pending.get(def.repo) ?? [];
    list.push(def);
    this.pending.set(def.repo, list);
  }

  /** Publishes the pending definitions of one repository (no-op when there are none). */
  async load(hostName: string, path: string): Promise<void> {
    const key = `${hostName}/${path}`;
    const defs = this.pending.get(key);
    if (!defs) return;
    this.pending.delete(key);
    for (const d of defs) await this.publish(d);
  }

  /** Publishes everything still pending (needed before a synchronous ImageSource is used). */
  async loadAll(): Promise<void> {
    for (const key of [...this.pending.keys()]) {
      const slash = key.indexOf('/');
      await this.load(key.slice(0, slash), key.slice(slash + 1));
    }
  }

  host(name: string): RegistryHost | undefined {
    return this.hosts.get(name);
  }

  /** Starts or stops a host (localhost:5000 comes online with the registry:2 container). */
  setOnline(hostName: string, online: boolean): void {
    const h = this.ensureHost(hostName);
    h.online = online;
  }

  ensureHost(name: string): RegistryHost {
    let h = this.hosts.get(name);
    if (!h) {
      const local = name.startsWith('localhost') || name.startsWith('127.');
      h = { name, repos: new Map(), blobs: new Map(), online: true, insecure: local };
      this.hosts.set(name, h);
    }
    return h;
  }

  ensureRepo(hostName: string, path: string, isPrivate = false): Repository {
    const h = this.ensureHost(hostName);
    let repo = h.repos.get(path);
    if (!repo) h.repos.set(path, (repo = { tags: new Map(), manifests: new Map(), private: isPrivate }));
    return repo;
  }

  /** Stores an image's blobs and manifest in a repository (no tag). Returns the manifest digest. */
  putImage(hostName: string, path: string, image: Image): Digest {
    const h = this.ensureHost(hostName);
    const repo = this.ensureRepo(hostName, path);
    h.blobs.set(image.id, image.configBytes);
    for (const l of image.layers) h.blobs.set(l.digest, l.blob);
    repo.manifests.set(image.manifestDigest, { digest: image.manifestDigest, bytes: image.manifestBytes, mediaType: image.manifest.mediaType, image });
    return image.manifestDigest;
  }

  /** Stores an index and its platform images. Returns the index digest. */
  putIndex(hostName: string, path: string, index: ImageIndex): Digest {
    const repo = this.ensureRepo(hostName, path);
    for (const img of index.images) this.putImage(hostName, path, img);
    repo.manifests.set(index.digest, { digest: index.digest, bytes: index.bytes, mediaType: index.index.mediaType, index });
    return index.digest;
  }

  /** Points a tag at a digest (tags are mutable: this is how a tag "moves"). */
  setTag(hostName: string, path: string, tag: string, digest: Digest): void {
    const repo = this.ensureRepo(hostName, path);
    if (!repo.manifests.has(digest)) throw new Error(`setTag ${hostName}/${path}:${tag}: no manifest ${digest} in the repository`);
    repo.tags.set(tag, digest);
  }

  /** Publishes a catalog definition: all platforms, the index when multi-arch, every tag. */
  async publish(def: BaseImageDef): Promise<Digest> {
    const slash = def.repo.indexOf('/');
    const hostName = def.repo.slice(0, slash);
    const path = def.repo.slice(slash + 1);
    const m = await materialize(def);
    const repo = this.ensureRepo(hostName, path, def.private ?? false);
    if (def.private) repo.private = true;
    const digest = m.index ? this.putIndex(hostName, path, m.index) : this.putImage(hostName, path, m.images[0]!);
    for (const t of def.tags) repo.tags.set(t, digest);
    return digest;
  }

  /** Looks up `tag` or `digest` in host/path, as a client with (or without) credentials would. */
  resolve(hostName: string, path: string, tagOrDigest: { tag?: string; digest?: string }, loggedIn: boolean): Resolved {
    const h = this.hosts.get(hostName);
    if (!h) return { ok: false, reason: 'unknown-host' };
    if (!hostOnline(h)) return { ok: false, reason: 'offline' };
    const repo = h.repos.get(path);
    if (!repo) return { ok: false, reason: hostName === 'docker.io' ? 'denied' : 'no-repo' };
    if (repo.private && !loggedIn) return { ok: false, reason: 'denied' };
    const digest = tagOrDigest.digest ? (tagOrDigest.digest as Digest) : repo.tags.get(tagOrDigest.tag ?? 'latest');
    const record = digest ? repo.manifests.get(digest) : undefined;
    if (!record) return { ok: false, reason: 'no-manifest' };
    return { ok: true, host: h, repo, record };
  }

  /**
   * The platform image a manifest record stands for: a single manifest as it is (moby@v27.3.1:distribution/pull_v2.go
   * pullSchema2 checks only its OS), or the index's entry for the platform (an architecture, or a parsed --platform
   * matched as pull_v2_unix.go filterManifests does); the amd64 one unless told otherwise.
   */
  static platformImage(record: ManifestRecord, want: string | Platform = 'amd64'): Image | undefined {
    if (record.image) return record.image;
    const p: Platform = typeof want === 'string' ? { os: 'linux', architecture: want } : want;
    return record.index?.images.find((i) => platformMatches(p, imagePlatform(i)));
  }

  /** host/repo → tag → digest, for the world snapshot and goal checks. */
  snapshot(): Record<string, Record<string, string>> {
    const out: Record<string, Record<string, string>> = {};
    for (const h of this.hosts.values()) {
      for (const [path, repo] of h.repos) {
        if (repo.tags.size === 0) continue;
        out[`${h.name}/${path}`] = Object.fromEntries([...repo.tags].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      }
    }
    return out;
  }

  /** The `/v2/` URL Docker dials first, as its connection errors print it. */
  static v2Url(h: { name: string; insecure: boolean }): string {
    const host = h.name === 'docker.io' ? 'registry-1.docker.io' : h.name;
    return `${h.insecure ? 'http' : 'https'}://${host}/v2/`;
  }
}
