/**
 * The opening text of an editor exercise is graded from the hover on (grader.ts gradeAhead):
 * the editor takes that grading when its text is the same, once, and grades anew otherwise.
 * The worker is a stand-in that answers each grade with the text it was sent.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
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

describe("Monaco's chunk waits for the opening text's grading (afterGrading)", () => {
  // The page's next frame: a 16 ms timer here (Node has no requestAnimationFrame).
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => setTimeout(cb, 16));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('the hover and the click share one grading: gradeAhead hands back the one in flight', async () => {
    posted.length = 0;
    const sub = { files: { 'pod.yaml': 'kind: Pod\nspec: {}\n' } };
    const a = grader.gradeAhead(ex, sub);
    expect(grader.gradeAhead(ex, sub)).toBe(a);
    expect(posted).toHaveLength(1);
    expect(await grader.takeGradeAhead(ex, sub)).toBe(await a);
  });

  it('goes on once the grading answers, or fails, and the next frame is painted, not before', async () => {
    const order: string[] = [];
    let answer!: () => void;
    let fail!: (e: Error) => void;
    const answered = new Promise<void>((r) => (answer = r));
    const failed = new Promise<void>((_, r) => (fail = r));
    void grader.afterGrading(answered).then(() => order.push('answered'));
    void grader.afterGrading(failed).then(() => order.push('failed'));
    await vi.advanceTimersByTimeAsync(10);
    expect(order).toEqual([]);
    answer();
    await vi.advanceTimersByTimeAsync(10);
    expect(order).toEqual([]);
    await vi.advanceTimersByTimeAsync(10);
    expect(order).toEqual(['answered']);
    fail(new Error('the checker stopped'));
    await vi.advanceTimersByTimeAsync(20);
    expect(order).toEqual(['answered', 'failed']);
  });

  it('a grading that has not answered after 1.5 s holds the editor back no longer', async () => {
    let went = false;
    void grader.afterGrading(new Promise<never>(() => undefined)).then(() => (went = true));
    await vi.advanceTimersByTimeAsync(1499);
    expect(went).toBe(false);
    await vi.advanceTimersByTimeAsync(1 + 20);
    expect(went).toBe(true);
  });
});
