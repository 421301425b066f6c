import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PROGRESS_KEY, type Progress } from '../../../src/ui/progress/store.ts';
import { BACKUP_FORMAT, createBackup, parseBackup, restoreBackup } from '../../../src/ui/progress/transfer.ts';
import { install, type MemoryStorage } from './memory-storage.ts';

const NOW = new Date('2026-11-23T12:00:00.000Z');
let s: MemoryStorage;
beforeEach(() => {
  s = install();
});

const id = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,8}$/);
const text = fc.string({ unit: 'binary', maxLength: 60 });
const progressArb: fc.Arbitrary<Progress> = fc.record({
  version: fc.constant(2 as const),
  visited: fc.dictionary(fc.constantFrom('lessons/01-a', 'lessons/02-b'), fc.constant('2026-01-01T00:00:00.000Z')),
  exercises: fc.dictionary(
    id,
    fc.record({ status: fc.constantFrom('started' as const, 'passed' as const), score: fc.nat(20), max: fc.nat(20), updatedAt: fc.constant('t') }),
  ),
  work: fc.dictionary(
    id,
    fc.record(
      {
        files: fc.dictionary(fc.constantFrom('pod.yaml', 'Dockerfile'), text),
        answers: fc.dictionary(id, fc.array(id, { maxLength: 3 })),
        shellStart: fc.nat(5),
        hints: fc.array(id, { maxLength: 3 }),
        attempted: fc.boolean(),
        solutionShown: fc.boolean(),
        updatedAt: fc.constant('t'),
      },
      { requiredKeys: ['hints', 'attempted', 'solutionShown', 'updatedAt'] },
    ),
  ),
});

describe('export and import', () => {
  it('round-trips losslessly: export, clear, import gives back every stored value', () => {
    fc.assert(
      fc.property(progressArb, fc.dictionary(fc.constantFrom('cc:term:v1:lessons/01', 'cc:term:v1:lessons/02'), text), (progress, terminal) => {
        s.clear();
        s.setItem(PROGRESS_KEY, JSON.stringify(progress));
        for (const [k, v] of Object.entries(terminal)) s.setItem(k, v);
        s.setItem('cc:locale', 'zh-cn');
        const before = s.dump();
        const file = JSON.stringify(createBackup(s, NOW));
        s.clear();
        s.setItem('cc:locale', 'zh-cn');
        const parsed = parseBackup(file);
        if ('error' in parsed) throw new Error(JSON.stringify(parsed.error));
        expect(restoreBackup(parsed.backup, s, NOW)).toBeNull();
        expect(s.dump()).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it('names what is wrong with a bad file and changes nothing', () => {
    expect(parseBackup('{nope')).toMatchObject({ error: { code: 'not-json' } });
    expect(parseBackup('{"format":"other"}')).toEqual({ error: { code: 'not-backup' } });
    const base = { format: BACKUP_FORMAT, version: 1, exportedAt: 'x', progress: null, terminal: {} };
    expect(parseBackup(JSON.stringify({ ...base, progress: { version: 2 } }))).toEqual({
      error: { code: 'bad-progress', detail: 'progress.visited is undefined, not an object' },
    });
    const good = { version: 2, visited: {}, exercises: {}, work: {} };
    expect(
      parseBackup(JSON.stringify({ ...base, progress: { ...good, exercises: { 'e1.1': { status: 'passed', score: '10', max: 10, updatedAt: 'x' } } } })),
    ).toEqual({
      error: { code: 'bad-progress', detail: 'progress.exercises["e1.1"].score is not a number' },
    });
    expect(parseBackup(JSON.stringify({ ...base, progress: { ...good, visited: [] } }))).toEqual({
      error: { code: 'bad-progress', detail: 'progress.visited is a list, not an object' },
    });
    expect(parseBackup(JSON.stringify({ ...base, terminal: { 'cc:progress': 'x' } }))).toEqual({ error: { code: 'bad-terminal', key: 'cc:progress' } });
  });

  it('refuses __proto__ anywhere, without polluting any prototype', () => {
    const base = '{"format":"container-course-progress","version":1,"exportedAt":"x","terminal":{},"progress":';
    const good = '{"version":2,"visited":{},"exercises":{},"work":{}';
    for (const [file, where] of [
      [`${base}${good},"__proto__":{"polluted":1}}}`, 'progress["__proto__"]'],
      [`${base}{"version":2,"visited":{"__proto__":"x"},"exercises":{},"work":{}}}`, 'progress.visited["__proto__"]'],
      [
        `${base}{"version":2,"visited":{},"exercises":{},"work":{"e1.1":{"hints":[],"attempted":false,"solutionShown":false,"updatedAt":"t","files":{"__proto__":"x"}}}}}`,
        'progress.work["e1.1"].files["__proto__"]',
      ],
    ] as const) {
      const r = parseBackup(file);
      expect(r).toMatchObject({ error: { code: 'bad-progress' } });
      expect(('error' in r && r.error.code === 'bad-progress' && r.error.detail) || '').toContain(where);
    }
    expect(parseBackup(`{"__proto__":{"polluted":1},"format":"container-course-progress","version":1,"progress":null,"terminal":{}}`)).toMatchObject({
      error: { code: 'bad-progress' },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a file over 5 MB before parsing it', () => {
    expect(parseBackup('{}', 50 * 1024 * 1024)).toEqual({ error: { code: 'too-large', bytes: 50 * 1024 * 1024 } });
  });

  it('keeps a corrupted stored value aside before importing over it', () => {
    s.setItem(PROGRESS_KEY, '{broken');
    expect(createBackup(s, NOW)).toEqual({
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: NOW.toISOString(),
      progress: null,
      terminal: {},
      corrupted: '{broken',
    });
    const good: Progress = { version: 2, visited: {}, exercises: {}, work: {} };
    expect(restoreBackup({ format: BACKUP_FORMAT, version: 1, exportedAt: '', progress: good, terminal: {} }, s, NOW)).toBeNull();
    expect(s.dump()).toEqual({ [PROGRESS_KEY]: JSON.stringify(good), [`${PROGRESS_KEY}:corrupted:${NOW.toISOString()}`]: '{broken' });
  });

  it('rolls back when storage fills up in the middle of an import', () => {
    s.setItem(PROGRESS_KEY, JSON.stringify({ version: 2, visited: {}, exercises: {}, work: {} }));
    s.setItem('cc:term:v1:lessons/01', 'old');
    const before = s.dump();
    s.failOn = /^cc:progress$/;
    const backup = {
      format: BACKUP_FORMAT as typeof BACKUP_FORMAT,
      version: 1 as const,
      exportedAt: '',
      progress: { version: 2 as const, visited: { a: 'b' }, exercises: {}, work: {} },
      terminal: { 'cc:term:v1:lessons/02': 'new' },
    };
    expect(restoreBackup(backup, s, NOW)).toEqual({ code: 'storage', problem: 'full' });
    s.failOn = null;
    expect(s.dump()).toEqual(before);
  });
});
