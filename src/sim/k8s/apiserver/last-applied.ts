/**
 * kubectl apply's record of what was applied: the last-applied-configuration annotation's key
 * (kubernetes/kubernetes@v1.30.0:staging/src/k8s.io/api/core/v1/annotation_key_constants.go
 * LastAppliedConfigAnnotation) and its value as Go's encoding/json writes it
 * (staging/src/k8s.io/kubectl/pkg/util/apply.go GetModifiedConfiguration encodes the object, less
 * the annotation, with the unstructured JSON codec).
 */
type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
/** Go's byte order for keys (encoding/json sorts a map's keys). */
const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * Go's encoding/json of an unstructured map: keys sorted, <, > and & escaped. `indent` 0 is json.Marshal (what kubectl
 * writes into last-applied-configuration); 4 is MarshalIndent(v, "", "    ") (`kubectl get -o json`). `asIs` keeps the
 * keys in the order `v` has them: a typed struct's (k8s/structorder.ts).
 */
export function goJson(v: unknown, indent = 0, asIs = false): string {
  const sorted = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(sorted)
      : isObj(x)
        ? Object.fromEntries(
            Object.keys(x)
              .sort(byteOrder)
              .map((k) => [k, sorted(x[k])]),
          )
        : x;
  return JSON.stringify(asIs ? v : sorted(v), null, indent).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
