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
  /** The latest evaluation: 'passed' while it has full marks (the done mark shows this). */
  status: 'started' | 'passed';
  score: number;
  max: number;
  updatedAt: string;
  /** When the learner first reached full marks (kept when a later evaluation falls short). */
  passedAt?: string;
}

/** Who the learner is, for the submission files a teacher grades (entered once, optional). */
export interface Student {
  name?: string;
  id?: string;
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
  /** Bumped by every save: a tab holding an older revision never writes over newer work. */
  rev?: number;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  /** lesson base id (locale-independent) → first visit time */
  visited: Record<string, string>;
  /** exercise id → progress */
  exercises: Record<string, ExerciseProgress>;
  /** exercise id → the learner's work */
  work: Record<string, ExerciseWork>;
  student?: Student;
}

/** `terminal`: the lesson's terminal session could not be saved (storage full or blocked). */
export type StorageProblem = 'unavailable' | 'corrupted' | 'full' | 'terminal' | null;

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
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const STUDENT_FIELD_MAX = 200;

/** Where a stored or imported value does not fit the schema, e.g. `exercises["e1.1"].score is not a number`. */
export class ProgressShapeError extends Error {}

function fail(where: string, what: string): never {
  throw new ProgressShapeError(`${where} ${what}`);
}

const at = (base: string, key: string) => `${base}[${JSON.stringify(key)}]`;

function record(v: unknown, where: string): Record<string, unknown> {
  if (!isRecord(v)) fail(where, Array.isArray(v) ? 'is a list, not an object' : `is ${v === null ? 'null' : typeof v}, not an object`);
  for (const k of Object.keys(v)) if (FORBIDDEN_KEYS.has(k)) fail(at(where, k), 'is a key the course never writes (refused)');
  return v;
}

function str(v: unknown, where: string): string {
  if (typeof v !== 'string') fail(where, `is ${v === null ? 'null' : typeof v}, not a string`);
  return v;
}

function num(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(where, 'is not a number');
  return v;
}

function strings(v: unknown, where: string): string[] {
  if (!Array.isArray(v)) fail(where, 'is not a list');
  return v.map((x, i) => str(x, `${where}[${i}]`));
}

function work(v: unknown, where: string): ExerciseWork {
  const w = record(v, where);
  const out: ExerciseWork = {
    hints: strings(w.hints, `${where}.hints`),
    attempted: typeof w.attempted === 'boolean' ? w.attempted : fail(`${where}.attempted`, 'is not true or false'),
    solutionShown: typeof w.solutionShown === 'boolean' ? w.solutionShown : fail(`${where}.solutionShown`, 'is not true or false'),
    updatedAt: str(w.updatedAt, `${where}.updatedAt`),
  };
  if (w.files !== undefined) {
    const files = record(w.files, `${where}.files`);
    out.files = Object.fromEntries(Object.entries(files).map(([k, x]) => [k, str(x, at(`${where}.files`, k))]));
  }
  if (w.answers !== undefined) {
    const answers = record(w.answers, `${where}.answers`);
    out.answers = Object.fromEntries(Object.entries(answers).map(([k, x]) => [k, strings(x, at(`${where}.answers`, k))]));
  }
  if (w.shellStart !== undefined) {
    if (!Number.isInteger(w.shellStart) || (w.shellStart as number) < 0) fail(`${where}.shellStart`, 'is not a whole number ≥ 0');
    out.shellStart = w.shellStart as number;
  }
  if (w.rev !== undefined) {
    if (!Number.isInteger(w.rev) || (w.rev as number) < 0) fail(`${where}.rev`, 'is not a whole number ≥ 0');
    out.rev = w.rev as number;
  }
  return out;
}

function exerciseProgress(v: unknown, where: string): ExerciseProgress {
  const e = record(v, where);
  if (e.status !== 'started' && e.status !== 'passed') fail(`${where}.status`, 'is neither "started" nor "passed"');
  const out: ExerciseProgress = {
    status: e.status,
    score: num(e.score, `${where}.score`),
    max: num(e.max, `${where}.max`),
    updatedAt: String(e.updatedAt ?? ''),
  };
  if (e.passedAt !== undefined) out.passedAt = str(e.passedAt, `${where}.passedAt`);
  return out;
}

function student(v: unknown, where: string): Student {
  const s = record(v, where);
  const out: Student = {};
  for (const k of ['name', 'id'] as const) {
    if (s[k] === undefined) continue;
    const x = str(s[k], `${where}.${k}`);
    if (x.length > STUDENT_FIELD_MAX) fail(`${where}.${k}`, `is longer than ${STUDENT_FIELD_MAX} characters`);
    out[k] = x;
  }
  return out;
}

/**
 * Checks a parsed value against the schema (version 1 or 2) and copies it into fresh
 * objects; throws ProgressShapeError naming the first field that does not fit.
 */
export function checkProgress(value: unknown, where = 'progress'): Progress {
  const v = record(value, where);
  if (v.version !== 1 && v.version !== PROGRESS_VERSION) fail(`${where}.version`, `is ${JSON.stringify(v.version)}, not 1 or ${PROGRESS_VERSION}`);
  const visited = record(v.visited, `${where}.visited`);
  const exercises = record(v.exercises, `${where}.exercises`);
  const works = v.version === 1 ? {} : record(v.work, `${where}.work`);
  for (const [k, x] of Object.entries(visited)) str(x, at(`${where}.visited`, k));
  for (const [k, x] of Object.entries(exercises)) exerciseProgress(x, at(`${where}.exercises`, k));
  for (const [k, x] of Object.entries(works)) work(x, at(`${where}.work`, k));
  if (v.student !== undefined) student(v.student, `${where}.student`);
  // Checked: now a deep copy that keeps the stored key order (an export round-trips byte for byte).
  const copy = <T>(x: unknown) => JSON.parse(JSON.stringify(x)) as T;
  const out: Progress = { version: PROGRESS_VERSION, visited: copy(visited), exercises: copy(exercises), work: copy(works) };
  if (v.student !== undefined) out.student = copy(v.student);
  return out;
}

/** Checks a parsed value against the schema (version 1 or 2); returns null when it does not fit. */
export function validateProgress(value: unknown): Progress | null {
  try {
    return checkProgress(value);
  } catch (e) {
    if (e instanceof ProgressShapeError) return null;
    throw e;
  }
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

/** Tells the page (the workspace's notice) about a storage problem. */
export function announce(problem: StorageProblem): void {
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
export function saveWork(id: string, change: Partial<Omit<ExerciseWork, 'updatedAt' | 'rev'>>): StorageProblem {
  return updateProgress((p) => {
    const before = workOf(p, id);
    p.work[id] = { ...before, ...change, updatedAt: new Date().toISOString(), rev: (before.rev ?? 0) + 1 };
  });
}

export type GuardedSave = { problem: StorageProblem; conflict: false; rev: number } | { problem: null; conflict: true; stored: ExerciseWork };

/**
 * Saves only if the stored work is still at revision `rev` (what this tab last read or
 * wrote). When another tab wrote newer work, nothing is written and the newer work is
 * returned, so the caller can ask the learner which to keep.
 */
export function saveWorkIfCurrent(id: string, rev: number, change: Partial<Omit<ExerciseWork, 'updatedAt' | 'rev'>>): GuardedSave {
  const { progress, problem } = readProgress();
  if (problem) {
    announce(problem);
    return { problem, conflict: false, rev };
  }
  const stored = workOf(progress, id);
  if ((stored.rev ?? 0) !== rev) return { problem: null, conflict: true, stored };
  const next = { ...stored, ...change, updatedAt: new Date().toISOString(), rev: rev + 1 };
  progress.work[id] = next;
  const written = writeProgress(progress);
  return { problem: written, conflict: false, rev: written ? rev : next.rev };
}

/** Records a graded attempt: the status follows the latest evaluation; passedAt keeps the first full marks. */
export function recordScore(id: string, score: number, max: number): StorageProblem {
  return updateProgress((p) => {
    const before = p.exercises[id];
    const full = max > 0 && score >= max;
    const now = new Date().toISOString();
    const passedAt = before?.passedAt ?? (before?.status === 'passed' ? before.updatedAt : undefined) ?? (full ? now : undefined);
    p.exercises[id] = { status: full ? 'passed' : 'started', score, max, updatedAt: now, ...(passedAt ? { passedAt } : {}) };
  });
}

/** Saves the learner's name and/or student id (empty strings remove them). */
export function saveStudent(student: Student): StorageProblem {
  return updateProgress((p) => {
    const clean: Student = {};
    if (student.name?.trim()) clean.name = student.name.trim().slice(0, STUDENT_FIELD_MAX);
    if (student.id?.trim()) clean.id = student.id.trim().slice(0, STUDENT_FIELD_MAX);
    if (clean.name || clean.id) p.student = clean;
    else delete p.student;
  });
}

/** A lesson is done when it has exercises and every one of them passed. */
export function lessonState(p: Progress, lesson: string, exercises: string[]): 'done' | 'visited' | 'new' {
  if (exercises.length > 0 && exercises.every((id) => p.exercises[id]?.status === 'passed')) return 'done';
  return p.visited[lesson] ? 'visited' : 'new';
}
