import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import type { World } from '../../src/sim/index.ts';

type Hooked = { host: { onStep: (() => void)[]; kernel: { procs: Map<number, { comm: string; state: string }> } } };
const hostOf = (w: World) => (w as unknown as Hooked).host;
const running = (w: World, comm: string) => [...hostOf(w).kernel.procs.values()].some((p) => p.comm === comm && p.state !== 'Z');

/** Runs `line` at a realtime terminal and presses Ctrl-C once `sleep` runs (a simulated step, not a timer). */
async function ctrlCAtSleep(w: World, line: string) {
  const ac = new AbortController();
  let out = '';
  const step = () => {
    if (!ac.signal.aborted && running(w, 'sleep')) ac.abort();
  };
  hostOf(w).onStep.push(step);
  try {
    const r = await w.exec(line, { signal: ac.signal, onOutput: (c) => (out += c.text) });
    return { out, exitCode: r.exitCode };
  } finally {
    hostOf(w).onStep.splice(hostOf(w).onStep.indexOf(step), 1);
  }
}

// The child shell and its sleep are both in the terminal's foreground group and both get SIGINT. sleep dies of it;
// the child shell (dash or bash -c, not interactive) dies of it too, printing nothing (a shell reports a signal death
// of its foreground job only for signals other than SIGINT and SIGPIPE: bash-5.2:jobs.c notify_of_job_status /
// wait_for, dash@v0.5.12:src/jobs.c). The interactive bash then sees its job killed by SIGINT while running a list:
// the rest of the line is abandoned, $? is 130 (jobs.c wait_for ADDINTERRUPT, sig.c throw_to_top_level).
describe('Ctrl-C in a child shell (#10)', { timeout: 60_000 }, () => {
  for (const line of ["sh -c 'sleep 100'; echo after", "bash -c 'sleep 100; echo no'; echo after"])
    it(`${line}: nothing printed, status 130`, async () => {
      const w = createWorld(undefined, { clock: 'realtime' });
      await w.exec('true');
      expect(await ctrlCAtSleep(w, line)).toEqual({ out: '', exitCode: 130 });
      expect((await w.exec('echo $?')).stdout).toBe('130\n');
    });

  it('what the child shell printed before stays on the screen', async () => {
    const w = createWorld(undefined, { clock: 'realtime' });
    await w.exec('true');
    expect(await ctrlCAtSleep(w, "sh -c 'echo in; sleep 100'; echo after")).toEqual({ out: 'in\n', exitCode: 130 });
  });
});
