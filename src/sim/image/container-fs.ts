/**
 * What Docker's overlay2 driver lays out for a container: one directory per
 * image layer (`/var/lib/docker/overlay2/<cache-id>/diff`, with a 26-char
 * short link in `overlay2/l/`), the `<rw-id>-init` layer, and the container's
 * own `<rw-id>/{diff,work,merged}`. Plus `docker commit`.
 *
 * Cache IDs are random in Docker; here they are derived from the ChainID
 * (sha256 of "overlay2-cache " + ChainID) so that every command agrees and a
 * replay gives the same paths. Link IDs are 26 base32 characters, as Docker's.
 */
import { chainIds, sha256Hex, utf8, type Digest } from './digest.ts';
import { createImage, rfc3339, type Image, type RunConfig } from './image.ts';
import { buildLayer } from './layer.ts';
import { OverlayRoot } from './overlay.ts';
import { TreeBuilder, type Tree } from './tree.ts';

export const OVERLAY2 = '/var/lib/docker/overlay2';

export interface GraphDriverData {
  LowerDir?: string;
  MergedDir: string;
  UpperDir: string;
  WorkDir: string;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The overlay2 cache directory of a layer (by ChainID). */
export async function layerCacheId(chain: Digest): Promise<string> {
  return sha256Hex(`overlay2-cache ${chain}`);
}

/** The 26-character link name in overlay2/l/ for a cache directory. */
export function linkId(cacheId: string): Promise<string> {
  let p = linkIds.get(cacheId);
  if (!p) {
    // Asked again before each host line (shell/dockerroot-sync.ts): computed once per cache id (a small bound keeps memory flat).
    if (linkIds.size >= 512) linkIds.clear();
    linkIds.set(cacheId, (p = computeLinkId(cacheId)));
  }
  return p;
}
const linkIds = new Map<string, Promise<string>>();

async function computeLinkId(cacheId: string): Promise<string> {
  const hex = await sha256Hex(`overlay2-link ${cacheId}`);
  let bits = '';
  for (let i = 0; i < 34; i++) bits += parseInt(hex[i]!, 16).toString(2).padStart(4, '0');
  let out = '';
  for (let i = 0; i < 26; i++) out += BASE32[parseInt(bits.slice(i * 5, i * 5 + 5), 2)];
  return out;
}

/**
 * Docker's init layer: mount points and placeholder files for the bind mounts it adds. The same
 * every time, and a lower layer is never written (overlay.ts writes to the upper one), so every
 * container shares one (a loop of docker runs builds it once).
 */
export function initLayerTree(): Tree {
  initLayer ??= buildInitLayer();
  return initLayer;
}

let initLayer: Tree | undefined;

function buildInitLayer(): Tree {
  const b = new TreeBuilder(0, utf8);
  b.dir('/dev').dir('/dev/pts').dir('/dev/shm').dir('/proc', 0o555).dir('/sys', 0o555).dir('/etc');
  b.file('/.dockerenv', '', 0o755).file('/dev/console', '', 0o755);
  b.file('/etc/hostname', '', 0o755).file('/etc/hosts', '', 0o755).file('/etc/resolv.conf', '', 0o755);
  b.symlink('/etc/mtab', '/proc/mounts');
  return b.tree;
}

/** GraphDriver.Data of `docker image inspect`: the top layer's dirs, lower ones in LowerDir. */
export async function imageGraphDriver(image: Image): Promise<GraphDriverData | null> {
  const chains = await chainIds(image.layers.map((l) => l.diffId));
  if (chains.length === 0) return null;
  const ids = await Promise.all(chains.map(layerCacheId));
  const top = ids[ids.length - 1]!;
  const lower = ids
    .slice(0, -1)
    .reverse()
    .map((id) => `${OVERLAY2}/${id}/diff`)
    .join(':');
  return {
    ...(lower ? { LowerDir: lower } : {}),
    MergedDir: `${OVERLAY2}/${top}/merged`,
    UpperDir: `${OVERLAY2}/${top}/diff`,
    WorkDir: `${OVERLAY2}/${top}/work`,
  };
}

export interface ContainerRootfs {
  root: OverlayRoot;
  graphDriver: GraphDriverData;
  /** The line `mount` prints inside the container for `/`. */
  mountLine: string;
  /** Short link names, top first (init layer, then image layers newest first). */
  links: string[];
}

/** The overlay root of a new container over `image`, with the paths Docker would use. */
export async function containerRootfs(image: Image, opts: { rwId: string; readOnly?: boolean; now?: () => number }): Promise<ContainerRootfs> {
  const chains = await chainIds(image.layers.map((l) => l.diffId));
  const ids = await Promise.all(chains.map(layerCacheId));
  const init = `${opts.rwId}-init`;
  const lowerIds = [init, ...ids.reverse()];
  const links = await Promise.all(lowerIds.map(linkId));
  const root = new OverlayRoot([...image.layers.map((l) => l.tree), initLayerTree()], {
    readOnly: opts.readOnly ?? false,
    ...(opts.now ? { now: opts.now } : {}),
  });
  const graphDriver: GraphDriverData = {
    LowerDir: lowerIds.map((id) => `${OVERLAY2}/${id}/diff`).join(':'),
    MergedDir: `${OVERLAY2}/${opts.rwId}/merged`,
    UpperDir: `${OVERLAY2}/${opts.rwId}/diff`,
    WorkDir: `${OVERLAY2}/${opts.rwId}/work`,
  };
  const rw = opts.readOnly ? 'ro' : 'rw';
  const mountLine = `overlay on / type overlay (${rw},relatime,lowerdir=${links.map((l) => `${OVERLAY2}/l/${l}`).join(':')},upperdir=${graphDriver.UpperDir},workdir=${graphDriver.WorkDir})`;
  return { root, graphDriver, mountLine, links };
}

export interface CommitOptions {
  /** The container's command line as history shows it: `nginx -g daemon off;`. */
  createdBy: string;
  createdMs: number;
  /** The container's config (docker commit keeps the container's Cmd, Env, …). */
  config: RunConfig;
  author?: string;
  message?: string;
}

/** `docker commit`: the upperdir becomes a new layer on top of the image's layers. */
export async function commitImage(base: Image, root: OverlayRoot, opts: CommitOptions): Promise<Image> {
  const layer = await buildLayer(root.toLayerTree());
  const created = rfc3339(opts.createdMs);
  return createImage({
    layers: [...base.layers, layer],
    history: [
      ...base.config.history,
      { created, created_by: opts.createdBy, ...(opts.author ? { author: opts.author } : {}), ...(opts.message ? { comment: opts.message } : {}) },
    ],
    config: opts.config,
    created,
    architecture: base.config.architecture,
    os: base.config.os,
    ...(base.config.variant ? { variant: base.config.variant } : {}),
    ...(opts.author ? { author: opts.author } : {}),
  });
}
