import type { WorldSnapshot } from '../api.ts';
import { ImageStore } from '../image/store.ts';
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
    images: lib.store.all().map((li) => ({ id: li.image.id, repoTags: ImageStore.repoTags(li), repoDigests: ImageStore.repoDigests(li) })),
    registry: lib.registry.snapshot(),
    volumes: lib.volumes.all().map((v) => ({
      name: v.name,
      anonymous: v.anonymous,
      mountpoint: VolumeStore.mountpoint(v.name),
      files: Object.fromEntries([...v.data].filter(([, e]) => e.type === 'file').map(([p, e]) => [p.replace(/^\//, ''), e.type === 'file' && e.data ? dec.decode(e.data) : ''])),
    })),
  };
}

