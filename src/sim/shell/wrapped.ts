/** Which of just-bash's own commands the runtime (shell/runtime.ts) wraps, and how. */
import type * as JB from 'just-bash';
import { echo } from './commands/echo.ts';
import { printfBytes } from './printf-bytes.ts';

/** just-bash commands whose output matches the real tools closely enough; wrapped so they run as their own process. */
export const WRAPPED = [
  'cat',
  'grep',
  'head',
  'readlink',
  'wc',
  'sort',
  'cut',
  'tr',
  'awk',
  'sed',
  'rm',
  'find',
  'du',
  'cp',
  'mv',
  'rmdir',
  'uniq',
  'xargs',
  'tee',
  'chmod',
  'seq',
  'basename',
  'dirname',
  'which',
  'clear',
  'expr',
];

/**
 * just-bash commands taken over only so that a running line checks its budget and yields to
 * the page between them (Ctrl-C within 100 ms) and, on the terminal, writes in the order run.
 */
export const TICKED = ['echo', 'printf', 'true', 'false', 'test', '[', 'pwd'];

/** Shell built-ins never execve, so the argument-size limit does not apply to them. */
export const SHELL_BUILTINS = new Set(['kill', 'echo', 'printf', 'pwd', 'test', 'true', 'false', 'cd', 'export']);

/**
 * The arguments a wrapped just-bash command is called with. tr: GNU tr's octal escapes in a set
 * (`\0`, `\NNN`: coreutils-9.4 src/tr.c unquote, one to three octal digits) become the byte they
 * name, which just-bash's tr does not read itself (`tr '\0' x`, `tr '\n' '\0'`); bytes from 0x80
 * up stay as written.
 */
export function wrappedArgs(name: string, args: string[]): string[] {
  if (name === 'grep') return grepPatterns(args);
  if (name !== 'tr') return args;
  return args.map((a, i) =>
    a.startsWith('-') && i === 0
      ? a
      : a.replace(/\\\\|\\([0-7]{1,3})/g, (m, oct: string | undefined) => {
          if (oct === undefined) return m;
          const code = Number.parseInt(oct, 8);
          return code < 0x80 ? String.fromCharCode(code) : m;
        }),
  );
}

/**
 * One of the TICKED commands, run: it checks the line's budget first (`tick` says whether the line must stop) and
 * writes in order (`inOrder`). shared.ts makes the command; a root has those of TICKED its image has (`test` and `[` always).
 */
export async function tickedRun(
  name: string,
  args: string[],
  ctx: Parameters<JB.Command['execute']>[1],
  tick: (ctx: { cwd: string; env: Map<string, string> }) => Promise<boolean>,
  inOrder: (r: JB.ExecResult) => JB.ExecResult,
): Promise<JB.ExecResult> {
  if (await tick(ctx)) return { stdout: '', stderr: '', exitCode: 130 };
  return inOrder(name === 'echo' ? echo(args) : name === 'printf' ? printfBytes(args, await ctx.origCommand!(args)) : await ctx.origCommand!(args));
}

/** GNU grep's short options that take an argument (grep 3.11, Ubuntu 24.04: -A -B -C -D -X -d -e -f -m). */
const GREP_ARG = new Set(['A', 'B', 'C', 'D', 'X', 'd', 'e', 'f', 'm']);

/**
 * grep's patterns: each `-e PATTERN` (`-ePATTERN`, `--regexp=PATTERN`, `--regexp PATTERN`) is one more, and a line
 * matches any of them (grep 3.11 src/grep.c main, case 'e': each appended to the pattern list with a newline, and a
 * newline in a pattern separates patterns). just-bash's grep keeps the last `-e` only; given them as one newline-joined pattern it matches each.
 */
function grepPatterns(args: string[]): string[] {
  const patterns: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (a === '--regexp' && i + 1 < args.length) patterns.push(args[++i] as string);
    else if (a.startsWith('--regexp=')) patterns.push(a.slice('--regexp='.length));
    else if (/^-[^-]/.test(a)) {
      // A cluster of short options: the first that takes an argument takes the rest of the word, or the next word.
      const at = [...a.slice(1)].findIndex((c) => GREP_ARG.has(c)) + 1;
      if (at > 0 && a[at] === 'e') {
        if (at > 1) rest.push(a.slice(0, at));
        if (a.length > at + 1) patterns.push(a.slice(at + 1));
        else if (i + 1 < args.length) patterns.push(args[++i] as string);
      } else {
        rest.push(a);
        if (at > 0 && at === a.length - 1 && i + 1 < args.length) rest.push(args[++i] as string);
      }
    } else rest.push(a);
  }
  return patterns.length > 1 ? ['-e', patterns.join('\n'), ...rest] : args;
}
