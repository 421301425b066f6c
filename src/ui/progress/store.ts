/**
 * The learner's progress, kept in the browser under one versioned key. Reading never
 * throws: storage that is disabled, full or corrupted is reported through `problem`,
 * and a corrupted value is never overwritten (it is kept aside for export/repair).
 */

export const PROGRESS_KEY = 'cc:progress';
export const PROGRESS_VERSION = 1;

export interface ExerciseProgress {
  /** 'passed' once the learner reached full marks at least once. */
  status: 'started' | 'passed';
  score: number;
  max: number;
  updatedAt: string;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  /** lesson base id (locale-independent) → first visit time */
  visited: Record<string, string>;
  /** exercise id → progress */
  exercises: Record<string, ExerciseProgress>;
}

export type StorageProblem = 'unavailable' | 'corrupted' | 'full' | null;

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, visited: {}, exercises: {} };
}

export interface ReadResult {
  progress: Progress;
  problem: StorageProblem;
}

function storage(): Storage | null {
  try {
    const s = globalThis.localStorage;
    const probe = 'cc:probe';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

/** Checks a parsed value against the schema; returns null when it does not fit. */
export function validateProgress(value: unknown): Progress | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<Progress>;
  if (v.version !== PROGRESS_VERSION) return null;
  if (!v.visited || typeof v.visited !== 'object' || !v.exercises || typeof v.exercises !== 'object') return null;
  for (const e of Object.values(v.exercises)) {
    if (!e || (e.status !== 'started' && e.status !== 'passed') || typeof e.score !== 'number' || typeof e.max !== 'number') {
      return null;
    }
  }
  return { version: PROGRESS_VERSION, visited: { ...v.visited }, exercises: { ...v.exercises } };
}

export function readProgress(): ReadResult {
  const s = storage();
  if (!s) return { progress: emptyProgress(), problem: 'unavailable' };
  const raw = s.getItem(PROGRESS_KEY);
  if (raw === null) return { progress: emptyProgress(), problem: null };
  try {
    const valid = validateProgress(JSON.parse(raw));
    if (valid) return { progress: valid, problem: null };
  } catch {
    /* falls through to corrupted */
  }
  return { progress: emptyProgress(), problem: 'corrupted' };
}

/** Applies `change` to the stored progress. Refuses to write over a corrupted value. */
export function updateProgress(change: (p: Progress) => void): StorageProblem {
  const { progress, problem } = readProgress();
  if (problem) return problem;
  change(progress);
  try {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return null;
  } catch {
    return 'full';
  }
}

/** A lesson is done when it has exercises and every one of them passed. */
export function lessonState(p: Progress, lesson: string, exercises: string[]): 'done' | 'visited' | 'new' {
  if (exercises.length > 0 && exercises.every((id) => p.exercises[id]?.status === 'passed')) return 'done';
  return p.visited[lesson] ? 'visited' : 'new';
}
