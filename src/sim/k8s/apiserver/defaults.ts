/**
 * Defaulting, as the API server and its admission plugins fill in a stored object
 * (kubernetes@v1.30.0 pkg/apis/core/v1/defaults.go, pkg/apis/apps/v1/defaults.go,
 * plugin/pkg/admission/serviceaccount/admission.go, the DefaultTolerationSeconds plugin).
 */
type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const setDefault = (o: Obj, k: string, v: unknown) => {
  if (o[k] === undefined || o[k] === null) o[k] = v;
};

/** pkg/apis/core/v1/defaults.go SetDefaults_Container: Always for `:latest` or no tag, else IfNotPresent (a digest counts as pinned). */
export function defaultPullPolicy(image: string): string {
  if (image.includes('@')) return 'IfNotPresent';
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  const tag = colon > slash ? image.slice(colon + 1) : '';
  return !tag || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

export function defaultContainer(c: Obj, pod = true): void {
  if (typeof c.image === 'string') setDefault(c, 'imagePullPolicy', defaultPullPolicy(c.image));
  setDefault(c, 'terminationMessagePath', '/dev/termination-log');
  setDefault(c, 'terminationMessagePolicy', 'File');
  setDefault(c, 'resources', {});
  if (Array.isArray(c.ports)) for (const p of c.ports) if (isObj(p)) setDefault(p, 'protocol', 'TCP');
  // SetDefaults_Probe and SetDefaults_HTTPGetAction.
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const probe = c[key];
    if (!isObj(probe)) continue;
    setDefault(probe, 'timeoutSeconds', 1);
    setDefault(probe, 'periodSeconds', 10);
    setDefault(probe, 'successThreshold', 1);
    setDefault(probe, 'failureThreshold', 3);
    if (isObj(probe.httpGet)) {
      setDefault(probe.httpGet, 'path', '/');
      setDefault(probe.httpGet, 'scheme', 'HTTP');
    }
  }
  if (Array.isArray(c.env))
    for (const e of c.env) if (isObj(e) && isObj(e.valueFrom) && isObj(e.valueFrom.fieldRef)) setDefault(e.valueFrom.fieldRef, 'apiVersion', 'v1');
  // SetDefaults_Pod (kubernetes@v1.30.0:pkg/apis/core/v1/defaults.go) copies limits to requests when requests are
  // unset: on a Pod only, "not a v1.PodTemplate" (a Deployment's template keeps its requests as written).
  if (pod && isObj(c.resources) && isObj(c.resources.limits)) {
    const req = (isObj(c.resources.requests) ? c.resources.requests : (c.resources.requests = {})) as Obj;
    for (const [k, v] of Object.entries(c.resources.limits)) setDefault(req, k, v);
  }
}

/** SetDefaults_PodSpec (and the pod template's, which a Deployment stores: `template`). */
export function defaultPodSpec(spec: Obj, template = false): void {
  // kubernetes@v1.30.0:pkg/apis/core/v1/conversion.go: v1 → internal takes serviceAccount when serviceAccountName is
  // empty; internal → v1 writes DeprecatedServiceAccount from ServiceAccountName (kubectl set serviceaccount's patch).
  if (!spec.serviceAccountName && typeof spec.serviceAccount === 'string' && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (typeof spec.serviceAccountName === 'string' && spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'schedulerName', 'default-scheduler');
  for (const group of ['initContainers', 'containers'] as const) {
    const list = spec[group];
    if (Array.isArray(list)) for (const c of list) if (isObj(c)) defaultContainer(c, !template);
  }
  if (Array.isArray(spec.volumes)) {
    for (const v of spec.volumes) {
      if (isObj(v) && isObj(v.configMap)) setDefault(v.configMap, 'defaultMode', 420);
      // kubernetes@v1.30.0:pkg/apis/core/v1/defaults.go SetDefaults_HostPathVolumeSource: an unset type is HostPathUnset ("").
      if (isObj(v) && isObj(v.hostPath)) setDefault(v.hostPath, 'type', '');
      if (isObj(v) && isObj(v.secret)) setDefault(v.secret, 'defaultMode', 420);
    }
  }
}

/**
 * What the ServiceAccount and DefaultTolerationSeconds admission plugins and the priority
 * admission add to a pod: the service account, its token volume, the two tolerations.
 */
export function admitPod(spec: Obj, tokenSuffix: string): void {
  defaultPodSpec(spec);
  setDefault(spec, 'serviceAccountName', 'default');
  spec.serviceAccount = spec.serviceAccountName;
  setDefault(spec, 'enableServiceLinks', true);
  setDefault(spec, 'preemptionPolicy', 'PreemptLowerPriority');
  setDefault(spec, 'priority', 0);
  const tolerations = (Array.isArray(spec.tolerations) ? spec.tolerations : (spec.tolerations = [])) as Obj[];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerations.some((t) => isObj(t) && t.key === key)) tolerations.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
  }
  if (spec.automountServiceAccountToken === false) return;
  // kubernetes@v1.30.0 plugin/pkg/admission/serviceaccount/admission.go mountServiceAccountToken: a kube-api-access-*
  // volume already there (a copied pod's) is reused, a container that already mounts the token path is left alone,
  // and the volume is added only when some container needed it.
  const volumes = (Array.isArray(spec.volumes) ? spec.volumes : []) as Obj[];
  const existing = volumes.find((v) => isObj(v) && typeof v.name === 'string' && v.name.startsWith('kube-api-access-'));
  const name = existing ? String(existing.name) : `kube-api-access-${tokenSuffix}`;
  let needed = false;
  for (const group of ['initContainers', 'containers'] as const) {
    const list = spec[group];
    if (!Array.isArray(list)) continue;
    for (const c of list) {
      if (!isObj(c)) continue;
      const mounts = (Array.isArray(c.volumeMounts) ? c.volumeMounts : []) as Obj[];
      if (mounts.some((m) => isObj(m) && m.mountPath === '/var/run/secrets/kubernetes.io/serviceaccount')) continue;
      c.volumeMounts = [...mounts, { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name, readOnly: true }];
      needed = true;
    }
  }
  if (existing || !needed) return;
  spec.volumes = volumes;
  volumes.push({
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  });
}

/** SetDefaults_Deployment (apps/v1) and SetDefaults_ReplicaSet. */
export function defaultWorkload(kind: string, spec: Obj): void {
  if (kind === 'Deployment' || kind === 'ReplicaSet' || kind === 'StatefulSet') setDefault(spec, 'replicas', 1);
  if (kind === 'Deployment') {
    setDefault(spec, 'revisionHistoryLimit', 10);
    setDefault(spec, 'progressDeadlineSeconds', 600);
    const strategy = (isObj(spec.strategy) ? spec.strategy : (spec.strategy = {})) as Obj;
    setDefault(strategy, 'type', 'RollingUpdate');
    if (strategy.type === 'RollingUpdate') {
      const ru = (isObj(strategy.rollingUpdate) ? strategy.rollingUpdate : (strategy.rollingUpdate = {})) as Obj;
      setDefault(ru, 'maxSurge', '25%');
      setDefault(ru, 'maxUnavailable', '25%');
    }
  }
  const tpl = isObj(spec.template) ? spec.template : undefined;
  if (tpl) {
    setDefault(tpl, 'metadata', {});
    if (isObj(tpl.metadata)) setDefault(tpl.metadata, 'creationTimestamp', null);
    if (isObj(tpl.spec)) defaultPodSpec(tpl.spec, true);
  }
}

/**
 * SetDefaults_Job (kubernetes@v1.30.0 pkg/apis/batch/v1/defaults.go): completions and parallelism 1 when both are
 * unset, backoffLimit 6, completionMode NonIndexed, suspend false, podReplacementPolicy TerminatingOrFailed (the
 * JobPodReplacementPolicy gate is beta and on in v1.30); the Job takes its template's labels when it has none.
 */
export function defaultJob(obj: Obj): void {
  const spec = (isObj(obj.spec) ? obj.spec : (obj.spec = {})) as Obj;
  if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1;
  setDefault(spec, 'parallelism', 1);
  setDefault(spec, 'backoffLimit', 6);
  setDefault(spec, 'completionMode', 'NonIndexed');
  setDefault(spec, 'suspend', false);
  setDefault(spec, 'podReplacementPolicy', isObj(spec.podFailurePolicy) ? 'Failed' : 'TerminatingOrFailed');
  const meta = (isObj(obj.metadata) ? obj.metadata : (obj.metadata = {})) as Obj;
  const tpl = isObj(spec.template) ? spec.template : undefined;
  const labels = tpl && isObj(tpl.metadata) && isObj(tpl.metadata.labels) ? tpl.metadata.labels : undefined;
  if (labels && !(isObj(meta.labels) && Object.keys(meta.labels).length)) meta.labels = structuredClone(labels);
}

/**
 * What the API server adds to a workload once its uid is known: generation 1; for a Job, jobStrategy.PrepareForCreate
 * (pkg/registry/batch/job/strategy.go generateSelector): unless manualSelector, the template is labelled with the
 * controller uid and job name (the `batch.kubernetes.io/` keys and the legacy ones) and selected by the uid; status {}.
 */
export function prepareWorkload(kind: string, obj: Obj): void {
  const meta = obj.metadata as Obj;
  meta.generation = 1;
  if (kind !== 'Job') return;
  const spec = obj.spec as Obj;
  if (spec.manualSelector !== true) {
    const uid = String(meta.uid);
    const tpl = (isObj(spec.template) ? spec.template : (spec.template = {})) as Obj;
    const tmeta = (isObj(tpl.metadata) ? tpl.metadata : (tpl.metadata = {})) as Obj;
    tmeta.labels = {
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': String(meta.name),
      'controller-uid': uid,
      'job-name': String(meta.name),
      ...(isObj(tmeta.labels) ? tmeta.labels : {}),
    };
    spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
  }
  defaultJob(obj);
  obj.status = {};
}
