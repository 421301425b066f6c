import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

describe('shell faults found off-script (#10)', { timeout: 60_000 }, () => {
  it('process substitution: the command reads /dev/fd/63 (bash-5.2:subst.c process_substitute), the body prints nothing to the terminal', async () => {
    const w = createWorld();
    let r = await sh(w, 'cat <(echo x)');
    expect([r.out, r.exitCode]).toEqual(['x\n', 0]);
    r = await sh(w, 'wc -l <(printf "a\\nb\\n")');
    expect(r.out).toBe('2 /dev/fd/63\n');
    r = await sh(w, 'paste <(echo 1) <(echo 2)');
    expect(r.out).toBe('1\t2\n');
    r = await sh(w, 'cat < <(echo y)');
    expect([r.out, r.exitCode]).toEqual(['y\n', 0]);
    // The descriptor is gone once the command is done: /dev holds no fd file.
    expect((await sh(w, 'cat /dev/fd/63')).stderr).toBe('cat: /dev/fd/63: No such file or directory\n');
  });
});
