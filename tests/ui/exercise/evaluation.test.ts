import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { grade } from '../../../src/checker/grade.ts';
import { loadExercise } from '../../../src/checker/exercise/load.ts';
import type { Exercise, TextExercise } from '../../../src/schemas/exercise.ts';
import { evaluation, isFull, isStarter, isUnchanged, rulesBeyond } from '../../../src/ui/exercise/evaluation.ts';
import { splitByScope } from '../../../src/ui/exercise/findings-view.ts';
import { replayAndGrade } from '../../../src/checker/replay.ts';
import { createWorld } from '../../../src/sim/index.ts';
import { gradeContent } from '../../../src/cli/grade-core.ts';
import type { ShellGoalExercise } from '../../../src/schemas/exercise.ts';

function load(id: string): Exercise {
  const r = loadExercise(readFileSync(`content/exercises/${id}.yaml`, 'utf8'), `${id}.yaml`);
  if ('error' in r) throw new Error(r.error);
  return r.exercise;
}

describe('one evaluation for the learner', () => {
  const e11 = load('e11.1') as TextExercise;

  it('an unchanged starter scores 0 with no check holding (CRLF and trailing blanks are no change)', () => {
    expect(isStarter(e11, { 'pod.yaml': e11.start['pod.yaml']!.replace(/\n/g, '  \r\n') })).toBe(true);
    const files = { 'pod.yaml': `${e11.start['pod.yaml']}\n\n` };
    expect(isStarter(e11, files)).toBe(true);
    const raw = grade(e11, { files });
    expect(raw.checks.some((c) => c.passed)).toBe(true); // the checker alone gives the starter points
    const e = evaluation(e11, { files }, raw, []);
    expect([e.unchanged, e.score, e.checks.filter((c) => c.passed).length, e.max]).toEqual([true, 0, 0, raw.max]);
    expect(isFull(e)).toBe(false);
  });

  it('a changed text keeps its score; the solution is full marks', () => {
    const e = evaluation(e11, { files: e11.solution }, grade(e11, { files: e11.solution }), []);
    expect([e.unchanged, isFull(e)]).toEqual([false, true]);
  });

  it('no command and no answer are unchanged too', () => {
    expect(isUnchanged(load('e1.2'), { commands: [] })).toBe(true);
    expect(isUnchanged(load('e1.2'), { commands: ['docker ps'] })).toBe(false);
    expect(isUnchanged(load('e2.2'), { answers: { shared: [] } })).toBe(true);
  });

  it('rules the reference solution also trips are beyond the exercise; the ones it asks about are not', () => {
    const beyond = rulesBeyond(grade(e11, { files: e11.solution }));
    expect(beyond.length).toBeGreaterThan(0);
    expect(beyond).not.toContain('drop-all-capabilities');
    const starter = evaluation(e11, { files: e11.start }, grade(e11, { files: e11.start }), beyond);
    const { inScope, beyond: apart } = splitByScope(starter);
    expect(inScope.map((f) => ('rule' in f ? f.rule : 'input'))).toContain('drop-all-capabilities');
    expect(apart.length).toBeGreaterThan(0);
    expect(apart.every((f) => beyond.includes(f.rule))).toBe(true);
  });

  it('work that passes only what the starter passes scores 0 on the page, as the CLI grades it (E1.2, docker ps)', async () => {
    const e12 = load('e1.2') as ShellGoalExercise;
    const commands = ['docker ps'];
    const raw = await replayAndGrade(e12, commands, createWorld);
    expect(raw.score).toBe(4); // "notes still exists" and "the running containers are untouched" hold from the start
    const starter = await replayAndGrade(e12, [], createWorld);
    const page = evaluation(e12, { commands }, raw, [], undefined, starter);
    const cli = await gradeContent(e12, { kind: 'commands', commands });
    expect('result' in cli && cli.result.score).toBe(0);
    expect([page.score, page.noProgress, page.unchanged, isFull(page)]).toEqual([0, true, false, false]);
    if (!('result' in cli)) throw new Error(cli.error);
    expect(page.checks.map((c) => [c.id, c.passed, c.points])).toEqual(cli.result.checks.map((c) => [c.id, c.passed, c.points]));
    // Real progress keeps its points: removing the exited debian containers.
    const solved = await replayAndGrade(e12, e12.solution, createWorld);
    expect(evaluation(e12, { commands: e12.solution }, solved, [], undefined, starter).score).toBe(6);
  });

  it('a changed text that passes only what the starting text passes scores 0 (as the CLI)', async () => {
    const files = { 'pod.yaml': `# a comment\n${e11.start['pod.yaml']}` };
    const page = evaluation(e11, { files }, grade(e11, { files }), [], undefined, grade(e11, { files: e11.start }));
    const cli = await gradeContent(e11, { kind: 'files', files });
    expect([page.unchanged, page.noProgress, page.score]).toEqual([false, true, 0]);
    expect('result' in cli && cli.result.score).toBe(0);
  });
});
