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
      if (Array.isArray(v))
        v.forEach((x, i) => {
          walk(x, type.slice(2), `${path}[${i}]`);
        });
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

/** Go's name for a schema type in encoding/json's errors: `int32`, `v1.PodSpec`, `[]v1.Container`, `map[string]string`. */
function goType(t: string): string {
  if (t.startsWith('[]')) return `[]${goType(t.slice(2))}`;
  if (t.startsWith('{}')) return `map[string]${goType(t.slice(2))}`;
  if (t === 'number') return 'float64';
  if (t === 'boolean') return 'bool';
  if (t in MODELS) return `v1.${t.replace(/^(Core|Events|Storage)?V\d+/, '')}`;
  return t;
}

const jsonKind = (v: unknown): string =>
  Array.isArray(v)
    ? 'array'
    : v === null
      ? 'null'
      : typeof v === 'object'
        ? 'object'
        : typeof v === 'boolean'
          ? 'bool'
          : typeof v === 'number'
            ? 'number'
            : 'string';

/**
 * The first value of the wrong JSON type, as encoding/json reports it (UnmarshalTypeError, Go ≥ 1.20:
 * `json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32`).
 * Quantities and int-or-string fields take both strings and numbers; null is always accepted.
 */
export function typeError(obj: unknown, model: string): string | undefined {
  let found: string | undefined;
  const check = (v: unknown, type: string, path: string, struct: string): void => {
    if (found || v === null || v === undefined) return;
    const kind = jsonKind(v);
    const fail = () => {
      found = `json: cannot unmarshal ${kind} into Go struct field ${struct}.${path} of type ${goType(type)}`;
    };
    if (type.startsWith('[]')) {
      if (!Array.isArray(v)) {
        fail();
        return;
      }
      for (const x of v) check(x, type.slice(2), path, struct);
      return;
    }
    if (type.startsWith('{}')) {
      if (!isObj(v)) {
        fail();
        return;
      }
      for (const k of Object.keys(v).sort(byteOrder)) check(v[k], type.slice(2), path, struct);
      return;
    }
    switch (type) {
      case 'any':
        return;
      case 'quantity':
      case 'intOrString':
        if (kind !== 'string' && kind !== 'number') fail();
        return;
      case 'string':
      case 'time':
        if (kind !== 'string') fail();
        return;
      case 'boolean':
        if (kind !== 'bool') fail();
        return;
      case 'int32':
      case 'int64':
      case 'number':
        if (kind !== 'number') fail();
        else if (type !== 'number' && !Number.isInteger(v)) found = `json: cannot unmarshal number ${v} into Go struct field ${struct}.${path} of type ${type}`;
        return;
    }
    const fields = MODELS[type];
    if (!fields) return;
    if (!isObj(v)) {
      fail();
      return;
    }
    for (const k of Object.keys(v).sort(byteOrder)) {
      const t = fields[k];
      if (t !== undefined) check(v[k], t, path ? `${path}.${k}` : k, goType(type).replace(/^v1\./, ''));
    }
  };
  check(obj, model, '', model);
  return found;
}
