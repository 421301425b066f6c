/**
 * The `cluster` check's parameters, typed and validated when the exercise is loaded, so a
 * misspelt key or a bad regular expression is an authoring error naming the check, never a
 * check that silently fails. The schema is a function of the zod it is given (as rule.ts's
 * templates): grading takes the parameters parsed at load and imports only this module's
 * types (cluster/index.ts), so it never loads zod.
 */
import { z as zod } from '../../schemas/zod.ts';
import type { z } from 'zod';
import { firstIssue } from '../params.ts';
import type { Zod } from '../rule.ts';

const regex = (z: Zod) =>
  z
    .string()
    .min(1)
    .refine((s) => {
      try {
        new RegExp(s, 'm');
        return true;
      } catch {
        return false;
      }
    }, 'not a valid regular expression');

const dns1123 = (z: Zod) => z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'a DNS-1123 label (lowercase letters, digits and dashes)');

export const clusterExecSchema = (z: Zod) =>
  z
    .object({
      container: dns1123(z).optional().describe("Container to run it in (default: the pod's first)."),
      command: z.array(z.string().min(1)).min(1).describe('argv after `kubectl exec POD -c C --`, e.g. [id] or [grep, Seccomp, /proc/1/status].'),
      matches: regex(z).describe("Regular expression (multiline) the command's stdout must match."),
      expected: z
        .object({ en: z.string().min(1), 'zh-cn': z.string().min(1) })
        .strict()
        .describe('What the output should show, in words, for the feedback.'),
    })
    .strict();

export const clusterParamsSchema = (z: Zod) =>
  z
    .object({
      setup: z.array(z.string().min(1)).max(50).default([]).describe("Commands run on node1 before the learner's files are applied (e.g. the lesson's push)."),
      files: z.array(z.string().min(1)).optional().describe('The submitted files to apply, in order (default: every .yaml, .yml and .json file).'),
      namespace: dns1123(z).optional().describe('A namespace created for the check and applied into (default: default).'),
      labels: z.record(z.string().min(1), z.string()).default({}).describe('Labels of that namespace, e.g. pod-security.kubernetes.io/enforce: restricted.'),
      state: z
        .enum(['ready', 'started'])
        .default('ready')
        .describe(
          'ready: every pod Running and Ready; started: every container pulled, created and started at least once (an image whose program exits may then crash-loop).',
        ),
      pods: z.number().int().min(1).max(10).default(1).describe('How many pods must reach that state.'),
      settleSeconds: z.number().int().min(5).max(600).default(60).describe('Simulated seconds the cluster gets to settle.'),
      noWarnings: z.boolean().default(false).describe('Fail when the API server answers with a Warning: (PSA warn mode, deprecated fields).'),
      imageID: regex(z).optional().describe("Every container's status.containerStatuses[].imageID must match this."),
      exec: z.array(clusterExecSchema(z)).max(10).default([]).describe('Commands run in the first pod once it is Ready.'),
    })
    .strict()
    .superRefine((p, ctx) => {
      if (Object.keys(p.labels).length && !p.namespace) ctx.addIssue({ code: 'custom', path: ['labels'], message: 'labels need a namespace to label' });
    });

export type ClusterParams = z.infer<ReturnType<typeof clusterParamsSchema>>;
export type ClusterExec = z.infer<ReturnType<typeof clusterExecSchema>>;

let schema: ReturnType<typeof clusterParamsSchema> | undefined;

/** The parameters, or the first problem as every other check's parameters report it: `params.exec[0].matches: message`. */
export function parseClusterParams(raw: unknown): { params: ClusterParams } | { error: string } {
  const r = (schema ??= clusterParamsSchema(zod)).safeParse(raw);
  return r.success ? { params: r.data } : { error: firstIssue(r.error) };
}
