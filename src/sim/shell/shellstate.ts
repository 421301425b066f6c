/**
 * What an interactive shell keeps from one line to the next besides its variables: its functions, its `set -o`
 * options and its `shopt` options (bash 5.2 keeps all three in the one shell process; so do dash and busybox ash).
 *
 * just-bash (node_modules/just-bash, Bash.execInScope) starts every exec from the Bash's own state, copying its
 * function table and `set` options (`functions: new Map(this.state.functions)`, `options: {...this.state.options}`)
 * and sharing its `shoptOptions` object; what a line changes in the copies is dropped when the exec returns, and only
 * its variables come back (ExecResult.env). So each session keeps a ShellState of its own, put in the Bash's state
 * around each of its lines (withShellState), and filled from what the line did:
 * - a function definition is rewritten by a transform plugin into `{ NAME () BODY; __cc_fndef ID; }`: when the
 *   definition runs, `__cc_fndef` keeps its node (just-bash runs the node it parsed, so the node is the function);
 * - the line ends with `__cc_keep=$?; declare -F | __cc_keep "$__cc_keep"` when the session has or may define
 *   functions: the names still defined (so `unset -f` holds) and the line's status back;
 * - the `set` options come back in the line's `$SHELLOPTS` (just-bash rebuilds it on every `set`);
 * - the `shopt` options object is the session's own, changed in place.
 * A function defined by text just-bash parses at run time (`eval`, `source`) has no node here and is not kept.
 */
import type * as JB from 'just-bash';
import type { Session } from './types.ts';
import { attached } from '../attached.ts';

type Options = Record<string, boolean>;
/** The part of just-bash's per-Bash interpreter state this file touches. */
type JbState = { functions: Map<string, unknown>; options: Options; shoptOptions: Options };

export interface ShellState {
  functions: Map<string, unknown>;
  options: Options;
  shopt: Options;
  /** The aliases the line starts with (just-bash keeps an alias as the variable BASH_ALIAS_NAME). */
  aliases?: Set<string>;
  /** `trap`'s actions by signal name (trap.ts). */
  traps?: Map<string, string>;
  /** The builtins `enable -n` turned off (enable.ts). */
  disabled?: Set<string>;
}

/** The `set -o` options just-bash writes into $SHELLOPTS when they are on (its other options: vi, emacs, are not there). */
const IN_SHELLOPTS = ['allexport', 'errexit', 'noclobber', 'noexec', 'noglob', 'nounset', 'pipefail', 'posix', 'verbose', 'xtrace'];

/** The variable the line's trailer keeps its status in (sessionVars drops it). */
export const KEEP_VAR = '__cc_keep';

const ALIAS_VAR = 'BASH_ALIAS_';

/** Whether the line being run on `bash` starts with `name` as a function or an alias (notfound.ts leaves it to the shell). */
export function shellKnows(bash: JB.Bash, name: string): boolean {
  const st = running.get(bash)?.at(-1);
  return Boolean(st && (st.functions.has(name) || st.aliases?.has(name)));
}

/** Whether the shell option `name` is on in the line being run on `bash` (login_shell, which just-bash lists as off). */
export function shoptOn(bash: JB.Bash, name: string): boolean {
  return Boolean(running.get(bash)?.at(-1)?.shopt[name]);
}

/** The traps of the shell whose line is being run on `bash` (trap.ts). */
export function shellTraps(bash: JB.Bash): Map<string, string> {
  const st = running.get(bash)?.at(-1);
  if (!st) return new Map();
  st.traps ??= new Map();
  return st.traps;
}

/** The builtins `enable -n` turned off in the shell whose line is being run on `bash` (enable.ts). */
export function disabledBuiltins(bash: JB.Bash): Set<string> {
  const st = running.get(bash)?.at(-1);
  if (!st) return new Set();
  st.disabled ??= new Set();
  return st.disabled;
}

/** Per Bash: the states of the lines being run, innermost last (a child shell runs inside its parent's line). */
const running = attached<JB.Bash, ShellState[]>('running');
/** Per Bash: the function nodes the transform plugin saw, by the id `__cc_fndef` is given. */
const nodes = attached<JB.Bash, { list: unknown[] }>('nodes');

const stateOf = (bash: JB.Bash) => (bash as unknown as { state?: JbState }).state;

/**
 * A new shell's state: no functions, just-bash's default options, and `expand_aliases` on when the shell is
 * interactive (bash-5.2:shell.c: `expand_aliases = posixly_correct` for a non-interactive shell, on in an
 * interactive one; builtins/shopt.def lists expand_aliases among the options).
 */
export function newShellState(bash: JB.Bash, interactive: boolean): ShellState {
  const state = defaults.get(bash) ?? stateOf(bash);
  return {
    functions: new Map(),
    options: { ...(state?.options ?? {}) },
    shopt: { ...(state?.shoptOptions ?? {}), expand_aliases: interactive },
  };
}

/** Per Bash: its options as just-bash made them, before any line changed them. */
const defaults = attached<JB.Bash, { options: Options; shoptOptions: Options }>('defaults');

/** The session's state (made on its first line). */
export function sessionState(bash: JB.Bash, session: Session): ShellState {
  if (session.shellState) return session.shellState;
  session.shellState = newShellState(bash, !session.script);
  // A login shell (its $0 begins with `-`, as login(1) and sshd start it): `shopt login_shell` is on (bash-5.2:shell.c
  // `login_shell = -login_shell` for an argv[0] of `-…`; builtins/shopt.def reads it as a read-only option).
  if (session.proc.argv[0]?.startsWith('-')) session.shellState.shopt.login_shell = true;
  return session.shellState;
}

/** Runs `fn` (one exec of a line) with `st` as the Bash's state; the line's `set` options come back from its $SHELLOPTS. */
export async function withShellState<T extends { env?: Record<string, string> }>(
  bash: JB.Bash,
  st: ShellState,
  env: Record<string, string>,
  fn: () => Promise<T>,
): Promise<T> {
  const state = stateOf(bash);
  if (!state) return fn();
  st.aliases = new Set(Object.keys(env).flatMap((k) => (k.startsWith(ALIAS_VAR) ? [k.slice(ALIAS_VAR.length)] : [])));
  const saved = { functions: state.functions, options: state.options, shoptOptions: state.shoptOptions };
  state.functions = st.functions;
  state.options = st.options;
  state.shoptOptions = st.shopt;
  const stack = running.get(bash) ?? [];
  running.set(bash, stack);
  // A new line typed at the prompt: the definitions its parse will mark are numbered from 0 again.
  if (!stack.length) nodes.get(bash)?.list.splice(0);
  stack.push(st);
  try {
    const r = await fn();
    const opts = r.env?.SHELLOPTS;
    if (opts !== undefined) {
      const on = new Set(opts.split(':'));
      for (const k of IN_SHELLOPTS) if (k in st.options) st.options[k] = on.has(k);
    }
    return r;
  } finally {
    stack.pop();
    Object.assign(state, saved);
  }
}

/** The trailer a line gets when its functions must be kept (see the file's head): only when there are or may be some. */
export function keepTrailer(session: Session, line: string): string {
  const has = (session.shellState?.functions.size ?? 0) > 0 || /\(\s*\)|\bfunction\b/.test(line);
  return has ? `\n${KEEP_VAR}=$?; declare -F | ${KEEP_VAR} "$${KEEP_VAR}"` : '';
}

/** The plugin that marks function definitions, and the two commands of the file's head, on a Bash. */
export function shellStatePlugin(bash: JB.Bash): void {
  const seen = { list: [] as unknown[] };
  nodes.set(bash, seen);
  const state = stateOf(bash);
  if (state) defaults.set(bash, { options: { ...state.options }, shoptOptions: { ...state.shoptOptions } });
  const top = () => running.get(bash)?.at(-1);
  bash.registerCommand({
    name: '__cc_fndef',
    execute: async (args) => {
      const node = seen.list[Number(args[0])] as { name?: string } | undefined;
      if (node?.name) top()?.functions.set(node.name, node);
      return { stdout: '', stderr: '', exitCode: 0 };
    },
  });
  bash.registerCommand({
    name: KEEP_VAR,
    execute: async (args, ctx) => {
      const st = top();
      if (st) {
        // declare -F: `declare -f NAME` a line (bash-5.2:builtins/declare.def, the -F listing).
        const names = new Set((ctx.stdin as unknown as string).split('\n').map((l) => l.replace(/^declare -f\s+/, '').trim()));
        for (const name of [...st.functions.keys()]) if (!names.has(name)) st.functions.delete(name);
      }
      return { stdout: '', stderr: '', exitCode: Number(args[0] ?? 0) };
    },
  });
  // declare -f [NAME…]: each function as bash prints its definition (bash-5.2:builtins/declare.def, named_function_string),
  // which just-bash's `type` prints after its "NAME is a function" line and its `declare -f` leaves as "# function body";
  // with no name, every function, by name; a name that is no function: status 1, nothing said.
  bash.registerCommand({
    name: '__cc_declf',
    execute: async (args, ctx) => {
      const names = args.length > 1 ? args.slice(1) : [...(top()?.functions.keys() ?? [])].sort();
      let stdout = '';
      let exitCode = 0;
      for (const name of names) {
        const quoted = `'${name.replace(/'/g, `'\\''`)}'`;
        const r = await ctx.exec?.(`type -- ${quoted}`, { cwd: ctx.cwd, env: Object.fromEntries(ctx.env), replaceEnv: true });
        const head = `${name} is a function\n`;
        if (r?.exitCode === 0 && r.stdout.startsWith(head)) stdout += r.stdout.slice(head.length);
        else exitCode = 1;
      }
      return { stdout, stderr: '', exitCode };
    },
  });
  bash.registerTransformPlugin({
    name: 'cc-functions',
    transform: ({ ast }) => {
      const visit = (n: unknown): void => {
        if (Array.isArray(n)) {
          n.forEach((x, i) => {
            const o = x as { type?: string; name?: string } | null;
            if (o?.type === 'FunctionDef' && typeof o.name === 'string') {
              visit(o);
              n[i] = markDef(bash, seen, o);
            } else visit(x);
          });
          return;
        }
        if (!n || typeof n !== 'object') return;
        const o = n as Record<string, unknown>;
        if (o.type === 'FunctionDef' && (o as { marked?: boolean }).marked) return;
        if (o.type === 'SimpleCommand' && isDeclareF(o)) o.name = { type: 'Word', parts: [{ type: 'Literal', value: '__cc_declf' }] };
        for (const v of Object.values(o)) if (v && typeof v === 'object') visit(v);
      };
      visit(ast);
      return { ast };
    },
  });
}

/** `declare -f` or `typeset -f`, then plain names (other options stay just-bash's). */
function isDeclareF(o: Record<string, unknown>): boolean {
  const lit = (w: unknown) => {
    const parts = (w as { parts?: { type: string; value?: string }[] } | null)?.parts;
    return parts?.length === 1 && parts[0]?.type === 'Literal' ? parts[0].value : undefined;
  };
  const args = (o.args as unknown[] | undefined) ?? [];
  const name = lit(o.name);
  return (name === 'declare' || name === 'typeset') && lit(args[0]) === '-f' && args.slice(1).every((a) => /^[\w:.-]+$/.test(lit(a) ?? ''));
}

type Group = { body: { pipelines: { commands: ({ args: { parts: { value?: string }[] }[] } | object)[] }[] }[] };
const templates = attached<JB.Bash, Group>('templates');

/** `{ DEF; __cc_fndef ID; }`: the definition, then the note that it ran. */
function markDef(bash: JB.Bash, seen: { list: unknown[] }, def: object): unknown {
  (def as { marked?: boolean }).marked = true;
  seen.list.push(def);
  let template = templates.get(bash);
  if (!template) {
    const ast = bash.transform('{ : ; __cc_fndef 0; }').ast as unknown as { statements: { pipelines: { commands: Group[] }[] }[] };
    template = ast.statements[0]?.pipelines[0]?.commands[0] as Group;
    templates.set(bash, template);
  }
  const group = structuredClone(template);
  const [first, second] = group.body;
  if (first?.pipelines[0]) first.pipelines[0].commands[0] = def;
  const mark = second?.pipelines[0]?.commands[0] as { args: { parts: { value?: string }[] }[] } | undefined;
  const part = mark?.args[0]?.parts[0];
  if (part) part.value = String(seen.list.length - 1);
  return group;
}
