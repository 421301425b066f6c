import type { ContainerView, ImageView, WorldSnapshot } from '../api.ts';
import type { Digest } from '../image/digest.ts';
import { ImageStore, type LocalImage } from '../image/store.ts';
import { VolumeStore } from '../image/volumes.ts';
import type { DaemonImages } from './imagestore.ts';

const dec = new TextDecoder();

/**
 * The image, registry and volume parts of `WorldSnapshot` (for goals such as
 * E7.1 "notes holds hello.txt = hi" and E8.2 "five tags, one digest").
 * Before the image library is loaded nothing has been pulled: all empty.
 */
export function storageSnapshot(lib: DaemonImages | undefined): Pick<WorldSnapshot, 'images' | 'registry' | 'volumes'> {
  if (!lib) return { images: [], registry: {}, volumes: [] };
  return {
    images: lib.store.all().map((li) => imageView(lib, li)),
    registry: lib.registry.snapshot(),
    volumes: lib.volumes.all().map((v) => ({
      name: v.name,
      anonymous: v.anonymous,
      mountpoint: VolumeStore.mountpoint(v.name),
      files: Object.fromEntries(
        [...v.data].filter(([, e]) => e.type === 'file').map(([p, e]) => [p.replace(/^\//, ''), e.type === 'file' && e.data ? dec.decode(e.data) : '']),
      ),
    })),
  };
}

/** One local image with its layers, platform manifest and (when the registry holds it) the index its repo digest names. */
function imageView(lib: DaemonImages, li: LocalImage): ImageView {
  const img = li.image;
  const layers: NonNullable<ImageView['layers']> = [];
  let n = 0;
  for (const h of img.config.history) {
    if (h.empty_layer) continue;
    const l = img.layers[n++];
    if (l) layers.push({ diffId: l.diffId, digest: l.digest, size: l.size, compressedSize: l.compressedSize, createdBy: h.created_by ?? '' });
  }
  const platform = [img.config.os, img.config.architecture, img.config.variant].filter(Boolean).join('/');
  let index: ImageView['index'];
  for (const key of li.digests) {
    const at = key.indexOf('@');
    const name = key.slice(0, at);
    const slash = name.indexOf('/');
    const rec = lib.registry.hosts
      .get(name.slice(0, slash))
      ?.repos.get(name.slice(slash + 1))
      ?.manifests.get(key.slice(at + 1) as Digest);
    if (rec?.index) {
      index = {
        digest: rec.digest,
        manifests: rec.index.index.manifests.map((m) => ({
          digest: m.digest,
          platform: [m.platform?.os, m.platform?.architecture, m.platform?.variant].filter(Boolean).join('/'),
        })),
      };
      break;
    }
  }
  return {
    id: img.id,
    repoTags: ImageStore.repoTags(li),
    repoDigests: ImageStore.repoDigests(li),
    manifestDigest: img.manifestDigest,
    platform,
    layers,
    ...(index ? { index } : {}),
  };
}

/** A container's upperdir for the overlay picture: `docker diff`'s changes and the opaque directories. */
export function overlaySnapshot(lib: DaemonImages | undefined, id: string): Pick<ContainerView, 'overlay'> {
  const rootfs = lib?.rootfs.get(id);
  if (!rootfs) return {};
  const opaque = [...rootfs.root.upper]
    .filter(([, e]) => e.type === 'dir' && e.opaque === true)
    .map(([p]) => p)
    .sort();
  return { overlay: { changes: rootfs.root.diff(), opaque } };
}
