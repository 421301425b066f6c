/**
 * The Job controller (kubernetes@v1.30.0 pkg/controller/job/job_controller.go syncJob), for NonIndexed Jobs: pods
 * named `<job>-<5 chars>` from the template (SuccessfulCreate "Created pod: …"), as many as parallelism allows while
 * succeeded + active < completions; a pod that failed counts toward backoffLimit, past which the Job fails
 * (BackoffLimitExceeded "Job has reached the specified backoff limit", and its active pods are deleted); once
 * `completions` pods have succeeded the Job is Complete (completionTime, the Complete condition, event Completed
 * "Job completed"). Status as v1.30 writes it: startTime, active, ready, terminating (JobPodReplacementPolicy),
 * succeeded/failed, uncountedTerminatedPods {}.
 * activeDeadlineSeconds: once the Job has been active that long since startTime (pastActiveDeadline; the controller
 * requeues the Job for that moment), it fails with DeadlineExceeded "Job was active longer than specified deadline"
 * (a Warning event of the same reason and message), its active pods deleted and counted as failed.
 * suspend: a suspended Job makes no pods and deletes its active ones (manageJob), gets the condition Suspended=True
 * "JobSuspended" "Job suspended" (event Normal Suspended), and no startTime if it never ran; resuming sets the condition
 * False "JobResumed" "Job resumed" (event Normal Resumed) and startTime to now, so the deadline counts from the resume
 * (kubernetes@v1.30.5 pkg/controller/job/job_controller.go syncJob, ensureJobConditionStatus: a Job never suspended
 * has no Suspended condition).
 * Back-off (kubernetes@v1.30.5 pkg/controller/job/backoff_utils.go newBackoffRecord, getRemainingTimeForFailuresCount;
 * job_controller.go manageJob): the failures since the last success, counted by finish time (getFinishedTime: the
 * containers' latest finishedAt, else the pod's creation), delay the next pods by DefaultJobPodFailureBackOff (10s)
 * doubled for each failure after the first, at most MaxJobPodFailureBackOff (6m), counted from the last failure; the
 * controller requeues the Job for that moment (enqueueSyncJobWithDelay).
 * With restartPolicy OnFailure the containers' restarts count against backoffLimit instead (pastBackoffLimitOnFailure).
 * Indexed completion (indexed-job.ts): each index's pod and status.completedIndexes; succeeded counts the indexes.
 * Not simulated: the pods' batch.kubernetes.io/job-tracking finalizer, podFailurePolicy, backoffLimitPerIndex.
 */
import type { ApiServer } from '../apiserver/index.ts';
import { ApiError } from '../apiserver/index.ts';
import { resourceOfKind } from '../apiserver/resources.ts';
import type { KObject } from '../types.ts';
import { ownedBy, podFromTemplate, podReady } from './replicaset.ts';
import { completionIndex, firstPendingIndexes, indexesFromString, intervalsString, isIndexed, withIndex } from './indexed-job.ts';

type Obj = Record<string, unknown>;
const PODS = resourceOfKind('v1', 'Pod')!;
const JOB = resourceOfKind('batch/v1', 'Job')!;
const SOURCE = { component: 'job-controller' };

const phase = (p: KObject) => String((p.status as Obj | undefined)?.phase ?? '');
const conditions = (job: KObject) => ((job.status as Obj | undefined)?.conditions as Obj[] | undefined) ?? [];
const suspended = (job: KObject) => (job.spec as Obj | undefined)?.suspend === true;
/** When a running Job's activeDeadlineSeconds runs out (ms), if it has one and is not suspended. */
function deadlineMs(job: KObject): number | undefined {
  const secs = (job.spec as Obj | undefined)?.activeDeadlineSeconds;
  const start = (job.status as Obj | undefined)?.startTime;
  if (typeof secs !== 'number' || typeof start !== 'string' || suspended(job)) return undefined;
  return Date.parse(start) + secs * 1000;
}
/** Whether a Job's deadline has come (the work queue's AddAfter: the cluster runs the controllers though nothing moved). */
export const deadlineDue = (api: ApiServer): boolean => api.scan(JOB).some((j) => !finished(j) && (deadlineMs(j) ?? Number.POSITIVE_INFINITY) <= api.nowMs());

/** job_controller.go DefaultJobPodFailureBackOff and MaxJobPodFailureBackOff. */
const BACKOFF_MS = 10_000;
const MAX_BACKOFF_MS = 360_000;

/** getFinishedTime: the containers' latest finishedAt (getFinishTimeFromContainers), else the pod's creation. */
function finishedMs(p: KObject): number {
  const states = (((p.status as Obj | undefined)?.containerStatuses as Obj[] | undefined) ?? []).map(
    (s) => (s.state as Obj | undefined)?.terminated as Obj | undefined,
  );
  const times = states.flatMap((t) => (typeof t?.finishedAt === 'string' ? [Date.parse(t.finishedAt)] : []));
  return times.length ? Math.max(...times) : Date.parse(p.metadata.creationTimestamp ?? '') || 0;
}

/** When the back-off after a Job's failed pods ends (ms; 0 without failures since the last success). */
function backoffEndMs(pods: readonly KObject[]): number {
  const done = pods
    .filter((p) => phase(p) === 'Succeeded' || phase(p) === 'Failed')
    .map((p) => ({ failed: phase(p) === 'Failed', at: finishedMs(p) }))
    .sort((a, b) => a.at - b.at);
  let failures = 0;
  let last = 0;
  for (const d of done) {
    failures = d.failed ? failures + 1 : 0;
    if (d.failed) last = d.at;
  }
  if (!failures) return 0;
  let delay = BACKOFF_MS;
  for (let i = 1; i < failures && delay < MAX_BACKOFF_MS; i++) delay = Math.min(delay * 2, MAX_BACKOFF_MS);
  return last + delay;
}
/** The indexes that succeeded (an Indexed Job's): status.completedIndexes and the succeeded pods' indexes below completions. */
function succeededIndexes(job: KObject, pods: readonly KObject[]): number[] {
  const completions = Number((job.spec as Obj | undefined)?.completions ?? 1);
  const prev = indexesFromString((job.status as Obj | undefined)?.completedIndexes, completions);
  const now = pods.filter((p) => phase(p) === 'Succeeded').map(completionIndex);
  return [...new Set([...prev, ...now.filter((i) => i >= 0 && i < completions)])].sort((a, b) => a - b);
}
const succeededCount = (job: KObject, pods: readonly KObject[]) =>
  isIndexed(job) ? succeededIndexes(job, pods).length : pods.filter((p) => phase(p) === 'Succeeded').length;
const jobPods = (api: ApiServer, job: KObject) => api.scan(PODS, job.metadata.namespace ?? 'default').filter((p) => ownedBy(p, job));
const wantsPods = (api: ApiServer, job: KObject) => {
  const spec = (job.spec ?? {}) as Obj;
  const pods = jobPods(api, job);
  const active = pods.filter((p) => phase(p) !== 'Succeeded' && phase(p) !== 'Failed' && !p.metadata.deletionTimestamp).length;
  const succeeded = succeededCount(job, pods);
  return active < Math.min(Number(spec.parallelism ?? 1), Number(spec.completions ?? 1) - succeeded);
};
/** Whether a Job's back-off has ended with pods still to make (the delayed key of enqueueSyncJobWithDelay). */
export const backoffDue = (api: ApiServer): boolean =>
  api.scan(JOB).some((j) => {
    if (finished(j) || suspended(j) || !wantsPods(api, j)) return false;
    const end = backoffEndMs(jobPods(api, j));
    return end > 0 && end <= api.nowMs();
  });

/**
 * job_controller.go pastBackoffLimitOnFailure: with restartPolicy OnFailure the pods do not fail, their containers
 * restart; the restarts of the running and pending pods' containers (init ones too) count against backoffLimit
 * (reached at backoffLimit, or at the first restart when it is 0).
 */
function pastBackoffLimitOnFailure(spec: Obj, active: readonly KObject[], backoffLimit: number): boolean {
  if (((spec.template as Obj | undefined)?.spec as Obj | undefined)?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of active) {
    if (phase(p) !== 'Running' && phase(p) !== 'Pending') continue;
    const st = (p.status ?? {}) as Obj;
    for (const cs of [...((st.initContainerStatuses as Obj[] | undefined) ?? []), ...((st.containerStatuses as Obj[] | undefined) ?? [])])
      restarts += Number(cs.restartCount ?? 0);
  }
  return backoffLimit === 0 ? restarts > 0 : restarts >= backoffLimit;
}

const finished = (job: KObject) => conditions(job).some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');

export function syncJob(api: ApiServer, job: KObject): void {
  if (finished(job)) return;
  const ns = job.metadata.namespace ?? 'default';
  const spec = (job.spec ?? {}) as Obj;
  const completions = Number(spec.completions ?? 1);
  const parallelism = Number(spec.parallelism ?? 1);
  const backoffLimit = Number(spec.backoffLimit ?? 6);
  const pods = () => api.scan(PODS, ns).filter((p) => ownedBy(p, job));
  const count = (all: readonly KObject[]) => ({
    active: all.filter((p) => phase(p) !== 'Succeeded' && phase(p) !== 'Failed' && !p.metadata.deletionTimestamp),
    succeeded: succeededCount(job, all),
    failed: all.filter((p) => phase(p) === 'Failed').length,
  });
  let c = count(pods());
  const now = api.nowIso();
  const prev = (job.status ?? {}) as Obj;
  const status: Obj = prev.startTime || !suspended(job) ? { startTime: prev.startTime ?? now } : {};
  let condition: Obj | undefined;
  const failure = (reason: string, message: string) => {
    for (const p of c.active) api.delete(PODS, ns, p.metadata.name);
    api.event(job, 'Warning', reason, message, SOURCE);
    c = { ...c, failed: c.failed + c.active.length, active: [] };
    return { lastProbeTime: now, lastTransitionTime: now, message, reason, status: 'True', type: 'Failed' };
  };
  // The Suspended condition: kept, flipped (with its event), or added when the Job is first suspended.
  const was = conditions(job).find((x) => x.type === 'Suspended');
  let suspendedCond: Obj | undefined = was;
  if (suspended(job) && was?.status !== 'True') {
    suspendedCond = { lastProbeTime: now, lastTransitionTime: now, message: 'Job suspended', reason: 'JobSuspended', status: 'True', type: 'Suspended' };
    api.event(job, 'Normal', 'Suspended', 'Job suspended', SOURCE);
  } else if (!suspended(job) && was?.status === 'True') {
    suspendedCond = { lastProbeTime: now, lastTransitionTime: now, message: 'Job resumed', reason: 'JobResumed', status: 'False', type: 'Suspended' };
    api.event(job, 'Normal', 'Resumed', 'Job resumed', SOURCE);
    status.startTime = now;
  }
  const deadline = deadlineMs({ ...job, status });
  if (c.failed > backoffLimit || pastBackoffLimitOnFailure(spec, c.active, backoffLimit)) {
    condition = failure('BackoffLimitExceeded', 'Job has reached the specified backoff limit');
  } else if (deadline !== undefined && deadline <= api.nowMs()) {
    condition = failure('DeadlineExceeded', 'Job was active longer than specified deadline');
  } else if (c.succeeded >= completions) {
    condition = { lastProbeTime: now, lastTransitionTime: now, status: 'True', type: 'Complete' };
    status.completionTime = now;
    api.event(job, 'Normal', 'Completed', 'Job completed', SOURCE);
  } else if (suspended(job)) {
    for (const p of c.active) api.delete(PODS, ns, p.metadata.name);
    c = { ...c, active: [] };
  } else {
    const want = Math.min(parallelism, completions - c.succeeded) - c.active.length;
    // manageJob: while the back-off runs, no pods (the Job is requeued for its end).
    const blocked = want > 0 && backoffEndMs(pods()) > api.nowMs();
    const indexes = isIndexed(job) ? firstPendingIndexes(c.active, succeededIndexes(job, pods()), want, completions) : undefined;
    for (let i = 0; i < (blocked ? 0 : (indexes?.length ?? want)); i++) {
      const tpl = podFromTemplate(spec.template, job, 'batch/v1');
      const pod = indexes ? withIndex(tpl, job.metadata.name, indexes[i]!) : tpl;
      try {
        const { obj } = api.create(pod, ns);
        api.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${obj.metadata.name}`, SOURCE);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        api.event(job, 'Warning', 'FailedCreate', `Error creating: ${e.message}`, SOURCE);
        break;
      }
    }
    c = count(pods());
  }
  if (c.active.length) status.active = c.active.length;
  status.ready = c.active.filter(podReady).length;
  if (c.succeeded) status.succeeded = c.succeeded;
  if (c.failed) status.failed = c.failed;
  const done = isIndexed(job) ? intervalsString(succeededIndexes(job, pods())) : '';
  if (done) status.completedIndexes = done;
  status.terminating = 0;
  status.uncountedTerminatedPods = {};
  const conds = [suspendedCond, condition].filter((x): x is Obj => x !== undefined);
  if (conds.length) status.conditions = conds;
  const cur = api.get(JOB, ns, job.metadata.name);
  if (cur && JSON.stringify(cur.status) !== JSON.stringify(status)) api.update(JOB, { ...cur, status });
}
