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
 * The TICKED commands of a root (`avail`: its command names, undefined on the host): each checks the
 * line's budget first (`tick` says whether the line must stop) and writes in order (`inOrder`).
 */
export function tickedCommands(
  avail: Set<string> | undefined,
  tick: (ctx: JB.CommandContext) => Promise<boolean>,
  inOrder: (r: JB.ExecResult) => JB.ExecResult,
): JB.Command[] {
  return TICKED.filter((n) => !avail || avail.has(n) || n === 'test' || n === '[').map((name) => ({
    name,
    execute: async (args: string[], ctx: JB.CommandContext) => {
      if (await tick(ctx)) return { stdout: '', stderr: '', exitCode: 130 };
      return inOrder(name === 'echo' ? echo(args) : name === 'printf' ? printfBytes(args, await ctx.origCommand!(args)) : await ctx.origCommand!(args));
    },
  }));
}
