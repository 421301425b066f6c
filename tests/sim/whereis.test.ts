import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// util-linux@v2.39.3:misc-utils/whereis.c (each real directory once; "NAME:" and " PATH" per match).
describe('whereis (util-linux 2.39.3, #10)', { timeout: 60_000 }, () => {
  it('whereis: binaries found once (/bin is /usr/bin), -l, errors', async () => {
    const w = createWorld();
    expect((await sh(w, 'whereis ls nosuch')).stdout).toBe('ls: /usr/bin/ls\nnosuch:\n');
    expect((await sh(w, 'whereis -l | head -2')).stdout).toBe('bin: /usr/bin\nbin: /usr/sbin\n');
    expect(await sh(w, 'whereis')).toMatchObject({ stderr: "whereis: not enough arguments\nTry 'whereis --help' for more information.\n", exitCode: 1 });
    expect(await sh(w, 'whereis -B /usr/bin ls')).toMatchObject({ stderr: 'whereis: option -f is missing\n', exitCode: 1 });
  });
});
