import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

describe('less and tree on the Ubuntu host (#10)', { timeout: 60_000 }, () => {
  it('less copies its input as cat does when its output is not a terminal (less 590 main.c)', async () => {
    const w = createWorld();
    expect((await sh(w, 'less /etc/hostname')).stdout).toBe('node1\n');
    expect((await sh(w, 'echo hi | less')).stdout).toBe('hi\n');
    expect((await sh(w, 'ls / | less -N | head -1')).stdout).toBe('bin\n');
    expect(await sh(w, 'less /nope')).toMatchObject({ stderr: '/nope: No such file or directory\n', exitCode: 1 });
  });

  it('tree is not installed on an Ubuntu 24.04 server: bash does not find it', async () => {
    const w = createWorld();
    expect(await sh(w, 'tree')).toMatchObject({ stderr: '-bash: tree: command not found\n', exitCode: 127 });
    expect((await sh(w, 'ls /usr/bin/tree')).exitCode).toBe(2);
  });
});
