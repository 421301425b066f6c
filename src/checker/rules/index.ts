import type { RuleDef } from '../rule.ts';
import { courseRules } from './course.ts';
import { crossRules } from './cross.ts';
import { dockerfileRules } from './dockerfile.ts';
import { pssRules } from './pss.ts';

/** Every rule, in a fixed order (the order findings are reported in on one line). */
export const ALL_RULES: RuleDef[] = [...courseRules.slice(0, 1), ...pssRules, ...courseRules.slice(1), ...dockerfileRules, ...crossRules];

export const RULES_BY_ID: Map<string, RuleDef> = new Map(ALL_RULES.map((r) => [r.id, r]));
