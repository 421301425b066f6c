/**
 * A pod's READY, STATUS and RESTARTS as kubectl prints them (kubernetes@v1.30.0
 * pkg/printers/internalversion/printers.go printPod), and the World snapshot's PodView.
 */
import type { PodView } from '../../../api.ts';
import type { ApiServer } from '../../../k8s/apiserver/index.ts';
import type { KObject } from '../../../k8s/types.ts';
import { isObj, type Obj } from './obj.ts';

export interface PodColumns {
  ready: string;
  status: string;
  restarts: number;
  lastRestart?: string;
  readyCount: number;
  total: number;
}

export function podColumns(p: KObject): PodColumns {
  const spec = (p.spec ?? {}) as Obj;
  const status = (p.status ?? {}) as Obj;
  const total = Array.isArray(spec.containers) ? spec.containers.length : 0;
  let readyCount = 0;
  let restarts = 0;
  let lastRestart = '';
  let reason = String(status.phase ?? '');
  if (status.reason) reason = String(status.reason);
  let hasRunning = false;
  const statuses = Array.isArray(status.containerStatuses) ? (status.containerStatuses as Obj[]) : [];
  for (let i = statuses.length - 1; i >= 0; i--) {
    const c = statuses[i]!;
    restarts += Number(c.restartCount ?? 0);
    const last = isObj(c.lastState) && isObj(c.lastState.terminated) ? c.lastState.terminated : undefined;
    if (last && typeof last.finishedAt === 'string' && last.finishedAt > lastRestart) lastRestart = last.finishedAt;
    const st = isObj(c.state) ? c.state : {};
    const waiting = isObj(st.waiting) ? st.waiting : undefined;
    const term = isObj(st.terminated) ? st.terminated : undefined;
    if (waiting?.reason) reason = String(waiting.reason);
    else if (term?.reason) reason = String(term.reason);
    else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
    else if (c.ready && isObj(st.running)) {
      hasRunning = true;
      readyCount++;
    }
  }
  const podReady = (Array.isArray(status.conditions) ? (status.conditions as Obj[]) : []).some((c) => c.type === 'Ready' && c.status === 'True');
  if (reason === 'Completed' && hasRunning) reason = podReady ? 'Running' : 'NotReady';
  if (p.metadata.deletionTimestamp && reason !== 'Succeeded' && reason !== 'Failed') reason = 'Terminating';
  return { ready: `${readyCount}/${total}`, status: reason, restarts, readyCount, total, ...(lastRestart ? { lastRestart } : {}) };
}

export function podView(api: ApiServer, p: KObject): PodView {
  const col = podColumns(p);
  const status = (p.status ?? {}) as Obj;
  const spec = (p.spec ?? {}) as Obj;
  const statuses = Array.isArray(status.containerStatuses) ? (status.containerStatuses as Obj[]) : [];
  const containers = (Array.isArray(spec.containers) ? (spec.containers as Obj[]) : []).map((c) => {
    const s = statuses.find((x) => x.name === c.name);
    const st = s && isObj(s.state) ? s.state : {};
    const state = isObj(st.running) ? 'running' : isObj(st.waiting) ? 'waiting' : isObj(st.terminated) ? 'terminated' : 'unknown';
    const detail = (isObj(st.waiting) ? st.waiting : isObj(st.terminated) ? st.terminated : {}) as Obj;
    const last = s && isObj(s.lastState) && isObj(s.lastState.terminated) ? s.lastState.terminated : undefined;
    return {
      name: String(c.name),
      image: String(c.image ?? ''),
      ready: Boolean(s?.ready),
      restartCount: Number(s?.restartCount ?? 0),
      state,
      ...(s?.imageID ? { imageID: String(s.imageID) } : {}),
      ...(s?.containerID ? { containerID: String(s.containerID) } : {}),
      ...(detail.reason ? { reason: String(detail.reason) } : {}),
      ...(typeof detail.exitCode === 'number' ? { exitCode: detail.exitCode } : {}),
      ...(last?.reason ? { lastTerminationReason: String(last.reason) } : {}),
    } as PodView['containers'][number];
  });
  return {
    namespace: p.metadata.namespace ?? 'default',
    name: p.metadata.name,
    uid: p.metadata.uid,
    phase: String(status.phase ?? 'Pending'),
    ready: (Array.isArray(status.conditions) ? (status.conditions as Obj[]) : []).some((c) => c.type === 'Ready' && c.status === 'True'),
    status: col.status,
    restarts: col.restarts,
    labels: { ...(p.metadata.labels ?? {}) },
    ...(status.podIP ? { podIP: String(status.podIP) } : {}),
    ...(spec.shareProcessNamespace === true ? { shareProcessNamespace: true } : {}),
    containers,
    events: api.eventsFor(p).map((e) => ({
      type: String(e.type),
      reason: String(e.reason),
      from: String((e.source as Obj | undefined)?.component ?? ''),
      message: String(e.message),
      count: Number(e.count ?? 1),
    })),
  };
}
