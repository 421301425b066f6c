/**
 * Worlds in one process share what never changes (the fixture registry's images, layers and blobs are built once:
 * image/bases/define.ts materialize; a blob's digest is remembered once hashed: image/service.ts), and nothing else:
 * what one world does to its containers, images, files, registry and PIDs another never sees.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import type { SimWorld } from '../../src/sim/world.ts';
import { Registry } from '../../src/sim/image/registry.ts';

const registryOf = async (w: unknown) => (await (w as SimWorld).daemon.imageLib()).registry;

describe('worlds in one process are isolated', () => {
  it("a world's containers, images, files and registry changes are not another's", async () => {
    const a = createWorld();
    const b = createWorld();
    expect((await a.exec('docker run -d --name web nginx')).exitCode).toBe(0);
    expect((await a.exec("docker exec web sh -c 'echo changed > /usr/share/nginx/html/index.html'")).exitCode).toBe(0);
    await a.exec('docker tag nginx mine:1');
    await a.exec('echo only-a > /root/a.txt');
    // The tag moves in world a's registry only.
    const ra = await registryOf(a);
    await ra.load('docker.io', 'library/alpine');
    ra.setTag('docker.io', 'library/alpine', 'latest', ra.host('docker.io')!.repos.get('library/alpine')!.tags.get('3.19')!);

    expect((await b.exec('docker ps -aq')).stdout).toBe('');
    expect((await b.exec('docker images -q')).stdout).toBe('');
    expect(await b.exec('cat /root/a.txt')).toMatchObject({ stderr: 'cat: /root/a.txt: No such file or directory\n', exitCode: 1 });
    // b pulls every layer itself (none "Already exists" from a's store), and its container sees the image's file.
    const run = await b.exec('docker run -d --name web nginx');
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toMatch(/Pull complete/);
    expect(run.stderr).not.toMatch(/Already exists/);
    expect((await b.exec('docker exec web cat /usr/share/nginx/html/index.html')).stdout).toMatch(/Welcome to nginx!/);
    expect((await a.exec('docker exec web cat /usr/share/nginx/html/index.html')).stdout).toBe('changed\n');
    expect((await b.exec('docker diff web')).stdout).not.toMatch(/index\.html/);
    const rb = await registryOf(b);
    await rb.load('docker.io', 'library/alpine');
    const tagsB = rb.host('docker.io')!.repos.get('library/alpine')!.tags;
    expect(tagsB.get('latest')).not.toBe(tagsB.get('3.19'));
    // Same seed, same fixture: the same container id and PIDs in each, whatever the other did first.
    expect((await b.exec("docker inspect -f '{{.Id}} {{.State.Pid}}' web")).stdout).toBe(
      (await a.exec("docker inspect -f '{{.Id}} {{.State.Pid}}' web")).stdout,
    );
  });

  it("a blob changed in one world fails that world's pull, though another world has already verified the original", async () => {
    const a = createWorld();
    expect((await a.exec('docker pull -q nginx')).exitCode).toBe(0);
    const b = createWorld();
    const rb = await registryOf(b);
    await rb.load('docker.io', 'library/nginx');
    const repo = rb.host('docker.io')!.repos.get('library/nginx')!;
    const img = Registry.platformImage(repo.manifests.get(repo.tags.get('latest')!)!)!;
    const blob = rb.host('docker.io')!.blobs.get(img.layers[0]!.digest)!;
    // The fixture's blob is the very array world a verified: the two registries share it.
    expect((await registryOf(a)).host('docker.io')!.blobs.get(img.layers[0]!.digest)).toBe(blob);
    const corrupt = blob.slice();
    corrupt[20] = (corrupt[20] ?? 0) ^ 1;
    rb.host('docker.io')!.blobs.set(img.layers[0]!.digest, corrupt);
    expect(await b.exec('docker pull nginx')).toMatchObject({
      stderr: `filesystem layer verification failed for digest ${img.layers[0]!.digest}\n`,
      exitCode: 1,
    });
    // World a's registry still serves the original, and a third world pulls it.
    expect((await createWorld().exec('docker pull -q nginx')).stdout).toBe('docker.io/library/nginx:latest\n');
  });
});
