/**
 * The table of one line per just-bash command the host exposes (tests/e2e/jb-command-lines.ts, run in the browser's
 * worker by terminal-commands.spec), in Node: each line prints what the table says, so the browser run compares with
 * the simulator's own outputs.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { JB_COMMAND_LINES } from '../e2e/jb-command-lines.ts';

describe("just-bash's commands on the host, one line each (Node)", () => {
  it('print the outputs terminal-commands.spec expects in the browser', async () => {
    const world = createWorld(undefined, { clock: 'virtual' });
    for (const c of JB_COMMAND_LINES) {
      const r = await world.exec(c.line);
      // time's report (stderr) has the run's own CPU times.
      expect({ stdout: r.stdout, exitCode: r.exitCode, stderr: c.command === 'time' ? '' : r.stderr }, `${c.command}: ${c.line}`).toEqual({
        stdout: c.stdout,
        exitCode: c.exitCode ?? 0,
        stderr: '',
      });
    }
  });
});
