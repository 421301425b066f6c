/**
 * rmdir of a name spelled with a trailing slash that is no directory itself. rmdir(2) does not follow the last link
 * even then: a link or a file there is ENOTDIR (linux v6.8 fs/namei.c do_rmdir → may_delete). just-bash's rmdir
 * follows the link and removes it when its target is empty, or says "Directory not empty".
 *
 * coreutils@v9.4:src/rmdir.c main: on ENOTDIR for a name ending in '/', when stat(2) of it finds a directory and
 * lstat(2) of it without its slashes a link, `failed to remove %s: Symbolic link not followed`; otherwise
 * `failed to remove %s` with strerror; --verbose first prints `removing directory, %s`. busybox@1_36_1:coreutils/rmdir.c
 * `bb_perror_msg("'%s'", path)`. With -p (parents) the line is left to just-bash as it was.
 */
import type * as JB from 'just-bash';

type R = { stdout: string; stderr: string; exitCode: number };

/** rmdir `args` (just-bash's: `run`), each operand `name/` that is no directory refused as above; undefined when none is. */
export async function rmdirSlashes(
  args: string[],
  env: { fs: JB.IFileSystem; cwd: string; busybox: boolean },
  run: (args: string[]) => Promise<R>,
): Promise<R | undefined> {
  const opts = args.filter((a) => a.startsWith('-') && a !== '-');
  const names = args.filter((a) => !a.startsWith('-') || a === '-');
  if (opts.some((o) => o === '--parents' || o === '--' || (/^-[a-z]+$/.test(o) && o.includes('p')))) return undefined;
  if (!names.some((n) => n.length > 1 && n.endsWith('/'))) return undefined;
  const verbose = opts.some((o) => o === '--verbose' || (/^-[a-z]+$/.test(o) && o.includes('v')));
  const out: R = { stdout: '', stderr: '', exitCode: 0 };
  for (const name of names) {
    const bare = name.replace(/\/+$/, '');
    const st = name.length > 1 && name.endsWith('/') && bare ? await env.fs.lstat(env.fs.resolvePath(env.cwd, bare)).catch(() => undefined) : undefined;
    if (!st || st.isDirectory) {
      const r = await run([...opts, name]);
      out.stdout += r.stdout;
      out.stderr += r.stderr;
      out.exitCode = Math.max(out.exitCode, r.exitCode);
      continue;
    }
    out.exitCode = 1;
    if (env.busybox) {
      out.stderr += `rmdir: '${name}': Not a directory\n`;
      continue;
    }
    if (verbose) out.stdout += `rmdir: removing directory, '${name}'\n`;
    const followed = st.isSymbolicLink ? await env.fs.stat(env.fs.resolvePath(env.cwd, name)).catch((e: Error) => e) : undefined;
    const linkToDir = followed !== undefined && (followed instanceof Error ? !followed.message.startsWith('ENOTDIR') : followed.isDirectory);
    out.stderr += linkToDir ? `rmdir: failed to remove '${name}': Symbolic link not followed\n` : `rmdir: failed to remove '${name}': Not a directory\n`;
  }
  return out;
}
