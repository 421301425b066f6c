/**
 * getcap (libcap 2.66, AndrewGMorgan/libcap_mirror@4f96e67:progs/getcap.c) on node1, in /usr/sbin
 * (libcap2-bin). It reads the file capabilities setcap stored (Host.fileCaps, the security.capability
 * xattr) and prints them with cap_to_text. alpine does not install libcap's tools.
 */
import type { ExecResult } from '../../api.ts';
import { capToText } from '../../kernel/captext.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

const USAGE = 'usage: getcap [-h] [-l] [-n] [-r] [-v] <filename> [<filename> ...]\n\n\tdisplays the capabilities on the queried file(s).\n';

/** The key of a file's capabilities: its root and its absolute path (symbolic links not followed). */
export function capKey(env: CmdEnv, path: string): string {
  return `${env.session.root}:${env.fs.resolvePath(env.cwd, path)}`;
}

/** strerror of a just-bash filesystem error (ENOENT, ENOTDIR, EACCES). */
export function strerror(e: unknown): string {
  const m = String((e as Error)?.message ?? e);
  if (m.includes('ENOTDIR')) return 'Not a directory';
  if (m.includes('EACCES')) return 'Permission denied';
  return 'No such file or directory';
}

export const getcap: SimCommand = {
  name: 'getcap',
  async run(args, env) {
    let recursive = false;
    let verbose = false;
    let i = 0;
    // getopt(argc, argv, "rvhnl"): POSIX getopt stops at the first operand only with POSIXLY_CORRECT; glibc permutes.
    const files: string[] = [];
    for (; i < args.length; i++) {
      const a = args[i] as string;
      if (a === '--') {
        files.push(...args.slice(i + 1));
        break;
      }
      if (!a.startsWith('-') || a === '-') {
        files.push(a);
        continue;
      }
      for (const c of a.slice(1)) {
        if (c === 'r') recursive = true;
        else if (c === 'v') verbose = true;
        else if (c === 'n') continue;
        else if (c === 'h') return R('', USAGE, 0);
        else if (c === 'l') return R('getcap see LICENSE file for details.\nCopyright (c) 1997,2007,2021 Andrew G. Morgan <morgan@kernel.org>\n');
        // glibc getopt's message, then usage(1).
        else return R('', `getcap: invalid option -- '${c}'\n${USAGE}`, 1);
      }
    }
    if (!files.length) return R('', USAGE, 1);
    let out = '';
    let err = '';
    // do_getcap(): a regular file's capabilities; others only with -v.
    const one = async (name: string, regular: boolean) => {
      if (!regular) {
        if (verbose) out += `${name} (Not a regular file)\n`;
        return;
      }
      const caps = env.host.fileCaps.get(capKey(env, name));
      if (caps) out += `${name} ${capToText(caps)}\n`;
      else if (verbose) out += `${name}\n`;
    };
    // nftw(FTW_PHYS): the directory itself, then its entries depth first, symbolic links not followed.
    const walk = async (name: string) => {
      await env.tick();
      const st = await env.fs.lstat(env.fs.resolvePath(env.cwd, name)).catch(() => undefined);
      if (!st) return;
      await one(name, st.isFile);
      if (!st.isDirectory) return;
      const entries = await env.fs.readdir(env.fs.resolvePath(env.cwd, name)).catch(() => [] as string[]);
      for (const e of entries) await walk(name.endsWith('/') ? `${name}${e}` : `${name}/${e}`);
    };
    for (const f of files) {
      const st = await env.fs.lstat(env.fs.resolvePath(env.cwd, f)).catch((e: unknown) => e as Error);
      if (st instanceof Error) err += `${f} (${strerror(st)})\n`;
      else if (recursive) await walk(f);
      else await one(f, st.isFile);
    }
    return R(out, err, 0);
  },
};
