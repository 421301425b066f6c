import { beforeEach, describe, expect, it } from 'vitest';
import { hasCommands, loadSession, resetSession, saveSession, sessionKey, storedRev } from '../../src/ui/terminal/storage.ts';
import { install, type MemoryStorage } from './progress/memory-storage.ts';

const L = 'lessons/01-containers-are-processes';
const data = (lines: string[]) => ({ lines, history: lines, screen: lines.join('\r\n') });
let s: MemoryStorage;
beforeEach(() => {
  s = install();
});

describe('the terminal session in two tabs', () => {
  it('each save bumps the revision; a tab holding an older one is refused and nothing is written', () => {
    expect(saveSession(L, 0, data(['docker ps']))).toEqual({ ok: true, rev: 1 }); // tab A
    expect(saveSession(L, 1, data(['docker ps', 'ls']))).toEqual({ ok: true, rev: 2 }); // tab A again
    const before = s.getItem(sessionKey(L));
    // Tab B loaded the lesson before A's first save (revision 0).
    expect(saveSession(L, 0, data(['echo from-b']))).toEqual({ ok: false, conflict: true, rev: 2 });
    expect(s.getItem(sessionKey(L))).toBe(before);
    // B chooses to keep its own session.
    expect(saveSession(L, 0, data(['echo from-b']), true)).toEqual({ ok: true, rev: 3 });
    expect(loadSession(L)).toEqual({ ...data(['echo from-b']), rev: 3 });
  });

  it("keeps the host's last PID with the lines (a replay resumes the counter there); older sessions have none", () => {
    saveSession(L, 0, { ...data(['ps']), lastPid: 2046 });
    expect(loadSession(L)).toEqual({ ...data(['ps']), rev: 1, lastPid: 2046 });
    s.setItem(sessionKey(L), JSON.stringify({ ...data(['ps']), lastPid: 'x' }));
    expect(loadSession(L)).toEqual({ ...data(['ps']), rev: 0 });
  });

  it('a session saved before revisions existed reads as revision 0', () => {
    s.setItem(sessionKey(L), JSON.stringify(data(['docker ps'])));
    expect(storedRev(L)).toBe(0);
    expect(saveSession(L, 0, data(['docker ps', 'ls']))).toEqual({ ok: true, rev: 1 });
  });

  it('Reset leaves an empty session with a newer revision, so an older tab cannot write over the reset', () => {
    saveSession(L, 0, data(['docker run -d nginx']));
    resetSession(L);
    expect(loadSession(L)).toEqual({ lines: [], history: [], screen: '', rev: 2 });
    expect(hasCommands(L)).toBe(false);
    expect(saveSession(L, 1, data(['docker run -d nginx', 'docker ps']))).toMatchObject({ ok: false, conflict: true });
    // Nothing saved: Reset writes nothing.
    resetSession('lessons/02-namespaces');
    expect(s.getItem(sessionKey('lessons/02-namespaces'))).toBeNull();
  });

  it('a full store is not a conflict: the revision stays, nothing is written', () => {
    saveSession(L, 0, data(['ls']));
    s.failOn = /^cc:term:/;
    expect(saveSession(L, 1, data(['ls', 'pwd']))).toEqual({ ok: false, conflict: false });
    expect(loadSession(L)).toEqual({ ...data(['ls']), rev: 1 });
  });
});
