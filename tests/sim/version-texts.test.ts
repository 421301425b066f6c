import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

describe("--version of just-bash's own programs, as Ubuntu 24.04's print it (#10)", { timeout: 60_000 }, () => {
  it('diff (GNU diffutils 3.10: gnulib version_etc, diff.c AUTHORS) and file 5.45 (file.c case v)', async () => {
    const w = createWorld();
    expect((await sh(w, 'diff --version')).stdout).toBe(
      'diff (GNU diffutils) 3.10\nCopyright (C) 2023 Free Software Foundation, Inc.\n' +
        'License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n' +
        'This is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\n' +
        'Written by Paul Eggert, Mike Haertel, David Hayes,\nRichard Stallman, and Len Tower.\n',
    );
    expect((await sh(w, 'file --version')).stdout).toBe('file-5.45\nmagic file from /etc/magic:/usr/share/misc/magic\n');
    // The programs themselves still answer.
    expect((await sh(w, 'file /etc/hostname')).stdout).toBe('/etc/hostname: ASCII text\n');
    expect((await sh(w, 'diff /etc/hostname /etc/hostname')).exitCode).toBe(0);
  });
});
