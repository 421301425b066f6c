/**
 * What a shell sees inside a container, whoever created it: the image's files and
 * commands, the hostname, and which paths are read-only. Docker and the kubelet both
 * register their containers here by id; the shell (shell/runtime.ts `bashFor`) enters
 * a root by that id (`Session.root`), so `docker exec` and `kubectl exec` land the same way.
 */
export type Flavor = 'busybox' | 'coreutils';

/** What the kubelet's atomic writer last wrote into a ConfigMap or Secret volume (k8s/kubelet/volumes.ts). */
export interface DataPayload {
  files: { path: string; content: string; mode: number }[];
  /** The timestamped directory `..data` points to; a new one on each write. */
  tsDir: string;
  /** When it was written (the timestamped directory, its files, `..data`). */
  writtenMs: number;
  /** When each top-level name's link was made (a link survives the writes that keep its name). */
  linkMs: Record<string, number>;
}

/**
 * A ConfigMap or Secret volume as the kubelet's atomic writer lays it out (k8s/kubelet/volumes.ts): the files in
 * `payload.tsDir`, `..data` linked to it and each top-level name linked to `..data/<name>`, mounted read-only at
 * `destination`. The kubelet replaces `payload`'s fields in place when the object changes, so a mounted volume follows
 * them; a subPath mount holds a copy taken when its container was made (it does not follow).
 */
export interface DataVolume {
  destination: string;
  payload: DataPayload;
  /** The volume directory's mode (0777 on disk for a ConfigMap, 01777 on tmpfs for a Secret). */
  dirMode: number;
  tmpfs: boolean;
  createdMs: number;
  /** The pod's fsGroup: the group of every entry, with the modes SetVolumeOwnership gives (read-only volume). */
  fsGroup?: number;
  /** A volumeMount's subPath (expanded): the container sees only this path of the volume. */
  subPath?: string;
}

/** A pod's emptyDir volume (k8s/kubelet/volumes.ts): one per pod, shared by the containers that mount it. */
export interface EmptyDirVolume {
  createdMs: number;
  /** The pod's fsGroup: the directory's group, set-group-ID (SetVolumeOwnership). */
  fsGroup?: number;
}

/** An emptyDir volume mounted into a container (at `destination`, or its `subPath` directory there). */
export interface EmptyDirMount {
  volume: EmptyDirVolume;
  destination: string;
  readOnly: boolean;
  subPath?: string;
}

export interface ContainerRoot {
  id: string;
  /** Which engine made it: Docker's containers keep their own storage (volumes, overlay upperdir). */
  engine: 'docker' | 'containerd';
  flavor: Flavor;
  /** Commands of the image besides the shell built-ins. */
  commands: string[];
  /** Text files of the root filesystem (path → content). */
  files: Record<string, string>;
  dirs: string[];
  /** Modes and owners that differ from a root's defaults (path → [mode, uid, gid]; image/adapter.ts imagePaths). */
  meta?: Record<string, [number, number, number]>;
  /** path → mtime (ms) from the image's layers. */
  times?: Record<string, number>;
  /** busybox's applet links in the PATH directories (path → target), and the image's executable files. */
  links?: Record<string, string>;
  /** The image's other symbolic links whose targets the root has (image/adapter.ts describeRootfs). */
  fileLinks?: Record<string, string>;
  executables?: string[];
  hostname: string;
  createdMs: number;
  workdir: string;
  readOnlyRoot: boolean;
  /** Mount points that stay writable (emptyDir, tmpfs); each is an empty filesystem of its own. */
  writable: string[];
  /** Bind mounts of the node's directories (a pod's hostPath volumes): `source` on the host at `destination`. */
  binds?: { source: string; destination: string; readOnly: boolean }[];
  /** A pod's ConfigMap and Secret volumes. */
  dataVolumes?: DataVolume[];
  /** A pod's emptyDir volumes. */
  emptyDirs?: EmptyDirMount[];
  /** Files the runtime writes into the root (/etc/hosts, /etc/resolv.conf, /etc/hostname). */
  etc: Record<string, string>;
  privileged: boolean;
}

/** A pod container's hostPath binds, data volumes and emptyDirs, the fields left out when there are none. */
export const podMounts = (m: Pick<ContainerRoot, 'binds' | 'dataVolumes' | 'emptyDirs'>): Pick<ContainerRoot, 'binds' | 'dataVolumes' | 'emptyDirs'> => ({
  ...(m.binds?.length ? { binds: m.binds } : {}),
  ...(m.dataVolumes?.length ? { dataVolumes: m.dataVolumes } : {}),
  ...(m.emptyDirs?.length ? { emptyDirs: m.emptyDirs } : {}),
});

export class ContainerRoots {
  private readonly roots = new Map<string, ContainerRoot>();
  /** Called with the id of every root that goes away (the shell drops its cached filesystem). */
  readonly onRemove: ((id: string) => void)[] = [];

  add(root: ContainerRoot): void {
    this.roots.set(root.id, root);
  }

  get(id: string): ContainerRoot | undefined {
    return this.roots.get(id);
  }

  remove(id: string): void {
    if (!this.roots.delete(id)) return;
    for (const hook of this.onRemove) hook(id);
  }
}
