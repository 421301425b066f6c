/**
 * The picture's views and the plain data each one draws (the model model.ts computes from a
 * `WorldSnapshot`, and the layouts lay out). Types and constants only.
 */
import type { NamespaceType } from '../api.ts';

export const VIEWS = ['processes', 'cgroups', 'capabilities', 'layers', 'identity', 'networks', 'pods'] as const;
export type ViewName = (typeof VIEWS)[number];

/** What a view should focus on: a container (name or id prefix), a host PID, an image reference. */
export interface Focus {
  container?: string;
  pid?: number;
  image?: string;
  /** A pod name (the pods view draws only that pod). */
  pod?: string;
}

export interface ProcNode {
  pid: number;
  ppid: number;
  /** NSpid: host PID first, then the PID in each nested PID namespace. */
  nspid: number[];
  command: string;
  /** Container name when the process belongs to one. */
  container?: string;
  /** Each namespace type: its inode, and whether it is the host's. */
  ns: Record<NamespaceType, { inode: number; host: boolean }>;
  depth: number;
}

export interface ProcessesModel {
  view: 'processes';
  hostNs: Record<NamespaceType, number>;
  procs: ProcNode[];
}

export interface CgroupNode {
  path: string;
  name: string;
  depth: number;
  container?: string;
  /** Bytes, or 'max' (memory.max). */
  memoryMax: number | 'max';
  memoryCurrent: number;
  /** `max 100000` or `50000 100000` (cpu.max as printed, without the newline). */
  cpuMax: string;
  pidsCurrent: number;
  pidsMax: number | 'max';
  /** memory.events oom_kill. */
  oomKills: number;
  /** cpu.stat nr_throttled. */
  throttled: number;
}

export interface CgroupsModel {
  view: 'cgroups';
  groups: CgroupNode[];
}

export const CAP_SETS = ['inh', 'prm', 'eff', 'bnd', 'amb'] as const;
export type CapSetName = (typeof CAP_SETS)[number];
/** The row names of /proc/PID/status. */
export const CAP_ROW: Record<CapSetName, string> = { inh: 'CapInh', prm: 'CapPrm', eff: 'CapEff', bnd: 'CapBnd', amb: 'CapAmb' };

export interface CapabilitiesModel {
  view: 'capabilities';
  pid: number;
  command: string;
  container?: string;
  /** 16-hex-digit masks as /proc/PID/status prints them. */
  hex: Record<CapSetName, string>;
  /** Bit numbers set in each set. */
  bits: Record<CapSetName, number[]>;
  /** `cap_chown` … `cap_checkpoint_restore`, by bit number. */
  names: readonly string[];
  /** Bits in the host root's bounding set that this process lacks (what --cap-drop or Docker's default removed). */
  dropped: number[];
}

export interface LayerRow {
  diffId: string;
  digest: string;
  size: number;
  createdBy: string;
}

export interface LayersModel {
  view: 'layers';
  image: string;
  imageId: string;
  /** Bottom first. */
  layers: LayerRow[];
  container?: {
    name: string;
    lowerDirs: string[];
    upperDir: string;
    mergedDir: string;
    /** `docker diff`: A added, C changed (copied up), D deleted (a whiteout in the upperdir). */
    changes: { kind: 'A' | 'C' | 'D'; path: string }[];
    opaque: string[];
  };
}

export interface IdentityModel {
  view: 'identity';
  /** The reference as typed, normalized: registry, repository path, tag. */
  reference: { text: string; registry: string; repository: string; tag: string };
  index?: { digest: string; manifests: { digest: string; platform: string; chosen: boolean }[] };
  manifest: { digest: string; platform: string };
  config: { imageId: string };
  layers: { digest: string; diffId: string; size: number }[];
  /** Local tags (`docker images`) pointing at this image ID. */
  tags: string[];
  repoDigests: string[];
}

export interface NetIface {
  index: number;
  name: string;
  kind: string;
  up: boolean;
  peer?: number;
  master?: string;
  addrs: string[];
}

export interface NetNamespace {
  inode: number;
  /** 'host' or the container names using it. */
  owners: string[];
  /** A host PID inside it (for `nsenter -t PID -n`). */
  pid: number;
  host: boolean;
  ifaces: NetIface[];
}

export interface VethPair {
  /** Host side (netns inode, interface). */
  a: { ns: number; index: number; name: string };
  b: { ns: number; index: number; name: string };
}

export interface NetworksModel {
  view: 'networks';
  namespaces: NetNamespace[];
  veths: VethPair[];
  /** `0.0.0.0:8080->80/tcp` per container. */
  ports: { container: string; binding: string }[];
}

/** Where a pod member's namespace comes from: node1's own, the pod's sandbox (pause), or its own new one. */
export type PodNsOrigin = 'host' | 'sandbox' | 'own';

export interface PodMember {
  /** `pause` for the sandbox, else the container's name in the pod spec. */
  name: string;
  sandbox: boolean;
  /** The containerd id (the sandbox's is the pod ID `crictl pods` prints). */
  id: string;
  /** Host PID of its first process (`crictl inspect` info.pid), and NSpid as /proc/PID/status prints it. */
  pid: number;
  nspid: number[];
  command: string;
  ns: Record<NamespaceType, { inode: number; origin: PodNsOrigin }>;
}

export interface PodBox {
  namespace: string;
  name: string;
  uid: string;
  podIP?: string;
  shareProcessNamespace: boolean;
  /** The sandbox first, then the running containers in spec order. */
  members: PodMember[];
  /** Containers of the spec that have no running process (waiting, terminated), with the reason. */
  notRunning: { name: string; state: string; reason?: string }[];
}

export interface PodsModel {
  view: 'pods';
  hostNs: Record<NamespaceType, number>;
  pods: PodBox[];
}

export type PictureModel = ProcessesModel | CgroupsModel | CapabilitiesModel | LayersModel | IdentityModel | NetworksModel | PodsModel;

/** Why a view has nothing to draw, in both locales (the live tab shows the page's). */
export class PictureError extends Error {
  override name = 'PictureError';
  constructor(
    message: string,
    readonly zh: string = message,
  ) {
    super(message);
  }
}
