import { describe, expect, it } from 'vitest';
import { cluster, statusOf } from './fake-api.ts';

describe('kubelet: pod sandbox and containers (L5)', () => {
  it('runs a pod: Running, pod IP on cni0, hostname = pod name, events in kubelet wording', async () => {
    const { api, kubelet, exec, w } = await cluster();
    api.add({ metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx:1.25', imagePullPolicy: 'IfNotPresent' }] } });
    await kubelet.sync();
    const st = api.get('web').status as Record<string, unknown>;
    expect(st.phase).toBe('Running');
    expect(st.podIP).toBe('10.244.0.12');
    const cs = statusOf(api, 'web');
    expect(cs.ready).toBe(true);
    expect(cs.image).toBe('docker.io/library/nginx:1.25');
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(api.events.map((e) => e.reason)).toEqual(['Pulling', 'Pulled', 'Created', 'Started']);
    expect(api.events[0]!.message).toBe('Pulling image "nginx:1.25"');
    expect(api.events[1]!.message).toMatch(/^Successfully pulled image "nginx:1\.25" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: \d+ bytes\.$/);
    expect(api.events[2]!.message).toBe('Created container web');
    expect(api.events[3]).toMatchObject({ message: 'Started container web', fieldPath: 'spec.containers{web}' });
    expect((await exec('web', 'web', 'hostname')).stdout).toBe('web\n');
    // The host: the pod's veth is enslaved to cni0, which now has carrier.
    const host = await w.exec('ip -br link show master cni0');
    expect(host.stdout).toMatch(/^veth[0-9a-f]{8}@if\d+ +UP/);
  });

  it('containers of a pod share net, uts and ipc with pause; each has its own mnt and pid', async () => {
    const { api, kubelet, w } = await cluster();
    api.add({
      metadata: { name: 'cache-demo' },
      spec: {
        containers: [
          { name: 'app', image: 'alpine:3.18', command: ['sleep', 'infinity'] },
          { name: 'memcached', image: 'memcached:1.6' },
        ],
      },
    });
    await kubelet.sync();
    const k = w.host.kernel;
    const app = k.procs.get(kubelet.container('default', 'cache-demo', 'app')!.pid)!;
    const mc = k.procs.get(kubelet.container('default', 'cache-demo', 'memcached')!.pid)!;
    const pause = [...k.procs.values()].find((p) => p.argv[0] === '/pause')!;
    for (const t of ['net', 'uts', 'ipc'] as const) {
      expect(app.ns[t]).toBe(pause.ns[t]);
      expect(mc.ns[t]).toBe(pause.ns[t]);
    }
    expect(app.ns.pid).not.toBe(pause.ns.pid);
    expect(app.ns.mnt).not.toBe(mc.ns.mnt);
    expect(k.ns(app.ns.uts).hostname).toBe('cache-demo');
    expect(pause.uid).toBe(65535);
    expect(mc.argv).toEqual(['memcached']);
    expect(mc.uid).not.toBe(0);
    // lsns on the host: the pod's net namespace is held by pause and used by both containers.
    const lsns = await w.exec('lsns -t net');
    expect(lsns.stdout).toMatch(new RegExp(`^ *${pause.ns.net} net +3 +${pause.pid} +65535 /pause$`, 'm'));
    expect(statusOf(api, 'cache-demo', 'memcached').ready).toBe(true);
  });

  it('shareProcessNamespace: ps ax in a container shows /pause as PID 1', async () => {
    const { api, kubelet, exec } = await cluster();
    api.add({
      metadata: { name: 'shared' },
      spec: { shareProcessNamespace: true, containers: [{ name: 'shell', image: 'alpine:3.18', command: ['sleep', 'infinity'] }] },
    });
    await kubelet.sync();
    const ps = await exec('shared', 'shell', 'ps ax');
    expect(ps.stdout.split('\n')[1]).toMatch(/^ +1 65535 +0:00 \/pause$/);
    expect(ps.stdout).toMatch(/^ +7 root +0:00 sleep infinity$/m);
  });

  it('each container gets a cri-containerd scope under the pod slice, with the kubelet conversions', async () => {
    const { api, kubelet, w } = await cluster();
    const pod = api.add({
      metadata: { name: 'lim' },
      spec: {
        containers: [
          {
            name: 'c',
            image: 'alpine:3.18',
            command: ['sleep', 'infinity'],
            resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
          },
        ],
      },
    });
    await kubelet.sync();
    const id = kubelet.container('default', 'lim', 'c')!.id;
    const slug = pod.metadata.uid.replace(/-/g, '_');
    const path = `/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod${slug}.slice/cri-containerd-${id}.scope`;
    const cg = w.host.kernel.cgroups.get(path)!;
    expect(cg).toBeDefined();
    expect(cg.memoryMax).toBe(134217728);
    expect(cg.cpuQuota).toBe(50000);
    expect(cg.cpuPeriod).toBe(100000);
    // requests.cpu 250m → 256 shares → cpu.weight 10 with the fixture's runc (FACTS §3).
    expect(cg.cpuWeight).toBe(10);
    expect(cg.oomGroup).toBe(1);
    expect((await w.exec(`cat /sys/fs/cgroup${path}/cpu.max`)).stdout).toBe('50000 100000\n');
  });
});

describe('kubelet: containers of a pod reach each other on localhost (L5)', () => {
  it('nc -z localhost 11211 from app finds memcached; a closed port is refused', async () => {
    const { api, kubelet, exec } = await cluster();
    api.add({
      metadata: { name: 'cache-demo' },
      spec: {
        containers: [
          { name: 'app', image: 'alpine:3.18', command: ['sleep', 'infinity'] },
          { name: 'memcached', image: 'memcached:1.6', ports: [{ containerPort: 11211 }] },
        ],
      },
    });
    await kubelet.sync();
    expect(await exec('cache-demo', 'app', 'nc -z localhost 11211 && echo open')).toMatchObject({ stdout: 'open\n', exitCode: 0 });
    expect(await exec('cache-demo', 'app', 'nc -z localhost 11212')).toMatchObject({ stdout: '', exitCode: 1 });
    expect((await exec('cache-demo', 'app', 'nc localhost 80')).stderr).toBe("nc: can't connect to remote host (127.0.0.1): Connection refused\n");
    expect((await exec('cache-demo', 'app', 'hostname; ip -4 addr show eth0')).stdout).toMatch(/^cache-demo\n[\s\S]*inet 10\.244\.0\.12\/24 /);
  });
});
