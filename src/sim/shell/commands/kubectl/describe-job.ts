/**
 * kubectl describe job (kubernetes/kubectl@v0.30.5:pkg/describe/describe.go JobDescriber.Describe → describeJob): the
 * spec's set fields in its order (Parallelism, Completions or `<unset>`, Completion Mode, Suspend, Backoff Limit, TTL
 * Seconds After Finished), Start Time, Completed At and Duration (duration.HumanDuration), Active Deadline Seconds,
 * `Pods Statuses: N Active (N Ready) / N Succeeded / N Failed` (the Ready part when status.ready is set, as v1.30's
 * controller always sets it), `Completed Indexes` for an Indexed Job (capIndexesListOrNone), then the pod template and the events.
 */
import type { ApiServer } from '../../../k8s/apiserver/index.ts';
import type { KObject } from '../../../k8s/types.ts';
import { describeEvents, describeTemplate, multiline, rfc1123z } from './describe.ts';
import { humanDuration } from './duration.ts';
import { formatSelector } from './tables.ts';
import { isObj, type Obj } from './obj.ts';

/** capIndexesListOrNone: `<none>`, or the list cut at the first comma from the soft limit on, then "...". */
function capIndexes(indexes: string, softLimit: number): string {
  if (!indexes) return '<none>';
  let ix = softLimit;
  while (ix < indexes.length && indexes[ix] !== ',') ix++;
  return ix >= indexes.length ? indexes : `${indexes.slice(0, ix + 1)}...`;
}

export function describeJob(api: ApiServer, job: KObject, now: number): string {
  const spec = (job.spec ?? {}) as Obj;
  const st = (job.status ?? {}) as Obj;
  let s = `Name:\t${job.metadata.name}\nNamespace:\t${job.metadata.namespace}\nSelector:\t${formatSelector(spec.selector)}\n`;
  s += multiline('Labels', job.metadata.labels) + multiline('Annotations', job.metadata.annotations);
  const ctl = job.metadata.ownerReferences?.find((r) => r.controller);
  if (ctl) s += `Controlled By:\t${ctl.kind}/${ctl.name}\n`;
  if (spec.parallelism !== undefined) s += `Parallelism:\t${spec.parallelism}\n`;
  s += `Completions:\t${spec.completions ?? '<unset>'}\n`;
  if (spec.completionMode !== undefined) s += `Completion Mode:\t${spec.completionMode}\n`;
  if (spec.suspend !== undefined) s += `Suspend:\t${spec.suspend}\n`;
  if (spec.backoffLimit !== undefined) s += `Backoff Limit:\t${spec.backoffLimit}\n`;
  if (spec.ttlSecondsAfterFinished !== undefined) s += `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`;
  if (st.startTime) s += `Start Time:\t${rfc1123z(st.startTime)}\n`;
  if (st.completionTime) s += `Completed At:\t${rfc1123z(st.completionTime)}\n`;
  if (st.startTime && st.completionTime) s += `Duration:\t${humanDuration(Date.parse(String(st.completionTime)) - Date.parse(String(st.startTime)))}\n`;
  if (spec.activeDeadlineSeconds !== undefined) s += `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`;
  const n = (k: string) => Number(st[k] ?? 0);
  const ready = st.ready === undefined ? '' : ` (${n('ready')} Ready)`;
  s += `Pods Statuses:\t${n('active')} Active${ready} / ${n('succeeded')} Succeeded / ${n('failed')} Failed\n`;
  if (spec.completionMode === 'Indexed') s += `Completed Indexes:\t${capIndexes(String(st.completedIndexes ?? ''), 50)}\n`;
  s += describeTemplate(isObj(spec.template) ? spec.template : {});
  return s + describeEvents(api.eventsFor(job), now);
}
