/**
 * `PROGRAM --version` for node1's coreutils 9.4 programs (shell/gnuversion.ts): gnulib version_etc's layout, each
 * program's AUTHORS from coreutils@v9.4:src/NAME.c, proper_name's ASCII spelling in node1's POSIX locale.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

const HEAD = (name: string) =>
  `${name} (GNU coreutils) 9.4\nCopyright (C) 2023 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\n`;

describe('coreutils --version on node1', () => {
  it('prints the version, the licence and the authors, joined as version_etc_arn joins 1 to 5 names', async () => {
    const w = createWorld();
    expect(await sh(w, 'ls --version')).toMatchObject({ out: `${HEAD('ls')}Written by Richard M. Stallman and David MacKenzie.\n`, exitCode: 0 });
    expect((await sh(w, 'mkdir --version')).out).toBe(`${HEAD('mkdir')}Written by David MacKenzie.\n`);
    expect((await sh(w, 'cp --version')).out).toBe(`${HEAD('cp')}Written by Torbjorn Granlund, David MacKenzie, and Jim Meyering.\n`);
    expect((await sh(w, 'tail --version')).out).toBe(`${HEAD('tail')}Written by Paul Rubin, David MacKenzie, Ian Lance Taylor,\nand Jim Meyering.\n`);
    expect((await sh(w, 'touch --version')).out).toBe(
      `${HEAD('touch')}Written by Paul Rubin, Arnold Robbins, Jim Kingdon,\nDavid MacKenzie, and Randy Smith.\n`,
    );
  });

  it("is the program's, not the shell builtin's, and is node1's only", async () => {
    const w = createWorld();
    // bash's echo prints its arguments (bash-5.2.21 builtins/echo.def takes no long options).
    expect((await sh(w, 'echo --version')).out).toBe('--version\n');
    // expr reads --version only as its one argument (gnulib long-options.c parse_long_options: argc == 2).
    expect((await sh(w, 'expr --version')).out).toBe(`${HEAD('expr')}Written by Mike Parker, James Youngman, and Paul Eggert.\n`);
    expect((await sh(w, 'cat --version | head -1; env --version | tail -1')).out).toBe(
      'cat (GNU coreutils) 9.4\nWritten by Richard Mlynarik, David MacKenzie, and Assaf Gordon.\n',
    );
  });
});
