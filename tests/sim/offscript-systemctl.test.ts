import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// systemd@v255:src/systemctl/systemctl-show.c print_status_info, time-util.c, format-util.c, cgroup-show.c;
// the numbers come from the unit's cgroup files, which the test reads back.
describe('systemctl status / service status (systemd 255)', () => {
  it("prints docker.service's block from its cgroup", async () => {
    const w = createWorld();
    const cg = '/sys/fs/cgroup/system.slice/docker.service';
    const mem = Number((await sh(w, `cat ${cg}/memory.current`)).out);
    const tasks = (await sh(w, `cat ${cg}/pids.current`)).out.trim();
    const m = `${Math.floor(mem / 2 ** 20)}.${Math.floor((mem * 10) / 2 ** 20) % 10}M`;
    const r = await sh(w, 'systemctl status docker');
    expect(r.exitCode).toBe(0);
    expect(r.out).toBe(
      '● docker.service - Docker Application Container Engine\n' +
        '     Loaded: loaded (/usr/lib/systemd/system/docker.service; enabled; preset: enabled)\n' +
        '     Active: active (running) since Mon 2024-09-16 08:12:39 UTC; 3h 32min ago\n' +
        'TriggeredBy: ● docker.socket\n' +
        '       Docs: https://docs.docker.com\n' +
        '   Main PID: 812 (dockerd)\n' +
        `      Tasks: ${tasks}\n` +
        `     Memory: ${m} (peak: ${m})\n` +
        '        CPU: 0\n' +
        '     CGroup: /system.slice/docker.service\n' +
        '             └─812 /usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock\n',
    );
    expect((await sh(w, 'service docker status')).out).toBe(r.out);
  });

  it("containerd.service's tree holds the shims", async () => {
    const w = createWorld();
    await sh(w, 'docker run -d --name web nginx >/dev/null 2>&1');
    const id = (await sh(w, 'docker inspect -f "{{.Id}}" web')).out.trim();
    const out = (await sh(w, 'systemctl status containerd')).out;
    expect(out).toMatch(
      new RegExp(
        `     CGroup: /system.slice/containerd.service\n             ├─640 /usr/bin/containerd\n             └─\\d+ /usr/bin/containerd-shim-runc-v2 -namespace moby -id ${id} -address /run/containerd/containerd.sock\n$`,
      ),
    );
  });

  it('is-active, is-enabled, unknown units', async () => {
    const w = createWorld();
    expect(await sh(w, 'systemctl is-active docker')).toMatchObject({ out: 'active\n', exitCode: 0 });
    expect(await sh(w, 'systemctl is-active nosuch')).toMatchObject({ out: 'inactive\n', exitCode: 3 });
    // Every service with a live process in its cgroup is active (#10): ssh, cron, the getty on tty1.
    expect(await sh(w, 'systemctl is-active ssh cron.service getty@tty1 systemd-resolved')).toMatchObject({
      out: 'active\nactive\nactive\nactive\n',
      exitCode: 0,
    });
    expect(await sh(w, 'systemctl is-enabled containerd')).toMatchObject({ out: 'enabled\n', exitCode: 0 });
    expect(await sh(w, 'systemctl status nosuch')).toMatchObject({ out: 'Unit nosuch.service could not be found.\n', exitCode: 4 });
    expect((await sh(w, 'which systemctl service')).out).toBe('/usr/bin/systemctl\n/usr/sbin/service\n');
  });
});
