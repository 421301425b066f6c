/**
 * A container's environment as the kubelet makes it (kubernetes@v1.30.5:pkg/kubelet/kubelet_pods.go
 * makeEnvironmentVariables): envFrom first (ConfigMaps and Secrets, with their prefix; keys that are not variable
 * names are skipped with an InvalidEnvironmentVariableNames event), then env in order, each value `$(VAR)`-expanded
 * against the variables so far and the service links, or taken from valueFrom (fieldRef, resourceFieldRef,
 * configMapKeyRef, secretKeyRef); then the service links not overridden. A missing object or key (not optional) is
 * the CreateContainerConfigError: the kubelet's object managers answer NotFound with the singular group resource
 * (pkg/kubelet/util/manager/watch_based_manager.go: `configmap "x" not found`, `secret "x" not found`), a missing key
 * `couldn't find key K in ConfigMap NS/NAME`. Expansion is third_party/forked/golang/expansion/expand.go, also applied
 * to command and args (pkg/kubelet/container/helpers.go ExpandContainerCommandAndArgs).
 */
import { parseQuantity } from '../../../k8s/quantity.ts';
import { envNameErrors, fromBase64 } from '../apiserver/configdata.ts';
import type { KObject } from '../types.ts';
import type { Obj } from './config.ts';

export interface EnvSources {
  lookup?: (kind: 'ConfigMap' | 'Secret', ns: string, name: string) => KObject | undefined;
  podIP: string;
  hostIP: string;
  /** The node's allocatable CPU cores and memory bytes (a resourceFieldRef's value when the container sets no limit). */
  node: { cpu: number; memory: number };
  /** The kubelet's event for skipped envFrom keys. */
  warn?: (reason: string, message: string) => void;
}

/** expansion.Expand: `$(VAR)` from mapping (kept as written when unknown), `$$` is `$`. */
export function expand(input: string, mapping: (name: string) => string | undefined): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const rest = input.slice(cursor + 1);
    let advance = 1;
    if (rest[0] === '$') out += '$';
    else if (rest[0] === '(') {
      const close = rest.indexOf(')');
      if (close > 0) {
        const name = rest.slice(1, close);
        out += mapping(name) ?? `$(${name})`;
        advance = close + 1;
      } else out += '$(';
    } else out += `$${rest[0]}`;
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}

/** fieldpath.FormatMap: `k="v"` lines, sorted by key. */
const formatMap = (m: Record<string, string>) =>
  Object.keys(m)
    .sort()
    .map((k) => `${k}=${JSON.stringify(m[k])}`)
    .join('\n');

/** podFieldSelectorRuntimeValue and fieldpath.ExtractFieldPathAsString. */
function fieldValue(pod: KObject, path: string, src: EnvSources): string | { error: string } {
  const sub = /^metadata\.(labels|annotations)\['([^']*)'\]$/.exec(path);
  if (sub) return pod.metadata[sub[1] as 'labels']?.[sub[2]!] ?? '';
  const spec = (pod.spec ?? {}) as Obj;
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace ?? 'default';
    case 'metadata.uid':
      return pod.metadata.uid;
    case 'metadata.labels':
      return formatMap(pod.metadata.labels ?? {});
    case 'metadata.annotations':
      return formatMap(pod.metadata.annotations ?? {});
    case 'spec.nodeName':
      return String(spec.nodeName ?? '');
    case 'spec.serviceAccountName':
      return String(spec.serviceAccountName ?? '');
    case 'spec.restartPolicy':
      return String(spec.restartPolicy ?? '');
    case 'spec.schedulerName':
      return String(spec.schedulerName ?? '');
    case 'status.phase':
      return String((pod.status as Obj | undefined)?.phase ?? '');
    case 'status.hostIP':
    case 'status.hostIPs':
      return src.hostIP;
    case 'status.podIP':
    case 'status.podIPs':
      return src.podIP;
  }
  return { error: `unsupported fieldPath: ${path}` };
}

/** containerResourceRuntimeValue: limits/requests of cpu (rounded up to the divisor) and memory; a missing limit is the node's allocatable. */
function resourceValue(c: Obj, ref: Obj, src: EnvSources): string | { error: string } {
  const what = String(ref.resource ?? '');
  const [kind, res] = what.split('.') as [string, string];
  const r = (c.resources ?? {}) as { limits?: Record<string, string>; requests?: Record<string, string> };
  const set = (kind === 'limits' ? r.limits : r.requests)?.[res] ?? (kind === 'requests' ? r.limits?.[res] : undefined);
  const amount = set !== undefined ? (parseQuantity(String(set))?.value ?? 0) : kind === 'limits' ? (res === 'cpu' ? src.node.cpu : src.node.memory) : 0;
  const divisor = ref.divisor !== undefined ? (parseQuantity(String(ref.divisor))?.value ?? 1) : 1;
  if (res === 'cpu') return String(Math.max(1, Math.ceil(amount / divisor)));
  if (res === 'memory' || res === 'ephemeral-storage') return String(Math.ceil(amount / divisor));
  return { error: `unsupported container resource : ${what}` };
}

/** makeEnvironmentVariables: the variables in order, or the error the container waits on. */
export function makeEnv(pod: KObject, c: Obj, serviceEnv: [string, string][], src: EnvSources): { vars: [string, string][] } | { error: string } {
  const ns = pod.metadata.namespace ?? 'default';
  const service = new Map(serviceEnv);
  const tmp = new Map<string, string>();
  const cache = new Map<string, KObject | undefined>();
  const get = (kind: 'ConfigMap' | 'Secret', name: string) => {
    const k = `${kind}/${name}`;
    if (!cache.has(k)) cache.set(k, src.lookup?.(kind, ns, name));
    return cache.get(k);
  };
  const values = (o: KObject): Record<string, string> => {
    const data = ((o as unknown as Obj).data ?? {}) as Record<string, string>;
    if (o.kind !== 'Secret') return data;
    return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, fromBase64(v) ?? '']));
  };
  for (const from of (c.envFrom as Obj[] | undefined) ?? []) {
    const ref = (from.configMapRef ?? from.secretRef) as { name?: string; optional?: boolean } | undefined;
    if (!ref) continue;
    const kind = from.configMapRef ? 'ConfigMap' : 'Secret';
    const name = String(ref.name ?? '');
    const o = get(kind, name);
    if (!o) {
      if (ref.optional) continue;
      return { error: `${kind.toLowerCase()} "${name}" not found` };
    }
    const invalid: string[] = [];
    for (const [k0, v] of Object.entries(values(o))) {
      const k = `${from.prefix ?? ''}${k0}`;
      if (envNameErrors(k).length) invalid.push(k);
      else tmp.set(k, v);
    }
    if (invalid.length)
      src.warn?.(
        'InvalidEnvironmentVariableNames',
        `Keys [${invalid.sort().join(', ')}] from the EnvFrom ${kind === 'Secret' ? 'secret' : 'configMap'} ${ns}/${name} were skipped since they are considered invalid environment variable names.`,
      );
  }
  const mapping = (n: string) => tmp.get(n) ?? service.get(n);
  for (const e of (c.env as Obj[] | undefined) ?? []) {
    const name = String(e.name);
    let value = e.value === undefined ? '' : String(e.value);
    const from = e.valueFrom as Obj | undefined;
    if (value !== '') value = expand(value, mapping);
    else if (from) {
      if (from.fieldRef) {
        const v = fieldValue(pod, String((from.fieldRef as Obj).fieldPath ?? ''), src);
        if (typeof v !== 'string') return v;
        value = v;
      } else if (from.resourceFieldRef) {
        const v = resourceValue(c, from.resourceFieldRef as Obj, src);
        if (typeof v !== 'string') return v;
        value = v;
      } else {
        const ref = (from.configMapKeyRef ?? from.secretKeyRef) as { name?: string; key?: string; optional?: boolean } | undefined;
        if (ref) {
          const kind = from.configMapKeyRef ? 'ConfigMap' : 'Secret';
          const objName = String(ref.name ?? '');
          const o = get(kind, objName);
          if (!o) {
            if (ref.optional) continue;
            return { error: `${kind.toLowerCase()} "${objName}" not found` };
          }
          const v = values(o)[String(ref.key)];
          if (v === undefined) {
            if (ref.optional) continue;
            return { error: `couldn't find key ${ref.key} in ${kind} ${ns}/${objName}` };
          }
          value = v;
        }
      }
    }
    service.delete(name);
    tmp.set(name, value);
  }
  return { vars: [...tmp, ...[...service].filter(([k]) => !tmp.has(k))] };
}
