/**
 * `docker save` / `docker load` archives as moby@v27.3.1:image/tarexport writes and reads them:
 * an OCI image layout (oci-layout, index.json, blobs/sha256/…) plus Docker's manifest.json and
 * the legacy `repositories` file.
 *
 * save.go, per image: each layer's uncompressed tar at blobs/sha256/<diffID> (media type
 * application/vnd.oci.image.layer.v1.tar, so the layer digest is its diffID), the config's
 * exact bytes at blobs/sha256/<image ID>, an OCI manifest (json.Marshal, compact) at
 * blobs/sha256/<its digest>; index.json lists that manifest once per tag with the
 * io.containerd.image.name and org.opencontainers.image.ref.name annotations; manifest.json
 * (json.Encoder: compact plus "\n") has Config, RepoTags, Layers and LayerSources;
 * repositories maps name → tag → the top layer's diffID hex. Times: config and layer blobs
 * and blobs/ carry the image's `created`; manifest.json, repositories, oci-layout and the
 * manifest blob the epoch; index.json and blobs/sha256/ the time of the save.
 * Not written: the legacy v1 layer configs moby also drops into blobs/sha256 (nothing in
 * the archive references them).
 *
 * load.go: untar, read manifest.json, and for each item read the config, check that it has as
 * many diff_ids as Layers, register each layer whose ChainID is not present (a layer's
 * sha256 must equal its diff_id: "invalid diffID for layer %d: expected %q, got %q"),
 * create the image from the config bytes (same bytes, same ID), then tag.
 */
import { unpackTar, packTar, type TarEntry } from 'modern-tar';
import { gunzipSync } from 'fflate';
import { chainId, fromUtf8, hexOf, sha256Digest, utf8, type Digest } from './digest.ts';
import { manifestFor, MEDIA, type Image, type ImageConfigJson } from './image.ts';
import { gunzip, gzipDeterministic, OPAQUE_MARKER, WHITEOUT_PREFIX, type Layer } from './layer.ts';
import { contentSize, normPath, type Entry, type Tree } from './tree.ts';

/** Go's json.Marshal: compact, with <, > and & (and U+2028/9) escaped as \u00XX. */
export function goJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface SaveItem {
  image: Image;
  /** Normalized `docker.io/library/alpine:latest` references to record (none for an ID). */
  refs: string[];
  /** The same references in familiar form (`alpine:latest`). */
  familiar: string[];
}

const LAYER_MEDIA = 'application/vnd.oci.image.layer.v1.tar';

/** The archive `docker save` streams. */
export async function saveArchive(items: readonly SaveItem[], nowMs: number): Promise<Uint8Array> {
  const blobs = new Map<string, { data: Uint8Array; mtime: number }>();
  const manifest: Record<string, unknown>[] = [];
  const indexManifests: Record<string, unknown>[] = [];
  const repos: Record<string, Record<string, string>> = {};
  let blobsDirTime = 0;
  for (const { image, refs, familiar } of items) {
    const created = Math.floor(Date.parse(image.config.created) / 1000) || 0;
    blobsDirTime = created;
    const sources: Record<string, { mediaType: string; size: number; digest: string }> = {};
    const layerDescs: Record<string, unknown>[] = [];
    for (const l of image.layers) {
      const tar = gunzip(l.blob);
      if (!blobs.has(hexOf(l.diffId))) blobs.set(hexOf(l.diffId), { data: tar, mtime: created });
      // distribution.Descriptor field order: mediaType, size, digest.
      sources[l.diffId] = { mediaType: LAYER_MEDIA, size: tar.length, digest: l.diffId };
      layerDescs.push({ mediaType: LAYER_MEDIA, digest: l.diffId, size: tar.length });
    }
    blobs.set(hexOf(image.id), { data: image.configBytes, mtime: created });
    const m = {
      schemaVersion: 2,
      mediaType: MEDIA.ociManifest,
      config: { mediaType: MEDIA.ociConfig, digest: image.id, size: image.configBytes.length },
      layers: layerDescs,
    };
    const mBytes = utf8(goJson(m));
    const mDigest = await sha256Digest(mBytes);
    blobs.set(hexOf(mDigest), { data: mBytes, mtime: 0 });
    const untagged = { mediaType: MEDIA.ociManifest, digest: mDigest, size: mBytes.length };
    refs.forEach((ref, i) => {
      const tag = ref.slice(ref.lastIndexOf(':') + 1);
      const name = (familiar[i] as string).slice(0, (familiar[i] as string).lastIndexOf(':'));
      (repos[name] ??= {})[tag] = hexOf(image.layers[image.layers.length - 1]!.diffId);
      indexManifests.push({ ...untagged, annotations: { 'io.containerd.image.name': ref, 'org.opencontainers.image.ref.name': tag } });
    });
    // moby checks the whole list, not this image's part of it (save.go).
    if (indexManifests.length === 0) indexManifests.push(untagged);
    manifest.push({
      Config: `blobs/sha256/${hexOf(image.id)}`,
      RepoTags: familiar.length ? familiar : null,
      Layers: image.layers.map((l) => `blobs/sha256/${hexOf(l.diffId)}`),
      ...(image.layers.length ? { LayerSources: Object.fromEntries(Object.entries(sources).sort(([a], [b]) => (a < b ? -1 : 1))) } : {}),
    });
  }
  const now = Math.floor(nowMs / 1000);
  const file = (name: string, data: Uint8Array, mtime: number): TarEntry => ({
    header: { name, size: data.length, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: new Date(mtime * 1000) },
    body: data,
  });
  const dir = (name: string, mtime: number): TarEntry => ({
    header: { name, size: 0, type: 'directory', mode: 0o755, uid: 0, gid: 0, mtime: new Date(mtime * 1000) },
  });
  const entries: TarEntry[] = [dir('blobs/', blobsDirTime), dir('blobs/sha256/', now)];
  for (const hex of [...blobs.keys()].sort()) entries.push(file(`blobs/sha256/${hex}`, blobs.get(hex)!.data, blobs.get(hex)!.mtime));
  const index = { schemaVersion: 2, mediaType: MEDIA.ociIndex, manifests: indexManifests };
  entries.push(file('index.json', utf8(goJson(index)), now));
  entries.push(file('manifest.json', utf8(`${goJson(manifest)}\n`), 0));
  entries.push(file('oci-layout', utf8('{"imageLayoutVersion": "1.0.0"}'), 0));
  if (Object.keys(repos).length) entries.push(file('repositories', utf8(`${goJson(sortKeys(repos))}\n`), 0));
  return packTar(entries);
}

/** Go marshals map keys sorted. */
function sortKeys(o: Record<string, Record<string, string>>): Record<string, Record<string, string>> {
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, Object.fromEntries(Object.entries(o[k]!).sort(([a], [b]) => (a < b ? -1 : 1)))]),
  );
}

export class LoadError extends Error {}

/** One image read from an archive: the config's own bytes, its layers (reused when known), its tags. */
export interface LoadedImage {
  image: Image;
  repoTags: string[];
}

/** gzip (1f 8b) is decompressed first, as archive.DecompressStream does. */
function decompress(b: Uint8Array): Uint8Array {
  return b.length > 2 && b[0] === 0x1f && b[1] === 0x8b ? gunzipSync(b) : b;
}

/**
 * A layer from the bytes of its tar (gzip or not): the diffID is the sha256 of exactly those
 * bytes, as moby's layer store computes it while it applies the stream; the tar is kept, so a
 * later `docker save` writes the same bytes under that digest.
 */
export async function layerFromTar(raw: Uint8Array): Promise<Layer> {
  const tar = decompress(raw);
  const tree = await layerTree(tar);
  const blob = gzipDeterministic(tar);
  const [diffId, digest] = await Promise.all([sha256Digest(tar), sha256Digest(blob)]);
  return { tree, diffId, digest, compressedSize: blob.length, tarSize: tar.length, size: contentSize(tree), blob };
}

/** The file tree of a layer tar (whiteouts, opaque markers and our GNU sparse holes understood). */
async function layerTree(tar: Uint8Array): Promise<Tree> {
  const tree: Tree = new Map();
  for (const e of await unpackTar(tar)) {
    const h = e.header;
    const sparse = h.pax?.['GNU.sparse.name'];
    const path = normPath(`/${sparse ?? h.name}`);
    const meta = { mode: (h.mode ?? 0o644) & 0o7777, uid: h.uid ?? 0, gid: h.gid ?? 0, mtime: Math.floor((h.mtime?.getTime() ?? 0) / 1000) };
    const base = path.slice(path.lastIndexOf('/') + 1);
    if (base === OPAQUE_MARKER) {
      const d = path.slice(0, path.lastIndexOf('/')) || '/';
      const have = tree.get(d);
      tree.set(d, { type: 'dir', ...(have && have.type === 'dir' ? have : meta), opaque: true });
      continue;
    }
    if (base.startsWith(WHITEOUT_PREFIX)) {
      tree.set(`${path.slice(0, path.lastIndexOf('/'))}/${base.slice(WHITEOUT_PREFIX.length)}`, { type: 'whiteout' });
      continue;
    }
    let entry: Entry;
    if (h.type === 'directory') entry = { type: 'dir', ...meta, ...((tree.get(path) as { opaque?: boolean } | undefined)?.opaque ? { opaque: true } : {}) };
    else if (h.type === 'symlink') entry = { type: 'symlink', target: h.linkname ?? '', ...meta };
    else if (sparse) entry = { type: 'file', size: Number(h.pax?.['GNU.sparse.realsize'] ?? 0), ...meta };
    else if (h.type === 'file' || h.type === undefined) entry = { type: 'file', data: e.data ?? new Uint8Array(0), size: e.data?.length ?? 0, ...meta };
    else continue;
    if (path !== '/') tree.set(path, entry);
  }
  return tree;
}

/**
 * What Go's archive/tar reader says before any entry: a stream shorter than one 512-byte
 * block is io.ErrUnexpectedEOF; a first block that is not all zeros and whose checksum
 * does not match is ErrHeader (reader.go readHeader).
 */
function checkFirstHeader(tar: Uint8Array): void {
  if (tar.length === 0) return;
  if (tar.length < 512) throw new LoadError('unexpected EOF');
  const blk = tar.subarray(0, 512);
  if (blk.every((b) => b === 0)) return;
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : blk[i]!;
  const field = fromUtf8(blk.subarray(148, 156))
    .replace(/[\0 ]+$/, '')
    .trim();
  if (!/^[0-7]+$/.test(field) || parseInt(field, 8) !== sum) throw new LoadError('archive/tar: invalid tar header');
}

/**
 * Reads a `docker save` archive. `knownLayer(chainId)` returns a layer the store already
 * holds (its tar is then not read, as moby skips registering it).
 */
export async function loadArchive(
  bytes: Uint8Array,
  knownLayer: (chain: Digest) => Layer | undefined,
  tmpDir = '/var/lib/docker/tmp/docker-import-0',
): Promise<LoadedImage[]> {
  let entries;
  const tar = decompress(bytes);
  checkFirstHeader(tar);
  try {
    entries = await unpackTar(tar);
  } catch {
    throw new LoadError('archive/tar: invalid tar header');
  }
  const files = new Map<string, Uint8Array>();
  for (const e of entries) if ((e.header.type ?? 'file') === 'file') files.set(normPath(`/${e.header.name}`).slice(1), e.data ?? new Uint8Array(0));
  const mf = files.get('manifest.json');
  if (!mf) {
    // legacyLoad: each top-level directory must hold a v1 `json`, else `repositories` is read.
    const dirs = new Set<string>();
    for (const e of entries) {
      const parts = normPath(`/${e.header.name}`).split('/').slice(1);
      if (parts[0] && (parts.length > 1 || e.header.type === 'directory')) dirs.add(parts[0]);
    }
    const first = [...dirs].sort().find((d) => !files.has(`${d}/json`));
    throw new LoadError(`open ${tmpDir}/${first !== undefined ? `${first}/json` : 'repositories'}: no such file or directory`);
  }
  let manifest: { Config?: string; RepoTags?: string[] | null; Layers?: string[] }[];
  try {
    manifest = JSON.parse(fromUtf8(mf));
  } catch (e) {
    throw new LoadError((e as Error).message);
  }
  // load.go validateManifest.
  if (!Array.isArray(manifest)) throw new LoadError('json: cannot unmarshal object into Go value of type []tarexport.manifestItem');
  const out: LoadedImage[] = [];
  for (const m of manifest) {
    const cfgPath = normPath(`/${m.Config ?? ''}`).slice(1);
    const configBytes = files.get(cfgPath);
    if (!configBytes) throw new LoadError(`open ${tmpDir}/${cfgPath}: no such file or directory`);
    let config: ImageConfigJson;
    try {
      config = JSON.parse(fromUtf8(configBytes));
    } catch (e) {
      throw new LoadError((e as Error).message);
    }
    if ((config.os ?? 'linux') !== 'linux') throw new LoadError(`cannot load ${config.os} image on linux`);
    const diffIds = (config.rootfs?.diff_ids ?? []) as Digest[];
    const layerPaths = m.Layers ?? [];
    if (layerPaths.length !== diffIds.length)
      throw new LoadError(`invalid manifest, layers length mismatch: expected ${layerPaths.length}, got ${diffIds.length}`);
    const layers: Layer[] = [];
    for (let i = 0; i < diffIds.length; i++) {
      const chain = (await chainId(diffIds.slice(0, i + 1))) as Digest;
      let layer = knownLayer(chain);
      if (!layer) {
        const p = normPath(`/${layerPaths[i]}`).slice(1);
        const raw = files.get(p);
        if (!raw) throw new LoadError(`open ${tmpDir}/${p}: no such file or directory`);
        layer = await layerFromTar(raw);
        if (layer.diffId !== diffIds[i]) throw new LoadError(`invalid diffID for layer ${i}: expected "${diffIds[i]}", got "${layer.diffId}"`);
      }
      layers.push(layer);
    }
    const id = await sha256Digest(configBytes);
    const man = manifestFor('oci', { digest: id, size: configBytes.length }, layers);
    const manifestBytes = utf8(goJson(man));
    const image: Image = {
      id,
      config,
      configBytes,
      layers,
      size: layers.reduce((n, l) => n + l.size, 0),
      manifest: man,
      manifestBytes,
      manifestDigest: await sha256Digest(manifestBytes),
      ...(layers.length ? { chainId: (await chainId(diffIds)) as Digest } : {}),
    };
    out.push({ image, repoTags: m.RepoTags ?? [] });
  }
  return out;
}
