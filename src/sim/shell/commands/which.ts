/**
 * which on node1: debianutils' which.debianutils, a POSIX sh script run by dash (its text:
 * salsa.debian.org/debian/debianutils which.debianutils; `while getopts as whichopts`, `-s` silent,
 * `?) puts "Usage: $0 [-as] args"; exit 2`). Each name without a slash is looked up in every $PATH
 * element (an empty one is `.`) as a regular, executable file; the first match is printed, all of
 * them with -a; the status is 1 when any name was not found (or none was given). There is no
 * --version: getopts takes `--version` as the option `-` and dash says "Illegal option --"
 * (dash src/options.c getoptscmd: "Illegal option -%c"), then the usage line, status 2. $0 is the
 * path bash ran: /usr/bin/which. Busybox's which (alpine) is just-bash's own.
 */
import type { ExecResult } from '../../api.ts';
import { shellFlags } from '../getopt.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

/** `[ -f PATH ] && [ -x PATH ]`: a regular file (symbolic links followed) with an execute bit. */
export async function isExecutable(env: CmdEnv, path: string): Promise<boolean> {
  const st = await env.fs.stat(env.fs.resolvePath(env.cwd, path)).catch(() => undefined);
  return Boolean(st?.isFile && (st.mode & 0o111) !== 0);
}

export const which: SimCommand = {
  name: 'which',
  async run(args, env): Promise<ExecResult> {
    if (env.flavor === 'busybox') return env.orig ? env.orig(args) : { stdout: '', stderr: '', exitCode: 1 };
    // getopts: options up to the first operand or `--`.
    const g = shellFlags(args, 'as');
    if (g.bad !== undefined) return { stdout: 'Usage: /usr/bin/which [-as] args\n', stderr: `Illegal option -${g.bad}\n`, exitCode: 2 };
    const all = g.flags.includes('a');
    const silent = g.flags.includes('s');
    const names = g.operands;
    let status = names.length ? 0 : 1;
    let out = '';
    let path = env.env.get('PATH') ?? '';
    if (/[^:]:$/.test(path)) path += ':';
    for (const name of names) {
      let found = false;
      if (name.includes('/')) {
        if (await isExecutable(env, name)) {
          out += `${name}\n`;
          found = true;
        }
      } else
        for (const dir of path.split(':')) {
          const full = `${dir || '.'}/${name}`;
          if (await isExecutable(env, full)) {
            out += `${full}\n`;
            found = true;
            if (!all) break;
          }
        }
      if (!found) status = 1;
    }
    return { stdout: silent ? '' : out, stderr: '', exitCode: status };
  },
};
