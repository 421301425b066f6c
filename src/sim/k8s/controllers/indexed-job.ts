/**
 * Indexed Jobs (completionMode: Indexed; kubernetes@v1.30 pkg/controller/job/indexed_job_utils.go and manageJob in
 * job_controller.go): each pod carries its completion index in the batch.kubernetes.io/job-completion-index annotation
 * and, PodIndexLabel being on by default since v1.28, in the label of the same name; every container gets the
 * JOB_COMPLETION_INDEX variable from that label (addCompletionIndexEnvVariable), the pod the hostname `JOB-INDEX` and
 * the generateName `JOB-INDEX-` (podGenerateNameWithIndex). The indexes that succeeded are kept in
 * status.completedIndexes as intervals ("0-2,4", "1,2" for two in a row: orderedIntervals.String).
 */
import type { KObject } from '../types.ts';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
export const INDEX_KEY = 'batch.kubernetes.io/job-completion-index';
const ENV_NAME = 'JOB_COMPLETION_INDEX';
/** apiserver/pkg/storage/names MaxGeneratedNameLength (63 - 5 random characters). */
const MAX_GENERATED_NAME_LENGTH = 58;

export const isIndexed = (job: KObject) => (job.spec as Obj | undefined)?.completionMode === 'Indexed';

/** getCompletionIndex: the annotation's value, or -1 when absent, not a number or negative. */
export function completionIndex(p: KObject): number {
  const v = p.metadata.annotations?.[INDEX_KEY];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return -1;
  const i = Number(v);
  return i < 0 ? -1 : i;
}

/** succeededIndexesFromString, kept as a sorted list of indexes below `completions`. */
export function indexesFromString(s: unknown, completions: number): number[] {
  const out = new Set<number>();
  for (const part of typeof s === 'string' && s ? s.split(',') : []) {
    const [a, b] = part.split('-');
    const first = Number(a);
    if (!Number.isInteger(first)) continue;
    if (first >= completions) break;
    const last = b === undefined ? first : Math.min(Number(b), completions - 1);
    for (let i = first; i <= last; i++) out.add(i);
  }
  return [...out].sort((x, y) => x - y);
}

/** orderedIntervals.String: runs of consecutive indexes as FIRST-LAST, a run of two as FIRST,LAST. */
export function intervalsString(indexes: readonly number[]): string {
  const parts: string[] = [];
  const sorted = [...new Set(indexes)].sort((x, y) => x - y);
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const first = sorted[i]!;
    const last = sorted[j]!;
    parts.push(last === first ? `${first}` : last === first + 1 ? `${first},${last}` : `${first}-${last}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** firstPendingIndexes: up to `count` indexes below `completions` neither active nor succeeded, lowest first. */
export function firstPendingIndexes(active: readonly KObject[], succeeded: readonly number[], count: number, completions: number): number[] {
  const taken = new Set([...succeeded, ...active.map(completionIndex).filter((i) => i >= 0)]);
  const out: number[] = [];
  for (let i = 0; i < completions && out.length < count; i++) if (!taken.has(i)) out.push(i);
  return out;
}

/** podGenerateNameWithIndex. */
function generateName(jobName: string, index: number): string {
  const suffix = `-${index}-`;
  const prefix = jobName + suffix;
  return prefix.length > MAX_GENERATED_NAME_LENGTH ? prefix.slice(0, MAX_GENERATED_NAME_LENGTH - suffix.length) + suffix : prefix;
}

/** The index's pod from the controller's (podFromTemplate) one: the env variable, annotation, label, hostname and name. */
export function withIndex(pod: Obj, jobName: string, index: number): Obj {
  const meta = pod.metadata as Obj;
  meta.generateName = generateName(jobName, index);
  meta.annotations = { ...(isObj(meta.annotations) ? meta.annotations : {}), [INDEX_KEY]: String(index) };
  meta.labels = { ...(isObj(meta.labels) ? meta.labels : {}), [INDEX_KEY]: String(index) };
  const spec = pod.spec as Obj;
  for (const key of ['initContainers', 'containers']) {
    for (const c of (Array.isArray(spec[key]) ? spec[key] : []) as Obj[]) {
      const env = (Array.isArray(c.env) ? c.env : []) as Obj[];
      if (env.some((e) => e.name === ENV_NAME)) continue;
      c.env = [...env, { name: ENV_NAME, valueFrom: { fieldRef: { fieldPath: `metadata.labels['${INDEX_KEY}']` } } }];
    }
  }
  spec.hostname = `${jobName}-${index}`;
  return pod;
}
