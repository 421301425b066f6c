/**
 * The picture model: plain data for each view, computed from a `WorldSnapshot` only —
 * the same values `ls -l /proc/PID/ns`, `cat memory.max`, `grep Cap /proc/PID/status`
 * and `docker inspect` print, so a figure cannot disagree with the terminal.
 * Pure: no DOM, no Node built-ins. Layout and SVG live in scene.ts and svg.ts.
 */
import type { ProcessView, WorldSnapshot } from '../api.ts';
import { CAP_NAMES } from '../kernel/capabilities.ts';
import { NS_TYPES } from '../kernel/types.ts';
import { podsModel } from './model-pods.ts';
import {
  CAP_SETS,
  PictureError,
  VIEWS,
  type CapSetName,
  type CapabilitiesModel,
  type CgroupNode,
  type CgroupsModel,
  type Focus,
  type IdentityModel,
  type LayersModel,
  type NetNamespace,
  type NetworksModel,
  type PictureModel,
  type ProcNode,
  type ProcessesModel,
  type VethPair,
  type ViewName,
} from './model-types.ts';

const shortId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

function containerName(snap: WorldSnapshot, id: string | undefined): string | undefined {
  if (!id) return undefined;
  return snap.containers.find((c) => c.id === id)?.name;
}

function findContainer(snap: WorldSnapshot, want: string | undefined) {
  const running = snap.containers.filter((c) => c.state === 'running');
  if (!want) return running[running.length - 1] ?? snap.containers[snap.containers.length - 1];
  const c = snap.containers.find((x) => x.name === want || (want.length >= 3 && x.id.startsWith(want)));
  if (!c)
    throw new PictureError(
      `no container named "${want}" in this state (containers: ${snap.containers.map((x) => x.name).join(', ') || 'none'})`,
      `此状态中没有名为 "${want}" 的容器（现有容器：${snap.containers.map((x) => x.name).join(', ') || '无'}）`,
    );
  return c;
}

function isKernelThread(p: ProcessView): boolean {
  return p.pid === 2 || p.ppid === 2;
}

/** Processes and namespaces: PID 1, the login shell's line, containerd and dockerd, every shim and container process, the process tree between them. */
export function processesModel(snap: WorldSnapshot): ProcessesModel {
  const byPid = new Map(snap.processes.map((p) => [p.pid, p]));
  const init = byPid.get(1);
  if (!init) throw new PictureError('the state has no PID 1', '此状态中没有 PID 1');
  const hostNs = init.ns;
  const keep = new Set<number>([1]);
  const live = snap.processes.filter((p) => p.state !== 'Z' || p.containerId);
  for (const p of live) {
    if (isKernelThread(p)) continue;
    const cmd = p.argv[0] ?? '';
    const interesting =
      p.containerId !== undefined || /containerd|dockerd|^-bash$|^bash$|^sh$/.test(cmd.split('/').pop() ?? '') || NS_TYPES.some((t) => p.ns[t] !== hostNs[t]);
    if (!interesting) continue;
    for (let q: ProcessView | undefined = p; q && !keep.has(q.pid); q = byPid.get(q.ppid)) keep.add(q.pid);
  }
  const kids = new Map<number, ProcessView[]>();
  for (const p of snap.processes) {
    if (!keep.has(p.pid) || p.pid === 1) continue;
    const list = kids.get(p.ppid) ?? [];
    list.push(p);
    kids.set(p.ppid, list);
  }
  const procs: ProcNode[] = [];
  const walk = (p: ProcessView, depth: number) => {
    const ns = Object.fromEntries(NS_TYPES.map((t) => [t, { inode: p.ns[t], host: p.ns[t] === hostNs[t] }])) as ProcNode['ns'];
    const name = containerName(snap, p.containerId);
    procs.push({ pid: p.pid, ppid: p.ppid, nspid: [...p.nspid], command: p.argv.join(' '), ...(name ? { container: name } : {}), ns, depth });
    for (const k of (kids.get(p.pid) ?? []).sort((a, b) => a.pid - b.pid)) walk(k, depth + 1);
  };
  walk(init, 0);
  return { view: 'processes', hostNs: { ...hostNs }, procs };
}

const fileNum = (files: Record<string, string>, name: string): number | 'max' => {
  const t = (files[name] ?? '').trim();
  return t === 'max' ? 'max' : Number(t || 0);
};
const statField = (text: string | undefined, key: string): number => Number(new RegExp(`^${key} (\\d+)$`, 'm').exec(text ?? '')?.[1] ?? 0);

/** Control groups: the root, system.slice with the Docker scopes, kubepods.slice when present, user.slice. */
export function cgroupsModel(snap: WorldSnapshot): CgroupsModel {
  const all = snap.cgroups ?? [];
  const shown = all.filter(
    (g) =>
      g.path === '/' ||
      g.path === '/system.slice' ||
      g.path === '/user.slice' ||
      /^\/system\.slice\/docker-[0-9a-f]+\.scope$/.test(g.path) ||
      g.path.startsWith('/kubepods'),
  );
  shown.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const groups = shown.map((g): CgroupNode => {
    const f = g.files;
    const id = /docker-([0-9a-f]+)\.scope$/.exec(g.path)?.[1];
    const name = containerName(snap, id);
    const cur = fileNum(f, 'memory.current');
    const pids = fileNum(f, 'pids.current');
    return {
      path: g.path,
      name: g.path === '/' ? '/' : (g.path.split('/').pop() as string),
      depth: g.path === '/' ? 0 : g.path.split('/').length - 1,
      ...(name ? { container: name } : {}),
      memoryMax: fileNum(f, 'memory.max'),
      memoryCurrent: cur === 'max' ? 0 : cur,
      cpuMax: (f['cpu.max'] ?? 'max 100000').trim(),
      pidsCurrent: pids === 'max' ? 0 : pids,
      pidsMax: fileNum(f, 'pids.max'),
      oomKills: statField(f['memory.events'], 'oom_kill'),
      throttled: statField(f['cpu.stat'], 'nr_throttled'),
    };
  });
  return { view: 'cgroups', groups };
}

function bitsOf(hex: string): number[] {
  const mask = BigInt(`0x${hex}`);
  const out: number[] = [];
  for (let i = 0; i < CAP_NAMES.length; i++) if (mask & (1n << BigInt(i))) out.push(i);
  return out;
}

/** The five capability sets of one process: a pod's container, else the focused PID, else the focused (or newest running) container's PID 1, else the login shell. */
export function capabilitiesModel(snap: WorldSnapshot, focus: Focus = {}): CapabilitiesModel {
  let p: ProcessView | undefined;
  let podContainer: string | undefined;
  if (focus.pod !== undefined) {
    // A pod's container (focus.container names it; else the pod's first running container).
    const pod = podsModel(snap, { pod: focus.pod }).pods[0]!;
    const ctrs = pod.members.filter((m) => !m.sandbox);
    const m = focus.container ? ctrs.find((x) => x.name === focus.container) : ctrs[0];
    if (!m)
      throw new PictureError(
        `pod "${focus.pod}" has no running container${focus.container ? ` named "${focus.container}"` : ''} (running: ${ctrs.map((x) => x.name).join(', ') || 'none'})`,
        `Pod "${focus.pod}" 中没有正在运行的${focus.container ? `名为 "${focus.container}" 的` : ''}容器（正在运行：${ctrs.map((x) => x.name).join(', ') || '无'}）`,
      );
    p = snap.processes.find((x) => x.pid === m.pid);
    podContainer = `${pod.name}/${m.name}`;
  } else if (focus.pid !== undefined) {
    p = snap.processes.find((x) => x.pid === focus.pid);
    if (!p) throw new PictureError(`no process with host PID ${focus.pid} in this state`, `此状态中没有宿主机 PID 为 ${focus.pid} 的进程`);
  } else {
    const c = focus.container || snap.containers.length ? findContainer(snap, focus.container) : undefined;
    p = c?.pid ? snap.processes.find((x) => x.pid === c.pid) : undefined;
    p ??= snap.processes.find((x) => x.argv[0] === '-bash') ?? snap.processes.find((x) => x.pid === 1);
  }
  if (!p) throw new PictureError('the state has no process to show', '此状态中没有可显示的进程');
  const caps = p.caps ?? { inh: '0'.repeat(16), prm: p.capEff, eff: p.capEff, bnd: p.capEff, amb: '0'.repeat(16) };
  const bits = Object.fromEntries(CAP_SETS.map((s) => [s, bitsOf(caps[s])])) as Record<CapSetName, number[]>;
  const bnd = new Set(bits.bnd);
  const name = podContainer ?? containerName(snap, p.containerId);
  return {
    view: 'capabilities',
    pid: p.pid,
    command: p.argv.join(' '),
    ...(name ? { container: name } : {}),
    hex: { ...caps },
    bits,
    names: CAP_NAMES.map((n) => `cap_${n}`),
    dropped: CAP_NAMES.map((_, i) => i).filter((i) => !bnd.has(i)),
  };
}

function findImage(snap: WorldSnapshot, ref: string | undefined, containerImageId?: string) {
  if (containerImageId) return snap.images.find((i) => i.id === containerImageId);
  if (!ref) return snap.images[snap.images.length - 1];
  const want = ref.includes(':') || ref.includes('@') ? ref : `${ref}:latest`;
  const img = snap.images.find((i) => i.repoTags.includes(want) || i.repoTags.includes(ref) || shortId(i.id) === shortId(ref) || i.repoDigests.includes(ref));
  if (!img)
    throw new PictureError(
      `no local image "${ref}" in this state (images: ${snap.images.flatMap((i) => i.repoTags).join(', ') || 'none'})`,
      `此状态中没有本地镜像 "${ref}"（现有镜像：${snap.images.flatMap((i) => i.repoTags).join(', ') || '无'}）`,
    );
  return img;
}

/** An image's layer stack and, when a container is focused (or one exists), its overlay dirs and upperdir changes. */
export function layersModel(snap: WorldSnapshot, focus: Focus = {}): LayersModel {
  const c = focus.image ? undefined : focus.container || snap.containers.length ? findContainer(snap, focus.container) : undefined;
  const imageId = c ? String((c.inspect as { Image?: string }).Image ?? '') : undefined;
  const img = findImage(snap, focus.image, imageId);
  if (!img) throw new PictureError('the state has no image: pull or run one first', '此状态中还没有镜像：请先拉取或运行一个');
  const model: LayersModel = {
    view: 'layers',
    image: img.repoTags[0] ?? shortId(img.id),
    imageId: img.id,
    layers: (img.layers ?? []).map((l) => ({ diffId: l.diffId, digest: l.digest, size: l.size, createdBy: l.createdBy })),
  };
  if (c) {
    const gd = ((c.inspect as { GraphDriver?: { Data?: Record<string, string> } }).GraphDriver?.Data ?? {}) as Record<string, string>;
    model.container = {
      name: c.name,
      lowerDirs: (gd.LowerDir ?? '').split(':').filter(Boolean),
      upperDir: gd.UpperDir ?? '',
      mergedDir: gd.MergedDir ?? '',
      changes: c.overlay?.changes ?? [],
      opaque: c.overlay?.opaque ?? [],
    };
  }
  return model;
}

/** Splits a normalized reference `docker.io/library/nginx:latest`. */
function refParts(text: string): IdentityModel['reference'] {
  const at = text.indexOf('@');
  const base = at >= 0 ? text.slice(0, at) : text;
  const colon = base.lastIndexOf(':');
  const hasTag = colon > base.lastIndexOf('/');
  const name = hasTag ? base.slice(0, colon) : base;
  const tag = hasTag ? base.slice(colon + 1) : 'latest';
  const first = name.split('/')[0] ?? '';
  const isHost = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = isHost ? first : 'docker.io';
  let repository = isHost ? name.slice(first.length + 1) : name;
  if (registry === 'docker.io' && !repository.includes('/')) repository = `library/${repository}`;
  return { text, registry, repository, tag };
}

/** Reference → index → platform manifest → config (image ID) → layers, with the local tags on the image. */
export function identityModel(snap: WorldSnapshot, focus: Focus = {}): IdentityModel {
  const img = findImage(snap, focus.image);
  if (!img) throw new PictureError('the state has no image: pull or run one first', '此状态中还没有镜像：请先拉取或运行一个');
  const tag = focus.image ?? img.repoTags[0] ?? shortId(img.id);
  const manifest = { digest: img.manifestDigest ?? '', platform: img.platform ?? '' };
  return {
    view: 'identity',
    reference: refParts(tag),
    ...(img.index ? { index: { digest: img.index.digest, manifests: img.index.manifests.map((m) => ({ ...m, chosen: m.digest === manifest.digest })) } } : {}),
    manifest,
    config: { imageId: img.id },
    layers: (img.layers ?? []).map((l) => ({ digest: l.digest, diffId: l.diffId, size: l.compressedSize })),
    tags: [...img.repoTags],
    repoDigests: [...img.repoDigests],
  };
}

/** Network namespaces in use (host first), their interfaces, veth pairs matched by ifindex, published ports. */
export function networksModel(snap: WorldSnapshot): NetworksModel {
  const init = snap.processes.find((p) => p.pid === 1);
  const hostNet = init?.ns.net;
  const owners = new Map<number, string[]>();
  const pids = new Map<number, number>();
  for (const c of snap.containers) {
    if (c.state !== 'running' || !c.pid) continue;
    const p = snap.processes.find((x) => x.pid === c.pid);
    if (!p) continue;
    const list = owners.get(p.ns.net) ?? [];
    list.push(c.name);
    owners.set(p.ns.net, list);
    if (!pids.has(p.ns.net)) pids.set(p.ns.net, p.pid);
  }
  for (const p of snap.processes) {
    if (p.containerId || p.ns.net === hostNet || owners.has(p.ns.net) || p.state === 'Z') continue;
    owners.set(p.ns.net, [`PID ${p.pid}`]);
    pids.set(p.ns.net, p.pid);
  }
  const nets = snap.namespaces.filter((n) => n.type === 'net' && (n.inode === hostNet || owners.has(n.inode)));
  nets.sort((a, b) => (a.inode === hostNet ? -1 : b.inode === hostNet ? 1 : a.inode - b.inode));
  const namespaces: NetNamespace[] = nets.map((n) => ({
    inode: n.inode,
    host: n.inode === hostNet,
    pid: n.inode === hostNet ? 1 : (pids.get(n.inode) ?? 0),
    owners: n.inode === hostNet ? ['host', ...(owners.get(n.inode) ?? [])] : (owners.get(n.inode) ?? []),
    ifaces: (n.links ?? []).map((l) => ({ ...l, addrs: [...l.addrs] })),
  }));
  const veths: VethPair[] = [];
  const hostNs = namespaces.find((n) => n.host);
  for (const ns of namespaces) {
    if (ns.host) continue;
    for (const i of ns.ifaces) {
      if (i.kind !== 'veth' || i.peer === undefined) continue;
      const peer = hostNs?.ifaces.find((h) => h.index === i.peer && h.peer === i.index);
      if (peer && hostNs) veths.push({ a: { ns: hostNs.inode, index: peer.index, name: peer.name }, b: { ns: ns.inode, index: i.index, name: i.name } });
    }
  }
  const ports = snap.containers.filter((c) => c.state === 'running').flatMap((c) => c.ports.map((binding) => ({ container: c.name, binding })));
  return { view: 'networks', namespaces, veths, ports };
}

/** The model of one view. Throws PictureError (naming the view and what is missing) on a state it cannot draw. */
export function buildModel(snap: WorldSnapshot, view: ViewName, focus: Focus = {}): PictureModel {
  switch (view) {
    case 'processes':
      return processesModel(snap);
    case 'cgroups':
      return cgroupsModel(snap);
    case 'capabilities':
      return capabilitiesModel(snap, focus);
    case 'layers':
      return layersModel(snap, focus);
    case 'identity':
      return identityModel(snap, focus);
    case 'networks':
      return networksModel(snap);
    case 'pods':
      return podsModel(snap, focus);
    default:
      throw new PictureError(`unknown view "${String(view)}": use one of ${VIEWS.join(', ')}`);
  }
}
