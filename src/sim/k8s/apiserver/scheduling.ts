/**
 * What kube-scheduler v1.30 decides for a pod on node1, the cluster's only node (kubernetes@v1.30.0
 * pkg/scheduler/framework/plugins): NodeUnschedulable refuses a cordoned node (spec.unschedulable) unless the pod
 * tolerates node.kubernetes.io/unschedulable:NoSchedule, "node(s) were unschedulable"; TaintToleration refuses a
 * NoSchedule or NoExecute taint the pod does not tolerate, "node(s) had untolerated taint {KEY: VALUE}". FitError.Error
 * (framework/types.go) puts the reasons after "0/1 nodes are available:", and the PostFilter's (preemption) answer
 * after them: an UnschedulableAndUnresolvable node is one preemption cannot help.
 */
import { podQos } from '../../../k8s/resources.ts';
import { fitReasons, histogram, podsOnNode, preemptionMessage } from './fit.ts';
import type { KObject } from '../types.ts';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
/** core/v1 Taint and Toleration, the fields node1's scheduler and taint eviction read. */
export interface Taint {
  key: string;
  value?: string;
  effect: string;
}
export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** v1.Toleration.ToleratesTaint (k8s.io/api/core/v1/toleration.go). */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (t.operator === 'Exists') return true;
  // An empty key with Equal matches nothing; with Exists (above) it matches every taint.
  return (t.operator ?? 'Equal') === 'Equal' && !!t.key && (t.value ?? '') === (taint.value ?? '');
}

const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

/**
 * The scheduler's FailedScheduling message for this pod on node1, or undefined when node1 takes it. The filters run in
 * the default profile's order and the first that refuses decides (framework/runtime/framework.go RunFilterPlugins):
 * NodeUnschedulable, TaintToleration, then NodeResourcesFit (fit.ts) over `pods`, every pod the API server holds.
 */
export function unschedulable(node: KObject | undefined, podSpec: Obj, pods: readonly KObject[] = []): string | undefined {
  if (!node) return undefined;
  const spec = (node.spec ?? {}) as { unschedulable?: boolean; taints?: Taint[] };
  const tolerations = (Array.isArray(podSpec.tolerations) ? podSpec.tolerations : []) as Toleration[];
  let reason: string | undefined;
  if (spec.unschedulable && !tolerations.some((t) => tolerates(t, UNSCHEDULABLE_TAINT))) reason = 'node(s) were unschedulable';
  else {
    const taint = (spec.taints ?? []).find((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerations.some((x) => tolerates(x, t)));
    if (taint) reason = `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
  }
  if (!reason) {
    // NodeResourcesFit answers Unschedulable (not …AndUnresolvable): preemption's dry run gives the second part.
    const onNode = podsOnNode(pods, node.metadata.name);
    const short = fitReasons(node, podSpec, onNode);
    if (short.length) return `0/1 nodes are available: ${histogram(short)}. ${preemptionMessage(node, podSpec, onNode)}.`;
  }
  // FitError.Error (kubernetes@v1.30 pkg/scheduler/framework/types.go) adds the PostFilter message with SeparatorFormat
  // " %v.", and that message (defaultpreemption's own FitError.Error) already ends in "." : real v1.30 events end in "..".
  return reason && `0/1 nodes are available: 1 ${reason}. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..`;
}

/**
 * Whether the failure was NodeResourcesFit's (the only filter here whose refusal preemption may help): the one that
 * registers Pod/Delete (fit.go EventsToRegister), so the deletion of a pod bound to node1 retries this pod.
 */
export const fitFailure = (why: string): boolean => !why.endsWith('Preemption is not helpful for scheduling..');

/** The pod's PodScheduled condition: True once bound, else False with the scheduler's reason. */
const podScheduled = (at: unknown, why: string | undefined): Obj =>
  why
    ? { lastProbeTime: null, lastTransitionTime: at, message: why, reason: 'Unschedulable', status: 'False', type: 'PodScheduled' }
    : { lastProbeTime: null, lastTransitionTime: at, status: 'True', type: 'PodScheduled' };

/** The scheduling cycle at a pod's creation: spec.nodeName set when node1 takes it; the pod's first status. */
export function schedule(spec: Obj, node: KObject | undefined, nodeName: string, at: unknown, pods: readonly KObject[]): Obj {
  const why = unschedulable(node, spec, pods);
  if (!why) spec.nodeName = nodeName;
  return {
    phase: 'Pending',
    conditions: [podScheduled(at, why)],
    qosClass: podQos((Array.isArray(spec.containers) ? spec.containers : []) as Parameters<typeof podQos>[0]),
  };
}

/** A later cycle (controllers/scheduler.ts): the status with PodScheduled True, when node1 now takes the Pending pod. */
export function bound(pod: KObject, node: KObject | undefined, at: string, pods: readonly KObject[]): Obj | undefined {
  if (!isObj(pod.spec) || pod.spec.nodeName || unschedulable(node, pod.spec, pods)) return undefined;
  return { ...(pod.status ?? {}), conditions: [podScheduled(at, undefined)] };
}

/** The default-scheduler's event for a pod just scheduled (or not): Scheduled, or FailedScheduling with the message. */
export function scheduleEvent(pod: KObject, nodeName: string): ['Normal' | 'Warning', string, string] {
  const cond = ((pod.status?.conditions ?? []) as Obj[]).find((c) => c.type === 'PodScheduled');
  return cond?.status === 'False'
    ? ['Warning', 'FailedScheduling', String(cond.message)]
    : ['Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`];
}
