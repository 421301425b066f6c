/**
 * Every exercise is graded with its own solution (full marks), with each other correct
 * answer it lists (`alternatives`, full marks too) and with each typical wrong answer
 * (exactly the stated failed checks, and at least the stated hints).
 * Shell-goal exercises are replayed in the simulator (learnGitBranching levels.spec.js).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExercise } from '../../src/checker/exercise/load.ts';
import { gradeOnCluster } from '../../src/checker/cluster/index.ts';
import { grade, type GradeResult } from '../../src/checker/grade.ts';
import { replayAndGrade } from '../../src/checker/replay.ts';
import type { Exercise } from '../../src/schemas/exercise.ts';
import { createWorld } from '../../src/sim/index.ts';

const dir = join(import.meta.dirname, '../../content/exercises');
const exercises: Exercise[] = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => {
    const r = loadExercise(readFileSync(join(dir, f), 'utf8'), f);
    if ('error' in r) throw new Error(r.error);
    expect(`${r.exercise.id}.yaml`).toBe(f);
    return r.exercise;
  });

function summary(g: GradeResult) {
  return { failed: g.checks.filter((c) => !c.passed).map((c) => c.id), hints: g.hints.map((h) => h.id) };
}

it('covers the curriculum exercises', () => {
  // At least these; lessons add more as they are written.
  const required = ['e1.1', 'e1.2', 'e2.1', 'e2.2', 'e5.1', 'e6.1', 'e6.2', 'e7.2', 'e8.1', 'e9.1', 'e9.2', 'e10.1', 'e11.1', 'e12.1', 'e12.2', 'e13.1'];
  expect(exercises.map((e) => e.id)).toEqual(expect.arrayContaining(required));
});

it('has at least 30 exercises, each with a home in the lesson it names', () => {
  expect(exercises.length).toBeGreaterThanOrEqual(30);
  const lessons = readdirSync(join(import.meta.dirname, '../../content/lessons'), { withFileTypes: true }).filter(
    (d) => d.isDirectory() && /^\d{2}-/.test(d.name),
  );
  const homes = new Map<string, string>();
  for (const d of lessons) {
    const text = readFileSync(join(import.meta.dirname, '../../content/lessons', d.name, 'index.en.mdx'), 'utf8');
    const ids =
      /^exercises:\s*\[([^\]]*)\]/m
        .exec(text)?.[1]
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean) ?? [];
    for (const id of ids) homes.set(id, `L${Number(d.name.slice(0, 2))}`);
  }
  const homeless = exercises.filter((e) => homes.get(e.id) !== e.lesson).map((e) => `${e.id} (lesson ${e.lesson}, listed in ${homes.get(e.id) ?? 'none'})`);
  expect(homeless).toEqual([]);
});

it('lists another correct answer for every exercise that is not a quiz', () => {
  const graded = exercises.filter((e) => e.kind !== 'quiz');
  expect(graded.length).toBeGreaterThanOrEqual(25);
  expect(graded.filter((e) => e.alternatives.length === 0).map((e) => e.id)).toEqual([]);
});

for (const ex of exercises) {
  describe(`${ex.id} (${ex.kind})`, () => {
    const run = async (sub: unknown): Promise<GradeResult> => {
      if (ex.kind === 'shell-goal') return replayAndGrade(ex, sub as string[], createWorld as never);
      if (ex.kind === 'quiz') return grade(ex, { answers: sub as Record<string, string[]> });
      // Manifest exercises with a `cluster` check are also applied to the simulated cluster.
      return gradeOnCluster(ex, { files: sub as Record<string, string> }, createWorld as never);
    };
    it('the reference solution gets full marks', async () => {
      const g = await run(ex.solution);
      expect(summary(g)).toEqual({ failed: [], hints: [] });
      expect(g.score).toBe(g.max);
      expect(g.errors).toEqual([]);
    });
    for (const a of ex.alternatives) {
      it(`another correct answer "${a.id}" also gets full marks`, async () => {
        const g = await run('commands' in a ? a.commands : 'answers' in a ? a.answers : a.files);
        expect(summary(g)).toEqual({ failed: [], hints: [] });
        expect(g.score).toBe(g.max);
        expect(g.errors).toEqual([]);
      });
    }
    for (const w of ex.wrong) {
      it(`wrong answer "${w.id}" gets its feedback`, async () => {
        const g = await run('commands' in w ? w.commands : 'answers' in w ? w.answers : w.files);
        const s = summary(g);
        expect(s.failed).toEqual(w.expect.failed);
        for (const h of w.expect.hints) expect(s.hints).toContain(h);
        expect(g.score).toBeLessThan(g.max);
      });
    }
    it('has texts in both locales and uses every hint', () => {
      const texts = [ex.title, ex.task, ...ex.hints.map((h) => h.text), ...ex.checks.map((c) => c.title)];
      for (const t of texts) {
        expect(t.en.trim()).not.toBe('');
        expect(t['zh-cn'].trim()).not.toBe('');
        expect(t['zh-cn']).not.toBe(t.en);
      }
      const used = new Set(ex.wrong.flatMap((w) => w.expect.hints));
      expect(ex.hints.map((h) => h.id).filter((h) => !used.has(h))).toEqual([]);
    });
  });
}
