import { describe, expect, it } from 'vitest';
import { buildModel, picture, PictureError } from '../../src/sim/picture/index.ts';
import type { CapabilitiesModel, CgroupsModel, IdentityModel, LayersModel, NetworksModel, ProcessesModel } from '../../src/sim/picture/model-types.ts';
import { stateCommands, worldFor } from '../../src/sim/picture/states.ts';
import { labels, worldAfter } from './helpers.ts';

const L = labels();

describe('processes and namespaces', () => {
  it('shows nginx at host PID 23827 (after its two docker-proxy processes) = PID 1 in its own namespaces, under its shim, beside the login shell', async () => {
    const w = await worldAfter('docker run -d --name web -p 8080:80 nginx');
    const m = buildModel(w.snapshot(), 'processes') as ProcessesModel;
    const master = m.procs.find((p) => p.pid === 23827)!;
    expect(master.nspid).toEqual([23827, 1]);
    expect(master.container).toBe('web');
    expect(master.command).toBe('nginx: master process nginx -g daemon off;');
    expect(m.procs.find((p) => p.pid === master.ppid)?.command).toMatch(/^\/usr\/bin\/containerd-shim-runc-v2 /);
    // Docker gives a container new cgroup, ipc, mnt, net, pid and uts namespaces; time and user stay the host's.
    const fresh = Object.entries(master.ns)
      .filter(([, v]) => !v.host)
      .map(([t]) => t);
    expect(fresh).toEqual(['cgroup', 'ipc', 'mnt', 'net', 'pid', 'uts']);
    expect(master.ns.user.inode).toBe(m.hostNs.user);
    expect(m.procs[0]).toMatchObject({ pid: 1, depth: 0 });
    expect(m.procs.some((p) => p.command === '-bash')).toBe(true);
    expect(m.procs.every((p) => !p.command.startsWith('['))).toBe(true);
  });

  it('draws the same inodes in the SVG and in its table', async () => {
    const w = await worldFor('web');
    const pic = picture(w.snapshot(), 'processes', L, { idPrefix: 'p' });
    expect(pic.svg).toContain('4026532177');
    expect(pic.alt).toContain('net:[4026532177] new namespace');
    expect(pic.svg).toMatchSnapshot();
  });
});

describe('control groups', () => {
  it('shows the docker scope at 100M with its cpu.max and pids.max', async () => {
    const w = await worldFor('limits');
    const m = buildModel(w.snapshot(), 'cgroups') as CgroupsModel;
    const scope = m.groups.find((g) => g.container === 'lim')!;
    expect(scope.path).toMatch(/^\/system\.slice\/docker-[0-9a-f]{64}\.scope$/);
    expect(scope).toMatchObject({ memoryMax: 104857600, cpuMax: '50000 100000', pidsMax: 100, oomKills: 0, throttled: 0 });
    expect(scope.memoryCurrent).toBeGreaterThan(0);
    expect(m.groups.map((g) => g.path).slice(0, 2)).toEqual(['/', '/system.slice']);
    const pic = picture(w.snapshot(), 'cgroups', L, { idPrefix: 'c' });
    expect(pic.svg).toContain('/ 100MiB');
    expect(pic.svg).toMatchSnapshot();
  });

  it('marks an OOM kill and a throttled hog with words and a pattern, not colour alone', async () => {
    const w = await worldFor('oom-and-throttle');
    const m = buildModel(w.snapshot(), 'cgroups') as CgroupsModel;
    expect(m.groups.find((g) => g.container === 'oom')?.oomKills).toBe(1);
    expect(m.groups.find((g) => g.container === 'hog')?.throttled).toBeGreaterThan(0);
    const { svg } = picture(w.snapshot(), 'cgroups', L, { idPrefix: 'c' });
    expect(svg).toContain('OOM kills: 1');
    expect(svg).toContain('throttled periods:');
    expect(svg).toContain('url(#c-cross)');
  });
});

describe('capabilities', () => {
  it('shows the five sets of a default container (Docker’s 14) and of one with only NET_BIND_SERVICE', async () => {
    const w = await worldFor('caps');
    const tight = buildModel(w.snapshot(), 'capabilities', { container: 'tight' }) as CapabilitiesModel;
    expect(tight.hex.eff).toBe('0000000000000400');
    expect(tight.bits.eff.map((b) => tight.names[b])).toEqual(['cap_net_bind_service']);
    expect(tight.bits.amb).toEqual([]);
    const web = buildModel(w.snapshot(), 'capabilities', { container: 'web' }) as CapabilitiesModel;
    expect(web.hex.eff).toBe('00000000a80425fb');
    expect(web.bits.bnd).toHaveLength(14);
    expect(web.dropped).toContain(21); // cap_sys_admin
    const pic = picture(w.snapshot(), 'capabilities', L, { idPrefix: 'k', focus: { container: 'tight' } });
    expect(pic.svg).toContain('CapBnd bit 10 cap_net_bind_service: in the set');
    expect(pic.svg).toMatchSnapshot();
  });

  it('names the process it could not find', async () => {
    const w = await worldFor('fresh');
    expect(() => buildModel(w.snapshot(), 'capabilities', { pid: 99999 })).toThrow(
      new PictureError('no process with host PID 99999 in this state', '此状态中没有宿主机 PID 为 99999 的进程'),
    );
    expect(() => buildModel(w.snapshot(), 'capabilities', { container: 'nope' })).toThrow(/no container named "nope"/);
  });
});

describe('layers and overlay', () => {
  it('shows the whiteout docker exec rm leaves, the copied-up parents and the image layers', async () => {
    const w = await worldFor('whiteout');
    const m = buildModel(w.snapshot(), 'layers') as LayersModel;
    expect(m.image).toBe('nginx:latest');
    expect(m.layers).toHaveLength(7);
    expect(m.layers[0]!.createdBy).toMatch(/ADD file:/);
    expect(m.container?.changes).toContainEqual({ kind: 'D', path: '/etc/nginx/conf.d/default.conf' });
    expect(m.container?.changes).toContainEqual({ kind: 'C', path: '/etc/nginx/conf.d' });
    expect(m.container?.upperDir).toMatch(/^\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/diff$/);
    expect(m.container?.lowerDirs[0]).toMatch(/-init\/diff$/);
    expect(m.container?.lowerDirs).toHaveLength(8);
    const pic = picture(w.snapshot(), 'layers', L, { idPrefix: 'o' });
    expect(pic.svg).toContain('D /etc/nginx/conf.d/default.conf — deleted (whiteout)');
    expect(pic.svg).toMatchSnapshot();
  });
});

describe('image identity', () => {
  it('follows nginx:1.25 from reference to index, amd64 manifest, config and layers', async () => {
    const w = await worldFor('pulled');
    const m = buildModel(w.snapshot(), 'identity', { image: 'nginx:1.25' }) as IdentityModel;
    expect(m.reference).toEqual({ text: 'nginx:1.25', registry: 'docker.io', repository: 'library/nginx', tag: '1.25' });
    expect(m.index?.manifests.map((x) => x.platform)).toEqual(['linux/amd64', 'linux/arm64/v8']);
    expect(m.index?.manifests.find((x) => x.chosen)?.digest).toBe(m.manifest.digest);
    expect(m.manifest.platform).toBe('linux/amd64');
    expect(m.repoDigests).toEqual([`nginx@${m.index?.digest}`]);
    expect(m.tags).toEqual(['nginx:1.25']);
    const pic = picture(w.snapshot(), 'identity', L, { idPrefix: 'i', focus: { image: 'nginx:1.25' } });
    expect(pic.svg).toMatchSnapshot();
  });
});

describe('networks', () => {
  it('pairs each container eth0 with its host veth by ifindex, on docker0 or the user-defined bridge', async () => {
    const w = await worldFor('bridge');
    const m = buildModel(w.snapshot(), 'networks') as NetworksModel;
    expect(m.namespaces[0]?.host).toBe(true);
    expect(m.namespaces.slice(1).map((n) => n.owners)).toEqual([['box'], ['web'], ['db']]);
    const box = m.veths.find((v) => m.namespaces.find((n) => n.inode === v.b.ns)?.owners[0] === 'box')!;
    expect(box.b).toMatchObject({ index: 6, name: 'eth0' });
    expect(box.a.index).toBe(7);
    const hostVeth = m.namespaces[0]!.ifaces.find((i) => i.index === 7)!;
    expect(hostVeth).toMatchObject({ kind: 'veth', peer: 6, master: 'docker0' });
    const db = m.veths.find((v) => m.namespaces.find((n) => n.inode === v.b.ns)?.owners[0] === 'db')!;
    expect(m.namespaces[0]!.ifaces.find((i) => i.index === db.a.index)?.master).toMatch(/^br-[0-9a-f]{12}$/);
    expect(m.ports).toEqual([
      { container: 'web', binding: '0.0.0.0:8080->80/tcp' },
      { container: 'web', binding: '[::]:8080->80/tcp' },
    ]);
    const pic = picture(w.snapshot(), 'networks', L, { idPrefix: 'n' });
    expect(pic.svg).toMatchSnapshot();
  });
});

describe('labels and states', () => {
  it('labels Chinese figures from the glossary', async () => {
    const w = await worldFor('limits');
    const pic = picture(w.snapshot(), 'cgroups', labels('zh-cn'), { idPrefix: 'z' });
    expect(pic.svg).toContain('<title id="z-title">控制组</title>');
    expect(pic.alt).toContain('OOM 终止次数');
  });

  it('rejects an unknown state name and reports a failing script line', async () => {
    expect(() => stateCommands('nosuch')).toThrow(/unknown figure state "nosuch": use one of fresh, web/);
    await expect(worldFor('docker run --bogus alpine')).rejects.toThrow(/figure state: "docker run --bogus alpine" failed with exit code 125/);
  });

  it('interactive SVGs make every node with commands a focusable button', async () => {
    const w = await worldFor('web');
    const { svg, scene } = picture(w.snapshot(), 'processes', L, { idPrefix: 'p', interactive: true });
    const nodes = scene.boxes.filter((b) => b.reveal.length).length;
    expect(svg.match(/role="button"/g)).toHaveLength(nodes);
    expect(svg).toContain('data-node="ns-23827-net"');
    expect(scene.boxes.find((b) => b.id === 'ns-23827-net')?.reveal[0]).toBe('ls -l /proc/23827/ns/net');
  });
});

describe('the commands a node offers', () => {
  const cases: [string, Parameters<typeof buildModel>[1], Record<string, string>?][] = [
    ['web', 'processes'],
    ['oom-and-throttle', 'cgroups'],
    ['caps', 'capabilities', { container: 'tight' }],
    ['whiteout', 'layers'],
    ['pulled', 'identity', { image: 'nginx:1.25' }],
    ['bridge', 'networks'],
    ['pod', 'pods'],
    ['pod-shared-pid', 'pods'],
  ];
  for (const [state, view, focus] of cases) {
    it(`${view} (${state}): every offered command runs on node1 without an error`, async () => {
      const w = await worldFor(state);
      const { scene } = picture(w.snapshot(), view, L, { idPrefix: 'r', ...(focus ? { focus } : {}) });
      const commands = [...new Set(scene.boxes.flatMap((b) => b.reveal))];
      expect(commands.length).toBeGreaterThan(2);
      for (const c of commands) {
        const r = await w.exec(c);
        expect({ c, stderr: r.stderr, exitCode: r.exitCode }).toEqual({ c, stderr: '', exitCode: 0 });
      }
    }, 60_000);
  }
});
