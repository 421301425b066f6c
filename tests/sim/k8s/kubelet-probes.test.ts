import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';
import { cluster, statusOf, type FakeApi } from './fake-api.ts';
import { write } from './helpers.ts';

const P = (extra: Record<string, unknown>) => ({ timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3, ...extra });
const HTTP = (port: number | string, path = '/') => ({ httpGet: { path, port, scheme: 'HTTP' } });
const lines = (api: FakeApi, from = 0) =>
  api.events.slice(from).map((e) => `${Math.round((e.atMs - api.events[0]!.atMs) / 1000)} ${e.type} ${e.reason} ${e.message}`);
const cond = (api: FakeApi, pod: string, type: string) =>
  (api.get(pod).status as { conditions: { type: string; status: string; reason?: string; message?: string }[] }).conditions.find((c) => c.type === type);

describe('prober: readiness', () => {
  it('an httpGet to nginx on port 80 succeeds at once: Ready, no probe event', async () => {
    const { api, kubelet, step } = await cluster();
    api.add({ metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx:1.25', readinessProbe: P(HTTP(80)) }] } });
    await kubelet.sync();
    await step(200);
    expect(statusOf(api, 'web').ready).toBe(true);
    expect(cond(api, 'web', 'Ready')?.status).toBe('True');
    expect(api.events.map((e) => e.reason)).not.toContain('Unhealthy');
  });

  it('a port nobody listens on: connection refused every period, not ready, ContainersNotReady, never restarted', async () => {
    const { api, kubelet, step } = await cluster();
    api.add({ metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx:1.25', readinessProbe: P(HTTP(81)) }] } });
    await kubelet.sync();
    await step(25_000);
    const ip = (api.get('web').status as { podIP: string }).podIP;
    const msg = `Readiness probe failed: Get "http://${ip}:81/": dial tcp ${ip}:81: connect: connection refused`;
    // At 0 twice: the worker's first run stores the initial Failure, a changed result, so the kubelet syncs the pod and
    // UpdatePodStatus triggers an immediate second run of the not-ready container's probe.
    expect(lines(api).filter((l) => l.includes('Unhealthy'))).toEqual([
      `0 Warning Unhealthy ${msg}`,
      `0 Warning Unhealthy ${msg}`,
      `10 Warning Unhealthy ${msg}`,
      `20 Warning Unhealthy ${msg}`,
    ]);
    expect(api.events.find((e) => e.reason === 'Unhealthy')?.fieldPath).toBe('spec.containers{web}');
    expect(statusOf(api, 'web').ready).toBe(false);
    expect(cond(api, 'web', 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [web]' });
    expect(cond(api, 'web', 'ContainersReady')).toMatchObject({ status: 'False', reason: 'ContainersNotReady' });
    expect(statusOf(api, 'web').restartCount).toBe(0);
  });

  it('each later sync of the pod while not ready runs the probe at once: the resync after 60–90 s adds a run between ticks', async () => {
    const { api, kubelet, step } = await cluster();
    api.add({ metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx:1.25', readinessProbe: P(HTTP(81)) }] } });
    await kubelet.sync();
    await step(95_000);
    const at = lines(api)
      .filter((l) => l.includes('Unhealthy'))
      .map((l) => Number(l.split(' ')[0]));
    const extra = [...at];
    for (const tick of [0, 0, 10, 20, 30, 40, 50, 60, 70, 80, 90]) extra.splice(extra.indexOf(tick), 1);
    expect(extra).toHaveLength(1);
    expect(extra[0]).toBeGreaterThanOrEqual(60);
    expect(extra[0]).toBeLessThan(90);
  });

  it("tcpSocket: the dialer's error; a named port resolves through the container's ports", async () => {
    const { api, kubelet, step } = await cluster();
    api.add({
      metadata: { name: 'a' },
      spec: {
        containers: [{ name: 'a', image: 'nginx:1.25', ports: [{ name: 'http', containerPort: 80 }], readinessProbe: P({ tcpSocket: { port: 'http' } }) }],
      },
    });
    api.add({ metadata: { name: 'b' }, spec: { containers: [{ name: 'b', image: 'nginx:1.25', readinessProbe: P({ tcpSocket: { port: 8080 } }) }] } });
    await kubelet.sync();
    await step(200);
    expect(statusOf(api, 'a').ready).toBe(true);
    expect(statusOf(api, 'b').ready).toBe(false);
    const ip = (api.get('b').status as { podIP: string }).podIP;
    expect(api.events.filter((e) => e.reason === 'Unhealthy').map((e) => e.message)).toEqual(
      Array(2).fill(`Readiness probe failed: dial tcp ${ip}:8080: connect: connection refused`),
    );
  });

  it('initialDelaySeconds: nothing probes before it; successThreshold counts successes in a row', async () => {
    const { api, kubelet, step } = await cluster();
    api.add({
      metadata: { name: 'web' },
      spec: {
        containers: [{ name: 'web', image: 'nginx:1.25', readinessProbe: P({ ...HTTP(80), initialDelaySeconds: 15, periodSeconds: 5, successThreshold: 2 }) }],
      },
    });
    await kubelet.sync();
    await step(14_500);
    expect(statusOf(api, 'web').ready).toBe(false);
    await step(1_000); // the 15 s tick: one success
    expect(statusOf(api, 'web').ready).toBe(false);
    await step(5_000); // the 20 s tick: two in a row
    expect(statusOf(api, 'web').ready).toBe(true);
  });
});

describe('prober: liveness', () => {
  it('three 404s: Unhealthy, Killing "failed liveness probe, will be restarted", a new container; nginx logged the probes', async () => {
    const { api, kubelet, step } = await cluster();
    api.add({ metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx:1.25', livenessProbe: P(HTTP(80, '/healthz')) }] } });
    await kubelet.sync();
    await step(31_000);
    expect(lines(api).slice(3)).toEqual([
      '0 Normal Started Started container web',
      '10 Warning Unhealthy Liveness probe failed: HTTP probe failed with statuscode: 404',
      '20 Warning Unhealthy Liveness probe failed: HTTP probe failed with statuscode: 404',
      '30 Warning Unhealthy Liveness probe failed: HTTP probe failed with statuscode: 404',
      '30 Normal Killing Container web failed liveness probe, will be restarted',
      '30 Normal Pulled Container image "nginx:1.25" already present on machine',
      '30 Normal Created Created container web',
      '30 Normal Started Started container web',
    ]);
    const cs = statusOf(api, 'web');
    expect(cs.restartCount).toBe(1);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(cs.state.running).toBeDefined();
    const log = kubelet
      .logs('default', 'web', 'web', true)!
      .split('\n')
      .filter((l) => l.includes('kube-probe'));
    expect(log).toEqual([
      '10.244.0.1 - - [16/Sep/2024:11:45:11 +0000] "GET /healthz HTTP/1.1" 404 153 "-" "kube-probe/1.30" "-"',
      '10.244.0.1 - - [16/Sep/2024:11:45:21 +0000] "GET /healthz HTTP/1.1" 404 153 "-" "kube-probe/1.30" "-"',
      '10.244.0.1 - - [16/Sep/2024:11:45:31 +0000] "GET /healthz HTTP/1.1" 404 153 "-" "kube-probe/1.30" "-"',
    ]);
    // Each probe is a new connection; its error line (stderr) comes before its access line. Go's client sends host:port.
    const errors = kubelet
      .logs('default', 'web', 'web', true)!
      .split('\n')
      .filter((l) => l.includes('[error]'));
    expect(errors).toEqual(
      [1, 2, 3].map(
        (n) =>
          `2024/09/16 11:45:${n}1 [error] 29#29: *${n} open() "/usr/share/nginx/html/healthz" failed (2: No such file or directory), client: 10.244.0.1, server: localhost, request: "GET /healthz HTTP/1.1", host: "10.244.0.12:80"`,
      ),
    );
  });

  it("the page nginx serves is the container's own: a file written inside makes the probe pass", async () => {
    const { api, kubelet, step, exec } = await cluster();
    api.add({
      metadata: { name: 'web' },
      spec: { containers: [{ name: 'web', image: 'nginx:1.25', livenessProbe: P({ ...HTTP(80, '/healthz'), failureThreshold: 2 }) }] },
    });
    await kubelet.sync();
    expect((await exec('web', 'web', 'echo ok > /usr/share/nginx/html/healthz')).exitCode).toBe(0);
    await step(60_000);
    expect(api.events.map((e) => e.reason)).not.toContain('Unhealthy');
    expect(statusOf(api, 'web').restartCount).toBe(0);
  });

  it("exec: the command's output is the message; a process ignoring SIGTERM goes after the grace period; restartPolicy Never does not restart", async () => {
    const { api, kubelet, step } = await cluster();
    api.add({
      metadata: { name: 'ex' },
      spec: {
        restartPolicy: 'Never',
        terminationGracePeriodSeconds: 5,
        containers: [
          {
            name: 'ex',
            image: 'alpine:3.18',
            command: ['sleep', '3600'],
            livenessProbe: P({ exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5, failureThreshold: 1 }),
          },
        ],
      },
    });
    await kubelet.sync();
    await step(12_000);
    expect(lines(api).filter((l) => /Unhealthy|Killing/.test(l))).toEqual([
      "5 Warning Unhealthy Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n",
      '5 Normal Killing Container ex failed liveness probe',
    ]);
    const st = api.get('ex').status as { phase: string };
    expect(st.phase).toBe('Failed');
    expect(statusOf(api, 'ex').state.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(statusOf(api, 'ex').restartCount).toBe(0);
  });

  it('exec past timeoutSeconds: "command … timed out" on the simulated clock (no real wait); within it, the command\'s status counts', async () => {
    const { api, kubelet, w } = await cluster();
    api.add({
      metadata: { name: 'slow' },
      spec: {
        containers: [
          {
            name: 'slow',
            image: 'alpine:3.18',
            command: ['sleep', '3600'],
            readinessProbe: P({ exec: { command: ['sh', '-c', 'sleep 5; true'] }, periodSeconds: 5, failureThreshold: 1 }),
          },
        ],
      },
    });
    api.add({
      metadata: { name: 'quick' },
      spec: {
        containers: [
          {
            name: 'quick',
            image: 'alpine:3.18',
            command: ['sleep', '3600'],
            readinessProbe: P({ exec: { command: ['sh', '-c', 'sleep 1; true'] }, periodSeconds: 5, failureThreshold: 1, timeoutSeconds: 3 }),
          },
        ],
      },
    });
    await kubelet.sync();
    w.host.kernel.advance(5_000);
    // The terminal's clock runs in real time: the probes' sleeps still take no real time.
    w.host.clock.mode = 'realtime';
    const t0 = performance.now();
    await kubelet.sync();
    const took = performance.now() - t0;
    w.host.clock.mode = 'virtual';
    expect(took).toBeLessThan(2_500);
    expect(api.events.filter((e) => e.reason === 'Unhealthy').map((e) => e.message)).toContain(
      'Readiness probe failed: command "sh -c sleep 5; true" timed out',
    );
    expect(statusOf(api, 'slow').ready).toBe(false);
    expect(statusOf(api, 'quick').ready).toBe(true);
  });

  it('a program the image lacks: "probe errored", the result thrown away (no kill)', async () => {
    const { api, kubelet, step } = await cluster();
    api.add({
      metadata: { name: 'ex' },
      spec: {
        containers: [
          {
            name: 'ex',
            image: 'alpine:3.18',
            command: ['sleep', '3600'],
            livenessProbe: P({ exec: { command: ['healthcheck'] }, periodSeconds: 5, failureThreshold: 1 }),
          },
        ],
      },
    });
    await kubelet.sync();
    await step(11_000);
    const msgs = api.events.filter((e) => e.reason === 'Unhealthy').map((e) => e.message);
    expect(msgs).toHaveLength(2);
    expect(msgs[0]).toMatch(
      /^Liveness probe errored and resulted in unknown state: rpc error: code = Unknown desc = failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "healthcheck": executable file not found in \$PATH: unknown$/,
    );
    expect(api.events.map((e) => e.reason)).not.toContain('Killing');
  });

  it('keeps failing: the restarts back off as the kubelet does (no back-off on the first kill) and the pod shows CrashLoopBackOff', async () => {
    const { api, kubelet, step } = await cluster();
    const pod = api.add({
      metadata: { name: 'web' },
      spec: { containers: [{ name: 'web', image: 'nginx:1.25', livenessProbe: P({ ...HTTP(80, '/healthz'), periodSeconds: 1, failureThreshold: 1 }) }] },
    });
    await kubelet.sync();
    await step(120_000);
    const starts = api.events.filter((e) => e.reason === 'Started').map((e) => e.atMs);
    const gaps = starts.slice(1).map((t, i) => Math.round((t - starts[i]!) / 1000));
    // Killed a second after each start; restarted at once twice, then after 10 s, 20 s, 40 s since the last kill.
    expect(gaps.slice(0, 5)).toEqual([1, 1, 11, 21, 41]);
    expect(api.events.find((e) => e.reason === 'BackOff')?.message).toBe(`Back-off restarting failed container web in pod web_default(${pod.metadata.uid})`);
  });
});

describe('prober: startup', () => {
  it('gates liveness and readiness until it succeeds; its failures kill the container', async () => {
    const { api, kubelet, step } = await cluster();
    api.add({
      metadata: { name: 'web' },
      spec: {
        containers: [
          {
            name: 'web',
            image: 'nginx:1.25',
            startupProbe: P({ tcpSocket: { port: 81 }, periodSeconds: 5, failureThreshold: 2 }),
            livenessProbe: P(HTTP(80, '/healthz')),
            readinessProbe: P(HTTP(80)),
          },
        ],
      },
    });
    await kubelet.sync();
    await step(6_000);
    const cs = api.get('web').status as { containerStatuses: { started: boolean; ready: boolean }[] };
    expect(cs.containerStatuses[0]).toMatchObject({ started: false, ready: false });
    await step(5_000);
    const ip = (api.get('web').status as { podIP: string }).podIP;
    // The worker's first tick came before the container existed; then every 5 s. No liveness or readiness run before it.
    expect(lines(api).filter((l) => /Unhealthy|Killing/.test(l))).toEqual([
      `5 Warning Unhealthy Startup probe failed: dial tcp ${ip}:81: connect: connection refused`,
      `10 Warning Unhealthy Startup probe failed: dial tcp ${ip}:81: connect: connection refused`,
      '10 Normal Killing Container web failed startup probe, will be restarted',
    ]);
    expect(statusOf(api, 'web').restartCount).toBe(1);
  });

  it('once started, liveness and readiness run', async () => {
    const { api, kubelet, step } = await cluster();
    api.add({
      metadata: { name: 'web' },
      spec: { containers: [{ name: 'web', image: 'nginx:1.25', startupProbe: P(HTTP(80)), readinessProbe: P(HTTP(80)) }] },
    });
    await kubelet.sync();
    expect(statusOf(api, 'web').ready).toBe(false);
    await step(10_500);
    const c = (api.get('web').status as { containerStatuses: { started: boolean; ready: boolean }[] }).containerStatuses[0];
    expect(c).toMatchObject({ started: true, ready: true });
  });
});

describe('prober through kubectl', () => {
  it('READY 0/1 while the readiness probe fails; describe shows Ready False and the events', async () => {
    const w = createWorld();
    await write(
      w,
      'pod.yaml',
      `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.25
    readinessProbe:
      tcpSocket:
        port: 81
`,
    );
    expect((await w.exec('kubectl apply -f pod.yaml')).stdout).toBe('pod/web created\n');
    await w.exec('sleep 25');
    expect((await w.exec('kubectl get pods')).stdout).toBe('NAME   READY   STATUS    RESTARTS   AGE\nweb    0/1     Running   0          27s\n');
    const d = (await w.exec('kubectl describe pod web')).stdout;
    expect(d).toContain('    Ready:          False\n');
    expect(d).toContain('    Readiness:      tcp-socket :81 delay=0s timeout=1s period=10s #success=1 #failure=3\n');
    expect(d).toContain('  Ready                       False \n  ContainersReady             False \n');
    expect(d).toContain(
      '  Warning  Unhealthy  8s (x4 over 28s)  kubelet            Readiness probe failed: dial tcp 10.244.0.12:81: connect: connection refused\n',
    );
  });
});
