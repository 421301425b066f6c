import { describe, expect, it } from 'vitest';
import { cluster, statusOf } from './fake-api.ts';

const sleeper = (sc: Record<string, unknown> = {}, podSc?: Record<string, unknown>, image = 'alpine:3.18') => ({
  ...(podSc ? { securityContext: podSc } : {}),
  containers: [{ name: 'demo', image, command: ['sleep', 'infinity'], securityContext: sc }],
});

describe('kubelet: securityContext (L12)', () => {
  it('runAsNonRoot with an image that runs as root: CreateContainerConfigError with the kubelet text', async () => {
    const { api, kubelet } = await cluster();
    const pod = api.add({ metadata: { name: 'demo' }, spec: sleeper({ runAsNonRoot: true }) });
    await kubelet.sync();
    const msg = `container has runAsNonRoot and image will run as root (pod: "demo_default(${pod.metadata.uid})", container: demo)`;
    expect(statusOf(api, 'demo').state).toEqual({ waiting: { reason: 'CreateContainerConfigError', message: msg } });
    expect(api.events.filter((e) => e.type === 'Warning').map((e) => e.message)).toEqual([`Error: ${msg}`]);
    expect((api.get('demo').status as { phase: string }).phase).toBe('Pending');
  });

  it('runAsNonRoot with a non-numeric image user, and with runAsUser: 0', async () => {
    const { api, kubelet } = await cluster();
    const a = api.add({ metadata: { name: 'mc' }, spec: { containers: [{ name: 'mc', image: 'memcached:1.6', securityContext: { runAsNonRoot: true } }] } });
    const b = api.add({ metadata: { name: 'zero' }, spec: sleeper({ runAsUser: 0 }, { runAsNonRoot: true }) });
    await kubelet.sync();
    expect(statusOf(api, 'mc').state.waiting!.message).toBe(
      `container has runAsNonRoot and image has non-numeric user (memcache), cannot verify user is non-root (pod: "mc_default(${a.metadata.uid})", container: mc)`,
    );
    expect(statusOf(api, 'zero').state.waiting!.message).toBe(
      `container's runAsUser breaks non-root policy (pod: "zero_default(${b.metadata.uid})", container: demo)`,
    );
  });

  it('runAsUser 1000 with no passwd entry; the pod level is inherited, the container level wins', async () => {
    const { api, kubelet, exec } = await cluster();
    api.add({ metadata: { name: 'demo' }, spec: sleeper({}, { runAsUser: 1000, runAsNonRoot: true }) });
    api.add({ metadata: { name: 'own' }, spec: sleeper({ runAsUser: 2000, runAsGroup: 3000 }, { runAsUser: 1000 }) });
    await kubelet.sync();
    expect((await exec('demo', 'demo', 'id')).stdout).toBe('uid=1000 gid=0(root) groups=0(root)\n');
    expect((await exec('own', 'demo', 'id')).stdout).toMatch(/^uid=2000 gid=3000/);
  });

  it('readOnlyRootFilesystem: writes fail on / and work on an emptyDir', async () => {
    const { api, kubelet, exec } = await cluster();
    api.add({
      metadata: { name: 'ro' },
      spec: {
        volumes: [{ name: 'tmp', emptyDir: {} }],
        containers: [
          {
            name: 'demo',
            image: 'alpine:3.18',
            command: ['sleep', 'infinity'],
            securityContext: { readOnlyRootFilesystem: true },
            volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
          },
        ],
      },
    });
    await kubelet.sync();
    const r = await exec('ro', 'demo', 'touch /x');
    expect(r.stderr).toBe('touch: /x: Read-only file system\n');
    expect(r.exitCode).toBe(1);
    expect(await exec('ro', 'demo', 'touch /tmp/x && echo ok')).toMatchObject({ stdout: 'ok\n', exitCode: 0 });
  });

  it('capabilities: containerd defaults, drop ALL + add NET_BIND_SERVICE, and 0 effective for non-root', async () => {
    const { api, kubelet, exec } = await cluster();
    api.add({ metadata: { name: 'plain' }, spec: sleeper() });
    api.add({ metadata: { name: 'min' }, spec: sleeper({ capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } }) });
    api.add({ metadata: { name: 'user' }, spec: sleeper({ runAsUser: 1000, capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } }) });
    await kubelet.sync();
    expect((await exec('plain', 'demo', 'grep CapEff /proc/1/status')).stdout).toBe('CapEff:\t00000000a80425fb\n');
    expect((await exec('min', 'demo', 'grep -E "CapEff|CapBnd" /proc/1/status')).stdout).toBe('CapEff:\t0000000000000400\nCapBnd:\t0000000000000400\n');
    expect((await exec('user', 'demo', 'grep -E "CapEff|CapBnd" /proc/1/status')).stdout).toBe('CapEff:\t0000000000000000\nCapBnd:\t0000000000000400\n');
  });

  it('NoNewPrivs with allowPrivilegeEscalation: false; Seccomp 0 unless RuntimeDefault; AppArmor cri-containerd.apparmor.d', async () => {
    const { api, kubelet, exec } = await cluster();
    api.add({ metadata: { name: 'plain' }, spec: sleeper() });
    api.add({ metadata: { name: 'tight' }, spec: sleeper({ allowPrivilegeEscalation: false }, { seccompProfile: { type: 'RuntimeDefault' } }) });
    await kubelet.sync();
    expect((await exec('plain', 'demo', 'grep -E "NoNewPrivs|Seccomp:" /proc/1/status')).stdout).toBe('NoNewPrivs:\t0\nSeccomp:\t0\n');
    expect((await exec('tight', 'demo', 'grep -E "NoNewPrivs|Seccomp:" /proc/1/status')).stdout).toBe('NoNewPrivs:\t1\nSeccomp:\t2\n');
    expect((await exec('plain', 'demo', 'cat /proc/self/attr/current')).stdout).toBe('cri-containerd.apparmor.d (enforce)\n');
  });

  it('env: the pod value overrides the image ENV; HOSTNAME is the pod name', async () => {
    const { api, kubelet, exec } = await cluster();
    api.add({
      metadata: { name: 'envy' },
      spec: {
        containers: [
          {
            name: 'demo',
            image: 'alpine:3.18',
            command: ['sleep', 'infinity'],
            env: [
              { name: 'PATH', value: '/bin' },
              { name: 'GREETING', value: 'Hello from the environment' },
            ],
          },
        ],
      },
    });
    await kubelet.sync();
    expect((await exec('envy', 'demo', 'printenv GREETING HOSTNAME PATH')).stdout).toBe('Hello from the environment\nenvy\n/bin\n');
  });

  it('a non-root nginx cannot bind :80: its log says so and the pod goes to CrashLoopBackOff', async () => {
    const { api, kubelet, step } = await cluster();
    api.add({
      metadata: { name: 'web' },
      spec: {
        volumes: [{ name: 'cache', emptyDir: {} }],
        containers: [
          { name: 'web', image: 'nginx:1.25', securityContext: { runAsUser: 101 }, volumeMounts: [{ name: 'cache', mountPath: '/var/cache/nginx' }] },
        ],
      },
    });
    await kubelet.sync();
    expect(kubelet.logs('default', 'web', 'web', false)).toMatch(
      /\[emerg\] 1#1: bind\(\) to 0\.0\.0\.0:80 failed \(13: Permission denied\)\nnginx: \[emerg\] bind\(\) to 0\.0\.0\.0:80 failed \(13: Permission denied\)\n$/,
    );
    await step(1000);
    const cs = statusOf(api, 'web');
    expect(cs.state.waiting!.reason).toBe('CrashLoopBackOff');
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
  });
});

describe('kubelet: fsGroup', () => {
  it('fsGroup and runAsGroup: id shows the supplementary groups, sorted', async () => {
    const { api, kubelet, exec } = await cluster();
    api.add({ metadata: { name: 'grp' }, spec: sleeper({}, { runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000 }) });
    await kubelet.sync();
    expect((await exec('grp', 'demo', 'id')).stdout).toBe('uid=1000 gid=3000 groups=2000,3000\n');
  });
});
