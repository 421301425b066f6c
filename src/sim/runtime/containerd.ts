/**
 * containerd 1.7's CRI plugin on node1: its own image store in the `k8s.io` namespace (apart from Docker's: an image from `docker build`
 * is not visible here), pod sandboxes held by `registry.k8s.io/pause:3.9`, and containers started through runc with containerd's
 * defaults: the default capability set (containerd@v1.7.22:oci/spec.go defaultUnixCaps, the same 14 as Docker's), AppArmor
 * `cri-containerd.apparmor.d` (pkg/cri/sbserver/helpers_linux.go), seccomp unconfined unless the pod asks for one, one shim per pod
 * sandbox, missing mount sources made (nodefs.ts). The kubelet decides what to run; this does what the CRI calls say.
 */
import { fullName, parseNormalizedNamed, tagNameOnly } from '../../oci/reference.ts';
import type { Host } from '../host.ts';
import { ALL_CAPS, capNumber, DOCKER_DEFAULT_MASK } from '../kernel/capabilities.ts';
import { SIGKILL } from '../kernel/signals.ts';
import type { Proc } from '../kernel/types.ts';
import { describeRootfs, imagePaths } from '../image/adapter.ts';
import type { Registry } from '../image/registry.ts';
import { ImageService } from '../image/service.ts';
import { digestKey, ImageStore, tagKey, type LocalImage } from '../image/store.ts';
import { Rng } from '../rng.ts';
import { hostFiles } from '../fs/hostfiles.ts';
import { CriScripts } from './cri-loops.ts';
import { Cni, type CniResult } from './cni.ts';
import { logStream } from './programs.ts';
import type { BootImage, CriContainer, CriContainerConfig, CriSandbox, CriSandboxRecord, ImageRef, PullOutcome } from './cri.ts';
import { bootImages, recordBoot } from './containerd-boot.ts';
import { isBinary } from './lookpath.ts';
import type { NsChoice } from './spec.ts';
import { podMounts } from './roots.ts';
export type { CriContainer, CriContainerConfig, CriSandbox, CriSandboxRecord } from './cri.ts';

export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.9';
export const CRI_APPARMOR = 'cri-containerd.apparmor.d'; // containerd's default AppArmor profile for CRI containers

/** net.ipv4.ip_unprivileged_port_start of a network namespace (the kernel's default, 1024, when unset). */
function unprivilegedPortStart(sysctls: Record<string, string> | undefined): number {
  const v = Number(sysctls?.['net.ipv4.ip_unprivileged_port_start'] ?? '1024');
  return Number.isInteger(v) ? v : 1024;
}

/** The node's namespaces a sandbox shares (spec.hostPID, hostIPC, hostNetwork) and whether it uses the node's DNS. */
export interface SandboxNamespaces {
  pid?: boolean;
  ipc?: boolean;
  network?: boolean;
  hostDns?: boolean;
}

export class Containerd {
  readonly store = new ImageStore();
  /** The refs the CRI plugin writes per pulled image (what `ctr -n k8s.io images ls` lists). */
  readonly refs = new Map<string, ImageRef>();
  private readonly service: ImageService;
  readonly sandboxes = new Map<string, CriSandbox>();
  readonly containers = new Map<string, CriContainer>();
  /** kube-system's sandboxes, containers (before node1's reboot and since: fixture-reboot.ts) and images from before this session. */
  readonly booted: { sandboxes: CriSandboxRecord[]; containers: CriContainer[]; images: BootImage[] } = { sandboxes: [], containers: [], images: [] };
  private readonly rng = new Rng(0x636f6e74);
  private readonly cni: Cni;
  /** Called when a container's PID 1 exits. */
  readonly onExit: ((c: CriContainer) => void)[] = [];
  private readonly loops: CriScripts; // `sh -c` scripts that stay up (cri-loops.ts)

  constructor(
    private readonly host: Host,
    registry: Registry,
  ) {
    this.service = new ImageService(this.store, registry, 'amd64');
    this.cni = new Cni(host, new Rng(0x636e6930));
    this.loops = new CriScripts(host, (id) => this.containers.get(id));
    host.kernel.onExit.push((p) => this.procExited(p));
    host.runc.onLog.push((id, line) => this.containers.get(id)?.logs.push({ ...line, timeMs: host.clock.nowMs }));
  }

  /** The pause image every sandbox since the boot runs (pulled on first use) and kube-system's images, stored when a client first asks. */
  async bootPause(): Promise<void> {
    if (!this.imageStatus(PAUSE_IMAGE)) await this.pullImage(PAUSE_IMAGE);
    await this.bootImages();
  }

  /** kube-system's images as runnable images in the store (containerd-boot.ts bootImages). */
  bootImages = (): Promise<void> => bootImages(this);

  /** A new container's id (CreateContainer draws it before generating the spec: util.GenerateID). */
  newId(): string {
    return this.rng.hex(64);
  }

  /** The stored image a reference names in the k8s.io namespace (ImageStatus). */
  imageStatus(ref: string): LocalImage | undefined {
    return this.store.lookup(ref);
  }

  /** PullImage: resolves in the registry, stores under the tag and the repo digest. */
  async pullImage(ref: string): Promise<PullOutcome> {
    const r = await this.service.criPull(ref);
    if (!r.ok) return r;
    const li = await this.store.add(r.image);
    const parsed = tagNameOnly(parseNormalizedNamed(ref));
    if (!parsed.digest) this.store.setTag(tagKey(parsed), r.image.id);
    this.store.addDigest(r.imageID, r.image.id);
    const names = [...(parsed.digest ? [] : [tagKey(parsed)]), r.imageID, r.image.id];
    for (const name of names) this.refs.set(name, { name, mediaType: r.target.mediaType, digest: r.target.digest, platforms: r.target.platforms, image: li });
    return { ok: true, image: li, repoDigest: r.imageID };
  }

  /**
   * RunPodSandbox: CNI's network namespace, then the pause process holding uts, ipc (and pid when shared).
   * `sysctls` are the pod's (LinuxPodSandboxConfig.sysctls, from spec.securityContext.sysctls): containerd puts them
   * in the sandbox's OCI spec (containerd@v1.7.22:pkg/cri/sbserver/podsandbox/sandbox_run_linux.go WithSysctls), and
   * runc writes each one under /proc/sys once the sandbox's namespaces exist: net.* land in the pod's network
   * namespace, kernel.shm*, kernel.msg*, kernel.sem and fs.mqueue.* in its IPC namespace, so every container of the
   * pod sees them.
   */
  async runPodSandbox(
    meta: { name: string; namespace: string; uid: string; attempt: number; hostname?: string },
    cgroupParent: string,
    sharePid: boolean,
    sysctls: Record<string, string> = {},
    node: SandboxNamespaces = {},
  ): Promise<CriSandbox | string> {
    let pause = this.imageStatus(PAUSE_IMAGE);
    if (!pause) {
      const r = await this.pullImage(PAUSE_IMAGE);
      if (!r.ok) return r.message;
      pause = r.image;
    }
    const id = this.rng.hex(64);
    const hostNs = this.host.fixture.namespaces;
    // hostNetwork: no CNI, the node's network namespace and address (sandbox_run_linux.go: WithoutNamespace(Network, UTS)).
    const net: CniResult = node.network
      ? { netns: this.host.kernel.ns(hostNs.net), ip: this.host.fixture.network.eth0.addr.split('/')[0] as string, hostIfname: '' }
      : this.cni.add();
    // containerd 1.7's CRI leaves the new network namespace's sysctls at the kernel's defaults: enable_unprivileged_ports
    // and enable_unprivileged_icmp default to false (containerd/containerd@v1.7.22:docs/cri/config.md), so ports below 1024 need
    // CAP_NET_BIND_SERVICE and no group may open ICMP echo sockets (torvalds/linux@v6.8:net/ipv4/af_inet.c inet_init_net).
    const nsObj = this.host.kernel.ns(net.netns.inode);
    const netSysctls = Object.fromEntries(Object.entries(sysctls).filter(([k]) => k.startsWith('net.')));
    if (!node.network) nsObj.sysctls = { 'net.ipv4.ip_unprivileged_port_start': '1024', 'net.ipv4.ping_group_range': '1\t0', ...nsObj.sysctls, ...netSysctls };
    // The kubelet sets no sandbox hostname for a host-network pod, and containerd then uses the node's (sandbox_run.go); else spec.hostname or the pod's name (kubelet_pods.go GeneratePodHostNameAndDomain).
    const hostname = node.network ? this.host.fixture.hostname : meta.hostname || meta.name;
    const shim = this.host.runc.spawnShim(id, 'k8s.io');
    const user = (pause.image.config.config.User ?? '').split(':');
    const { init } = this.host.runc.start({
      id,
      namespace: 'k8s.io',
      argv: ['/pause'],
      env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
      uid: Number(user[0] || 0),
      gid: Number(user[1] || user[0] || 0),
      caps: DOCKER_DEFAULT_MASK,
      noNewPrivs: true,
      seccomp: 2,
      apparmor: CRI_APPARMOR,
      hostname,
      // hostPID / hostIPC: NamespaceMode NODE, the pause process joins the host's (containerd@v1.7.22:
      // pkg/cri/server/sandbox_run_linux.go: WithoutNamespace for a NODE pid or ipc option).
      namespaces: { net: net.netns.inode, uts: node.network ? hostNs.uts : 'new', ipc: node.ipc ? hostNs.ipc : 'new', pid: node.pid ? hostNs.pid : 'new' },
      cgroup: { path: `${cgroupParent}/cri-containerd-${id}.scope` },
      tty: false,
      readOnlyRoot: true,
      writable: [],
      unprivilegedPortStart: unprivilegedPortStart(nsObj.sysctls),
      binary: true,
      shim,
    });
    const ipcSysctls = Object.entries(sysctls).filter(([k]) => !k.startsWith('net.'));
    if (ipcSysctls.length) {
      const ipc = this.host.kernel.ns(init.ns.ipc);
      ipc.sysctls = { ...ipc.sysctls, ...Object.fromEntries(ipcSysctls) };
    }
    const sb: CriSandbox = {
      id,
      name: meta.name,
      namespace: meta.namespace,
      uid: meta.uid,
      attempt: meta.attempt,
      createdMs: this.host.clock.nowMs,
      state: 'SANDBOX_READY',
      pause: init,
      shim,
      net,
      cgroupParent,
      hostname,
      sharePid,
      hostPid: node.pid === true,
      hostNetwork: node.network === true,
      hostDns: node.hostDns === true,
    };
    this.sandboxes.set(id, sb);
    return sb;
  }

  /** CreateContainer + StartContainer: the container's root is registered, then runc starts PID 1 in the sandbox's namespaces. */
  async startContainer(sb: CriSandbox, cfg: CriContainerConfig, image: LocalImage): Promise<CriContainer> {
    if (cfg.binds?.length) await this.host.runc.nodeFs.createMissingSources(cfg.binds.map((b) => b.source));
    const id = this.rng.hex(64);
    const now = this.host.clock.nowMs;
    const fs = describeRootfs(image.image);
    const paths = imagePaths(image.image);
    const hosts = `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${sb.net.ip}\t${sb.hostname}\n`;
    this.host.runc.roots.add({
      id,
      engine: 'containerd',
      flavor: fs.flavor,
      commands: fs.commands,
      files: fs.files,
      dirs: paths.dirs,
      meta: paths.meta,
      times: paths.times,
      links: fs.links,
      fileLinks: fs.fileLinks,
      executables: paths.executables,
      hostname: sb.hostname,
      createdMs: now,
      workdir: cfg.workdir,
      readOnlyRoot: cfg.readOnlyRoot,
      writable: cfg.writable,
      ...podMounts(cfg),
      privileged: cfg.privileged,
      etc: {
        '/etc/hostname': `${sb.hostname}\n`,
        // kubelet_pods.go managedHostsHeaderWithHostNetwork: a host-network pod gets the node's /etc/hosts under its own header.
        '/etc/hosts': sb.hostNetwork ? `# Kubernetes-managed hosts file (host network).\n${hostFiles(this.host)['/etc/hosts'] ?? ''}` : hosts,
        // The kubelet's DNS (pkg/kubelet/network/dns/dns.go): the cluster's, or for dnsPolicy Default (and ClusterFirst with
        // hostNetwork) the node's resolv.conf (kubeadm: /run/systemd/resolve/resolv.conf; parseResolvConf drops "search .");
        // containerd writes it with parseDNSOptions (sandbox_run_linux.go).
        '/etc/resolv.conf': sb.hostDns
          ? `nameserver ${this.host.fixture.network.eth0.gateway}\n`
          : `search ${sb.namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`,
      },
    });
    const c: CriContainer = {
      id,
      sandboxId: sb.id,
      name: cfg.name,
      attempt: cfg.attempt,
      image: cfg.image,
      imageRef: image.image.id,
      createdMs: now,
      startedMs: 0,
      finishedMs: 0,
      state: 'CONTAINER_CREATED',
      exitCode: 0,
      reason: '',
      pid: 0,
      logs: [],
      labels: cfg.labels,
    };
    this.containers.set(id, c);
    const mask = cfg.privileged ? ALL_CAPS : capMask(cfg.caps.add, cfg.caps.drop);
    const ns = sb.pause.ns;
    const target = cfg.targetId ? this.host.kernel.procs.get(this.containers.get(cfg.targetId)?.pid ?? -1) : undefined;
    // A shared or host PID namespace is the sandbox's (container_create_linux.go: a POD or NODE pid option joins the pause's).
    const pidNs: NsChoice = target ? target.ns.pid : sb.sharePid || sb.hostPid ? ns.pid : 'new';
    const argv = cfg.argv;
    const { init, program } = this.host.runc.start({
      id,
      namespace: 'k8s.io',
      argv,
      env: cfg.env,
      uid: cfg.uid,
      gid: cfg.gid,
      ...(cfg.groups ? { groups: cfg.groups } : {}),
      caps: mask,
      noNewPrivs: cfg.noNewPrivs,
      seccomp: cfg.seccomp === 'runtime/default' && !cfg.privileged ? 2 : 0,
      apparmor: cfg.privileged ? 'unconfined' : CRI_APPARMOR,
      hostname: sb.hostname,
      namespaces: { net: ns.net, uts: ns.uts, ipc: ns.ipc, pid: pidNs },
      cgroup: { ...cfg.cgroup, path: `${sb.cgroupParent}/cri-containerd-${id}.scope` },
      tty: cfg.tty,
      readOnlyRoot: cfg.readOnlyRoot,
      writable: cfg.writable,
      unprivilegedPortStart: unprivilegedPortStart(this.host.kernel.ns(ns.net).sysctls),
      binary: isBinary(argv[0], cfg.env.PATH ?? '', fs.files, paths.executables),
      files: fs.files,
      shim: sb.shim,
    });
    c.state = 'CONTAINER_RUNNING';
    c.pid = init.pid;
    c.startedMs = now;
    for (const line of program.logs) c.logs.push({ stream: logStream(line), text: `${line}\n`, timeMs: now });
    if (program.failWith !== undefined) this.host.kernel.exit(init, program.failWith);
    else if (program.shell && cfg.stdin) {
      // A shell with stdin open (`kubectl run -it`) waits for input until something attaches and ends it.
    } else if (program.oneshot || program.shell) {
      // A one-shot command runs to completion through the shell; an interactive shell without stdin ends at once.
      const r = program.shell
        ? { stdout: '', stderr: '', exitCode: 0 }
        : await this.host.runc.runner(id, init, program.exec ?? (program.initWrapped ? argv.slice(argv.indexOf('--') + 1) : argv), {
            tty: cfg.tty,
            workdir: cfg.workdir,
            env: {},
          });
      if (r.stdout) c.logs.push({ stream: 'stdout', text: r.stdout, timeMs: this.host.clock.nowMs });
      if (r.stderr) c.logs.push({ stream: 'stderr', text: r.stderr, timeMs: this.host.clock.nowMs });
      if (init.state !== 'Z' && this.host.kernel.procs.has(init.pid)) this.host.kernel.exit(init, r.exitCode);
    } else if (program.script) await this.loops.started(c, init, program.script, { tty: cfg.tty, workdir: cfg.workdir });
    return c;
  }

  private procExited(p: Proc): void {
    for (const c of this.containers.values()) {
      if (c.pid !== p.pid || c.state !== 'CONTAINER_RUNNING') continue;
      const sb = this.sandboxes.get(c.sandboxId);
      const cg = this.host.kernel.cgroups.get(`${sb?.cgroupParent}/cri-containerd-${c.id}.scope`);
      c.state = 'CONTAINER_EXITED';
      c.exitCode = p.exitStatus ?? 0;
      c.finishedMs = this.host.kernel.now;
      // containerd@v1.7.22 pkg/cri/sbserver/events.go handleContainerExit: OOMKilled when the task saw an OOM, else Completed or Error.
      c.reason = (cg?.events.oom_kill ?? 0) > 0 ? 'OOMKilled' : c.exitCode === 0 ? 'Completed' : 'Error';
      this.host.runc.forget(p.pid);
      for (const hook of this.onExit) hook(c);
    }
  }

  /** StopContainer: SIGTERM now, SIGKILL when `timeoutS` has passed (the kernel's timers, on the host clock). */
  stopContainer(id: string, timeoutS: number): void {
    const c = this.containers.get(id);
    if (c?.state !== 'CONTAINER_RUNNING') return;
    const p = this.host.kernel.procs.get(c.pid);
    if (!p) return;
    const k = this.host.kernel;
    if (timeoutS <= 0) {
      this.host.runc.signal(p, SIGKILL);
      return;
    }
    this.host.runc.signal(p, 15);
    k.timers.push({
      at: k.now + timeoutS * 1000,
      fn: () => {
        if (c.state === 'CONTAINER_RUNNING') this.host.runc.signal(p, SIGKILL);
      },
    });
  }

  removeContainer(id: string): void {
    const c = this.containers.get(id);
    if (!c) return;
    const sb = this.sandboxes.get(c.sandboxId);
    this.containers.delete(id);
    this.host.kernel.cgroups.delete(`${sb?.cgroupParent}/cri-containerd-${id}.scope`);
    this.host.runc.roots.remove(id);
  }

  /**
   * StopPodSandbox (containerd@v1.7.22:pkg/cri/sbserver/sandbox_stop.go stopPodSandbox): the sandbox's containers are
   * stopped, the pause task is killed with SIGKILL (stopSandboxContainer), its network torn down (teardownPodNetwork: CNI
   * DEL, the network namespace removed), and the sandbox stays listed, NotReady; its exited containers stay with it
   * until RemovePodSandbox. The shim (runc.v2, one per pod) shuts down once it holds no running task.
   */
  stopPodSandbox(id: string): void {
    const sb = this.sandboxes.get(id);
    if (!sb || sb.state === 'SANDBOX_NOTREADY') return;
    for (const c of this.containers.values()) if (c.sandboxId === id && c.state === 'CONTAINER_RUNNING') this.stopContainer(c.id, 0);
    const k = this.host.kernel;
    if (sb.pause.state !== 'Z') k.exit(sb.pause, 128 + SIGKILL, SIGKILL);
    this.host.runc.forget(sb.pause.pid);
    if (sb.shim.state !== 'Z') k.exit(sb.shim, 0);
    if (!sb.hostNetwork) this.cni.del(sb.net);
    k.cgroups.delete(`${sb.cgroupParent}/cri-containerd-${id}.scope`);
    sb.state = 'SANDBOX_NOTREADY';
  }

  /** RemovePodSandbox (sandbox_remove.go): stopped first if it still runs, then its containers and the sandbox go. */
  removePodSandbox(id: string): void {
    const sb = this.sandboxes.get(id);
    if (!sb) return;
    this.stopPodSandbox(id);
    for (const c of [...this.containers.values()]) if (c.sandboxId === id) this.removeContainer(c.id);
    this.sandboxes.delete(id);
  }

  /** Normalised name of a reference (`docker.io/library/nginx`), for crictl and ctr. */
  static repoOf(ref: string): string {
    return fullName(parseNormalizedNamed(ref));
  }

  static digestKey = digestKey;
}

/** The CRI capability rule (pkg/cri/sbserver/container_create_linux.go via oci.WithCapabilities/WithAddedCapabilities/WithDroppedCapabilities): drop ALL then add. */
export function capMask(add: string[], drop: string[]): bigint {
  const bit = (c: string) => {
    const n = capNumber(c);
    return n === undefined ? 0n : 1n << BigInt(n);
  };
  let mask = drop.some((d) => d.toUpperCase() === 'ALL') ? 0n : DOCKER_DEFAULT_MASK;
  for (const d of drop) mask &= ~bit(d);
  if (add.some((a) => a.toUpperCase() === 'ALL')) return ALL_CAPS;
  for (const a of add) mask |= bit(a);
  return mask;
}

/** node1's containerd, created on first use over the world's registry (the one Docker pulls from and pushes to). */
export function containerdOf(host: Host, registry: Registry): Containerd {
  if (!host.containerd) {
    host.containerd = new Containerd(host, registry);
    recordBoot(host.containerd, host);
  }
  return host.containerd;
}
