import { isPlainObject, type Workload } from '../parse/yaml.ts';
import { workloadTemplate, type Hit, type WorkloadContext, type Zod } from '../rule.ts';

/** `spec.os.name: windows` pods are exempt from some restricted controls (PSA 1.25+). */
export function isWindowsPod(w: Workload): boolean {
  const os = w.podSpec.os;
  return isPlainObject(os) && os.name === 'windows';
}

/** `hostUsers: false` relaxes runAsNonRoot, runAsUser and procMount (KEP-127). */
export function isUserNamespacePod(w: Workload): boolean {
  return w.podSpec.hostUsers === false;
}

/** Parameters shared by the PSS templates: which exemptions the control honours. */
export const exemptions = (z: Zod) => ({
  windowsExempt: z.boolean().default(false).describe('Pods with spec.os.name: windows are exempt.'),
  userNamespaceExempt: z.boolean().default(false).describe('Pods with hostUsers: false (a user namespace) are exempt.'),
});

export function exempt(ctx: WorkloadContext, params: { windowsExempt: boolean; userNamespaceExempt: boolean }): boolean {
  if (params.windowsExempt && isWindowsPod(ctx.workload)) return true;
  if (params.userNamespaceExempt && isUserNamespacePod(ctx.workload)) return true;
  return false;
}

/** A PSS control whose only parameters are the exemptions: an exempt workload reports nothing. */
export const exemptableTemplate = (run: (ctx: WorkloadContext) => Hit[]) =>
  workloadTemplate(
    (z) => z.object(exemptions(z)).strict(),
    (ctx, p) => (exempt(ctx, p) ? [] : run(ctx)),
  );

/** A PSS control that compares values with an allow-list (`allowed`, described for the rule table) and honours the exemptions. */
export const allowListTemplate = (describe: string, run: (ctx: WorkloadContext, allowed: ReadonlySet<string>) => Hit[]) =>
  workloadTemplate(
    (z) => z.object({ allowed: names(z).describe(describe), ...exemptions(z) }).strict(),
    (ctx, p) => (exempt(ctx, p) ? [] : run(ctx, new Set(p.allowed))),
  );

export function strList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function sc(spec: Record<string, unknown>): Record<string, unknown> {
  return isPlainObject(spec.securityContext) ? spec.securityContext : {};
}

/**
 * Any YAML value as text, without calling its own methods: a map with a `toString`
 * key (or any other shape) can never throw here. Strings stay as they are.
 */
export function asText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return 'undefined';
  if (v === null || typeof v !== 'object') return `${v as number | boolean | bigint | symbol as number}`;
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return Array.isArray(v) ? '[list]' : '{map}';
  }
}

/** A parameter that lists names (capabilities, volume types, profile types, sysctls). */
export const names = (z: Zod) => z.array(z.string().min(1));

/** A value quoted as Go's %q quotes plain text, for finding details. */
export const q = (s: string) => JSON.stringify(s);
