import { beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { Registry } from '../../../src/sim/image/registry.ts';
import { ImageStore } from '../../../src/sim/image/store.ts';
import { ImageService } from '../../../src/sim/image/service.ts';
import { ALPINE_319, ALPINE_320, DEBIAN_12 } from '../../../src/sim/image/bases/catalog.ts';
import { PAUSE_39, ACME_PRIVATE } from '../../../src/sim/image/bases/catalog-more.ts';

const sha = (b: Uint8Array) => 'sha256:' + createHash('sha256').update(b).digest('hex');

let svc: ImageService;
let reg: Registry;
beforeEach(async () => {
  reg = await Registry.fixture([ALPINE_319, ALPINE_320, DEBIAN_12, PAUSE_39, ACME_PRIVATE]);
  svc = new ImageService(new ImageStore(), reg);
});

describe('docker pull', () => {
  it('prints the L8 lines for an untagged pull', async () => {
    const idx = reg.host('docker.io')!.repos.get('library/alpine')!.tags.get('latest')!;
    const img = Registry.platformImage(reg.host('docker.io')!.repos.get('library/alpine')!.manifests.get(idx)!)!;
    const r = await svc.pull('alpine');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'Using default tag: latest',
        'latest: Pulling from library/alpine',
        `${img.layers[0]!.digest.slice(7, 19)}: Pull complete`,
        `Digest: ${idx}`,
        'Status: Downloaded newer image for alpine:latest',
        'docker.io/library/alpine:latest',
        '',
      ].join('\n'),
    );
    // the digest printed is the sha256 of the exact index bytes the registry serves
    expect(sha(reg.host('docker.io')!.repos.get('library/alpine')!.manifests.get(idx)!.bytes)).toBe(idx);
    expect(ImageStore.repoTags(r.image!)).toEqual(['alpine:latest']);
    expect(ImageStore.repoDigests(r.image!)).toEqual([`alpine@${idx}`]);
  });

  it('a second pull is up to date and prints no layers', async () => {
    await svc.pull('alpine:3.19');
    const r = await svc.pull('alpine:3.19');
    expect(r.stdout.split('\n')).toEqual([
      '3.19: Pulling from library/alpine',
      expect.stringMatching(/^Digest: sha256:[a-f0-9]{64}$/),
      'Status: Image is up to date for alpine:3.19',
      'docker.io/library/alpine:3.19',
      '',
    ]);
  });

  it('shared layers say Already exists', async () => {
    await svc.pull('alpine:3.20');
    const r = await svc.pull('alpine:latest');
    expect(r.stdout).toContain('Status: Downloaded newer image for alpine:latest');
    expect(r.stdout).not.toContain('Pull complete');
  });

  it('manifest unknown, word for word', async () => {
    const r = await svc.pull('alpine:9.99');
    expect(r).toMatchObject({
      stdout: '',
      exitCode: 1,
      stderr: 'Error response from daemon: manifest for alpine:9.99 not found: manifest unknown: manifest unknown\n',
    });
  });

  it('pull access denied for a missing or private repository', async () => {
    const denied = (n: string) =>
      `Error response from daemon: pull access denied for ${n}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n`;
    expect(await svc.pull('x/y')).toMatchObject({ stdout: 'Using default tag: latest\n', stderr: denied('x/y'), exitCode: 1 });
    expect((await svc.pull('acme/private-app:1.0')).stderr).toBe(denied('acme/private-app'));
    expect(svc.login(undefined, 'acme', 'secret').stdout).toBe('Login Succeeded\n');
    expect((await svc.pull('acme/private-app:1.0')).exitCode).toBe(0);
  });

  it('a moved tag pulls the new digest; a digest pull never changes', async () => {
    const first = await svc.pull('alpine:3');
    const oldDigest = first.stdout.match(/Digest: (sha256:[a-f0-9]{64})/)![1]!;
    const repo = reg.host('docker.io')!.repos.get('library/alpine')!;
    const d319 = repo.tags.get('3.19')!;
    reg.setTag('docker.io', 'library/alpine', '3', d319);
    const moved = await svc.pull('alpine:3');
    expect(moved.stdout).toContain(`Digest: ${d319}`);
    expect(moved.stdout).toContain('Status: Downloaded newer image for alpine:3');
    const pinned = await svc.pull(`alpine@${oldDigest}`);
    expect(pinned.stdout.split('\n').slice(0, 1)).toEqual([`${oldDigest}: Pulling from library/alpine`]);
    expect(pinned.stdout).toContain(`Digest: ${oldDigest}`);
    expect(pinned.stdout).toContain(`docker.io/library/alpine@${oldDigest}\n`);
  });

  it('docker run output when the image is missing', async () => {
    const r = await svc.ensure('debian');
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').slice(0, 2)).toEqual(["Unable to find image 'debian:latest' locally", 'latest: Pulling from library/debian']);
    expect(r.stderr).toMatch(/Status: Downloaded newer image for debian:latest\n$/);
    expect((await svc.ensure('debian')).stderr).toBe('');
  });

  it('other hosts: registry.k8s.io path, offline localhost:5000, scratch', async () => {
    const p = await svc.pull('registry.k8s.io/pause:3.9');
    expect(p.stdout.split('\n')[0]).toBe('3.9: Pulling from pause');
    expect(p.stdout).toContain('registry.k8s.io/pause:3.9\n');
    expect((await svc.pull('localhost:5000/demo:1.3.0')).stderr).toBe(
      'Error response from daemon: Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused\n',
    );
    expect((await svc.pull('scratch')).stderr).toBe("Error response from daemon: 'scratch' is a reserved name\n");
    expect((await svc.pull('Alpine')).stderr).toBe('invalid reference format: repository name (library/Alpine) must be lowercase\n');
  });
});

describe('docker push', () => {
  it('pushes, then says Layer already exists, and the tag moves on re-push', async () => {
    reg.setOnline('localhost:5000', true);
    await svc.pull('alpine:3.19');
    expect(svc.store.tag('alpine:3.19', 'localhost:5000/demo:1.3.0').exitCode).toBe(0);
    const first = await svc.push('localhost:5000/demo:1.3.0');
    const layer = svc.store.lookup('alpine:3.19')!.image.layers[0]!;
    const m = first.stdout.match(/^1\.3\.0: digest: (sha256:[a-f0-9]{64}) size: (\d+)$/m)!;
    expect(first.stdout).toBe(`The push refers to repository [localhost:5000/demo]\n${layer.diffId.slice(7, 19)}: Pushed\n${m[0]}\n`);
    const rec = reg
      .host('localhost:5000')!
      .repos.get('demo')!
      .manifests.get(m[1] as `sha256:${string}`)!;
    expect(sha(rec.bytes)).toBe(m[1]);
    expect(rec.bytes.length).toBe(Number(m[2]));
    const again = await svc.push('localhost:5000/demo:1.3.0');
    expect(again.stdout).toContain(`${layer.diffId.slice(7, 19)}: Layer already exists\n`);
    expect(again.stdout).toContain(m[0]);
    expect(ImageStore.repoDigests(svc.store.lookup('localhost:5000/demo:1.3.0')!)).toContain(`localhost:5000/demo@${m[1]}`);
  });

  it('errors: no local tag, registry down, docker.io without login', async () => {
    expect(await svc.push('localhost:5000/nope')).toEqual({
      stdout: 'Using default tag: latest\nThe push refers to repository [localhost:5000/nope]\n',
      stderr: 'An image does not exist locally with the tag: localhost:5000/nope\n',
      exitCode: 1,
    });
    await svc.pull('alpine:3.19');
    svc.store.tag('alpine:3.19', 'localhost:5000/demo:1');
    expect((await svc.push('localhost:5000/demo:1')).stderr).toBe('Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused\n');
    svc.store.tag('alpine:3.19', 'demo:1');
    const d = await svc.push('demo:1');
    expect(d.stderr).toBe('denied: requested access to the resource is denied\n');
    expect(d.stdout.split('\n')[0]).toBe('The push refers to repository [docker.io/library/demo]');
  });
});

describe('pull verifies content', () => {
  it('a blob that does not hash to its digest fails the pull', async () => {
    const repo = reg.host('docker.io')!.repos.get('library/debian')!;
    const img = Registry.platformImage(repo.manifests.get(repo.tags.get('12')!)!)!;
    const blob = reg.host('docker.io')!.blobs.get(img.layers[0]!.digest)!;
    const corrupt = blob.slice();
    corrupt[20] ^= 1;
    reg.host('docker.io')!.blobs.set(img.layers[0]!.digest, corrupt);
    const r = await svc.pull('debian:12');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(`filesystem layer verification failed for digest ${img.layers[0]!.digest}\n`);
    expect(svc.store.all()).toEqual([]);
  });
});

describe('containerd pulls for the kubelet', () => {
  it('imageID is repo@digest; a missing tag gives the §3 event text', async () => {
    const idx = reg.host('docker.io')!.repos.get('library/alpine')!.tags.get('3.19')!;
    expect(await svc.criPull('alpine:3.19')).toMatchObject({ ok: true, imageID: `docker.io/library/alpine@${idx}` });
    expect(await svc.criPull('alpine:1.99')).toEqual({
      ok: false,
      reason: 'ErrImagePull',
      message:
        'Failed to pull image "alpine:1.99": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/alpine:1.99": failed to resolve reference "docker.io/library/alpine:1.99": docker.io/library/alpine:1.99: not found',
    });
  });
});

describe('lazy fixture registry', () => {
  it('builds a repository only when it is first pulled, with the same digests', async () => {
    const lazy = await Registry.fixture([ALPINE_319, ALPINE_320, DEBIAN_12], { lazy: true });
    expect(lazy.snapshot()).toEqual({});
    const s = new ImageService(new ImageStore(), lazy);
    const r = await s.pull('alpine:3.19');
    expect(r.exitCode).toBe(0);
    expect(lazy.snapshot()['docker.io/library/alpine']).toEqual(reg.snapshot()['docker.io/library/alpine']);
    expect(lazy.snapshot()['docker.io/library/debian']).toBeUndefined();
    expect((await s.pull('nope/nothing')).stderr).toContain('pull access denied for nope/nothing');
  });
});
