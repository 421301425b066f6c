/**
 * The CPU budget of a line (limits.ts) counts computing only: not simulated waits and not the loading of a
 * command's code, which on a busy machine took long enough that a session's first `docker run` was stopped as
 * if it were a runaway loop (found by the suite's run at load 30).
 */
import { describe, expect, it, vi } from 'vitest';
import { JB_LIMITS, LineBudget, timedLoad } from '../../src/sim/shell/limits.ts';

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

  it('a command stuck in an await that is no simulated wait is stopped by the watchdog, with the CPU note', async () => {
    const b = new LineBudget(150);
    b.watch();
    // Nothing reaches a command boundary: only the watchdog's timer can see the budget run out.
    await new Promise<void>((resolve) => b.controller.signal.addEventListener('abort', () => resolve(), { once: true }));
    expect(b.exceeded).toBe('cpu');
    expect(b.usedMs()).toBeGreaterThanOrEqual(140);
  });

  it('a line that waits (simulated waits count as waiting) is never stopped by the watchdog', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      let waited = 0;
      const b = new LineBudget(1_000, () => waited);
      b.watch();
      for (let i = 0; i < 600; i++) {
        // ping, docker logs -f, top: 100 ms steps of Host.waitUntil, each counted in Host.realWaitMs.
        waited += 100;
        vi.advanceTimersByTime(100);
      }
      expect(b.exceeded).toBeUndefined();
      b.end();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('just-bash gets no per-command deadline: its 30 s one ended ping -c 40 and docker logs -f in the realtime terminal', () => {
    expect(JB_LIMITS.maxExecutionTimeMs).toBe(Number.POSITIVE_INFINITY);
  });
});
