/**
 * The Deployment controller (kubernetes@v1.30.0 pkg/controller/deployment/{sync,rolling,recreate,progress}.go):
 * a ReplicaSet per pod template named `<deployment>-<pod-template-hash>`, rolling updates within
 * maxSurge/maxUnavailable, revisions, status and conditions, ScalingReplicaSet events.
 */
import type { ApiServer } from '../apiserver/index.ts';
import { templateHash } from '../apiserver/names.ts';
import { resourceOfKind } from '../apiserver/resources.ts';
import { deepEqual } from '../apiserver/update.ts';
import type { KObject } from '../types.ts';
import { ownedBy } from './replicaset.ts';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const RS = resourceOfKind('apps/v1', 'ReplicaSet')!;
const DEPLOY = resourceOfKind('apps/v1', 'Deployment')!;
const SOURCE = { component: 'deployment-controller' };
const HASH = 'pod-template-hash';
const REVISION = 'deployment.kubernetes.io/revision';

/** intstr.GetScaledValueFromIntOrPercent: `25%` of n, rounded up (surge) or down (unavailable). */
function scaled(v: unknown, n: number, up: boolean): number {
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(String(v ?? ''));
  if (!m) return Number(v) || 0;
  const x = (Number(m[1]) * n) / 100;
  return up ? Math.ceil(x) : Math.floor(x);
}

/** The template an RS runs, without the hash label the controller added. */
function bareTemplate(rs: KObject): unknown {
  const t = structuredClone((rs.spec as Obj).template) as Obj;
  const labels = isObj(t?.metadata) && isObj(t.metadata.labels) ? t.metadata.labels : undefined;
  if (labels) delete labels[HASH];
  return t;
}

function scaleRs(api: ApiServer, d: KObject, rs: KObject, to: number): void {
  const from = Number((rs.spec as Obj).replicas ?? 0);
  if (from === to) return;
  const cur = api.get(RS, rs.metadata.namespace ?? 'default', rs.metadata.name)!;
  (cur.spec as Obj).replicas = to;
  cur.metadata.annotations = { ...cur.metadata.annotations, 'deployment.kubernetes.io/desired-replicas': String((d.spec as Obj).replicas ?? 1) };
  api.update(RS, cur);
  (rs.spec as Obj).replicas = to;
  // sync.go scaleReplicaSet: "Scaled %s replica set %s to %d from %d"
  api.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} to ${to} from ${from}`, SOURCE);
}

/**
 * deployment_util.go SetNewReplicaSetAnnotations / copyDeploymentAnnotationsToReplicaSet (kubernetes@v1.30.0
 * pkg/controller/deployment/util): a new ReplicaSet takes the Deployment's annotations but the controller's own and
 * last-applied (annotationsToSkip), so `kubectl rollout history` finds a kubernetes.io/change-cause there.
 */
const SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);
const copiedAnnotations = (d: KObject) => Object.fromEntries(Object.entries(d.metadata.annotations ?? {}).filter(([k]) => !SKIP.has(k)));

const replicasOf = (rs: KObject) => Number((rs.spec as Obj).replicas ?? 0);
const readyOf = (rs: KObject) => Number((rs.status as Obj | undefined)?.readyReplicas ?? 0);

export function syncDeployment(api: ApiServer, d: KObject): void {
  const ns = d.metadata.namespace ?? 'default';
  const spec = d.spec as Obj;
  const desired = Number(spec.replicas ?? 1);
  const owned = api.list(RS, ns).filter((rs) => ownedBy(rs, d));
  const template = spec.template as Obj;
  let newRs = owned.find((rs) => deepEqual(bareTemplate(rs), template));
  const olds = owned.filter((rs) => rs !== newRs);
  const maxRevision = Math.max(0, ...owned.map((rs) => Number(rs.metadata.annotations?.[REVISION] ?? 0)));
  const strategy = isObj(spec.strategy) ? spec.strategy : {};
  const recreate = strategy.type === 'Recreate';
  const ru = isObj(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
  let surge = recreate ? 0 : scaled(ru.maxSurge ?? '25%', desired, true);
  const unavailable = recreate ? desired : scaled(ru.maxUnavailable ?? '25%', desired, false);
  if (!recreate && surge === 0 && unavailable === 0) surge = 1;
  const oldActive = olds.reduce((n, rs) => n + replicasOf(rs), 0);
  // deployment_controller.go syncDeployment: a paused Deployment only scales (dc.sync): no new ReplicaSet for a changed
  // template, the active one sized to spec.replicas; checkPausedConditions sets Progressing Unknown "DeploymentPaused".
  const paused = spec.paused === true;
  if (paused && !newRs) {
    const active = olds.filter((rs) => replicasOf(rs) > 0);
    const newest = olds.slice().sort((a, b) => Number(b.metadata.annotations?.[REVISION] ?? 0) - Number(a.metadata.annotations?.[REVISION] ?? 0))[0];
    const only = active.length === 1 ? active[0] : active.length === 0 ? newest : undefined;
    if (only) scaleRs(api, d, only, desired);
    writeStatus(api, d, undefined, olds, desired, scaled(ru.maxUnavailable ?? '25%', desired, false), maxRevision, true);
    return;
  }
  let revision = newRs ? Number(newRs.metadata.annotations?.[REVISION] ?? maxRevision) : maxRevision + 1;
  if (!newRs) {
    const hash = templateHash(template, Number((d.status as Obj | undefined)?.collisionCount ?? 0) || undefined);
    const tpl = structuredClone(template) as Obj;
    const tmeta = (isObj(tpl.metadata) ? tpl.metadata : (tpl.metadata = {})) as Obj;
    tmeta.labels = { ...(isObj(tmeta.labels) ? tmeta.labels : {}), [HASH]: hash };
    const selector = structuredClone(isObj(spec.selector) ? spec.selector : {}) as Obj;
    selector.matchLabels = { ...(isObj(selector.matchLabels) ? selector.matchLabels : {}), [HASH]: hash };
    const start = recreate ? (oldActive > 0 ? 0 : desired) : oldActive === 0 ? desired : Math.max(0, Math.min(desired, desired + surge - oldActive));
    const rs: Obj = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: ns,
        labels: tmeta.labels,
        annotations: {
          ...copiedAnnotations(d),
          'deployment.kubernetes.io/desired-replicas': String(desired),
          'deployment.kubernetes.io/max-replicas': String(desired + surge),
          [REVISION]: String(revision),
        },
        ownerReferences: [
          { apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: 'Deployment', name: d.metadata.name, uid: d.metadata.uid },
        ],
      },
      spec: { replicas: start, selector, template: tpl },
    };
    newRs = api.create(rs, ns).obj;
    // sync.go getNewReplicaSet: "Scaled up replica set %s to %d"
    if (start > 0) api.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${newRs.metadata.name} to ${start}`, SOURCE);
  } else if (olds.length && Number(newRs.metadata.annotations?.[REVISION] ?? 0) < maxRevision) {
    // A rollback to an older template: it becomes the newest revision.
    revision = maxRevision + 1;
    const cur = api.get(RS, ns, newRs.metadata.name)!;
    cur.metadata.annotations = { ...cur.metadata.annotations, [REVISION]: String(revision) };
    newRs = api.update(RS, cur);
  }
  // rolling.go / recreate.go: scale the new one up within the surge, the old ones down within maxUnavailable.
  if (recreate) {
    for (const rs of olds) scaleRs(api, d, rs, 0);
    const oldPods = olds.reduce((n, rs) => n + Number((rs.status as Obj | undefined)?.replicas ?? 0), 0);
    if (oldPods === 0) scaleRs(api, d, newRs, desired);
  } else {
    const total = replicasOf(newRs) + olds.reduce((n, rs) => n + replicasOf(rs), 0);
    if (replicasOf(newRs) < desired) {
      const room = Math.max(0, desired + surge - total);
      if (room > 0 || olds.every((rs) => replicasOf(rs) === 0))
        scaleRs(api, d, newRs, Math.min(desired, replicasOf(newRs) + Math.max(room, olds.every((rs) => replicasOf(rs) === 0) ? desired : 0)));
    } else if (replicasOf(newRs) > desired) scaleRs(api, d, newRs, desired);
    const ready = readyOf(newRs) + olds.reduce((n, rs) => n + readyOf(rs), 0);
    let canRemove = ready - (desired - unavailable);
    const allTotal = replicasOf(newRs) + olds.reduce((n, rs) => n + replicasOf(rs), 0);
    // Old pods that are not ready can always go (cleanupUnhealthyReplicas).
    for (const rs of olds.slice().sort((a, b) => (a.metadata.creationTimestamp < b.metadata.creationTimestamp ? -1 : 1))) {
      const unhealthy = replicasOf(rs) - readyOf(rs);
      let cut = Math.min(replicasOf(rs), Math.max(0, canRemove) + unhealthy, Math.max(0, allTotal - desired) + unhealthy);
      if (allTotal <= desired && unhealthy === 0) cut = 0;
      if (cut > 0) {
        scaleRs(api, d, rs, replicasOf(rs) - cut);
        canRemove -= Math.max(0, cut - unhealthy);
      }
    }
  }
  writeStatus(api, d, newRs, olds, desired, unavailable, revision, paused);
}

/** sync.go calculateStatus and progress.go's conditions, written when they moved. */
function writeStatus(
  api: ApiServer,
  d: KObject,
  newRs: KObject | undefined,
  olds: KObject[],
  desired: number,
  unavailable: number,
  revision: number,
  paused: boolean,
): void {
  const ns = d.metadata.namespace ?? 'default';
  const all = newRs ? [newRs, ...olds] : olds;
  const replicas = all.reduce((n, rs) => n + Number((rs.status as Obj | undefined)?.replicas ?? 0), 0);
  const ready = all.reduce((n, rs) => n + readyOf(rs), 0);
  const updated = Number((newRs?.status as Obj | undefined)?.replicas ?? 0);
  const now = api.nowIso();
  const prev = ((d.status as Obj | undefined)?.conditions as Obj[] | undefined) ?? [];
  const cond = (type: string, status: string, reason: string, message: string): Obj => {
    const p = prev.find((c) => c.type === type);
    const same = p && p.status === status;
    return {
      lastTransitionTime: same ? p.lastTransitionTime : now,
      lastUpdateTime: p && p.reason === reason && p.message === message ? p.lastUpdateTime : now,
      message,
      reason,
      status,
      type,
    };
  };
  const available = ready >= desired - unavailable;
  const complete = newRs !== undefined && updated === desired && readyOf(newRs) === desired && replicas === desired;
  const conditions: Obj[] = [
    available
      ? cond('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.')
      : cond('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'),
  ];
  const failure = ((newRs?.status as Obj | undefined)?.conditions as Obj[] | undefined)?.find((c) => c.type === 'ReplicaFailure');
  if (failure) conditions.push(cond('ReplicaFailure', 'True', 'FailedCreate', String(failure.message)));
  const progressing = prev.find((c) => c.type === 'Progressing');
  const wasPaused = progressing?.reason === 'DeploymentPaused';
  const name = newRs?.metadata.name ?? '';
  // progress.go syncRolloutStatus: a Deployment whose rollout completed (Progressing NewReplicaSetAvailable for this
  // ReplicaSet, every replica updated) is not estimated again; pods lost and remade (a drain) leave the condition as it is.
  const settled =
    !paused &&
    progressing?.reason === 'NewReplicaSetAvailable' &&
    progressing.message === `ReplicaSet "${name}" has successfully progressed.` &&
    replicas === updated;
  conditions.push(
    paused
      ? cond('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused')
      : settled
        ? progressing
        : complete
          ? cond('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${name}" has successfully progressed.`)
          : !progressing ||
              wasPaused ||
              (progressing.reason === 'NewReplicaSetAvailable' && progressing.message !== `ReplicaSet "${name}" has successfully progressed.`)
            ? cond('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${name}"`)
            : cond('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${name}" is progressing.`),
  );
  const status: Obj = { observedGeneration: d.metadata.generation ?? 1 };
  if (replicas) status.replicas = replicas;
  if (updated) status.updatedReplicas = updated;
  if (ready) {
    status.readyReplicas = ready;
    status.availableReplicas = ready;
  }
  if (replicas - ready > 0) status.unavailableReplicas = replicas - ready;
  status.conditions = conditions;
  const cur = api.get(DEPLOY, ns, d.metadata.name);
  if (!cur) return;
  const annotations = { ...cur.metadata.annotations, [REVISION]: String(revision) };
  if (!deepEqual(cur.status, status) || !deepEqual(cur.metadata.annotations, annotations)) {
    cur.status = status;
    cur.metadata.annotations = annotations;
    api.update(DEPLOY, cur);
  }
}
