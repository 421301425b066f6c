/**
 * The taint eviction controller (kubernetes@v1.30 pkg/controller/tainteviction/taint_eviction.go, run by
 * kube-controller-manager as "taint-eviction-controller", the SeparateTaintEvictionController feature being on by
 * default): a pod on node1 that does not tolerate every NoExecute taint is deleted at once; one that tolerates them all
 * for a while (tolerationSeconds) is deleted when the shortest of those tolerations runs out; one that tolerates them
 * forever stays. Each deletion records "Marking for deletion Pod NS/NAME" (TaintManagerEviction) and first adds the
 * DisruptionTarget condition (addConditionAndDeletePod); a scheduled deletion cancelled (the taint removed) records
 * "Cancelling deletion of Pod NS/NAME". The texts are the same in every version of the file read (its v1.31+ shape
 * and the earlier NoExecuteTaintManager's).
 * The timed work queue (timed_workers.go): work is keyed by NS/NAME and not added again while one is waiting.
 */
import type { ApiServer } from '../apiserver/index.ts';
import { resourceOfKind } from '../apiserver/resources.ts';
import { type Taint, type Toleration, tolerates } from '../apiserver/scheduling.ts';
import type { KObject } from '../types.ts';
import { attached } from '../../attached.ts';

type Obj = Record<string, unknown>;
const NODES = resourceOfKind('v1', 'Node')!;
const PODS = resourceOfKind('v1', 'Pod')!;
const SOURCE = { component: 'taint-eviction-controller' };

interface Work {
  createdMs: number;
  fireMs: number;
}
/** The controller's memory: the timed work queue (NS/NAME → its work), the node's NoExecute taints and the pods seen. */
interface State {
  work: Map<string, Work>;
  taints: string;
  seen: Set<string>;
}

const states = attached<ApiServer, State>('taintEviction');
const stateOf = (api: ApiServer): State => {
  let s = states.get(api);
  if (!s) {
    s = { work: new Map(), taints: '[]', seen: new Set() };
    states.set(api, s);
  }
  return s;
};

/** Whether a scheduled deletion has come due (the cluster then runs the controllers though nothing else moved). */
export const evictionDue = (api: ApiServer): boolean => [...(states.get(api)?.work.values() ?? [])].some((w) => w.fireMs <= api.nowMs());

/** v1helper.GetMatchingTolerations: whether every taint is tolerated, and the first toleration matching each. */
function matching(taints: Taint[], tolerations: Toleration[]): [boolean, Toleration[]] {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = tolerations.find((x) => tolerates(x, taint));
    if (!t) return [false, []];
    used.push(t);
  }
  return [true, used];
}

/** getMinTolerationTime: the shortest tolerationSeconds in ms (≤ 0 is 0), -1 when every one is forever. */
function minToleration(used: Toleration[]): number {
  if (!used.length) return 0;
  let min = Number.POSITIVE_INFINITY;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Number.POSITIVE_INFINITY ? -1 : min * 1000;
}

const keyOf = (pod: KObject) => `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
/** The events' v1.ObjectReference: APIVersion, Kind, Name and Namespace only (no uid: describe pod, which selects its events by uid, does not list them). */
const ref = (ns: string, name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns } }) as unknown as KObject;

function cancel(api: ApiServer, q: Map<string, Work>, key: string): void {
  if (!q.delete(key)) return;
  const [ns = '', name = ''] = key.split('/');
  api.event(ref(ns, name), 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`, SOURCE);
}

/** deletePodHandler: the event, then addConditionAndDeletePod (the DisruptionTarget condition, then a graceful delete). */
function evict(api: ApiServer, pod: KObject): void {
  const ns = pod.metadata.namespace ?? 'default';
  const name = pod.metadata.name;
  api.event(ref(ns, name), 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${ns}/${name}`, SOURCE);
  const status = structuredClone((pod.status ?? {}) as Obj);
  const conditions = (Array.isArray(status.conditions) ? status.conditions : []) as Obj[];
  // apipod.UpdatePodCondition: a new condition gets lastTransitionTime now.
  if (!conditions.some((c) => c.type === 'DisruptionTarget' && c.status === 'True')) {
    const condition = {
      lastProbeTime: null,
      lastTransitionTime: api.nowIso(),
      message: 'Taint manager: deleting due to NoExecute taint',
      reason: 'DeletionByTaintManager',
      status: 'True',
      type: 'DisruptionTarget',
    };
    status.conditions = [...conditions.filter((c) => c.type !== 'DisruptionTarget'), condition];
    api.updatePodStatus(ns, name, status);
  }
  api.delete(PODS, ns, name);
}

/**
 * The controller reacts to events: a change of node1's NoExecute taints (handleNodeUpdate: every pod on the node) and a
 * pod newly on node1 (handlePodUpdate); a pod gone cancels its work. Then the work that has come due runs.
 */
export function syncTaintEviction(api: ApiServer): void {
  const node = api.get(NODES, '', api.nodeName);
  if (!node) return;
  const taints = (((node.spec ?? {}) as { taints?: Taint[] }).taints ?? []).filter((t) => t.effect === 'NoExecute');
  const st = stateOf(api);
  const q = st.work;
  const now = api.nowMs();
  const nodeChanged = JSON.stringify(taints) !== st.taints;
  st.taints = JSON.stringify(taints);
  const pods = api.scan(PODS).filter((p) => (p.spec as { nodeName?: string } | undefined)?.nodeName === api.nodeName);
  const live = new Set(pods.map(keyOf));
  for (const key of [...q.keys()]) if (!live.has(key)) cancel(api, q, key);
  const seen = new Set<string>();
  for (const pod of pods) {
    seen.add(pod.metadata.uid);
    if (pod.metadata.deletionTimestamp || (!nodeChanged && st.seen.has(pod.metadata.uid))) continue;
    processPod(api, q, pod, taints, now);
  }
  st.seen = seen;
  for (const pod of pods) {
    const work = q.get(keyOf(pod));
    if (!work || work.fireMs > now || pod.metadata.deletionTimestamp) continue;
    q.delete(keyOf(pod));
    evict(api, pod);
  }
}

/** processPodOnNode. */
function processPod(api: ApiServer, q: Map<string, Work>, pod: KObject, taints: Taint[], now: number): void {
  const key = keyOf(pod);
  if (!taints.length) {
    cancel(api, q, key);
    return;
  }
  const tolerations = ((pod.spec as { tolerations?: Toleration[] } | undefined)?.tolerations ?? []) as Toleration[];
  const [all, used] = matching(taints, tolerations);
  if (!all) {
    // "We're canceling scheduled work (if any), as we're going to delete the Pod right away."
    cancel(api, q, key);
    q.set(key, { createdMs: now, fireMs: now });
    return;
  }
  const min = minToleration(used);
  if (min < 0) {
    cancel(api, q, key);
    return;
  }
  const scheduled = q.get(key);
  if (scheduled) {
    // An earlier start stands (startTime.Add(min).Before(triggerTime)); else the work is replaced.
    if (scheduled.createdMs < now) return;
    cancel(api, q, key);
  }
  q.set(key, { createdMs: now, fireMs: now + min });
}
