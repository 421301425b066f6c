import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import type { SimWorld } from '../../src/sim/world.ts';
import { parseTranscript } from './replay.ts';

/**
 * The values the fixture makes random on purpose (digests, image IDs, overlay
 * paths, anonymous volume names) must agree across commands: the golden
 * transcripts pin them, these tests check that the same value is printed
 * everywhere it appears and that it is the sha256 of the content it names.
 */
const steps = (name: string) => parseTranscript(readFileSync(join(import.meta.dirname, `${name}.transcript.txt`), 'utf8'));
const out = (name: string, line: string) => {
  const s = steps(name).find((x) => x.line === line);
  if (!s) throw new Error(`no step ${line} in ${name}`);
  return s.output;
};
const sha256 = (b: Uint8Array) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

async function replay(name: string): Promise<SimWorld> {
  const w = createWorld() as SimWorld;
  for (const s of steps(name)) await w.exec(s.line);
  return w;
}

describe('L8: one digest from pull and push to images, inspect and the registry', () => {
  it('alpine: the pull Digest, docker images --digests, RepoDigests and the manifest bytes agree', async () => {
    const digest = /^Digest: (sha256:[0-9a-f]{64})$/m.exec(out('L08', 'docker pull alpine'))![1]!;
    const row = out('L08', 'docker images --digests').split('\n')[1]!.split(/\s+/);
    expect(row.slice(0, 3)).toEqual(['alpine', 'latest', digest]);
    const [id, repoDigests] = out('L08', "docker image inspect -f '{{.Id}} {{json .RepoDigests}}' alpine").trim().split(' ');
    expect(JSON.parse(repoDigests!)).toEqual([`alpine@${digest}`]);
    expect(id!.slice(7, 19)).toBe(row[3]);
    const w = await replay('L08');
    const lib = w.daemon.lib!;
    const res = lib.registry.resolve('docker.io', 'library/alpine', { tag: 'latest' }, false);
    if (!res.ok) throw new Error('alpine:latest not in the registry');
    expect(sha256(res.record.bytes)).toBe(digest);
    const li = lib.store.lookup('alpine')!;
    expect(sha256(li.image.configBytes)).toBe(id);
    // diffIDs are the sha256 of the uncompressed layer tars, never the compressed digests
    expect(li.image.layers.map((l) => l.diffId)).not.toEqual(li.image.layers.map((l) => l.digest));
  });

  it('localhost:5000/demo: push digest = images --digests = RepoDigests = pull Digest; E8.2 five tags on one digest', async () => {
    const pushed = /^1\.3\.0: digest: (sha256:[0-9a-f]{64}) size: \d+$/m.exec(out('L08', 'docker push localhost:5000/demo:1.3.0'))![1]!;
    expect(
      out('L08', 'docker images --digests localhost:5000/demo')
        .split('\n')
        .find((l) => /\s1\.3\.0\s/.test(l)),
    ).toContain(pushed);
    expect(out('L08', "docker image inspect -f '{{json .RepoDigests}}' demo:build").trim()).toBe(`["localhost:5000/demo@${pushed}"]`);
    expect(out('L08', 'docker pull localhost:5000/demo:1.3.0')).toContain(`Digest: ${pushed}\n`);
    const release = /^1\.3\.1: digest: (sha256:[0-9a-f]{64})/m.exec(out('L08', 'docker push localhost:5000/demo:1.3.1'))![1]!;
    expect(release).not.toBe(pushed);
    const w = await replay('L08');
    const tags = w.snapshot().registry['localhost:5000/demo']!;
    expect(tags).toEqual({ '1': release, '1.3': release, '1.3.0': pushed, '1.3.1': release, '5ba6bfd': release, latest: release });
    const rec = w.daemon
      .lib!.registry.host('localhost:5000')!
      .repos.get('demo')!
      .manifests.get(pushed as `sha256:${string}`)!;
    expect(sha256(rec.bytes)).toBe(pushed);
  });
});

describe('L7: overlay paths and volumes agree across commands', () => {
  it('the upperdir of docker inspect is the one mount shows and the one holding the whiteout', () => {
    const upper = out('L07', "docker inspect -f '{{.GraphDriver.Data.UpperDir}}' web").trim();
    expect(upper).toMatch(/^\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/diff$/);
    expect(out('L07', 'docker exec web mount | grep overlay')).toContain(`upperdir=${upper},workdir=${upper.replace(/diff$/, 'work')})`);
    expect(out('L07', "sudo ls -l $(docker inspect -f '{{.GraphDriver.Data.UpperDir}}' web)/etc/nginx/conf.d")).toMatch(
      /^total 0\nc--------- 2 root root 0, 0 .* default\.conf\n$/,
    );
  });

  it('the anonymous volume of v1 is the dangling one and the one prune deletes', () => {
    const dangling = out('L07', 'docker volume ls -f dangling=true').split('\n')[1]!.split(/\s+/)[1]!;
    expect(dangling).toMatch(/^[0-9a-f]{64}$/);
    expect(out('L07', 'docker volume prune -f')).toBe(`Deleted Volumes:\n${dangling}\n\nTotal reclaimed space: 0B\n`);
  });

  it('E7.1: notes keeps hello.txt after its writer is removed, and a new container reads it', async () => {
    const w = createWorld();
    for (const line of ['docker volume create notes', "docker run --name writer -v notes:/data alpine sh -c 'echo hi > /data/hello.txt'", 'docker rm writer'])
      await w.exec(line);
    const snap = w.snapshot();
    expect(snap.containers.map((c) => c.name)).not.toContain('writer');
    expect(snap.volumes).toEqual([{ name: 'notes', anonymous: false, mountpoint: '/var/lib/docker/volumes/notes/_data', files: { 'hello.txt': 'hi\n' } }]);
    expect(await w.exec('docker run --rm --mount type=volume,source=notes,target=/data alpine cat /data/hello.txt')).toEqual({
      stdout: 'hi\n',
      stderr: '',
      exitCode: 0,
    });
    expect((await w.exec('docker volume rm notes')).stdout).toBe('notes\n');
  });
});

describe('L9: the build cache through the world (E9.2)', () => {
  it('editing a source file keeps the dependency step CACHED; with COPY . . above it the cache is lost', () => {
    const good = out('L09', 'docker build -t hello:2 .');
    expect(good).toContain(' => CACHED [build 3/6] COPY go.mod go.sum ./ ');
    expect(good).toContain(' => CACHED [build 4/6] RUN go mod download ');
    expect(good).toMatch(/ => \[build 5\/6\] COPY \. \. +0\.1s/);
    const bad = out('L09', 'docker build -f Dockerfile.bad -t hello:bad .');
    expect(bad).toMatch(/ => \[build 4\/5\] RUN go mod download +\d/);
    expect(bad).not.toContain('CACHED [build 4/5]');
  });

  it('the stale apt layer fails with 404 and exit code 100 (CURRICULUM §3)', () => {
    const r = out('L09', 'docker build -f Dockerfile.apt -t apt:2 .');
    expect(r).toContain(' => CACHED [2/3] RUN apt-get update ');
    expect(r).toMatch(/E: Failed to fetch http:\/\/deb\.debian\.org\/debian\/pool\/main\/n\/nginx\/nginx_1\.22\.1-9_amd64\.deb {2}404 {2}Not Found/);
    expect(r).toMatch(/ERROR: failed to solve: process "\/bin\/sh -c apt-get install -y nginx curl" did not complete successfully: exit code: 100\n$/);
  });
});
