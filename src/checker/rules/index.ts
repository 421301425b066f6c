import type { RuleDef, RuleTarget, RuleTemplate } from '../rule.ts';
import { parseParams } from '../params.ts';
import { crossTemplates, dockerfileTemplates, workloadTemplates } from '../templates/index.ts';
import { courseRules } from './course.ts';
import { crossRules } from './cross.ts';
import { dockerfileRules } from './dockerfile.ts';
import { pssRules } from './pss.ts';

const TEMPLATES: Record<RuleTarget, Record<string, RuleTemplate<never>>> = { workload: workloadTemplates, dockerfile: dockerfileTemplates, cross: crossTemplates };

/**
 * The rule table: every rule with its parameters parsed against its rule template's schema
 * (defaults filled in), once, here. A mistake throws, naming the file, the rule, the
 * template and the field: `src/checker/rules/pss.ts: rule pss-privileged
 * (container-field-allowed): params.field: Invalid input: expected string, received undefined`.
 */
export function parseRules(sources: [file: string, rules: RuleDef[]][]): RuleDef[] {
  const seen = new Map<string, string>();
  return sources.flatMap(([file, rules]) =>
    rules.map((r) => {
      const first = seen.get(r.id);
      if (first) throw new Error(`${file}: rule ${r.id}: the id is already used in ${first}`);
      seen.set(r.id, file);
      const templates = TEMPLATES[r.target];
      const t = Object.hasOwn(templates, r.template) ? templates[r.template] : undefined;
      if (!t) throw new Error(`${file}: rule ${r.id} names unknown ${r.target} template "${r.template}"`);
      const p = parseParams(t.params, r.params);
      if ('error' in p) throw new Error(`${file}: rule ${r.id} (${r.template}): ${p.error}`);
      return { ...r, params: p.params as Record<string, unknown> };
    }),
  );
}

const course = 'src/checker/rules/course.ts';

/** Every rule, in a fixed order (the order findings are reported in on one line). */
export const ALL_RULES: RuleDef[] = parseRules([
  [course, courseRules.slice(0, 1)],
  ['src/checker/rules/pss.ts', pssRules],
  [course, courseRules.slice(1)],
  ['src/checker/rules/dockerfile.ts', dockerfileRules],
  ['src/checker/rules/cross.ts', crossRules],
]);

export const RULES_BY_ID: Map<string, RuleDef> = new Map(ALL_RULES.map((r) => [r.id, r]));
