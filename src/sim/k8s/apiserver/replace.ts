/**
 * PUT of a whole object (kubectl replace): kubernetes@v1.30.0 staging/src/k8s.io/apiserver/pkg/registry/rest/update.go
 * BeforeUpdate and the strategies' PrepareForUpdate: strict decoding, the object's namespace, a resourceVersion that
 * must match the live one when given (errors.NewConflict), the system metadata and the status kept from the live
 * object, the spec defaulted as a decoded object is (so a pod's spec compares with the stored one in ValidatePodUpdate:
 * fields admission added at create, the service account's volume, the default tolerations, make a manifest that lacks
 * them an immutable-field error), then the update path (ApiServer.update).
 */
import type { KObject } from '../types.ts';
import { defaultPodSpec } from './defaults.ts';
import { conflict, invalid, notFound } from './errors.ts';
import type { ApiServer } from './index.ts';
import { podUpdateForbidden } from './update.ts';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

const SYSTEM = ['uid', 'creationTimestamp', 'generation', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'managedFields'] as const;

export function replaceObject(api: ApiServer, raw: Obj, namespace: string, opts: { dryRun?: boolean } = {}): KObject {
  const { res, obj } = api.decode(raw);
  const meta = (isObj(obj.metadata) ? obj.metadata : (obj.metadata = {})) as Obj;
  if (res.namespaced) meta.namespace = namespace;
  else delete meta.namespace;
  const name = String(meta.name ?? '');
  const qualified = res.group ? `${res.resource}.${res.group}` : res.resource;
  const live = api.get(res, res.namespaced ? namespace : '', name);
  if (!live) throw notFound(qualified, name);
  if (typeof meta.resourceVersion === 'string' && meta.resourceVersion && meta.resourceVersion !== live.metadata.resourceVersion)
    throw conflict(qualified, name);
  const liveMeta = live.metadata as unknown as Obj;
  for (const k of SYSTEM) {
    if (liveMeta[k] !== undefined) meta[k] = structuredClone(liveMeta[k]);
    else delete meta[k];
  }
  meta.resourceVersion = live.metadata.resourceVersion;
  if (live.status !== undefined) obj.status = structuredClone(live.status);
  else delete obj.status;
  if (obj.kind === 'Pod' && isObj(obj.spec)) defaultPodSpec(obj.spec);
  const next = obj as unknown as KObject;
  if (!opts.dryRun) return api.update(res, next);
  // A server dry run stores nothing; ValidatePodUpdate still answers.
  const why = next.kind === 'Pod' ? podUpdateForbidden((live.spec ?? {}) as Obj, (next.spec ?? {}) as Obj) : undefined;
  if (why) throw invalid('Pod', name, [{ field: 'spec', message: why }]);
  return next;
}
