import { describe, expect, it } from 'vitest';
import { VolumeStore } from '../../../src/sim/image/volumes.ts';
import { materialize } from '../../../src/sim/image/bases/define.ts';
import { NGINX_125 } from '../../../src/sim/image/bases/catalog.ts';
import { containerRootfs } from '../../../src/sim/image/container-fs.ts';
import { utf8 } from '../../../src/sim/image/digest.ts';

const NOW = Date.parse('2024-09-16T11:45:00Z');
const ANON = 'f'.repeat(64);

describe('volumes (L7, E7.1)', () => {
  it('create, ls, inspect, data outlives its container, rm refuses while in use', () => {
    const vs = new VolumeStore();
    expect(vs.create('notes', { nowMs: NOW }).stdout).toBe('notes\n');
    const users = new Map<string, string[]>([['notes', ['0123456789ab'.padEnd(64, '0')]]]);
    const u = (n: string) => users.get(n) ?? [];
    vs.get('notes')!.data.set('/hello.txt', { type: 'file', data: utf8('hi\n'), size: 3, mode: 0o644, uid: 0, gid: 0, mtime: 0 });
    expect(vs.rm(['notes'], { users: u }).stderr).toBe(`Error response from daemon: remove notes: volume is in use - [${'0123456789ab'.padEnd(64, '0')}]\n`);
    users.delete('notes');
    expect(vs.get('notes')!.data.get('/hello.txt')).toMatchObject({ size: 3 });
    expect(vs.ls({ users: u })).toBe('DRIVER    VOLUME NAME\nlocal     notes\n');
    expect(vs.inspectText(['notes']).stdout).toBe(
      '[\n    {\n        "CreatedAt": "2024-09-16T11:45:00Z",\n        "Driver": "local",\n        "Labels": null,\n        "Mountpoint": "/var/lib/docker/volumes/notes/_data",\n        "Name": "notes",\n        "Options": null,\n        "Scope": "local"\n    }\n]\n',
    );
    expect(vs.inspectText(['nope']).stderr).toBe('Error response from daemon: get nope: no such volume\n');
    expect(vs.rm(['notes'], { users: u })).toEqual({ stdout: 'notes\n', stderr: '', exitCode: 0 });
    expect(vs.create('bad name', { nowMs: NOW }).exitCode).toBe(1);
  });

  it('anonymous volumes: dangling filter and prune (anonymous only unless -a)', () => {
    const vs = new VolumeStore();
    vs.create(ANON, { nowMs: NOW, anonymous: true });
    vs.create('keep', { nowMs: NOW });
    const none = () => [];
    expect(vs.ls({ users: none, dangling: true, quiet: true })).toBe(`${ANON}\nkeep\n`);
    expect(vs.inspect(ANON)!.Labels).toEqual({ 'com.docker.volume.anonymous': '' });
    expect(vs.prune({ users: none }).stdout).toBe(`Deleted Volumes:\n${ANON}\n\nTotal reclaimed space: 0B\n`);
    expect(vs.prune({ users: none }).stdout).toBe('Total reclaimed space: 0B\n');
    expect(vs.prune({ users: none, all: true }).stdout).toBe('Deleted Volumes:\nkeep\n\nTotal reclaimed space: 0B\n');
  });

  it('a new volume is populated from the image at the mount path', async () => {
    const img = (await materialize(NGINX_125)).images[0]!;
    const { root } = await containerRootfs(img, { rwId: 'b'.repeat(64) });
    const vs = new VolumeStore();
    const v = vs.create('html', { nowMs: NOW }).volume!;
    vs.populateFrom(v, root, '/usr/share/nginx/html');
    expect([...v.data.keys()].sort()).toEqual(['/50x.html', '/index.html']);
  });
});
