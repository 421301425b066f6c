/**
 * The rule table. Built here from the rule data, each rule's parameters parsed against its
 * template's schema (parse.ts). The CLI bundle holds this table already parsed, as data
 * (scripts/build-cli.ts: the build parses it with this module and fails on a mistake), so
 * `container-course check` neither loads zod nor builds a schema.
 */
import type { RuleDef } from '../rule.ts';
import { parseRules } from './parse.ts';
import { courseRules } from './course.ts';
import { crossRules } from './cross.ts';
import { dockerfileRules } from './dockerfile.ts';
import { pssRules } from './pss.ts';

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
