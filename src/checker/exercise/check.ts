/**
 * What an exercise check is in code: a zod schema for its parameters and a pure test over
 * the parsed submission. Exercises name a check by key (`template:`) and fill in `params:`,
 * which are parsed against the schema once, when the exercise loads (load.ts). As for rule
 * templates (rule.ts), the schema is a function of the zod it is given, so grading (the lesson
 * page's worker, `container-course grade`) never loads zod: params.ts templateParams builds it.
 */
import type { z } from 'zod';
import type { Zod } from '../rule.ts';
import type { DockerfileModel } from '../parse/dockerfile-model.ts';
import type { ParsedManifests } from '../parse/yaml.ts';
import { parseQuantity } from '../quantity.ts';
import type { Finding, InputError } from '../types.ts';
import { regex } from '../schema-parts.ts';

export interface TextGradeContext {
  files: Record<string, string>;
  manifests: ParsedManifests[];
  dockerfiles: DockerfileModel[];
  findings: Finding[];
  errors: InputError[];
}

export interface CheckTemplate<S extends z.ZodType = z.ZodType> {
  /** The parameters' schema, built from the zod it is given (params.ts templateParams). */
  params: (z: Zod) => S;
  /** Whether the submission passes, given parameters parsed by `params`. */
  test(ctx: TextGradeContext, params: z.output<S>): boolean;
}

export function defineCheck<S extends z.ZodType>(def: {
  params: (z: Zod) => S;
  test: (ctx: TextGradeContext, params: z.output<S>) => boolean;
}): CheckTemplate<S> {
  return def;
}

export const OPS = [
  'equals',
  'oneOf',
  'matches',
  'notMatches',
  'exists',
  'contains',
  'containsIgnoreCase',
  'subsetOfIgnoreCase',
  'quantityEquals',
  'integerAtLeast',
] as const;
export type Op = (typeof OPS)[number];

/** The operators' operand: what `value` must be for each one. */
const operand = (z: Zod): Record<Op, z.ZodType | null> => ({
  equals: z.unknown(),
  oneOf: z.array(z.unknown()),
  matches: regex(z),
  notMatches: regex(z),
  exists: null,
  contains: z.unknown(),
  containsIgnoreCase: z.string(),
  subsetOfIgnoreCase: z.array(z.string()),
  quantityEquals: z.number(),
  integerAtLeast: z.number(),
});

/** A refinement that adds an issue at `value` when it does not fit `op`. */
export const checkOperand =
  (z: Zod) =>
  (p: { op?: string; value?: unknown }, ctx: z.RefinementCtx): void => {
    if (p.op === undefined || !(OPS as readonly string[]).includes(p.op)) return;
    const want = operand(z)[p.op as Op];
    if (want === null) return;
    if (p.value === undefined) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `op ${p.op} needs a value` });
      return;
    }
    const r = want.safeParse(p.value);
    if (!r.success) ctx.addIssue({ code: 'custom', path: ['value', ...r.error.issues[0]!.path], message: `op ${p.op}: ${r.error.issues[0]!.message}` });
  };

export function testValue(v: unknown, op: Op, want: unknown): boolean {
  switch (op) {
    case 'equals':
      return JSON.stringify(v) === JSON.stringify(want);
    case 'oneOf':
      return Array.isArray(want) && want.some((w) => JSON.stringify(w) === JSON.stringify(v));
    case 'matches':
      return typeof v === 'string' && new RegExp(String(want)).test(v);
    case 'notMatches':
      return typeof v === 'string' && !new RegExp(String(want)).test(v);
    case 'exists':
      return v !== undefined && v !== null;
    case 'contains':
      return Array.isArray(v) && v.some((x) => JSON.stringify(x) === JSON.stringify(want));
    case 'containsIgnoreCase':
      return Array.isArray(v) && v.some((x) => typeof x === 'string' && x.toUpperCase() === String(want).toUpperCase());
    case 'subsetOfIgnoreCase':
      return Array.isArray(v) && v.every((x) => typeof x === 'string' && (want as string[]).some((w) => w.toUpperCase() === x.toUpperCase()));
    case 'quantityEquals': {
      const q = parseQuantity(v);
      return q !== null && Math.abs(q.value - Number(want)) < 1e-9;
    }
    case 'integerAtLeast':
      return typeof v === 'number' && Number.isInteger(v) && v >= Number(want);
  }
}
