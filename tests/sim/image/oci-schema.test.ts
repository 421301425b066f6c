import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { unpackTar } from 'modern-tar';
import { createWorld } from '../../../src/sim/index.ts';
import { sha256Digest } from '../../../src/sim/image/digest.ts';

// opencontainers/image-spec@v1.1.0:schema/*.json, with their cross-file $refs inlined (zod's
// fromJSONSchema resolves only refs inside one document) and draft-04 `id`s dropped.
const dir = join(import.meta.dirname, 'image-spec-schemas');
const files = new Map<string, Record<string, unknown>>();
const load = (f: string) => files.get(f) ?? (files.set(f, JSON.parse(readFileSync(join(dir, f), 'utf8'))), files.get(f)!);

function inline(node: unknown, file: string): unknown {
  if (Array.isArray(node)) return node.map((n) => inline(n, file));
  if (!node || typeof node !== 'object') return node;
  const o = node as Record<string, unknown>;
  if (typeof o.$ref === 'string') {
    const [f, pointer] = o.$ref.split('#') as [string, string | undefined];
    const target = f || file;
    let v: unknown = load(target);
    for (const key of (pointer ?? '').split('/').filter(Boolean)) v = (v as Record<string, unknown>)[key];
    return inline(v, target);
  }
  return Object.fromEntries(
    Object.entries(o)
      .filter(([k]) => k !== 'id' && k !== '$schema')
      .map(([k, v]) => [k, inline(v, file)]),
  );
}
const schema = (f: string) => z.fromJSONSchema(inline(load(f), f) as Parameters<typeof z.fromJSONSchema>[0]);

describe('docker save writes an OCI image layout that validates against the image-spec schemas', () => {
  it('oci-layout, index.json, the manifest and the config validate; every blob hashes to its name', async () => {
    const w = createWorld();
    await w.exec('docker pull -q nginx >/dev/null; docker save -o n.tar nginx; base64 -w0 n.tar > n.b64');
    const b64 = (await w.exec('cat n.b64')).stdout;
    const entries = await unpackTar(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
    const byName = new Map(entries.map((e) => [e.header.name, e.data ?? new Uint8Array(0)]));
    const json = (name: string) => JSON.parse(new TextDecoder().decode(byName.get(name)));
    expect(schema('image-layout-schema.json').safeParse(json('oci-layout')).success).toBe(true);
    const index = json('index.json');
    expect(schema('image-index-schema.json').safeParse(index).success).toBe(true);
    const manifestName = `blobs/sha256/${index.manifests[0].digest.slice(7)}`;
    const manifest = json(manifestName);
    expect(schema('image-manifest-schema.json').safeParse(manifest).success).toBe(true);
    expect(schema('config-schema.json').safeParse(json(`blobs/sha256/${manifest.config.digest.slice(7)}`)).success).toBe(true);
    for (const [name, data] of byName)
      if (name.startsWith('blobs/sha256/') && !name.endsWith('/')) expect(await sha256Digest(data)).toBe(`sha256:${name.slice(13)}`);
    for (const l of manifest.layers) expect(byName.get(`blobs/sha256/${l.digest.slice(7)}`)!.length).toBe(l.size);
  });

  it('the validator refuses what the spec forbids (a bad digest, no layers, a missing config)', () => {
    const layer = { mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: 'sha256:def', size: 2 };
    const m = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: 'sha256:abc', size: 1 },
      layers: [layer],
    };
    expect(schema('image-manifest-schema.json').safeParse(m).success).toBe(true);
    expect(schema('image-manifest-schema.json').safeParse({ ...m, config: { ...m.config, digest: 'SHA256 abc' } }).success).toBe(false);
    expect(schema('image-manifest-schema.json').safeParse({ ...m, layers: [] }).success).toBe(false);
    expect(schema('image-manifest-schema.json').safeParse({ schemaVersion: 2, layers: [layer] }).success).toBe(false);
  });
});
