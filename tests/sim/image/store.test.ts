import { beforeEach, describe, expect, it } from 'vitest';
import { Registry } from '../../../src/sim/image/registry.ts';
import { ImageStore } from '../../../src/sim/image/store.ts';
import { ImageService } from '../../../src/sim/image/service.ts';
import { formatHistory, formatImages, inspectImage, tabwrite } from '../../../src/sim/image/format.ts';
import { chainIds } from '../../../src/sim/image/digest.ts';
import { ALPINE_320, DEBIAN_12_SLIM, NGINX_125 } from '../../../src/sim/image/bases/catalog.ts';

const NOW = Date.parse('2024-09-16T11:45:00Z');
let svc: ImageService;
beforeEach(async () => {
  svc = new ImageService(new ImageStore(), await Registry.fixture([ALPINE_320, DEBIAN_12_SLIM, NGINX_125]));
});

describe('local image store', () => {
  it('docker images / --digests / -q / dangling filter', async () => {
    await svc.pull('alpine');
    await svc.pull('nginx:1.25');
    const li = svc.store.lookup('nginx:1.25')!;
    const a = svc.store.lookup('alpine')!;
    expect(formatImages(svc.store, { nowMs: NOW })).toBe(
      tabwrite([
        ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'],
        ['alpine', 'latest', a.image.id.slice(7, 19), '9 days ago', '7.8MB'],
        ['nginx', '1.25', li.image.id.slice(7, 19), '3 months ago', '187MB'],
      ]),
    );
    const digests = formatImages(svc.store, { nowMs: NOW, digests: true }).split('\n');
    expect(digests[0]).toBe(
      'REPOSITORY   TAG       DIGEST                                                                    IMAGE ID       CREATED        SIZE',
    );
    expect(digests[2]).toBe(`nginx        1.25      ${[...li.digests][0]!.split('@')[1]}   ${li.image.id.slice(7, 19)}   3 months ago   187MB`);
    expect(formatImages(svc.store, { nowMs: NOW, quiet: true })).toBe(`${a.image.id.slice(7, 19)}\n${li.image.id.slice(7, 19)}\n`);
    expect(formatImages(svc.store, { nowMs: NOW, dangling: true })).toBe('REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n');
    expect(formatImages(svc.store, { nowMs: NOW, references: ['nginx'] }).split('\n')).toHaveLength(3);
  });

  it('image inspect shows Id, RepoTags, RepoDigests, RootFS.Layers (diffIDs, not blob digests), Config', async () => {
    await svc.pull('nginx:1.25');
    const li = svc.store.lookup('nginx:1.25')!;
    const doc = inspectImage(li) as {
      Id: string;
      RepoTags: string[];
      RepoDigests: string[];
      RootFS: { Layers: string[] };
      Config: { Cmd: string[]; StopSignal: string };
      Size: number;
    };
    expect(doc.Id).toBe(li.image.id);
    expect(doc.RepoTags).toEqual(['nginx:1.25']);
    expect(doc.RepoDigests).toEqual([`nginx@${svc.registry.host('docker.io')!.repos.get('library/nginx')!.tags.get('1.25')}`]);
    expect(doc.RootFS.Layers).toEqual(li.image.layers.map((l) => l.diffId));
    expect(doc.RootFS.Layers).not.toEqual(li.image.layers.map((l) => l.digest));
    expect(doc.Config.Cmd).toEqual(['nginx', '-g', 'daemon off;']);
    expect(doc.Config.StopSignal).toBe('SIGQUIT');
    expect(doc.Size).toBe(li.image.size);
  });

  it('docker history: top row has the ID, the rest <missing>, sizes from content', async () => {
    await svc.pull('nginx:1.25');
    const h = formatHistory(svc.store.lookup('nginx:1.25')!, { nowMs: NOW }).split('\n');
    expect(h[0]).toBe('IMAGE          CREATED        CREATED BY                                      SIZE      COMMENT');
    expect(h[1]).toMatch(/^[a-f0-9]{12}   3 months ago   CMD \["nginx" "-g" "daemon off;"\]                0B        buildkit\.dockerfile\.v0$/);
    expect(h[2]).toMatch(/^<missing>      3 months ago   STOPSIGNAL SIGQUIT/);
    expect(h.find((l) => l.includes('COPY docker-entrypoint.sh'))).toMatch(/ \d\.\d\dkB +buildkit/);
    expect(h.find((l) => l.includes('RUN /bin/sh -c set -x'))).toMatch(/RUN \/bin\/sh -c set -x     && groupadd --syst… +112MB +buildkit/);
    expect(h.at(-2)).toMatch(/^<missing> +3 months ago +\/bin\/sh -c #\(nop\) ADD file:[a-f0-9]+… +74\.8MB {4}$/);
    const full = formatHistory(svc.store.lookup('nginx:1.25')!, { nowMs: NOW, noTrunc: true });
    expect(full).toContain(svc.store.lookup('nginx:1.25')!.image.id);
  });

  it('tag, rmi (untag vs delete, layers freed top first), conflicts, prune', async () => {
    await svc.pull('alpine:3.20');
    const li = svc.store.lookup('alpine:3.20')!;
    expect(svc.store.tag('alpine:3.20', 'localhost:5000/demo:1.3.0').exitCode).toBe(0);
    expect(svc.store.tag('nope', 'x')).toEqual({ stdout: '', stderr: 'Error response from daemon: No such image: nope:latest\n', exitCode: 1 });
    expect(ImageStore.repoTags(li)).toEqual(['alpine:3.20', 'localhost:5000/demo:1.3.0']);
    const short = li.image.id.slice(7, 19);
    expect((await svc.store.rmi([short])).stderr).toBe(
      `Error response from daemon: conflict: unable to delete ${short} (must be forced) - image is referenced in multiple repositories\n`,
    );
    expect(await svc.store.rmi(['localhost:5000/demo:1.3.0'])).toEqual({ stdout: 'Untagged: localhost:5000/demo:1.3.0\n', stderr: '', exitCode: 0 });
    expect((await svc.store.rmi(['alpine:3.20'], { usedBy: () => ({ container: 'c0ffee123456', running: false }) })).stderr).toBe(
      `Error response from daemon: conflict: unable to remove repository reference "alpine:3.20" (must force) - container c0ffee123456 is using its referenced image ${short}\n`,
    );
    const digest = [...li.digests][0]!.split('@')[1];
    const chains = await chainIds(li.image.layers.map((l) => l.diffId));
    expect(await svc.store.rmi(['alpine:3.20'])).toEqual({
      stdout: `Untagged: alpine:3.20\nUntagged: alpine@${digest}\nDeleted: ${li.image.id}\nDeleted: ${chains[0]}\n`,
      stderr: '',
      exitCode: 0,
    });
    expect((await svc.store.rmi(['alpine:3.20'])).stderr).toBe('Error response from daemon: No such image: alpine:3.20\n');
  });

  it('a tag moved by a newer pull leaves the old image as <none>; prune removes dangling ones', async () => {
    await svc.pull('alpine:3.20');
    svc.store.tag('alpine:3.20', 'demo:1');
    svc.store.tag('nginx:1.25', 'demo:1');
    await svc.pull('nginx:1.25');
    svc.store.tag('nginx:1.25', 'demo:1');
    expect(formatImages(svc.store, { nowMs: NOW, references: ['demo'] })).toMatch(/^demo +1 /m);
    expect((await svc.store.prune()).stdout).toBe('Total reclaimed space: 0B\n');
    const r = await svc.store.prune({ all: true, inUse: () => false });
    expect(r.stdout).toMatch(/^Deleted Images:\nuntagged: /);
    expect(r.stdout).toMatch(/\n\nTotal reclaimed space: 195MB\n$/);
    expect(svc.store.all()).toEqual([]);
  });
});

describe('dangling images', () => {
  it('rebuilding a tag leaves the old image as <none> <none>; image prune removes it', async () => {
    const { Builder } = await import('../../../src/sim/build/builder.ts');
    const b = new Builder(svc);
    const build = (text: string) =>
      b.build({
        context: new Map([
          ['Dockerfile', { data: 'FROM alpine:3.20\nCOPY a /a\n' }],
          ['a', { data: text }],
        ]),
        tags: ['demo:1'],
        nowMs: NOW,
      });
    const old = (await build('one')).image!;
    await build('two');
    expect(ImageStore.dangling(old)).toBe(true);
    const rows = formatImages(svc.store, { nowMs: NOW + 120_000, dangling: true }).split('\n');
    expect(rows[1]).toBe(`<none>       <none>    ${old.image.id.slice(7, 19)}   About a minute ago   7.8MB`);
    const pruned = await svc.store.prune();
    expect(pruned.stdout).toBe(
      `Deleted Images:\ndeleted: ${old.image.id}\ndeleted: ${(await chainIds(old.image.layers.map((l) => l.diffId)))[1]}\n\nTotal reclaimed space: 3B\n`,
    );
  });
});
