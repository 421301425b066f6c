/**
 * Layout of the pods view: one frame per pod; inside it a row for the pause sandbox and a
 * row per running container, each with its 8 namespace inodes (the columns of the
 * processes view). A cell says in its pattern and its title where the namespace comes
 * from: node1's own, held by the sandbox and shared in the pod (net, uts, ipc; pid with
 * shareProcessNamespace), or the container's own (mnt, pid, cgroup).
 */
import { NS_TYPES } from '../kernel/types.ts';
import type { Labels } from './labels.ts';
import type { PodBox, PodMember, PodNsOrigin, PodsModel } from './model-types.ts';
import { cut, scene, type Box, type Scene } from './scene.ts';

const ROW = 26;
const NAME_W = 420;
const CELL_W = 70;

/** Which namespace types of the sandbox its containers joined (the pod's shared ones). */
function sharedTypes(pod: PodBox): Set<string> {
  return new Set(NS_TYPES.filter((t) => pod.members.some((m) => !m.sandbox && m.ns[t].origin === 'sandbox')));
}

function originText(L: Labels, origin: PodNsOrigin | 'held'): string {
  return origin === 'host' ? L.shared : origin === 'own' ? L.ownNs : L.podShared;
}

/** The origin a cell shows: the sandbox's own namespaces that its containers joined are the pod's shared ones. */
function cellOrigin(m: PodMember, t: (typeof NS_TYPES)[number], shared: Set<string>): PodNsOrigin | 'held' {
  const o = m.ns[t].origin;
  return m.sandbox && o === 'own' && shared.has(t) ? 'held' : o;
}

function memberBox(m: PodMember, pod: PodBox, y: number, L: Labels): Box {
  const nspid = m.nspid.length > 1 ? ` (${m.nspid.join(' ')})` : '';
  const who = m.sandbox ? L.pause : `${L.container} ${m.name}`;
  return {
    id: `podm-${pod.namespace}/${pod.name}/${m.name}`,
    x: 24,
    y,
    w: NAME_W - 24,
    h: ROW - 4,
    tone: m.sandbox ? 'muted' : 'container',
    mono: true,
    small: true,
    lines: [cut(`${m.pid}${nspid} ${m.command} [${m.sandbox ? 'pause' : m.name}]`, 60)],
    title: `${L.pod} ${pod.name}: ${who}, ${L.process} ${m.pid}${m.nspid.length > 1 ? `, ${L.nspid} ${m.nspid.join(' ')}` : ''}: ${m.command}; containerd ID ${m.id.slice(0, 13)}`,
    reveal: m.sandbox
      ? ['crictl pods', `ls -l /proc/${m.pid}/ns`, `lsns -p ${m.pid}`]
      : [
          `crictl inspect ${m.id.slice(0, 13)}`,
          `ls -l /proc/${m.pid}/ns`,
          `kubectl exec ${pod.name}${pod.namespace === 'default' ? '' : ` -n ${pod.namespace}`} -c ${m.name} -- hostname`,
        ],
  };
}

export function layoutPods(m: PodsModel, L: Labels): Scene {
  const s = scene('pods', L.pods, '');
  const x0 = NAME_W + 10;
  s.width = x0 + NS_TYPES.length * CELL_W + 10;
  s.labels.push({ x: 10, y: 26, text: `${L.pod} · ${L.pid} (${L.nspid}) · ${L.command}`, bold: true });
  NS_TYPES.forEach((t, i) => {
    s.labels.push({ x: x0 + i * CELL_W + CELL_W / 2, y: 26, text: t, anchor: 'middle', bold: true });
  });
  let y = 40;
  const descs: string[] = [];
  for (const pod of m.pods) {
    const shared = sharedTypes(pod);
    const rows = pod.members.length + pod.notRunning.length;
    const top = y;
    const ns = pod.namespace === 'default' ? '' : ` -n ${pod.namespace}`;
    const head = `${L.pod} ${pod.namespace}/${pod.name}${pod.podIP ? ` · IP ${pod.podIP}` : ''}${pod.shareProcessNamespace ? ' · shareProcessNamespace: true' : ''}`;
    const sharedList = [...shared].map((t) => `${t}:[${pod.members[0]!.ns[t as 'net'].inode}]`);
    s.boxes.push({
      id: `pod-${pod.namespace}/${pod.name}`,
      x: 6,
      y: top,
      w: s.width - 12,
      h: 30 + rows * ROW + 6,
      tone: 'frame',
      small: true,
      lines: [head],
      title: `${head}; ${L.podShared}: ${sharedList.join(', ') || L.none}`,
      reveal: [`kubectl get pod ${pod.name}${ns} -o wide`, `lsns -t uts -t ipc | grep pause`],
    });
    y = top + 26;
    pod.members.forEach((mem) => {
      s.boxes.push(memberBox(mem, pod, y, L));
      NS_TYPES.forEach((t, i) => {
        const origin = cellOrigin(mem, t, shared);
        const inode = mem.ns[t].inode;
        s.boxes.push({
          id: `podns-${pod.namespace}/${pod.name}/${mem.name}-${t}`,
          x: x0 + i * CELL_W + 2,
          y,
          w: CELL_W - 4,
          h: ROW - 4,
          tone: origin === 'host' ? 'host' : origin === 'own' ? 'new' : 'container',
          ...(origin === 'host' ? {} : { pattern: origin === 'own' ? ('hatch' as const) : ('dots' as const) }),
          lines: [String(inode)],
          mono: true,
          small: true,
          center: true,
          title: `${mem.sandbox ? L.sandbox : `${L.container} ${mem.name}`} (${L.process} ${mem.pid}): ${t}:[${inode}] — ${originText(L, origin)}`,
          reveal: [`ls -l /proc/${mem.pid}/ns/${t}`, `lsns -t ${t}`],
        });
      });
      y += ROW;
    });
    for (const c of pod.notRunning) {
      s.labels.push({ x: 30, y: y + 15, text: `${L.container} ${c.name}: ${L.notRunning} (${c.reason ?? c.state})`, small: true });
      y += ROW;
    }
    y = top + 30 + rows * ROW + 6 + 10;
    const own = pod.members.filter((x) => !x.sandbox).map((x) => `${x.name}: ${NS_TYPES.filter((t) => x.ns[t].origin === 'own').join(', ')}`);
    descs.push(`${L.pod} ${pod.name}: ${L.podShared}: ${sharedList.join(', ') || L.none}; ${L.ownNs}: ${own.join('; ') || L.none}`);
    s.tables.push({
      caption: head,
      head: [L.container, L.pid, L.nspid, L.command, 'containerd ID', ...NS_TYPES],
      rows: [
        ...pod.members.map((x) => [
          x.sandbox ? L.pause : x.name,
          String(x.pid),
          x.nspid.join(' '),
          x.command,
          x.id.slice(0, 13),
          ...NS_TYPES.map((t) => `${t}:[${x.ns[t].inode}] ${originText(L, cellOrigin(x, t, shared))}`),
        ]),
        ...pod.notRunning.map((c) => [c.name, '', '', `${L.notRunning} (${c.reason ?? c.state})`, '', ...NS_TYPES.map(() => '')]),
      ],
    });
  }
  s.height = y + 34;
  s.legend.push({ tone: 'host', text: L.shared }, { tone: 'container', pattern: 'dots', text: L.podShared }, { tone: 'new', pattern: 'hatch', text: L.ownNs });
  s.desc = descs.join('. ');
  return s;
}
