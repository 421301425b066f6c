/**
 * cloudnatived/demo:hello listens on :80. As a non-root user it may not bind it on containerd 1.7
 * (ip_unprivileged_port_start stays 1024 and an added capability is bounding-only), so Go's
 * log.Fatal prints the listen error and the kubelet backs off; as root with NET_BIND_SERVICE it runs.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';

const manifest = (user: string) =>
  `printf '%s\\n' 'apiVersion: v1' 'kind: Pod' 'metadata:' '  name: demo' 'spec:' '  containers:' '  - name: demo' '    image: cloudnatived/demo:hello' '    securityContext:'${user} '      allowPrivilegeEscalation: false' '      capabilities:' '        drop: ["ALL"]' '        add: ["NET_BIND_SERVICE"]' > demo.yaml`;

describe('cloudnatived/demo:hello binding :80 in a pod', () => {
  it('as UID 1000 it logs Go\'s listen error and goes into CrashLoopBackOff', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await w.exec(manifest(" '      runAsUser: 1000'"));
    expect((await w.exec('kubectl apply -f demo.yaml')).stdout).toBe('pod/demo created\n');
    await w.exec('sleep 40');
    expect((await w.exec('kubectl logs demo')).stdout).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d listen tcp :80: bind: permission denied\n$/);
    expect((await w.exec('kubectl get pod demo')).stdout).toMatch(/^demo +0\/1 +CrashLoopBackOff +3 \(\d+s ago\)/m);
  });
  it('as root with NET_BIND_SERVICE it runs and logs nothing', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await w.exec(manifest(''));
    await w.exec('kubectl apply -f demo.yaml');
    await w.exec('sleep 40');
    expect((await w.exec('kubectl logs demo')).stdout).toBe('');
    expect((await w.exec('kubectl get pod demo')).stdout).toMatch(/^demo +1\/1 +Running +0 /m);
  });
});
