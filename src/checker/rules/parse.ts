import type { RuleDef, RuleTarget, RuleTemplate } from '../rule.ts';
import { parseParams, templateParams } from '../params.ts';
import { crossTemplates, dockerfileTemplates } from '../templates/dockerfile-index.ts';
import { workloadTemplates } from '../templates/index.ts';

const TEMPLATES: Record<RuleTarget, Record<string, RuleTemplate<never>>> = {
  workload: workloadTemplates,
  dockerfile: dockerfileTemplates,
  cross: crossTemplates,
};

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
      const p = parseParams(templateParams(t), r.params);
      if ('error' in p) throw new Error(`${file}: rule ${r.id} (${r.template}): ${p.error}`);
      return { ...r, params: p.params as Record<string, unknown> };
    }),
  );
}
