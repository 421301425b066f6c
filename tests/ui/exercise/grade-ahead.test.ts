/**
 * The opening text of an editor exercise is graded from the hover on (grader.ts gradeAhead):
 * the editor takes that grading when its text is the same, once, and grades anew otherwise.
 * The worker is a stand-in that answers each grade with the text it was sent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Exercise } from '../../../src/schemas/exercise.ts';
import { openingFiles } from '../../../src/ui/exercise/text.ts';

const posted: { type: string; submission: unknown }[] = [];

class FakeWorker {
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: unknown = null;
  onmessageerror: unknown = null;
  postMessage(msg: { id: number; type: string; submission: unknown }): void {
    posted.push(msg);
    queueMicrotask(() => this.onmessage?.({ data: { id: msg.id, result: { graded: msg.submission, n: posted.length } } }));
  }
  terminate(): void {}
}

let grader: typeof import('../../../src/ui/exercise/grader.ts');
beforeAll(async () => {
  (globalThis as { Worker?: unknown }).Worker = FakeWorker;
  grader = await import('../../../src/ui/exercise/grader.ts');
});

const ex = { id: 'e11.1', kind: 'k8s-yaml', start: { 'pod.yaml': 'kind: Pod\n' } } as unknown as Exercise;

describe('grading ahead of the editor', () => {
  it('opens with the saved text of each starting file, or the starting text', () => {
    expect(openingFiles({ 'a.yaml': 'A', 'b.yaml': 'B' }, { 'b.yaml': 'mine', 'gone.yaml': 'x' })).toEqual({ 'a.yaml': 'A', 'b.yaml': 'mine' });
    expect(openingFiles({ 'a.yaml': 'A' }, { 'a.yaml': '' })).toEqual({ 'a.yaml': '' });
    expect(openingFiles({ 'a.yaml': 'A' }, undefined)).toEqual({ 'a.yaml': 'A' });
  });

  it('the editor takes the grading started at the hover, once; a second hover does not grade again', async () => {
    posted.length = 0;
    const sub = { files: { 'pod.yaml': 'kind: Pod\n' } };
    grader.gradeAhead(ex, sub);
    grader.gradeAhead(ex, sub);
    expect(posted).toHaveLength(1);
    const r = (await grader.takeGradeAhead(ex, sub)) as unknown as { graded: unknown; n: number };
    expect(r).toEqual({ graded: sub, n: 1 });
    expect(posted).toHaveLength(1);
    // Taken once: the next opening grades its own text.
    await grader.takeGradeAhead(ex, sub);
    expect(posted).toHaveLength(2);
  });

  it('a text that changed since the hover is graded anew', async () => {
    posted.length = 0;
    grader.gradeAhead(ex, { files: { 'pod.yaml': 'kind: Pod\n' } });
    const now = { files: { 'pod.yaml': 'kind: Pod\nmetadata: {}\n' } };
    const r = (await grader.takeGradeAhead(ex, now)) as unknown as { graded: unknown };
    expect(r.graded).toEqual(now);
    expect(posted).toHaveLength(2);
  });
});
