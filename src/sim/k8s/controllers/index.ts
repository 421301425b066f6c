/**
 * The controller manager: Deployments, ReplicaSets, Jobs, Endpoints, the taint eviction controller and the garbage collector (background
 * propagation: dependents whose controller is gone are deleted), run until nothing changes.
 */
import type { ApiServer } from '../apiserver/index.ts';
import { RESOURCES, resourceOfKind } from '../apiserver/resources.ts';
import { syncDeployment } from './deployment.ts';
import { ownedBy, syncReplicaSet } from './replicaset.ts';
import type { KObject } from '../types.ts';
import { syncEndpoints } from './endpoints.ts';
import { syncEndpointSlices } from './endpointslices.ts';
import { backoffDue, deadlineDue, syncJob } from './job.ts';
import { retryDue as rsRetryDue } from './replicaset.ts';
import { schedulingDue, syncScheduling } from './scheduler.ts';
import { evictionDue, syncTaintEviction } from './tainteviction.ts';

/** Whether a work queue's delayed key has come due: a ReplicaSet's retry, a Job's activeDeadlineSeconds or pod back-off, a NoExecute eviction, an unschedulable pod's 5-minute retry. */
export const retryDue = (api: ApiServer): boolean => rsRetryDue(api) || deadlineDue(api) || backoffDue(api) || evictionDue(api) || schedulingDue(api);

const DEPLOY = resourceOfKind('apps/v1', 'Deployment')!;
const RS = resourceOfKind('apps/v1', 'ReplicaSet')!;
const JOB = resourceOfKind('batch/v1', 'Job')!;
const PODS = resourceOfKind('v1', 'Pod')!;

/** One pass of every controller; returns whether it wrote anything. */
export function runControllers(api: ApiServer): boolean {
  const before = api.version;
  collectGarbage(api);
  syncTaintEviction(api);
  // kube-system's fixture workloads (CoreDNS) are left as kubeadm made them until their pods change (drain, a taint)…
  const disturbed = disturbedSystemRs(api);
  // … or their Deployment is edited (scale, rollout restart): a generation the controller has not observed.
  const edited = (o: KObject) =>
    o.kind === 'Deployment' && (o.metadata.generation ?? 1) !== (o.status as { observedGeneration?: number } | undefined)?.observedGeneration;
  const mine = (o: KObject) => !api.isSystem(o) || edited(o) || disturbed.some((rs) => ownedBy(rs, o) || rs.metadata.uid === o.metadata.uid);
  for (const d of api.list(DEPLOY)) if (mine(d)) syncDeployment(api, d);
  for (const rs of api.list(RS)) if (mine(rs)) syncReplicaSet(api, rs);
  for (const d of api.list(DEPLOY)) if (mine(d)) syncDeployment(api, d);
  for (const j of api.list(JOB)) syncJob(api, j);
  syncScheduling(api);
  syncEndpoints(api);
  syncEndpointSlices(api);
  return api.version !== before;
}

/** kube-system's ReplicaSets whose pods are no longer the fixture's own (one was evicted or deleted, or a new one made). */
function disturbedSystemRs(api: ApiServer): KObject[] {
  return api.list(RS).filter((rs) => {
    if (!api.isSystem(rs)) return false;
    const pods = api.scan(PODS, rs.metadata.namespace ?? '').filter((p) => ownedBy(p, rs));
    return pods.length !== Number((rs.spec as { replicas?: number }).replicas ?? 1) || pods.some((p) => !api.isSystem(p) || p.metadata.deletionTimestamp);
  });
}

function collectGarbage(api: ApiServer): void {
  const uids = new Set<string>();
  const all = RESOURCES.filter((r) => r.resource !== 'events').flatMap((r) => api.scan(r).map((o) => ({ r, o })));
  for (const { o } of all) uids.add(o.metadata.uid);
  for (const { r, o } of all) {
    const owners = o.metadata.ownerReferences ?? [];
    if (owners.length && owners.every((ref) => !uids.has(ref.uid)) && !o.metadata.deletionTimestamp) api.delete(r, o.metadata.namespace ?? '', o.metadata.name);
  }
}
