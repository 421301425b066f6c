import { describe, expect, it } from 'vitest';
import { oneAtATime } from '../../../src/ui/exercise/one-at-a-time.ts';

/** A job whose runs finish only when the test says so; each run reads `state.lines` as it starts. */
function gated() {
  const state = { lines: [] as string[] };
  const runs: { flags: { announce: boolean; record: boolean }; lines: string[]; finish: () => void; fail: (e: Error) => void }[] = [];
  const job = oneAtATime(
    (flags: { announce: boolean; record: boolean }) =>
      new Promise<string[]>((resolve, reject) => {
        const lines = [...state.lines];
        runs.push({ flags, lines, finish: () => resolve(lines), fail: reject });
      }),
  );
  return { state, runs, job };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('oneAtATime (the shell panel replays one session at a time)', () => {
  it('runs at once when idle, and calls made meanwhile become one run of the latest state, answering all of them', async () => {
    const { state, runs, job } = gated();
    state.lines = ['a'];
    const first = job({ announce: false, record: false });
    await tick();
    expect(runs.map((r) => r.lines)).toEqual([['a']]);
    state.lines = ['a', 'b'];
    const second = job({ announce: true, record: false });
    state.lines = ['a', 'b', 'c'];
    const third = job({ announce: false, record: true });
    await tick();
    expect(runs).toHaveLength(1); // nothing starts while a run is under way
    runs[0]!.finish();
    expect(await first).toEqual(['a']);
    await tick();
    expect(runs).toHaveLength(2);
    expect(runs[1]!.lines).toEqual(['a', 'b', 'c']);
    expect(runs[1]!.flags).toEqual({ announce: true, record: true }); // flags OR'ed
    runs[1]!.finish();
    expect(await second).toEqual(['a', 'b', 'c']);
    expect(await third).toEqual(['a', 'b', 'c']);
    // Idle again: the next call runs at once.
    void job({ announce: false, record: false });
    await tick();
    expect(runs).toHaveLength(3);
  });

  it('a failed run rejects the calls it answers, and the next call still runs', async () => {
    const { runs, job } = gated();
    const first = job({ announce: false, record: false });
    const second = job({ announce: false, record: false });
    await tick();
    runs[0]!.fail(new Error('the checker stopped'));
    await expect(first).rejects.toThrow('the checker stopped');
    await tick();
    runs[1]!.finish();
    await expect(second).resolves.toEqual([]);
  });
});
