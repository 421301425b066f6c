/**
 * Updates: kubectl apply's three-way patch (staging/src/k8s.io/kubectl/pkg/cmd/apply/patcher.go with
 * strategic merge: lists of containers, env, ports and volumes merge by their keys) and the pod's
 * immutable spec (pkg/apis/core/validation ValidatePodUpdate).
 */
type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** patchMergeKey of the strategic-merge lists (k8s.io/api core/v1 types.go tags). */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  ports: 'containerPort',
  tolerations: 'key',
  imagePullSecrets: 'name',
};

/** live ← next, removing what `prev` (the last applied) set and `next` no longer does. */
export function applyPatch(live: Obj, prev: Obj, next: Obj): Obj {
  for (const k of Object.keys(prev)) if (!(k in next)) delete live[k];
  for (const [k, v] of Object.entries(next)) {
    const lv = live[k];
    const pv = prev[k];
    if (isObj(v) && isObj(lv)) live[k] = applyPatch(lv, isObj(pv) ? pv : {}, v);
    else if (Array.isArray(v) && Array.isArray(lv) && MERGE_KEYS[k] && v.every(isObj)) {
      const key = MERGE_KEYS[k]!;
      const prevList = Array.isArray(pv) ? pv.filter(isObj) : [];
      live[k] = v.map((item) => {
        const match = lv.find((x) => isObj(x) && x[key] === (item as Obj)[key]);
        const before = prevList.find((x) => x[key] === (item as Obj)[key]) ?? {};
        return isObj(match) ? applyPatch(structuredClone(match), before, item as Obj) : structuredClone(item);
      });
    } else live[k] = structuredClone(v);
  }
  return live;
}

/** ValidatePodUpdate's message when anything but images, activeDeadlineSeconds, tolerations or the grace period changes. */
export function podUpdateForbidden(cur: Obj, next: Obj): string | undefined {
  const strip = (spec: Obj): Obj => {
    const s = structuredClone(spec);
    for (const group of ['containers', 'initContainers']) if (Array.isArray(s[group])) for (const c of s[group] as Obj[]) if (isObj(c)) delete c.image;
    delete s.activeDeadlineSeconds;
    delete s.tolerations;
    delete s.terminationGracePeriodSeconds;
    return s;
  };
  if (deepEqual(strip(cur), strip(next))) return undefined;
  // kubernetes@v1.30.0 pkg/apis/core/validation/validation.go ValidatePodUpdate (upstream appends a diff of the specs).
  return 'Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';
}

/**
 * What an update keeps of the stored object: its creationTimestamp when the new object has none, as after apply's
 * three-way patch of a last-applied `creationTimestamp: null` (k8s.io/apiserver@v0.30.5 pkg/registry/rest/update.go
 * BeforeUpdate: `objectMeta.SetCreationTimestamp(oldMeta.GetCreationTimestamp())`; the simulator's controllers that
 * set one of their own keep theirs). A dry
 * run stores nothing and answers the updated object with the stored resourceVersion
 * (pkg/registry/generic/registry/dryrun.go GuaranteedUpdate returns tryUpdate's object): returned here; otherwise
 * undefined, for the caller to store `next`.
 */
export function keptOnUpdate<T extends { metadata: { creationTimestamp?: string; resourceVersion?: string } }>(
  cur: T,
  next: T,
  dryRun?: boolean,
): T | undefined {
  if (cur.metadata.creationTimestamp && !next.metadata.creationTimestamp) next.metadata.creationTimestamp = cur.metadata.creationTimestamp;
  return dryRun ? structuredClone({ ...next, metadata: { ...next.metadata, resourceVersion: cur.metadata.resourceVersion } }) : undefined;
}
