/**
 * The scheduler's later cycles and the node lifecycle controller's NoSchedule tainting, for node1:
 *   - kubernetes@v1.30.0 pkg/controller/nodelifecycle/node_lifecycle_controller.go doNoScheduleTaintingPass: a node
 *     with spec.unschedulable carries the taint node.kubernetes.io/unschedulable:NoSchedule (with its timeAdded), and
 *     loses it when uncordoned;
 *   - a Pending pod the scheduler could not place (apiserver/scheduling.ts) is bound once node1 takes it: its
 *     PodScheduled condition turns True and the default-scheduler's Scheduled event is recorded.
 */
import type { ApiServer } from '../apiserver/index.ts';
import { resourceOfKind } from '../apiserver/resources.ts';
import { bound, scheduleEvent } from '../apiserver/scheduling.ts';

const NODES = resourceOfKind('v1', 'Node')!;
const PODS = resourceOfKind('v1', 'Pod')!;
const UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

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
  for (const pod of api.scan(PODS)) {
    if ((pod.spec as { nodeName?: string } | undefined)?.nodeName || pod.metadata.deletionTimestamp) continue;
    const status = bound(pod, node, api.nowIso());
    if (!status) continue;
    const ns = pod.metadata.namespace ?? 'default';
    api.updatePodStatus(ns, pod.metadata.name, status, api.nodeName);
    const after = api.get(PODS, ns, pod.metadata.name);
    if (after) api.event(after, ...scheduleEvent(after, api.nodeName), { component: 'default-scheduler' });
  }
}
