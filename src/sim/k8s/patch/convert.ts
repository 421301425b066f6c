/**
 * The API server's decoding of a strategic merge patch's result into the typed object (k8s.io/apimachinery@v0.30.5
 * pkg/runtime/converter.go FromUnstructuredWithValidation): the first value of the wrong type stops it with
 * fromUnstructured's words, which handlers/patch.go applyPatchToObject wraps in a 422
 * (`The request is invalid: patch: Invalid value: "map[spec:map[replicas:3]]": unrecognized type: int32`):
 * - a scalar field: `unrecognized type: int32`, or `cannot convert int64 to string` / `cannot convert float64 to int32`
 *   where Go's reflect.ConvertibleTo holds across JSON's groups;
 * - `cannot restore struct from: string`, `cannot restore map from string`, `cannot restore slice from bool`;
 * - json.Unmarshaler fields: a Quantity's ParseQuantity (ErrFormatWrong for a bool, map or list; its strings are left
 *   to validation here), an IntOrString's `json: cannot unmarshal bool into Go value of type int32`, a Time's
 *   `json: cannot unmarshal number into Go value of type string`.
 * Go visits a struct's fields in declaration order; the models here list them by name, so of two wrong values in one
 * patch the one reported may differ.
 */
import { MODELS, modelOf } from '../../../k8s/schema/index.ts';
import { goKindOf } from './gofmt.ts';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

const QUANTITY_FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/**
 * Go's named string types of the fields a learner patches (k8s.io/api@v0.30.5 core/v1, apps/v1 types.go): reflect's
 * Type.String() in `cannot convert int64 to v1.PullPolicy`.
 */
const NAMED: Record<string, string> = {
  'V1Container.imagePullPolicy': 'v1.PullPolicy',
  'V1Container.terminationMessagePolicy': 'v1.TerminationMessagePolicy',
  'V1ContainerPort.protocol': 'v1.Protocol',
  'V1ServicePort.protocol': 'v1.Protocol',
  'V1HTTPGetAction.scheme': 'v1.URIScheme',
  'V1EmptyDirVolumeSource.medium': 'v1.StorageMedium',
  'V1HostPathVolumeSource.type': 'v1.HostPathType',
  'V1Toleration.operator': 'v1.TolerationOperator',
  'V1Toleration.effect': 'v1.TaintEffect',
  'V1PodSpec.restartPolicy': 'v1.RestartPolicy',
  'V1PodSpec.dnsPolicy': 'v1.DNSPolicy',
  'V1PodStatus.phase': 'v1.PodPhase',
  'V1PodCondition.type': 'v1.PodConditionType',
  'V1ServiceSpec.type': 'v1.ServiceType',
  'V1ServiceSpec.sessionAffinity': 'v1.ServiceAffinity',
  'V1ServiceSpec.externalTrafficPolicy': 'v1.ServiceExternalTrafficPolicy',
  'V1ServiceSpec.internalTrafficPolicy': 'v1.ServiceInternalTrafficPolicy',
  'V1ServiceSpec.ipFamilyPolicy': 'v1.IPFamilyPolicy',
  'V1Secret.type': 'v1.SecretType',
  'V1NamespaceStatus.phase': 'v1.NamespacePhase',
  'V1DeploymentStrategy.type': 'v1.DeploymentStrategyType',
  'V1StatefulSetUpdateStrategy.type': 'v1.StatefulSetUpdateStrategyType',
  'V1DaemonSetUpdateStrategy.type': 'v1.DaemonSetUpdateStrategyType',
};

/** encoding/json's name of a JSON value's type in an UnmarshalTypeError. */
const jsonKind = (v: unknown) =>
  Array.isArray(v) ? 'array' : isObj(v) ? 'object' : typeof v === 'boolean' ? 'bool' : typeof v === 'number' ? 'number' : 'string';

function scalar(v: unknown, type: string, named: string | undefined): string | undefined {
  const k = goKindOf(v);
  switch (type) {
    case 'any':
      return undefined;
    case 'string':
      return k === 'string' ? undefined : k === 'int64' ? `cannot convert int64 to ${named ?? 'string'}` : 'unrecognized type: string';
    case 'int32':
    case 'int64':
      return k === 'int64' ? undefined : k === 'float64' ? `cannot convert float64 to ${type}` : `unrecognized type: ${type}`;
    case 'number':
      return k === 'int64' || k === 'float64' ? undefined : 'unrecognized type: float64';
    case 'boolean':
      return k === 'bool' ? undefined : 'unrecognized type: bool';
    case 'quantity':
      return k === 'string' || k === 'int64' || k === 'float64' ? undefined : QUANTITY_FORMAT;
    case 'intOrString':
      if (k === 'string' || k === 'int64') return undefined;
      return k === 'float64'
        ? `json: cannot unmarshal number ${v} into Go value of type int32`
        : `json: cannot unmarshal ${jsonKind(v)} into Go value of type int32`;
    case 'time':
      return k === 'string' ? undefined : `json: cannot unmarshal ${jsonKind(v)} into Go value of type string`;
  }
  return undefined;
}

function check(v: unknown, type: string, named?: string): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (type.startsWith('[]')) {
    if (!Array.isArray(v)) return `cannot restore slice from ${goKindOf(v)}`;
    for (const x of v) {
      const e = check(x, type.slice(2));
      if (e) return e;
    }
    return undefined;
  }
  if (type.startsWith('{}')) {
    if (!isObj(v)) return `cannot restore map from ${goKindOf(v)}`;
    for (const x of Object.values(v)) {
      const e = check(x, type.slice(2));
      if (e) return e;
    }
    return undefined;
  }
  const fields = MODELS[type];
  if (!fields) return scalar(v, type, named);
  if (!isObj(v)) return `cannot restore struct from: ${goKindOf(v)}`;
  for (const [name, t] of Object.entries(fields)) {
    const e = check(v[name], t, NAMED[`${type}.${name}`]);
    if (e) return e;
  }
  return undefined;
}

/** The conversion error of a patched object of a known kind, or undefined. */
export function fromUnstructuredError(obj: Obj): string | undefined {
  const model = modelOf(String(obj.apiVersion ?? ''), String(obj.kind ?? ''));
  return model ? check(obj, model) : undefined;
}
