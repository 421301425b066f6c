/**
 * find and du given a starting point spelled with a trailing slash. The kernel looks `name/` up following its last
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

type R = { stdout: string; stderr: string; exitCode: number };

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

/** find or du of `args` (just-bash's, or find-ext.ts's: `run`), each starting point spelled `name/` walked as above; undefined when none is. */
export async function slashStarts(name: 'find' | 'du', args: string[], env: StartsEnv, run: (args: string[]) => Promise<R>): Promise<R | undefined> {
  const split = name === 'find' ? findOperands(args) : duOperands(args);
  if (!split?.names.some(slashed)) return undefined;
  const out: R = { stdout: '', stderr: '', exitCode: 0 };
  for (const given of split.names) {
    let r: R;
    if (!slashed(given)) r = await run(split.argsFor(given));
    else {
      const abs = env.fs.resolvePath(env.cwd, given);
      const st = await env.fs.stat(abs).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      if (st instanceof Error || !st.isDirectory) {
        out.stderr += `${name}: ${refused(name, given, env)}: ${strerror(st instanceof Error ? st : new Error('ENOTDIR'), env.busybox)}\n`;
        out.exitCode = 1;
        continue;
      }
      const real = await env.fs.realpath(abs);
      r = await run(split.argsFor(real));
      r = { ...r, stdout: respell(r.stdout, real, given, name === 'du') };
    }
    out.stdout += r.stdout;
    out.stderr += r.stderr;
    out.exitCode = Math.max(out.exitCode, r.exitCode);
  }
  return out;
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
