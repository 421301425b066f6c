/** One parse of a line for the checks made before it runs (line.ts, background.ts). */
import type * as JB from 'just-bash';

/**
 * The last line each shell parsed, with what just-bash's transform gave (its AST, or the error): the checks a line
 * gets before it runs (runtime.ts run: pipelinesOf, mergedOf, braceOverflow, background.ts, then line.ts asGroup) read
 * one parse, where each parsed the line again (the parse, every transform plugin and the printer). They all run in
 * one synchronous stretch, and the parse is kept for that stretch only (dropped at the next microtask): the plugins
 * read the shell's state, which running the line changes. Callers only read the AST.
 */
const parsed = new WeakMap<JB.Bash, { line: string; ast?: JB.ScriptNode; error?: unknown }>();
export function parseLine(bash: JB.Bash, line: string): JB.ScriptNode {
  const last = parsed.get(bash);
  if (last?.line === line) {
    if (last.ast) return last.ast;
    throw last.error;
  }
  let entry: { line: string; ast?: JB.ScriptNode; error?: unknown };
  try {
    entry = { line, ast: bash.transform(line).ast };
  } catch (error) {
    entry = { line, error };
  }
  parsed.set(bash, entry);
  queueMicrotask(() => {
    if (parsed.get(bash) === entry) parsed.delete(bash);
  });
  if (entry.ast) return entry.ast;
  throw entry.error;
}
