/**
 * What the API server keeps of an object it is sent: the object as decoded from its JSON into the Go types and encoded
 * again for etcd. So no two fields share an object (kubectl create deployment's generator put one labels object under
 * metadata, spec.selector.matchLabels and the template, and removing a label from one removed it from all three), and
 * an empty map or list in an `omitempty` field is gone: ObjectMeta's labels, annotations, ownerReferences and
 * finalizers (apimachinery@v0.30.5 pkg/apis/meta/v1/types.go), a ConfigMap's data and binaryData, a Secret's data
 * (k8s.io/api@v0.30.5 core/v1/types.go: `json:"data,omitempty"`), so `labels: {}` or `data: {}` in a manifest is not
 * in `kubectl get -o yaml`.
 */
import { isObj, type Obj } from '../../../k8s/pss/pod.ts';

const empty = (v: unknown) => (Array.isArray(v) && !v.length) || (isObj(v) && !Object.keys(v).length);

/** ObjectMeta's omitempty collections, dropped when empty (also what a patch's round trip leaves: kubectl patch). */
export function omitEmptyMeta<T>(obj: T): T {
  const meta = isObj(obj) ? obj.metadata : undefined;
  if (!isObj(meta)) return obj;
  for (const k of ['labels', 'annotations', 'ownerReferences', 'finalizers']) if (empty(meta[k])) delete meta[k];
  return obj;
}

/** `x` as the server stores it. */
export function decoded<T>(x: T): T {
  const obj = omitEmptyMeta(JSON.parse(JSON.stringify(x)) as T);
  if (!isObj(obj) || obj.apiVersion !== 'v1') return obj;
  const fields = obj.kind === 'ConfigMap' ? ['data', 'binaryData'] : obj.kind === 'Secret' ? ['data'] : [];
  for (const k of fields) if (empty((obj as Obj)[k])) delete (obj as Obj)[k];
  return obj;
}
