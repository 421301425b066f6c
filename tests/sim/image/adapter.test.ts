import { describe, expect, it } from 'vitest';
import { Registry } from '../../../src/sim/image/registry.ts';
import { registryImageSource } from '../../../src/sim/image/adapter.ts';
import { ALPINE_320, DEBIAN_12, NGINX_125 } from '../../../src/sim/image/bases/catalog.ts';
import { STRESS, ZOMBIE_MAKER } from '../../../src/sim/image/bases/catalog-more.ts';
import { NGINX_INDEX_HTML } from '../../../src/sim/image/bases/nginx-files.ts';

describe('ImageSource adapter for the daemon', () => {
  it('resolves references to the content-addressed images', async () => {
    const reg = await Registry.fixture([ALPINE_320, DEBIAN_12, NGINX_125, STRESS, ZOMBIE_MAKER]);
    const src = registryImageSource(reg);
    const nginx = src.resolve('nginx')!;
    expect(nginx.ref).toBe('nginx:latest');
    expect(nginx.digest).toBe(reg.host('docker.io')!.repos.get('library/nginx')!.tags.get('latest'));
    expect(nginx.id).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(nginx.layers).toHaveLength(7);
    expect(nginx.config).toMatchObject({
      Cmd: ['nginx', '-g', 'daemon off;'],
      Entrypoint: ['/docker-entrypoint.sh'],
      StopSignal: 'SIGQUIT',
      ExposedPorts: { '80/tcp': {} },
    });
    expect(nginx.flavor).toBe('coreutils');
    expect(nginx.commands).toEqual(expect.arrayContaining(['bash', 'nginx', 'ls', 'hostname']));
    expect(nginx.commands).not.toContain('ps');
    expect(nginx.files['/usr/share/nginx/html/index.html']).toBe(NGINX_INDEX_HTML);
    // Debian's /etc/os-release is a link to ../usr/lib/os-release (base-files), kept as one; its target holds the text.
    expect(nginx.fileLinks?.['/etc/os-release']).toBe('../usr/lib/os-release');
    expect(nginx.files['/usr/lib/os-release']).toContain('bookworm');
    const alpine = src.resolve('alpine:3.20')!;
    expect(alpine.flavor).toBe('busybox');
    expect(alpine.commands).toEqual(expect.arrayContaining(['sh', 'ps', 'ip', 'nsenter', 'unshare', 'busybox']));
    expect(alpine.files['/etc/alpine-release']).toBe('3.20.3\n');
    expect(src.resolve('zombie-maker:1.0')!.config.Entrypoint).toEqual(['/usr/local/bin/zombie-maker']);
    expect(src.resolve('progrium/stress')!.config.Entrypoint).toEqual(['/usr/bin/stress', '--verbose']);
    expect(src.resolve('alpine:9.99')).toBeUndefined();
    expect(src.resolve('Bad Ref')).toBeUndefined();
  });
});
