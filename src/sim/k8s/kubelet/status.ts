/**
 * The pod status the kubelet reports (kubernetes@v1.30.0 pkg/kubelet/kubelet_pods.go
 * generateAPIPodStatus, getPhase; pkg/kubelet/status/generate.go for the Ready,
 * ContainersReady, Initialized and PodReadyToStartContainers conditions).
 */
import { fullName, parseNormalizedNamed, tagNameOnly, referenceString } from '../../../oci/reference.ts';
import { podQos } from '../../../k8s/resources.ts';
import type { CriContainer, CriSandbox } from '../../runtime/containerd.ts';
import type { ContainerState, ContainerStatus, KObject } from '../types.ts';
import type { Obj } from './config.ts';

export interface ContainerTrack {
  name: string;
  image: string;
  restartCount: number;
  imageID: string;
  current?: CriContainer;
  previous?: CriContainer;
  waiting?: { reason: string; message?: string };
  lastEventMs: number;
  retryAtMs?: number;
  /** One of spec.ephemeralContainers: never restarted, reported in ephemeralContainerStatuses. */
  ephemeral?: boolean;
  /** The probe manager's view of the running instance (UpdatePodStatus): started (startup probe), ready (readiness probe). */
  started?: boolean;
  ready?: boolean;
  /** Being killed for a failed liveness or startup probe; the last exited instance before it, for the back-off. */
  probeKill?: { restart: boolean; prevFinishedMs?: number };
}

interface Track {
  sandbox?: CriSandbox;
  /** The kubelet's admission refused the pod (lifecycle.PodAdmitResult): it never starts. */
  rejected?: { reason: string; message: string };
  startMs: number;
  containers: Map<string, ContainerTrack>;
  transitions?: Map<string, { status: string; at: string }>;
}

export const rfc3339 = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function terminated(c: CriContainer): ContainerState {
  return {
    terminated: {
      exitCode: c.exitCode,
      reason: c.reason,
      startedAt: rfc3339(c.startedMs),
      finishedAt: rfc3339(c.finishedMs),
      containerID: `containerd://${c.id}`,
    },
  };
}

/** containerd reports the image of a container by its normalised name (`docker.io/library/nginx:1.25`). */
function fullImage(image: string): string {
  try {
    const r = tagNameOnly(parseNormalizedNamed(image));
    return r.digest && !r.tag ? `${fullName(r)}@${r.digest}` : referenceString(r);
  } catch {
    return image;
  }
}

function containerStatus(ct: ContainerTrack): ContainerStatus {
  const cur = ct.current;
  let state: ContainerState;
  let lastState: ContainerState = {};
  if (cur?.state === 'CONTAINER_RUNNING') {
    state = { running: { startedAt: rfc3339(cur.startedMs) } };
    if (ct.previous) lastState = terminated(ct.previous);
  } else if (ct.waiting) {
    state = { waiting: { ...ct.waiting } };
    if (cur) lastState = terminated(cur);
  } else if (cur) {
    state = terminated(cur);
    if (ct.previous) lastState = terminated(ct.previous);
  } else state = { waiting: { reason: 'ContainerCreating' } };
  const running = cur?.state === 'CONTAINER_RUNNING';
  const out: ContainerStatus = {
    name: ct.name,
    state,
    lastState,
    ready: running && ct.ready !== false,
    restartCount: ct.restartCount,
    image: cur ? fullImage(ct.image) : ct.image,
    imageID: cur ? ct.imageID : '',
    started: running && ct.started !== false,
  };
  if (cur) out.containerID = `containerd://${cur.id}`;
  // An ephemeral container is never ready, and the prober manager sets `started` only on regular and init containers.
  if (ct.ephemeral)
    return {
      name: out.name,
      state: out.state,
      lastState: out.lastState,
      ready: false,
      restartCount: out.restartCount,
      image: out.image,
      imageID: out.imageID,
      ...(cur ? { containerID: out.containerID } : {}),
    } as ContainerStatus;
  return {
    name: out.name,
    state: out.state,
    lastState: out.lastState,
    ready: out.ready,
    restartCount: out.restartCount,
    image: out.image,
    imageID: out.imageID,
    ...(cur ? { containerID: out.containerID } : {}),
    started: out.started,
  };
}

/** getPhase: Pending until every container has run; then Running, or Succeeded/Failed once all stopped for good. */
export function phaseOf(spec: Obj, cts: ContainerTrack[]): string {
  if (cts.some((c) => !c.current)) return 'Pending';
  const policy = String(spec.restartPolicy ?? 'Always');
  const stopped = cts.filter((c) => c.current?.state === 'CONTAINER_EXITED');
  if (stopped.length < cts.length) return 'Running';
  const failed = stopped.some((c) => c.current!.exitCode !== 0);
  if (policy === 'Always') return 'Running';
  if (policy === 'OnFailure') return failed ? 'Running' : 'Succeeded';
  return failed ? 'Failed' : 'Succeeded';
}

export function podStatus(pod: KObject, t: Track, hostIP: string, nowMs: number): Record<string, unknown> {
  const spec = (pod.spec ?? {}) as Obj;
  if (t.rejected) {
    // kubernetes@v1.30.0:pkg/kubelet/kubelet.go rejectPod: Failed, the handler's reason, "Pod was rejected: " + message;
    // the status manager adds startTime and keeps what the kubelet does not own (PodScheduled, the API server's qosClass).
    const old = (pod.status ?? {}) as Obj;
    const kept = ((old.conditions as Obj[] | undefined) ?? []).filter((c) => c.type === 'PodScheduled');
    return {
      phase: 'Failed',
      ...(kept.length ? { conditions: kept } : {}),
      message: `Pod was rejected: ${t.rejected.message}`,
      reason: t.rejected.reason,
      startTime: rfc3339(t.startMs),
      ...(old.qosClass ? { qosClass: old.qosClass } : {}),
    };
  }
  // A container the kubelet has not reached yet (its volumes still being set up, no sandbox) is reported waiting
  // ContainerCreating (kubelet_pods.go convertToAPIContainerStatuses: the default waiting state of a container with no status).
  const cts = ((spec.containers as Obj[] | undefined) ?? []).map(
    (c): ContainerTrack =>
      t.containers.get(String(c.name)) ?? { name: String(c.name), image: String(c.image ?? ''), restartCount: 0, imageID: '', lastEventMs: 0 },
  );
  const phase = phaseOf(spec, cts);
  const unready = cts.filter((c) => c.current?.state !== 'CONTAINER_RUNNING' || c.ready === false).map((c) => c.name);
  const transitions = (t.transitions ??= new Map());
  const cond = (type: string, ok: boolean, reason?: string, message?: string) => {
    const status = ok ? 'True' : 'False';
    const prev = transitions.get(type);
    if (!prev || prev.status !== status) transitions.set(type, { status, at: rfc3339(nowMs) });
    return { type, status, lastProbeTime: null, lastTransitionTime: transitions.get(type)!.at, ...(reason ? { reason } : {}), ...(message ? { message } : {}) };
  };
  const done = phase === 'Succeeded' || phase === 'Failed';
  const notReady = done ? ['PodCompleted', undefined] : ['ContainersNotReady', `containers with unready status: [${unready.join(' ')}]`];
  const ready = !done && unready.length === 0;
  const old = ((pod.status ?? {}) as Obj).conditions as Obj[] | undefined;
  const conditions = [
    // generate.go GeneratePodReadyToStartContainersCondition: False while a sandbox is needed (runtimeutil.PodSandboxChanged:
    // none, or the latest not ready, as once the kubelet stopped a finished pod's sandbox).
    cond('PodReadyToStartContainers', t.sandbox?.state === 'SANDBOX_READY'),
    cond('Initialized', true),
    ready ? cond('Ready', true) : cond('Ready', false, notReady[0], notReady[1]),
    ready ? cond('ContainersReady', true) : cond('ContainersReady', false, notReady[0], notReady[1]),
    ...(old ?? []).filter((c) => !['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady'].includes(String(c.type))),
  ];
  // The runtime reports no IP for a stopped sandbox (kuberuntime_manager.go GetPodStatus), but a finished pod keeps the one
  // it had: kubernetes@v1.30.3 and later, kubernetes/kubernetes#126115 (cherry pick of #125404, kubelet_pods.go
  // generateAPIPodStatus keeps oldPodStatus.PodIPs for a terminal pod).
  const ip = t.sandbox?.net.ip;
  const ephemeral = ((spec.ephemeralContainers as Obj[] | undefined) ?? [])
    .map((c) => t.containers.get(String(c.name)))
    .filter((c): c is ContainerTrack => Boolean(c));
  return {
    phase,
    conditions,
    hostIP,
    hostIPs: [{ ip: hostIP }],
    ...(ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
    startTime: rfc3339(t.startMs),
    containerStatuses: cts.map(containerStatus),
    qosClass: (((pod.status ?? {}) as Obj).qosClass as string | undefined) ?? podQos((spec.containers as { resources?: never }[]) ?? []),
    ...(ephemeral.length ? { ephemeralContainerStatuses: ephemeral.map(containerStatus) } : {}),
  };
}
