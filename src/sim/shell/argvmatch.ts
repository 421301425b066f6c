/**
 * A command of the line as its words were written, matched against the argv it ran with: the line's checks (mergedIn,
 * for line.ts mergedOf: whose stderr goes into its stdout) read the parse, the commands see the expanded words. A word with an
 * expansion stands for what it may become: one word whatever its value when nothing splits it (`"$c"`, `~/f`), any
 * number of words when the shell may split or glob it (`$c`, `*.txt`, `$(cmd)`, `"$@"`). Without this, `bash -c "$c"
 * 2>&1` matched nothing and its stderr came after its stdout.
 */

/** A word that is one argument whatever it expands to. */
export const ANY_WORD = '\0word';
/** A word that may be none, one or many arguments. */
export const ANY_WORDS = '\0words';

type Part = { type: string; value?: string; parts?: Part[]; parameter?: string };
export type WordLike = { parts: Part[] };

/** A word's text as written, its expansions left out (the line's checks that match words as text: line.ts, linefds.ts). */
export function wordText(w: WordLike): string {
  return w.parts.map((p) => (p.value !== undefined ? p.value : p.parts ? wordText({ parts: p.parts }) : '')).join('');
}

/** Parts whose text is their value as written (quotes and escapes already taken off by the parser). */
const LITERAL = new Set(['Literal', 'SingleQuoted', 'Escaped']);
/** Expansions the shell does not split or glob, unquoted too (a tilde prefix). */
const ONE_WORD = new Set(['TildeExpansion']);

/** `"$@"`, `"${a[@]}"`: quoted, yet one argument per element. */
const spreads = (p: Part): boolean => p.type === 'ParameterExpansion' && (p.parameter === '@' || /\[@\]$/.test(p.parameter ?? ''));

/** What `w` stands for: its text when it has no expansion, else ANY_WORD or ANY_WORDS. */
export function wordPattern(w: WordLike): string {
  let text = '';
  let kind: 'text' | 'one' | 'many' = 'text';
  const visit = (parts: Part[], quoted: boolean) => {
    for (const p of parts) {
      if (LITERAL.has(p.type) && p.value !== undefined) text += p.value;
      else if (p.type === 'DoubleQuoted' && p.parts) visit(p.parts, true);
      else if (spreads(p) || (!quoted && !ONE_WORD.has(p.type))) kind = 'many';
      else if (kind === 'text') kind = 'one';
    }
  };
  visit(w.parts, false);
  return kind === 'text' ? text : kind === 'one' ? ANY_WORD : ANY_WORDS;
}

/** Whether `argv` is what the words of `pattern` (wordPattern's) can expand to (each (word, argument) pair tried once). */
export function argvMatches(pattern: readonly string[], argv: readonly string[]): boolean {
  const failed = new Set<number>();
  const at = (i: number, j: number): boolean => {
    if (i === pattern.length) return j === argv.length;
    const key = i * (argv.length + 1) + j;
    if (failed.has(key)) return false;
    const p = pattern[i];
    let ok = false;
    if (p === ANY_WORDS) for (let k = j; k <= argv.length && !ok; k++) ok = at(i + 1, k);
    else ok = j < argv.length && (p === ANY_WORD || p === argv[j]) && at(i + 1, j + 1);
    if (!ok) failed.add(key);
    return ok;
  };
  return at(0, 0);
}

type Redir = { fd?: number | null; operator: string; target?: WordLike };
type Node = { type?: string; redirections?: Redir[]; name?: WordLike; args?: WordLike[]; [k: string]: unknown };
type Statement = { pipelines: { commands: Node[]; pipeStderr?: boolean[] }[] };

/** Whether stderr goes where stdout goes after `redirs`, it did before them when `merged`. */
function mergedAfter(redirs: Redir[], merged: boolean): boolean {
  for (const r of redirs) {
    if (r.operator === '&>' || r.operator === '&>>') merged = true;
    else if ((r.fd ?? 1) === 1 && r.operator !== '<') merged = false;
    else if (r.fd === 2 && r.operator === '>&' && r.target && wordPattern(r.target) === '1') merged = true;
    else if (r.fd === 2) merged = false;
  }
  return merged;
}

/** A function's definition as just-bash parses it: its body is a compound command, with redirections of its own. */
type FunctionDef = { type?: string; name?: unknown; body?: Node; redirections?: Redir[] };

/**
 * The simple commands of `statements` whose stderr goes where their stdout goes, as argv patterns (wordPattern):
 * `2>&1` after any redirection of stdout, `&>`/`&>>`, `|&` into the next stage, or one of these on a compound command
 * around them (`{ …; } 2>&1`, `for …; done 2>&1`); the commands in loops, `if`s, groups and subshells too. A function's
 * body is searched where it is called (it runs with that call's redirections, then its definition's: bash@bash-5.2.21:
 * execute_cmd.c execute_function runs the body with the definition's redirections), for the functions the line defines
 * and those of `functions` (the session's, shellstate.ts).
 */
export function mergedIn(statements: Statement[], merged = false, out: string[][] = [], functions?: ReadonlyMap<string, unknown>): string[][] {
  const defs = new Map<string, FunctionDef>();
  for (const [k, v] of functions ?? []) defs.set(k, v as FunctionDef);
  definitions(statements, defs);
  walk(statements, merged, out, defs, new Set());
  return out;
}

/** The functions `statements` define, by name (the last definition of a name wins, as it would once run). */
function definitions(statements: Statement[], defs: Map<string, FunctionDef>): void {
  for (const st of statements)
    for (const pl of st.pipelines)
      for (const c of pl.commands) {
        if (c.type === 'FunctionDef' && typeof c.name === 'string') defs.set(c.name, c as FunctionDef);
        else if (c.type !== 'SimpleCommand') for (const body of bodiesOf(c)) definitions(body, defs);
      }
}

function walk(statements: Statement[], merged: boolean, out: string[][], defs: Map<string, FunctionDef>, seen: Set<string>): void {
  for (const st of statements)
    for (const pl of st.pipelines)
      pl.commands.forEach((c, i) => {
        const m = mergedAfter(c.redirections ?? [], merged || Boolean(pl.pipeStderr?.[i]));
        if (c.type === 'FunctionDef') return;
        if (c.type !== 'SimpleCommand') {
          for (const body of bodiesOf(c)) walk(body, m, out, defs, seen);
          return;
        }
        if (!c.name) return;
        if (m) out.push(...runAs([wordPattern(c.name), ...(c.args ?? []).map(wordPattern)]));
        // A call of a function: its body, once for each way in (merged or not), so a recursive one ends.
        const def = defs.get(wordPattern(c.name));
        const body = def?.body;
        if (!def || !body) return;
        const inner = mergedAfter(body.redirections ?? [], mergedAfter(def.redirections ?? [], m));
        const key = `${wordPattern(c.name)}\0${inner}`;
        if (seen.has(key)) return;
        seen.add(key);
        for (const list of bodiesOf(body)) walk(list, inner, out, defs, seen);
      });
}

/**
 * The argv a command written as `words` runs as: itself, and for a file of the learner's (`__cc_path NAME ARGS…`,
 * pathexec.ts) what execve makes of it: `NAME ARGS…`, `INTERP NAME ARGS…`, `INTERP ARG NAME ARGS…` (binfmt_script).
 */
function runAs(words: string[]): string[][] {
  if (words[0] !== '__cc_path' || words.length < 2) return [words];
  const file = words.slice(1);
  return [words, file, [ANY_WORD, ...file], [ANY_WORD, ANY_WORD, ...file]];
}

/** The statement lists a compound command runs (just-bash's AST: ast/types.d.ts). */
function bodiesOf(c: Node): Statement[][] {
  const lists: unknown[] = [c.body, c.condition, c.elseBody];
  for (const cl of (c.clauses as { condition: unknown; body: unknown }[] | undefined) ?? []) lists.push(cl.condition, cl.body);
  for (const it of (c.items as { body: unknown }[] | undefined) ?? []) lists.push(it.body);
  return lists.filter((l): l is Statement[] => Array.isArray(l));
}
