/** The main-thread side of the grader worker: promise-returning calls. */
import type { GradeResult, Submission } from '../../checker/grade.ts';
import type { Fix } from '../../checker/types.ts';
import type { Exercise, ShellGoalExercise } from '../../schemas/exercise.ts';

let worker: Worker | null = null;
let next = 1;
const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

function call<T>(msg: Record<string, unknown>): Promise<T> {
  if (!worker) {
    worker = new Worker(new URL('./grader.worker.ts', import.meta.url), { type: 'module', name: 'cc-grader' });
    worker.onmessage = (e: MessageEvent<{ id: number; error?: string } & Record<string, unknown>>) => {
      const w = waiting.get(e.data.id);
      if (!w) return;
      waiting.delete(e.data.id);
      if (e.data.error !== undefined) w.reject(new Error(e.data.error));
      else w.resolve(e.data);
    };
  }
  const id = next++;
  return new Promise<T>((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
    worker!.postMessage({ ...msg, id });
  });
}

export async function gradeInWorker(exercise: Exercise, submission: Submission): Promise<GradeResult> {
  const r = await call<{ result: GradeResult }>({ type: 'grade', exercise, submission });
  return r.result;
}

export async function fixInWorker(text: string, fix: Fix): Promise<string> {
  const r = await call<{ text: string }>({ type: 'fix', text, fix });
  return r.text;
}

/** Replays a shell-goal session in a fresh simulated host and grades it, as the CLI does. */
export async function replayInWorker(exercise: ShellGoalExercise, commands: string[]): Promise<GradeResult> {
  const r = await call<{ result: GradeResult }>({ type: 'replay', exercise, commands });
  return r.result;
}
