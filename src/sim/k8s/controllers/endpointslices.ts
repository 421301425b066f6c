/**
 * The EndpointSlice controller (k8s.io/endpointslice@v0.30.5 reconciler.go, utils.go) and the API server's slice for
 * default/kubernetes (kubernetes@v1.30.5 pkg/controlplane/reconcilers/endpointsadapter.go endpointSliceFromEndpoints):
 * - for each Service with a selector (not ExternalName), one IPv4 slice named `<service>-<5 chars>` (newEndpointSlice:
 *   generateName getEndpointSlicePrefix, a controller ownerReference to the Service), labelled with the Service's labels,
 *   `kubernetes.io/service-name` and `endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io`
 *   (setEndpointSliceLabels; `service.kubernetes.io/headless` when clusterIP is None);
 * - one endpoint per selected pod with an IP that is not terminal (podToEndpoint: addresses the pod's IPs, conditions
 *   ready = serving && !terminating, serving = the pod's Ready condition, terminating = deletionTimestamp set; nodeName;
 *   targetRef kind, name, namespace, uid); ports from the Service's ports resolved against the pod (getEndpointPorts:
 *   name, port, protocol, every field set, so an unnamed port has `name: ""`);
 * - upstream orders a slice's ports by an md5 of spew's %#v of each port, pointer addresses included
 *   (util/controller_utils.go NewPortMapKey), so a multi-port slice may list its ports in any order on a real
 *   cluster: node1 keeps the Service's order;
 * - default/kubernetes: the slice `kubernetes` (label kubernetes.io/service-name only) with the node's address,
 *   ready, port https 6443.
 * generation is 1 at creation and moves with each change (the registry's endpointSliceStrategy); the names and uids come
 * from a stream of their own, so the learner's other names stay what they were.
 */
import type { ApiServer } from '../apiserver/index.ts';
import { randomSuffix, uuid } from '../apiserver/names.ts';
import { resourceOfKind } from '../apiserver/resources.ts';
import type { KObject } from '../types.ts';
import { Rng } from '../../rng.ts';
import { findPort } from './endpoints.ts';
import { podReady } from './replicaset.ts';
import { attached } from '../../attached.ts';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const PODS = resourceOfKind('v1', 'Pod')!;
const SVC = resourceOfKind('v1', 'Service')!;
const EPS = resourceOfKind('discovery.k8s.io/v1', 'EndpointSlice')!;
const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
const CONTROLLER = 'endpointslice-controller.k8s.io';
const SERVICE_NAME = 'kubernetes.io/service-name';
const TRIGGER = 'endpoints.kubernetes.io/last-change-trigger-time';

const streams = attached<ApiServer, Rng>('streams');
const rngFor = (api: ApiServer) => {
  let rng = streams.get(api);
  if (!rng) streams.set(api, (rng = new Rng(0x65707363)));
  return rng;
};

const selects = (sel: Obj, labels: Record<string, string> | undefined) => Object.entries(sel).every(([k, v]) => labels?.[k] === v);

/** The slice's endpoints and ports for a selector Service. */
function contents(api: ApiServer, svc: KObject): { endpoints: Obj[]; ports: Obj[] } {
  const spec = svc.spec as Obj;
  const ns = svc.metadata.namespace ?? 'default';
  let ports: Obj[] | undefined;
  const endpoints: Obj[] = [];
  for (const pod of api.scan(PODS, ns)) {
    const st = (pod.status ?? {}) as Obj;
    if (!selects(spec.selector as Obj, pod.metadata.labels) || !st.podIP || st.phase === 'Succeeded' || st.phase === 'Failed') continue;
    const podPorts: Obj[] = [];
    for (const sp of (spec.ports as Obj[] | undefined) ?? []) {
      const port = findPort(pod, sp.targetPort, sp.protocol);
      if (port !== undefined) podPorts.push({ name: sp.name ?? '', port, protocol: sp.protocol });
    }
    ports ??= podPorts;
    const serving = podReady(pod);
    const terminating = Boolean(pod.metadata.deletionTimestamp);
    const ips = Array.isArray(st.podIPs) ? (st.podIPs as Obj[]).map((p) => String(p.ip)) : [String(st.podIP)];
    endpoints.push({
      addresses: ips.filter((ip) => !ip.includes(':')),
      conditions: { ready: Boolean(spec.publishNotReadyAddresses) || (serving && !terminating), serving, terminating },
      nodeName: (pod.spec as Obj).nodeName,
      targetRef: { kind: 'Pod', name: pod.metadata.name, namespace: ns, uid: pod.metadata.uid },
    });
  }
  return { endpoints, ports: ports ?? [] };
}

function masterSlice(api: ApiServer): { endpoints: Obj[]; ports: Obj[] } {
  const node = api.scan(resourceOfKind('v1', 'Node')!)[0];
  const ip = ((node?.status as Obj | undefined)?.addresses as Obj[] | undefined)?.find((a) => a.type === 'InternalIP')?.address;
  return { endpoints: [{ addresses: [ip], conditions: { ready: true } }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] };
}

export function syncEndpointSlices(api: ApiServer): void {
  for (const svc of api.scan(SVC)) {
    const spec = (svc.spec ?? {}) as Obj;
    const ns = svc.metadata.namespace ?? 'default';
    const master = ns === 'default' && svc.metadata.name === 'kubernetes';
    if (!master && (!isObj(spec.selector) || spec.type === 'ExternalName')) continue;
    const want = master ? masterSlice(api) : contents(api, svc);
    const labels: Record<string, string> = master
      ? { [SERVICE_NAME]: 'kubernetes' }
      : {
          ...(svc.metadata.labels ?? {}),
          ...(spec.clusterIP === 'None' ? { 'service.kubernetes.io/headless': '' } : {}),
          [MANAGED_BY]: CONTROLLER,
          [SERVICE_NAME]: svc.metadata.name,
        };
    const cur = api
      .scan(EPS, ns)
      .find(
        (s) =>
          s.metadata.labels?.[SERVICE_NAME] === svc.metadata.name &&
          (master ? s.metadata.name === 'kubernetes' : s.metadata.labels?.[MANAGED_BY] === CONTROLLER),
      );
    if (cur && JSON.stringify([cur.metadata.labels, cur.endpoints, cur.ports]) === JSON.stringify([labels, want.endpoints, want.ports])) continue;
    const annotations = master ? undefined : { [TRIGGER]: api.nowIso() };
    if (!cur) {
      const rng = rngFor(api);
      const { obj } = api.create(
        {
          addressType: 'IPv4',
          apiVersion: 'discovery.k8s.io/v1',
          endpoints: want.endpoints,
          kind: 'EndpointSlice',
          metadata: {
            ...(annotations ? { annotations } : {}),
            ...(master ? {} : { generateName: `${svc.metadata.name}-` }),
            generation: 1,
            labels,
            name: master ? 'kubernetes' : `${svc.metadata.name}-${randomSuffix((n) => rng.int(n))}`,
            ...(master
              ? {}
              : {
                  ownerReferences: [
                    { apiVersion: 'v1', blockOwnerDeletion: true, controller: true, kind: 'Service', name: svc.metadata.name, uid: svc.metadata.uid },
                  ],
                }),
          },
          ports: want.ports,
        },
        ns,
        { uid: uuid((n) => rng.hex(n)) },
      );
      // kubeadm's Services had theirs from the cluster's first minutes.
      if (api.isSystem(svc) || master) api.update(EPS, { ...obj, metadata: { ...obj.metadata, creationTimestamp: svc.metadata.creationTimestamp } });
      continue;
    }
    api.update(EPS, {
      ...cur,
      endpoints: want.endpoints,
      metadata: {
        ...cur.metadata,
        ...(annotations ? { annotations: { ...cur.metadata.annotations, ...annotations } } : {}),
        generation: (cur.metadata.generation ?? 1) + 1,
        labels,
      },
      ports: want.ports,
    });
  }
}
