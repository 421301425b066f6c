/**
 * Export and import of everything the course keeps in this browser: the progress record
 * (scores, done marks, the learner's text and answers, hints) and the terminal sessions
 * (`cc:term:*`, the commands typed per lesson). The file round-trips losslessly: an
 * import restores exactly the values that were exported.
 */
import { checkProgress, PROGRESS_EVENT, PROGRESS_KEY, ProgressShapeError, validateProgress, type Progress } from './store.ts';

export const BACKUP_FORMAT = 'container-course-progress';
export const BACKUP_VERSION = 1;
const TERMINAL_PREFIX = 'cc:term:';
/** A progress export is tens of kilobytes; anything past this is not one (and would not fit in storage). */
export const MAX_BACKUP_BYTES = 5 * 1024 * 1024;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  /** The progress record; null when none was saved yet. */
  progress: Progress | null;
  /** Terminal sessions, storage key → stored text. */
  terminal: Record<string, string>;
}

export type ImportError =
  | { code: 'not-json'; detail: string }
  | { code: 'not-backup' }
  | { code: 'too-large'; bytes: number }
  | { code: 'bad-progress'; detail: string }
  | { code: 'bad-terminal'; key: string }
  | { code: 'storage'; problem: 'unavailable' | 'full' };

/** Collects the backup from storage. A corrupted progress value is exported as-is under `corrupted`. */
export function createBackup(s: Storage = localStorage, now = new Date()): Backup & { corrupted?: string } {
  const raw = s.getItem(PROGRESS_KEY);
  let progress: Progress | null = null;
  let corrupted: string | undefined;
  if (raw !== null) {
    try {
      progress = validateProgress(JSON.parse(raw));
    } catch {
      progress = null;
    }
    if (!progress) corrupted = raw;
  }
  const terminal: Record<string, string> = {};
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (key?.startsWith(TERMINAL_PREFIX)) terminal[key] = s.getItem(key) ?? '';
  }
  const backup: Backup & { corrupted?: string } = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), progress, terminal };
  if (corrupted !== undefined) backup.corrupted = corrupted;
  return backup;
}

export function backupFileName(now = new Date()): string {
  return `container-course-progress-${now.toISOString().slice(0, 10)}.json`;
}

/** Reads and checks a backup file's text (`bytes`: the file's size, checked before anything else). */
export function parseBackup(text: string, bytes = text.length): { backup: Backup } | { error: ImportError } {
  if (bytes > MAX_BACKUP_BYTES) return { error: { code: 'too-large', bytes } };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: { code: 'not-json', detail: (e as Error).message } };
  }
  const v = value as Partial<Backup> | null;
  if (!v || typeof v !== 'object' || Array.isArray(v) || v.format !== BACKUP_FORMAT || v.version !== BACKUP_VERSION) return { error: { code: 'not-backup' } };
  if (Object.keys(v).includes('__proto__')) return { error: { code: 'bad-progress', detail: 'the file has a key named __proto__ (refused)' } };
  let progress: Progress | null = null;
  if (v.progress !== null) {
    try {
      progress = checkProgress(v.progress);
    } catch (e) {
      if (e instanceof ProgressShapeError) return { error: { code: 'bad-progress', detail: e.message } };
      throw e;
    }
  }
  const terminal = v.terminal ?? {};
  if (!terminal || typeof terminal !== 'object' || Array.isArray(terminal)) return { error: { code: 'bad-terminal', key: '(terminal)' } };
  for (const [key, val] of Object.entries(terminal)) {
    if (!key.startsWith(TERMINAL_PREFIX) || typeof val !== 'string') return { error: { code: 'bad-terminal', key } };
  }
  return { backup: { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: String(v.exportedAt ?? ''), progress, terminal: { ...terminal } } };
}

/**
 * Replaces the stored progress and terminal sessions with the backup's. A corrupted stored
 * value is first copied aside (never lost); if any write fails, everything written so far
 * is rolled back to what was there before.
 */
export function restoreBackup(backup: Backup, s: Storage = localStorage, now = new Date()): ImportError | null {
  const before = new Map<string, string | null>();
  const keys = [PROGRESS_KEY, ...Object.keys(backup.terminal)];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (key?.startsWith(TERMINAL_PREFIX)) keys.push(key);
  }
  for (const key of keys) before.set(key, s.getItem(key));
  const rawProgress = before.get(PROGRESS_KEY) ?? null;
  try {
    if (rawProgress !== null) {
      let valid = false;
      try {
        valid = validateProgress(JSON.parse(rawProgress)) !== null;
      } catch {
        valid = false;
      }
      if (!valid) s.setItem(`${PROGRESS_KEY}:corrupted:${now.toISOString()}`, rawProgress);
    }
    for (const key of before.keys()) if (key.startsWith(TERMINAL_PREFIX) && !(key in backup.terminal)) s.removeItem(key);
    for (const [key, val] of Object.entries(backup.terminal)) s.setItem(key, val);
    if (backup.progress) s.setItem(PROGRESS_KEY, JSON.stringify(backup.progress));
    else s.removeItem(PROGRESS_KEY);
  } catch {
    for (const [key, val] of before) {
      try {
        if (val === null) s.removeItem(key);
        else s.setItem(key, val);
      } catch {
        /* the rollback restores what fits; the learner is told the import failed */
      }
    }
    return { code: 'storage', problem: 'full' };
  }
  if (typeof dispatchEvent === 'function') dispatchEvent(new Event(PROGRESS_EVENT));
  return null;
}
