/**
 * Typed parameters: every rule template, exercise check and shell goal declares a zod schema
 * beside its code, as a function of the zod it is given (rule.ts RuleTemplate, schema-parts.ts),
 * so code that only grades never loads zod; this module builds the schemas. Rules are parsed
 * when the rule table is built (rules/index.ts), exercises when they are loaded
 * (exercise/load.ts), so a misspelt key, a missing field or a bad regular
 * expression is an authoring error that names the file, the id and the field, never a check
 * that silently fails. The parsed values are plain data (defaults filled in, regular
 * expressions still strings), so a loaded exercise can be sent to a worker or frozen as JSON.
 */
import { z } from '../schemas/zod.ts';
import type { Zod } from './rule.ts';

const built = new WeakMap<object, z.ZodType>();

/** The parameter schema of a rule template, an exercise check or a shell goal, built on first use. */
export function templateParams<S extends z.ZodType>(t: { params: (z: Zod) => S }): S {
  let s = built.get(t);
  if (!s) built.set(t, (s = t.params(z)));
  return s as S;
}

/** A zod issue path as an author reads it: `of[3].params.matches`. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${String(seg)}` : String(seg);
  return out;
}

/** The first problem of a failed parse, as `params.<path>: <message>`. */
export function firstIssue(error: z.ZodError, prefix = 'params'): string {
  const issue = error.issues[0]!;
  const path = issuePath(issue.path);
  return `${path ? `${prefix}.${path}` : prefix}: ${issue.message}`;
}

/** Parses `raw` with `schema`: the typed value, or the first problem as `params.<path>: <message>`. */
export function parseParams<S extends z.ZodType>(schema: S, raw: unknown): { params: z.output<S> } | { error: string } {
  const r = schema.safeParse(raw ?? {});
  return r.success ? { params: r.data } : { error: firstIssue(r.error) };
}

/** The parameters a schema takes, for authors: `name` or `name?` (optional, or with a default), in declaration order. */
export function paramNames(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
  return Object.entries(shape).map(([k, v]) => (v.safeParse(undefined).success ? `${k}?` : k));
}
