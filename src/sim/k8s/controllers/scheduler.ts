/**
 * The scheduler's later cycles and the node lifecycle controller's NoSchedule tainting, for node1:
 *   - kubernetes@v1.30.0 pkg/controller/nodelifecycle/node_lifecycle_controller.go doNoScheduleTaintingPass: a node
 *     with spec.unschedulable carries the taint node.kubernetes.io/unschedulable:NoSchedule (with its timeAdded), and
 *     loses it when uncordoned;
 *   - a Pending pod the scheduler could not place (apiserver/scheduling.ts) is bound once node1 takes it: its
 *     PodScheduled condition turns True and the default-scheduler's Scheduled event is recorded;
 *   - one that still does not fit is tried again (kubernetes@v1.30 pkg/scheduler/internal/queue/scheduling_queue.go):
 *     when node1's scheduling properties change (a Node update with other taints or spec.unschedulable moves the
 *     unschedulable pods back to the active queue; SchedulerQueueingHints is off by default in v1.30), when a pod bound
 *     to node1 is deleted or terminates (AssignedPodDelete, for a pod NodeResourcesFit refused: the scheduler's pod
 *     informer drops Succeeded and Failed pods, which it sees as deletions), and at the
 *     latest after podMaxInUnschedulablePodsDuration (5 min, flushUnschedulablePodsLeftover); each failed attempt
 *     records FailedScheduling again (the recorder aggregates it: "(x2 over 5m)") and updates the condition's message.
 */
import type { ApiServer } from '../apiserver/index.ts';
import { resourceOfKind } from '../apiserver/resources.ts';
import { podsOnNode } from '../apiserver/fit.ts';
import { bound, fitFailure, scheduleEvent, unschedulable } from '../apiserver/scheduling.ts';
import type { KObject } from '../types.ts';
import { attached } from '../../attached.ts';

const NODES = resourceOfKind('v1', 'Node')!;
const PODS = resourceOfKind('v1', 'Pod')!;
const UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/** scheduling_queue.go DefaultPodMaxInUnschedulablePodsDuration. */
const MAX_UNSCHEDULABLE_MS = 5 * 60_000;

/** The queue's memory: node1's scheduling properties last seen, the pods bound to it, each unschedulable pod's last attempt (by uid). */
interface Queue {
  node: string;
  onNode: Set<string>;
  attempts: Map<string, number>;
}
const queues = attached<ApiServer, Queue>('schedulingQueue');

/** Whether an unschedulable pod has waited long enough to be flushed back (the cluster then runs the controllers). */
export const schedulingDue = (api: ApiServer): boolean =>
  [...(queues.get(api)?.attempts.values() ?? [])].some((at) => at + MAX_UNSCHEDULABLE_MS <= api.nowMs());

interface Taint {
  key: string;
  effect: string;
  value?: string;
  timeAdded?: string;
}

export function syncScheduling(api: ApiServer): void {
  let node = api.get(NODES, '', api.nodeName);
  if (!node) return;
  const spec = (node.spec ?? {}) as { unschedulable?: boolean; taints?: Taint[] };
  const taints = spec.taints ?? [];
  const has = taints.some((t) => t.key === UNSCHEDULABLE && t.effect === 'NoSchedule');
  if (!!spec.unschedulable !== has) {
    const next = spec.unschedulable
      ? [...taints, { effect: 'NoSchedule', key: UNSCHEDULABLE, timeAdded: api.nowIso() }]
      : taints.filter((t) => !(t.key === UNSCHEDULABLE && t.effect === 'NoSchedule'));
    if (next.length) spec.taints = next;
    else delete spec.taints;
    node.spec = spec as Record<string, unknown>;
    node = api.update(NODES, node);
  }
  let q = queues.get(api);
  if (!q) {
    q = { node: '', onNode: new Set(), attempts: new Map() };
    queues.set(api, q);
  }
  const props = JSON.stringify([!!(node.spec as Record<string, unknown>).unschedulable, (node.spec as Record<string, unknown>).taints ?? []]);
  const nodeChanged = q.node !== '' && q.node !== props;
  q.node = props;
  // AssignedPodDelete: a pod the scheduler's cache had on node1 is gone (deleted, or Succeeded/Failed).
  const onNode = new Set(podsOnNode(api.scan(PODS), node.metadata.name).map((p) => p.metadata.uid));
  const podDeleted = [...q.onNode].some((uid) => !onNode.has(uid));
  q.onNode = onNode;
  const pending = new Set<string>();
  for (const pod of api.scan(PODS)) {
    if ((pod.spec as { nodeName?: string } | undefined)?.nodeName || pod.metadata.deletionTimestamp) continue;
    const status = bound(pod, node, api.nowIso(), api.scan(PODS));
    if (!status) {
      pending.add(pod.metadata.uid);
      const why = ((pod.status?.conditions ?? []) as { type?: string; message?: string }[]).find((c) => c.type === 'PodScheduled')?.message ?? '';
      retry(api, q, pod, node, nodeChanged || (podDeleted && fitFailure(why)));
      continue;
    }
    q.onNode.add(pod.metadata.uid);
    const ns = pod.metadata.namespace ?? 'default';
    api.updatePodStatus(ns, pod.metadata.name, status, api.nodeName);
    const after = api.get(PODS, ns, pod.metadata.name);
    if (after) api.event(after, ...scheduleEvent(after, api.nodeName), { component: 'default-scheduler' });
  }
  for (const uid of [...q.attempts.keys()]) if (!pending.has(uid)) q.attempts.delete(uid);
}

/** A pod that still does not fit: tried again on a node change or once its time in the unschedulable pods is up. */
function retry(api: ApiServer, q: Queue, pod: KObject, node: KObject, nodeChanged: boolean): void {
  const now = api.nowMs();
  const last = q.attempts.get(pod.metadata.uid);
  // Its first attempt was the API server's at creation (apiserver/scheduling.ts).
  if (last === undefined) {
    q.attempts.set(pod.metadata.uid, now);
    return;
  }
  if (!nodeChanged && last + MAX_UNSCHEDULABLE_MS > now) return;
  q.attempts.set(pod.metadata.uid, now);
  const why = unschedulable(node, pod.spec as Record<string, unknown>, api.scan(PODS));
  if (!why) return;
  const ns = pod.metadata.namespace ?? 'default';
  // handleSchedulingFailure → updatePod: podutil.UpdatePodCondition keeps lastTransitionTime while the status stays False.
  const conditions = ((pod.status?.conditions ?? []) as Record<string, unknown>[]).map((c) =>
    c.type === 'PodScheduled' ? { ...c, message: why, reason: 'Unschedulable', status: 'False' } : c,
  );
  api.updatePodStatus(ns, pod.metadata.name, { ...(pod.status ?? {}), conditions });
  const after = api.get(PODS, ns, pod.metadata.name);
  if (after) api.event(after, 'Warning', 'FailedScheduling', why, { component: 'default-scheduler' });
}
