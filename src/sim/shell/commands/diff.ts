/**
 * diff: just-bash's own diff, which answers `--version` as GNU diffutils 3.10 does (Ubuntu 24.04's
 * diffutils): gnulib version_etc with diff.c's AUTHORS, five names ("Written by %s, %s, %s,\n%s,
 * and %s."). Its other output is just-bash's (unified), not GNU diff's default format.
 */
import type { SimCommand } from '../types.ts';
import { diffutilsVersion } from './cmp.ts';

export const diff: SimCommand = {
  name: 'diff',
  async run(args, env) {
    if (args[0] === '--version' || args[0] === '-v')
      return { stdout: diffutilsVersion('diff', 'Paul Eggert, Mike Haertel, David Hayes,\nRichard Stallman, and Len Tower'), stderr: '', exitCode: 0 };
    return env.orig ? env.orig(args) : { stdout: '', stderr: 'diff: missing operand\n', exitCode: 2 };
  },
};
