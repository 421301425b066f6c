/** One parse of a line for the checks made before it runs (line.ts, background.ts), and the check of its brace ranges. */
import type * as JB from 'just-bash';
import { LIMITS } from './limits.ts';
import { attached } from '../attached.ts';

/**
 * The last line each shell parsed, with what just-bash's transform gave (its AST, or the error): the checks a line
 * gets before it runs (runtime.ts run: pipelinesOf, mergedOf, braceOverflow, background.ts, then line.ts asGroup) read
 * one parse, where each parsed the line again (the parse, every transform plugin and the printer). They all run in
 * one synchronous stretch, and the parse is kept for that stretch only (dropped at the next microtask): the plugins
 * read the shell's state, which running the line changes. Callers only read the AST.
 */
const parsed = attached<JB.Bash, { line: string; ast?: JB.ScriptNode; error?: unknown }>('parsed');
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

/**
 * The line's statements as just-bash's parser gives them, for a check that reads only what the parser decides (how
 * many statements, which kept an error for when they run): the parse another check of this line already made
 * (parseLine), else a parse without the transform plugins, which the line's run applies anyway (a typed line was
 * parsed and transformed twice: 12 % of a `true`; issue #10).
 */
export function parsedStatements(bash: JB.Bash, line: string): JB.ScriptNode['statements'] {
  const last = parsed.get(bash);
  if (last?.line === line) {
    if (last.ast) return last.ast.statements;
    throw last.error;
  }
  const shell = bash as unknown as { transformPlugins: unknown[] };
  const plugins = shell.transformPlugins;
  shell.transformPlugins = [];
  try {
    return bash.transform(line).ast.statements;
  } finally {
    shell.transformPlugins = plugins;
  }
}

/**
 * Whether a brace range on the line makes more words than LIMITS.braceResults (`{1..1000000}`),
 * which just-bash would cut short without a word; parsed by just-bash itself.
 */
export function braceOverflow(bash: JB.Bash, line: string): boolean {
  if (!/\{[^}]*\.\./.test(line)) return false;
  let ast: unknown;
  try {
    ast = parseLine(bash, line);
  } catch {
    return false;
  }
  const count = (r: { start: string | number; end: string | number; step?: number }): number => {
    const a = typeof r.start === 'number' ? r.start : Number.isFinite(Number(r.start)) ? Number(r.start) : String(r.start).charCodeAt(0);
    const b = typeof r.end === 'number' ? r.end : Number.isFinite(Number(r.end)) ? Number(r.end) : String(r.end).charCodeAt(0);
    return Math.floor(Math.abs(b - a) / Math.max(1, Math.abs(r.step ?? 1))) + 1;
  };
  const seen = new Set<unknown>();
  const walk = (n: unknown): boolean => {
    if (!n || typeof n !== 'object' || seen.has(n)) return false;
    seen.add(n);
    if (Array.isArray(n)) return n.some(walk);
    const o = n as { type?: string; items?: { type: string; start: string | number; end: string | number; step?: number }[] };
    if (o.type === 'BraceExpansion' && o.items?.some((i) => i.type === 'Range' && count(i) > LIMITS.braceResults)) return true;
    return Object.values(o).some(walk);
  };
  return walk(ast);
}
