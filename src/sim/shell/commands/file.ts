/**
 * file: just-bash's own file, which answers `--version` / `-v` as file 5.45 does on Ubuntu 24.04
 * (file src/file.c case 'v': "%s-%s\n" with the program name and VERSION, then "magic file from
 * %s\n" with magic_getpath(), Debian's /etc/magic:/usr/share/misc/magic). A socket or a device is named by its
 * type before any content is read (file@FILE5_45:src/fsmagic.c file_fsmagic: S_IFSOCK "socket"; S_IFCHR
 * "%scharacter special (%ld/%ld)" and S_IFBLK "%sblock special (%ld/%ld)" with the major and minor, a device's link
 * not followed without -L), each operand on its own "NAME: TYPE" line.
 */
import type { DevStat } from '../../fs/devfs.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

/** What file_fsmagic says of `p` before reading it: a socket or a device; undefined for anything else. */
async function special(env: CmdEnv, p: string): Promise<string | undefined> {
  const abs = env.fs.resolvePath(env.cwd, p);
  if ((((await env.fs.stat(abs).catch(() => undefined))?.mode ?? 0) & 0o170000) === 0o140000) return 'socket';
  const st = (await env.fs.lstat(abs).catch(() => undefined)) as DevStat | undefined;
  const fmt = (st?.mode ?? 0) & 0o170000;
  if ((fmt !== 0o020000 && fmt !== 0o060000) || !st?.rdev) return undefined;
  return `${fmt === 0o020000 ? 'character' : 'block'} special (${st.rdev.major}/${st.rdev.minor})`;
}

export const file: SimCommand = {
  name: 'file',
  async run(args, env) {
    if (args[0] === '--version' || args[0] === '-v')
      return { stdout: 'file-5.45\nmagic file from /etc/magic:/usr/share/misc/magic\n', stderr: '', exitCode: 0 };
    const kinds = await Promise.all(args.map((a) => special(env, a)));
    if (args.some((a) => a.startsWith('-')) || !kinds.some(Boolean)) return env.orig ? env.orig(args) : { stdout: '', stderr: '', exitCode: 1 };
    let stdout = '';
    let stderr = '';
    for (const [i, a] of args.entries()) {
      const kind = kinds[i];
      if (kind) stdout += `${a}: ${kind}\n`;
      else if (env.orig) {
        const r = await env.orig([a]);
        stdout += r.stdout;
        stderr += r.stderr;
      }
    }
    return { stdout, stderr, exitCode: 0 };
  },
};
