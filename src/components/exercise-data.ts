/**
 * Build-time access to the exercises (content/exercises/<id>.yaml), validated by the
 * checker's schema. A lesson that names an exercise without a valid file fails the build
 * with the file and the reason. The texts come in through Vite's glob import (`?raw`), so
 * bundling cannot lose the paths.
 */
import { loadExercise } from '../checker/exercise/load.ts';
import type { Exercise } from '../schemas/exercise.ts';

const files = import.meta.glob<string>('../../content/exercises/*.yaml', { query: '?raw', import: 'default', eager: true });
const cache = new Map<string, Exercise>();

export function exerciseById(id: string): Exercise {
  const hit = cache.get(id);
  if (hit) return hit;
  const file = `content/exercises/${id}.yaml`;
  const text = files[`../../${file}`];
  if (text === undefined) {
    throw new Error(
      `${file}: the exercise "${id}" is named in a lesson, but this file does not exist. Add it or remove the id from the lesson's \`exercises\`.`,
    );
  }
  const r = loadExercise(text, file);
  if ('error' in r) throw new Error(r.error);
  cache.set(id, r.exercise);
  return r.exercise;
}

/** "e11.1" → "E11.1" */
export function exerciseLabel(id: string): string {
  return id.replace(/^e/, 'E');
}
