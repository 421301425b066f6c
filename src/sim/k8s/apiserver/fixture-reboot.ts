/**
 * kube-system after node1's reboot this morning (the cluster was made 14 days before it, CLUSTER_CREATED; node1 booted at
 * the host's bootTime). What containerd 1.7 and the kubelet v1.30 leave, per pod:
 *
 * - containerd keeps its CRI metadata in /var/lib/containerd across the reboot, but the tasks are gone: on start it
 *   loads the old sandbox as NotReady (containerd@v1.7.22:pkg/cri/server/restart.go loadSandbox: "Task does not
 *   exist, set sandbox state as NOTREADY") and the old container as exited with ExitCode 255 and Reason "Unknown"
 *   (loadContainer: "Container was in running state, but its task has been deleted, set unknown exited state").
 * - the kubelet finds no ready sandbox and makes a new one with the old attempt + 1 (kubernetes@v1.30.5:
 *   pkg/kubelet/kuberuntime/util/util.go PodSandboxChanged: "No ready sandbox for pod can be found. Need to start a new
 *   one"), and starts the container with restartCount = the old one's + 1 (kuberuntime_container.go startContainer),
 *   so RESTARTS is 1 and the old container becomes lastState.terminated.
 * - the container GC keeps one dead container per pod container (MaxPerPodContainer 1), and a sandbox that still has a
 *   container is not removed (kuberuntime_gc.go evictSandboxes), so `crictl pods -a` lists two sandboxes per pod and
 *   `crictl ps -a` two containers.
 * - the status manager starts from the mirror pod's status (status_manager.go updateStatusInternal: oldStatus =
 *   mirrorPod.Status), so startTime, Initialized and PodScheduled keep their first times; PodReadyToStartContainers,
 *   ContainersReady and Ready went False at the restart and True again after the boot.
 *
 * Ids are fixture values from their own seeded stream (the API objects' stream is unchanged by them).
 */
import { Rng } from '../../rng.ts';
import { AFTER_BOOT, CLUSTER_CREATED } from './fixture.ts';

type Obj = Record<string, unknown>;

/** One run of a pod's container: its sandbox and its container, as containerd holds them. */
export interface SandboxRun {
  sandboxId: string;
  containerId: string;
  attempt: number;
  sandboxCreatedMs: number;
  createdMs: number;
  startedMs: number;
  /** 0 while running. */
  finishedMs: number;
}

/** A kube-system pod's two runs on node1: before the reboot (now NotReady/Exited) and since (Ready/Running). */
export interface PodRuns {
  name: string;
  namespace: string;
  uid: string;
  container: string;
  image: string;
  /** The image's config digest (crictl's IMAGE ID). */
  imageId: string;
  /** The repo digest it was pulled by (the pod status's imageID, crictl inspect's imageRef). */
  repoDigest: string;
  before: SandboxRun;
  since: SandboxRun;
}

const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** Seconds after node1's boot at which the kubelet made each pod's new sandbox (static pods first, kube-proxy once the API answered, CoreDNS once the CNI was ready). */
export const SANDBOX_AFTER_BOOT = { static: 12, proxy: 28, dns: 40 };

export class RebootStory {
  private readonly rng = new Rng(0x6b737262);
  readonly runs: PodRuns[] = [];
  private readonly imageIds = new Map<string, string>();

  constructor(private readonly bootMs: number) {}

  private imageId(image: string): string {
    let id = this.imageIds.get(image);
    if (!id) this.imageIds.set(image, (id = `sha256:${this.rng.hex(64)}`));
    return id;
  }

  /**
   * The pod's status now: `firstStart` (seconds after CLUSTER_CREATED) is when its container first ran, `sinceBoot`
   * (seconds after the boot) when the kubelet made its new sandbox; the container starts a second later. `readyAfter`:
   * seconds from the container's start to its first successful readiness or startup probe.
   */
  status(
    pod: { name: string; namespace: string; uid: string },
    c: { name: string; image: string; containerID: string; imageID: string },
    o: { podIP: string; hostIP: string; qos: string; firstStart: number; sinceBoot: number; readyAfter: number },
  ): Obj {
    const created = Date.parse(CLUSTER_CREATED);
    const oldStart = created + o.firstStart * 1000;
    const before: SandboxRun = {
      sandboxId: this.rng.hex(64),
      containerId: this.rng.hex(64),
      attempt: 0,
      sandboxCreatedMs: oldStart - 1000 + this.rng.int(400),
      createdMs: oldStart - 300 + this.rng.int(200),
      startedMs: oldStart + this.rng.int(400),
      finishedMs: this.bootMs + AFTER_BOOT.containerdLoaded * 1000 + this.rng.int(900),
    };
    const sandboxAt = this.bootMs + o.sinceBoot * 1000 + this.rng.int(900);
    const since: SandboxRun = {
      sandboxId: this.rng.hex(64),
      containerId: c.containerID,
      attempt: 1,
      sandboxCreatedMs: sandboxAt,
      createdMs: sandboxAt + 700 + this.rng.int(200),
      startedMs: sandboxAt + 1000 + this.rng.int(200),
      finishedMs: 0,
    };
    this.runs.push({ ...pod, container: c.name, image: c.image, imageId: this.imageId(c.image), repoDigest: c.imageID, before, since });
    const kept = (type: string) => (type === 'Initialized' || type === 'PodScheduled' ? iso(oldStart + 2000) : undefined);
    const again: Record<string, number> = { PodReadyToStartContainers: sandboxAt + 1000, ContainersReady: since.startedMs + o.readyAfter * 1000 };
    again.Ready = again.ContainersReady as number;
    return {
      conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({
        lastProbeTime: null,
        lastTransitionTime: kept(type) ?? iso(again[type] as number),
        status: 'True',
        type,
      })),
      containerStatuses: [
        {
          containerID: `containerd://${c.containerID}`,
          image: c.image,
          imageID: c.imageID,
          lastState: {
            terminated: {
              containerID: `containerd://${before.containerId}`,
              exitCode: 255,
              finishedAt: iso(before.finishedMs),
              reason: 'Unknown',
              startedAt: iso(before.startedMs),
            },
          },
          name: c.name,
          ready: true,
          restartCount: 1,
          started: true,
          state: { running: { startedAt: iso(since.startedMs) } },
        },
      ],
      hostIP: o.hostIP,
      hostIPs: [{ ip: o.hostIP }],
      phase: 'Running',
      podIP: o.podIP,
      podIPs: [{ ip: o.podIP }],
      qosClass: o.qos,
      startTime: iso(oldStart),
    };
  }
}
