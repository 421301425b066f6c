/**
 * file: just-bash's own file, which answers `--version` / `-v` as file 5.45 does on Ubuntu 24.04
 * (file src/file.c case 'v': "%s-%s\n" with the program name and VERSION, then "magic file from
 * %s\n" with magic_getpath(), Debian's /etc/magic:/usr/share/misc/magic).
 */
import type { SimCommand } from '../types.ts';

export const file: SimCommand = {
  name: 'file',
  async run(args, env) {
    if (args[0] === '--version' || args[0] === '-v')
      return { stdout: 'file-5.45\nmagic file from /etc/magic:/usr/share/misc/magic\n', stderr: '', exitCode: 0 };
    return env.orig ? env.orig(args) : { stdout: '', stderr: '', exitCode: 1 };
  },
};
