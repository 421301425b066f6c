/**
 * A layer as content: its tree serialised deterministically to tar
 * (`modern-tar`), the diffID over that tar, the gzip blob (`fflate`) and its
 * digest and size.
 *
 * Determinism: entries are sorted (directory before contents), every header
 * carries the entry's own mtime, uid/gid, mode, and no user/group names;
 * gzip uses level 6, mtime 0 and OS byte 255 ("unknown", as Go's compress/gzip
 * writes). The same tree therefore always gives the same bytes, in Node and in
 * the browser (modern-tar and fflate are pure JS over Web streams).
 *
 * Whiteouts are written as the OCI layer spec says (AUFS style): a deleted
 * path is an empty file `.wh.<name>`, an opaque directory holds `.wh..wh..opq`.
 * In an overlay upperdir the same facts are a char device 0/0 and an xattr
 * (see overlay.ts); Docker converts between the two when it exports a layer.
 */
import { packTar, unpackTar, type TarEntry } from 'modern-tar';
import { gzipSync, gunzipSync } from 'fflate';
import { sha256Digest, type Digest } from './digest.ts';
import { baseName, contentSize, parentOf, sortedPaths, type Tree } from './tree.ts';

export const WHITEOUT_PREFIX = '.wh.';
export const OPAQUE_MARKER = '.wh..wh..opq';

export interface Layer {
  tree: Tree;
  /** sha256 of the uncompressed tar (config rootfs.diff_ids). */
  diffId: Digest;
  /** sha256 of the gzip blob (manifest layer descriptor). */
  digest: Digest;
  /** Bytes of the gzip blob. */
  compressedSize: number;
  /** Bytes of the uncompressed tar. */
  tarSize: number;
  /** Content size (`docker history` SIZE): file bytes + symlink target lengths. */
  size: number;
  /** The gzip blob itself (what a registry stores under `digest`). */
  blob: Uint8Array;
}

function tarName(path: string, isDir: boolean): string {
  const rel = path.slice(1);
  return isDir ? `${rel}/` : rel;
}

/** GNU sparse 1.0 map for a file that is a single hole of `size` bytes, padded to a block. */
function sparseHoleMap(size: number): Uint8Array {
  const text = `1\n${size}\n0\n`;
  const block = new Uint8Array(512);
  for (let i = 0; i < text.length; i++) block[i] = text.charCodeAt(i);
  return block;
}

/** The tar entries of a tree, in deterministic order. */
export function tarEntries(tree: Tree): TarEntry[] {
  const entries: TarEntry[] = [];
  for (const path of sortedPaths(tree)) {
    const e = tree.get(path)!;
    if (e.type === 'whiteout') {
      const name = tarName(`${parentOf(path) === '/' ? '' : parentOf(path)}/${WHITEOUT_PREFIX}${baseName(path)}`, false);
      entries.push({ header: { name, size: 0, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: new Date(0) } });
      continue;
    }
    const base = { mode: e.mode, uid: e.uid, gid: e.gid, mtime: new Date(e.mtime * 1000) };
    if (e.type === 'dir') {
      entries.push({ header: { name: tarName(path, true), size: 0, type: 'directory', ...base } });
      if (e.opaque) {
        entries.push({ header: { name: tarName(`${path}/${OPAQUE_MARKER}`, false), size: 0, type: 'file', ...base, mode: 0o644 } });
      }
    } else if (e.type === 'symlink') {
      entries.push({ header: { name: tarName(path, false), size: 0, type: 'symlink', linkname: e.target, ...base } });
    } else if (e.data) {
      entries.push({ header: { name: tarName(path, false), size: e.data.length, type: 'file', ...base }, body: e.data });
    } else {
      const map = sparseHoleMap(e.size);
      const name = tarName(`${parentOf(path) === '/' ? '' : parentOf(path)}/GNUSparseFile.0/${baseName(path)}`, false);
      entries.push({
        header: {
          name,
          size: map.length,
          type: 'file',
          ...base,
          pax: {
            'GNU.sparse.major': '1',
            'GNU.sparse.minor': '0',
            'GNU.sparse.name': tarName(path, false),
            'GNU.sparse.realsize': String(e.size),
          },
        },
        body: map,
      });
    }
  }
  return entries;
}

/** The uncompressed tar of a tree. */
export async function layerTar(tree: Tree): Promise<Uint8Array> {
  return packTar(tarEntries(tree));
}

/** Deterministic gzip (level 6, mtime 0, OS byte 255). */
export function gzipDeterministic(data: Uint8Array): Uint8Array {
  const gz = gzipSync(data, { level: 6, mtime: 0 });
  gz[9] = 0xff;
  return gz;
}

export function gunzip(data: Uint8Array): Uint8Array {
  return gunzipSync(data);
}

/** Serialises a tree and computes its diffID, blob digest and sizes. */
export async function buildLayer(tree: Tree): Promise<Layer> {
  const tar = await layerTar(tree);
  const blob = gzipDeterministic(tar);
  const [diffId, digest] = await Promise.all([sha256Digest(tar), sha256Digest(blob)]);
  return { tree, diffId, digest, compressedSize: blob.length, tarSize: tar.length, size: contentSize(tree), blob };
}

/** Lists a layer tar as `tar -tv` would name the entries (for tests and teaching). */
export async function listTar(tar: Uint8Array): Promise<{ name: string; type: string; size: number; pax?: Record<string, string> }[]> {
  const entries = await unpackTar(tar);
  return entries.map((e) => ({
    name: e.header.name,
    type: e.header.type ?? 'file',
    size: e.header.size,
    ...(e.header.pax ? { pax: e.header.pax } : {}),
  }));
}
