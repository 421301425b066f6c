/**
 * The CRI objects of node1's containerd (containerd.ts): the pod sandboxes and containers its CRI
 * plugin keeps, the reduced ContainerConfig the kubelet sends, and the refs of its `k8s.io` image
 * store. They follow the CRI's messages (kubernetes/kubernetes@v1.30.0:staging/src/k8s.io/cri-api/
 * pkg/apis/runtime/v1/api.proto PodSandbox, Container, ContainerConfig), reduced to what the
 * simulator uses; containerd 1.7's CRI plugin (containerd@v1.7.22:pkg/cri/sbserver) fills them.
 */
import type { LocalImage } from '../image/store.ts';
import type { Proc } from '../kernel/types.ts';
import type { CniResult } from './cni.ts';
import type { DataVolume, EmptyDirMount } from './roots.ts';
import type { CgroupSpec } from './spec.ts';

export interface LogLine {
  stream: 'stdout' | 'stderr';
  text: string;
  timeMs: number;
}

/** What the CRI's ListPodSandbox reports of a sandbox (PodSandbox: id, metadata, state, created_at). */
export interface CriSandboxRecord {
  id: string;
  name: string;
  namespace: string;
  uid: string;
  attempt: number;
  createdMs: number;
  state: 'SANDBOX_READY' | 'SANDBOX_NOTREADY';
}

export interface CriSandbox extends CriSandboxRecord {
  pause: Proc;
  shim: Proc;
  net: CniResult;
  /** The pod's cgroup: `/kubepods.slice/…/kubepods-…-pod<uid>.slice`. */
  cgroupParent: string;
  hostname: string;
  sharePid: boolean;
  /** spec.hostPID: the pause process and the containers are in the host's PID namespace. */
  hostPid: boolean;
  /** spec.hostNetwork: the node's network and UTS namespaces, no CNI. */
  hostNetwork: boolean;
  /** The pod's resolv.conf is the node's (dnsPolicy Default, or ClusterFirst with hostNetwork). */
  hostDns: boolean;
}

export interface CriContainer {
  id: string;
  sandboxId: string;
  name: string;
  attempt: number;
  /** The image as the pod asked for it. */
  image: string;
  /** sha256 of the config (crictl's IMAGE column, truncated). */
  imageRef: string;
  /** The repo digest the image was pulled by, when the image store does not hold it (kube-system's, from the boot). */
  repoDigest?: string;
  createdMs: number;
  startedMs: number;
  finishedMs: number;
  state: 'CONTAINER_CREATED' | 'CONTAINER_RUNNING' | 'CONTAINER_EXITED';
  exitCode: number;
  reason: string;
  pid: number;
  logs: LogLine[];
  labels: Record<string, string>;
}

/** What the kubelet asks for when it creates a container (CRI ContainerConfig, reduced). */
export interface CriContainerConfig {
  name: string;
  attempt: number;
  image: string;
  argv: string[];
  env: Record<string, string>;
  uid: number;
  gid: number;
  groups?: number[];
  caps: { add: string[]; drop: string[] };
  privileged: boolean;
  noNewPrivs: boolean;
  seccomp: 'unconfined' | 'runtime/default';
  readOnlyRoot: boolean;
  writable: string[];
  /** hostPath volumes' mounts (the node's directory `source` at `destination`; kuberuntime_container.go makeMounts). */
  binds?: { source: string; destination: string; readOnly: boolean }[];
  /** ConfigMap and Secret volumes the kubelet wrote (roots.ts DataVolume). */
  dataVolumes?: DataVolume[];
  /** emptyDir volumes (roots.ts EmptyDirMount). */
  emptyDirs?: EmptyDirMount[];
  cgroup: Omit<CgroupSpec, 'path'>;
  workdir: string;
  tty: boolean;
  /** The container keeps its standard input open (CRI ContainerConfig.stdin): an interactive shell waits on it. */
  stdin?: boolean;
  /** NamespaceOption pid TARGET: the id of the container whose PID namespace this one joins (an ephemeral container's target). */
  targetId?: string;
  labels: Record<string, string>;
}

export type PullOutcome = { ok: true; image: LocalImage; repoDigest: string } | { ok: false; reason: 'ErrImagePull' | 'InvalidImageName'; message: string };

/** One ref of containerd's image store: `repo:tag`, `repo@digest` and `sha256:<config>` all name the same target. */
/**
 * A kube-system image in the k8s.io store since before this session (runtime/containerd-boot.ts): kubeadm pulled it
 * when the cluster was made, and its id and repo digest are the ones the pods' statuses and `crictl ps` show.
 */
export interface BootImage {
  /** repo:tag */
  tag: string;
  /** The config digest, sha256:… (crictl's IMAGE ID). */
  id: string;
  /** repo@sha256:… (the index it was pulled by). */
  repoDigest: string;
  /** Bytes, as the CRI's Image.size reports them (the unpacked content of the linux/amd64 image). */
  size: number;
  mediaType: string;
  platforms: string[];
}

export interface ImageRef {
  name: string;
  mediaType: string;
  digest: string;
  platforms: string[];
  image: LocalImage;
}
