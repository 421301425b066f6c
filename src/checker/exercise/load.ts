/**
 * Reads an exercise file (YAML text) and validates it: the exercise against the schema, then
 * every check's parameters against its template's schema (parsed once, here: the loaded
 * exercise carries the parsed parameters, defaults filled in). Errors name the file, the
 * check, its template and the field.
 */
import { parse } from 'yaml';
import { exerciseSchema, type Exercise } from '../../schemas/exercise.ts';
import { parseClusterParams } from '../cluster/params.ts';
import { shellGoals } from '../goals/index.ts';
import { issuePath, parseParams, templateParams } from '../params.ts';
import { exerciseChecks } from './checks.ts';

export function loadExercise(text: string, file: string): { exercise: Exercise } | { error: string } {
  let raw: unknown;
  try {
    raw = parse(text, { uniqueKeys: true, maxAliasCount: 100 });
  } catch (e) {
    return { error: `${file}: ${(e as Error).message.split('\n')[0]}` };
  }
  return parseExercise(raw, file);
}

/**
 * An exercise as data (YAML already parsed, or an exercise frozen as JSON) validated as
 * loadExercise does; `where` starts each error (a file name, or `rule set V: exercises[N]`).
 */
export function parseExercise(raw: unknown, where: string): { exercise: Exercise } | { error: string } {
  const r = exerciseSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    return { error: `${where}: ${issuePath(issue.path) || '(root)'}: ${issue.message}` };
  }
  const ex = r.data;
  for (const c of ex.checks) {
    if (c.template === 'cluster' && (ex.kind === 'k8s-yaml' || ex.kind === 'dockerfile')) {
      const p = parseClusterParams(c.params);
      if ('error' in p) return { error: `${where}: check ${c.id} (cluster): ${p.error}` };
      c.params = p.params;
      continue;
    }
    const known = ex.kind === 'shell-goal' ? shellGoals : exerciseChecks;
    const def = Object.hasOwn(known, c.template) ? known[c.template] : undefined;
    if (!def) return { error: `${where}: check ${c.id} names unknown template "${c.template}"` };
    const p = parseParams(templateParams(def), c.params);
    if ('error' in p) return { error: `${where}: check ${c.id} (${c.template}): ${p.error}` };
    c.params = p.params as Record<string, unknown>;
  }
  const ids = new Set([...ex.checks.map((c) => c.id), ...(ex.kind === 'quiz' ? ex.questions.map((q) => q.id) : [])]);
  for (const h of ex.hints) for (const f of h.when.failed ?? []) if (!ids.has(f)) return { error: `${where}: hint ${h.id} refers to unknown check "${f}"` };
  return { exercise: ex };
}
