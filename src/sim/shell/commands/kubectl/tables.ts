/**
 * kubectl's table columns per kind (kubernetes@v1.30.0 pkg/printers/internalversion/printers.go,
 * the server-side Table kubectl prints), with their `-o wide` additions.
 */
import type { KObject } from '../../../k8s/types.ts';
import { humanDuration, since } from './duration.ts';
import { podColumns } from './podview.ts';
import { isObj, type Obj } from './obj.ts';

export interface Table {
  head: string[];
  wide: string[];
  row: (o: KObject, now: number) => string[];
  wideRow: (o: KObject, now: number) => string[];
}

const containersOf = (tpl: unknown): Obj[] => {
  const spec = isObj(tpl) && isObj(tpl.spec) ? tpl.spec : {};
  return Array.isArray(spec.containers) ? (spec.containers as Obj[]) : [];
};
/** metav1.FormatLabelSelector. */
export function formatSelector(sel: unknown): string {
  if (!isObj(sel)) return '<none>';
  const parts: string[] = [];
  if (isObj(sel.matchLabels)) for (const k of Object.keys(sel.matchLabels).sort()) parts.push(`${k}=${sel.matchLabels[k]}`);
  if (Array.isArray(sel.matchExpressions)) {
    for (const e of sel.matchExpressions as Obj[]) {
      const vals = Array.isArray(e.values) ? (e.values as string[]).slice().sort().join(',') : '';
      const op = String(e.operator);
      parts.push(op === 'In' ? `${e.key} in (${vals})` : op === 'NotIn' ? `${e.key} notin (${vals})` : op === 'Exists' ? String(e.key) : `!${e.key}`);
    }
  }
  return parts.length ? parts.join(',') : '<none>';
}

const age = (o: KObject, now: number) => since(o.metadata.creationTimestamp, now);
const count = (m: unknown) => (isObj(m) ? Object.keys(m).length : 0);
const num = (v: unknown) => String(Number(v ?? 0));

export const TABLES: Record<string, Table> = {
  Pod: {
    head: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
    wide: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
    row: (o, now) => {
      const c = podColumns(o);
      const restarts = c.restarts && c.lastRestart ? `${c.restarts} (${since(c.lastRestart, now)} ago)` : String(c.restarts);
      return [o.metadata.name, c.ready, c.status, restarts, age(o, now)];
    },
    wideRow: (o) => {
      const st = (o.status ?? {}) as Obj;
      return [String(st.podIP || '<none>'), String((o.spec as Obj | undefined)?.nodeName || '<none>'), String(st.nominatedNodeName || '<none>'), '<none>'];
    },
  },
  Deployment: {
    head: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, now) => {
      const s = (o.status ?? {}) as Obj;
      return [o.metadata.name, `${num(s.readyReplicas)}/${num((o.spec as Obj).replicas)}`, num(s.updatedReplicas), num(s.availableReplicas), age(o, now)];
    },
    wideRow: (o) => {
      const cs = containersOf((o.spec as Obj).template);
      return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(','), formatSelector((o.spec as Obj).selector)];
    },
  },
  ReplicaSet: {
    head: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, now) => {
      const s = (o.status ?? {}) as Obj;
      return [o.metadata.name, num((o.spec as Obj).replicas), num(s.replicas), num(s.readyReplicas), age(o, now)];
    },
    wideRow: (o) => TABLES.Deployment!.wideRow(o, 0),
  },
  DaemonSet: {
    head: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, now) => {
      const s = (o.status ?? {}) as Obj;
      const tpl = (o.spec as Obj).template;
      const sel = isObj(tpl) && isObj(tpl.spec) && isObj(tpl.spec.nodeSelector) ? tpl.spec.nodeSelector : {};
      // printers.go printDaemonSet: labels.FormatLabels of the template's nodeSelector.
      const nodeSel =
        Object.keys(sel)
          .sort()
          .map((k) => `${k}=${sel[k]}`)
          .join(',') || '<none>';
      return [
        o.metadata.name,
        num(s.desiredNumberScheduled),
        num(s.currentNumberScheduled),
        num(s.numberReady),
        num(s.updatedNumberScheduled),
        num(s.numberAvailable),
        nodeSel,
        age(o, now),
      ];
    },
    wideRow: (o) => TABLES.Deployment!.wideRow(o, 0),
  },
  Node: {
    head: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    wide: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
    row: (o, now) => {
      const st = (o.status ?? {}) as Obj;
      const ready = (st.conditions as Obj[]).find((c) => c.type === 'Ready');
      const roles = Object.keys(o.metadata.labels ?? {})
        .filter((k) => k.startsWith('node-role.kubernetes.io/'))
        .map((k) => k.slice('node-role.kubernetes.io/'.length))
        .sort();
      const unsched = (o.spec as Obj | undefined)?.unschedulable ? ',SchedulingDisabled' : '';
      return [
        o.metadata.name,
        `${ready?.status === 'True' ? 'Ready' : 'NotReady'}${unsched}`,
        roles.join(',') || '<none>',
        age(o, now),
        String((st.nodeInfo as Obj).kubeletVersion),
      ];
    },
    wideRow: (o) => {
      const st = (o.status ?? {}) as Obj;
      const info = st.nodeInfo as Obj;
      const addr = (t: string) => (st.addresses as Obj[]).find((a) => a.type === t)?.address;
      return [
        String(addr('InternalIP') ?? '<none>'),
        String(addr('ExternalIP') ?? '<none>'),
        String(info.osImage),
        String(info.kernelVersion),
        String(info.containerRuntimeVersion),
      ];
    },
  },
  Namespace: {
    head: ['NAME', 'STATUS', 'AGE'],
    wide: [],
    row: (o, now) => [o.metadata.name, String((o.status as Obj | undefined)?.phase ?? ''), age(o, now)],
    wideRow: () => [],
  },
  Event: {
    head: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    wide: [],
    row: (o, now) => {
      const inv = (o.involvedObject ?? {}) as Obj;
      return [since(o.lastTimestamp, now), String(o.type), String(o.reason), `${String(inv.kind).toLowerCase()}/${inv.name}`, String(o.message).trim()];
    },
    wideRow: () => [],
  },
  Service: {
    head: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
    wide: ['SELECTOR'],
    row: (o, now) => {
      const s = (o.spec ?? {}) as Obj;
      const ports = (Array.isArray(s.ports) ? (s.ports as Obj[]) : [])
        .map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`)
        .join(',');
      const ips = Array.isArray(s.clusterIPs) ? (s.clusterIPs as string[]) : [];
      return [o.metadata.name, String(s.type ?? 'ClusterIP'), ips[0] ?? '<none>', externalIP(o), ports || '<none>', age(o, now)];
    },
    // labels.FormatLabels: sorted keys.
    wideRow: (o) => {
      const sel = isObj((o.spec as Obj).selector) ? ((o.spec as Obj).selector as Obj) : {};
      return [
        Object.keys(sel)
          .sort()
          .map((k) => `${k}=${sel[k]}`)
          .join(',') || '<none>',
      ];
    },
  },
  // printers.go printJob (v1.30: no STATUS column yet): COMPLETIONS succeeded/completions ("%d/1 of %d" for a parallel
  // Job without completions), DURATION since startTime, or from startTime to completionTime.
  Job: {
    head: ['NAME', 'COMPLETIONS', 'DURATION', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, now) => {
      const s = (o.spec ?? {}) as Obj;
      const st = (o.status ?? {}) as Obj;
      const done = num(st.succeeded);
      const completions =
        s.completions !== undefined && s.completions !== null
          ? `${done}/${num(s.completions)}`
          : Number(s.parallelism ?? 0) > 1
            ? `${done}/1 of ${num(s.parallelism)}`
            : `${done}/1`;
      const start = typeof st.startTime === 'string' ? Date.parse(st.startTime) : undefined;
      const end = typeof st.completionTime === 'string' ? Date.parse(st.completionTime) : now;
      return [o.metadata.name, completions, start === undefined ? '' : humanDuration(end - start), age(o, now)];
    },
    wideRow: (o) => TABLES.Deployment!.wideRow(o, 0),
  },
  // printers.go printEndpoints: formatEndpoints(endpoints, nil), the first three ip:port pairs and "+ N more...";
  // kubernetes@v1.30.0 pkg/printers/internalversion/printers.go (JoinHostPort; headless subsets without ports list bare IPs).
  Endpoints: {
    head: ['NAME', 'ENDPOINTS', 'AGE'],
    wide: [],
    row: (o, now) => [o.metadata.name, formatEndpoints(o), age(o, now)],
    wideRow: () => [],
  },
  // printers.go printEndpointSlice: AddressType, formatDiscoveryPorts (the port, else its name, else "*") and
  // formatDiscoveryEndpoints (every endpoint's addresses), three at most then "+ N more...", "<unset>" when empty
  // (kubernetes@v1.30.5 pkg/printers/internalversion/printers.go listWithMoreString).
  EndpointSlice: {
    head: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
    wide: [],
    row: (o, now) => {
      const ports = (Array.isArray(o.ports) ? (o.ports as Obj[]) : []).map((p) =>
        p.port !== undefined ? String(p.port) : p.name !== undefined ? String(p.name) : '*',
      );
      const addrs = (Array.isArray(o.endpoints) ? (o.endpoints as Obj[]) : []).flatMap((e) =>
        Array.isArray(e.addresses) ? (e.addresses as unknown[]).map(String) : [],
      );
      return [o.metadata.name, String(o.addressType ?? ''), listWithMore(ports), listWithMore(addrs), age(o, now)];
    },
    wideRow: () => [],
  },
  // printers.go printConfigMap (Data: len(Data)+len(BinaryData)), printSecret (Type, len(Data)), printServiceAccount
  // (Secrets: len(Secrets)).
  ConfigMap: {
    head: ['NAME', 'DATA', 'AGE'],
    wide: [],
    row: (o, now) => [o.metadata.name, String(count(o.data) + count(o.binaryData)), age(o, now)],
    wideRow: () => [],
  },
  Secret: {
    head: ['NAME', 'TYPE', 'DATA', 'AGE'],
    wide: [],
    row: (o, now) => [o.metadata.name, String(o.type ?? ''), String(count(o.data)), age(o, now)],
    wideRow: () => [],
  },
  ServiceAccount: {
    head: ['NAME', 'SECRETS', 'AGE'],
    wide: [],
    row: (o, now) => [o.metadata.name, String(Array.isArray(o.secrets) ? o.secrets.length : 0), age(o, now)],
    wideRow: () => [],
  },
};

/** printers.go getServiceExternalIP: externalIPs, the load balancer's ingress IPs (`<pending>` while none), or the external name. */
function externalIP(o: KObject): string {
  const s = (o.spec ?? {}) as Obj;
  const ext = Array.isArray(s.externalIPs) ? (s.externalIPs as string[]) : [];
  const type = String(s.type ?? 'ClusterIP');
  if (type === 'ClusterIP' || type === 'NodePort') return ext.join(',') || '<none>';
  if (type === 'ExternalName') return String(s.externalName ?? '');
  if (type !== 'LoadBalancer') return '<unknown>';
  const lb = (((o.status as Obj | undefined)?.loadBalancer as Obj | undefined)?.ingress as Obj[] | undefined) ?? [];
  const all = [...lb.filter((i) => i.ip).map((i) => String(i.ip)), ...ext];
  return all.join(',') || '<pending>';
}

/** printers.go formatEndpoints: addresses (not the not-ready ones) with each port, at most three, then the count left. */
function formatEndpoints(o: KObject): string {
  const subsets = Array.isArray(o.subsets) ? (o.subsets as Obj[]) : [];
  if (!subsets.length) return '<none>';
  const list: string[] = [];
  let count = 0;
  let more = false;
  for (const ss of subsets) {
    const addrs = Array.isArray(ss.addresses) ? (ss.addresses as Obj[]) : [];
    const ports = Array.isArray(ss.ports) ? (ss.ports as Obj[]) : [];
    for (const port of ports.length ? ports : [undefined]) {
      count += addrs.length;
      for (const a of addrs) {
        if (list.length === 3) {
          more = true;
          break;
        }
        list.push(port ? `${a.ip}:${port.port}` : String(a.ip));
      }
    }
  }
  return more ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

/** printers.go listWithMoreString over the first three of a list. */
const listWithMore = (all: string[]): string => (all.length > 3 ? `${all.slice(0, 3).join(',')} + ${all.length - 3} more...` : all.join(',') || '<unset>');

/** Kinds without their own columns: the server's default table (NAME, AGE). */
export const DEFAULT_TABLE: Table = { head: ['NAME', 'AGE'], wide: [], row: (o, now) => [o.metadata.name, age(o, now)], wideRow: () => [] };
