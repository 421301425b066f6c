/**
 * file: just-bash's own file, which answers `--version` / `-v` as file 5.45 does on Ubuntu 24.04
 * (file src/file.c case 'v': "%s-%s\n" with the program name and VERSION, then "magic file from
 * %s\n" with magic_getpath(), Debian's /etc/magic:/usr/share/misc/magic). A socket is named by its
 * type before any content is read (file@FILE5_45:src/fsmagic.c file_fsmagic: S_IFSOCK, "socket"),
 * each operand on its own "NAME: TYPE" line.
 */
import type { SimCommand } from '../types.ts';

export const file: SimCommand = {
  name: 'file',
  async run(args, env) {
    if (args[0] === '--version' || args[0] === '-v')
      return { stdout: 'file-5.45\nmagic file from /etc/magic:/usr/share/misc/magic\n', stderr: '', exitCode: 0 };
    const isSocket = async (p: string) => ((await env.fs.stat(env.fs.resolvePath(env.cwd, p)).catch(() => undefined))?.mode ?? 0) >> 12 === 0o14;
    if (args.some((a) => a.startsWith('-')) || !(await Promise.all(args.map(isSocket))).some(Boolean))
      return env.orig ? env.orig(args) : { stdout: '', stderr: '', exitCode: 1 };
    let stdout = '';
    let stderr = '';
    for (const a of args) {
      if (await isSocket(a)) stdout += `${a}: socket\n`;
      else if (env.orig) {
        const r = await env.orig([a]);
        stdout += r.stdout;
        stderr += r.stderr;
      }
    }
    return { stdout, stderr, exitCode: 0 };
  },
};
