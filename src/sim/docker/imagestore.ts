/**
 * The daemon's side of the content-addressed image library (src/sim/image,
 * src/sim/build): the fixture registry (lazy: a repository is hashed and
 * tarred on its first pull), the local image store, the image service, the
 * builder with its cache, the volumes, and each container's overlay root.
 *
 * The daemon loads this module on the first command that needs images
 * (`Daemon.imageLib()`), so a world starts without importing the tar, gzip and
 * Dockerfile libraries. `describe()` turns a stored image into the daemon's
 * `ResolvedImage` (what the shell and the process model read).
 */
import { familiarName, familiarString, parseNormalizedNamed } from '../../oci/reference.ts';
import type { Builder } from '../build/builder.ts';
import { describeImage, imagePaths } from '../image/adapter.ts';
import { CATALOG } from '../image/bases/catalog-more.ts';
import { containerRootfs, type ContainerRootfs } from '../image/container-fs.ts';
import { sha256Hex } from '../image/digest.ts';
import { imagePlatform } from '../image/platform.ts';
import { Registry } from '../image/registry.ts';
import { ImageService } from '../image/service.ts';
import { ImageStore, type LocalImage } from '../image/store.ts';
import { VolumeStore } from '../image/volumes.ts';
import type { Host } from '../host.ts';
import type { Daemon } from './daemon.ts';
import type { Container } from './container.ts';
import type { ResolvedImage } from './images.ts';

/** A volume or bind mount of a container (`-v`, `--mount`, `--volumes-from`, VOLUME). */
export interface MountSpec {
  type: 'volume' | 'bind' | 'tmpfs';
  /** Volume name, or host path for a bind mount. */
  source: string;
  destination: string;
  readOnly: boolean;
}

export class DaemonImages {
  readonly store = new ImageStore();
  readonly volumes = new VolumeStore();
  readonly service: ImageService;
  private builderLoading: Promise<Builder> | undefined;
  /** Overlay root of each container, by container id. */
  readonly rootfs = new Map<string, ContainerRootfs>();
  /** Mounts of each container, by container id. */
  readonly mounts = new Map<string, MountSpec[]>();
  private readonly described = new Map<string, ResolvedImage>();
  /** The simulated time the daemon's image store came up (the apt mirror ages from it). */
  readonly bornMs: number;

  private constructor(
    private readonly host: Host,
    readonly registry: Registry,
  ) {
    this.service = new ImageService(this.store, registry, 'amd64');
    this.bornMs = host.clock.nowMs;
  }

  /** The builder and its cache (loaded on the first `docker build`: the Dockerfile parser is big). */
  builder(): Promise<Builder> {
    this.builderLoading ??= Promise.all([import('../build/builder.ts'), import('../build/packages.ts')]).then(
      ([b, p]) => new b.Builder(this.service, new p.AptMirror()),
    );
    return this.builderLoading;
  }

  static async create(host: Host): Promise<DaemonImages> {
    return new DaemonImages(host, await Registry.fixture(CATALOG, { lazy: true }));
  }

  /** The daemon's view of a stored image, as it was asked for (`nginx`, `alpine:3.18`, an ID). */
  describe(li: LocalImage, asked: string): ResolvedImage {
    let base = this.described.get(li.image.id);
    if (!base) {
      base = {
        ref: '',
        repo: '',
        tag: '',
        digest: [...li.digests][0]?.split('@')[1] ?? '',
        ...describeImage(li.image),
        ...imagePaths(li.image),
        platform: imagePlatform(li.image),
      };
      this.described.set(li.image.id, base);
    }
    let repo = '';
    let tag = '';
    try {
      const r = parseNormalizedNamed(asked);
      repo = familiarName(r);
      tag = r.tag || (r.digest ? '' : 'latest');
    } catch {
      const first = [...li.tags][0];
      if (first) {
        const r = parseNormalizedNamed(first);
        repo = familiarName(r);
        tag = r.tag;
      }
    }
    return { ...base, ref: repo ? (tag ? `${repo}:${tag}` : familiarString(parseNormalizedNamed(asked))) : li.image.id.slice(7, 19), repo, tag };
  }

  /** The stored image behind a container. */
  imageOf(c: Container): LocalImage | undefined {
    return this.store.get(c.image.id as `sha256:${string}`);
  }

  /** Creates the container's overlay root (image layers + init layer + its own upperdir). */
  async attach(c: Container): Promise<ContainerRootfs | undefined> {
    const li = this.imageOf(c);
    if (!li) return undefined;
    const rwId = await sha256Hex(`overlay2-rw ${c.id}`);
    const rootfs = await containerRootfs(li.image, { rwId, readOnly: c.hostConfig.ReadonlyRootfs, now: () => this.host.clock.nowMs });
    this.rootfs.set(c.id, rootfs);
    return rootfs;
  }

  /** Containers whose anonymous volumes go with them (`--rm`, `docker rm -v`). */
  readonly dropVolumes = new Set<string>();

  /** A container was removed: its upperdir goes, and its anonymous volumes with `--rm`/`rm -v`. */
  forget(id: string): void {
    if (this.dropVolumes.has(id)) {
      for (const m of this.mounts.get(id) ?? []) {
        const v = m.type === 'volume' ? this.volumes.get(m.source) : undefined;
        if (v?.anonymous) this.volumes.rm([v.name], { users: () => [] });
      }
      this.dropVolumes.delete(id);
    }
    this.rootfs.delete(id);
    this.mounts.delete(id);
  }

  /** Ties the store to the daemon: a removed container's storage goes, image events go to its log, localhost:5000. */
  bindDaemon(daemon: Daemon): void {
    daemon.onRemove.push((id) => this.forget(id));
    const imageEvent: typeof this.service.onEvent = (action, id, attributes) => daemon.emit('image', action, id, attributes);
    const volumeEvent: typeof this.volumes.onEvent = (action, name, attributes) => daemon.emit('volume', action, name, attributes);
    this.service.onEvent = imageEvent;
    this.volumes.onEvent = volumeEvent;
    this.bindLocalRegistry(() => daemon.containers.values());
  }

  /**
   * localhost:5000 answers while a `registry:2` container runs with its port 5000
   * published on host port 5000 (`docker run -d -p 5000:5000 registry:2`).
   */
  bindLocalRegistry(containers: () => Iterable<Container>): void {
    const h = this.registry.ensureHost('localhost:5000');
    // A function field, not a getter: a getter defined per world is an AccessorPair in V8's old space, which kept each
    // world alive through scavenges (docker/root.ts; tests/architecture-gc.test.ts).
    const listening = () =>
      [...containers()].some(
        (c) => c.status === 'running' && c.image.repo === 'registry' && c.ports.some((p) => p.hostPort === 5000 && p.containerPort === 5000),
      );
    h.listening = listening;
  }

  /** Names of the containers (existing, running or not) that mount a volume. */
  usersOf(name: string, containers: Iterable<Container>): string[] {
    const out: string[] = [];
    for (const c of containers) if ((this.mounts.get(c.id) ?? []).some((m) => m.type === 'volume' && m.source === name)) out.push(c.id);
    return out;
  }
}
