/**
 * The schema a strategic merge patch reads (k8s.io/apimachinery@v0.30.5 pkg/util/strategicpatch/meta.go
 * PatchMetaFromStruct over the typed object, third_party/forked/golang/json/fields.go LookupPatchMetadataForStruct):
 * each field's Go type from the course's models (src/k8s/schema), and its `patchStrategy` / `patchMergeKey` tags from
 * k8s.io/api@v0.30.5 core/v1, apps/v1 and batch/v1 types.go and apimachinery@v0.30.5 pkg/apis/meta/v1/types.go
 * (STRATEGY below: every tagged field of the kinds node1 serves).
 */
import { MODELS, modelOf } from '../../../k8s/schema/index.ts';
import { StrategicError } from './errors.ts';

/** A field's tags: `patchStrategy:"merge,retainKeys"` and `patchMergeKey:"name"`. */
export interface PatchMeta {
  strategies: string[];
  mergeKey: string;
}

/**
 * The Go type a lookup lands on: a model (struct), `{}X` (map), `[]X` (slice), a scalar, or none (untyped); with the
 * models and tags it reads (the course's, or a test's: apimachinery's MergeItem).
 */
export interface Schema {
  type: string | undefined;
  models: Record<string, Record<string, string>>;
  tags: Record<string, PatchMeta>;
}

const M = (strategy: string, mergeKey = ''): PatchMeta => ({ strategies: strategy.split(','), mergeKey });

/** `Model.field` → tags. */
const STRATEGY: Record<string, PatchMeta> = {
  'V1ObjectMeta.ownerReferences': M('merge', 'uid'),
  'V1ObjectMeta.finalizers': M('merge'),
  'V1PodSpec.volumes': M('merge,retainKeys', 'name'),
  'V1PodSpec.initContainers': M('merge', 'name'),
  'V1PodSpec.containers': M('merge', 'name'),
  'V1PodSpec.ephemeralContainers': M('merge', 'name'),
  'V1PodSpec.imagePullSecrets': M('merge', 'name'),
  'V1PodSpec.hostAliases': M('merge', 'ip'),
  'V1PodSpec.topologySpreadConstraints': M('merge', 'topologyKey'),
  'V1PodSpec.schedulingGates': M('merge', 'name'),
  'V1PodSpec.resourceClaims': M('merge,retainKeys', 'name'),
  'V1Container.ports': M('merge', 'containerPort'),
  'V1Container.env': M('merge', 'name'),
  'V1Container.volumeMounts': M('merge', 'mountPath'),
  'V1Container.volumeDevices': M('merge', 'devicePath'),
  'V1EphemeralContainer.ports': M('merge', 'containerPort'),
  'V1EphemeralContainer.env': M('merge', 'name'),
  'V1EphemeralContainer.volumeMounts': M('merge', 'mountPath'),
  'V1EphemeralContainer.volumeDevices': M('merge', 'devicePath'),
  'V1ContainerStatus.volumeMounts': M('merge', 'mountPath'),
  'V1PodStatus.conditions': M('merge', 'type'),
  'V1PodStatus.hostIPs': M('merge', 'ip'),
  'V1PodStatus.podIPs': M('merge', 'ip'),
  'V1PodStatus.resourceClaimStatuses': M('merge,retainKeys', 'name'),
  'V1PersistentVolumeClaimStatus.conditions': M('merge', 'type'),
  'V1ServiceStatus.conditions': M('merge', 'type'),
  'V1ServiceSpec.ports': M('merge', 'port'),
  'V1ServiceAccount.secrets': M('merge', 'name'),
  'V1NamespaceStatus.conditions': M('merge', 'type'),
  'V1StatefulSetStatus.conditions': M('merge', 'type'),
  'V1DeploymentSpec.strategy': M('retainKeys'),
  'V1DeploymentStatus.conditions': M('merge', 'type'),
  'V1DaemonSetStatus.conditions': M('merge', 'type'),
  'V1ReplicaSetStatus.conditions': M('merge', 'type'),
  'V1JobStatus.conditions': M('merge', 'type'),
  'PatchNodeSpec.podCIDRs': M('merge'),
  'PatchNodeStatus.conditions': M('merge', 'type'),
  'PatchNodeStatus.addresses': M('merge', 'type'),
};

/**
 * The served kinds the course's models leave out (Node, Endpoints, Event), with what a patch of them reaches: their
 * fields (k8s.io/api@v0.30.5 core/v1 types.go), `?` for a value looked into without a type (its lists replaced), `*`
 * for any field of Event's.
 */
const OBJ = { apiVersion: 'string', kind: 'string', metadata: 'V1ObjectMeta' };
const EXTRA: Record<string, Record<string, string>> = {
  PatchNode: { ...OBJ, spec: 'PatchNodeSpec', status: 'PatchNodeStatus' },
  PatchNodeSpec: {
    podCIDR: 'string',
    podCIDRs: '[]string',
    providerID: 'string',
    unschedulable: 'boolean',
    taints: '[]?',
    configSource: '?',
    externalID: 'string',
  },
  PatchNodeStatus: Object.fromEntries(
    [
      'capacity',
      'allocatable',
      'phase',
      'conditions',
      'addresses',
      'daemonEndpoints',
      'nodeInfo',
      'images',
      'volumesInUse',
      'volumesAttached',
      'config',
      'runtimeHandlers',
    ].map((f) => [f, f === 'conditions' || f === 'addresses' ? '[]?' : '?']),
  ),
  PatchEndpoints: { ...OBJ, subsets: '[]?' },
  PatchEvent: { ...OBJ, '*': '?' },
};
const ALL_MODELS = { ...MODELS, ...EXTRA };

const NONE: PatchMeta = { strategies: [''], mergeKey: '' };

/** The Go name of a model or type for the lookup's errors: `V1PodSpec` → `PodSpec`. */
export const goName = (t: string) => t.replace(/^(Core|Events|Storage)?V\d+/, '');

/** A lookup's failure: forkedjson's and meta.go's errors, returned as they are (a 500 from the server). */
class LookupError extends StrategicError {}

/** A schema over `models` and `tags` (`Model.field` → its tags), starting at `type`. */
export const schemaFor = (type: string | undefined, models: Schema['models'], tags: Schema['tags']): Schema => ({ type, models, tags });

/** The schema of a kind's object (NewPatchMetaFromStruct); an unknown kind has none, so its lists are replaced. */
export const schemaOf = (apiVersion: string, kind: string): Schema =>
  schemaFor(modelOf(apiVersion, kind) ?? (apiVersion === 'v1' && `Patch${kind}` in EXTRA ? `Patch${kind}` : undefined), ALL_MODELS, STRATEGY);

/** The kind of a Go type: struct, map, slice or a scalar (`*T`, a pointer, as T). */
const kindOf = (s: Schema, t: string): string =>
  t.startsWith('*') ? kindOf(s, t.slice(1)) : t.startsWith('[]') ? 'slice' : t.startsWith('{}') ? 'map' : t in s.models ? 'struct' : goKind(t);

/** LookupPatchMetadataForStruct: the field's type and tags. */
export function lookupStruct(s: Schema, key: string): { sub: Schema; meta: PatchMeta } {
  if (s.type === undefined || s.type === '?') return { sub: { ...s, type: undefined }, meta: NONE };
  const k = kindOf(s, s.type);
  if (k !== 'struct') throw new LookupError(`merging an object in json but data type is not struct, instead is: ${k}`);
  const fields = s.models[s.type.replace(/^\*/, '')]!;
  // encoding/json's field match: exact, else case-insensitive.
  const name = key in fields ? key : (Object.keys(fields).find((f) => f.toLowerCase() === key.toLowerCase()) ?? ('*' in fields ? '*' : undefined));
  if (name === undefined) throw new LookupError(`unable to find api field in struct ${goName(s.type)} for the json field ${JSON.stringify(key)}`);
  return { sub: { ...s, type: fields[name] }, meta: s.tags[`${s.type.replace(/^\*/, '')}.${name}`] ?? NONE };
}

/** LookupPatchMetadataForSlice: the element's type and the field's tags. */
export function lookupSlice(s: Schema, key: string): { sub: Schema; meta: PatchMeta } {
  const { sub, meta } = lookupStruct(s, key);
  if (sub.type === undefined || sub.type === '?') return { sub: { ...sub, type: undefined }, meta };
  if (sub.type === '[]?') return { sub: { ...sub, type: undefined }, meta };
  // A pointer's element (to a slice: the slice's) stands for the list's items.
  if (sub.type.startsWith('*')) return { sub: { ...s, type: sub.type.slice(1).replace(/^\[\]/, '') }, meta };
  if (!sub.type.startsWith('[]')) throw new LookupError(`expected slice or array type, but got: ${kindOf(s, s.type!)}`);
  return { sub: { ...s, type: sub.type.slice(2) }, meta };
}

/** Go's reflect.Kind name of a scalar model type. */
function goKind(t: string): string {
  if (t === 'number') return 'float64';
  if (t === 'boolean') return 'bool';
  if (t === 'quantity' || t === 'time' || t === 'intOrString') return 'struct';
  return t === 'any' ? 'interface' : t;
}

/** extractRetainKeysPatchStrategy: the strategy beside retainKeys (the tags here never hold a third). */
export function patchStrategy(meta: PatchMeta): string {
  return meta.strategies.find((x) => x !== 'retainKeys') ?? '';
}
