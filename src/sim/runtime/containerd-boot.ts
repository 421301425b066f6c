/**
 * What node1's containerd holds from before this session: kube-system's sandboxes and containers as the reboot left them
 * (k8s/apiserver/fixture-reboot.ts), the same ids, attempts and times the API server's pod statuses report.
 */
import { nodeFactsOf } from '../k8s/apiserver/fixture.ts';
import { systemRuns } from '../k8s/apiserver/fixture-system.ts';
import type { Host } from '../host.ts';
import type { Containerd } from './containerd.ts';

/** The CRI state kube-system's pods left at node1's boot, as containerd reloaded it and the kubelet added to it. */
export function recordBoot(c: Containerd, host: Host): void {
  for (const r of systemRuns(nodeFactsOf(host.fixture))) {
    for (const [run, ready] of [
      [r.before, false],
      [r.since, true],
    ] as const) {
      c.booted.sandboxes.push({
        id: run.sandboxId,
        name: r.name,
        namespace: r.namespace,
        uid: r.uid,
        attempt: run.attempt,
        createdMs: run.sandboxCreatedMs,
        state: ready ? 'SANDBOX_READY' : 'SANDBOX_NOTREADY',
      });
      c.booted.containers.push({
        id: run.containerId,
        sandboxId: run.sandboxId,
        name: r.container,
        attempt: run.attempt,
        image: r.image,
        imageRef: r.imageId,
        repoDigest: r.repoDigest,
        createdMs: run.createdMs,
        startedMs: run.startedMs,
        finishedMs: run.finishedMs,
        state: ready ? 'CONTAINER_RUNNING' : 'CONTAINER_EXITED',
        // containerd@v1.7.22:pkg/cri/server/restart.go: unknownExitCode 255, unknownExitReason "Unknown".
        exitCode: ready ? 0 : 255,
        reason: ready ? '' : 'Unknown',
        pid: 0,
        logs: [],
        labels: {
          'io.kubernetes.container.name': r.container,
          'io.kubernetes.pod.name': r.name,
          'io.kubernetes.pod.namespace': r.namespace,
          'io.kubernetes.pod.uid': r.uid,
        },
      });
    }
  }
}
