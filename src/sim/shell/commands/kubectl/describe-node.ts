/** kubectl describe node (staging/src/k8s.io/kubectl/pkg/describe/describe.go describeNode, describeNodeResource). */
import { parseQuantity } from '../../../../k8s/quantity.ts';
import type { ApiServer } from '../../../k8s/apiserver/index.ts';
import { podLimits, podRequests } from '../../../k8s/apiserver/fit.ts';
import { resourceOfKind } from '../../../k8s/apiserver/resources.ts';
import type { KObject } from '../../../k8s/types.ts';
import { describeEvents, multiline, rfc1123z } from './describe.ts';
import { since } from './duration.ts';
import { isObj, type Obj } from './obj.ts';

const arr = (x: unknown): Obj[] => (Array.isArray(x) ? (x as unknown[]).filter(isObj) : []);

/** A byte count as resource.Quantity prints it (binary suffix when it divides evenly). */
function bytesText(n: number): string {
  if (n === 0) return '0';
  for (const [suf, f] of [
    ['Gi', 2 ** 30],
    ['Mi', 2 ** 20],
    ['Ki', 2 ** 10],
  ] as const)
    if (n % f === 0) return `${n / f}${suf}`;
  return String(n);
}
const cpuText = (m: number) => (m === 0 ? '0' : m % 1000 === 0 ? String(m / 1000) : `${m}m`);

/** describe.go getPodsTotalRequestsAndLimits per pod: resourcehelper.PodRequestsAndLimits (init containers, overhead; fit.ts). */
function podTotals(p: KObject): { cpuReq: number; cpuLim: number; memReq: number; memLim: number } {
  const spec = isObj(p.spec) ? p.spec : {};
  const req = podRequests(spec);
  const lim = podLimits(spec);
  return { cpuReq: req.get('cpu') ?? 0, cpuLim: lim.get('cpu') ?? 0, memReq: req.get('memory') ?? 0, memLim: lim.get('memory') ?? 0 };
}

export function describeNode(api: ApiServer, n: KObject, now: number): string {
  const st = (n.status ?? {}) as Obj;
  const spec = (n.spec ?? {}) as Obj;
  const info = (st.nodeInfo ?? {}) as Obj;
  const roles = Object.keys(n.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice(24))
    .sort();
  let s = `Name:\t${n.metadata.name}\nRoles:\t${roles.join(',') || '<none>'}\n`;
  s += multiline('Labels', n.metadata.labels) + multiline('Annotations', n.metadata.annotations);
  // describe.go printNodeTaintsMultiline: sorted by effect then key, one a line (the next ones under the first).
  const taints = ((spec as { taints?: { key: string; value?: string; effect: string }[] }).taints ?? [])
    .map((t) => ({ sort: `${t.effect},${t.key}`, text: `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}` }))
    .sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0))
    .map((t) => t.text);
  s += `CreationTimestamp:\t${rfc1123z(n.metadata.creationTimestamp)}\nTaints:\t${taints.length ? taints.join('\n\t') : '<none>'}\nUnschedulable:\t${spec.unschedulable ? 'true' : 'false'}\n`;
  s += `Lease:\n  HolderIdentity:\t${n.metadata.name}\n  AcquireTime:\t<unset>\n  RenewTime:\t${rfc1123z(api.leaseRenewTime())}\n`;
  s +=
    'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n  ----\t------\t-----------------\t------------------\t------\t-------\n';
  for (const c of arr(st.conditions))
    s += `  ${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason} \t${c.message}\n`;
  s += `Addresses:\n${arr(st.addresses)
    .map((a) => `  ${a.type}:\t${a.address}\n`)
    .join('')}`;
  for (const [title, key] of [
    ['Capacity', 'capacity'],
    ['Allocatable', 'allocatable'],
  ] as const) {
    const m = isObj(st[key]) ? (st[key] as Obj) : {};
    s += `${title}:\n${Object.keys(m)
      .sort()
      .map((k) => `  ${k}:\t${m[k]}\n`)
      .join('')}`;
  }
  s +=
    'System Info:\n' +
    `  Machine ID:\t${info.machineID}\n  System UUID:\t${info.systemUUID}\n  Boot ID:\t${info.bootID}\n` +
    `  Kernel Version:\t${info.kernelVersion}\n  OS Image:\t${info.osImage}\n  Operating System:\t${info.operatingSystem}\n  Architecture:\t${info.architecture}\n` +
    `  Container Runtime Version:\t${info.containerRuntimeVersion}\n  Kubelet Version:\t${info.kubeletVersion}\n  Kube-Proxy Version:\t${info.kubeProxyVersion}\n`;
  s += `PodCIDR:\t${spec.podCIDR}\nPodCIDRs:\t${(spec.podCIDRs as string[] | undefined)?.join(',') ?? ''}\n`;
  // Every pod bound to the node, kube-system's included (api.pods() is the kubelet's list, which leaves those out).
  const pods = api
    .scan(resourceOfKind('v1', 'Pod')!)
    .filter(
      (p) => (p.spec as Obj | undefined)?.nodeName === n.metadata.name && !['Succeeded', 'Failed'].includes(String((p.status as Obj | undefined)?.phase)),
    );
  const alloc = (isObj(st.allocatable) ? st.allocatable : {}) as Obj;
  const cpuAlloc = Math.round((parseQuantity(alloc.cpu)?.value ?? 1) * 1000);
  const memAlloc = parseQuantity(alloc.memory)?.value ?? 1;
  const pct = (x: number, of: number) => `(${Math.trunc((x / of) * 100)}%)`;
  s += `Non-terminated Pods:\t(${pods.length} in total)\n  Namespace\tName\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n  ---------\t----\t------------\t----------\t---------------\t-------------\t---\n`;
  const sum = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0 };
  for (const p of pods) {
    const t = podTotals(p);
    for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += t[k];
    s += `  ${p.metadata.namespace}\t${p.metadata.name}\t${cpuText(t.cpuReq)} ${pct(t.cpuReq, cpuAlloc)}\t${cpuText(t.cpuLim)} ${pct(t.cpuLim, cpuAlloc)}\t${bytesText(t.memReq)} ${pct(t.memReq, memAlloc)}\t${bytesText(t.memLim)} ${pct(t.memLim, memAlloc)}\t${since(p.metadata.creationTimestamp, now)}\n`;
  }
  s +=
    'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n  Resource\tRequests\tLimits\n  --------\t--------\t------\n' +
    `  cpu\t${cpuText(sum.cpuReq)} ${pct(sum.cpuReq, cpuAlloc)}\t${cpuText(sum.cpuLim)} ${pct(sum.cpuLim, cpuAlloc)}\n` +
    `  memory\t${bytesText(sum.memReq)} ${pct(sum.memReq, memAlloc)}\t${bytesText(sum.memLim)} ${pct(sum.memLim, memAlloc)}\n` +
    '  ephemeral-storage\t0 (0%)\t0 (0%)\n  hugepages-1Gi\t0 (0%)\t0 (0%)\n  hugepages-2Mi\t0 (0%)\t0 (0%)\n';
  s += describeEvents(api.eventsFor(n), now);
  return s;
}
