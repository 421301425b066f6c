import { beforeEach, describe, expect, it } from 'vitest';
import {
  PROGRESS_KEY, emptyProgress, lessonState, readProgress, recordScore, saveWork, updateProgress, validateProgress, workOf,
} from '../../../src/ui/progress/store.ts';
import { install, type MemoryStorage } from './memory-storage.ts';

let s: MemoryStorage;
beforeEach(() => {
  s = install();
});

describe('progress store', () => {
  it('starts empty and saves the learner\'s work per exercise id', () => {
    expect(readProgress()).toEqual({ progress: emptyProgress(), problem: null });
    expect(saveWork('e11.1', { files: { 'pod.yaml': 'kind: Pod\n' } })).toBeNull();
    expect(saveWork('e11.1', { hints: ['drop-all'] })).toBeNull();
    const w = workOf(readProgress().progress, 'e11.1');
    expect({ ...w, updatedAt: 'T' }).toEqual({ files: { 'pod.yaml': 'kind: Pod\n' }, hints: ['drop-all'], attempted: false, solutionShown: false, updatedAt: 'T' });
    expect(workOf(readProgress().progress, 'e1.1')).toEqual({ hints: [], attempted: false, solutionShown: false, updatedAt: '' });
  });

  it('keeps "passed" once reached, and a lesson is done when all its exercises passed', () => {
    recordScore('e1.1', 6, 6);
    recordScore('e1.1', 2, 6);
    recordScore('e1.2', 2, 4);
    const p = readProgress().progress;
    expect([p.exercises['e1.1']!.status, p.exercises['e1.1']!.score, p.exercises['e1.2']!.status]).toEqual(['passed', 2, 'started']);
    expect(lessonState(p, 'lessons/01', ['e1.1', 'e1.2'])).toBe('new');
    recordScore('e1.2', 4, 4);
    expect(lessonState(readProgress().progress, 'lessons/01', ['e1.1', 'e1.2'])).toBe('done');
  });

  it('migrates a version-1 record (no work) and writes it back as version 2', () => {
    const v1 = { version: 1, visited: { 'lessons/01': '2026-01-01T00:00:00.000Z' }, exercises: { 'e1.1': { status: 'passed', score: 6, max: 6, updatedAt: 'x' } } };
    s.setItem(PROGRESS_KEY, JSON.stringify(v1));
    expect(readProgress()).toEqual({ progress: { ...v1, version: 2, work: {} }, problem: null });
    saveWork('e1.1', { attempted: true });
    expect(JSON.parse(s.getItem(PROGRESS_KEY)!).version).toBe(2);
  });

  it('reports a corrupted value and never writes over it', () => {
    for (const bad of ['{oops', '[]', '{"version":3,"visited":{},"exercises":{},"work":{}}', '{"version":2,"visited":{},"exercises":{},"work":{"e1":{"hints":3}}}']) {
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
    Object.defineProperty(globalThis, 'localStorage', { get: () => { throw new DOMException('denied', 'SecurityError'); }, configurable: true });
    expect(readProgress()).toEqual({ progress: emptyProgress(), problem: 'unavailable' });
    expect(updateProgress(() => undefined)).toBe('unavailable');
  });

  it('validates field by field', () => {
    const ok = { version: 2, visited: {}, exercises: {}, work: { e: { hints: ['a'], attempted: true, solutionShown: false, updatedAt: 't', answers: { q: ['a'] }, shellStart: 3 } } };
    expect(validateProgress(ok)).toEqual(ok);
    expect(validateProgress({ ...ok, work: { e: { ...ok.work.e, shellStart: -1 } } })).toBeNull();
    expect(validateProgress({ ...ok, work: { e: { ...ok.work.e, files: { a: 1 } } } })).toBeNull();
    expect(validateProgress({ ...ok, exercises: { e: { status: 'won', score: 1, max: 1 } } })).toBeNull();
  });
});
