/**
 * A Service on its way into node1's API server (index.ts create):
 * - SetDefaults_Service (kubernetes@v1.30.0 pkg/apis/core/v1/defaults.go): sessionAffinity None, type ClusterIP, each
 *   port's protocol TCP and targetPort = port, externalTrafficPolicy Cluster for NodePort/LoadBalancer, internalTrafficPolicy
 *   Cluster, allocateLoadBalancerNodePorts true;
 * - the registry's allocators (pkg/registry/core/service/storage/alloc.go, ipallocator, portallocator): a ClusterIP from
 *   kubeadm's service CIDR 10.96.0.0/12 and NodePorts from 30000-32767, dynamic picks taken at random from above the
 *   band kept for static picks (KEP-3070: min(max(16, size/16), 256) addresses, min(max(16, size/16), 128) ports);
 *   single-stack IPv4 (ipFamilies [IPv4], ipFamilyPolicy SingleStack); BeginCreate allocates before validation runs;
 * - ValidateService (pkg/apis/core/validation/validation.go) for the fields kubectl's generators can get wrong.
 */
import type { KObject } from '../types.ts';
import type { Cause } from './errors.ts';
import { duplicate, shown } from './validate.ts';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

const CIDR_BASE = (10 << 24) | (96 << 16);
const CIDR_SIZE = 1 << 20;
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;
const ipOf = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
const ipNum = (s: string) => s.split('.').reduce((a, b) => a * 256 + Number(b), 0);
const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** SetDefaults_Service. */
export function defaultService(spec: Obj): void {
  spec.sessionAffinity ??= 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && !isObj(spec.sessionAffinityConfig)) spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  spec.type ??= 'ClusterIP';
  for (const p of Array.isArray(spec.ports) ? (spec.ports as Obj[]) : []) {
    p.protocol ??= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer') && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (spec.type !== 'ExternalName') spec.internalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
}

/** IsValidPortNum's words. */
const portRange = (field: string, v: unknown): Cause[] =>
  typeof v === 'number' && v >= 1 && v <= 65535 ? [] : [{ field, message: `Invalid value: ${shown(v)}: must be between 1 and 65535, inclusive` }];

/**
 * BeginCreate's allocations, then ValidateService: the causes of an Invalid answer (none: the spec is complete).
 * `taken` lists the Services already stored.
 */
export function admitService(meta: Obj, spec: Obj, taken: readonly KObject[], random: (n: number) => number): Cause[] {
  defaultService(spec);
  const errs: Cause[] = [];
  const headless = spec.clusterIP === 'None';
  const ports = Array.isArray(spec.ports) ? (spec.ports as Obj[]) : [];
  // alloc.go allocServiceClusterIPs: a given address must lie in the range and be free; none: a random free one.
  if (spec.type !== 'ExternalName' && !headless) {
    const used = new Set(taken.map((s) => String((s.spec as Obj | undefined)?.clusterIP ?? '')));
    const want = typeof spec.clusterIP === 'string' && spec.clusterIP ? spec.clusterIP : undefined;
    if (want) {
      const n = ipNum(want);
      const why =
        n - CIDR_BASE <= 0 || n - CIDR_BASE >= CIDR_SIZE - 1
          ? `the provided IP (${want}) is not in the valid range. The range of valid IPs is 10.96.0.0/12`
          : used.has(want)
            ? 'provided IP is already allocated'
            : '';
      if (why) errs.push({ field: 'spec.clusterIPs', message: `Invalid value: []string{"${want}"}: failed to allocate IP ${want}: ${why}` });
    } else {
      let ip: string;
      do ip = ipOf(CIDR_BASE + 256 + random(CIDR_SIZE - 2 - 256));
      while (used.has(ip));
      spec.clusterIP = ip;
    }
    spec.clusterIPs = [spec.clusterIP];
  } else if (headless) spec.clusterIPs = ['None'];
  if (spec.type !== 'ExternalName') {
    spec.ipFamilies = ['IPv4'];
    spec.ipFamilyPolicy = 'SingleStack';
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    const used = new Set(taken.flatMap((s) => ((s.spec as Obj | undefined)?.ports as Obj[] | undefined)?.map((p) => Number(p.nodePort ?? 0)) ?? []));
    ports.forEach((p, i) => {
      const want = Number(p.nodePort ?? 0);
      if (want) {
        // portallocator: ErrNotInRange / ErrAllocated, as alloc.go's field.Invalid.
        if (want < NODE_PORT_MIN || want > NODE_PORT_MAX)
          errs.push({
            field: `spec.ports[${i}].nodePort`,
            message: `Invalid value: ${want}: provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`,
          });
        else if (used.has(want)) errs.push({ field: `spec.ports[${i}].nodePort`, message: `Invalid value: ${want}: provided port is already allocated` });
        used.add(want);
        return;
      }
      let port: number;
      do port = NODE_PORT_MIN + 128 + random(NODE_PORT_MAX - NODE_PORT_MIN + 1 - 128);
      while (used.has(port));
      used.add(port);
      p.nodePort = port;
    });
  }
  if (errs.length) return errs;
  // ValidateService: the name is a DNS-1035 label (ValidateServiceName), then the spec.
  const name = typeof meta.name === 'string' ? meta.name : '';
  if (!name) errs.push({ field: 'metadata.name', message: 'Required value: name or generateName is required' });
  else if (name.length > 63 || !DNS1035.test(name))
    errs.push({
      field: 'metadata.name',
      message: `Invalid value: ${shown(name)}: ${[
        ...(name.length > 63 ? ['must be no more than 63 characters'] : []),
        ...(DNS1035.test(name)
          ? []
          : [
              "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
            ]),
      ].join(', ')}`,
    });
  if (!TYPES.includes(String(spec.type)))
    errs.push({ field: 'spec.type', message: `Unsupported value: ${shown(spec.type)}: supported values: ${TYPES.map((t) => `"${t}"`).join(', ')}` });
  if (!ports.length && spec.type !== 'ExternalName' && !headless) errs.push({ field: 'spec.ports', message: 'Required value' });
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const at = `spec.ports[${i}]`;
    const pname = typeof p.name === 'string' ? p.name : '';
    if (ports.length > 1 && !pname) errs.push({ field: `${at}.name`, message: 'Required value' });
    else if (pname && names.has(pname)) errs.push(duplicate(`${at}.name`, pname));
    names.add(pname);
    errs.push(...portRange(`${at}.port`, p.port));
    if (typeof p.targetPort === 'number') errs.push(...portRange(`${at}.targetPort`, p.targetPort));
    if (spec.type === 'ClusterIP' && p.nodePort) errs.push({ field: `${at}.nodePort`, message: "Forbidden: may not be used when `type` is 'ClusterIP'" });
  });
  return errs;
}
