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
