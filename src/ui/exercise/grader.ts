/** The main-thread side of the grader worker: promise-returning calls. */
import type { Submission } from '../../checker/grade.ts';
import type { Fix } from '../../checker/types.ts';
import type { Exercise, ShellGoalExercise } from '../../schemas/exercise.ts';
import type { Evaluation } from './evaluation.ts';

let worker: Worker | null = null;
let next = 1;
const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

function fail(all: Error): void {
  for (const w of waiting.values()) w.reject(all);
  waiting.clear();
  worker?.terminate();
  worker = null;
}

/** Starts the grader worker (its code loads and compiles) if it is not running yet. */
export function warmGrader(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./grader.worker.ts', import.meta.url), { type: 'module', name: 'cc-grader' });
    worker.onmessage = (e: MessageEvent<{ id: number; error?: string } & Record<string, unknown>>) => {
      const w = waiting.get(e.data.id);
      if (!w) return;
      waiting.delete(e.data.id);
      if (e.data.error !== undefined) w.reject(new Error(e.data.error));
      else w.resolve(e.data);
    };
    // A worker that cannot load (or dies) rejects every waiting call instead of leaving it pending.
    worker.onerror = (e) => {
      e.preventDefault();
      fail(new Error(e.message || 'the checker stopped'));
    };
    worker.onmessageerror = () => fail(new Error('the checker sent a message that could not be read'));
  }
  return worker;
}

function call<T>(msg: Record<string, unknown>): Promise<T> {
  const w = warmGrader();
  const id = next++;
  return new Promise<T>((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
    w.postMessage({ ...msg, id });
  });
}

/** Grades text or answers; `version` tags the result with the editor text it belongs to. */
export async function gradeInWorker(exercise: Exercise, submission: Submission, version?: string): Promise<Evaluation> {
  const r = await call<{ result: Evaluation }>({ type: 'grade', exercise, submission, version });
  return r.result;
}

const ahead = new Map<string, Promise<Evaluation>>();
const aheadKey = (exercise: Exercise, submission: Submission) => `${exercise.id}\u0000${JSON.stringify(submission)}`;

/**
 * Grades an editor's opening text before the editor exists (a hover on its card, or the
 * click): the first grading, which also finds the rules the solution itself trips, runs
 * while Monaco loads (issue #14: first markers soon after the click).
 */
export function gradeAhead(exercise: Exercise, submission: Submission): Promise<Evaluation> {
  const key = aheadKey(exercise, submission);
  const known = ahead.get(key);
  if (known) return known;
  const p = gradeInWorker(exercise, submission);
  ahead.set(key, p);
  p.catch(() => ahead.delete(key));
  return p;
}

/** The opening text's grading: the one started ahead for this exact text (taken once), or a new one. */
export function takeGradeAhead(exercise: Exercise, submission: Submission): Promise<Evaluation> {
  const key = aheadKey(exercise, submission);
  const p = ahead.get(key) ?? gradeInWorker(exercise, submission);
  ahead.delete(key);
  return p;
}

/**
 * The longest Monaco's chunk waits for the opening text's grading (afterGrading). A grading
 * takes about 100 ms of the worker's CPU; a worker that has not answered by then (a machine
 * under heavy load, a text the checker is slow on) no longer holds the editor back. A judgment
 * value, not a measurement of anything upstream.
 */
const MONACO_WAITS_MS = 1500;

/**
 * Resolves once `grading` has settled (answered or failed), or after MONACO_WAITS_MS, and the
 * next frame has been painted (a task queued from requestAnimationFrame runs after that paint),
 * so that the findings drawn from the grading are on screen. Monaco's chunk (about 2.6 MB of
 * JavaScript, parsed on a background thread as it arrives) is imported then, not beside the
 * grading: on a 2-core machine its parse took the CPU that the grader worker and the findings'
 * paint needed (issue #14: first markers ≤ 600 ms after the click).
 */
export function afterGrading(grading: Promise<unknown>): Promise<void> {
  return new Promise<void>((resolve) => {
    const painted = () => requestAnimationFrame(() => setTimeout(resolve));
    const timer = setTimeout(painted, MONACO_WAITS_MS);
    // The findings are drawn in this same task (their callback on the grading runs before any frame).
    const done = () => {
      clearTimeout(timer);
      painted();
    };
    grading.then(done, done);
  });
}

export async function fixInWorker(text: string, fix: Fix): Promise<string> {
  const r = await call<{ text: string }>({ type: 'fix', text, fix });
  return r.text;
}

/** Replays a shell-goal session in a fresh simulated host and grades it, as the CLI does. */
export async function replayInWorker(exercise: ShellGoalExercise, commands: string[]): Promise<Evaluation> {
  const r = await call<{ result: Evaluation }>({ type: 'replay', exercise, commands });
  return r.result;
}
