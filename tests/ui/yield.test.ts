/**
 * src/ui/terminal/yield.ts: starting the terminal yields between its steps, so each step runs in a task of
 * its own (issue #14). nextTask() resolves only after the task that called it has ended: after every
 * microtask queued before it, and after a timer already due.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { nextTask } from '../../src/ui/terminal/yield.ts';

const g = globalThis as { scheduler?: unknown };

describe('nextTask', () => {
  afterEach(() => void delete g.scheduler);

  it('without scheduler.yield, resumes in a later task: after the microtasks and a timer queued before it', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    void Promise.resolve().then(() => order.push('microtask'));
    await nextTask();
    order.push('after');
    expect(order).toEqual(['microtask', 'timer', 'after']);
  });

  it('uses scheduler.yield where the browser has it', async () => {
    let calls = 0;
    g.scheduler = { yield: () => (calls++, Promise.resolve()) };
    await nextTask();
    expect(calls).toBe(1);
  });
});
