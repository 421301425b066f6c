/**
 * `set -x` trace lines just-bash 3.4.2 does not write where bash 5.2 does, written by marks a transform puts in a line
 * that may trace (xtrace on as it begins, or a `set` in it) at bash's prompt on node1:
 *
 * - A `for` loop's head before each pass, `+ for i in a b`, the words as typed and unquoted (bash@bash-5.2.21:
 *   execute_cmd.c execute_for_command: `if (echo_command_at_execute) xtrace_print_for_command_head (for_command)` once
 *   per word of the expanded list; print_cmd.c xtrace_print_for_command_head: "for %s in " then
 *   xtrace_print_word_list (map_list, 2), whose flag 2 prints the words as they are). `for i; do` has the list `"$@"`
 *   (parse.y: `add_string_to_list ("\"$@\"", …)`). The mark is first in the loop's body.
 * - A command whose stderr goes to /dev/null (`cd /tmp 2>/dev/null`): bash writes the trace to the shell's stderr
 *   before the command's redirections are made (execute_cmd.c execute_simple_command traces, then
 *   execute_builtin_or_function / execute_disk_command do_redirections), where just-bash adds it to the command's
 *   stderr before redirecting that. The mark goes before the command in a group, with the command's words.
 * - `exit`: bash traces it like any command (`+ exit 3`); just-bash's ExitError drops the exit's own result with its
 *   trace. The mark goes before it the same way.
 * - `eval TEXT`: bash runs TEXT through parse_and_execute, one `+` deeper (builtins/evalstring.c
 *   `indirection_level++`). The mark traces `eval` as typed, TEXT begins with `__cc_xtm … in;`, which counts the level
 *   in `trace.evals` (`__cc_xt` adds it), and `__cc_xtm … out` after the eval takes it back (line.ts drops just-bash's
 *   trace of the eval with the added text).
 *
 * A mark is `__cc_xtm "$?" "$-" KIND WORDS…`: with `x` in `$-` it writes its trace line at the level `__cc_xt` would
 * (xtrace.ts), and its status is `$?` as it was. Its own trace line goes as the other `__cc_*` commands' do (line.ts
 * withoutOwnTrace; its chunk it takes back itself, only when traced: untraceOwn's wrapper would take back the chunk of
 * the command before it when xtrace is off). A command whose words could act when expanded twice (a command
 * substitution, arithmetic, `${x:=…}`) or with assignments before it is left as just-bash traces it.
 */
import type * as JB from 'just-bash';
import type { OutputTrace } from './ordered.ts';
import type { Session } from './types.ts';
import { ps4Prefix } from './xtrace.ts';

type Node = { type?: string; [k: string]: unknown };
type Part = { type: string; value?: string; parts?: Part[]; operation?: unknown };
type Word = { type: 'Word'; parts: Part[] };

const NAME = '__cc_xtm';
/** The shell's own PS4 while a line may trace (xtrace.ts USER_PS4). */
const USER_PS4 = '__cc_ps4';

const singleQuote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
const lit = (value: string): Word => ({ type: 'Word', parts: [{ type: 'Literal', value }] });
const nameOf = (c: Node) => {
  const parts = (c.name as Word | null)?.parts;
  return parts?.length === 1 && parts[0]?.type === 'Literal' ? parts[0].value : undefined;
};

/**
 * just-bash 3.4.2's quoting of a traced word (interpreter/helpers/xtrace.ts quoteForTrace), which line.ts
 * bashTraceLine reads back and quotes as bash does.
 */
function jbQuote(w: string): string {
  if (w === '') return "''";
  if (!/[\s'"\\$`!*?[\]{}|&;<>()~#\n\t]/.test(w)) return w;
  if (/[\0-\x1f\x7f\\]/.test(w)) {
    let out = '';
    for (const c of w) {
      const u = c.charCodeAt(0);
      if (c === '\n') out += '\\n';
      else if (c === '\t') out += '\\t';
      else if (c === '\\') out += '\\\\';
      else if (u < 32 || u === 127) out += `\\x${u.toString(16).padStart(2, '0')}`;
      else out += c;
    }
    return `$'${out}'`;
  }
  return w.includes("'") ? `"${w.replace(/([\\$`"])/g, '\\$1')}"` : `'${w}'`;
}

/** Whether expanding the word a second time could act or differ: a substitution, arithmetic, an operator on a name. */
function acts(parts: readonly Part[]): boolean {
  return parts.some(
    (p) =>
      ['CommandSubstitution', 'ArithmeticExpansion', 'ProcessSubstitution'].includes(p.type) ||
      (p.type === 'ParameterExpansion' && p.operation !== undefined && p.operation !== null) ||
      (p.parts !== undefined && acts(p.parts)),
  );
}

/** Whether `exit ARGS` exits (bash@bash-5.2.21:builtins/exit.def: at most one argument, a number). */
const exitEnds = (words: readonly string[]) => words.length <= 2 && (words.length === 1 || /^\s*[-+]?\d+\s*$/.test(words[1] ?? ''));

/** Whether the tree runs `set` somewhere (the line may turn xtrace on). */
function runsSet(n: unknown): boolean {
  if (Array.isArray(n)) return n.some(runsSet);
  if (!n || typeof n !== 'object') return false;
  const o = n as Node;
  if (o.type === 'SimpleCommand' && nameOf(o) === 'set') return true;
  return Object.values(o).some((v) => v && typeof v === 'object' && runsSet(v));
}

/** The head's text after `for `: the variable, `in`, the words as typed (just-bash's serialize of the list). */
function headOf(jb: typeof JB, f: Node): string {
  const words = f.words as JB.WordNode[] | null;
  if (!words) return `${String(f.variable)} in "$@"`;
  const cmd = { type: 'SimpleCommand', assignments: [], name: lit('x'), args: words, redirections: [] };
  const script = { type: 'Script', statements: [statement(cmd)] };
  return `${String(f.variable)} in ${jb
    .serialize(script as unknown as JB.ScriptNode)
    .replace(/\n$/, '')
    .slice(2)}`.trimEnd();
}

const statement = (command: unknown) => ({
  type: 'Statement',
  pipelines: [{ type: 'Pipeline', commands: [command], negated: false }],
  operators: [],
  background: false,
});

/** `__cc_xtm "$?" "$-" KIND …` as a command node. */
function markCommand(jb: typeof JB, kind: string, words: readonly unknown[]): Node {
  const [head] = jb.parse(`${NAME} "$?" "$-" ${kind}`).statements;
  const cmd = head?.pipelines[0]?.commands[0] as unknown as Node;
  cmd.args = [...(cmd.args as unknown[]), ...words];
  return cmd;
}

/**
 * Whether the simple command's stderr goes to /dev/null (`2>/dev/null`, `&>/dev/null`, `>&/dev/null`), where its
 * trace line is lost. To a file or `2>&1`, just-bash's trace goes with the stream (not modelled: bash writes it to
 * the shell's stderr).
 */
const stderrDropped = (c: Node) =>
  ((c.redirections as { fd: number | null; operator: string; target: Word }[] | undefined) ?? []).some(
    (r) =>
      ((r.fd === 2 && ['>', '>>', '>|'].includes(r.operator)) || (r.fd === null && ['&>', '&>>', '>&'].includes(r.operator))) &&
      r.target?.parts?.length === 1 &&
      r.target.parts[0]?.type === 'Literal' &&
      r.target.parts[0].value === '/dev/null',
  );

/** The command `c` with the mark before it in a group, or `c` as it is. */
function marked(jb: typeof JB, c: Node): Node {
  // notfound.ts puts a learner's `cd DIR` in a group that takes its redirections: `{ cd DIR || __cc_cdfail …; } 2>…`.
  const first = c.type === 'Group' ? ((c.body as Node[])[0]?.pipelines as Node[] | undefined)?.[0] : undefined;
  const cd = (first?.commands as Node[] | undefined)?.[0];
  if (cd?.type === 'SimpleCommand' && nameOf(cd) === 'cd' && stderrDropped(c) && !(cd.args as Word[]).some((w) => acts(w.parts)))
    return { type: 'Group', body: [statement(markCommand(jb, 'cmd', [cd.name, ...(cd.args as Word[])])), statement(c)], redirections: [], xtm: true };
  if (c.type !== 'SimpleCommand' || !c.name || (c.assignments as unknown[]).length) return c;
  const name = nameOf(c);
  if (name?.startsWith('__cc_') || !(name === 'exit' || name === 'eval' || stderrDropped(c))) return c;
  const words = [c.name, ...(c.args as Word[])] as Word[];
  if (words.some((w) => acts(w.parts))) return c;
  if (name === 'eval' && !(c.redirections as unknown[]).length) {
    // `eval TEXT` traces as typed, then its text one level deeper: the text begins with the mark that counts it.
    const inner = { ...c, args: [lit(`${NAME} "$?" "$-" in;`), ...(c.args as Word[])] };
    const body = [markCommand(jb, 'cmd', words), inner, markCommand(jb, 'out', [])].map(statement);
    return { type: 'Group', body, redirections: [], xtm: true };
  }
  if (name === 'eval') return c;
  return { type: 'Group', body: [statement(markCommand(jb, 'cmd', words)), statement(c)], redirections: [], xtm: true };
}

/** The tree with its marks. */
function mark(jb: typeof JB, n: unknown): void {
  if (Array.isArray(n)) {
    for (const x of n) mark(jb, x);
    return;
  }
  if (!n || typeof n !== 'object') return;
  const o = n as Node;
  // A group made here holds the mark and a simple command whose words substitute nothing: nothing more to mark.
  if (o.xtm) return;
  if (o.type === 'Pipeline') o.commands = (o.commands as Node[]).map((c) => marked(jb, c));
  for (const v of Object.values(o)) if (v && typeof v === 'object') mark(jb, v);
  if (o.type === 'For') {
    const head = jb.parse(`${NAME} "$?" "$-" for ${singleQuote(headOf(jb, o))}`).statements[0];
    if (head) (o.body as unknown[]).unshift(head);
  }
}

/** What the marks need of the shell runtime (runtime.ts ShellRuntime). */
interface MarksRuntime {
  /** The line's session. */
  readonly currentSession: Session | undefined;
  /** Hands the trace line to the runtime's trace. */
  inOrder<T extends { stdout: string; stderr: string; exitCode: number }>(r: T): T;
  /** The command substitutions being run (the level), and the subshell an `exit` ends. */
  readonly forks: { readonly substitutions: number; end(): void };
  readonly trace: OutputTrace;
}

/** The transform and `__cc_xtm` on a Bash of the host (runtime.ts, after untraceOwn). */
export function xtraceMarks(jb: typeof JB, bash: JB.Bash, rt: MarksRuntime): void {
  const { forks, trace } = rt;
  bash.registerCommand({
    name: NAME,
    execute: async (args, ctx) => {
      const [status = '0', flags = '', kind = '', ...words] = args;
      const exitCode = Number(status) || 0;
      if (kind === 'in') trace.evals++;
      if (kind === 'out') trace.evals = Math.max(0, trace.evals - 1);
      if (!flags.includes('x')) return { stdout: '', stderr: '', exitCode };
      // Its own trace line's chunk, noted by `__cc_xt` just before.
      trace.unrecordLine();
      if (kind === 'in' || kind === 'out') return { stdout: '', stderr: '', exitCode };
      // The command's own trace line goes to /dev/null or is dropped with exit's result: its prefix is not noted.
      if (kind === 'cmd') trace.skipNextLine = true;
      const body = kind === 'for' ? `for ${words[0] ?? ''}` : words.map(jbQuote).join(' ');
      const text = `${ps4Prefix(ctx.env.get(USER_PS4) ?? '+ ', 1 + forks.substitutions + trace.evals)}${body}\n`;
      // just-bash's ExitError skips the `__cc_forkend` of the subshell it leaves: the levels after it count it no more.
      if (kind === 'cmd' && words[0] === 'exit' && exitEnds(words)) forks.end();
      return rt.inOrder({ stdout: '', stderr: text, exitCode });
    },
  });
  bash.registerTransformPlugin({
    name: 'cc-xtrace-marks',
    transform: ({ ast }) => {
      const s = rt.currentSession;
      if (s?.shell === 'bash' && s.root === 'host' && (s.shellState?.options.xtrace || runsSet(ast))) mark(jb, ast);
      return { ast };
    },
  });
}
