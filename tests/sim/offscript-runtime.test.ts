import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// opencontainers/runc@v1.1.14: main.go (version), list.go, state.go, utils.go fatal;
// containerd@v1.7.22: cmd/containerd/command/main.go VersionPrinter.
describe('runc 1.1.14 under Docker, containerd --version', () => {
  it('prints versions', async () => {
    const w = createWorld();
    expect((await sh(w, 'runc --version')).out).toBe('runc version 1.1.14\ncommit: v1.1.14-0-g2c9f560\nspec: 1.0.2-dev\ngo: go1.22.7\nlibseccomp: 2.5.5\n');
    expect((await sh(w, 'containerd --version')).out).toBe('containerd containerd.io 1.7.22 7f7fdf5fed64eb6a7caf99b3e12efcf9d60e311c\n');
    expect((await sh(w, 'which runc containerd')).out).toBe('/usr/bin/runc\n/usr/bin/containerd\n');
  });

  it("lists Docker's running and paused containers under its root, with their bundles", async () => {
    const w = createWorld();
    await sh(
      w,
      'docker run -d --name web nginx >/dev/null 2>&1; docker run -d --name box alpine sleep 1000 >/dev/null 2>&1; docker pause box >/dev/null; docker run --name gone alpine true',
    );
    const web = (await sh(w, 'docker inspect -f "{{.Id}}" web')).out.trim();
    const box = (await sh(w, 'docker inspect -f "{{.Id}}" box')).out.trim();
    const pid = (id: string) => w.exec(`docker inspect -f "{{.State.Pid}}" ${id}`).then((r) => r.stdout.trim());
    const tasks = '/run/containerd/io.containerd.runtime.v2.task/moby';
    const rows = [web, box].sort();
    expect((await sh(w, 'runc --root /run/docker/runtime-runc/moby list -q')).out).toBe(`${rows.join('\n')}\n`);
    const table = (await sh(w, 'runc --root /run/docker/runtime-runc/moby list')).out.split('\n');
    expect(table[0]).toBe(`ID${' '.repeat(65)}PID         STATUS      BUNDLE${' '.repeat(112)}CREATED                OWNER`);
    expect(table[1 + rows.indexOf(box)]).toMatch(
      new RegExp(`^${box}   ${await pid(box)} +paused      ${tasks}/${box}   \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z   root$`),
    );
    const state = await sh(w, `runc --root /run/docker/runtime-runc/moby state ${web}`);
    expect(JSON.parse(state.out)).toMatchObject({
      ociVersion: '1.2.0',
      id: web,
      pid: Number(await pid(web)),
      status: 'running',
      bundle: `${tasks}/${web}`,
      rootfs: `${tasks}/${web}/rootfs`,
      owner: '',
    });
    expect(state.out.endsWith('\n}')).toBe(true);
  });

  it('errors are logrus lines on stderr', async () => {
    const w = createWorld();
    const r = await sh(w, 'runc list');
    expect(r.exitCode).toBe(1);
    expect(r.out).toMatch(/^time="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ" level=error msg="open \/run\/runc: no such file or directory"\n$/);
    expect((await sh(w, 'runc --root /run/docker/runtime-runc/moby state nope')).out).toMatch(/level=error msg="container does not exist"\n$/);
  });
});
