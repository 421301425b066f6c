/**
 * The CPU budget of a line (limits.ts) counts computing only: not simulated waits and not the loading of a
 * command's code, which on a busy machine took long enough that a session's first `docker run` was stopped as
 * if it were a runaway loop (found by the suite's run at load 30).
 */
import { describe, expect, it } from 'vitest';
import { LineBudget, timedLoad } from '../../src/sim/shell/limits.ts';

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // computing
  }
};

describe('the line budget (#10, #14)', () => {
  it('charges computing, not the time a command takes to load its code', async () => {
    const b = new LineBudget(1_000);
    busy(20);
    await timedLoad(async () => {
      busy(300); // a chunk compiled on first use
      return 1;
    });
    const used = b.usedMs();
    expect(used).toBeGreaterThanOrEqual(20);
    expect(used).toBeLessThan(300);
  });

  it('passes a load failure through, still uncharged', async () => {
    const b = new LineBudget(1_000);
    await expect(
      timedLoad(async () => {
        busy(300);
        throw new Error('chunk failed');
      }),
    ).rejects.toThrow('chunk failed');
    expect(b.usedMs()).toBeLessThan(300);
  });
});
