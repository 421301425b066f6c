/**
 * Pod sysctls (spec.securityContext.sysctls) on node1's kubelet and containerd 1.7: the safe ones go into the pod
 * sandbox's namespaces (net.* into its network namespace, kernel.shm_rmid_forced into its IPC namespace), so
 * /proc/sys in every container of the pod and the bind(2) check agree; any other one makes the kubelet reject the
 * pod (SysctlForbidden), and a safe net.* sysctl is refused with hostNetwork.
 */
import { describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../../src/sim/index.ts';
import { write } from './helpers.ts';

const pod = (
  name: string,
  sysctls: [string, string][],
  opts: { command?: string; user?: number; hostNetwork?: boolean; second?: boolean } = {},
) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${opts.hostNetwork ? '  hostNetwork: true\n' : ''}  securityContext:
    runAsUser: ${opts.user ?? 1000}
${sysctls.length ? `    sysctls:\n${sysctls.map(([n, v]) => `    - name: ${n}\n      value: "${v}"\n`).join('')}` : ''}  containers:
  - name: app
    image: alpine:3.20
    command: ${opts.command ?? '["sleep", "3600"]'}
    securityContext:
      allowPrivilegeEscalation: false
      capabilities:
        drop: ["ALL"]
${opts.second ? '  - name: side\n    image: alpine:3.20\n    command: ["sleep", "3600"]\n' : ''}`;

async function applied(w: World, name: string, text: string): Promise<void> {
  await write(w, `${name}.yaml`, text);
  expect((await w.exec(`kubectl apply -f ${name}.yaml`)).stdout).toBe(`pod/${name} created\n`);
}

describe('pod sysctls', () => {
  it('ip_unprivileged_port_start=0 reaches the pod: /proc/sys shows it in both containers, a pod without it keeps 1024', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await applied(w, 'low', pod('low', [['net.ipv4.ip_unprivileged_port_start', '0']], { second: true }));
    await applied(w, 'plain', pod('plain', []));
    await w.exec('sleep 10');
    expect((await w.exec('kubectl exec low -c app -- cat /proc/sys/net/ipv4/ip_unprivileged_port_start')).stdout).toBe('0\n');
    expect((await w.exec('kubectl exec low -c side -- sysctl net.ipv4.ip_unprivileged_port_start')).stdout).toBe('net.ipv4.ip_unprivileged_port_start = 0\n');
    // Without the sysctl, containerd 1.7 leaves the kernel's default.
    expect((await w.exec('kubectl exec plain -- cat /proc/sys/net/ipv4/ip_unprivileged_port_start')).stdout).toBe('1024\n');
    const denied = await w.exec('kubectl exec plain -- nc -l -p 80');
    expect([denied.stderr, denied.exitCode]).toEqual(['nc: bind: Permission denied\ncommand terminated with exit code 1\n', 1]);
    // The host's own value is untouched.
    expect((await w.exec('cat /proc/sys/net/ipv4/ip_unprivileged_port_start')).stdout).toBe('1024\n');
  });

  it('a container whose command binds port 80 as UID 1000 runs with the sysctl, and crash-loops without it', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    const nc = '["nc", "-l", "-p", "80"]';
    await applied(w, 'with', pod('with', [['net.ipv4.ip_unprivileged_port_start', '80']], { command: nc }));
    await applied(w, 'without', pod('without', [], { command: nc }));
    await w.exec('sleep 40');
    expect((await w.exec('kubectl get pod with')).stdout).toMatch(/^with +1\/1 +Running +0 /m);
    expect((await w.exec('kubectl get pod without')).stdout).toMatch(/^without +0\/1 +CrashLoopBackOff /m);
    expect((await w.exec('kubectl logs without --previous')).stdout).toBe('nc: bind: Permission denied\n');
    // 80 is the first unprivileged port now: 79 still needs CAP_NET_BIND_SERVICE.
    const r = await w.exec('kubectl exec with -- nc -l -p 79');
    expect([r.stderr, r.exitCode]).toEqual(['nc: bind: Permission denied\ncommand terminated with exit code 1\n', 1]);
  });

  it('kernel.shm_rmid_forced, written with slashes, lands in the pod IPC namespace', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await applied(w, 'ipc', pod('ipc', [['kernel/shm_rmid_forced', '1']]));
    await w.exec('sleep 10');
    expect((await w.exec('kubectl exec ipc -- cat /proc/sys/kernel/shm_rmid_forced')).stdout).toBe('1\n');
  });

  it('an unsafe sysctl: the kubelet rejects the pod with SysctlForbidden and starts nothing', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await applied(w, 'unsafe', pod('unsafe', [['net.core.somaxconn', '1024']]));
    await w.exec('sleep 10');
    expect((await w.exec('kubectl get pod unsafe')).stdout).toMatch(/^unsafe +0\/1 +SysctlForbidden +0 /m);
    const status = JSON.parse((await w.exec("kubectl get pod unsafe -o jsonpath='{.status}'")).stdout);
    expect([status.phase, status.reason, status.message]).toEqual([
      'Failed',
      'SysctlForbidden',
      'Pod was rejected: forbidden sysctl: "net.core.somaxconn" not allowlisted',
    ]);
    expect(status.containerStatuses).toBeUndefined();
    expect((await w.exec('kubectl get events --field-selector reason=SysctlForbidden -o jsonpath="{.items[*].message}"')).stdout).toBe(
      'forbidden sysctl: "net.core.somaxconn" not allowlisted',
    );
    expect((await w.exec('kubectl delete pod unsafe')).stdout).toBe('pod "unsafe" deleted\n');
  });

  it('a safe net sysctl with hostNetwork is refused: it would change the host', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await applied(w, 'hostnet', pod('hostnet', [['net.ipv4.ip_unprivileged_port_start', '0']], { hostNetwork: true }));
    await w.exec('sleep 10');
    expect(JSON.parse((await w.exec("kubectl get pod hostnet -o jsonpath='{.status}'")).stdout).message).toBe(
      'Pod was rejected: forbidden sysctl: "net.ipv4.ip_unprivileged_port_start" not allowed with host net enabled',
    );
    expect((await w.exec('cat /proc/sys/net/ipv4/ip_unprivileged_port_start')).stdout).toBe('1024\n');
  });
});
