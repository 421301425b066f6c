/**
 * `--save-config` (kubernetes/kubectl@v0.30.5:pkg/util/apply.go CreateOrUpdateAnnotation): with the flag,
 * CreateApplyAnnotation sets kubectl.kubernetes.io/last-applied-configuration to the object encoded without that
 * annotation (GetModifiedConfiguration, scheme.DefaultJSONEncoder: json.Encoder, so a trailing newline); without it,
 * updateApplyAnnotation rewrites the annotation only when the object already carries a non-empty one.
 * - A generator's object is a typed struct (create_deployment.go, create_namespace.go, create_configmap.go,
 *   create_secret*.go, create_job.go call it with o.CreateAnnotation): fields in declaration order, an empty
 *   annotations map left out (omitempty). create_service.go's Complete never reads the flag (CreateAnnotation stays
 *   false), so `create service … --save-config` adds nothing.
 * - create -f's object is unstructured (create.go RunCreate): keys sorted, and SetAnnotations of an empty map keeps
 *   `"annotations":{}`, as apply's annotation does.
 * Checked against kubectl v1.30.13 (`create namespace|deployment|configmap|secret generic|job|service clusterip …
 * --save-config --dry-run=client -o yaml|json`).
 */
import { structOrdered } from '../../../../k8s/structorder.ts';
import { goJson, LAST_APPLIED } from '../../../k8s/apiserver/last-applied.ts';
import { isObj, type Obj } from './obj.ts';

/** CreateOrUpdateAnnotation(save, obj): the object with its annotation set (a copy), or `obj` itself when nothing changes. */
export function withLastApplied<T extends object>(save: boolean, obj: T, typed: boolean): T {
  const o = obj as Obj;
  const meta = (isObj(o.metadata) ? o.metadata : {}) as Obj;
  const annotations = { ...((isObj(meta.annotations) ? meta.annotations : {}) as Record<string, string>) };
  if (!save && !annotations[LAST_APPLIED]) return obj;
  delete annotations[LAST_APPLIED];
  const bare = { ...meta };
  if (Object.keys(annotations).length || !typed) bare.annotations = annotations;
  else delete bare.annotations;
  const encoded = `${typed ? goJson(structOrdered({ ...o, metadata: bare }), 0, true) : goJson({ ...o, metadata: bare })}\n`;
  return { ...o, metadata: { ...meta, annotations: { ...annotations, [LAST_APPLIED]: encoded } } } as T;
}

/** The annotations a generator's typed object ended with, to spread into the metadata it sends. */
export function annotationsOf(obj: object): { annotations?: Obj } {
  const meta = (obj as Obj).metadata;
  return isObj(meta) && isObj(meta.annotations) ? { annotations: meta.annotations } : {};
}
