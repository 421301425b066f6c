/**
 * The checker, off the main thread: grades submissions, replays shell sessions and applies
 * fixes for the exercise panels, so typing never waits for YAML parsing or rule evaluation.
 * Shell goals are graded exactly as `container-course grade` does: the learner's commands
 * replayed in a fresh simulated host after the exercise's setup, and a manifest exercise's `cluster`
 * checks apply the files to a fresh simulated cluster (checker/cluster/). Every answer is an
 * Evaluation (evaluation.ts): the one object the panel draws score, checks and marks from.
 *
 * What a manifest exercise does not need loads on first use (issue #14: the editor's bytes):
 * the simulator (shell-goal exercises and `cluster` checks) and the Dockerfile half of the
 * engine with dockerfile-ast (submissions with a Dockerfile: grade-core.ts dockerfileChecksFor).
 */
import { dockerfileChecksFor, gradeWith, type GradeResult, type Submission } from '../../checker/grade-core.ts';
import { applyFix } from '../../checker/fix.ts';
import { replayAndGrade, type CreateWorld } from '../../checker/replay.ts';
import { gradeOnCluster, needsCluster } from '../../checker/cluster/index.ts';
import type { Exercise, ShellGoalExercise } from '../../schemas/exercise.ts';
import type { Fix } from '../../checker/types.ts';
import { evaluation, rulesBeyond, type Work } from './evaluation.ts';

export type GraderRequest =
  | { id: number; type: 'grade'; exercise: Exercise; submission: Submission; version?: string }
  | { id: number; type: 'replay'; exercise: ShellGoalExercise; commands: string[] }
  | { id: number; type: 'fix'; text: string; fix: Fix };

/** The simulator's createWorld, its code loaded on first use. */
async function simulator(): Promise<CreateWorld> {
  return (await import('../../sim/index.ts')).createWorld;
}

/** Grades without the simulator, loading the Dockerfile checks only if a Dockerfile is submitted. */
async function gradeNow(ex: Exercise, sub: Submission): Promise<GradeResult> {
  return gradeWith(ex, sub, await dockerfileChecksFor(sub));
}

/** Exercise id → the rules that fire on its reference solution (computed once). */
const beyondCache = new Map<string, Promise<string[]>>();

function beyondOf(ex: Exercise): Promise<string[]> {
  let hit = beyondCache.get(ex.id);
  if (!hit) {
    hit = ex.kind === 'k8s-yaml' || ex.kind === 'dockerfile' ? gradeNow(ex, { files: ex.solution }).then(rulesBeyond) : Promise.resolve([]);
    beyondCache.set(ex.id, hit);
  }
  return hit;
}

/** Exercise id → what the unchanged starter earns (computed once), as `container-course grade` computes it. */
const starterCache = new Map<string, Promise<GradeResult>>();

/** The start files, the start state with no commands, or no answers: src/cli/grade-core.ts starterResult. */
function starterOf(ex: Exercise): Promise<GradeResult> {
  let hit = starterCache.get(ex.id);
  if (!hit) {
    hit =
      ex.kind === 'shell-goal'
        ? simulator().then((createWorld) => replayAndGrade(ex, [], createWorld))
        : ex.kind === 'quiz'
          ? gradeNow(ex, { answers: {} })
          : gradeWork(ex, { files: ex.start });
    starterCache.set(ex.id, hit);
  }
  return hit;
}

/**
 * The last results of exercises graded on the simulated cluster, by exercise and text: the same text
 * (undo, a fix undone, a second Check) is not applied again. Grading is deterministic, so a kept result is the result.
 */
const clusterCache = new Map<string, GradeResult>();
const CLUSTER_CACHE_MAX = 16;

async function gradeWork(ex: Exercise, sub: Submission): Promise<GradeResult> {
  if (!needsCluster(ex) || !('files' in sub)) return gradeNow(ex, sub);
  const key = `${ex.id}\u0000${JSON.stringify(Object.entries(sub.files).sort(([a], [b]) => a.localeCompare(b)))}`;
  const hit = clusterCache.get(key);
  if (hit) return hit;
  // Its `cluster` checks apply the files to a fresh simulated cluster (the k8s code loads on first use).
  const r = await gradeOnCluster(ex, sub, await simulator());
  clusterCache.set(key, r);
  if (clusterCache.size > CLUSTER_CACHE_MAX) clusterCache.delete(clusterCache.keys().next().value!);
  return r;
}

function workOf(sub: Submission): Work {
  if ('files' in sub) return { files: sub.files };
  if ('answers' in sub) return { answers: sub.answers };
  return { commands: sub.snapshot.transcript.map((t) => t.line) };
}

self.onmessage = async (e: MessageEvent<GraderRequest>) => {
  const req = e.data;
  try {
    if (req.type === 'grade') {
      const r = await gradeWork(req.exercise, req.submission);
      const starter = await starterOf(req.exercise);
      self.postMessage({ id: req.id, result: evaluation(req.exercise, workOf(req.submission), r, await beyondOf(req.exercise), req.version, starter) });
    } else if (req.type === 'replay') {
      const r = await replayAndGrade(req.exercise, req.commands, await simulator());
      const starter = await starterOf(req.exercise);
      self.postMessage({ id: req.id, result: evaluation(req.exercise, { commands: req.commands }, r, [], undefined, starter) });
    } else {
      const text = applyFix(req.text, req.fix);
      self.postMessage({ id: req.id, text });
    }
  } catch (err) {
    self.postMessage({ id: req.id, error: err instanceof Error ? err.message : String(err) });
  }
};
