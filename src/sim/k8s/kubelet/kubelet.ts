/**
 * node1's kubelet: reconciles the pods the API server bound to node1 against containerd (sandbox, image pulls, container
 * starts, restarts with back-off, graceful kills), and reports status and events back. Time is the host clock: whoever
 * drives it (the cluster, on each simulated step) calls `sync()`, and nothing waits in real time.
 *
 * Wording: kubernetes@v1.30.0 pkg/kubelet/kuberuntime/kuberuntime_container.go (Created, Started, Killing "Stopping
 * container"), kuberuntime_manager.go doBackOff ("Back-off restarting failed container %s in pod %s", "back-off %s
 * restarting failed container=%s pod=%s"), pkg/kubelet/images/image_manager.go (image events, images.ts).
 */
import { formatPod } from '../../../k8s/securitycontext.ts';
import { podQos } from '../../../k8s/resources.ts';
import type { Host } from '../../host.ts';
import { describeRootfs } from '../../image/adapter.ts';
import type { Containerd, CriContainer, CriSandbox } from '../../runtime/containerd.ts';
import type { KObject, KubeletApiClient, KubeletHandle } from '../types.ts';
import { Backoff, goDuration } from './backoff.ts';
import { containerConfig, type Obj } from './config.ts';
import { ImageManager, type Emit } from './images.ts';
import { Rng } from '../../rng.ts';
import { ProbeManager } from './prober.ts';
import { podStatus, type ContainerTrack } from './status.ts';
import { stopIfTerminal } from './terminal.ts';
import { admitSysctls, podSysctls } from './sysctl.ts';
import { VolumeManager } from './volumes.ts';

/** How often a pod that cannot start is tried again (pod_workers.go workerBackOffPeriod). */
const RETRY_MS = 10_000;
/** A synced pod is synced again after its resync interval, jittered (pod_workers.go completeWork: wait.Jitter(p.resyncInterval,
 * workerResyncIntervalJitterFactor), the interval being the kubelet's syncFrequency, 1m by default, the factor 0.5: resyncRng). */
const RESYNC_MS = 60_000;
const RESYNC_JITTER = 0.5;

export interface PodTrack {
  uid: string;
  namespace: string;
  name: string;
  sandbox?: CriSandbox;
  startMs: number;
  containers: Map<string, ContainerTrack>;
  /** Set once deletion began: SIGTERM sent, SIGKILL due at `killAtMs`. */
  killing?: { killAtMs: number };
  /** The pod finished: what still ran (its ephemeral containers) was sent SIGTERM, its sandbox stops once they are gone. */
  stopping?: boolean;
  lastStatus?: string;
  retryAtMs: number;
  /** Refused by the kubelet's admission (SysctlForbidden): reported Failed, never started. */
  rejected?: { reason: string; message: string };
  /** When the pod worker syncs the pod again on its own (the resync interval). */
  resyncAtMs?: number;
  /** The containers' ids and states at the last pass: a change is a PLEG event, which syncs the pod. */
  plegSig?: string;
}

export class Kubelet implements KubeletHandle {
  private readonly pods = new Map<string, PodTrack>();
  private readonly crash = new Backoff();
  readonly images: ImageManager;
  private syncing: Promise<void> | undefined;
  private again = false;
  readonly prober: ProbeManager;
  /** An exec probe is running: time its command lets pass (a `sleep`) does not sync the kubelet inside its own sync. */
  private probing = false;
  private readonly resyncRng = new Rng(0x72737963);
  private readonly volumes = new VolumeManager();

  constructor(
    private readonly host: Host,
    private readonly cri: Containerd,
    private readonly api: KubeletApiClient,
    /** Sync on every simulated step by itself (a kubelet without a cluster driving it, as in tests). */
    opts: { ownSteps?: boolean } = {},
  ) {
    this.images = new ImageManager(cri, () => host.clock.nowMs);
    const probeRng = new Rng(0x70726f62);
    this.prober = new ProbeManager({
      target: (t, ct, container) =>
        t.sandbox && ct.current
          ? {
              host,
              sandbox: t.sandbox,
              container,
              current: ct.current,
              rng: probeRng,
              log: (id, stream, text) => cri.containers.get(id)?.logs.push({ stream, text, timeMs: host.clock.nowMs }),
            }
          : undefined,
      emit: (pod, container) => this.emitter(pod, container),
      busy: (on) => {
        this.probing = on;
      },
    });
    // Time passing while a sync is under way (a one-shot script sleeping inside its container's start) must not wait
    // for that sync: it is what waits. The sync after it sees the step.
    if (opts.ownSteps) host.onStep.push(() => (this.busy ? Promise.resolve() : this.sync()));
  }

  get busy(): boolean {
    return this.syncing !== undefined;
  }

  private get now(): number {
    return this.host.clock.nowMs;
  }

  sync(): Promise<void> {
    if (this.probing) return Promise.resolve();
    if (this.syncing) {
      this.again = true;
      return this.syncing;
    }
    this.syncing = (async () => {
      try {
        do {
          this.again = false;
          await this.syncOnce();
        } while (this.again);
      } finally {
        this.syncing = undefined;
      }
    })();
    return this.syncing;
  }

  private async syncOnce(): Promise<void> {
    const seen = new Set<string>();
    for (const pod of this.api.pods()) {
      const uid = pod.metadata.uid;
      seen.add(uid);
      let t = this.pods.get(uid);
      const added = !t;
      if (!t) {
        t = { uid, namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name, startMs: this.now, containers: new Map(), retryAtMs: 0 };
        this.pods.set(uid, t);
        this.prober.addPod(pod, this.now);
      }
      if (this.prober.due(this.now)) await this.prober.probePod(pod, t, this.now);
      if (pod.metadata.deletionTimestamp) await this.terminate(pod, t);
      else await this.syncPod(pod, t);
      if (this.pods.has(uid)) this.report(pod, t, this.podSynced(t, added));
    }
    for (const [uid, t] of this.pods) {
      if (seen.has(uid)) continue;
      if (t.sandbox) this.cri.removePodSandbox(t.sandbox.id);
      this.pods.delete(uid);
      this.prober.removePod(uid);
    }
  }

  /** Events about the pod, or one of its containers (`spec.containers{app}`, `spec.ephemeralContainers{debugger-x}`). */
  private emitter(pod: KObject, container?: string, ephemeral = false): Emit {
    const fieldPath = container ? `spec.${ephemeral ? 'ephemeralContainers' : 'containers'}{${container}}` : undefined;
    return (type, reason, message) => this.api.event(pod, type, reason, message, { component: 'kubelet', host: this.host.fixture.hostname }, fieldPath);
  }

  private async syncPod(pod: KObject, t: PodTrack): Promise<void> {
    const spec = (pod.spec ?? {}) as Obj;
    const containers = (spec.containers as Obj[] | undefined) ?? [];
    if (t.rejected) return;
    if (!t.sandbox) {
      // kubernetes@v1.30.0:pkg/kubelet/kubelet.go HandlePodAdditions → canAdmitPod → rejectPod (event and status).
      const refused = admitSysctls(spec);
      if (refused) {
        t.rejected = { reason: 'SysctlForbidden', message: refused };
        this.emitter(pod)('Warning', 'SysctlForbidden', refused);
        return;
      }
      if (!(await this.volumes.ready(this.api, pod, t, this.now, this.emitter(pod), this.host.runc.nodeFs))) return;
      const qos = podQos(containers as { resources?: never }[]);
      const slug = t.uid.replace(/-/g, '_');
      const parent =
        qos === 'Guaranteed'
          ? `/kubepods.slice/kubepods-pod${slug}.slice`
          : `/kubepods.slice/kubepods-${qos.toLowerCase()}.slice/kubepods-${qos.toLowerCase()}-pod${slug}.slice`;
      const sb = await this.cri.runPodSandbox(
        { name: t.name, namespace: t.namespace, uid: t.uid, attempt: 0, hostname: String(spec.hostname ?? '') },
        parent,
        spec.shareProcessNamespace === true,
        podSysctls(spec),
        // kuberuntime_sandbox.go generatePodSandboxLinuxConfig: hostPID, hostIPC and hostNetwork ask for the node's namespaces
        // (NamespaceMode NODE); dns.go getPodDNSType: ClusterFirst falls back to Default on the host network.
        {
          pid: spec.hostPID === true,
          ipc: spec.hostIPC === true,
          network: spec.hostNetwork === true,
          hostDns: spec.dnsPolicy === 'Default' || (spec.dnsPolicy !== 'ClusterFirstWithHostNet' && spec.dnsPolicy !== 'None' && spec.hostNetwork === true),
        },
      );
      if (typeof sb === 'string') {
        this.emitter(pod)('Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: ${sb}`);
        return;
      }
      t.sandbox = sb;
    }
    if (t.sandbox.state !== 'SANDBOX_READY') return;
    const policy = String(spec.restartPolicy ?? 'Always');
    for (const c of containers) await this.syncContainer(pod, t, c, policy);
    for (const ec of (spec.ephemeralContainers as Obj[] | undefined) ?? []) await this.syncEphemeral(pod, t, ec);
    stopIfTerminal(this.cri, t, spec, (name, ephemeral) => this.emitter(pod, name, ephemeral));
  }

  /**
   * An ephemeral container (kubernetes@v1.30.0 pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions:
   * EphemeralContainersToStart): started once, in the pod's sandbox, never restarted; with targetContainerName it
   * joins that container's PID namespace (kuberuntime_container.go: NamespaceMode TARGET).
   */
  private async syncEphemeral(pod: KObject, t: PodTrack, c: Obj): Promise<void> {
    const name = String(c.name);
    let ct = t.containers.get(name);
    if (!ct) {
      ct = { name, image: String(c.image ?? ''), restartCount: 0, imageID: '', lastEventMs: -Infinity, ephemeral: true };
      t.containers.set(name, ct);
    }
    if (ct.current || (ct.waiting && this.now < (ct.retryAtMs ?? 0))) return;
    const phase = String(((pod.status ?? {}) as Obj).phase ?? '');
    if (phase === 'Succeeded' || phase === 'Failed') return;
    const target = typeof c.targetContainerName === 'string' ? t.containers.get(c.targetContainerName)?.current : undefined;
    await this.startContainer(pod, t, ct, c, this.emitter(pod, name, true), target?.state === 'CONTAINER_RUNNING' ? target.id : undefined);
  }

  private async syncContainer(pod: KObject, t: PodTrack, c: Obj, policy: string): Promise<void> {
    const name = String(c.name);
    let ct = t.containers.get(name);
    if (!ct) {
      ct = { name, image: String(c.image ?? ''), restartCount: 0, imageID: '', lastEventMs: -Infinity };
      t.containers.set(name, ct);
    }
    const cur = ct.current;
    const emit = this.emitter(pod, name);
    if (cur && cur.state === 'CONTAINER_RUNNING') {
      if (!this.probeKill(pod, ct, c, policy, emit) || cur.state === 'CONTAINER_RUNNING') return;
    }
    if (cur && cur.state === 'CONTAINER_EXITED') {
      const kill = ct.probeKill;
      ct.probeKill = undefined;
      const key = `${t.name}_${t.namespace}_${t.uid}_${name}`;
      const backOff = (finishedMs: number): boolean => {
        if (!this.crash.isInBackOffSince(key, finishedMs, this.now)) return false;
        ct.waiting = {
          reason: 'CrashLoopBackOff',
          message: `back-off ${goDuration(this.crash.get(key))} restarting failed container=${name} pod=${formatPod(pod.metadata)}`,
        };
        if (this.now - ct.lastEventMs >= RETRY_MS) {
          ct.lastEventMs = this.now;
          emit('Warning', 'BackOff', `Back-off restarting failed container ${name} in pod ${formatPod(pod.metadata)}`);
        }
        return true;
      };
      if (kill) {
        // Killed for a failed probe: SyncPod starts it again in the same pass, and doBackOff reads the pod status taken
        // before the kill, whose last exited instance is the one before (none the first time: no back-off yet).
        if (!kill.restart) return;
        if (kill.prevFinishedMs !== undefined) {
          if (backOff(kill.prevFinishedMs)) return;
          this.crash.next(key, kill.prevFinishedMs);
        }
      } else {
        if (policy === 'Never' || (policy === 'OnFailure' && cur.exitCode === 0)) return;
        if (backOff(cur.finishedMs)) return;
        this.crash.next(key, cur.finishedMs);
      }
    } else if (ct.waiting && this.now < (ct.retryAtMs ?? 0)) return;
    await this.startContainer(pod, t, ct, c, emit);
  }

  /**
   * computePodActions on a running container whose liveness or startup probe failed: "Container X failed liveness probe,
   * will be restarted" (Killing), stopped with the probe's grace period (killContainer setTerminationGracePeriod).
   * Returns whether a kill began.
   */
  private probeKill(pod: KObject, ct: ContainerTrack, c: Obj, policy: string, emit: Emit): boolean {
    const cur = ct.current!;
    if (ct.probeKill) return true;
    const why = this.prober.failed(pod.metadata.uid, ct.name, cur.id);
    if (!why) return false;
    // kuberuntime_manager.go shouldRestartOnFailure: every policy but Never.
    const restart = policy !== 'Never';
    emit('Normal', 'Killing', `Container ${ct.name} failed ${why} probe${restart ? ', will be restarted' : ''}`);
    ct.probeKill = { restart, ...(ct.previous ? { prevFinishedMs: ct.previous.finishedMs } : {}) };
    const probe = c[why === 'liveness' ? 'livenessProbe' : 'startupProbe'] as Obj | undefined;
    const grace = Number(probe?.terminationGracePeriodSeconds ?? ((pod.spec as Obj | undefined)?.terminationGracePeriodSeconds as number | undefined) ?? 30);
    this.cri.stopContainer(cur.id, grace);
    return true;
  }

  private async startContainer(pod: KObject, t: PodTrack, ct: ContainerTrack, c: Obj, emit: Emit, targetId?: string): Promise<void> {
    ct.retryAtMs = this.now + RETRY_MS;
    const img = await this.images.ensure(t.uid, c, emit);
    if (!img.ok) {
      ct.waiting = { reason: img.reason, message: img.message };
      emit('Warning', 'Failed', `Error: ${img.reason}`);
      if (img.reason === 'ErrImagePull') ct.retryAtMs = this.now;
      return;
    }
    ct.imageID = img.imageID;
    const attempt = ct.current ? ct.restartCount + 1 : ct.restartCount;
    const hostIP = this.host.fixture.network.eth0.addr.split('/')[0]!;
    const cfg = containerConfig(pod, c, img.image, attempt, describeRootfs(img.image.image).files, this.host.fixture.hostname, {
      lookup: this.api.configObject?.bind(this.api),
      podIP: t.sandbox?.hostNetwork ? hostIP : (t.sandbox?.net.ip ?? ''),
      hostIP,
      node: { cpu: this.host.fixture.cpus, memory: this.host.fixture.memTotalBytes - 100 * 1024 * 1024 },
      warn: (reason, message) => emit('Warning', reason, message),
      volumes: this.volumes.of(t),
    });
    if ('error' in cfg) {
      ct.waiting = { reason: 'CreateContainerConfigError', message: cfg.error };
      emit('Warning', 'Failed', `Error: ${cfg.error}`);
      return;
    }
    // No command, no args and an image with neither ENTRYPOINT nor CMD (the etcd image): CreateContainer fails
    // (containerd@v1.7.22:pkg/cri/opts/spec_linux.go WithProcessArgs "no command specified", wrapped by helpers.go
    // runtimeSpec and container_create.go), and the kubelet reports the gRPC message (kuberuntime_container.go startContainer).
    if (!cfg.argv.length) {
      const message = `failed to generate container "${this.cri.newId()}" spec: failed to generate spec: no command specified`;
      ct.waiting = { reason: 'CreateContainerError', message };
      emit('Warning', 'Failed', `Error: ${message}`);
      return;
    }
    if (ct.current) {
      if (ct.previous) this.cri.removeContainer(ct.previous.id);
      ct.previous = ct.current;
      ct.restartCount += 1;
    }
    emit('Normal', 'Created', `Created container ${ct.name}`);
    ct.waiting = undefined;
    if (targetId) cfg.targetId = targetId;
    const started = this.cri.startContainer(t.sandbox!, cfg, img.image);
    ct.current = await started;
    emit('Normal', 'Started', `Started container ${ct.name}`);
  }

  /** Graceful deletion: SIGTERM to every container, SIGKILL after the grace period, then the sandbox goes and the pod object with it. */
  private async terminate(pod: KObject, t: PodTrack): Promise<void> {
    const grace = pod.metadata.deletionGracePeriodSeconds ?? ((pod.spec as Obj | undefined)?.terminationGracePeriodSeconds as number | undefined) ?? 30;
    if (!t.killing) {
      t.killing = { killAtMs: this.now + grace * 1000 };
      for (const ct of t.containers.values()) {
        if (ct.current?.state !== 'CONTAINER_RUNNING') continue;
        this.emitter(pod, ct.name, ct.ephemeral)('Normal', 'Killing', `Stopping container ${ct.name}`);
        this.cri.stopContainer(ct.current.id, grace);
      }
    }
    const running = [...t.containers.values()].some((ct) => ct.current?.state === 'CONTAINER_RUNNING');
    if (running) return;
    if (t.sandbox) this.cri.removePodSandbox(t.sandbox.id);
    t.sandbox = undefined;
    this.pods.delete(t.uid);
    this.api.podTerminated(t.namespace, t.name);
  }

  /**
   * Whether the pod worker synced the pod in this pass (kubelet.go syncLoopIteration): the pod was added, a container
   * changed state (PLEG), a probe result the sync loop acts on changed (handleProbeSync), or its resync interval passed.
   */
  private podSynced(t: PodTrack, added: boolean): boolean {
    const sig = [...t.containers.values()].map((ct) => `${ct.current?.id ?? ''}:${ct.current?.state ?? ''}`).join(',');
    const pleg = sig !== t.plegSig;
    t.plegSig = sig;
    const probed = this.prober.updated(t.uid);
    if (!added && !pleg && !probed && this.now < (t.resyncAtMs ?? Infinity)) return false;
    t.resyncAtMs = this.now + RESYNC_MS + Math.floor((this.resyncRng.int(1_000_000) / 1_000_000) * RESYNC_JITTER * RESYNC_MS);
    return true;
  }

  private report(pod: KObject, t: PodTrack, synced: boolean): void {
    // A SyncPod remounts the pod's ConfigMap and Secret volumes (volumes.ts); prober_manager.go UpdatePodStatus: started and ready from the probes.
    if (synced && !pod.metadata.deletionTimestamp) this.volumes.remount(this.api, pod, t, this.now, this.emitter(pod));
    for (const ct of t.containers.values()) {
      const cur = ct.current;
      if (ct.ephemeral || !cur) continue;
      ct.started = cur.state === 'CONTAINER_RUNNING' && this.prober.started(t.uid, ct.name, cur.id);
      ct.ready = ct.started && this.prober.ready(t.uid, ct.name, cur.id, synced);
    }
    const status = podStatus(pod, t, this.host.fixture.network.eth0.addr.split('/')[0] as string, this.now);
    const text = JSON.stringify(status);
    if (text === t.lastStatus) return;
    t.lastStatus = text;
    this.api.updatePodStatus(t.namespace, t.name, status);
  }

  container(namespace: string, pod: string, container: string): { id: string; pid: number; running: boolean } | undefined {
    const t = [...this.pods.values()].find((p) => p.namespace === namespace && p.name === pod);
    const cur = t?.containers.get(container)?.current;
    if (!cur) return undefined;
    return { id: cur.id, pid: cur.pid, running: cur.state === 'CONTAINER_RUNNING' };
  }

  logs(namespace: string, pod: string, container: string, previous: boolean): string | undefined {
    const t = [...this.pods.values()].find((p) => p.namespace === namespace && p.name === pod);
    const ct = t?.containers.get(container);
    const inst: CriContainer | undefined = previous ? ct?.previous : ct?.current;
    return inst ? inst.logs.map((l) => l.text).join('') : undefined;
  }

  /** The kubelet's view of a pod (tests, the World snapshot). */
  track(namespace: string, pod: string): PodTrack | undefined {
    return [...this.pods.values()].find((p) => p.namespace === namespace && p.name === pod);
  }
}
