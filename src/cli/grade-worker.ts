/** A grading worker thread: grades the submissions its pool sends, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Exercise } from '../schemas/exercise.ts';
import { gradeContent, starterResult } from './grade-core.ts';
import type { SubmissionContent } from './grade-input.ts';

const { exercise } = workerData as { exercise: Exercise };

parentPort!.on('message', async (m: { seq: number; content: SubmissionContent }) => {
  const outcome = await gradeContent(exercise, m.content);
  parentPort!.postMessage({ seq: m.seq, outcome });
});
// Warm up before taking work: load the engine (and the simulator for a shell-goal
// exercise) and grade the starter, so a submission's time budget is its own.
await starterResult(exercise);
if (exercise.kind === 'shell-goal') {
  // The shell and Docker's commands load on the first command; load them now.
  const { createWorld } = await import('../sim/index.ts');
  await createWorld(undefined, { clock: 'virtual', seed: 1 }).exec('docker images');
}
parentPort!.postMessage({ ready: true });
