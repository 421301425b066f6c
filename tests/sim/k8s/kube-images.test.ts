/**
 * kube-system's images are runnable images in containerd's k8s.io store (runtime/kube-images.ts), under the ids, repo
 * digests and sizes crictl and ctr print for them, so a pod using one with IfNotPresent starts without a pull.
 * The etcd image has no ENTRYPOINT or CMD (kubernetes@v1.30.5:cluster/images/etcd/Dockerfile): without a command,
 * containerd refuses the container (containerd@v1.7.22:pkg/cri/opts/spec_linux.go WithProcessArgs "no command
 * specified") and the kubelet reports CreateContainerError with the gRPC message; with `etcd`, runc finds it on PATH.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';

describe("kube-system's images in containerd's store", () => {
  it('run from the store (no pull), with the ids and digests crictl lists unchanged', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    const before = (await w.exec('crictl images --digests')).stdout;
    const refs = (await w.exec('ctr -n k8s.io images ls')).stdout;
    expect(before).toContain('registry.k8s.io/etcd                      3.5.12-0            1e415a0a605d3       1e7b042337804       57.2MB\n');
    await w.exec('kubectl run e --image=registry.k8s.io/etcd:3.5.12-0 --command -- etcd --name=e');
    await w.exec('kubectl run s --image=registry.k8s.io/kube-scheduler:v1.30.5');
    await w.exec('kubectl run p --image=registry.k8s.io/pause:3.9');
    await w.exec('sleep 15');
    const pods = (await w.exec('kubectl get pods')).stdout.split('\n').slice(1, -1);
    expect(pods.map((l) => l.split(/ +/).slice(0, 4).join(' '))).toEqual(['e 1/1 Running 0', 'p 1/1 Running 0', 's 1/1 Running 0']);
    expect((await w.exec('kubectl describe pod e')).stdout).toContain('Container image "registry.k8s.io/etcd:3.5.12-0" already present on machine');
    expect((await w.exec('kubectl get pod e -o jsonpath={.status.containerStatuses[0].imageID}')).stdout).toBe(
      'registry.k8s.io/etcd@sha256:1e415a0a605d31ac0fbecb40dd358c6417d892b9445aa59bbf28c29906b1c3bf',
    );
    // etcd found on PATH (/usr/local/bin/etcd); the scheduler image's ENTRYPOINT is /go-runner.
    expect((await w.exec('ps -eo args | grep -E "^(etcd|/go-runner)"')).stdout).toBe('etcd --name=e\n/go-runner\n');
    expect((await w.exec('crictl images --digests')).stdout).toBe(before);
    expect((await w.exec('ctr -n k8s.io images ls')).stdout).toBe(refs);
  }, 60_000);

  it('the etcd image with no command: CreateContainerError, "no command specified"', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await w.exec('kubectl run e --image=registry.k8s.io/etcd:3.5.12-0');
    await w.exec('sleep 5');
    expect((await w.exec('kubectl get pod e -o jsonpath={.status.containerStatuses[0].state.waiting.reason}')).stdout).toBe('CreateContainerError');
    expect((await w.exec('kubectl get pod e -o jsonpath={.status.containerStatuses[0].state.waiting.message}')).stdout).toMatch(
      /^failed to generate container "[0-9a-f]{64}" spec: failed to generate spec: no command specified$/,
    );
    expect((await w.exec('kubectl get pods')).stdout).toMatch(/^e +0\/1 +CreateContainerError +0 /m);
  }, 60_000);
});
