/**
 * The Endpoints controller (kubernetes@v1.30.0 pkg/controller/endpoint/endpoints_controller.go syncService): for each
 * Service with a selector (not of type ExternalName), an Endpoints object of the same name and labels (plus `service.kubernetes.io/headless` when
 * headless) whose subset lists the selected pods that have an IP: ready ones under `addresses`, the others under
 * `notReadyAddresses` (podToEndpointAddressForService: ip, nodeName, targetRef), and the Service's ports with each
 * targetPort resolved against the pod (podutil.FindPort: a number as is, a name through the containers' named ports);
 * the `endpoints.kubernetes.io/last-change-trigger-time` annotation. A Service without a selector is left alone, except
 * `default/kubernetes`, whose Endpoints the API server's own reconciler keeps (pkg/controlplane/reconcilers: the node's
 * address, port https 6443, label `endpointslice.kubernetes.io/skip-mirror: "true"`).
 */
import type { ApiServer } from '../apiserver/index.ts';
import { resourceOfKind } from '../apiserver/resources.ts';
import type { KObject } from '../types.ts';
import { Rng } from '../../rng.ts';
import { uuid } from '../apiserver/names.ts';
import { podReady } from './replicaset.ts';
import { attached } from '../../attached.ts';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const PODS = resourceOfKind('v1', 'Pod')!;
const SVC = resourceOfKind('v1', 'Service')!;
const EP = resourceOfKind('v1', 'Endpoints')!;
const TRIGGER = 'endpoints.kubernetes.io/last-change-trigger-time';

/** The Endpoints' uids come from a generator of their own per API server, so the world's other uids stay what they were. */
const uids = attached<ApiServer, () => string>('uids');
const uidFor = (api: ApiServer) => {
  let next = uids.get(api);
  if (!next) {
    const rng = new Rng(0x65707473);
    uids.set(api, (next = () => uuid((n) => rng.hex(n))));
  }
  return next();
};

const selects = (sel: Obj, labels: Record<string, string> | undefined) => Object.entries(sel).every(([k, v]) => labels?.[k] === v);

/** podutil.FindPort: the container port a Service port's targetPort names. */
export function findPort(pod: KObject, target: unknown, protocol: unknown): number | undefined {
  if (typeof target === 'number') return target;
  for (const c of ((pod.spec as Obj | undefined)?.containers as Obj[] | undefined) ?? [])
    for (const p of (c.ports as Obj[] | undefined) ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return Number(p.containerPort);
  return undefined;
}

function subsetsFor(api: ApiServer, svc: KObject): Obj[] {
  const spec = svc.spec as Obj;
  const ns = svc.metadata.namespace ?? 'default';
  const pods = api
    .scan(PODS, ns)
    .filter((p) => selects(spec.selector as Obj, p.metadata.labels) && (p.status as Obj | undefined)?.podIP && !p.metadata.deletionTimestamp);
  // One subset per distinct port list (RepackSubsets); addresses sorted by IP as LessEndpointAddress does.
  const subsets = new Map<string, { ports: Obj[]; ready: Obj[]; notReady: Obj[] }>();
  for (const pod of pods) {
    const ports: Obj[] = [];
    for (const sp of (spec.ports as Obj[] | undefined) ?? []) {
      const port = findPort(pod, sp.targetPort, sp.protocol);
      if (port !== undefined) ports.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol });
    }
    if (!ports.length && ((spec.ports as Obj[] | undefined) ?? []).length) continue;
    ports.sort((a, b) => String(a.name ?? '').localeCompare(String(b.name ?? '')));
    const key = JSON.stringify(ports);
    const s = subsets.get(key) ?? { ports, ready: [], notReady: [] };
    subsets.set(key, s);
    const address = {
      ip: String((pod.status as Obj).podIP),
      nodeName: (pod.spec as Obj).nodeName,
      targetRef: { kind: 'Pod', name: pod.metadata.name, namespace: ns, uid: pod.metadata.uid },
    };
    (podReady(pod) ? s.ready : s.notReady).push(address);
  }
  const byIp = (a: Obj, b: Obj) => (String(a.ip) < String(b.ip) ? -1 : 1);
  return [...subsets.values()].map((s) => ({
    ...(s.ready.length ? { addresses: s.ready.sort(byIp) } : {}),
    ...(s.notReady.length ? { notReadyAddresses: s.notReady.sort(byIp) } : {}),
    ...(s.ports.length ? { ports: s.ports } : {}),
  }));
}

/** The apiserver's reconciler's Endpoints for default/kubernetes. */
function masterSubsets(api: ApiServer): Obj[] {
  const node = api.scan(resourceOfKind('v1', 'Node')!)[0];
  const ip = ((node?.status as Obj | undefined)?.addresses as Obj[] | undefined)?.find((a) => a.type === 'InternalIP')?.address;
  return [{ addresses: [{ ip }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }];
}

export function syncEndpoints(api: ApiServer): void {
  for (const svc of api.scan(SVC)) {
    const spec = (svc.spec ?? {}) as Obj;
    const ns = svc.metadata.namespace ?? 'default';
    const master = ns === 'default' && svc.metadata.name === 'kubernetes';
    // An ExternalName Service gets no Endpoints from this controller (issues.k8s.io/105986).
    if (!master && (!isObj(spec.selector) || spec.type === 'ExternalName')) continue;
    const subsets = master ? masterSubsets(api) : subsetsFor(api, svc);
    const labels: Record<string, string> = master
      ? { 'endpointslice.kubernetes.io/skip-mirror': 'true' }
      : { ...(svc.metadata.labels ?? {}), ...(spec.clusterIP === 'None' ? { 'service.kubernetes.io/headless': '' } : {}) };
    const cur = api.get(EP, ns, svc.metadata.name);
    const withLabels = Object.keys(labels).length ? { labels } : {};
    if (cur && JSON.stringify([cur.metadata.labels, cur.subsets ?? []]) === JSON.stringify([withLabels.labels, subsets])) continue;
    const annotations = master ? undefined : { [TRIGGER]: api.nowIso() };
    if (!cur) {
      const { obj } = api.create(
        {
          apiVersion: 'v1',
          kind: 'Endpoints',
          metadata: { name: svc.metadata.name, ...withLabels, ...(annotations ? { annotations } : {}) },
          ...(subsets.length ? { subsets } : {}),
        },
        ns,
        { uid: uidFor(api) },
      );
      // kubeadm's Services had theirs from the cluster's first minutes.
      if (api.isSystem(svc) || master) api.update(EP, { ...obj, metadata: { ...obj.metadata, creationTimestamp: svc.metadata.creationTimestamp } });
      continue;
    }
    const next: KObject = { ...cur, metadata: { ...cur.metadata, ...(annotations ? { annotations: { ...cur.metadata.annotations, ...annotations } } : {}) } };
    if (withLabels.labels) next.metadata.labels = withLabels.labels;
    else delete next.metadata.labels;
    if (subsets.length) next.subsets = subsets;
    else delete next.subsets;
    api.update(EP, next);
  }
}
