import { describe, expect, it } from 'vitest';
import { materialize } from '../../../src/sim/image/bases/define.ts';
import { NGINX_125, DEBIAN_12 } from '../../../src/sim/image/bases/catalog.ts';
import { containerRootfs, commitImage, imageGraphDriver } from '../../../src/sim/image/container-fs.ts';
import { OverlayError, formatDiff } from '../../../src/sim/image/overlay.ts';
import { fromUtf8, utf8 } from '../../../src/sim/image/digest.ts';
import { NGINX_INDEX_HTML } from '../../../src/sim/image/bases/nginx-files.ts';

const RW = 'a'.repeat(64);
const nginx = async () => (await materialize(NGINX_125)).images[0]!;

describe('overlay root', () => {
  it('reads fall through the layers, symlinks resolve', async () => {
    const { root } = await containerRootfs(await nginx(), { rwId: RW });
    expect(fromUtf8(root.readFile('/usr/share/nginx/html/index.html'))).toBe(NGINX_INDEX_HTML);
    expect(fromUtf8(root.readFile('/etc/os-release'))).toContain('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"');
    expect(root.stat('/bin/bash')?.type).toBe('file');
    expect(root.lstat('/bin')?.type).toBe('symlink');
    expect(root.readdir('/etc/nginx')).toEqual(['conf.d', 'fastcgi_params', 'mime.types', 'modules', 'nginx.conf', 'scgi_params', 'uwsgi_params']);
    expect(root.readdir('/')).toContain('docker-entrypoint.d');
    expect(root.readdir('/')).toContain('.dockerenv');
    expect(root.diff()).toEqual([]);
  });

  it('the L7 session: rm a lower file, write a new one, docker diff', async () => {
    const { root } = await containerRootfs(await nginx(), { rwId: RW });
    root.remove('/etc/nginx/conf.d/default.conf');
    root.writeFile('/tmp/new.txt', utf8('hi\n'));
    root.writeFile('/run/nginx.pid', utf8('1\n'));
    root.mkdir('/var/cache/nginx/client_temp');
    expect(formatDiff(root.diff())).toBe(
      [
        'C /etc',
        'C /etc/nginx',
        'C /etc/nginx/conf.d',
        'D /etc/nginx/conf.d/default.conf',
        'C /run',
        'A /run/nginx.pid',
        'C /tmp',
        'A /tmp/new.txt',
        'C /var',
        'C /var/cache',
        'C /var/cache/nginx',
        'A /var/cache/nginx/client_temp',
        '',
      ].join('\n'),
    );
    expect(root.exists('/etc/nginx/conf.d/default.conf')).toBe(false);
    expect(root.readdir('/etc/nginx/conf.d')).toEqual([]);
    expect(root.upperListing('/etc/nginx/conf.d')).toEqual([{ name: 'default.conf', kind: 'chardev', mode: 0, size: 0, major: 0, minor: 0 }]);
  });

  it('a file created then deleted leaves nothing; a dir recreated over a whiteout is opaque', async () => {
    const { root } = await containerRootfs(await nginx(), { rwId: RW });
    root.writeFile('/tmp/x', utf8('x'));
    root.remove('/tmp/x');
    expect(root.diff()).toEqual([{ kind: 'C', path: '/tmp' }]);
    root.remove('/etc/nginx', { recursive: true });
    expect(root.diff().filter((c) => c.path.startsWith('/etc/nginx'))).toEqual([{ kind: 'D', path: '/etc/nginx' }]);
    root.mkdir('/etc/nginx');
    expect(root.readdir('/etc/nginx')).toEqual([]);
    expect(root.upper.get('/etc/nginx')).toMatchObject({ type: 'dir', opaque: true });
  });

  it('errors are errno-like and --read-only is honoured', async () => {
    const { root } = await containerRootfs(await nginx(), { rwId: RW, readOnly: true });
    expect(() => root.writeFile('/x', utf8(''))).toThrow(OverlayError);
    try {
      root.writeFile('/x', utf8(''));
    } catch (e) {
      expect((e as OverlayError).code).toBe('EROFS');
    }
    const rw = (await containerRootfs(await nginx(), { rwId: RW })).root;
    expect(() => rw.remove('/nope')).toThrow("ENOENT: No such file or directory, '/nope'");
    expect(() => rw.remove('/etc')).toThrow('ENOTEMPTY');
    expect(() => rw.mkdir('/etc')).toThrow('EEXIST');
  });

  it('mount line and GraphDriver have the real shape', async () => {
    const img = await nginx();
    const { mountLine, graphDriver, links } = await containerRootfs(img, { rwId: RW });
    expect(links).toHaveLength(img.layers.length + 1);
    for (const l of links) expect(l).toMatch(/^[A-Z2-7]{26}$/);
    expect(mountLine).toBe(
      `overlay on / type overlay (rw,relatime,lowerdir=${links.map((l) => `/var/lib/docker/overlay2/l/${l}`).join(':')},upperdir=/var/lib/docker/overlay2/${RW}/diff,workdir=/var/lib/docker/overlay2/${RW}/work)`,
    );
    expect(graphDriver.LowerDir!.split(':')[0]).toBe(`/var/lib/docker/overlay2/${RW}-init/diff`);
    expect(graphDriver.LowerDir!.split(':')).toHaveLength(img.layers.length + 1);
    expect(graphDriver.MergedDir).toBe(`/var/lib/docker/overlay2/${RW}/merged`);
    const ig = (await imageGraphDriver(img))!;
    expect(ig.UpperDir).toMatch(/^\/var\/lib\/docker\/overlay2\/[a-f0-9]{64}\/diff$/);
    expect(ig.LowerDir!.split(':')).toHaveLength(img.layers.length - 1);
  });

  it('docker commit turns the upperdir into one more layer', async () => {
    const base = (await materialize(DEBIAN_12)).images[0]!;
    const { root } = await containerRootfs(base, { rwId: RW });
    root.writeFile('/root/notes.txt', utf8('hello\n'));
    root.remove('/etc/debian_version');
    const img = await commitImage(base, root, {
      createdBy: 'bash',
      createdMs: Date.parse('2024-07-01T00:00:00Z'),
      config: base.config.config,
      message: 'notes',
    });
    expect(img.layers).toHaveLength(2);
    expect(img.config.rootfs.diff_ids[0]).toBe(base.layers[0]!.diffId);
    expect(img.layers[1]!.size).toBe(6);
    expect([...img.layers[1]!.tree.keys()]).toEqual(['/etc', '/etc/debian_version', '/root', '/root/notes.txt']);
    expect(img.config.history.at(-1)).toEqual({ created: '2024-07-01T00:00:00Z', created_by: 'bash', comment: 'notes' });
  });
});

describe('image inspect GraphDriver', () => {
  it('carries the overlay2 dirs of the image layers', async () => {
    const { inspectImage } = await import('../../../src/sim/image/format.ts');
    const { ImageStore } = await import('../../../src/sim/image/store.ts');
    const img = await nginx();
    const li = await new ImageStore().add(img);
    const doc = inspectImage(li, await imageGraphDriver(img)) as { GraphDriver: { Name: string; Data: Record<string, string> } };
    expect(doc.GraphDriver.Name).toBe('overlay2');
    expect(doc.GraphDriver.Data.UpperDir).toMatch(/^\/var\/lib\/docker\/overlay2\/[a-f0-9]{64}\/diff$/);
  });
});
