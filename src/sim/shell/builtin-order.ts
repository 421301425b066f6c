/**
 * The output of bash's builtins `type`, `declare -p` and `alias` in its place among a typed line's output.
 *
 * just-bash's interpreter answers its own builtins: their text joins the line's result, which the trace (ordered.ts)
 * never sees, and on the terminal the runtime writes each traced command's output as it ends (runtime.ts inOrder), so
 * `echo a; type ls; echo b` showed a, b, then `ls is /usr/bin/ls`. bash writes a builtin's output as it runs
 * (bash-5.2:builtins/type.def, declare.def, alias.def print to stdout and flush at the builtin's end).
 * At the prompt (the line's `__cc_sh bashi` mark, notfound.ts), bashsem.ts turns such a command, alone in its
 * pipeline and without redirections (a pipe or a redirection already goes through the trace), into
 * `__cc_bi NAME ARGS…`: a command of the runtime, traced like any other, which runs the builtin in a nested exec of the
 * same Bash, with the shell's variables, aliases (just-bash keeps them as variables) and functions (shellstate.ts keeps
 * each definition as it runs), and hands its result to the trace.
 * Only the forms that change nothing are taken: `type …`, `alias` without `=`, `declare`/`typeset` with `-p` and names.
 */
import type * as JB from 'just-bash';
import { quoteArgv } from './line.ts';
import { disabledBuiltins, shoptOn } from './shellstate.ts';
import { bashAnsicEscapes } from './ansic.ts';

type Node = { type?: string; [k: string]: unknown };
type Word = { type: 'Word'; parts: { type: string; value?: string }[] };

/** The builtins Ubuntu 24.04 also has as programs in /usr/bin (coreutils; procps's kill). */
const IN_PATH = new Set(['[', 'echo', 'false', 'kill', 'printf', 'pwd', 'test', 'true']);

/** The name `__cc_bi` is given as its command's name. */
export const IN_ORDER = '__cc_bi';

const literal = (value: string): Word => ({ type: 'Word', parts: [{ type: 'Literal', value }] });

function plain(w: unknown): string | undefined {
  const parts = (w as Word | null)?.parts;
  if (parts?.length !== 1 || parts[0]?.type !== 'Literal') return undefined;
  return parts[0].value;
}

/** Whether a word may hold `=` (an assignment): any non-literal part may. */
const mayAssign = (w: unknown) => (w as Word).parts.some((p) => p.type !== 'Literal' || String(p.value).includes('='));

/** Whether the simple command `c` is one of the file's head: a builtin that only prints. */
function printsOnly(c: Node): boolean {
  const name = plain(c.name);
  const args = (c.args as Word[] | undefined) ?? [];
  if ((c.assignments as unknown[] | undefined)?.length || (c.redirections as unknown[] | undefined)?.length) return false;
  if (name === 'type') return true;
  if (name === 'alias') return !args.some(mayAssign);
  // `shopt [-pq] [NAME…]`: the query, not -s, -u or -o.
  if (name === 'shopt') return args.every((a) => !/^-/.test(plain(a) ?? '-') || /^-[pq]+$/.test(plain(a) ?? ''));
  if (name === 'declare' || name === 'typeset') {
    // With names only: `declare -p` alone lists every variable, the simulator's own too.
    const opts = args.map(plain).filter((a) => a?.startsWith('-'));
    const names = args.length - opts.length;
    return !args.some(mayAssign) && opts.length > 0 && names > 0 && opts.every((o) => /^-p+$/.test(o ?? ''));
  }
  return false;
}

/**
 * Whether the line gives a variable an attribute the nested exec would not see: an array (`a=(…)`, `declare -a`) or
 * `-i`, `-n`, `-l`, `-u`, `-t` (the nested exec gets the variables as strings). Such a line's `declare -p` is left to
 * the interpreter.
 */
export function attributed(n: unknown): boolean {
  if (Array.isArray(n)) return n.some(attributed);
  if (!n || typeof n !== 'object') return false;
  const o = n as Node;
  if (o.type === 'Assignment' && o.array) return true;
  if (o.type === 'SimpleCommand' && ['declare', 'typeset', 'local', 'readonly', 'export'].includes(plain(o.name) ?? ''))
    if (((o.args as Word[]) ?? []).some((a) => /^[-+][a-zA-Z]*[aAinlut]/.test(plain(a) ?? ''))) return true;
  return Object.values(o).some((v) => v && typeof v === 'object' && attributed(v));
}

/** `c` as `__cc_bi NAME ARGS…` when it is such a builtin, else undefined; `typed`: the line has attributed variables. */
export function inOrderBuiltin(c: Node, typed: boolean): Node | undefined {
  if (c.type !== 'SimpleCommand' || !printsOnly(c)) return undefined;
  if (typed && plain(c.name) !== 'type' && plain(c.name) !== 'alias') return undefined;
  return { ...c, name: literal(IN_ORDER), args: [c.name, ...((c.args as Word[]) ?? [])] };
}

/**
 * `__cc_bi`; `finish` hands its result to the runtime's trace. just-bash's `alias NAME` for no such alias says
 * "alias: NAME: not found" where bash's builtin_error begins with the shell's name (bash-5.2:builtins/alias.def,
 * sh_notfound → builtin_error "%s: not found"; runtime.ts words `bash:` as the login shell's `-bash:`).
 */
export function inOrderCommand(bash: JB.Bash, finish: (r: JB.ExecResult, argv?: string[]) => JB.ExecResult): JB.Command {
  return {
    name: IN_ORDER,
    execute: async (args, ctx) => {
      const [name = ''] = args;
      // The builtin as written: its stderr into stdout where the line merges it (adapters.ts mergeFor).
      const done = (r: JB.ExecResult) => finish(r, args);
      const r = await ctx.exec!(quoteArgv(args), {
        cwd: ctx.cwd,
        env: Object.fromEntries(ctx.env),
        replaceEnv: true,
        stdin: ctx.stdin as unknown as string,
      });
      // Under `set -x` the nested exec traces the builtin too: the line's own trace has it already.
      let stderr = r.stderr.replace(new RegExp(`^\\+ ${name}(?: [^\\n]*)?\\n`), '');
      if (name === 'alias') stderr = stderr.replace(/^alias: /gm, 'bash: alias: ');
      if (name === 'shopt') return done(shoptQuery(r, args.slice(1), shoptOn(bash, 'login_shell')));
      // A builtin `enable -n` turned off is found in PATH (bash@bash-5.2:builtins/type.def describe_command skips a
      // disabled builtin: find_shell_builtin), where coreutils and procps put the commands of the same names.
      // Any other: "%s: not found" (type.def, sh_notfound), status 1.
      const off = disabledBuiltins(bash);
      let lost = '';
      const stdout = r.stdout.replace(/^(\S+) is a shell builtin\n/gm, (l, b: string) => {
        if (!off.has(b)) return l;
        if (IN_PATH.has(b)) return `${b} is /usr/bin/${b}\n`;
        lost += `bash: type: ${b}: not found\n`;
        return '';
      });
      if (stdout !== r.stdout) return done({ stdout, stderr: stderr + lost, exitCode: lost ? 1 : r.exitCode });
      if (name === 'declare' || name === 'typeset') return done({ stdout: bashAnsicEscapes(r.stdout), stderr, exitCode: r.exitCode });
      return done({ stdout: r.stdout, stderr, exitCode: r.exitCode });
    },
  };
}

/**
 * `shopt`'s query as bash 5.2 prints it: "%-15s\t%s\n" (bash@bash-5.2.21:builtins/shopt.def OPTFMT, print_shopt) where
 * just-bash puts two tabs, and login_shell on in a login shell (`login`), which just-bash always has off; the status
 * then 0 when every option named is on.
 */
function shoptQuery(r: JB.ExecResult, args: string[], login: boolean): JB.ExecResult {
  let stdout = r.stdout.replace(/^(\S+)\t\t(on|off)$/gm, (_m, opt: string, v: string) => `${opt.padEnd(15)}\t${v}`);
  if (!login) return { stdout, stderr: r.stderr, exitCode: r.exitCode };
  stdout = stdout.replace(/^login_shell {4}\toff$/m, 'login_shell    \ton').replace(/^shopt -u login_shell$/m, 'shopt -s login_shell');
  const names = args.filter((a) => !a.startsWith('-'));
  const off = /\toff$|^shopt -u /m.test(stdout);
  const quiet = names.length > 0 && names.every((n) => n === 'login_shell');
  const exitCode = r.stderr || !names.length ? r.exitCode : quiet || !off ? 0 : r.exitCode;
  return { stdout, stderr: r.stderr, exitCode };
}
