import { describe, expect, it } from 'vitest';
import { cluster, statusOf } from './fake-api.ts';

describe('kubelet: images on containerd', () => {
  it('an image only Docker has is not present for the kubelet: ErrImageNeverPull', async () => {
    const { api, kubelet, w } = await cluster();
    expect((await w.exec('docker pull alpine:3.18 >/dev/null && docker tag alpine:3.18 demo:local && docker images -q demo:local')).stdout).toMatch(
      /^[0-9a-f]{12}\n$/,
    );
    api.add({ metadata: { name: 'demo' }, spec: { containers: [{ name: 'demo', image: 'demo:local', imagePullPolicy: 'Never' }] } });
    await kubelet.sync();
    const msg = 'Container image "demo:local" is not present with pull policy of Never';
    expect(statusOf(api, 'demo').state).toEqual({ waiting: { reason: 'ErrImageNeverPull', message: msg } });
    expect(api.events.map((e) => `${e.type} ${e.reason} ${e.message}`)).toEqual([
      `Warning ErrImageNeverPull ${msg}`,
      'Warning Failed Error: ErrImageNeverPull',
    ]);
  });

  it("a missing tag: ErrImagePull with containerd's words, then ImagePullBackOff, pulls again after 10 s then 20 s", async () => {
    const { api, kubelet, step } = await cluster();
    api.add({ metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx:1.99', imagePullPolicy: 'IfNotPresent' }] } });
    await kubelet.sync();
    const why =
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99": failed to resolve reference "docker.io/library/nginx:1.99": docker.io/library/nginx:1.99: not found';
    expect(statusOf(api, 'web').state).toEqual({ waiting: { reason: 'ErrImagePull', message: why } });
    expect(api.events.slice(0, 3).map((e) => `${e.type} ${e.reason} ${e.message}`)).toEqual([
      'Normal Pulling Pulling image "nginx:1.99"',
      `Warning Failed Failed to pull image "nginx:1.99": ${why}`,
      'Warning Failed Error: ErrImagePull',
    ]);
    await step(200);
    expect(statusOf(api, 'web').state).toEqual({ waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "nginx:1.99"' } });
    expect(api.events.map((e) => e.reason)).toContain('BackOff');
    await step(60_000);
    const pulls = api.events.filter((e) => e.reason === 'Pulling').map((e) => e.atMs);
    const gaps = pulls.slice(1).map((t, i) => Math.round((t - pulls[i]!) / 1000));
    expect(gaps.slice(0, 2)).toEqual([10, 20]);
  });

  it('imageID is the repo digest the tag resolved to, the one docker pull prints', async () => {
    const { api, kubelet, w } = await cluster();
    const digest = /Digest: (sha256:[0-9a-f]{64})/.exec((await w.exec('docker pull nginx:1.25')).stdout)![1];
    api.add({ metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } });
    await kubelet.sync();
    expect(statusOf(api, 'web').imageID).toBe(`docker.io/library/nginx@${digest}`);
  });
});

describe('kubelet: restarts and deletion', () => {
  it('CrashLoopBackOff: restarts after 0, 10, 20, 40, 80, 160, 300 s; restartCount and lastState follow', async () => {
    const { api, kubelet, step } = await cluster();
    const pod = api.add({
      metadata: { name: 'crash' },
      spec: { containers: [{ name: 'c', image: 'alpine:3.18', command: ['sh', '-c', 'echo bye; exit 3'] }] },
    });
    await kubelet.sync();
    await step(700_000);
    const starts = api.events.filter((e) => e.reason === 'Started').map((e) => e.atMs);
    const gaps = starts.slice(1).map((t, i) => Math.round((t - starts[i]!) / 1000));
    expect(gaps.slice(0, 7)).toEqual([0, 10, 20, 40, 80, 160, 300]);
    const cs = statusOf(api, 'crash');
    expect(cs.restartCount).toBe(starts.length - 1);
    expect(cs.state.waiting).toEqual({
      reason: 'CrashLoopBackOff',
      message: `back-off 5m0s restarting failed container=c pod=crash_default(${pod.metadata.uid})`,
    });
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(api.events.find((e) => e.reason === 'BackOff')).toMatchObject({
      type: 'Warning',
      message: `Back-off restarting failed container c in pod crash_default(${pod.metadata.uid})`,
    });
    expect(kubelet.logs('default', 'crash', 'c', true)).toBe('bye\n');
  });

  it('restartPolicy Never: a clean exit is Succeeded, no restart', async () => {
    const { api, kubelet, step } = await cluster();
    api.add({ metadata: { name: 'once' }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'alpine:3.18', command: ['echo', 'hi'] }] } });
    await kubelet.sync();
    await step(30_000);
    expect((api.get('once').status as { phase: string }).phase).toBe('Succeeded');
    expect(statusOf(api, 'once').state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(kubelet.logs('default', 'once', 'c', false)).toBe('hi\n');
  });

  it('a finished pod: the kubelet stops its sandbox (NotReady, pause gone, netns torn down) and keeps its IP and logs', async () => {
    const { api, kubelet, step, w } = await cluster();
    api.add({ metadata: { name: 'once' }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'alpine:3.18', command: ['echo', 'hi'] }] } });
    api.add({ metadata: { name: 'fail' }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'alpine:3.18', command: ['false'] }] } });
    api.add({ metadata: { name: 'ok' }, spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'alpine:3.18', command: ['true'] }] } });
    api.add({ metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } });
    await kubelet.sync();
    await step(2_000);
    const cri = w.host.containerd!;
    const sb = (name: string) => [...cri.sandboxes.values()].find((s) => s.name === name)!;
    for (const name of ['once', 'fail', 'ok']) {
      expect(sb(name).state).toBe('SANDBOX_NOTREADY');
      expect(w.host.kernel.procs.has(sb(name).pause.pid)).toBe(false);
      const st = api.get(name).status as { phase: string; podIP?: string; conditions: { type: string; status: string }[] };
      expect(st.conditions.find((c) => c.type === 'PodReadyToStartContainers')?.status).toBe('False');
      expect(st.podIP).toMatch(/^10\.244\.0\.1[2-4]$/);
    }
    expect((api.get('fail').status as { phase: string }).phase).toBe('Failed');
    expect(sb('web').state).toBe('SANDBOX_READY');
    // Only web's pause is left, and only its veth on cni0.
    expect([...w.host.kernel.procs.values()].filter((p) => p.argv[0] === '/pause' && p.state !== 'Z' && p.cgroup.includes('kubepods-'))).toHaveLength(1);
    expect((await w.exec('ip -br link show master cni0')).stdout.trim().split('\n')).toHaveLength(1);
    const pods = (await w.exec('crictl pods --name once')).stdout.split('\n')[1]!;
    expect(pods).toMatch(/^[0-9a-f]{13} +\d+ seconds ago +NotReady +once +default +0 +\(default\)$/);
    const inspect = JSON.parse((await w.exec(`crictl inspectp -q ${sb('once').id}`)).stdout) as { status: { state: string; network: { ip: string } } };
    expect(inspect.status).toMatchObject({ state: 'SANDBOX_NOTREADY', network: { ip: '' } });
    expect(JSON.parse((await w.exec(`crictl inspectp ${sb('once').id}`)).stdout).info).toMatchObject({
      pid: 0,
      processStatus: 'deleted',
      netNamespaceClosed: true,
    });
    expect((await w.exec('crictl ps -a --name c')).stdout).toMatch(/ Exited +c +0 +[0-9a-f]{13} +once$/m);
    expect(kubelet.logs('default', 'once', 'c', false)).toBe('hi\n');
    // Nothing restarts: no new sandbox, no new container.
    await step(30_000);
    expect([...cri.sandboxes.values()].filter((s) => s.name === 'once')).toHaveLength(1);
    // Deleting it removes the stopped sandbox and its containers.
    api.delete('once');
    await kubelet.sync();
    expect(api.terminated).toContain('default/once');
    expect([...cri.sandboxes.values()].some((s) => s.name === 'once')).toBe(false);
  });

  it('a finished pod with a running ephemeral container: Stopping container, then the sandbox stops', async () => {
    const { api, kubelet, step, w } = await cluster();
    const pod = api.add({
      metadata: { name: 'job' },
      spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'alpine:3.18', command: ['sleep', '5'] }] },
    });
    await kubelet.sync();
    (pod.spec as Record<string, unknown>).ephemeralContainers = [{ name: 'debugger', image: 'busybox:1.36', command: ['sleep', 'infinity'] }];
    await kubelet.sync();
    expect(kubelet.container('default', 'job', 'debugger')?.running).toBe(true);
    await step(6_000);
    expect(api.events.filter((e) => e.reason === 'Killing').map((e) => `${e.fieldPath} ${e.message}`)).toEqual([
      'spec.ephemeralContainers{debugger} Stopping container debugger',
    ]);
    // sleep as PID 1 ignores SIGTERM: SIGKILL comes after the pod's grace period (30 s), and only then the sandbox stops.
    const state = () => [...w.host.containerd!.sandboxes.values()].find((s) => s.name === 'job')!.state;
    await step(1_000);
    expect(state()).toBe('SANDBOX_READY');
    await step(30_000);
    expect(kubelet.container('default', 'job', 'debugger')?.running).toBe(false);
    expect(state()).toBe('SANDBOX_NOTREADY');
  });

  it('OOMKilled: exit 137 over the memory limit, then CrashLoopBackOff', async () => {
    const { api, kubelet, step } = await cluster();
    api.add({
      metadata: { name: 'oom' },
      spec: { containers: [{ name: 'c', image: 'alpine:3.18', command: ['tail', '/dev/zero'], resources: { limits: { memory: '64Mi' } } }] },
    });
    await kubelet.sync();
    await step(3_000);
    const cs = statusOf(api, 'oom');
    const last = (cs.state.terminated ?? cs.lastState.terminated) as Record<string, unknown>;
    expect(last).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    await step(3_000);
    expect(statusOf(api, 'oom').state.waiting?.reason).toBe('CrashLoopBackOff');
  });

  it('graceful deletion: SIGTERM, the grace period, then SIGKILL; the pod object goes last', async () => {
    const { api, kubelet, step, w } = await cluster();
    api.add({ metadata: { name: 'slow' }, spec: { containers: [{ name: 'c', image: 'alpine:3.18', command: ['sleep', 'infinity'] }] } });
    api.add({ metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } });
    await kubelet.sync();
    const pid = kubelet.container('default', 'slow', 'c')!.pid;
    api.delete('slow');
    api.delete('web');
    await kubelet.sync();
    expect(api.events.filter((e) => e.reason === 'Killing').map((e) => e.message)).toEqual(['Stopping container c', 'Stopping container web']);
    await step(1_000);
    // nginx handles SIGTERM and is gone; sleep as PID 1 ignores it and waits for SIGKILL after 30 s.
    expect(api.terminated).toEqual(['default/web']);
    await step(27_000);
    expect(api.terminated).toEqual(['default/web']);
    expect(w.host.kernel.procs.get(pid)?.state).toBe('S');
    await step(3_000);
    expect(api.terminated).toEqual(['default/web', 'default/slow']);
    expect(w.host.kernel.procs.has(pid)).toBe(false);
    expect((await w.exec('ip -br link show master cni0')).stdout).toBe('');
  });
});
