/**
 * Images as content: the config JSON (its sha256 is the image ID), the manifest
 * (its sha256 is the manifest digest) and the multi-arch index.
 * All three are serialised as canonical JSON (digest.ts) and the stored bytes
 * are exactly the bytes that were hashed.
 */
import { canonicalBytes, chainId, sha256Digest, type Digest } from './digest.ts';
import type { Layer } from './layer.ts';

export const MEDIA = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  ociEmpty: 'application/vnd.oci.empty.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
} as const;

/** Which family of media types a manifest uses. Docker 27 pushes `docker`; official images are `oci`. */
export type MediaFlavor = 'oci' | 'docker';

export interface HealthConfig {
  Test: string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
}

/** The runtime defaults of an image (`config` in the image JSON; Docker's Config in inspect). */
export interface RunConfig {
  User?: string;
  ExposedPorts?: Record<string, Record<string, never>>;
  Env?: string[];
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  Healthcheck?: HealthConfig;
  ArgsEscaped?: boolean;
  Volumes?: Record<string, Record<string, never>>;
  WorkingDir?: string;
  Labels?: Record<string, string>;
  StopSignal?: string;
  Shell?: string[];
  OnBuild?: string[] | null;
}

export interface HistoryEntry {
  created: string;
  created_by?: string;
  author?: string;
  comment?: string;
  empty_layer?: boolean;
}

export interface ImageConfigJson {
  architecture: string;
  os: string;
  variant?: string;
  created: string;
  author?: string;
  config: RunConfig;
  rootfs: { type: 'layers'; diff_ids: Digest[] };
  history: HistoryEntry[];
}

export interface Descriptor {
  mediaType: string;
  digest: Digest;
  size: number;
  platform?: { architecture: string; os: string; variant?: string };
  annotations?: Record<string, string>;
}

export interface ManifestJson {
  schemaVersion: 2;
  mediaType: string;
  config: Descriptor;
  layers: Descriptor[];
}

export interface IndexJson {
  schemaVersion: 2;
  mediaType: string;
  manifests: Descriptor[];
}

/** One platform's image, fully content-addressed. */
export interface Image {
  /** Image ID = config digest. */
  id: Digest;
  config: ImageConfigJson;
  configBytes: Uint8Array;
  /** Bottom layer first. */
  layers: Layer[];
  /** ChainID of the whole stack (undefined for scratch-only images). */
  chainId?: Digest;
  /** Sum of layer content sizes: the SIZE of `docker images`. */
  size: number;
  manifest: ManifestJson;
  manifestBytes: Uint8Array;
  manifestDigest: Digest;
}

/** A multi-arch index and the images it lists. */
export interface ImageIndex {
  index: IndexJson;
  bytes: Uint8Array;
  digest: Digest;
  images: Image[];
}

export interface ImageSpec {
  layers: Layer[];
  config: RunConfig;
  history: HistoryEntry[];
  created: string;
  architecture?: string;
  os?: string;
  variant?: string;
  author?: string;
  flavor?: MediaFlavor;
}

function checkHistory(spec: ImageSpec): void {
  const nonEmpty = spec.history.filter((h) => !h.empty_layer).length;
  if (nonEmpty !== spec.layers.length) {
    throw new Error(`image history has ${nonEmpty} non-empty entries but the image has ${spec.layers.length} layers`);
  }
}

/** Builds the config, computes the image ID, then the manifest and its digest. */
export async function createImage(spec: ImageSpec): Promise<Image> {
  checkHistory(spec);
  const flavor = spec.flavor ?? 'docker';
  const config: ImageConfigJson = {
    architecture: spec.architecture ?? 'amd64',
    os: spec.os ?? 'linux',
    ...(spec.variant ? { variant: spec.variant } : {}),
    created: spec.created,
    ...(spec.author ? { author: spec.author } : {}),
    config: spec.config,
    rootfs: { type: 'layers', diff_ids: spec.layers.map((l) => l.diffId) },
    history: spec.history,
  };
  const configBytes = canonicalBytes(config);
  const id = await sha256Digest(configBytes);
  const manifest = manifestFor(flavor, { digest: id, size: configBytes.length }, spec.layers);
  const manifestBytes = canonicalBytes(manifest);
  const manifestDigest = await sha256Digest(manifestBytes);
  return {
    id,
    config,
    configBytes,
    layers: spec.layers,
    chainId: await chainId(spec.layers.map((l) => l.diffId)),
    size: spec.layers.reduce((n, l) => n + l.size, 0),
    manifest,
    manifestBytes,
    manifestDigest,
  };
}

/** The manifest of a config and its layers, in the given media-type family. */
export function manifestFor(flavor: MediaFlavor, config: { digest: Digest; size: number }, layers: readonly Layer[]): ManifestJson {
  const oci = flavor === 'oci';
  return {
    schemaVersion: 2,
    mediaType: oci ? MEDIA.ociManifest : MEDIA.dockerManifest,
    config: { mediaType: oci ? MEDIA.ociConfig : MEDIA.dockerConfig, digest: config.digest, size: config.size },
    layers: layers.map((l) => ({
      mediaType: oci ? MEDIA.ociLayerGzip : MEDIA.dockerLayerGzip,
      digest: l.digest,
      size: l.compressedSize,
    })),
  };
}

/** Re-serialises an image's manifest in another media-type family (what `docker push` does). */
export async function withFlavor(image: Image, flavor: MediaFlavor): Promise<Image> {
  const manifest = manifestFor(flavor, { digest: image.id, size: image.configBytes.length }, image.layers);
  const manifestBytes = canonicalBytes(manifest);
  return { ...image, manifest, manifestBytes, manifestDigest: await sha256Digest(manifestBytes) };
}

/** A multi-arch index over platform images (OCI media types). */
export async function createIndex(images: readonly Image[]): Promise<ImageIndex> {
  const index: IndexJson = {
    schemaVersion: 2,
    mediaType: MEDIA.ociIndex,
    manifests: images.map((img) => ({
      mediaType: img.manifest.mediaType,
      digest: img.manifestDigest,
      size: img.manifestBytes.length,
      platform: {
        architecture: img.config.architecture,
        os: img.config.os,
        ...(img.config.variant ? { variant: img.config.variant } : {}),
      },
    })),
  };
  const bytes = canonicalBytes(index);
  return { index, bytes, digest: await sha256Digest(bytes), images: [...images] };
}

/** The rows of `docker history`, top (newest) first, each with the size of its layer (0 for empty_layer). */
export function historyRows(image: Image): { entry: HistoryEntry; size: number; layer?: Layer }[] {
  const rows: { entry: HistoryEntry; size: number; layer?: Layer }[] = [];
  let li = 0;
  for (const entry of image.config.history) {
    if (entry.empty_layer) rows.push({ entry, size: 0 });
    else {
      const layer = image.layers[li++]!;
      rows.push({ entry, size: layer.size, layer });
    }
  }
  return rows.reverse();
}

/** RFC 3339 with nanoseconds, as Go marshals time.Time in image configs. */
export function rfc3339(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.replace(/\.(\d{3})Z$/, (_m, frac: string) => (frac === '000' ? 'Z' : `.${frac.replace(/0+$/, '')}Z`));
}
