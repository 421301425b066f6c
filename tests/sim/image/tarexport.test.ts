import { describe, expect, it } from 'vitest';
import { packTar, unpackTar } from 'modern-tar';
import { gzipSync } from 'fflate';
import { createWorld } from '../../../src/sim/index.ts';
import { sha256Digest, utf8 } from '../../../src/sim/image/digest.ts';
import { loadArchive, LoadError } from '../../../src/sim/image/tarexport.ts';

const file = (name: string, body: Uint8Array) => ({ header: { name, size: body.length, type: 'file' as const, mode: 0o644 }, body });

/** An archive as another tool writes it: pretty-printed config, a gzip-compressed layer, a fully qualified tag. */
async function foreignArchive(): Promise<{ tar: Uint8Array; configDigest: string; diffId: string }> {
  const layerTar = await packTar([{ header: { name: 'etc/', size: 0, type: 'directory' as const, mode: 0o755 } }, file('etc/motd', utf8('built elsewhere\n'))]);
  const diffId = await sha256Digest(layerTar);
  const config = utf8(
    JSON.stringify(
      {
        architecture: 'amd64',
        os: 'linux',
        created: '2024-01-02T03:04:05Z',
        config: { Cmd: ['/bin/sh'] },
        rootfs: { type: 'layers', diff_ids: [diffId] },
        history: [{ created: '2024-01-02T03:04:05Z', created_by: 'ADD motd /etc/motd' }],
      },
      null,
      2,
    ),
  );
  const configDigest = await sha256Digest(config);
  const gz = gzipSync(layerTar);
  const gzDigest = await sha256Digest(gz);
  const manifest = [
    { Config: `blobs/sha256/${configDigest.slice(7)}`, RepoTags: ['docker.io/example/motd:1.0'], Layers: [`blobs/sha256/${gzDigest.slice(7)}`] },
  ];
  const tar = await packTar([
    file(`blobs/sha256/${configDigest.slice(7)}`, config),
    file(`blobs/sha256/${gzDigest.slice(7)}`, gz),
    file('manifest.json', utf8(JSON.stringify(manifest))),
  ]);
  return { tar, configDigest, diffId };
}

describe('docker save / load archives (moby@v27.3.1:image/tarexport)', () => {
  it('an archive written elsewhere loads with the digests of its own files', async () => {
    const { tar, configDigest, diffId } = await foreignArchive();
    const [img] = await loadArchive(tar, () => undefined);
    expect(img!.image.id).toBe(configDigest);
    expect(img!.image.layers[0]!.diffId).toBe(diffId);
    expect(img!.repoTags).toEqual(['docker.io/example/motd:1.0']);
  });

  it('a layer whose bytes do not hash to its diff_id is refused with moby’s message', async () => {
    const { tar } = await foreignArchive();
    const entries = await unpackTar(tar);
    const cfg = entries.find((e) => e.header.name.startsWith('blobs/') && e.data![0] === 0x7b)!;
    const bad = JSON.parse(new TextDecoder().decode(cfg.data));
    bad.rootfs.diff_ids = [`sha256:${'0'.repeat(64)}`];
    const badCfg = utf8(JSON.stringify(bad));
    const badDigest = await sha256Digest(badCfg);
    const rebuilt = await packTar(
      entries.map((e) =>
        e === cfg
          ? file(`blobs/sha256/${badDigest.slice(7)}`, badCfg)
          : e.header.name === 'manifest.json'
            ? file('manifest.json', utf8(new TextDecoder().decode(e.data).replace(/blobs\/sha256\/[0-9a-f]{64}"/, `blobs/sha256/${badDigest.slice(7)}"`)))
            : file(e.header.name, e.data!),
      ),
    );
    await expect(loadArchive(rebuilt, () => undefined)).rejects.toThrow(/^invalid diffID for layer 0: expected "sha256:0{64}", got "sha256:[0-9a-f]{64}"$/);
  });

  it('garbage is refused as Go archive/tar refuses it', async () => {
    await expect(loadArchive(utf8('hi\n'), () => undefined)).rejects.toThrow(new LoadError('unexpected EOF'));
    await expect(loadArchive(new Uint8Array(1024).fill(65), () => undefined)).rejects.toThrow(new LoadError('archive/tar: invalid tar header'));
  });

  it('save → rmi → load keeps the image ID, the layers and the size', async () => {
    const w = createWorld();
    const id = (await w.exec('docker pull -q nginx >/dev/null; docker images -q --no-trunc nginx')).stdout;
    expect((await w.exec('docker save -o n.tar nginx && docker rmi nginx >/dev/null && docker load -q -i n.tar')).stdout).toBe('Loaded image: nginx:latest\n');
    expect((await w.exec('docker images -q --no-trunc nginx')).stdout).toBe(id);
    expect((await w.exec('docker image inspect -f "{{len .RootFS.Layers}} {{.Size}}" nginx')).stdout).toBe(
      (await createWorld().exec('docker pull -q nginx >/dev/null; docker image inspect -f "{{len .RootFS.Layers}} {{.Size}}" nginx')).stdout,
    );
  });
});
