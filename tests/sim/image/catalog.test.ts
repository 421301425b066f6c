import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../src/sim/image/bases/catalog-more.ts';
import { materialize } from '../../../src/sim/image/bases/define.ts';
import { OverlayRoot } from '../../../src/sim/image/overlay.ts';
import { joinPath } from '../../../src/sim/image/tree.ts';
import { humanSize } from '../../../src/sim/image/units.ts';

const PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

describe('fixture catalog', () => {
  it('every image: symlinks resolve, the command it runs exists, history matches layers', async () => {
    for (const def of CATALOG) {
      const { images } = await materialize(def);
      for (const img of images) {
        const name = `${def.repo}:${def.tags[0]} (${img.config.architecture})`;
        const root = new OverlayRoot(img.layers.map((l) => l.tree));
        for (const l of img.layers) {
          for (const [p, e] of l.tree) {
            if (e.type !== 'symlink' || /^\/(dev|proc)\//.test(e.target)) continue;
            expect(root.stat(p), `${name}: dangling symlink ${p} -> ${e.target}`).toBeDefined();
          }
        }
        const argv = [...(img.config.config.Entrypoint ?? []), ...(img.config.config.Cmd ?? [])];
        if (argv.length === 0) continue;
        const exe = argv[0]!;
        const found = exe.startsWith('/') ? root.stat(exe) : PATH.map((d) => root.stat(joinPath(d, exe))).find(Boolean);
        expect(found?.type, `${name}: ${exe} not found`).toBe('file');
        expect(img.config.history.filter((h) => !h.empty_layer)).toHaveLength(img.layers.length);
      }
    }
  });

  it('sizes as docker images shows them', async () => {
    const size = async (repo: string, tag: string) => {
      const def = CATALOG.find((d) => d.repo === repo && d.tags.includes(tag))!;
      return humanSize((await materialize(def)).images[0]!.size);
    };
    expect(await size('docker.io/library/alpine', '3.19')).toBe('7.38MB');
    expect(await size('docker.io/library/alpine', 'latest')).toBe('7.8MB');
    expect(await size('docker.io/library/debian', '12')).toBe('117MB');
    expect(await size('docker.io/library/debian', '12-slim')).toBe('74.8MB');
    expect(await size('docker.io/library/nginx', '1.25')).toBe('187MB');
    expect(await size('docker.io/library/golang', '1.22')).toBe('814MB');
    expect(await size('docker.io/library/node', '20')).toBe('1.1GB');
    expect(await size('gcr.io/distroless/static', 'latest')).toBe('1.98MB');
    expect(await size('registry.k8s.io/pause', '3.9')).toBe('744kB');
  });
});
