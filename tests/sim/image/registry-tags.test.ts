import { describe, expect, it } from 'vitest';
import { Registry } from '../../../src/sim/image/registry.ts';
import { ImageStore } from '../../../src/sim/image/store.ts';
import { ImageService } from '../../../src/sim/image/service.ts';
import { Builder } from '../../../src/sim/build/builder.ts';
import { ALPINE_320 } from '../../../src/sim/image/bases/catalog.ts';

const T0 = Date.parse('2024-09-16T11:45:00Z');

async function setup() {
  const reg = await Registry.fixture([ALPINE_320]);
  reg.setOnline('localhost:5000', true);
  const svc = new ImageService(new ImageStore(), reg);
  const builder = new Builder(svc);
  const build = (app: string, tag: string, nowMs = T0) =>
    builder.build({
      context: new Map([
        ['Dockerfile', { data: 'FROM alpine:3.20\nCOPY app.txt /app.txt\n' }],
        ['app.txt', { data: app }],
      ]),
      tags: [tag],
      nowMs,
    });
  return { reg, svc, build };
}

const digestOf = (out: string) => /digest: (sha256:[a-f0-9]{64}) size: \d+/.exec(out)![1];

describe('mutable tags in the registry (L8)', () => {
  it('E8.2: one release under five tags; 1.3.0 keeps its old digest', async () => {
    const { reg, svc, build } = await setup();
    await build('v1.3.0', 'localhost:5000/demo:1.3.0');
    const old = digestOf((await svc.push('localhost:5000/demo:1.3.0')).stdout);
    await build('v1.3.1', 'localhost:5000/demo:1.3.1', T0 + 60_000);
    for (const t of ['1.3', '1', 'latest', '5ba6bfd']) svc.store.tag('localhost:5000/demo:1.3.1', `localhost:5000/demo:${t}`);
    const outs = [];
    for (const t of ['1.3.1', '1.3', '1', 'latest', '5ba6bfd']) outs.push((await svc.push(`localhost:5000/demo:${t}`)).stdout);
    const d = digestOf(outs[0]!);
    expect(outs.map(digestOf)).toEqual([d, d, d, d, d]);
    expect(outs[1]).toMatch(/: Layer already exists\n1\.3: digest: /);
    expect(reg.snapshot()['localhost:5000/demo']).toEqual({ '1': d, '1.3': d, '1.3.0': old, '1.3.1': d, '5ba6bfd': d, latest: d });
    expect(d).not.toBe(old);
  });

  it('re-pushing a rebuilt 1.3.0 moves the tag; a pull by tag follows it, a pull by digest does not', async () => {
    const { svc, build } = await setup();
    await build('first', 'localhost:5000/demo:1.3.0');
    const first = digestOf((await svc.push('localhost:5000/demo:1.3.0')).stdout);
    await build('second', 'localhost:5000/demo:1.3.0', T0 + 60_000);
    const second = digestOf((await svc.push('localhost:5000/demo:1.3.0')).stdout);
    expect(second).not.toBe(first);
    const other = new ImageService(new ImageStore(), svc.registry);
    expect((await other.pull('localhost:5000/demo:1.3.0')).stdout).toContain(`Digest: ${second}\n`);
    const pinned = await other.pull(`localhost:5000/demo@${first}`);
    expect(pinned.stdout.split('\n')).toEqual([
      `${first}: Pulling from demo`,
      expect.stringMatching(/^[a-f0-9]{12}: Already exists$/),
      expect.stringMatching(/^[a-f0-9]{12}: Pull complete$/),
      `Digest: ${first}`,
      `Status: Downloaded newer image for localhost:5000/demo@${first}`,
      `localhost:5000/demo@${first}`,
      '',
    ]);
  });

  it('a layer another repository of the host already has is "Mounted from"', async () => {
    const { svc, build } = await setup();
    await build('x', 'localhost:5000/team/a:1');
    await svc.push('localhost:5000/team/a:1');
    svc.store.tag('localhost:5000/team/a:1', 'localhost:5000/team/b:1');
    const out = (await svc.push('localhost:5000/team/b:1')).stdout.split('\n');
    expect(out.slice(1, 3)).toEqual([
      expect.stringMatching(/^[a-f0-9]{12}: Mounted from team\/a$/),
      expect.stringMatching(/^[a-f0-9]{12}: Mounted from team\/a$/),
    ]);
  });

  it('push lists layers top first, named by diffID', async () => {
    const { svc, build } = await setup();
    const img = (await build('x', 'localhost:5000/demo:1')).image!.image;
    const out = (await svc.push('localhost:5000/demo:1')).stdout.split('\n');
    expect(out.slice(1, 3)).toEqual([`${img.layers[1]!.diffId.slice(7, 19)}: Pushed`, `${img.layers[0]!.diffId.slice(7, 19)}: Pushed`]);
  });
});
