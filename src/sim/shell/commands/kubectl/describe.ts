/**
 * kubectl describe pod|deployment|replicaset|node|namespace (configmap|secret in describe-config.ts, job in describe-job.ts) (staging/src/k8s.io/kubectl/pkg/describe/describe.go):
 * one tabwriter (padding 2) over the whole text, times as RFC 1123Z, events as `10s (x3 over 37s)`.
 */
import type { ExecResult } from '../../../api.ts';
import type { ApiServer } from '../../../k8s/apiserver/index.ts';
import { resourceOfKind, type ResourceInfo } from '../../../k8s/apiserver/resources.ts';
import type { KObject } from '../../../k8s/types.ts';
import type { CmdEnv } from '../../types.ts';
import { tabwriter } from '../../kit/tabwriter.ts';
import { clusterFor } from './cluster.ts';
import { matchSelector, namespaceOf, out, parse, resourcesOf } from './common.ts';
import { describeConfigMap, describeSecret } from './describe-config.ts';
import { describeJob } from './describe-job.ts';
import { describeNode } from './describe-node.ts';
import { since } from './duration.ts';
import { formatSelector } from './tables.ts';
import { isObj, type Obj } from './obj.ts';

const arr = (x: unknown): Obj[] => (Array.isArray(x) ? (x as unknown[]).filter(isObj) : []);

const FLAGS = [
  { long: 'selector', short: 'l', type: 'string' as const },
  { long: 'all-namespaces', short: 'A', type: 'bool' as const },
  { long: 'show-events', type: 'bool' as const },
];

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** time.RFC1123Z in UTC: `Mon, 16 Sep 2024 11:45:01 +0000`. */
export function rfc1123z(iso: unknown): string {
  const d = new Date(String(iso));
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** printLabelsMultiline / printAnnotationsMultiline (last-applied-configuration is left out). */
export function multiline(title: string, m: Record<string, string> | undefined, indent = '', more = indent): string {
  const keys = Object.keys(m ?? {})
    .filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration')
    .sort();
  if (!keys.length) return `${indent}${title}:\t<none>\n`;
  return keys.map((k, i) => `${i === 0 ? `${indent}${title}:` : more}\t${k}${title === 'Annotations' ? ': ' : '='}${m![k]}\n`).join('');
}

/** DescribeEvents. */
export function describeEvents(events: KObject[], now: number): string {
  if (!events.length) return 'Events:\t<none>\n';
  let s = 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n  ----\t------\t----\t----\t-------\n';
  for (const e of events) {
    const first = since(e.firstTimestamp, now);
    const age = Number(e.count ?? 1) > 1 ? `${since(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
    const src = isObj(e.source) ? String(e.source.component ?? '') : '';
    s += `  ${e.type}\t${e.reason}\t${age}\t${src || String(e.reportingComponent ?? '')}\t${String(e.message).trim()}\n`;
  }
  return s;
}

function describeState(title: string, st: Obj, indent: string): string {
  if (isObj(st.running)) return `${indent}${title}:\tRunning\n${indent}  Started:\t${rfc1123z(st.running.startedAt)}\n`;
  if (isObj(st.waiting)) return `${indent}${title}:\tWaiting\n${st.waiting.reason ? `${indent}  Reason:\t${st.waiting.reason}\n` : ''}`;
  if (isObj(st.terminated)) {
    const t = st.terminated;
    return (
      `${indent}${title}:\tTerminated\n${t.reason ? `${indent}  Reason:\t${t.reason}\n` : ''}${t.message ? `${indent}  Message:\t${t.message}\n` : ''}` +
      `${indent}  Exit Code:\t${t.exitCode}\n${Number(t.signal) > 0 ? `${indent}  Signal:\t${t.signal}\n` : ''}` +
      `${indent}  Started:\t${rfc1123z(t.startedAt)}\n${indent}  Finished:\t${rfc1123z(t.finishedAt)}\n`
    );
  }
  return `${indent}${title}:\tWaiting\n`;
}

/** describeContainers: `pod` is the pod (statuses shown) or undefined for a pod template. */
function describeContainers(title: string, containers: Obj[], statuses: Obj[] | undefined, indent: string): string {
  let s = `${indent}${title}:\n`;
  // describeContainerBasicInfo: the name at LEVEL_1 (one more space inside a template), the fields at LEVEL_2 either way.
  const ind = '  ';
  for (const c of containers) {
    const st = statuses?.find((x) => x.name === c.name);
    s += `${indent}${statuses ? '  ' : ' '}${c.name}:\n`;
    if (st?.containerID) s += `${ind}  Container ID:\t${st.containerID}\n`;
    s += `${ind}  Image:\t${c.image}\n`;
    if (statuses) s += `${ind}  Image ID:\t${st?.imageID ?? ''}\n`;
    const ports = arr(c.ports);
    if (!ports.length) s += `${ind}  Port:\t<none>\n${ind}  Host Port:\t<none>\n`;
    else if (ports.length === 1)
      s += `${ind}  Port:\t${ports[0]!.containerPort}/${ports[0]!.protocol ?? 'TCP'}\n${ind}  Host Port:\t${ports[0]!.hostPort ?? 0}/${ports[0]!.protocol ?? 'TCP'}\n`;
    else
      s += `${ind}  Ports:\t${ports.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ')}\n${ind}  Host Ports:\t${ports.map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ')}\n`;
    // describeContainerBasicInfo: the container's own seccomp profile (kubectl debug --profile=restricted sets one).
    const csc = isObj(c.securityContext) && isObj(c.securityContext.seccompProfile) ? c.securityContext.seccompProfile : undefined;
    if (csc) s += `${ind}  SeccompProfile:\t${csc.type}\n${csc.type === 'Localhost' ? `${ind}    LocalhostProfile:\t${csc.localhostProfile}\n` : ''}`;
    for (const k of ['command', 'args'] as const) {
      if (Array.isArray(c[k]) && (c[k] as unknown[]).length)
        s += `${ind}  ${k === 'command' ? 'Command' : 'Args'}:\n${(c[k] as unknown[]).map((a) => `${ind}    ${a}\n`).join('')}`;
    }
    if (st) {
      s += describeState('State', isObj(st.state) ? st.state : {}, `${ind}  `);
      if (isObj(st.lastState) && isObj(st.lastState.terminated)) s += describeState('Last State', st.lastState, `${ind}  `);
      s += `${ind}  Ready:\t${st.ready ? 'True' : 'False'}\n${ind}  Restart Count:\t${st.restartCount ?? 0}\n`;
    } else if (statuses) s += `${ind}  State:\tWaiting\n${ind}  Ready:\tFalse\n${ind}  Restart Count:\t0\n`;
    const res = isObj(c.resources) ? c.resources : {};
    for (const [key, label] of [
      ['limits', 'Limits'],
      ['requests', 'Requests'],
    ] as const) {
      const m = isObj(res[key]) ? res[key] : undefined;
      if (m && Object.keys(m).length)
        s += `${ind}  ${label}:\n${Object.keys(m)
          .sort()
          .map((k) => `${ind}    ${k}:\t${m[k]}\n`)
          .join('')}`;
    }
    // describeContainerProbe
    for (const [key, label] of [
      ['livenessProbe', 'Liveness'],
      ['readinessProbe', 'Readiness'],
      ['startupProbe', 'Startup'],
    ] as const) {
      if (isObj(c[key])) s += `${ind}  ${label}:\t${describeProbe(c[key])}\n`;
    }
    const env = arr(c.env);
    if (!env.length) s += `${ind}  Environment:\t<none>\n`;
    else {
      s += `${ind}  Environment:\n`;
      for (const e of env) {
        const from = isObj(e.valueFrom) && isObj(e.valueFrom.fieldRef) ? ` (${e.valueFrom.fieldRef.apiVersion ?? 'v1'}:${e.valueFrom.fieldRef.fieldPath})` : '';
        s += `${ind}    ${e.name}:\t${e.value ?? ''}${from}\n`;
      }
    }
    // describeContainerVolumes sorts the mounts by path (SortableVolumeMounts).
    const mounts = arr(c.volumeMounts).sort((a, b) => (String(a.mountPath) < String(b.mountPath) ? -1 : String(a.mountPath) > String(b.mountPath) ? 1 : 0));
    if (!mounts.length) s += `${ind}  Mounts:\t<none>\n`;
    else
      s += `${ind}  Mounts:\n${mounts.map((m) => `${ind}    ${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'}${m.subPath ? `,path="${m.subPath}"` : ''})\n`).join('')}`;
  }
  return s;
}

/**
 * describe.go DescribeProbe: `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`
 * (url.URL of scheme, net.JoinHostPort(host, port) and path), `exec [cat /tmp/healthy] …`, `tcp-socket :8080 …`.
 */
function describeProbe(p: Obj): string {
  const attrs = `delay=${Number(p.initialDelaySeconds ?? 0)}s timeout=${Number(p.timeoutSeconds ?? 0)}s period=${Number(p.periodSeconds ?? 0)}s #success=${Number(p.successThreshold ?? 0)} #failure=${Number(p.failureThreshold ?? 0)}`;
  if (isObj(p.exec)) return `exec [${((p.exec.command as unknown[] | undefined) ?? []).join(' ')}] ${attrs}`;
  if (isObj(p.httpGet)) {
    const h = p.httpGet;
    const host = String(h.host ?? '');
    const port = String(h.port ?? '');
    const hostPort = port ? (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`) : host;
    const path = String(h.path ?? '');
    return `http-get ${String(h.scheme ?? '').toLowerCase()}://${hostPort}${path && !path.startsWith('/') ? '/' : ''}${escapePath(path)} ${attrs}`;
  }
  if (isObj(p.tcpSocket)) return `tcp-socket ${String(p.tcpSocket.host ?? '')}:${String(p.tcpSocket.port ?? '')} ${attrs}`;
  if (isObj(p.grpc)) return `grpc <pod>:${p.grpc.port} ${String(p.grpc.service ?? '')} ${attrs}`;
  return `unknown ${attrs}`;
}

/**
 * Go's url.URL EscapedPath for a Path with no RawPath: escape(path, encodePath) keeps letters, digits, `-_.~` and the
 * reserved `$&+,/:;=@`, and writes every other byte as %XX, `?` included (go@go1.22:src/net/url/url.go shouldEscape), so
 * etcd's probe reads `/health%3Fexclude=NOSPACE&serializable=true`.
 */
function escapePath(path: string): string {
  if (/^[A-Za-z0-9\-_.~$&+,/:;=@]*$/.test(path)) return path;
  let out = '';
  for (const b of new TextEncoder().encode(path)) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-_.~$&+,/:;=@]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function describeVolumes(vols: Obj[], indent: string): string {
  if (!vols.length) return `${indent}Volumes:\t<none>\n`;
  let s = `${indent}Volumes:\n`;
  for (const v of vols) {
    s += `${indent}  ${v.name}:\n`;
    const i = `${indent}    `;
    if (isObj(v.projected)) {
      s += `${i}Type:\tProjected (a volume that contains injected data from multiple sources)\n`;
      for (const src of arr(v.projected.sources)) {
        if (isObj(src.serviceAccountToken)) s += `${i}TokenExpirationSeconds:\t${src.serviceAccountToken.expirationSeconds}\n`;
        if (isObj(src.configMap)) s += `${i}ConfigMapName:\t${src.configMap.name}\n${i}ConfigMapOptional:\t${src.configMap.optional ?? '<nil>'}\n`;
        if (isObj(src.downwardAPI)) s += `${i}DownwardAPI:\ttrue\n`;
      }
    } else if (isObj(v.emptyDir)) {
      s += `${i}Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n${i}Medium:\t${v.emptyDir.medium ?? ''}\n${i}SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}\n`;
    } else if (isObj(v.hostPath)) {
      s += `${i}Type:\tHostPath (bare host directory volume)\n${i}Path:\t${v.hostPath.path}\n${i}HostPathType:\t${v.hostPath.type ?? ''}\n`;
    } else if (isObj(v.configMap)) {
      s += `${i}Type:\tConfigMap (a volume populated by a ConfigMap)\n${i}Name:\t${v.configMap.name}\n${i}Optional:\t${v.configMap.optional ?? false}\n`;
    } else if (isObj(v.secret)) {
      s += `${i}Type:\tSecret (a volume populated by a Secret)\n${i}SecretName:\t${v.secret.secretName}\n${i}Optional:\t${v.secret.optional ?? false}\n`;
    } else s += `${i}<unknown>\n`;
  }
  return s;
}

/** printPodTolerationsMultiline: `key=value:Effect op=Exists for 300s`. */
const tolerationText = (t: Obj) => {
  const exists = t.operator === 'Exists' && !t.value ? (t.key || t.effect ? ' op=Exists' : 'op=Exists') : '';
  return `${t.key ?? ''}${t.value ? `=${t.value}` : ''}${t.effect ? `:${t.effect}` : ''}${exists}${t.tolerationSeconds !== undefined ? ` for ${t.tolerationSeconds}s` : ''}`;
};

function multilineList(title: string, items: string[], indent = ''): string {
  if (!items.length) return `${indent}${title}:\t<none>\n`;
  return items.map((x, i) => `${i === 0 ? `${indent}${title}:` : indent}\t${x}\n`).join('');
}

export function describePod(api: ApiServer, p: KObject, now: number): string {
  const spec = (p.spec ?? {}) as Obj;
  const st = (p.status ?? {}) as Obj;
  const m = p.metadata;
  let s = `Name:\t${m.name}\nNamespace:\t${m.namespace}\n`;
  if (spec.priority !== undefined) s += `Priority:\t${spec.priority}\n`;
  if (spec.priorityClassName) s += `Priority Class Name:\t${spec.priorityClassName}\n`;
  s += `Service Account:\t${spec.serviceAccountName ?? ''}\n`;
  s += `Node:\t${spec.nodeName ? `${spec.nodeName}/${st.hostIP ?? ''}` : '<none>'}\n`;
  if (st.startTime) s += `Start Time:\t${rfc1123z(st.startTime)}\n`;
  s += multiline('Labels', m.labels) + multiline('Annotations', m.annotations);
  if (m.deletionTimestamp) {
    // translateTimestampSince of a time still to come: HumanDuration says <invalid>, as the real one does.
    s += `Status:\tTerminating (lasts ${since(m.deletionTimestamp, now)})\nTermination Grace Period:\t${m.deletionGracePeriodSeconds}s\n`;
  } else s += `Status:\t${st.phase}\n`;
  if (st.reason) s += `Reason:\t${st.reason}\n`;
  if (st.message) s += `Message:\t${st.message}\n`;
  const psc = isObj(spec.securityContext) ? spec.securityContext : {};
  if (isObj(psc.seccompProfile)) s += `SeccompProfile:\t${psc.seccompProfile.type}\n`;
  s += `IP:\t${st.podIP ?? ''}\n`;
  const ips = arr(st.podIPs);
  s += ips.length ? `IPs:\n${ips.map((i) => `  IP:\t${i.ip}\n`).join('')}` : 'IPs:\t<none>\n';
  const ctl = m.ownerReferences?.find((r) => r.controller);
  if (ctl) s += `Controlled By:\t${ctl.kind}/${ctl.name}\n`;
  if (arr(spec.initContainers).length) s += describeContainers('Init Containers', arr(spec.initContainers), arr(st.initContainerStatuses), '');
  s += describeContainers('Containers', arr(spec.containers), arr(st.containerStatuses), '');
  // describe.go describePod: the ephemeral containers, described as containers, after the regular ones.
  if (arr(spec.ephemeralContainers).length)
    s += describeContainers('Ephemeral Containers', arr(spec.ephemeralContainers), arr(st.ephemeralContainerStatuses), '');
  const conds = arr(st.conditions);
  if (conds.length) s += `Conditions:\n  Type\tStatus\n${conds.map((c) => `  ${c.type} \t${c.status} \n`).join('')}`;
  s += describeVolumes(arr(spec.volumes), '');
  s += `QoS Class:\t${st.qosClass ?? ''}\n`;
  s += multilineList(
    'Node-Selectors',
    Object.entries(isObj(spec.nodeSelector) ? spec.nodeSelector : {}).map(([k, v]) => `${k}=${v}`),
  );
  s += multilineList('Tolerations', arr(spec.tolerations).map(tolerationText));
  s += describeEvents(api.eventsFor(p), now);
  return s;
}

/** describe.go DescribePodTemplate (rollout history --revision and undo --dry-run=client print it untabbed: printTemplate). */
export function describeTemplate(tpl: Obj): string {
  const meta = isObj(tpl.metadata) ? tpl.metadata : {};
  const spec = isObj(tpl.spec) ? tpl.spec : {};
  // printLabelsMultiline(w, "  Labels", …): the indent is the title's, a continuation line starts at its tab.
  let s = 'Pod Template:\n' + multiline('Labels', meta.labels as Record<string, string> | undefined, '  ', '');
  if (isObj(meta.annotations) && Object.keys(meta.annotations).length) s += multiline('Annotations', meta.annotations as Record<string, string>, '  ', '');
  if (spec.serviceAccountName) s += `  Service Account:\t${spec.serviceAccountName}\n`;
  if (arr(spec.initContainers).length) s += describeContainers('Init Containers', arr(spec.initContainers), undefined, '  ');
  s += describeContainers('Containers', arr(spec.containers), undefined, '  ');
  s += describeVolumes(arr(spec.volumes), '  ');
  s += multilineList(
    'Node-Selectors',
    Object.entries(isObj(spec.nodeSelector) ? spec.nodeSelector : {}).map(([k, v]) => `${k}=${v}`),
    '  ',
  );
  s += multilineList('Tolerations', arr(spec.tolerations).map(tolerationText), '  ');
  return s;
}

export function describeDeployment(api: ApiServer, d: KObject, now: number): string {
  const spec = (d.spec ?? {}) as Obj;
  const st = (d.status ?? {}) as Obj;
  const n = (x: unknown) => Number(x ?? 0);
  let s = `Name:\t${d.metadata.name}\nNamespace:\t${d.metadata.namespace}\nCreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`;
  s += multiline('Labels', d.metadata.labels) + multiline('Annotations', d.metadata.annotations);
  s += `Selector:\t${formatSelector(spec.selector)}\n`;
  s += `Replicas:\t${n(spec.replicas)} desired | ${n(st.updatedReplicas)} updated | ${n(st.replicas)} total | ${n(st.availableReplicas)} available | ${n(st.unavailableReplicas)} unavailable\n`;
  const strategy = isObj(spec.strategy) ? spec.strategy : {};
  s += `StrategyType:\t${strategy.type}\nMinReadySeconds:\t${n(spec.minReadySeconds)}\n`;
  if (isObj(strategy.rollingUpdate))
    s += `RollingUpdateStrategy:\t${strategy.rollingUpdate.maxUnavailable} max unavailable, ${strategy.rollingUpdate.maxSurge} max surge\n`;
  s += describeTemplate(isObj(spec.template) ? spec.template : {});
  const conds = arr(st.conditions);
  if (conds.length)
    s += `Conditions:\n  Type\tStatus\tReason\n  ----\t------\t------\n${conds.map((c) => `  ${c.type} \t${c.status}\t${c.reason}\n`).join('')}`;
  const rsRes = resourceOfKind('apps/v1', 'ReplicaSet')!;
  const owned = api.list(rsRes, d.metadata.namespace).filter((rs) => rs.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid));
  const rev = d.metadata.annotations?.['deployment.kubernetes.io/revision'];
  const newRs = owned.find((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === rev);
  const olds = owned.filter((rs) => rs !== newRs && n((rs.spec as Obj).replicas) > 0);
  const rsText = (rs: KObject) => `${rs.metadata.name} (${n((rs.status as Obj | undefined)?.replicas)}/${n((rs.spec as Obj).replicas)} replicas created)`;
  s += `OldReplicaSets:\t${olds.length ? olds.map(rsText).join(', ') : '<none>'}\nNewReplicaSet:\t${newRs ? rsText(newRs) : '<none>'}\n`;
  s += describeEvents(api.eventsFor(d), now);
  return s;
}

export function describeReplicaSet(api: ApiServer, rs: KObject, now: number): string {
  const spec = (rs.spec ?? {}) as Obj;
  const st = (rs.status ?? {}) as Obj;
  const pods = api.list(resourceOfKind('v1', 'Pod')!, rs.metadata.namespace).filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === rs.metadata.uid));
  const phase = (ph: string) => pods.filter((p) => (p.status as Obj | undefined)?.phase === ph).length;
  let s = `Name:\t${rs.metadata.name}\nNamespace:\t${rs.metadata.namespace}\nSelector:\t${formatSelector(spec.selector)}\n`;
  s += multiline('Labels', rs.metadata.labels) + multiline('Annotations', rs.metadata.annotations);
  const ctl = rs.metadata.ownerReferences?.find((r) => r.controller);
  if (ctl) s += `Controlled By:\t${ctl.kind}/${ctl.name}\n`;
  s += `Replicas:\t${Number(st.replicas ?? 0)} current / ${Number(spec.replicas ?? 0)} desired\n`;
  s += `Pods Status:\t${phase('Running')} Running / ${phase('Pending')} Waiting / ${phase('Succeeded')} Succeeded / ${phase('Failed')} Failed\n`;
  s += describeTemplate(isObj(spec.template) ? spec.template : {});
  const conds = arr(st.conditions);
  if (conds.length)
    s += `Conditions:\n  Type\tStatus\tReason\n  ----\t------\t------\n${conds.map((c) => `  ${c.type} \t${c.status}\t${c.reason}\n`).join('')}`;
  s += describeEvents(api.eventsFor(rs), now);
  return s;
}

function describeNamespace(api: ApiServer, ns: KObject): string {
  let s = `Name:\t${ns.metadata.name}\n${multiline('Labels', ns.metadata.labels)}${multiline('Annotations', ns.metadata.annotations)}Status:\t${(ns.status as Obj | undefined)?.phase}\n`;
  s += '\nNo resource quota.\n\nNo LimitRange resource.\n';
  void api;
  return s;
}

const DESCRIBERS: Record<string, (api: ApiServer, o: KObject, now: number) => string> = {
  Pod: describePod,
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  Job: describeJob,
  Node: describeNode,
  Namespace: (api, o) => describeNamespace(api, o),
  ConfigMap: describeConfigMap,
  Secret: describeSecret,
};

export async function describe(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, FLAGS, 'describe');
  if (!p.ok) return p.usage!;
  if (!p.rest.length)
    return out(
      '',
      `You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'kubectl describe -h' for help and examples\n`,
      1,
    );
  const cluster = clusterFor(env.host);
  await cluster.sync();
  const ns = namespaceOf(p.flags, env);
  const now = env.host.clock.nowMs;
  const targets: { r: ResourceInfo; name?: string }[] = [];
  if (p.rest.every((a) => a.includes('/'))) {
    for (const a of p.rest) {
      const rs = resourcesOf(a.split('/')[0]!);
      if ('error' in rs) return rs.error;
      targets.push({ r: rs[0]!, name: a.split('/')[1] });
    }
  } else {
    const rs = resourcesOf(p.rest[0]!);
    if ('error' in rs) return rs.error;
    for (const r of rs) {
      if (p.rest.length > 1) for (const n of p.rest.slice(1)) targets.push({ r, name: n });
      else targets.push({ r });
    }
  }
  const sel = matchSelector(p.flags.selector as string | undefined);
  if (typeof sel !== 'function') return out('', sel.error, 1);
  const texts: string[] = [];
  let stderr = '';
  for (const t of targets) {
    const fn = DESCRIBERS[t.r.kind];
    if (!fn)
      return out(
        '',
        `kubectl describe ${t.r.resource}: not simulated on node1 (this kubectl describes pods, deployments, replicasets, jobs, nodes, namespaces, configmaps and secrets)\n`,
        1,
      );
    if (t.name) {
      // describe.go: a name that matches no object exactly is tried as a prefix.
      const exact = cluster.api.get(t.r, ns, t.name);
      const objs = exact ? [exact] : cluster.api.list(t.r, t.r.namespaced ? ns : undefined).filter((o) => o.metadata.name.startsWith(t.name!));
      if (!objs.length) stderr += `Error from server (NotFound): ${t.r.group ? `${t.r.resource}.${t.r.group}` : t.r.resource} "${t.name}" not found\n`;
      for (const o of objs) texts.push(tabwriter(fn(cluster.api, o, now), 0, 2));
    } else {
      const objs = cluster.api.list(t.r, p.flags['all-namespaces'] || !t.r.namespaced ? undefined : ns).filter(sel);
      for (const o of objs) texts.push(tabwriter(fn(cluster.api, o, now), 0, 2));
    }
  }
  if (!texts.length && !stderr) return out('', `No resources found in ${ns} namespace.\n`);
  return out(texts.join('\n\n'), stderr, stderr ? 1 : 0);
}
