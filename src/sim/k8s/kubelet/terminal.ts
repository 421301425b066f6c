/**
 * A finished pod's sandbox. A pod whose containers all stopped for good (Succeeded, or Failed under restartPolicy Never or
 * OnFailure's success) is terminal: SyncPod returns isTerminal, the pod worker moves it to terminating (pod_workers.go
 * completeSync), and SyncTerminatingPod kills what still runs (its ephemeral containers, "Stopping container", with the
 * pod's grace period) and then stops its sandbox (kubernetes@v1.30.0:pkg/kubelet/kubelet.go SyncTerminatingPod, killPod;
 * pkg/kubelet/kuberuntime/kuberuntime_manager.go killPodWithSyncResult: StopPodSandbox after the containers). `crictl pods`
 * then lists it NotReady and the pause process is gone; the exited containers and the sandbox stay until the pod is deleted.
 */
import type { Containerd } from '../../runtime/containerd.ts';
import type { Obj } from './config.ts';
import type { Emit } from './images.ts';
import type { PodTrack } from './kubelet.ts';
import { phaseOf, type ContainerTrack } from './status.ts';

export function stopIfTerminal(cri: Containerd, t: PodTrack, spec: Obj, emitter: (container: string, ephemeral?: boolean) => Emit): void {
  if (t.sandbox?.state !== 'SANDBOX_READY') return;
  const names = ((spec.containers as Obj[] | undefined) ?? []).map((c) => String(c.name));
  const cts = names.map((n) => t.containers.get(n)).filter((c): c is ContainerTrack => Boolean(c));
  const phase = phaseOf(spec, cts);
  if (phase !== 'Succeeded' && phase !== 'Failed') return;
  const grace = Number(spec.terminationGracePeriodSeconds ?? 30);
  const running = [...t.containers.values()].filter((ct) => ct.current?.state === 'CONTAINER_RUNNING');
  if (running.length) {
    if (t.stopping) return;
    t.stopping = true;
    for (const ct of running) {
      emitter(ct.name, ct.ephemeral)('Normal', 'Killing', `Stopping container ${ct.name}`);
      cri.stopContainer(ct.current!.id, grace);
    }
    return;
  }
  t.stopping = undefined;
  cri.stopPodSandbox(t.sandbox.id);
}
