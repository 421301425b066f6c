/**
 * Strategic merge patch as the API server applies it (k8s.io/apimachinery@v0.30.5
 * pkg/util/strategicpatch/patch.go StrategicMergeMapPatch with IgnoreUnmatchedNulls), for the kinds node1 serves:
 * - maps merge key by key; `null` removes a key; `$patch: replace` replaces the map, `$patch: delete` empties it;
 *   `$retainKeys: [...]` drops the original's other keys first;
 * - lists whose Go field has `patchStrategy:"merge"` merge their items by `patchMergeKey` (k8s.io/api@v0.30.5 core/v1
 *   types.go, MERGE_KEYS below): an item `{key, $patch: delete}` removes its match, `$patch: replace` makes the list the
 *   patch's other items; merged items keep the order mergeSortedSlice gives (patch items in patch order, each original
 *   item not in the patch before the first patch item that follows it in the original);
 * - every other list is replaced whole.
 * Not built: `$setElementOrder/…`, `$deleteFromPrimitiveList/…` and the merging of primitive lists (finalizers).
 */
type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** patchMergeKey by field name (core/v1 PodSpec, Container, ObjectMeta, PodStatus, ServiceSpec; apps/v1 via PodTemplateSpec). */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  imagePullSecrets: 'name',
  env: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  conditions: 'type',
  ownerReferences: 'uid',
};

/** Container.Ports merge by containerPort; ServiceSpec.Ports by port. */
function mergeKey(field: string, path: string[], kind: string): string | undefined {
  if (field === 'ports') return kind === 'Service' && path.length === 1 && path[0] === 'spec' ? 'port' : path.at(-1) === '#item' ? 'containerPort' : undefined;
  return MERGE_KEYS[field];
}

/** IgnoreUnmatchedNulls: a null with nothing to remove is dropped; directives do not reach the stored object. */
function clean(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => !(isObj(x) && typeof x.$patch === 'string')).map(clean);
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) if (x !== null && !k.startsWith('$')) out[k] = clean(x);
  return out;
}

function mergeMap(original: Obj, patch: Obj, path: string[], kind: string): Obj {
  if (patch.$patch === 'replace') return clean(patch) as Obj;
  if (patch.$patch === 'delete') return {};
  if (Array.isArray(patch.$retainKeys)) {
    const keep = new Set(patch.$retainKeys.map(String));
    for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
  }
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue;
    if (v === null) {
      delete original[k];
      continue;
    }
    const cur = original[k];
    if (isObj(cur) && isObj(v)) original[k] = mergeMap(cur, v, [...path, k], kind);
    else if (Array.isArray(cur) && Array.isArray(v)) {
      const key = mergeKey(k, path, kind);
      original[k] = key ? mergeList(cur, v, key, [...path, k], kind) : clean(v);
    } else original[k] = clean(v);
  }
  return original;
}

function mergeList(original: unknown[], patch: unknown[], key: string, path: string[], kind: string): unknown[] {
  if (patch.some((x) => isObj(x) && x.$patch === 'replace')) return clean(patch) as unknown[];
  const same = (a: unknown, b: unknown) => isObj(a) && isObj(b) && a[key] !== undefined && a[key] === b[key];
  const deletes = patch.filter((x) => isObj(x) && x.$patch === 'delete');
  const server = original.filter((o) => !deletes.some((d) => same(o, d)));
  const items = patch.filter((x) => !(isObj(x) && typeof x.$patch === 'string'));
  const itemPath = [...path, '#item'];
  const patched = items.map((p) => {
    const o = server.find((s) => same(s, p));
    return isObj(o) && isObj(p) ? mergeMap(structuredClone(o), p, itemPath, kind) : clean(p);
  });
  const serverOnly = server.filter((s) => !items.some((p) => same(s, p)));
  // mergeSortedSlice(serverOnly, patched, serverOrder = the original list).
  const index = (x: unknown) => server.findIndex((s) => same(s, x));
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length || j < patched.length) {
    if (i >= serverOnly.length) out.push(patched[j++]);
    else if (j >= patched.length) out.push(serverOnly[i++]);
    else {
      const li = index(serverOnly[i]);
      const ri = index(patched[j]);
      if (li >= 0 && ri >= 0 && li < ri) out.push(serverOnly[i++]);
      else out.push(patched[j++]);
    }
  }
  return out;
}

/** StrategicMergeMapPatch over a copy of the object. */
export function strategicMergePatch(original: Obj, patch: Obj, kind: string): Obj {
  return mergeMap(structuredClone(original), patch, [], kind);
}
