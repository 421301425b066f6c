/**
 * find and du given a starting point spelled with a trailing slash, and rmdir given such an operand (below). The kernel looks `name/` up following its last
 * link and asks for a directory (linux v6.8 fs/namei.c: LOOKUP_FOLLOW | LOOKUP_DIRECTORY), so `find link/` and
 * `du link/` walk the directory the link names, and `file/` is ENOTDIR. just-bash's find drops the slash and walks the
 * link itself (prints `link`, never descends), and its du walks nothing; both word any failure "No such file or
 * directory". Here each such starting point is walked at the directory it names, and the paths printed are put back
 * as spelled: the starting point as given, a file under it with the slash once (findutils@v4.9.0 and
 * coreutils@v9.4:src/du.c print the name as given and join below it; busybox@1_36_1 libbb/concat_path_file.c the same).
 *
 * A starting point that is no directory is refused as the tools refuse it: GNU find `find: %s: %s` with the name in
 * the locale's quotes (findutils@v4.9.0:find/util.c nonfatal_target_file_error, safely_quote_err_filename: ‘’ in the
 * host's C.UTF-8, '' in a container's POSIX locale), du `cannot access %s` (coreutils@v9.4:src/du.c process_file,
 * quoteaf); busybox `find: NAME: strerror`, `du: NAME: strerror` (busybox@1_36_1:libbb/recursive_action.c and
 * coreutils/du.c, bb_simple_perror_msg).
 *
 * find lines whose actions print something else than the path (-printf, -exec, -ls, -print0, -delete …), and du
 * with -c over several names, are left to just-bash as they were.
 */
import type * as JB from 'just-bash';
import { strerror } from './pathlookup.ts';

type Chunk = { stream: 'stdout' | 'stderr'; text: string };
type R = { stdout: string; stderr: string; exitCode: number; output?: Chunk[] };

/** `out`, its chunks kept only where they order the streams otherwise than all of stdout before all of stderr. */
function ordered(out: R & { output: Chunk[] }): R {
  const firstErr = out.output.findIndex((c) => c.stream === 'stderr');
  if (firstErr < 0 || out.output.slice(firstErr).every((c) => c.stream === 'stderr')) return { stdout: out.stdout, stderr: out.stderr, exitCode: out.exitCode };
  return out;
}

/** `r`'s streams added to `out` after what it holds, in the order written (`r.output`, else its stdout then its stderr). */
function append(out: R & { output: Chunk[] }, r: R): void {
  out.stdout += r.stdout;
  out.stderr += r.stderr;
  out.exitCode = Math.max(out.exitCode, r.exitCode);
  out.output.push(
    ...(
      r.output ?? [
        { stream: 'stdout' as const, text: r.stdout },
        { stream: 'stderr' as const, text: r.stderr },
      ]
    ).filter((c) => c.text),
  );
}

interface StartsEnv {
  fs: JB.IFileSystem;
  cwd: string;
  /** The host's shell runs in C.UTF-8; a container's in the POSIX locale. */
  host: boolean;
  busybox: boolean;
}

/** just-bash's find: the starting points are the words before the first that starts an expression. */
const startsExpression = (w: string) => w.startsWith('-') || ['(', '\\(', ')', '\\)', '!'].includes(w);
const OTHER_OUTPUT = /^-(?:printf|fprintf|fprint0?|print0|exec|execdir|ok|okdir|ls|fls|delete|quit)$/;
const slashed = (w: string) => w.length > 1 && w.endsWith('/');

/** find, du or rmdir of `args` with an operand `name/` (the rest are just-bash's as they were: undefined). */
export function slashedRun(name: string, args: string[], env: StartsEnv, run: (args: string[]) => Promise<R>): Promise<R | undefined> | undefined {
  if (name === 'find' || name === 'du') return slashStarts(name, args, env, run);
  if (name === 'rmdir') return rmdirSlashes(args, env, run);
  return undefined;
}

/** find or du of `args` (just-bash's, or find-ext.ts's: `run`), each starting point spelled `name/` walked as above; undefined when none is. */
async function slashStarts(name: 'find' | 'du', args: string[], env: StartsEnv, run: (args: string[]) => Promise<R>): Promise<R | undefined> {
  const split = name === 'find' ? findOperands(args) : duOperands(args);
  if (!split?.names.some(slashed)) return undefined;
  const out: R & { output: Chunk[] } = { stdout: '', stderr: '', exitCode: 0, output: [] };
  for (const given of split.names) {
    let r: R;
    if (!slashed(given)) r = await run(split.argsFor(given));
    else {
      const abs = env.fs.resolvePath(env.cwd, given);
      const st = await env.fs.stat(abs).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      if (st instanceof Error || !st.isDirectory) {
        const text = `${name}: ${refused(name, given, env)}: ${strerror(st instanceof Error ? st : new Error('ENOTDIR'), env.busybox)}\n`;
        append(out, { stdout: '', stderr: text, exitCode: 1 });
        continue;
      }
      const real = await env.fs.realpath(abs);
      r = await run(split.argsFor(real));
      r = { ...r, stdout: respell(r.stdout, real, given, name === 'du') };
    }
    append(out, r);
  }
  return ordered(out);
}

/** How the tool names a starting point it could not walk. */
function refused(name: 'find' | 'du', given: string, env: StartsEnv): string {
  if (env.busybox) return given;
  if (name === 'du') return `cannot access '${given}'`;
  return env.host ? `‘${given}’` : `'${given}'`;
}

/** The printed paths under `real` as under `given` (du: the path after each line's size and tab). */
function respell(stdout: string, real: string, given: string, du: boolean): string {
  const under = real === '/' ? '/' : `${real}/`;
  return stdout.replace(du ? /^([^\t\n]*\t)(.*)$/gm : /^()(.*)$/gm, (line, size: string, path: string) =>
    path === real ? `${size}${given}` : path.startsWith(under) ? `${size}${given}${path.slice(under.length)}` : line,
  );
}

type Operands = { names: string[]; argsFor: (start: string) => string[] };

function findOperands(args: string[]): Operands | undefined {
  let at = args.findIndex(startsExpression);
  if (at < 0) at = args.length;
  const expr = args.slice(at);
  if (expr.some((w) => OTHER_OUTPUT.test(w))) return undefined;
  return { names: args.slice(0, at), argsFor: (start) => [start, ...expr] };
}

function duOperands(args: string[]): Operands | undefined {
  const opts: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--max-depth' || a === '-d') opts.push(a, args[++i] ?? '');
    else if (a.startsWith('-') && a !== '-') opts.push(a);
    else names.push(a);
  }
  if (names.length > 1 && opts.some((o) => o === '-c' || o === '--total' || (/^-[a-z]+$/.test(o) && o.includes('c')))) return undefined;
  return { names, argsFor: (start) => [...opts, start] };
}

/*
 * rmdir of a name spelled with a trailing slash that is no directory itself. rmdir(2) does not follow the last link
 * even then: a link or a file there is ENOTDIR (linux v6.8 fs/namei.c do_rmdir → may_delete). just-bash's rmdir
 * follows the link and removes it when its target is empty, or says "Directory not empty".
 *
 * coreutils@v9.4:src/rmdir.c main: on ENOTDIR for a name ending in '/', when stat(2) of it finds a directory and
 * lstat(2) of it without its slashes a link, `failed to remove %s: Symbolic link not followed`; otherwise
 * `failed to remove %s` with strerror; --verbose first prints `removing directory, %s`. busybox@1_36_1:coreutils/rmdir.c
 * `bb_perror_msg("'%s'", path)`. With -p (parents) the line is left to just-bash as it was.
 */

/** rmdir `args` (just-bash's: `run`), each operand `name/` that is no directory refused as above; undefined when none is. */
async function rmdirSlashes(args: string[], env: StartsEnv, run: (args: string[]) => Promise<R>): Promise<R | undefined> {
  const opts = args.filter((a) => a.startsWith('-') && a !== '-');
  const names = args.filter((a) => !a.startsWith('-') || a === '-');
  if (opts.some((o) => o === '--parents' || o === '--' || (/^-[a-z]+$/.test(o) && o.includes('p')))) return undefined;
  if (!names.some((n) => n.length > 1 && n.endsWith('/'))) return undefined;
  const verbose = opts.some((o) => o === '--verbose' || (/^-[a-z]+$/.test(o) && o.includes('v')));
  const out: R & { output: NonNullable<R['output']> } = { stdout: '', stderr: '', exitCode: 0, output: [] };
  for (const name of names) {
    const bare = name.replace(/\/+$/, '');
    const st = name.length > 1 && name.endsWith('/') && bare ? await env.fs.lstat(env.fs.resolvePath(env.cwd, bare)).catch(() => undefined) : undefined;
    if (!st || st.isDirectory) {
      append(out, await run([...opts, name]));
      continue;
    }
    if (env.busybox) {
      append(out, { stdout: '', stderr: `rmdir: '${name}': Not a directory\n`, exitCode: 1 });
      continue;
    }
    if (verbose) append(out, { stdout: `rmdir: removing directory, '${name}'\n`, stderr: '', exitCode: 0 });
    const followed = st.isSymbolicLink ? await env.fs.stat(env.fs.resolvePath(env.cwd, name)).catch((e: Error) => e) : undefined;
    const linkToDir = followed !== undefined && (followed instanceof Error ? !followed.message.startsWith('ENOTDIR') : followed.isDirectory);
    const why = linkToDir ? 'Symbolic link not followed' : 'Not a directory';
    append(out, { stdout: '', stderr: `rmdir: failed to remove '${name}': ${why}\n`, exitCode: 1 });
  }
  return ordered(out);
}
