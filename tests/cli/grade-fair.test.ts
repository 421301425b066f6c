/** Fair scores: no credit for an unchanged starter or for doing nothing; partial credit stays weighted. */
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/cli/bank.ts';
import { gradeContent } from '../../src/cli/grade-core.ts';
import type { SubmissionContent } from '../../src/cli/grade-input.ts';
import type { Exercise } from '../../src/schemas/exercise.ts';

const loaded = await loadBank('current');
if ('error' in loaded) throw new Error(loaded.error);
const { exercises } = loaded.bank;

function starter(ex: Exercise): SubmissionContent {
  return ex.kind === 'shell-goal'
    ? { kind: 'commands', commands: [] }
    : ex.kind === 'quiz'
      ? { kind: 'answers', answers: {} }
      : { kind: 'files', files: ex.start };
}
function solution(ex: Exercise): SubmissionContent {
  return ex.kind === 'shell-goal'
    ? { kind: 'commands', commands: ex.solution }
    : ex.kind === 'quiz'
      ? { kind: 'answers', answers: ex.solution }
      : { kind: 'files', files: ex.solution };
}
function checksOf(ex: Exercise) {
  return ex.kind === 'quiz' ? ex.questions.map((q) => ({ id: q.id, weight: q.weight })) : ex.checks.map((c) => ({ id: c.id, weight: c.weight }));
}

describe.each(exercises.map((e) => [e.id, e] as const))('%s', (_id, ex) => {
  it('the unchanged starter scores 0; the solution full marks', async () => {
    const s = await gradeContent(ex, starter(ex));
    expect('result' in s && s.result.score).toBe(0);
    const full = await gradeContent(ex, solution(ex));
    expect('result' in full && full.result.score).toBe('result' in full && full.result.max);
  }, 120_000);
  if (ex.kind === 'shell-goal') {
    it('a submission that does nothing (echo hi, ls) scores 0', async () => {
      const r = await gradeContent(ex, { kind: 'commands', commands: ['echo hi', 'ls /'] });
      expect('result' in r && r.result.score).toBe(0);
    }, 120_000);
  }
  if (ex.kind === 'k8s-yaml' || ex.kind === 'dockerfile') {
    it('the starter with only a comment or blank lines added scores 0', async () => {
      const files = Object.fromEntries(Object.entries(ex.start).map(([k, v]) => [k, `# my answer\n${v}\n\n`]));
      const r = await gradeContent(ex, { kind: 'files', files });
      expect('result' in r && r.result.score).toBe(0);
    });
  }
  it('a wrong answer that makes progress keeps its weighted partial credit', async () => {
    for (const w of ex.wrong) {
      const content: SubmissionContent =
        'files' in w
          ? { kind: 'files', files: w.files }
          : 'commands' in w
            ? { kind: 'commands', commands: w.commands }
            : { kind: 'answers', answers: w.answers };
      const r = await gradeContent(ex, content);
      if (!('result' in r)) throw new Error(`${ex.id} ${w.id}: ${r.error}`);
      const weighted = checksOf(ex)
        .filter((c) => !w.expect.failed.includes(c.id))
        .reduce((s, c) => s + c.weight, 0);
      expect(r.result.score, `${ex.id} wrong answer ${w.id}`).toBe(r.result.noProgress ? 0 : Math.round(weighted * 100) / 100);
    }
  }, 120_000);
});
