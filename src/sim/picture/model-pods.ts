/**
 * The pods view's model: each pod of node1's cluster as the kubelet made it on containerd —
 * the pause sandbox that holds the pod's net, uts and ipc namespaces, and each container
 * joining them with its own mnt, pid and cgroup (or the sandbox's pid namespace when
 * shareProcessNamespace is true). Everything comes from the snapshot's processes, so the
 * inodes are the ones `ls -l /proc/PID/ns` and `lsns` print, and the ids are the ones
 * `crictl pods` and `crictl ps` print. Pure: no DOM, no Node built-ins.
 */
import type { NamespaceType, PodView, ProcessView, WorldSnapshot } from '../api.ts';
import { NS_TYPES } from '../kernel/types.ts';
import { PictureError, type Focus, type PodBox, type PodMember, type PodsModel } from './model-types.ts';

/** The pod's cgroup slice names its UID with `_` for `-` (kubelet's systemd cgroup driver: kubepods-besteffort-pod<uid>.slice). */
const podSlice = (uid: string) => `pod${uid.replace(/-/g, '_')}.slice/`;

/** The first process of a container: the one whose parent is outside it (runc's init, under the shim). */
function initOf(procs: ProcessView[], id: string): ProcessView | undefined {
  const mine = procs.filter((p) => p.containerId === id && p.state !== 'Z');
  const ids = new Set(mine.map((p) => p.pid));
  return mine.filter((p) => !ids.has(p.ppid)).sort((a, b) => a.pid - b.pid)[0];
}

function member(
  p: ProcessView,
  name: string,
  sandbox: boolean,
  hostNs: Record<NamespaceType, number>,
  sandboxNs: Record<NamespaceType, number> | undefined,
): PodMember {
  const ns = Object.fromEntries(
    NS_TYPES.map((t) => [
      t,
      { inode: p.ns[t], origin: p.ns[t] === hostNs[t] ? 'host' : !sandbox && sandboxNs && p.ns[t] === sandboxNs[t] ? 'sandbox' : 'own' },
    ]),
  ) as PodMember['ns'];
  return { name, sandbox, id: p.containerId ?? '', pid: p.pid, nspid: [...p.nspid], command: p.argv.join(' '), ns };
}

function podBox(snap: WorldSnapshot, pod: PodView, hostNs: Record<NamespaceType, number>): PodBox | undefined {
  const slice = podSlice(pod.uid);
  const inPod = snap.processes.filter((p) => p.containerId && p.cgroup.includes(slice));
  const ctrIds = new Set(pod.containers.map((c) => (c.containerID ?? '').replace(/^containerd:\/\//, '')).filter(Boolean));
  const sandboxId = inPod.find((p) => !ctrIds.has(p.containerId as string))?.containerId;
  const pause = sandboxId ? initOf(inPod, sandboxId) : undefined;
  if (!pause) return undefined;
  const sb = member(pause, 'pause', true, hostNs, undefined);
  const members: PodMember[] = [sb];
  const notRunning: PodBox['notRunning'] = [];
  for (const c of pod.containers) {
    const id = (c.containerID ?? '').replace(/^containerd:\/\//, '');
    const init = id && c.state === 'running' ? initOf(inPod, id) : undefined;
    if (init) members.push(member(init, c.name, false, hostNs, pause.ns));
    else notRunning.push({ name: c.name, state: c.state, ...(c.reason ? { reason: c.reason } : {}) });
  }
  return {
    namespace: pod.namespace,
    name: pod.name,
    uid: pod.uid,
    ...(pod.podIP ? { podIP: pod.podIP } : {}),
    shareProcessNamespace: pod.shareProcessNamespace === true,
    members,
    notRunning,
  };
}

/** Every pod with a running sandbox on node1 (or only `focus.pod`), in `kubectl get pods` order: namespace, then name. */
export function podsModel(snap: WorldSnapshot, focus: Focus = {}): PodsModel {
  const init = snap.processes.find((p) => p.pid === 1);
  if (!init) throw new PictureError('the state has no PID 1', '此状态中没有 PID 1');
  const all = snap.pods ?? [];
  if (!all.length)
    throw new PictureError(
      'no pods on node1 in this state: create one first (kubectl apply -f pod.yaml)',
      'node1 上还没有 Pod：请先创建一个（kubectl apply -f pod.yaml）',
    );
  const wanted = focus.pod ? all.filter((p) => p.name === focus.pod) : all;
  if (!wanted.length)
    throw new PictureError(
      `no pod named "${focus.pod}" in this state (pods: ${all.map((p) => p.name).join(', ')})`,
      `此状态中没有名为 "${focus.pod}" 的 Pod（现有 Pod：${all.map((p) => p.name).join(', ')}）`,
    );
  const sorted = [...wanted].sort((a, b) => (a.namespace + '/' + a.name < b.namespace + '/' + b.name ? -1 : 1));
  const pods = sorted.map((p) => podBox(snap, p, init.ns)).filter((b): b is PodBox => b !== undefined);
  if (!pods.length)
    throw new PictureError(
      `no pod has a running sandbox yet (${wanted.map((p) => `${p.name}: ${p.status}`).join(', ')})`,
      `还没有 Pod 的沙箱在运行（${wanted.map((p) => `${p.name}: ${p.status}`).join(', ')}）`,
    );
  return { view: 'pods', hostNs: { ...init.ns }, pods };
}
