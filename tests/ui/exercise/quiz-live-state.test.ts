import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadExercise } from '../../../src/checker/exercise/load.ts';
import type { QuizExercise } from '../../../src/schemas/exercise.ts';

/**
 * A quiz that tells the learner to inspect live state must not name a host PID: PIDs depend
 * on what the learner ran before (the UX review found E2.2 pointing at 23817 while the
 * lesson's own steps had made web 23863). The task, which tells the learner what to run,
 * looks the PID up instead ($(docker inspect -f '{{.State.Pid}}' NAME)). Questions about a
 * listing the quiz prints itself (E3.2) may quote PIDs from that listing.
 */
const COMMAND_WITH_PID = /(?:lsns\s+-p|nsenter\s+-t|kill(?:\s+-\w+)?|ps\s+(?:-\w+\s+)*-p|\/proc\/)\s*(\d{2,})/;

const quizzes = readdirSync('content/exercises')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const r = loadExercise(readFileSync(`content/exercises/${f}`, 'utf8'), `content/exercises/${f}`);
    if ('error' in r) throw new Error(r.error);
    return r.exercise;
  })
  .filter((e): e is QuizExercise => e.kind === 'quiz');

describe('quizzes about live state', () => {
  it('finds the quizzes', () => expect(quizzes.length).toBeGreaterThanOrEqual(2));
  for (const q of quizzes) {
    it(`${q.id}: the task never names a host PID in a command`, () => {
      const texts = [q.task.en, q.task['zh-cn']];
      expect(texts.filter((t) => COMMAND_WITH_PID.test(t))).toEqual([]);
    });
  }
  it('the rule catches the old E2.2 text', () => {
    expect(COMMAND_WITH_PID.test('Run sudo lsns -p 23817 (or readlink /proc/23817/ns/*)')).toBe(true);
    expect(COMMAND_WITH_PID.test("sudo lsns -p $(docker inspect -f '{{.State.Pid}}' web)")).toBe(false);
  });
});
