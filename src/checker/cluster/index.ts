/**
 * Grading with the simulated cluster: every `cluster` check of a text exercise is run on a
 * fresh World (run.ts), then the files are graded as usual with those outcomes. Every other
 * exercise and submission is graded exactly as grade() does. The lesson page's worker, the CLI
 * and the tests call this with src/sim's createWorld.
 */
import type { Exercise } from '../../schemas/exercise.ts';
import { CLUSTER_TEMPLATE, dockerfileChecksFor, gradeTextWith, gradeWith, type GradeResult, type Submission } from '../grade-core.ts';
import type { CreateWorld } from '../replay.ts';
import type { ClusterParams } from './params.ts';
import { runClusterCheck, type ClusterOutcome } from './run.ts';

export type { ClusterOutcome } from './run.ts';

/** Whether grading this exercise needs the simulator (it has a `cluster` check). */
export function needsCluster(ex: Exercise): boolean {
  return (ex.kind === 'k8s-yaml' || ex.kind === 'dockerfile') && ex.checks.some((c) => c.template === CLUSTER_TEMPLATE);
}

/**
 * Runs the exercise's `cluster` checks on these files: check id → outcome. Their parameters were
 * parsed against params.ts's schema when the exercise loaded (exercise/load.ts), as every
 * check's are (grade-core.ts), so grading needs no zod.
 */
export async function clusterOutcomes(ex: Exercise, files: Record<string, string>, createWorld: CreateWorld): Promise<Record<string, ClusterOutcome>> {
  const out: Record<string, ClusterOutcome> = {};
  for (const c of ex.checks) {
    if (c.template !== CLUSTER_TEMPLATE) continue;
    out[c.id] = await runClusterCheck(files, c.params as ClusterParams, createWorld);
  }
  return out;
}

/** grade(), with the `cluster` checks run on the simulated cluster (and the Dockerfile checks loaded if a Dockerfile is submitted). */
export async function gradeOnCluster(ex: Exercise, submission: Submission, createWorld: CreateWorld): Promise<GradeResult> {
  const dockerfile = await dockerfileChecksFor(submission);
  if (!needsCluster(ex) || !('files' in submission) || (ex.kind !== 'k8s-yaml' && ex.kind !== 'dockerfile')) return gradeWith(ex, submission, dockerfile);
  return gradeTextWith(ex, submission.files, await clusterOutcomes(ex, submission.files, createWorld), dockerfile);
}
