/**
 * Exercise checks for text exercises (manifests and Dockerfiles): the registry, the checks
 * on manifests, and `any`/`all`. Pure functions; each declares its parameters (check.ts).
 */
import { containersOf, effective } from '../effective.ts';
import { isPlainObject } from '../parse/yaml.ts';
import { parseQuantity } from '../quantity.ts';
import { RULES_BY_ID } from '../rules/index.ts';
import type { Zod } from '../rule.ts';
import { noParams } from '../schema-parts.ts';
import { checkOperand, defineCheck, OPS, testValue, type CheckTemplate, type TextGradeContext } from './check.ts';
import { dockerfileChecks } from './checks-dockerfile.ts';
import { select } from './select.ts';

export type { CheckTemplate, TextGradeContext } from './check.ts';

function objects(ctx: TextGradeContext, kind?: string) {
  return ctx.manifests.flatMap((m) => m.objects).filter((o) => kind === undefined || o.kind === kind);
}

function workloads(ctx: TextGradeContext, kind?: string) {
  return ctx.manifests.flatMap((m) => m.workloads).filter((w) => kind === undefined || w.kind === kind);
}

const kind = (z: Zod) => z.string().min(1).optional().describe('The object kind, e.g. Pod or Deployment (default: the first object or workload).');
const SUB_CHECKS = 'a non-empty list of { template, params } is required';

/** One entry of `any`/`all`: a known check (not `cluster`) with its parameters, parsed in turn. */
const subCheck = (z: Zod) =>
  z.lazy(() =>
    z
      .object({
        template: z.string().describe("The check's key."),
        params: z.record(z.string(), z.unknown(), { error: 'must be a mapping' }).default({}).describe('Its parameters.'),
      })
      .strict()
      .transform((c, ctx) => {
        const def = Object.hasOwn(exerciseChecks, c.template) ? exerciseChecks[c.template] : undefined;
        if (!def) {
          ctx.addIssue({ code: 'custom', path: ['template'], message: `unknown template "${c.template}"` });
          return z.NEVER;
        }
        const r = def.params(z).safeParse(c.params);
        if (!r.success) {
          for (const i of r.error.issues) ctx.addIssue({ code: 'custom', path: ['params', ...i.path], message: i.message });
          return z.NEVER;
        }
        return { template: c.template, params: r.data };
      }),
  );

const subChecks = (z: Zod) =>
  z.object({ of: z.array(subCheck(z), { error: SUB_CHECKS }).min(1, SUB_CHECKS).describe('The checks, each { template, params }.') }).strict();

function run(ctx: TextGradeContext, c: { template: string; params: unknown }): boolean {
  return exerciseChecks[c.template]!.test(ctx, c.params);
}

/** The exercise checks by name: what the checks of an exercise that is not a shell goal name as `template`. */
export const exerciseChecks: Record<string, CheckTemplate> = {
  /** Every submitted file parses. */
  parses: defineCheck({ params: noParams, test: (ctx) => ctx.errors.length === 0 }),

  /** Exactly `count` (default 1) objects of `kind`, with apiVersion `apiVersion` if given. */
  object: defineCheck({
    params: (z) =>
      z
        .object({
          kind: z.string().min(1).optional().describe('The object kind (default: any kind).'),
          count: z.number().int().nonnegative().default(1).describe('How many such objects there must be.'),
          apiVersion: z.string().min(1).optional().describe('The apiVersion each of them must have.'),
        })
        .strict(),
    test: (ctx, p) => {
      const os = objects(ctx, p.kind);
      return os.length === p.count && os.every((o) => p.apiVersion === undefined || o.object.apiVersion === p.apiVersion);
    },
  }),

  /** A selector on the first object of `kind` (or first workload): every (or `any`) value passes `op`; absent: nothing selected. */
  field: defineCheck({
    params: (z) =>
      z
        .object({
          kind: kind(z),
          path: z.string().min(1).describe('Selector, e.g. spec.containers[name=app].securityContext.privileged.'),
          op: z.enum([...OPS, 'absent']).describe('How each selected value is tested; absent: nothing is selected (or only null or false).'),
          value: z.unknown().optional().describe('The operand of op.'),
          any: z.boolean().default(false).describe('One selected value passing is enough (default: every one must).'),
        })
        .strict()
        .superRefine(checkOperand(z)),
    test: (ctx, p) => {
      const o = p.kind ? objects(ctx, p.kind)[0] : objects(ctx)[0];
      if (!o) return false;
      const values = select(o.object, p.path);
      if (p.op === 'absent') return values.every((v) => v === undefined || v === null || v === false);
      const op = p.op;
      if (!values.length) return false;
      return p.any ? values.some((v) => testValue(v, op, p.value)) : values.every((v) => testValue(v, op, p.value));
    },
  }),

  /** Effective securityContext value for the named container (or every container with `*`); `level: container` demands it be set on the container. */
  effective: defineCheck({
    params: (z) =>
      z
        .object({
          kind: kind(z),
          container: z.string().min(1).optional().describe("The container's name, or * for every container (default: every container)."),
          field: z.string().min(1).describe('The securityContext field, e.g. runAsNonRoot.'),
          level: z.literal('container').optional().describe('container: the value must be set on the container itself, not inherited from the pod.'),
          op: z.enum(OPS).optional().describe('How the effective value is tested (instead of equals).'),
          value: z.unknown().optional().describe('The operand of op.'),
          equals: z.unknown().optional().describe('The effective value must equal this (compared as JSON).'),
        })
        .strict()
        .superRefine((p, ctx) => {
          if (p.op === undefined && !('equals' in p)) ctx.addIssue({ code: 'custom', path: ['equals'], message: 'give equals or op' });
          checkOperand(z)(p, ctx);
        }),
    test: (ctx, p) => {
      const w = workloads(ctx, p.kind)[0];
      if (!w) return false;
      const cs = containersOf(w, ['containers']).filter((c) => p.container === '*' || p.container === undefined || c.name === p.container);
      if (!cs.length) return false;
      return cs.every((c) => {
        const e = effective(w, c, p.field);
        if (p.level === 'container' && e.origin.from !== 'container') return false;
        if (p.op) return testValue(e.value, p.op, p.value);
        return JSON.stringify(e.value) === JSON.stringify(p.equals);
      });
    },
  }),

  /** The files parse and none of these rules has a finding. */
  'no-finding': defineCheck({
    params: (z) =>
      z
        .object({
          rules: z
            .array(z.string().refine((id) => RULES_BY_ID.has(id), { error: (i) => `unknown rule "${String(i.input)}"` }))
            .min(1)
            .describe('Rule ids (src/checker/rules/).'),
        })
        .strict(),
    test: (ctx, p) => ctx.errors.length === 0 && !ctx.findings.some((f) => p.rules.includes(f.rule)),
  }),

  /** Container names are unique DNS-1123 labels. */
  'container-names': defineCheck({
    params: noParams,
    test: (ctx) => {
      const w = workloads(ctx)[0];
      if (!w) return false;
      const names = containersOf(w).map((c) => c.spec.name);
      return (
        names.length > 0 && names.every((n) => typeof n === 'string' && /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(n)) && new Set(names).size === names.length
      );
    },
  }),

  /** selector.matchLabels ⊆ the pod template's labels. */
  'selector-matches-labels': defineCheck({
    params: noParams,
    test: (ctx) => {
      const w = workloads(ctx).find((x) => x.kind !== 'Pod');
      if (!w) return false;
      const sel = select(w.object, 'spec.selector.matchLabels')[0];
      const labels = w.podMeta.labels;
      if (!isPlainObject(sel) || !isPlainObject(labels) || !Object.keys(sel).length) return false;
      return Object.entries(sel).every(([k, v]) => labels[k] === v);
    },
  }),

  /** Every container sets requests for cpu and memory that are ≤ its limits. */
  'requests-within-limits': defineCheck({
    params: noParams,
    test: (ctx) => {
      const w = workloads(ctx)[0];
      if (!w) return false;
      return containersOf(w, ['containers']).every((c) =>
        ['cpu', 'memory'].every((r) => {
          const req = parseQuantity(select(c.spec, `resources.requests.${r}`)[0]);
          const lim = parseQuantity(select(c.spec, `resources.limits.${r}`)[0]);
          return req !== null && lim !== null && req.value <= lim.value;
        }),
      );
    },
  }),

  /** An emptyDir volume is mounted at `mountPath` in every container. */
  'empty-dir-at': defineCheck({
    params: (z) => z.object({ mountPath: z.string().min(1).describe('The mount path, e.g. /tmp.') }).strict(),
    test: (ctx, p) => {
      const w = workloads(ctx)[0];
      if (!w) return false;
      const vols = Array.isArray(w.podSpec.volumes) ? w.podSpec.volumes.filter(isPlainObject) : [];
      const emptyDirs = new Set(vols.filter((v) => v.emptyDir !== undefined).map((v) => v.name));
      return containersOf(w, ['containers']).every((c) =>
        (Array.isArray(c.spec.volumeMounts) ? c.spec.volumeMounts : []).some((m) => isPlainObject(m) && m.mountPath === p.mountPath && emptyDirs.has(m.name)),
      );
    },
  }),

  ...dockerfileChecks,

  /** Any of the checks in `of` ({ template, params }) passes: one check for answers that are right in different ways. */
  any: defineCheck({ params: subChecks, test: (ctx, p) => p.of.some((c) => run(ctx, c)) }),

  /** Every check in `of` passes (inside `any`: one of the ways, all of whose parts must hold). */
  all: defineCheck({ params: subChecks, test: (ctx, p) => p.of.every((c) => run(ctx, c)) }),
};
