/**
 * The kubelet's probe manager on the simulated clock (kubernetes@v1.30.0 pkg/kubelet/prober:
 * prober_manager.go AddPod/UpdatePodStatus, worker.go run/doProbe, prober.go probe; results in
 * pkg/kubelet/prober/results). One worker per container and probe type, made when the kubelet first
 * sees the pod; it probes at once, then every periodSeconds on its own ticker. Nothing runs between
 * ticks: `due()` tells the kubelet whether any worker's tick has come, so a sync with none due costs
 * one comparison.
 *
 * Ticks missed while time moved without a sync (a typed line moves the clock a second) are run in
 * order at the next sync, as the worker's ticker would have fired them, up to a bound after a long
 * jump; their events carry the sync's time.
 *
 * A readiness worker also runs at once whenever the kubelet syncs the pod while the container is not
 * ready (prober_manager.go UpdatePodStatus: "Trigger an immediate run of the readinessProbe to update
 * ready state", through the worker's one-slot manualTriggerCh). The kubelet syncs a pod when it is
 * added, when a container changes state (PLEG), when a readiness or startup result changes or a
 * liveness result becomes Failure (kubelet.go syncLoopIteration → handleProbeSync), and on its resync
 * period; `updated()` hands it the results that changed.
 */
import { formatPod } from '../../../k8s/securitycontext.ts';
import type { KObject } from '../types.ts';
import type { Obj } from './config.ts';
import type { Emit } from './images.ts';
import { runProbe, type ProbeTarget } from './probes.ts';
import type { ContainerTrack } from './status.ts';

export type ProbeType = 'liveness' | 'readiness' | 'startup';
/** pkg/kubelet/prober/results Result. */
type Result = 'Success' | 'Failure' | 'Unknown';

const SPEC_KEY: Record<ProbeType, string> = { liveness: 'livenessProbe', readiness: 'readinessProbe', startup: 'startupProbe' };
/** prober_manager.go probeType.String(). */
const TYPE_NAME: Record<ProbeType, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };
/** worker.go newWorker: readiness starts Failure, liveness Success, startup Unknown. */
const INITIAL: Record<ProbeType, Result> = { liveness: 'Success', readiness: 'Failure', startup: 'Unknown' };
/** prober.go maxProbeRetries: a probe that errors is tried this many times. */
const MAX_PROBE_RETRIES = 3;
/** Missed ticks one worker runs at one sync at most (a long fast-forward); the rest are dropped, as a ticker drops them. */
const MAX_CATCH_UP = 30;

interface Worker {
  type: ProbeType;
  container: string;
  spec: Obj;
  periodMs: number;
  nextMs: number;
  /** manualTriggerCh: UpdatePodStatus asks for an immediate readiness run. */
  trigger: boolean;
  containerId: string;
  /** The results manager's value for containerId. */
  result?: Result;
  lastResult: Result;
  resultRun: number;
  onHold: boolean;
}

/** What a probe needs of the kubelet's view of the pod. */
export interface ProbedPod {
  uid: string;
  sandbox?: ProbeTarget['sandbox'];
  containers: Map<string, ContainerTrack>;
}

export interface ProberDeps {
  target: (t: ProbedPod, ct: ContainerTrack, container: Obj) => ProbeTarget | undefined;
  emit: (pod: KObject, container: string) => Emit;
  /** While an exec probe runs: the kubelet ignores syncs its own simulated time asks for. */
  busy: (on: boolean) => void;
}

export class ProbeManager {
  private readonly workers = new Map<string, Worker[]>();
  private nextDueMs = Infinity;
  /** Pods whose results manager sent an update the kubelet's sync loop acts on (results/results_manager.go Set: a changed value). */
  private readonly updates = new Set<string>();

  constructor(private readonly deps: ProberDeps) {}

  /** prober_manager.go AddPod: a worker per probe of each regular container, its first run now. */
  addPod(pod: KObject, nowMs: number): void {
    const list: Worker[] = [];
    for (const c of (((pod.spec ?? {}) as Obj).containers as Obj[] | undefined) ?? []) {
      for (const type of ['startup', 'readiness', 'liveness'] as const) {
        const spec = c[SPEC_KEY[type]] as Obj | undefined;
        if (!spec || typeof spec !== 'object') continue;
        const periodMs = Math.max(1, Number(spec.periodSeconds ?? 10)) * 1000;
        list.push({
          type,
          container: String(c.name),
          spec,
          periodMs,
          nextMs: nowMs,
          trigger: false,
          containerId: '',
          lastResult: 'Unknown',
          resultRun: 0,
          onHold: false,
        });
      }
    }
    if (!list.length) return;
    this.workers.set(pod.metadata.uid, list);
    this.nextDueMs = Math.min(this.nextDueMs, nowMs);
  }

  removePod(uid: string): void {
    this.workers.delete(uid);
    this.updates.delete(uid);
  }

  /** Whether a result of the pod changed in a way that makes the kubelet sync it (handleProbeSync); clears it. */
  updated(uid: string): boolean {
    return this.updates.delete(uid);
  }

  /** results_manager.go Set: stores the value; a changed one is an update (liveness: only a Failure syncs the pod). */
  private set(w: Worker, uid: string, result: Result): void {
    const changed = w.result !== result;
    w.result = result;
    if (changed && (w.type !== 'liveness' || result === 'Failure')) this.updates.add(uid);
  }

  /** Whether any worker's tick (or a manual trigger) has come. */
  due(nowMs: number): boolean {
    return nowMs >= this.nextDueMs;
  }

  private find(uid: string, container: string, type: ProbeType): Worker | undefined {
    return this.workers.get(uid)?.find((w) => w.container === container && w.type === type);
  }

  /** The results manager's value for this container instance (undefined: not set for it). */
  private get(uid: string, container: string, type: ProbeType, containerId: string): { exists: boolean; result?: Result } {
    const w = this.find(uid, container, type);
    return { exists: Boolean(w), ...(w && w.containerId === containerId && w.result ? { result: w.result } : {}) };
  }

  /** UpdatePodStatus: started once the startup probe succeeded (or there is none). */
  started(uid: string, container: string, containerId: string): boolean {
    const s = this.get(uid, container, 'startup', containerId);
    return s.result ? s.result === 'Success' : !s.exists;
  }

  /**
   * UpdatePodStatus: ready once the readiness probe succeeded (or there is none). When the kubelet synced the pod
   * (`synced`), a running container not yet ready triggers an immediate run, as does one the worker has not seen yet.
   */
  ready(uid: string, container: string, containerId: string, synced: boolean): boolean {
    const r = this.get(uid, container, 'readiness', containerId);
    if (r.result === 'Success') return true;
    if (!r.exists) return true;
    const w = this.find(uid, container, 'readiness')!;
    if (!w.trigger && (synced || w.containerId !== containerId)) {
      w.trigger = true;
      this.nextDueMs = -Infinity;
    }
    return false;
  }

  /** computePodActions: the probe whose failure kills the running container, if one did. */
  failed(uid: string, container: string, containerId: string): 'liveness' | 'startup' | undefined {
    if (this.get(uid, container, 'liveness', containerId).result === 'Failure') return 'liveness';
    if (this.get(uid, container, 'startup', containerId).result === 'Failure') return 'startup';
    return undefined;
  }

  /** Runs every worker of the pod whose tick has come, in time order. */
  async probePod(pod: KObject, t: ProbedPod, nowMs: number): Promise<void> {
    const list = this.workers.get(t.uid);
    if (!list) return;
    const runs = new Map<Worker, number>();
    for (;;) {
      let next: Worker | undefined;
      for (const w of list) if ((w.trigger || w.nextMs <= nowMs) && (!next || (w.trigger ? -1 : w.nextMs) < (next.trigger ? -1 : next.nextMs))) next = w;
      if (!next) break;
      const n = (runs.get(next) ?? 0) + 1;
      runs.set(next, n);
      if (next.trigger) next.trigger = false;
      else if (n > MAX_CATCH_UP) {
        next.nextMs += Math.ceil((nowMs + 1 - next.nextMs) / next.periodMs) * next.periodMs;
        continue;
      } else next.nextMs += next.periodMs;
      if (!(await this.doProbe(next, pod, t, nowMs))) list.splice(list.indexOf(next), 1);
    }
    this.recompute();
  }

  private recompute(): void {
    let min = Infinity;
    for (const list of this.workers.values()) for (const w of list) min = Math.min(min, w.trigger ? -Infinity : w.nextMs);
    this.nextDueMs = min;
  }

  /** worker.go doProbe; false ends the worker. */
  private async doProbe(w: Worker, pod: KObject, t: ProbedPod, nowMs: number): Promise<boolean> {
    const phase = String(((pod.status ?? {}) as Obj).phase ?? '');
    if (phase === 'Failed' || phase === 'Succeeded') return false;
    const ct = t.containers.get(w.container);
    const cur = ct?.current;
    if (!ct || !cur) return true;
    if (w.containerId !== cur.id) {
      w.containerId = cur.id;
      w.result = undefined;
      this.set(w, t.uid, INITIAL[w.type]);
      w.onHold = false;
    }
    if (w.onHold) return true;
    const spec = (pod.spec ?? {}) as Obj;
    if (cur.state !== 'CONTAINER_RUNNING') {
      this.set(w, t.uid, 'Failure');
      // A terminated container that will not be restarted ends the worker.
      return !(cur.state === 'CONTAINER_EXITED' && !ct.waiting && spec.restartPolicy === 'Never');
    }
    if (pod.metadata.deletionTimestamp && (w.type === 'liveness' || w.type === 'startup')) {
      this.set(w, t.uid, 'Success');
      return false;
    }
    if (Math.trunc((nowMs - cur.startedMs) / 1000) < Number(w.spec.initialDelaySeconds ?? 0)) return true;
    const started = this.started(t.uid, w.container, cur.id);
    if (started ? w.type === 'startup' : w.type !== 'startup') return true;
    const container = ((spec.containers as Obj[] | undefined) ?? []).find((c) => c.name === w.container) ?? {};
    const target = this.deps.target(t, ct, container);
    if (!target) return true;
    const emit = this.deps.emit(pod, w.container);
    let out = await this.once(w, target, pod);
    // runProbeWithRetries: an error is tried again, up to maxProbeRetries.
    for (let i = 1; out.error !== undefined && i < MAX_PROBE_RETRIES; i++) out = await this.once(w, target, pod);
    const name = TYPE_NAME[w.type];
    if (out.error !== undefined) {
      emit('Warning', 'Unhealthy', `${name} probe errored and resulted in ${out.result} state: ${out.error}`);
      return true;
    }
    let result: Result = 'Success';
    if (out.result === 'warning') emit('Warning', 'ProbeWarning', `${name} probe warning: ${out.output}`);
    else if (out.result === 'failure') {
      emit('Warning', 'Unhealthy', `${name} probe failed: ${out.output}`);
      result = 'Failure';
    } else if (out.result === 'unknown') result = 'Failure';
    if (w.lastResult === result) w.resultRun++;
    else {
      w.lastResult = result;
      w.resultRun = 1;
    }
    const threshold = Number((result === 'Failure' ? w.spec.failureThreshold : w.spec.successThreshold) ?? (result === 'Failure' ? 3 : 1));
    if (w.resultRun < threshold) return true;
    this.set(w, t.uid, result);
    if ((w.type === 'liveness' || w.type === 'startup') && result === 'Failure') {
      // Held until a new container: the kubelet kills this one.
      w.onHold = true;
      w.resultRun = 0;
    }
    return true;
  }

  private async once(w: Worker, target: ProbeTarget, pod: KObject) {
    const exec = typeof w.spec.exec === 'object';
    if (exec) this.deps.busy(true);
    try {
      return await runProbe(w.spec, target, formatPod(pod.metadata), w.container);
    } finally {
      if (exec) this.deps.busy(false);
    }
  }
}
