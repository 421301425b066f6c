/**
 * The API server's strict decoding of a manifest object (index.ts decode): a value of the wrong type, then unknown
 * fields, are a BadRequest (`Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "…"`).
 */
import { modelOf, typeError, unknownFields } from '../../../k8s/schema/index.ts';
import { ApiError } from './errors.ts';

export function strictDecode(raw: Record<string, unknown>, apiVersion: string, kind: string): void {
  const model = modelOf(apiVersion, kind);
  if (model) {
    const version = apiVersion.split('/').pop();
    // A value of the wrong type stops decoding before strict field checking reports anything.
    const bad = typeError(raw, model);
    if (bad) throw new ApiError('BadRequest', `${kind} in version "${version}" cannot be handled as a ${kind}: ${bad}`);
    const unknown = unknownFields(raw, model);
    if (unknown.length) {
      // staging/src/k8s.io/apimachinery/pkg/runtime/serializer/json: "strict decoding error: " + joined field errors.
      throw new ApiError(
        'BadRequest',
        `${kind} in version "${version}" cannot be handled as a ${kind}: strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}`,
      );
    }
  }
}

/**
 * fieldValidation=Warn, the server's default when a request names none (kubernetes/apiserver@v0.30.5
 * pkg/endpoints/handlers/rest.go fieldValidation), as a PATCH decodes its result: each unknown field is dropped and
 * becomes a warning, `unknown field "spec.replica"` (kubectl prints `Warning: …`). Fields already unknown in `before`
 * (the stored object) are left alone.
 */
export function dropUnknownFields(obj: Record<string, unknown>, before: Record<string, unknown>): string[] {
  const model = modelOf(String(obj.apiVersion ?? ''), String(obj.kind ?? ''));
  if (!model) return [];
  const old = new Set(unknownFields(before, model));
  const fresh = unknownFields(obj, model).filter((p) => !old.has(p));
  for (const path of fresh) {
    const steps = path.match(/[^.[\]]+|\[\d+\]/g) ?? [];
    let cur: unknown = obj;
    for (const s of steps.slice(0, -1)) cur = (cur as Record<string, unknown>)?.[s.startsWith('[') ? Number(s.slice(1, -1)) : s];
    const last = steps.at(-1);
    if (last && cur && typeof cur === 'object') delete (cur as Record<string, unknown>)[last];
  }
  return fresh.map((p) => `unknown field "${p}"`);
}
