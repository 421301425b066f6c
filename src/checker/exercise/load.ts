/** Reads an exercise file (YAML text) and validates it against the schema, with clear errors. */
import { parse } from 'yaml';
import { exerciseSchema, type Exercise } from '../../schemas/exercise.ts';
import { checkTemplates, subCheckError } from './checks.ts';
import { goalPredicates } from '../goals/index.ts';
import { goalParamsError } from '../goals/params.ts';
import { parseClusterParams } from '../cluster/params.ts';

export function loadExercise(text: string, file: string): { exercise: Exercise } | { error: string } {
  let raw: unknown;
  try {
    raw = parse(text, { uniqueKeys: true, maxAliasCount: 100 });
  } catch (e) {
    return { error: `${file}: ${(e as Error).message.split('\n')[0]}` };
  }
  const r = exerciseSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    return { error: `${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}` };
  }
  const ex = r.data;
  const known = ex.kind === 'shell-goal' ? goalPredicates : checkTemplates;
  for (const c of ex.checks) {
    if (c.template === 'cluster' && (ex.kind === 'k8s-yaml' || ex.kind === 'dockerfile')) {
      const p = parseClusterParams(c.params);
      if ('error' in p) return { error: `${file}: check ${c.id} (cluster): params.${p.error}` };
      c.params = p.params;
      continue;
    }
    if (!known[c.template]) return { error: `${file}: check ${c.id} names unknown template "${c.template}"` };
    if (ex.kind === 'shell-goal') {
      const e = goalParamsError(c.template, c.params);
      if (e) return { error: `${file}: check ${c.id} (${c.template}): ${e}` };
    }
    if (ex.kind !== 'shell-goal' && (c.template === 'any' || c.template === 'all')) {
      const e = subCheckError(c.params);
      if (e) return { error: `${file}: check ${c.id} (${c.template}): ${e}` };
    }
  }
  const ids = new Set([...ex.checks.map((c) => c.id), ...(ex.kind === 'quiz' ? ex.questions.map((q) => q.id) : [])]);
  for (const h of ex.hints) for (const f of h.when.failed ?? []) if (!ids.has(f)) return { error: `${file}: hint ${h.id} refers to unknown check "${f}"` };
  return { exercise: ex };
}
