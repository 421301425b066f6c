/**
 * The Job controller (kubernetes@v1.30.0 pkg/controller/job/job_controller.go syncJob), for NonIndexed Jobs: pods
 * named `<job>-<5 chars>` from the template (SuccessfulCreate "Created pod: …"), as many as parallelism allows while
 * succeeded + active < completions; a pod that failed counts toward backoffLimit, past which the Job fails
 * (BackoffLimitExceeded "Job has reached the specified backoff limit", and its active pods are deleted); once
 * `completions` pods have succeeded the Job is Complete (completionTime, the Complete condition, event Completed
 * "Job completed"). Status as v1.30 writes it: startTime, active, ready, terminating (JobPodReplacementPolicy),
 * succeeded/failed, uncountedTerminatedPods {}.
 * Not simulated: the pods' batch.kubernetes.io/job-tracking finalizer, the back-off delay between failed pods'
 * replacements, Indexed completion, suspend and activeDeadlineSeconds.
 */
import type { ApiServer } from '../apiserver/index.ts';
import { ApiError } from '../apiserver/index.ts';
import { resourceOfKind } from '../apiserver/resources.ts';
import type { KObject } from '../types.ts';
import { ownedBy, podFromTemplate, podReady } from './replicaset.ts';

type Obj = Record<string, unknown>;
const PODS = resourceOfKind('v1', 'Pod')!;
const JOB = resourceOfKind('batch/v1', 'Job')!;
const SOURCE = { component: 'job-controller' };

const phase = (p: KObject) => String((p.status as Obj | undefined)?.phase ?? '');
const finished = (job: KObject) =>
  (((job.status as Obj | undefined)?.conditions as Obj[] | undefined) ?? []).some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');

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
    succeeded: all.filter((p) => phase(p) === 'Succeeded').length,
    failed: all.filter((p) => phase(p) === 'Failed').length,
  });
  let c = count(pods());
  const now = api.nowIso();
  const prev = (job.status ?? {}) as Obj;
  const status: Obj = { startTime: prev.startTime ?? now };
  let condition: Obj | undefined;
  if (c.failed > backoffLimit) {
    for (const p of c.active) api.delete(PODS, ns, p.metadata.name);
    condition = {
      lastProbeTime: now,
      lastTransitionTime: now,
      message: 'Job has reached the specified backoff limit',
      reason: 'BackoffLimitExceeded',
      status: 'True',
      type: 'Failed',
    };
    api.event(job, 'Warning', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', SOURCE);
    c = { ...c, active: [] };
  } else if (c.succeeded >= completions) {
    condition = { lastProbeTime: now, lastTransitionTime: now, status: 'True', type: 'Complete' };
    status.completionTime = now;
    api.event(job, 'Normal', 'Completed', 'Job completed', SOURCE);
  } else {
    const want = Math.min(parallelism, completions - c.succeeded) - c.active.length;
    for (let i = 0; i < want; i++) {
      const pod = podFromTemplate(spec.template, job, 'batch/v1');
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
  status.terminating = 0;
  status.uncountedTerminatedPods = {};
  if (condition) status.conditions = [condition];
  const cur = api.get(JOB, ns, job.metadata.name);
  if (cur && JSON.stringify(cur.status) !== JSON.stringify(status)) api.update(JOB, { ...cur, status });
}
