/**
 * Parameters of the goal predicates that have a schema, checked when the exercise is
 * loaded: a misspelt key, a missing name or a port out of range is an authoring error
 * naming the check, never a goal that silently fails.
 */
import { z } from 'zod';

const containerName = z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/, 'a container name (Docker: [a-zA-Z0-9][a-zA-Z0-9_.-]+)');
const port = z.number().int().min(1).max(65535);

const goalParamSchemas: Record<string, z.ZodType> = {
  'container-stopped': z.object({ name: containerName }).strict(),
  'container-listens': z
    .object({
      name: containerName,
      port: port.optional().describe('The TCP port the main process must listen on (default: any).'),
      minPort: port.optional().describe('…or the lowest port it may listen on.'),
      uid: z.number().int().min(0).optional().describe('The UID the main process must run as.'),
    })
    .strict()
    .refine((p) => p.port === undefined || p.minPort === undefined, 'give port or minPort, not both'),
  'running-untouched': z.object({ except: z.array(containerName).optional() }).strict(),
};

/** The first problem with a predicate's parameters, as `path: message`, or undefined. */
export function goalParamsError(template: string, params: unknown): string | undefined {
  const schema = goalParamSchemas[template];
  if (!schema) return undefined;
  const r = schema.safeParse(params);
  if (r.success) return undefined;
  const issue = r.error.issues[0]!;
  return `${issue.path.length ? `params.${issue.path.join('.')}` : 'params'}: ${issue.message}`;
}
