/**
 * The lesson terminal's saved session (`cc:term:v1:<lesson>`): the lines run, the line
 * editor's history and the screen. Like the exercise work in progress/store.ts, every save
 * carries a revision, and a tab writes only over the revision it last read or wrote: the
 * same lesson open in two tabs never silently loses the other tab's session.
 */
import { announce } from '../progress/store.ts';

const STORAGE_VERSION = 'v1';

export interface Saved {
  lines: string[];
  history: string[];
  screen: string;
  /** Bumped by every save (absent in sessions saved before revisions existed: 0). */
  rev?: number;
  /** The host's last PID when saved (World.lastPid; absent in older sessions): the replay resumes the counter there. */
  lastPid?: number;
}

export function sessionKey(lesson: string): string {
  return `cc:term:${STORAGE_VERSION}:${lesson}`;
}

/** The stored session, or null when there is none (or it cannot be read). */
export function loadSession(lesson: string): Saved | null {
  try {
    const raw = localStorage.getItem(sessionKey(lesson));
    if (!raw) return null;
    const data = JSON.parse(raw) as Partial<Saved>;
    if (!Array.isArray(data.lines) || !Array.isArray(data.history) || typeof data.screen !== 'string') return null;
    const rev = Number.isInteger(data.rev) && (data.rev as number) >= 0 ? (data.rev as number) : 0;
    const lastPid = Number.isInteger(data.lastPid) && (data.lastPid as number) > 0 ? { lastPid: data.lastPid as number } : {};
    return { lines: data.lines.map(String), history: data.history.map(String), screen: data.screen, rev, ...lastPid };
  } catch {
    return null;
  }
}

/** The stored session's revision: 0 when there is none. */
export function storedRev(lesson: string): number {
  return loadSession(lesson)?.rev ?? 0;
}

export type SessionSave = { ok: true; rev: number } | { ok: false; conflict: true; rev: number } | { ok: false; conflict: false };

/**
 * Saves `data` if the stored session is still at revision `rev` (or `force`: the learner
 * chose to keep this tab's session). On a conflict nothing is written and the stored
 * revision is returned. A full or blocked store is reported on the page.
 */
export function saveSession(lesson: string, rev: number, data: Omit<Saved, 'rev'>, force = false): SessionSave {
  const current = storedRev(lesson);
  if (!force && current !== rev) return { ok: false, conflict: true, rev: current };
  const next = Math.max(current, rev) + 1;
  try {
    localStorage.setItem(sessionKey(lesson), JSON.stringify({ ...data, rev: next }));
    return { ok: true, rev: next };
  } catch {
    // Full or blocked storage: the workspace shows the learner (not only the console).
    announce('terminal');
    return { ok: false, conflict: false };
  }
}

/**
 * Reset: an empty session under a newer revision (not a removal, which would bring the
 * revision back to 0 and let a tab holding the old session write over the reset).
 */
export function resetSession(lesson: string): void {
  const current = storedRev(lesson);
  if (current === 0 && !hasSession(lesson)) return;
  try {
    localStorage.setItem(sessionKey(lesson), JSON.stringify({ lines: [], history: [], screen: '', rev: current + 1 }));
  } catch {
    /* storage full or disabled: the old session stays; the next save reports it */
  }
}

function hasSession(lesson: string): boolean {
  try {
    return localStorage.getItem(sessionKey(lesson)) !== null;
  } catch {
    return false;
  }
}

/** A session with commands in it: the page starts the terminal by itself to bring it back. */
export function hasCommands(lesson: string): boolean {
  return (loadSession(lesson)?.lines.length ?? 0) > 0;
}
