/**
 * node1's API server: an object store with uids, resourceVersions and creation times from the
 * host clock; strict decoding against the generated schema; defaulting; validation; Pod Security
 * Admission from namespace labels; events with aggregation. kubectl, the controllers and the
 * kubelet (through KubeletApiClient) all go through it.
 */
import type { KObject, KubeletApiClient } from '../types.ts';
import { admitPodController, admitPodSecurity, namespaceLabelErrors, namespaceWarnings, policyOf } from './admission.ts';
import { admitPod, defaultPodSpec, defaultWorkload, prepareWorkload } from './defaults.ts';
import { alreadyExists, ApiError, conflict, forbidden, invalid, notFound } from './errors.ts';
import { eventKey, newEvent, type EventSource } from './events.ts';
import { CLUSTER_CREATED, INITIAL_NAMESPACES, kubernetesService, leaseRenew, namespaceObject, nodeObject, setHeartbeat, type NodeFacts } from './fixture.ts';
import { kubeadmObjects } from './fixture-kubeadm.ts';
import { systemObjects } from './fixture-system.ts';
import { Copies } from './copies.ts';
import { defaultsUids, namespaceDefaults } from './nsdefaults.ts';
import { configData } from './configdata.ts';
import { strictDecode } from './decode.ts';
import { randomSuffix, uuid } from './names.ts';
import { resourceOfKind, type ResourceInfo } from './resources.ts';
import { validateLabels, validateName, validatePodSpec, validateWorkloadSpec } from './validate.ts';
import { admitService } from './service.ts';
import { schedule, scheduleEvent } from './scheduling.ts';
import { applyPatch, deepEqual, keptOnUpdate, podUpdateForbidden } from './update.ts';
import { defaultEphemeralContainers, validateEphemeralContainers } from './ephemeral.ts';
import { goJson, LAST_APPLIED } from './last-applied.ts';
export { ApiError } from './errors.ts';
import { isObj, type Obj } from '../../../k8s/pss/pod.ts';
import { decoded } from './stored.ts';
const clone = <T>(x: T): T => structuredClone(x);
type LabelPatch = Record<string, string | null>;
const WORKLOADS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

export interface Random {
  int(n: number): number;
  hex(n: number): string;
}
export interface WriteResult {
  obj: KObject;
  warnings: string[];
}

/** Go's byte order for keys (etcd lists in key order). */
const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class ApiServer implements KubeletApiClient {
  private readonly objects = new Map<string, KObject>();
  private readonly eventIndex = new Map<string, KObject>();
  /** EventAggregator's records: the distinct messages per source, object, type and reason, and when the last came. */
  private readonly aggregates = new Map<string, { messages: Set<string>; lastMs: number }>();
  private rv = 1200;
  private eventSeq = 0;
  /** Bumped on every write: the controllers and the kubelet re-sync when it moves. */
  version = 0;
  readonly nodeName: string;

  constructor(
    private readonly now: () => number,
    private readonly rng: Random,
    private readonly node: NodeFacts,
  ) {
    this.nodeName = node.hostname;
    const nodeObj = nodeObject(node, this.newUid(), now());
    this.objects.set(this.key('nodes', '', node.hostname), nodeObj);
    for (const ns of INITIAL_NAMESPACES) this.objects.set(this.key('namespaces', '', ns), namespaceObject(ns, this.newUid()));
    let fixedRv = 300;
    for (const ns of INITIAL_NAMESPACES) this.addDefaults(ns, CLUSTER_CREATED, () => String(fixedRv++));
    this.objects.set(this.key('services', 'default', 'kubernetes'), kubernetesService(this.newUid()));
    for (const o of [...systemObjects(node, nodeObj.metadata.uid), ...kubeadmObjects(node)]) {
      this.objects.set(this.key(resourceOfKind(o.apiVersion, o.kind)!.resource, o.metadata.namespace ?? '', o.metadata.name), o);
      this.system.add(o.metadata.uid);
    }
  }

  /** kubeadm's kube-system objects (fixture-system.ts, fixture-kubeadm.ts): node1's kubelet does not run them and the controllers leave them be. */
  private readonly system = new Set<string>();
  isSystem = (o: KObject): boolean => this.system.has(o.metadata.uid);

  nowMs = (): number => this.now();

  nowIso(): string {
    return new Date(Math.floor(this.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  }

  private newUid = () => uuid((n) => this.rng.hex(n));
  private readonly defaultsUid = defaultsUids();
  /** kube-root-ca.crt and the default ServiceAccount of a namespace (nsdefaults.ts). */
  private addDefaults = (ns: string, created: string, rv: () => string) =>
    namespaceDefaults(ns, created, this.defaultsUid, rv).forEach((o) => void this.objects.set(this.key(`${o.kind.toLowerCase()}s`, ns, o.metadata.name), o));
  private key = (resource: string, ns: string, name: string) => `${resource}/${ns}/${name}`;
  private nextRv = () => String(++this.rv);

  /** The kubelet's last status report and lease renewal by now (fixture.ts nodeHeartbeat, leaseRenew): reads, not writes. */
  private heartbeat = (r: ResourceInfo) => r.resource === 'nodes' && setHeartbeat(this.objects.get(`nodes//${this.nodeName}`), this.node, this.now());
  leaseRenewTime = () => leaseRenew(this.node, this.now());

  get(res: ResourceInfo, namespace: string, name: string): KObject | undefined {
    this.heartbeat(res);
    const o = this.objects.get(this.key(res.resource, res.namespaced ? namespace : '', name));
    return o ? clone(o) : undefined;
  }

  /** Objects of a resource in one namespace (or all, when namespace is undefined), in etcd's key order: copies. */
  list(res: ResourceInfo, namespace?: string): KObject[] {
    return this.scan(res, namespace).map((o) => clone(o));
  }

  /** The same, as the stored objects themselves, for readers that never change them (printers, controllers' reads). */
  scan(res: ResourceInfo, namespace?: string): readonly KObject[] {
    this.heartbeat(res);
    const prefix = res.namespaced && namespace !== undefined ? `${res.resource}/${namespace}/` : `${res.resource}/`;
    // The keys, not the entries: no [key, value] pair per stored object (events pile up) on each read.
    const keys: string[] = [];
    for (const k of this.objects.keys()) if (k.startsWith(prefix)) keys.push(k);
    return keys.sort(byteOrder).map((k) => this.objects.get(k)!);
  }

  /** The namespace must exist (NamespaceLifecycle admission) and not be terminating. */
  private requireNamespace(ns: string): KObject {
    const o = this.objects.get(this.key('namespaces', '', ns));
    if (!o) throw notFound('namespaces', ns);
    return o;
  }

  /** Strict decoding: an unknown field is a BadRequest (`… cannot be handled as a Pod: strict decoding error: …`). */
  decode(raw: Obj): { res: ResourceInfo; obj: Obj } {
    const apiVersion = String(raw.apiVersion ?? '');
    const kind = String(raw.kind ?? '');
    const res = resourceOfKind(apiVersion, kind);
    if (!res) throw new ApiError('NotFound', `the server could not find the requested resource`);
    strictDecode(raw, apiVersion, kind);
    return { res, obj: decoded(raw) };
  }

  /** POST: decode, default, admit (mutating), validate, admit (Pod Security), store. */
  create(raw: Obj, namespace: string, opts: { dryRun?: boolean; uid?: string } = {}): WriteResult {
    const { res, obj } = this.decode(raw);
    const meta = (isObj(obj.metadata) ? obj.metadata : (obj.metadata = {})) as Obj;
    const ns = res.namespaced ? namespace : '';
    if (res.namespaced) meta.namespace = ns;
    else delete meta.namespace;
    if (!meta.name && typeof meta.generateName === 'string' && meta.generateName) meta.name = `${meta.generateName}${randomSuffix((n) => this.rng.int(n))}`;
    const name = String(meta.name ?? '');
    const kind = String(obj.kind);
    if (res.namespaced) this.requireNamespace(ns);
    const spec = isObj(obj.spec) ? obj.spec : (obj.spec = {});
    if (kind === 'Pod')
      admitPod(
        spec,
        randomSuffix((n) => this.rng.int(n)),
      );
    if (WORKLOADS.has(kind)) defaultWorkload(kind, spec);
    // A Service's allocations and DNS-1035 name (service.ts), before the rest of validation as BeginCreate runs.
    const causes = kind === 'Service' ? admitService(meta, spec, this.scan(res), (n) => this.rng.int(n)) : validateName(meta.name, kind === 'Namespace');
    causes.push(...validateLabels(meta.labels));
    if (kind === 'Pod') causes.push(...validatePodSpec(spec, 'spec'));
    if (kind === 'Deployment' || kind === 'ReplicaSet') causes.push(...validateWorkloadSpec(spec));
    if (kind === 'ConfigMap' || kind === 'Secret') causes.push(...configData(obj));
    // Validating admission (PSA's ValidateNamespace here, ValidatePod below) comes after validation, the name taken after both.
    if (!causes.length && kind === 'Namespace') causes.push(...namespaceLabelErrors(null, meta.labels as Record<string, string>));
    if (causes.length) throw invalid(kind, name, causes, res.group);
    const warnings: string[] = [];
    if (res.namespaced) {
      const policy = policyOf(this.requireNamespace(ns).metadata.labels);
      if (kind === 'Pod') {
        const r = admitPodSecurity(policy, meta, spec);
        if (r.denied) throw forbidden('pods', name, r.denied);
        warnings.push(...r.warnings);
      } else if (WORKLOADS.has(kind)) {
        const tpl = kind === 'CronJob' ? (isObj(spec.jobTemplate) && isObj(spec.jobTemplate.spec) ? spec.jobTemplate.spec.template : undefined) : spec.template;
        if (isObj(tpl)) warnings.push(...admitPodController(policy, tpl.metadata, tpl.spec).warnings);
      }
    }
    if (this.objects.has(this.key(res.resource, ns, name))) throw alreadyExists(res.group ? `${res.resource}.${res.group}` : res.resource, name);
    meta.uid = opts.uid ?? this.newUid();
    meta.creationTimestamp = this.nowIso();
    if (WORKLOADS.has(kind)) prepareWorkload(kind, obj);
    // The scheduler binds the pod to node1 unless the node refuses it (scheduling.ts; controllers/scheduler.ts binds it later).
    if (kind === 'Pod')
      obj.status = schedule(spec, this.objects.get(this.key('nodes', '', this.nodeName)), this.nodeName, meta.creationTimestamp, this.scan(res));
    else if (kind === 'Namespace') {
      meta.labels = { ...(isObj(meta.labels) ? meta.labels : {}), 'kubernetes.io/metadata.name': name };
      obj.spec = { finalizers: ['kubernetes'] };
      obj.status = { phase: 'Active' };
    } else if (kind === 'Deployment' || kind === 'ReplicaSet' || kind === 'Service') obj.status = kind === 'Service' ? { loadBalancer: {} } : {};
    if (Object.keys(spec).length === 0 && /^(ConfigMap|Secret|ServiceAccount|Endpoints|EndpointSlice)$/.test(kind)) delete obj.spec;
    const stored = this.store(res, obj as unknown as KObject, opts.dryRun);
    if (kind === 'Namespace' && !opts.dryRun) this.addDefaults(name, stored.metadata.creationTimestamp!, this.nextRv);
    if (kind === 'Pod' && !opts.dryRun) this.event(stored, ...scheduleEvent(stored, this.nodeName), { component: 'default-scheduler' });
    return { obj: stored, warnings };
  }

  private store(res: ResourceInfo, obj: KObject, dryRun = false): KObject {
    obj.metadata.resourceVersion = dryRun ? '' : this.nextRv();
    if (!dryRun) {
      this.objects.set(this.key(res.resource, res.namespaced ? (obj.metadata.namespace ?? '') : '', obj.metadata.name), obj);
      this.version++;
    }
    return clone(obj);
  }

  /** PUT of a whole object (controllers, label, apply's patch): validation of pod updates; generation moves with spec (update.ts keptOnUpdate). */
  update(res: ResourceInfo, obj: KObject, opts: { dryRun?: boolean } = {}): KObject {
    const cur = this.objects.get(this.key(res.resource, res.namespaced ? (obj.metadata.namespace ?? '') : '', obj.metadata.name));
    if (!cur) throw notFound(res.group ? `${res.resource}.${res.group}` : res.resource, obj.metadata.name);
    const next = decoded(obj);
    const why = next.kind === 'Pod' && !deepEqual(cur.spec, next.spec) ? podUpdateForbidden(cur.spec ?? {}, next.spec ?? {}) : undefined;
    const causes = [...validateLabels(next.metadata.labels), ...(why ? [{ field: 'spec', message: why }] : [])];
    if (next.kind === 'ConfigMap' || next.kind === 'Secret') causes.push(...configData(next as unknown as Obj, cur as unknown as Obj));
    if (!causes.length && next.kind === 'Namespace') causes.push(...namespaceLabelErrors(cur.metadata.labels, next.metadata.labels));
    if (causes.length) throw invalid(next.kind, next.metadata.name, causes, res.group);
    if (WORKLOADS.has(next.kind)) {
      if (isObj(next.spec)) defaultWorkload(next.kind, next.spec);
      if (next.kind === 'Deployment' || next.kind === 'ReplicaSet') {
        const causes = validateWorkloadSpec(next.spec ?? {});
        if (causes.length) throw invalid(next.kind, next.metadata.name, causes, res.group);
      }
      if (!deepEqual(cur.spec, next.spec)) next.metadata.generation = (cur.metadata.generation ?? 1) + 1;
    }
    return keptOnUpdate(cur, next, opts.dryRun) ?? this.store(res, next);
  }

  /**
   * PATCH of a pod's `ephemeralcontainers` subresource (kubectl debug): the new list is defaulted and validated, and
   * Pod Security admission evaluates the whole pod with it (pod-security-admission@v0.30.0 admission.go ValidatePod
   * reviews this subresource: enforce refuses it with the same Forbidden text as a create, warn warns).
   */
  updateEphemeralContainers(namespace: string, name: string, ephemeral: Obj[]): WriteResult {
    const cur = this.objects.get(this.key('pods', namespace, name));
    if (!cur) throw notFound('pods', name);
    const next = clone(cur);
    const spec = (isObj(next.spec) ? next.spec : (next.spec = {})) as Obj;
    spec.ephemeralContainers = clone(ephemeral);
    defaultEphemeralContainers(spec);
    const causes = validateEphemeralContainers(spec);
    if (causes.length) throw invalid('Pod', name, causes);
    const r = admitPodSecurity(policyOf(this.requireNamespace(namespace).metadata.labels), next.metadata, spec);
    if (r.denied) throw forbidden('pods', name, r.denied);
    return { obj: this.store(resourceOfKind('v1', 'Pod')!, next), warnings: r.warnings };
  }

  /** PATCH of labels (kubectl label): `null` removes a key, `rv` must be the live one. Namespaces answer with PSA warnings. */
  patchLabels(res: ResourceInfo, namespace: string, name: string, labels: LabelPatch, opts: { dryRun?: boolean; rv?: string } = {}): WriteResult {
    const cur = this.get(res, namespace, name);
    const what = res.group ? `${res.resource}.${res.group}` : res.resource;
    if (!cur) throw notFound(what, name);
    if (opts.rv && opts.rv !== cur.metadata.resourceVersion) throw conflict(what, name);
    const next = clone(cur);
    const merged: Record<string, string> = { ...(cur.metadata.labels ?? {}) };
    for (const [k, v] of Object.entries(labels))
      if (v === null) delete merged[k];
      else merged[k] = v;
    if (Object.keys(merged).length) next.metadata.labels = merged;
    else delete next.metadata.labels;
    const bad = validateLabels(next.metadata.labels);
    if (!bad.length && cur.kind === 'Namespace') bad.push(...namespaceLabelErrors(cur.metadata.labels, next.metadata.labels));
    if (bad.length) throw invalid(cur.kind, name, bad);
    // The NamespaceLifecycle controller keeps kubernetes.io/metadata.name on every namespace.
    if (cur.kind === 'Namespace') next.metadata.labels = { ...merged, 'kubernetes.io/metadata.name': name };
    if (deepEqual(cur.metadata.labels, next.metadata.labels)) return { obj: cur, warnings: [] };
    const warnings =
      cur.kind === 'Namespace'
        ? namespaceWarnings(
            name,
            policyOf(cur.metadata.labels),
            policyOf(next.metadata.labels),
            this.list(resourceOfKind('v1', 'Pod')!, name).map((p) => ({
              name: p.metadata.name,
              owner: p.metadata.ownerReferences?.find((r) => r.controller)?.uid,
              meta: p.metadata,
              spec: p.spec,
            })),
          )
        : [];
    return { obj: this.store(res, next, opts.dryRun), warnings };
  }

  /** Client-side apply: create with last-applied, or a three-way patch of the live object; dryRun stores nothing. */
  apply(raw: Obj, namespace: string, opts: { dryRun?: boolean } = {}): WriteResult & { action: 'created' | 'configured' | 'unchanged' } {
    const { res } = this.decode(raw);
    const applied = clone(raw);
    const meta = (isObj(applied.metadata) ? applied.metadata : (applied.metadata = {})) as Obj;
    const annotations = (isObj(meta.annotations) ? meta.annotations : (meta.annotations = {})) as Obj;
    delete annotations[LAST_APPLIED];
    if (res.namespaced) meta.namespace = namespace;
    const lastApplied = `${goJson(applied)}\n`;
    const live = this.objects.get(this.key(res.resource, res.namespaced ? namespace : '', String(meta.name ?? '')));
    const withAnnotation = clone(applied);
    ((withAnnotation.metadata as Obj).annotations as Obj)[LAST_APPLIED] = lastApplied;
    if (!live || !meta.name) return { ...this.create(withAnnotation, namespace, opts), action: 'created' };
    const prev = live.metadata.annotations?.[LAST_APPLIED];
    const prevObj = prev ? (JSON.parse(prev) as Obj) : {};
    const merged = applyPatch(clone(live) as unknown as Obj, prevObj, withAnnotation) as unknown as KObject;
    if (merged.kind === 'Pod' && isObj(merged.spec)) defaultPodSpec(merged.spec);
    if (WORKLOADS.has(merged.kind) && isObj(merged.spec)) defaultWorkload(merged.kind, merged.spec);
    if (deepEqual(merged, live)) return { obj: clone(live), warnings: [], action: 'unchanged' };
    const warnings: string[] = [];
    if (WORKLOADS.has(merged.kind) && isObj(merged.spec) && isObj(merged.spec.template)) {
      const policy = policyOf(this.requireNamespace(namespace).metadata.labels);
      warnings.push(...admitPodController(policy, merged.spec.template.metadata, merged.spec.template.spec).warnings);
    }
    return { obj: this.update(res, merged, opts), warnings, action: 'configured' };
  }

  /**
   * DELETE. A pod on node1 is marked (deletionTimestamp) for its kubelet to stop; gracePeriod 0 removes it at once.
   * Other objects go at once; their dependents follow through the garbage collector (controllers.ts).
   */
  delete(res: ResourceInfo, namespace: string, name: string, gracePeriodSeconds?: number): KObject {
    const k = this.key(res.resource, res.namespaced ? namespace : '', name);
    const o = this.objects.get(k);
    if (!o) throw notFound(res.group ? `${res.resource}.${res.group}` : res.resource, name);
    // A fixture pod (no kubelet stops it) or an unscheduled one (kubernetes@v1.30 pod/strategy.go CheckGracefulDelete) goes at once.
    if (o.kind === 'Pod' && gracePeriodSeconds !== 0 && !this.system.has(o.metadata.uid) && (o.spec as Obj | undefined)?.nodeName) {
      if (!o.metadata.deletionTimestamp) {
        const grace = gracePeriodSeconds ?? Number((o.spec as Obj | undefined)?.terminationGracePeriodSeconds ?? 30);
        o.metadata.deletionTimestamp = new Date(Math.floor(this.now() / 1000) * 1000 + grace * 1000).toISOString().replace('.000Z', 'Z');
        o.metadata.deletionGracePeriodSeconds = grace;
        o.metadata.resourceVersion = this.nextRv();
        this.version++;
      }
      return clone(o);
    }
    this.objects.delete(k);
    if (o.kind === 'Namespace') for (const key of [...this.objects.keys()]) if (key.split('/')[1] === name) this.objects.delete(key);
    this.version++;
    return clone(o);
  }

  /** Events about one object, oldest first (what describe lists). */
  eventsFor(obj: KObject): KObject[] {
    return this.scan(resourceOfKind('v1', 'Event')!, obj.metadata.namespace ?? 'default')
      .filter((e) => (e.involvedObject as Obj).uid === obj.metadata.uid)
      .sort((a, b) => byteOrder(String(a.firstTimestamp), String(b.firstTimestamp)));
  }

  /** The kubelet's configMapManager/secretManager read (kubelet_pods.go makeEnvironmentVariables). */
  configObject = (kind: 'ConfigMap' | 'Secret' | 'ServiceAccount' | 'Node', ns: string, name: string) =>
    this.objects.get(this.key({ ConfigMap: 'configmaps', Secret: 'secrets', ServiceAccount: 'serviceaccounts', Node: 'nodes' }[kind], ns, name));
  /** KubeletApiClient: the node's pods, filtered before copying (kube-system's fixture pods are large and not the kubelet's). */
  pods(): KObject[] {
    return this.scan(resourceOfKind('v1', 'Pod')!)
      .filter((p) => (p.spec as Obj | undefined)?.nodeName === this.nodeName && !this.system.has(p.metadata.uid))
      .map((p) => this.copies.of(p));
  }
  /** The kubelet's copies, made again only when a pod's resourceVersion moved (copies.ts). */
  private readonly copies = new Copies();

  /** The kubelet's status reports; the scheduler's binding (controllers/scheduler.ts) sets nodeName with it. */
  updatePodStatus(namespace: string, name: string, status: Record<string, unknown>, nodeName?: string): void {
    const o = this.objects.get(this.key('pods', namespace, name));
    if (!o) return;
    if (deepEqual(o.status, status)) return;
    if (nodeName && isObj(o.spec)) o.spec.nodeName = nodeName;
    o.status = clone(status);
    o.metadata.resourceVersion = this.nextRv();
    this.version++;
  }

  podTerminated(namespace: string, name: string): void {
    if (this.objects.delete(this.key('pods', namespace, name))) this.version++;
  }

  event(obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource, fieldPath?: string): void {
    let key = eventKey(obj, type, reason, message, source, fieldPath);
    // client-go@v0.30.5 tools/record/events_cache.go EventAggregate: ten distinct messages of one source, object, type and
    // reason within ten minutes become one event, "(combined from similar events): <the latest>", whose count moves.
    const aggKey = eventKey(obj, type, reason, '', source);
    const nowMs = this.now();
    let rec = this.aggregates.get(aggKey);
    if (!rec || nowMs - rec.lastMs > 600_000) rec = { messages: new Set(), lastMs: 0 };
    rec.messages.add(message);
    rec.lastMs = nowMs;
    this.aggregates.set(aggKey, rec);
    if (rec.messages.size >= 10) {
      rec.messages.delete(rec.messages.values().next().value!);
      message = `(combined from similar events): ${message}`;
      key = `combined\u0000${aggKey}`;
    }
    const now = this.nowIso();
    const existing = this.eventIndex.get(key);
    const ns = obj.metadata.namespace ?? 'default';
    if (existing && this.objects.get(this.key('events', ns, existing.metadata.name)) === existing) {
      existing.count = Number(existing.count ?? 1) + 1;
      existing.lastTimestamp = now;
      existing.message = message;
      existing.metadata.resourceVersion = this.nextRv();
      this.version++;
      return;
    }
    // record/event.go makeEvent: `fmt.Sprintf("%v.%x", ref.Name, t.UnixNano())` (a counter stands in for the nanoseconds).
    const nanos = BigInt(this.now()) * 1000000n + BigInt(++this.eventSeq);
    const e = newEvent(obj, type, reason, message, source, fieldPath, now, nanos.toString(16));
    e.metadata.uid = this.newUid();
    this.eventIndex.set(key, e);
    e.metadata.resourceVersion = this.nextRv();
    this.objects.set(this.key('events', ns, e.metadata.name), e);
    this.version++;
  }
}
