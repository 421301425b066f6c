/**
 * Unknown fields, as the API server's strict decoding reports them:
 * `strict decoding error: unknown field "spec.containers[0].securityContext.drop"`.
 * The known-field lists are parameters (rules/course.ts); suggestions for common
 * misplacements (S0's indentation bug) are data too.
 */
import { isPlainObject, splitPointer } from '../parse/yaml.ts';
import { workloadTemplate, type Hit, type Zod } from '../rule.ts';

const LEVELS = ['podSpec', 'podSecurityContext', 'container', 'ephemeralContainer', 'securityContext', 'capabilities'] as const;
const params = (z: Zod) => {
  const text = z.object({ en: z.string(), 'zh-cn': z.string() }).strict();
  return z
    .object({
      known: z.partialRecord(z.enum(LEVELS), z.array(z.string().min(1))).describe('Level → the field names the API knows there.'),
      suggestions: z
        .array(z.object({ level: z.enum(LEVELS), field: z.string().min(1), text: text.describe('Added to the message, in both languages.') }).strict())
        .default([])
        .describe('Hints for common misplacements: an unknown field at a level, and what to say about it.'),
    })
    .strict();
};

/** JSON pointer → the dotted path kubectl prints: spec.containers[0].securityContext.drop */
export function fieldPath(ptr: string): string {
  let out = '';
  for (const seg of splitPointer(ptr)) out += /^\d+$/.test(seg) ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}

/** Each known-field list as a set, made once per rule table rather than once per object checked. */
const sets = new WeakMap<readonly string[], ReadonlySet<string>>();
const NONE: ReadonlySet<string> = new Set();

function setOf(list: readonly string[] | undefined): ReadonlySet<string> {
  if (!list) return NONE;
  let set = sets.get(list);
  if (!set) {
    set = new Set(list);
    sets.set(list, set);
  }
  return set;
}

export const strictFields = workloadTemplate(params, (ctx, p) => {
  const known: Partial<Record<string, string[]>> = p.known;
  const suggestions = p.suggestions;
  const hits: Hit[] = [];
  const w = ctx.workload;
  const base = w.base;
  const check = (obj: unknown, level: string, ptr: string) => {
    if (!isPlainObject(obj)) return;
    const allowed = setOf(known[level]);
    for (const key of Object.keys(obj)) {
      if (allowed.has(key)) continue;
      const path = `${ptr}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const rel = base ? path.slice(base.length) : path;
      const s = suggestions.find((x) => x.level === level && x.field === key);
      hits.push({
        path,
        container: undefined,
        value: key,
        vars: {
          field: fieldPath(rel),
          kind: w.kind,
          version: typeof w.apiVersion === 'string' ? w.apiVersion.split('/').pop()! : 'v1',
          hint: s ? s.text : { en: '', 'zh-cn': '' },
        },
      });
    }
  };
  check(w.podSpec, 'podSpec', w.podSpecPath);
  check(w.podSpec.securityContext, 'podSecurityContext', `${w.podSpecPath}/securityContext`);
  for (const c of ctx.containers) {
    const before = hits.length;
    check(c.spec, c.group === 'ephemeralContainers' ? 'ephemeralContainer' : 'container', c.path);
    const scx = c.spec.securityContext;
    check(scx, 'securityContext', `${c.path}/securityContext`);
    if (isPlainObject(scx)) check(scx.capabilities, 'capabilities', `${c.path}/securityContext/capabilities`);
    for (let i = before; i < hits.length; i++) hits[i]!.container = c.name;
  }
  return hits;
});
