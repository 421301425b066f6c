/**
 * The ReplicaSet controller (kubernetes@v1.30.0 pkg/controller/replicaset/replica_set.go):
 * pods named `<rs>-<5 chars>` from the template, as many as spec.replicas; FailedCreate when the
 * API server refuses one (Pod Security Admission); status counts from the pods' readiness.
 */
import { ApiError, type ApiServer } from '../apiserver/index.ts';
import { resourceOfKind } from '../apiserver/resources.ts';
import type { KObject } from '../types.ts';
import { attached } from '../../attached.ts';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const PODS = resourceOfKind('v1', 'Pod')!;
const RS = resourceOfKind('apps/v1', 'ReplicaSet')!;
const SOURCE = { component: 'replicaset-controller' };

export const ownedBy = (o: KObject, owner: KObject) => (o.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid && r.controller);

export const podReady = (p: KObject) => ((p.status?.conditions as Obj[] | undefined) ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/**
 * The controller's work queue retries a ReplicaSet whose sync failed after a per-item exponential delay
 * (client-go@v0.30.5 util/workqueue/default_rate_limiters.go DefaultControllerRateLimiter: 5 ms · 2^failures, at most
 * 1000 s; Forget on a sync that succeeds). Kept per API server, by ReplicaSet uid.
 */
interface Retry {
  failures: number;
  atMs: number;
}
const retries = attached<ApiServer, Map<string, Retry>>('retries');
const retryDelayMs = (failures: number) => Math.min(5 * 2 ** failures, 1_000_000);
/** The attempts one sync may catch up on (the delays double, so a long wait holds only a handful). */
const MAX_CATCH_UP = 32;

/** Whether a failed ReplicaSet's retry has come due (the cluster then runs the controllers though nothing else moved). */
export const retryDue = (api: ApiServer): boolean => [...(retries.get(api)?.values() ?? [])].some((r) => r.atMs <= api.nowMs());

export function syncReplicaSet(api: ApiServer, rs: KObject): void {
  const ns = rs.metadata.namespace ?? 'default';
  const spec = rs.spec as Obj;
  const want = Number(spec.replicas ?? 1);
  const pods = api.scan(PODS, ns).filter((p) => ownedBy(p, rs) && !p.metadata.deletionTimestamp);
  let failure: string | undefined;
  const queue = retries.get(api) ?? new Map<string, Retry>();
  retries.set(api, queue);
  const retry = queue.get(rs.metadata.uid);
  if (pods.length >= want) queue.delete(rs.metadata.uid);
  // A failed ReplicaSet is synced again only when its delay has passed; the attempts due since then are made now.
  if (pods.length < want && (!retry || retry.atMs <= api.nowMs())) {
    for (let i = pods.length, attempts = 0; i < want && attempts < MAX_CATCH_UP; i++) {
      const pod = podFromTemplate(spec.template, rs, 'apps/v1', ns);
      try {
        const { obj } = api.create(pod, ns);
        api.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${obj.metadata.name}`, SOURCE);
        queue.delete(rs.metadata.uid);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        // replica_set.go: "Error creating: %v"; slowStartBatch stops at the first error, and the sync is retried later.
        api.event(rs, 'Warning', 'FailedCreate', `Error creating: ${e.message}`, SOURCE);
        failure = e.message;
        attempts++;
        const r = queue.get(rs.metadata.uid) ?? { failures: 0, atMs: api.nowMs() };
        r.atMs += retryDelayMs(r.failures);
        r.failures++;
        queue.set(rs.metadata.uid, r);
        if (r.atMs > api.nowMs()) break;
        i--;
      }
    }
  } else if (pods.length > want) {
    // getPodsToDelete: not-ready before ready, then the newest first.
    const victims = pods
      .slice()
      .sort((a, b) => Number(podReady(a)) - Number(podReady(b)) || (b.metadata.creationTimestamp < a.metadata.creationTimestamp ? -1 : 1))
      .slice(0, pods.length - want);
    for (const p of victims) {
      api.delete(PODS, ns, p.metadata.name);
      api.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, SOURCE);
    }
  }
  const live = api.scan(PODS, ns).filter((p) => ownedBy(p, rs) && !p.metadata.deletionTimestamp);
  const ready = live.filter(podReady).length;
  const status: Obj = { replicas: live.length };
  if (live.length) status.fullyLabeledReplicas = live.length;
  if (ready) {
    status.readyReplicas = ready;
    status.availableReplicas = ready;
  }
  status.observedGeneration = rs.metadata.generation ?? 1;
  const cur = api.get(RS, ns, rs.metadata.name);
  // replica_set_utils.go: the ReplicaFailure condition stays while creating fails, and goes once the count is right.
  const prevCond = ((cur?.status?.conditions as Obj[] | undefined) ?? []).find((c) => c.type === 'ReplicaFailure');
  if (failure)
    status.conditions = [
      { lastTransitionTime: prevCond?.lastTransitionTime ?? api.nowIso(), message: failure, reason: 'FailedCreate', status: 'True', type: 'ReplicaFailure' },
    ];
  else if (prevCond && live.length < want) status.conditions = [prevCond];
  if (cur && JSON.stringify(cur.status) !== JSON.stringify(status)) {
    cur.status = status;
    api.update(RS, cur);
  }
}

/**
 * A controller's new pod (kubernetes@v1.30 pkg/controller/controller_utils.go GetPodFromTemplate): the template's
 * labels, annotations and spec, `OWNER-` as generateName, the owner as its controller reference. `namespace` is
 * written into the metadata when given (the ReplicaSet's pods carry it; the API server sets it for the others).
 */
export function podFromTemplate(template: unknown, owner: KObject, ownerApiVersion: string, namespace?: string): Obj {
  const tpl = (isObj(template) ? template : {}) as Obj;
  const tmeta = (isObj(tpl.metadata) ? tpl.metadata : {}) as Obj;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${owner.metadata.name}-`,
      ...(namespace !== undefined ? { namespace } : {}),
      ...(isObj(tmeta.labels) ? { labels: structuredClone(tmeta.labels) } : {}),
      ...(isObj(tmeta.annotations) ? { annotations: structuredClone(tmeta.annotations) } : {}),
      ownerReferences: [
        { apiVersion: ownerApiVersion, blockOwnerDeletion: true, controller: true, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid },
      ],
    },
    spec: structuredClone(tpl.spec ?? {}),
  };
}
