/**
 * The Kubernetes types the course's kinds reach, as data (models.generated.ts), and what
 * reads them: the API server's strict decoding, `kubectl explain`, the checker's
 * unknown-field rule. Pure.
 */
import { KINDS, MODELS } from './models.generated.ts';

export { KINDS, MODELS };

/** The model that decodes `kind` at `apiVersion` (undefined for kinds the course does not know). */
export function modelOf(apiVersion: string, kind: string): string | undefined {
  return KINDS.find((k) => k.kind === kind && k.apiVersion === apiVersion)?.model;
}

/** The field names of a model (`V1PodSpec` → volumes, containers, …). */
export const fieldsOf = (model: string): string[] => Object.keys(MODELS[model] ?? {});

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Go's sort.Strings order (bytes, not locale). */
const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Unknown fields as strict decoding reports them (sigs.k8s.io/json UnmarshalStrict over the JSON
 * kubectl sends: keys sorted at every level, depth first): `spec.containers[0].securityContext.drop`.
 */
export function unknownFields(obj: unknown, model: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown, type: string, path: string): void => {
    if (v === null || v === undefined) return;
    if (type.startsWith('[]')) {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, type.slice(2), `${path}[${i}]`));
      return;
    }
    if (type.startsWith('{}')) {
      if (isObj(v)) for (const k of Object.keys(v).sort(byteOrder)) walk(v[k], type.slice(2), path ? `${path}.${k}` : k);
      return;
    }
    const fields = MODELS[type];
    if (!fields || !isObj(v)) return;
    for (const k of Object.keys(v).sort(byteOrder)) {
      const p = path ? `${path}.${k}` : k;
      const t = fields[k];
      if (t === undefined) out.push(p);
      else walk(v[k], t, p);
    }
  };
  walk(obj, model, '');
  return out;
}

/** The type of the field at a dotted path (`pod.spec.containers`), for explain: [model or scalar, field names walked]. */
export function typeAt(model: string, path: string[]): string | undefined {
  let t: string | undefined = model;
  for (const seg of path) {
    const base: string = t!.replace(/^(\[\]|\{\})+/, '');
    t = MODELS[base]?.[seg];
    if (t === undefined) return undefined;
  }
  return t;
}
