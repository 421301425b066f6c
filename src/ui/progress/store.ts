/**
 * The learner's progress and work, kept in the browser under one versioned key. Reading
 * never throws: storage that is disabled, full or corrupted is reported through `problem`,
 * and a corrupted value is never overwritten (it stays under its key, and the learner is
 * told; an import first copies it aside under `cc:progress:corrupted:<time>`).
 *
 * Version 2 adds `work` (the learner's text, answers and hint state per exercise id);
 * a version-1 value is migrated on read and written back as version 2 on the next save.
 */

export const PROGRESS_KEY = 'cc:progress';
export const PROGRESS_VERSION = 2;
/** Dispatched on window after every successful write (marks and panels re-render). */
export const PROGRESS_EVENT = 'cc:progress';
/** Dispatched on window with `detail: StorageProblem` when a write or read fails. */
export const PROBLEM_EVENT = 'cc:storage-problem';

export interface ExerciseProgress {
  /** 'passed' once the learner reached full marks at least once. */
  status: 'started' | 'passed';
  score: number;
  max: number;
  updatedAt: string;
}

/** What the learner has done in one exercise; keyed by the locale-independent exercise id. */
export interface ExerciseWork {
  /** Editor contents, file name → text (manifest and Dockerfile exercises). */
  files?: Record<string, string>;
  /** Quiz: question id → chosen choice ids. */
  answers?: Record<string, string[]>;
  /** Shell goal: how many lines of the lesson's terminal session came before the exercise began. */
  shellStart?: number;
  /** The hints the learner has unlocked, in the order they were shown. */
  hints: string[];
  /** Checked at least once (the solution may then be shown without asking twice). */
  attempted: boolean;
  solutionShown: boolean;
  updatedAt: string;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  /** lesson base id (locale-independent) → first visit time */
  visited: Record<string, string>;
  /** exercise id → progress */
  exercises: Record<string, ExerciseProgress>;
  /** exercise id → the learner's work */
  work: Record<string, ExerciseWork>;
}

export type StorageProblem = 'unavailable' | 'corrupted' | 'full' | null;

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, visited: {}, exercises: {}, work: {} };
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
    // A full store refuses even the probe: it is still readable.
    try {
      const s = globalThis.localStorage;
      s.getItem(PROGRESS_KEY);
      return s;
    } catch {
      return null;
    }
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isStringMap = (v: unknown): v is Record<string, string> => isRecord(v) && Object.values(v).every((x) => typeof x === 'string');
const isChoiceMap = (v: unknown): v is Record<string, string[]> =>
  isRecord(v) && Object.values(v).every((x) => Array.isArray(x) && x.every((c) => typeof c === 'string'));

function validWork(w: unknown): w is ExerciseWork {
  if (!isRecord(w)) return false;
  if (w.files !== undefined && !isStringMap(w.files)) return false;
  if (w.answers !== undefined && !isChoiceMap(w.answers)) return false;
  if (w.shellStart !== undefined && (typeof w.shellStart !== 'number' || !Number.isInteger(w.shellStart) || w.shellStart < 0)) return false;
  return (
    Array.isArray(w.hints) && w.hints.every((x) => typeof x === 'string') &&
    typeof w.attempted === 'boolean' && typeof w.solutionShown === 'boolean' && typeof w.updatedAt === 'string'
  );
}

/** Checks a parsed value against the schema (version 1 or 2); returns null when it does not fit. */
export function validateProgress(value: unknown): Progress | null {
  if (!isRecord(value)) return null;
  if (value.version !== 1 && value.version !== PROGRESS_VERSION) return null;
  if (!isStringMap(value.visited) || !isRecord(value.exercises)) return null;
  for (const e of Object.values(value.exercises)) {
    if (!isRecord(e) || (e.status !== 'started' && e.status !== 'passed') || typeof e.score !== 'number' || typeof e.max !== 'number') {
      return null;
    }
  }
  const work = value.version === 1 ? {} : value.work;
  if (!isRecord(work) || !Object.values(work).every(validWork)) return null;
  return {
    version: PROGRESS_VERSION,
    visited: { ...value.visited },
    exercises: { ...(value.exercises as Record<string, ExerciseProgress>) },
    work: { ...(work as Record<string, ExerciseWork>) },
  };
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

function announce(problem: StorageProblem): void {
  if (problem && typeof dispatchEvent === 'function') dispatchEvent(new CustomEvent(PROBLEM_EVENT, { detail: problem }));
}

/**
 * Writes `progress` as the stored value. A quota error leaves the previous value in place
 * (localStorage writes are all-or-nothing) and is reported as 'full'.
 */
export function writeProgress(progress: Progress): StorageProblem {
  const s = storage();
  if (!s) {
    announce('unavailable');
    return 'unavailable';
  }
  try {
    s.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    announce('full');
    return 'full';
  }
  if (typeof dispatchEvent === 'function') dispatchEvent(new Event(PROGRESS_EVENT));
  return null;
}

/** Applies `change` to the stored progress. Refuses to write over a corrupted value. */
export function updateProgress(change: (p: Progress) => void): StorageProblem {
  const { progress, problem } = readProgress();
  if (problem) {
    announce(problem);
    return problem;
  }
  change(progress);
  return writeProgress(progress);
}

/** The learner's saved work in one exercise (a fresh record when there is none). */
export function workOf(p: Progress, id: string): ExerciseWork {
  return p.work[id] ?? { hints: [], attempted: false, solutionShown: false, updatedAt: '' };
}

/** Saves part of the learner's work in one exercise. */
export function saveWork(id: string, change: Partial<Omit<ExerciseWork, 'updatedAt'>>): StorageProblem {
  return updateProgress((p) => {
    p.work[id] = { ...workOf(p, id), ...change, updatedAt: new Date().toISOString() };
  });
}

/** Records a graded attempt; 'passed' is kept once reached. */
export function recordScore(id: string, score: number, max: number): StorageProblem {
  return updateProgress((p) => {
    const before = p.exercises[id];
    const passed = before?.status === 'passed' || (max > 0 && score >= max);
    p.exercises[id] = { status: passed ? 'passed' : 'started', score, max, updatedAt: new Date().toISOString() };
  });
}

/** A lesson is done when it has exercises and every one of them passed. */
export function lessonState(p: Progress, lesson: string, exercises: string[]): 'done' | 'visited' | 'new' {
  if (exercises.length > 0 && exercises.every((id) => p.exercises[id]?.status === 'passed')) return 'done';
  return p.visited[lesson] ? 'visited' : 'new';
}
