/**
 * kubectl's table columns per kind (kubernetes@v1.30.0 pkg/printers/internalversion/printers.go,
 * the server-side Table kubectl prints), with their `-o wide` additions.
 */
import type { KObject } from '../../../k8s/types.ts';
import { since } from './duration.ts';
import { podColumns } from './podview.ts';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

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
      return [o.metadata.name, String(s.type ?? 'ClusterIP'), String(s.clusterIP ?? '<none>'), '<none>', ports || '<none>', age(o, now)];
    },
    wideRow: (o) => [
      isObj((o.spec as Obj).selector)
        ? Object.entries((o.spec as Obj).selector as Obj)
            .map(([k, v]) => `${k}=${v}`)
            .join(',')
        : '<none>',
    ],
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

/** Kinds without their own columns: the server's default table (NAME, AGE). */
export const DEFAULT_TABLE: Table = { head: ['NAME', 'AGE'], wide: [], row: (o, now) => [o.metadata.name, age(o, now)], wideRow: () => [] };
