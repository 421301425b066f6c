import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// dash 0.5.12 src/miscbltin.c ulimitcmd (/bin/sh on node1), checked against the dash 0.5.12-2 binary on this machine:
// its own table ("%-20s " and the value, 512-byte blocks for file and coredump), sh_error's "$0: LINE: ulimit: …".
describe('ulimit in dash (session 22)', () => {
  it("-a prints dash's table, not bash's; one limit prints its value; a value sets both limits", async () => {
    const w = createWorld();
    expect((await sh(w, "sh -c 'ulimit -a'")).out).toBe(
      [
        'time(seconds)        unlimited',
        'file(blocks)         unlimited',
        'data(kbytes)         unlimited',
        'stack(kbytes)        8192',
        'coredump(blocks)     0',
        'memory(kbytes)       unlimited',
        'locked memory(kbytes) 8192',
        'process              63439',
        'nofiles              1024',
        'vmemory(kbytes)      unlimited',
        'locks                unlimited',
        'rtprio               0',
        '',
      ].join('\n'),
    );
    expect((await sh(w, "sh -c 'ulimit; ulimit -Hn; ulimit -n -s; ulimit -n 100; ulimit -n; ulimit -Hn'")).out).toBe('unlimited\n524288\n8192\n100\n100\n');
  });
  it("errors are sh_error's, status 2, and the script goes on", async () => {
    const w = createWorld();
    expect((await sh(w, "sh -c 'ulimit -x; echo $?; ulimit -n 5 6; ulimit -n abc; ulimit -a 5; echo after'")).out).toBe(
      [
        'sh: 1: ulimit: Illegal option -x',
        '2',
        'sh: 1: ulimit: too many arguments',
        'sh: 1: ulimit: bad number',
        'sh: 1: ulimit: too many arguments',
        'after',
        '',
      ].join('\n'),
    );
  });
});
