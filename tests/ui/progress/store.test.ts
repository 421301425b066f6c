import { beforeEach, describe, expect, it } from 'vitest';
import {
  PROGRESS_KEY,
  emptyProgress,
  lessonState,
  readProgress,
  recordScore,
  saveStudent,
  saveWork,
  saveWorkIfCurrent,
  updateProgress,
  validateProgress,
  workOf,
} from '../../../src/ui/progress/store.ts';
import { install, type MemoryStorage } from './memory-storage.ts';

let s: MemoryStorage;
beforeEach(() => {
  s = install();
});

describe('progress store', () => {
  it("starts empty and saves the learner's work per exercise id", () => {
    expect(readProgress()).toEqual({ progress: emptyProgress(), problem: null });
    expect(saveWork('e11.1', { files: { 'pod.yaml': 'kind: Pod\n' } })).toBeNull();
    expect(saveWork('e11.1', { hints: ['drop-all'] })).toBeNull();
    const w = workOf(readProgress().progress, 'e11.1');
    expect({ ...w, updatedAt: 'T' }).toEqual({
      files: { 'pod.yaml': 'kind: Pod\n' },
      hints: ['drop-all'],
      attempted: false,
      solutionShown: false,
      updatedAt: 'T',
      rev: 2,
    });
    expect(workOf(readProgress().progress, 'e1.1')).toEqual({ hints: [], attempted: false, solutionShown: false, updatedAt: '' });
  });

  it('the status follows the latest evaluation (passedAt remembers the first full marks); a lesson is done when all its exercises pass', () => {
    recordScore('e1.1', 6, 6);
    const first = readProgress().progress.exercises['e1.1']!;
    expect(first.status).toBe('passed');
    expect(first.passedAt).toBe(first.updatedAt);
    recordScore('e1.1', 2, 6);
    recordScore('e1.2', 4, 4);
    let p = readProgress().progress;
    expect([p.exercises['e1.1']!.status, p.exercises['e1.1']!.score, p.exercises['e1.1']!.passedAt, p.exercises['e1.2']!.status]).toEqual([
      'started',
      2,
      first.passedAt,
      'passed',
    ]);
    expect(lessonState(p, 'lessons/01', ['e1.1', 'e1.2'])).toBe('new');
    recordScore('e1.1', 6, 6);
    p = readProgress().progress;
    expect(p.exercises['e1.1']!.passedAt).toBe(first.passedAt);
    expect(lessonState(p, 'lessons/01', ['e1.1', 'e1.2'])).toBe('done');
  });

  it('an older tab never writes over newer work: saveWorkIfCurrent refuses and returns the newer work', () => {
    const a = saveWorkIfCurrent('e11.1', 0, { files: { 'pod.yaml': 'A' } });
    expect(a).toMatchObject({ conflict: false, rev: 1, problem: null });
    // Tab B read revision 1 and saves: revision 2.
    expect(saveWorkIfCurrent('e11.1', 1, { files: { 'pod.yaml': 'B' } })).toMatchObject({ conflict: false, rev: 2 });
    // Tab A still holds revision 1: refused, B's text is kept and handed back.
    const stale = saveWorkIfCurrent('e11.1', 1, { files: { 'pod.yaml': 'A2' } });
    expect(stale).toMatchObject({ conflict: true, stored: { files: { 'pod.yaml': 'B' }, rev: 2 } });
    expect(workOf(readProgress().progress, 'e11.1').files).toEqual({ 'pod.yaml': 'B' });
  });

  it("keeps the student's name and id with the progress (trimmed; empty removes)", () => {
    expect(saveStudent({ name: '  Ada Lovelace ', id: 's-1815' })).toBeNull();
    expect(readProgress().progress.student).toEqual({ name: 'Ada Lovelace', id: 's-1815' });
    saveStudent({ name: '', id: 's-1815' });
    expect(readProgress().progress.student).toEqual({ id: 's-1815' });
    saveStudent({});
    expect(readProgress().progress.student).toBeUndefined();
    s.setItem(PROGRESS_KEY, JSON.stringify({ ...emptyProgress(), student: { name: 7 } }));
    expect(readProgress().problem).toBe('corrupted');
  });

  it('migrates a version-1 record (no work) and writes it back as version 2', () => {
    const v1 = {
      version: 1,
      visited: { 'lessons/01': '2026-01-01T00:00:00.000Z' },
      exercises: { 'e1.1': { status: 'passed', score: 6, max: 6, updatedAt: 'x' } },
    };
    s.setItem(PROGRESS_KEY, JSON.stringify(v1));
    expect(readProgress()).toEqual({ progress: { ...v1, version: 2, work: {} }, problem: null });
    saveWork('e1.1', { attempted: true });
    expect(JSON.parse(s.getItem(PROGRESS_KEY)!).version).toBe(2);
  });

  it('reports a corrupted value and never writes over it', () => {
    for (const bad of [
      '{oops',
      '[]',
      '{"version":3,"visited":{},"exercises":{},"work":{}}',
      '{"version":2,"visited":{},"exercises":{},"work":{"e1":{"hints":3}}}',
    ]) {
      s.setItem(PROGRESS_KEY, bad);
      expect(readProgress().problem).toBe('corrupted');
      expect(saveWork('e11.1', { attempted: true })).toBe('corrupted');
      expect(s.getItem(PROGRESS_KEY)).toBe(bad);
    }
  });

  it('reports full storage and keeps the value saved before', () => {
    saveWork('e11.1', { files: { 'pod.yaml': 'a' } });
    const before = s.getItem(PROGRESS_KEY);
    s.quota = before!.length + 20;
    expect(saveWork('e11.1', { files: { 'pod.yaml': 'x'.repeat(500) } })).toBe('full');
    expect(s.getItem(PROGRESS_KEY)).toBe(before);
    expect(readProgress().problem).toBeNull();
  });

  it('reports disabled storage', () => {
    Object.defineProperty(globalThis, 'localStorage', {
      get: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      configurable: true,
    });
    expect(readProgress()).toEqual({ progress: emptyProgress(), problem: 'unavailable' });
    expect(updateProgress(() => undefined)).toBe('unavailable');
  });

  it('validates field by field', () => {
    const ok = {
      version: 2,
      visited: {},
      exercises: {},
      work: { e: { hints: ['a'], attempted: true, solutionShown: false, updatedAt: 't', answers: { q: ['a'] }, shellStart: 3 } },
    };
    expect(validateProgress(ok)).toEqual(ok);
    expect(validateProgress({ ...ok, work: { e: { ...ok.work.e, shellStart: -1 } } })).toBeNull();
    expect(validateProgress({ ...ok, work: { e: { ...ok.work.e, files: { a: 1 } } } })).toBeNull();
    expect(validateProgress({ ...ok, exercises: { e: { status: 'won', score: 1, max: 1 } } })).toBeNull();
  });
});
