/**
 * Two places where just-bash's interpreter (node_modules/just-bash 3.4.2, interpreter.ts and the word expansion) is
 * not bash 5.2, put right by a transform plugin on every Bash:
 *
 * 1. A command of assignments only (`x=3`) leaves `$?` as the command before left it; bash sets it to 0, or to the
 *    status of the last command substitution among its words (bash@bash-5.2.21:execute_cmd.c execute_null_command:
 *    "if a command substitution took place ... return the value of that substitution. Otherwise, return
 *    EXECUTION_SUCCESS"), and empties `$_` (execute_simple_command: bind_lastarg (NULL)). just-bash has the second
 *    case right; the first runs as `{ x=3; __cc_status 0 ''; }`: after the assignments (`rc=$?` still reads the
 *    status before), status 0 and an empty last argument. In a loop's or a function's body (LOOPS) see statusInBody.
 * 2. `${x:?word}` / `${x?word}` (ErrorIfUnset): just-bash says `bash: word`, or `bash: x: parameter null or not set`
 *    also for the colon-less form, and ends the whole exec as `exit` does, with the Bash's state from before the line
 *    (a `cd` or an assignment earlier on the line undone: the prompt went back to `/`). bash 5.2 reports
 *    "%s: %s" (name, word), "%s: parameter not set" (`${x?}`) or "%s: parameter null or not set" (`${x:?}`)
 *    (bash@bash-5.2.21:subst.c parameter_brace_expand_error, report_error), status 1; an interactive shell then
 *    drops the rest of the line and keeps its state (expand_wdesc_error), a non-interactive one exits (fatal).
 *    The plugin puts the name in the word, so just-bash's text is bash's. At the prompt (the line's `__cc_sh bashi`
 *    mark, notfound.ts) the word also begins with a mark (MARK), and each statement that holds such an expansion is
 *    preceded by `__cc_pseen`, which keeps the shell's directory and variables as that statement begins;
 *    `interactiveAbort` then gives the line the state it had, and takes the mark out.
 *
 * 3. `set -o`, `set +o` and `set -o NAME` for a NAME bash has not: setopt.ts.
 * 4. `$BASH_VERSION` is bash 5.2.21's (just-bash says 5.1.0), nothing in dash and ash.
 */
import type * as JB from 'just-bash';
import { rewriteSet, setCommands } from './setopt.ts';
import { attributed, inOrderBuiltin, inOrderCommand } from './builtin-order.ts';
import { ENABLE, enableCommand } from './enable.ts';
import { TRAP, trapCommand } from './trap.ts';
import { exitingCommand, markExits } from './exitline.ts';
import { attached } from '../attached.ts';

type Node = { type?: string; [k: string]: unknown };

/**
 * bash 5.2.21 as Ubuntu 24.04 ships it (5.2.21-2ubuntu4): dist_version "5.2", patch_level 21, build_version 1 and
 * release_status "release" as "%s.%d(%d)-%s" (bash@bash-5.2.21:version.c shell_version_string; the tag is bminor/bash's
 * commit 2bb3cbef, "Bash-5.2 patch 21").
 */
export const BASH_VERSION = '5.2.21(1)-release';
type Word = { type: 'Word'; parts: Node[] };

/** Begins the word of an ErrorIfUnset expansion on a line typed at bash's prompt (no text has it). */
const MARK = '\u0001cc-perr\u0001';
/** Begins it in a script of bash or dash: childShell words the line's start (`scriptParamError`). */
const SCRIPT_MARK = '\u0001cc-perr-script\u0001';

const lit = (value: string): Node => ({ type: 'Literal', value });
const command = (name: string, args: string[]): Node => ({
  type: 'SimpleCommand',
  name: { type: 'Word', parts: [lit(name)] },
  args: args.map((a) => ({ type: 'Word', parts: [a ? lit(a) : { type: 'SingleQuoted', value: '' }] })),
  assignments: [],
  redirections: [],
});
const statement = (cmd: Node): Node => ({
  type: 'Statement',
  pipelines: [{ type: 'Pipeline', commands: [cmd], negated: false, timed: false, timePosix: false }],
  operators: [],
  background: false,
});

/** Per Bash: the shell's state as the last `__cc_pseen` saw it. */
const seen = attached<JB.Bash, { cwd: string; env: Record<string, string> }>('seen');

/**
 * Bodies run many times, where an assignment's extra command would count against the line's command budget
 * (limits.ts, 3,000): there the status fix (1.) takes no command (statusInBody).
 */
const LOOPS = new Set(['For', 'While', 'Until', 'CStyleFor', 'FunctionDef']);

/** Whether `n` holds a node of type `type` (not counting function bodies defined in it). */
function holds(n: unknown, type: string): boolean {
  if (Array.isArray(n)) return n.some((x) => holds(x, type));
  if (!n || typeof n !== 'object') return false;
  const o = n as Node;
  if (o.type === 'FunctionDef') return false;
  if (o.type === type) return true;
  return Object.values(o).some((v) => v && typeof v === 'object' && holds(v, type));
}

/** The words of the error as the shell `kind` (notfound.ts's ScriptShell, '' when unmarked) begins them, up to the text. */
function errorHead(kind: string, line: number, name: string): string {
  // bash's error_prolog: "line N: " only when not interactive (bash@bash-5.2.21:error.c); dash's exvwarning2 "%d: " always
  // (dash@v0.5.12:src/error.c). childShell (scriptResult) then puts the shell's $0 for just-bash's "bash: ".
  if (kind === 'bashi') return `${MARK}${name}: `;
  if (kind === 'bash') return `${SCRIPT_MARK}line ${line}: ${name}: `;
  if (kind === 'dash') return `${SCRIPT_MARK}${line}: ${name}: `;
  return `${name}: `;
}

/** The text of an ErrorIfUnset without a word: bash's (subst.c), or dash's and ash's varunset (" or null" after). */
function unsetText(kind: string, checkEmpty: boolean): string {
  if (kind === 'dash' || kind === 'ash') return `parameter not set${checkEmpty ? ' or null' : ''}`;
  return checkEmpty ? 'parameter null or not set' : 'parameter not set';
}

/**
 * 1. in a loop's or a function's body: an empty command substitution `$()` after the last scalar assignment's value,
 * which leaves the value as it was and gives the command the status 0 (just-bash sets `$?` from a substitution in an
 * assignment), with no command to count; bash runs no process for it (bash@bash-5.2.21:subst.c command_substitute:
 * "Don't fork () if there is no need to"; forks.ts leaves it alone). `$_` keeps its value there.
 */
function statusInBody(c: Node): void {
  const scalar = (c.assignments as Node[]).filter((a) => !a.array).at(-1);
  if (!scalar) return;
  const empty: Node = { type: 'CommandSubstitution', body: { type: 'Script', statements: [] }, legacy: false };
  const value = scalar.value as Word | null;
  scalar.value = { type: 'Word', parts: [...(value?.parts ?? []), empty] };
}

/** The rewrite of the file's head on one script's AST, for the shell `kind` its `__cc_sh` mark names. */
function rewrite(ast: Node, kind: string): void {
  const grouped = new WeakSet<Node>();
  const prompt = kind === 'bashi';
  const typed = prompt && attributed(ast);
  const visit = (n: unknown, param: string | undefined, line: number, looped: boolean): void => {
    if (Array.isArray(n)) {
      // A statement list: `__cc_pseen` before each statement holding an ErrorIfUnset (at the prompt).
      // Not in a loop's body (LOOPS): the one before the loop keeps the state as the loop begins.
      if (prompt && !looped && n.some((s) => (s as Node)?.type === 'Statement'))
        for (let i = n.length - 1; i >= 0; i--)
          if ((n[i] as Node).type === 'Statement' && holds(n[i], 'ErrorIfUnset')) n.splice(i, 0, statement(command('__cc_pseen', [])));
      n.forEach((x, i) => {
        const pe = x as Node;
        // $BASH_VERSION: bash's own (dash and ash have none; the name is then an unset variable's).
        if (pe?.type === 'ParameterExpansion' && pe.parameter === 'BASH_VERSION' && !pe.operation)
          n[i] = kind === 'dash' || kind === 'ash' ? { ...pe, parameter: '__cc_none' } : lit(BASH_VERSION);
        else visit(x, param, line, looped);
      });
      return;
    }
    if (!n || typeof n !== 'object') return;
    const o = n as Node;
    if (o.type === 'Pipeline') {
      const cmds = o.commands as Node[];
      cmds.forEach((c, i) => {
        const set = c.type === 'SimpleCommand' ? rewriteSet(c, kind) : undefined;
        if (set) cmds[i] = set;
        // The shell's `enable` (bash's only: enable.ts), `umask` (commands/umask.ts) and `trap` (trap.ts), which just-bash lacks.
        const word = c.type === 'SimpleCommand' && (c.name as Word | null)?.parts.length === 1 ? (c.name as Word).parts[0] : undefined;
        if (word?.type === 'Literal' && word.value === 'enable' && kind !== 'dash' && kind !== 'ash') c.name = { type: 'Word', parts: [lit(ENABLE)] };
        if (word?.type === 'Literal' && word.value === 'umask') c.name = { type: 'Word', parts: [lit('__cc_umask')] };
        if (word?.type === 'Literal' && word.value === 'trap') c.name = { type: 'Word', parts: [lit(TRAP)] };
        // A builtin that only prints, at the prompt: its output in its place (builtin-order.ts).
        const printing = prompt && !looped && cmds.length === 1 ? inOrderBuiltin(c, typed) : undefined;
        if (printing) cmds[i] = printing;
        if (c.type !== 'SimpleCommand' || c.name || !(c.assignments as unknown[]).length || (c.redirections as unknown[]).length) return;
        if (grouped.has(c) || holds(c.assignments, 'CommandSubstitution')) return;
        if (looped) {
          statusInBody(c);
          return;
        }
        grouped.add(c);
        cmds[i] = { type: 'Group', body: [statement(c), statement(command('__cc_status', ['0', '']))], redirections: [] };
      });
    }
    const at = typeof o.line === 'number' ? o.line : line;
    if (o.type === 'ErrorIfUnset' && param !== undefined) {
      const head = errorHead(kind, at, param);
      const parts = ((o.word as Word | null)?.parts ?? []).filter((p) => !(p.type === 'Literal' && p.value === ''));
      o.word = { type: 'Word', parts: parts.length ? [lit(head), ...parts] : [lit(`${head}${unsetText(kind, Boolean(o.checkEmpty))}`)] };
    }
    const name = o.type === 'ParameterExpansion' && typeof o.parameter === 'string' ? o.parameter : param;
    const inLoop = looped || LOOPS.has(o.type ?? '');
    for (const v of Object.values(o)) if (v && typeof v === 'object') visit(v, name, at, inLoop);
  };
  visit(ast, undefined, 1, false);
}

/**
 * The plugin, its `__cc_pseen` and setopt.ts's commands on a Bash (register before notfound.ts's plugin, which takes
 * the `__cc_sh` mark away); `done` hands a command's result to the runtime's trace.
 */
export function bashSemPlugin(bash: JB.Bash, done: (r: JB.ExecResult, argv?: string[]) => JB.ExecResult): void {
  for (const c of setCommands(done)) bash.registerCommand(c);
  bash.registerCommand(inOrderCommand(bash, done));
  bash.registerCommand(enableCommand(bash, done));
  bash.registerCommand(trapCommand(bash, done));
  bash.registerCommand(exitingCommand(bash));
  bash.registerCommand({
    name: '__cc_pseen',
    execute: async (_args, ctx) => {
      const env: Record<string, string> = {};
      ctx.env.forEach((v, k) => {
        env[k] = v;
      });
      seen.set(bash, { cwd: ctx.cwd, env });
      return { stdout: '', stderr: '', exitCode: Number(ctx.env.get('?') ?? 0) };
    },
  });
  bash.registerTransformPlugin({
    name: 'cc-bashsem',
    transform: ({ ast }) => {
      const first = (ast as unknown as { statements: { pipelines: { commands: Node[] }[] }[] }).statements[0]?.pipelines[0]?.commands[0];
      const text = (w: unknown) => String((w as Word | null)?.parts[0]?.value ?? '');
      const mark = first?.type === 'SimpleCommand' ? text(first.name) : '';
      const kind = mark === '__cc_sh' ? text(((first?.args ?? []) as Word[])[0]) : '';
      if (kind === 'bashi') markExits(ast);
      rewrite(ast as unknown as Node, kind);
      return { ast };
    },
  });
}

/**
 * A line typed at bash's prompt, as bash ends it: when an ErrorIfUnset stopped it (its marked text last on stderr, and
 * just-bash's exit result, which has no `?`), the state `__cc_pseen` kept, or else the state the line began with
 * (`start`: a function defined on an earlier line stopped it), and status 1; the marks out in any case.
 */
export function interactiveAbort<R extends { stderr: string; exitCode: number; env: Record<string, string> }>(
  bash: JB.Bash,
  r: R,
  start: { env: Record<string, string>; cwd: string },
): R {
  const kept = seen.get(bash);
  seen.delete(bash);
  if (!r.stderr.includes('\u0001cc-perr')) return r;
  const stopped = !('?' in r.env) && new RegExp(`^[^\\n]*${MARK}[^\\n]*\\n?$`).test(r.stderr.slice(r.stderr.lastIndexOf('\n', r.stderr.length - 2) + 1));
  const stderr = r.stderr.split(MARK).join('').split(SCRIPT_MARK).join('');
  if (!stopped) return { ...r, stderr };
  const state = kept ?? { env: { ...start.env }, cwd: start.cwd };
  return { ...r, stderr, exitCode: 1, env: { ...state.env, PWD: state.cwd } };
}

/**
 * A bash or dash script's result as its shell ends it. After an ErrorIfUnset: just-bash's "bash: " is the shell's $0
 * (`zero`), and dash exits with 2 as sh_error does (dash@v0.5.12:src/error.c, exraise EXERROR: exitstatus 2); bash 1.
 * Under `set -x`, the `__cc_status 0 ''` this plugin put after an assignment is not the script's: its trace line goes.
 * just-bash's byte count of stderr follows the text.
 */
export function scriptResult<R extends { stderr: string; exitCode: number }>(r: R, zero: string, dash: boolean, source = ''): R {
  if (!dash) r = unboundInScript(r, zero, source);
  // dash's varunset is an sh_error: exit status 2 (dash@v0.5.12:src/expand.c varunset, src/error.c sh_error).
  else if (r.exitCode === 1 && /^bash: \w+: unbound variable\n?$/m.test(r.stderr.slice(r.stderr.lastIndexOf('\n', r.stderr.length - 2) + 1)))
    r = { ...r, exitCode: 2 };
  if (!r.stderr.includes(SCRIPT_MARK) && !r.stderr.includes("+ __cc_status 0 ''\n")) return r;
  const last = r.stderr.slice(r.stderr.lastIndexOf('\n', r.stderr.length - 2) + 1).includes(SCRIPT_MARK);
  const stderr = r.stderr
    .split(`bash: ${SCRIPT_MARK}`)
    .join(`${zero}: `)
    .split(SCRIPT_MARK)
    .join('')
    .replace(/^\++ __cc_status 0 ''\n/gm, '');
  const acc = (r as { internalOutputAccounting?: { stdout: number; stderr: number } }).internalOutputAccounting;
  const counted = acc ? { internalOutputAccounting: { ...acc, stderr: new TextEncoder().encode(stderr).length } } : {};
  return { ...r, stderr, exitCode: dash && last && r.exitCode === 1 ? 2 : r.exitCode, ...counted };
}

/**
 * `set -u` in a bash script: just-bash says "bash: NAME: unbound variable"; bash's err_unboundvar is a report_error,
 * whose error_prolog names the script ($0) and, not interactive, the line (bash@bash-5.2.21:subst.c err_unboundvar,
 * error.c report_error, error_prolog: "%s: line %d: "). The line is the first of `source` that expands NAME.
 */
function unboundInScript<R extends { stderr: string }>(r: R, zero: string, source: string): R {
  const stderr = r.stderr.replace(/^bash: (\w+): unbound variable$/m, (_m, name: string) => {
    const at = source.split('\n').findIndex((l) => new RegExp(`\\$\\{?${name}(?!\\w)`).test(l));
    return `${zero}: line ${at < 0 ? 1 : at + 1}: ${name}: unbound variable`;
  });
  if (stderr === r.stderr) return r;
  const acc = (r as { internalOutputAccounting?: { stdout: number; stderr: number } }).internalOutputAccounting;
  return { ...r, stderr, ...(acc ? { internalOutputAccounting: { ...acc, stderr: new TextEncoder().encode(stderr).length } } : {}) };
}
