import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { TreeBuilder } from '../../../src/sim/image/tree.ts';
import { buildLayer, layerTar, listTar } from '../../../src/sim/image/layer.ts';
import { createImage, createIndex } from '../../../src/sim/image/image.ts';
import { canonicalJson, chainIds, utf8 } from '../../../src/sim/image/digest.ts';

const sha = (b: Uint8Array | string) => 'sha256:' + createHash('sha256').update(b).digest('hex');

function tree(passwd = 'root:x:0:0:root:/root:/bin/sh\n') {
  return new TreeBuilder(1_700_000_000, utf8).file('/etc/passwd', passwd).symlink('/bin/sh', '/bin/busybox').blob('/bin/busybox', 808_712).dir('/tmp', 0o1777)
    .tree;
}

async function image(passwd?: string, cmd = ['/bin/sh']) {
  const base = await buildLayer(tree(passwd));
  const app = await buildLayer(new TreeBuilder(1_700_000_100, utf8).file('/app/run.sh', 'echo hi\n', 0o755).whiteout('/tmp/x').opaque('/var/cache').tree);
  return createImage({
    layers: [base, app],
    history: [
      { created: '2023-11-14T22:13:20Z', created_by: 'ADD rootfs /' },
      { created: '2023-11-14T22:15:00Z', created_by: 'COPY run.sh /app/' },
      { created: '2023-11-14T22:15:00Z', created_by: `CMD ${JSON.stringify(cmd)}`, empty_layer: true },
    ],
    config: { Env: ['PATH=/usr/bin:/bin'], Cmd: cmd },
    created: '2023-11-14T22:15:00Z',
  });
}

describe('layers and image digests, recomputed independently', () => {
  it('diffID = sha256(tar), digest = sha256(gzip blob), gunzip(blob) = tar', async () => {
    const l = await buildLayer(tree());
    const tar = await layerTar(tree());
    expect(l.diffId).toBe(sha(tar));
    expect(l.digest).toBe(sha(l.blob));
    expect(l.compressedSize).toBe(l.blob.length);
    expect(new Uint8Array(gunzipSync(l.blob))).toEqual(tar);
    expect(l.size).toBe('root:x:0:0:root:/root:/bin/sh\n'.length + '/bin/busybox'.length + 808_712);
    expect([...l.blob.slice(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
  });

  it('the tar lists parents first, sparse big files, OCI whiteouts and opaque markers', async () => {
    const app = new TreeBuilder(0, utf8).file('/app/run.sh', 'x').whiteout('/tmp/x').opaque('/var/cache').tree;
    expect((await listTar(await layerTar(app))).map((e) => `${e.type} ${e.name}`)).toEqual([
      'directory app/',
      'file app/run.sh',
      'directory tmp/',
      'file tmp/.wh.x',
      'directory var/',
      'directory var/cache/',
      'file var/cache/.wh..wh..opq',
    ]);
    const big = await listTar(await layerTar(tree()));
    const sparse = big.find((e) => e.name.includes('GNUSparseFile'))!;
    expect(sparse).toMatchObject({
      name: 'bin/GNUSparseFile.0/busybox',
      size: 512,
      pax: { 'GNU.sparse.major': '1', 'GNU.sparse.minor': '0', 'GNU.sparse.name': 'bin/busybox', 'GNU.sparse.realsize': '808712' },
    });
  });

  it('config → image ID, manifest → digest, index → digest: all sha256 of the stored bytes', async () => {
    const img = await image();
    expect(img.id).toBe(sha(img.configBytes));
    expect(new TextDecoder().decode(img.configBytes)).toBe(canonicalJson(img.config));
    expect(img.manifestDigest).toBe(sha(img.manifestBytes));
    expect(img.manifest.config).toEqual({ mediaType: 'application/vnd.docker.container.image.v1+json', digest: img.id, size: img.configBytes.length });
    expect(img.manifest.layers.map((l) => l.digest)).toEqual(img.layers.map((l) => l.digest));
    expect(img.config.rootfs.diff_ids).toEqual(img.layers.map((l) => l.diffId));
    expect(img.chainId).toBe(sha(`${img.layers[0]!.diffId} ${img.layers[1]!.diffId}`));
    const arm = await createImage({
      ...{ layers: img.layers, history: img.config.history, config: img.config.config, created: img.config.created },
      architecture: 'arm64',
      variant: 'v8',
    });
    const idx = await createIndex([img, arm]);
    expect(idx.digest).toBe(sha(idx.bytes));
    expect(idx.index.manifests.map((m) => [m.digest, m.size, m.platform])).toEqual([
      [img.manifestDigest, img.manifestBytes.length, { architecture: 'amd64', os: 'linux' }],
      [arm.manifestDigest, arm.manifestBytes.length, { architecture: 'arm64', os: 'linux', variant: 'v8' }],
    ]);
  });

  it('identical content gives identical IDs', async () => {
    const [a, b] = [await image(), await image()];
    expect(a.id).toBe(b.id);
    expect(a.manifestDigest).toBe(b.manifestDigest);
    expect(a.layers.map((l) => l.digest)).toEqual(b.layers.map((l) => l.digest));
  });

  it('one changed byte in the base layer changes its diffID, digest, every ChainID, the image ID and the manifest digest', async () => {
    const a = await image();
    const b = await image('root:x:0:0:root:/root:/bin/ash\n');
    expect(b.layers[0]!.diffId).not.toBe(a.layers[0]!.diffId);
    expect(b.layers[0]!.digest).not.toBe(a.layers[0]!.digest);
    expect(b.layers[1]!.diffId).toBe(a.layers[1]!.diffId);
    expect(b.layers[1]!.digest).toBe(a.layers[1]!.digest);
    const [ca, cb] = [await chainIds(a.config.rootfs.diff_ids), await chainIds(b.config.rootfs.diff_ids)];
    expect(cb[0]).not.toBe(ca[0]);
    expect(cb[1]).not.toBe(ca[1]);
    expect(b.id).not.toBe(a.id);
    expect(b.manifestDigest).not.toBe(a.manifestDigest);
  });

  it('a config-only change (CMD) keeps every layer and ChainID, changes the image ID and manifest digest', async () => {
    const a = await image();
    const b = await image(undefined, ['/bin/ash']);
    expect(b.layers.map((l) => [l.diffId, l.digest])).toEqual(a.layers.map((l) => [l.diffId, l.digest]));
    expect(b.chainId).toBe(a.chainId);
    expect(b.id).not.toBe(a.id);
    expect(b.manifestDigest).not.toBe(a.manifestDigest);
  });

  it('rejects a history that does not match the layers', async () => {
    const l = await buildLayer(tree());
    await expect(createImage({ layers: [l], history: [], config: {}, created: '2024-01-01T00:00:00Z' })).rejects.toThrow(
      'image history has 0 non-empty entries but the image has 1 layers',
    );
  });
});
