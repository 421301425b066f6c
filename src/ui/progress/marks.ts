/**
 * The visit record for the lesson on screen (its progress mark turns to "visited").
 * The marks themselves are drawn by a small inline script in src/components/Head.astro,
 * which reads the same record (store.ts) on every page without loading any module.
 */
import { readProgress, updateProgress } from './store.ts';

function lessonOf(path: string): string | null {
  const m = /^\/(?:zh-cn\/)?(lessons\/[^/]+)\/?$/.exec(path);
  return m ? m[1] : null;
}

/** Records the first visit of the lesson on screen (once). */
export function recordVisit(): void {
  const current = lessonOf(location.pathname);
  if (!current) return;
  const { progress, problem } = readProgress();
  if (problem || progress.visited[current]) return;
  updateProgress((p) => void (p.visited[current] ??= new Date().toISOString()));
}
