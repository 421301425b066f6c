/**
 * The checker, off the main thread: grades submissions, replays shell sessions and applies
 * fixes for the exercise panels, so typing never waits for YAML parsing or rule evaluation.
 * Shell goals are graded exactly as `container-course grade` does: the learner's commands
 * replayed in a fresh simulated host after the exercise's setup.
 */
import { grade, type Submission } from '../../checker/grade.ts';
import { applyFix } from '../../checker/fix.ts';
import { replayAndGrade } from '../../checker/replay.ts';
import { createWorld } from '../../sim/index.ts';
import type { Exercise, ShellGoalExercise } from '../../schemas/exercise.ts';
import type { Fix } from '../../checker/types.ts';

export type GraderRequest =
  | { id: number; type: 'grade'; exercise: Exercise; submission: Submission }
  | { id: number; type: 'replay'; exercise: ShellGoalExercise; commands: string[] }
  | { id: number; type: 'fix'; text: string; fix: Fix };

self.onmessage = async (e: MessageEvent<GraderRequest>) => {
  const req = e.data;
  try {
    if (req.type === 'grade') self.postMessage({ id: req.id, result: grade(req.exercise, req.submission) });
    else if (req.type === 'replay') self.postMessage({ id: req.id, result: await replayAndGrade(req.exercise, req.commands, createWorld) });
    else self.postMessage({ id: req.id, text: applyFix(req.text, req.fix) });
  } catch (err) {
    self.postMessage({ id: req.id, error: err instanceof Error ? err.message : String(err) });
  }
};
