/**
 * The kubelet's ConfigMap and Secret volumes (kubernetes@v1.30.5 pkg/volume/configmap/configmap.go and
 * pkg/volume/secret/secret.go SetUpAt + MakePayload, pkg/volume/util/atomic_writer.go):
 * - the pod waits for them before its sandbox (kubelet.go SyncPod → volumeManager.WaitForAttachAndMount), so a missing
 *   ConfigMap keeps it ContainerCreating;
 * - each failed SetUp is a `FailedMount` event, `MountVolume.SetUp failed for volume "config" : configmap "nope" not
 *   found` (operation_executor.go GenerateError: `%v for volume %q %v` with errSuffix ": " + err), retried with
 *   nestedpendingoperations' exponential back-off (500 ms doubling to 2m2s), so describe shows `(x7 over 63s)`;
 * - `optional: true` mounts an empty volume for a missing object, and skips a missing item key;
 * - without items every key is a file; items pick keys and paths; the mode is the item's, else defaultMode (0644);
 * - the atomic writer's layout: a `..2006_01_02_15_04_05.<random>` directory (chmod 0755) holding the files, `..data`
 *   linked to it, and each top-level name linked to `..data/<name>`;
 * - updates (`remount`): every SyncPod calls WaitForAttachAndMount, which marks the pod's volumes for remount
 *   (desired_state_of_world_populator.go ReprocessPod), and SetUp runs the atomic writer again with the object the
 *   kubelet's watch-based cache holds (configMapAndSecretChangeDetectionStrategy Watch, the default). Write (steps 2–12)
 *   writes only when a file's content differs or a path went away (shouldWritePayload, pathsToRemove): a new
 *   timestamped directory, `..data` renamed onto it, links made for new names and removed for gone ones, the old
 *   directory removed. So the files follow the object at the pod's next sync: its periodic resync (syncFrequency 1m,
 *   jittered by up to half: kubelet.ts RESYNC_MS) or a container's state change; the ConfigMap page says so: "the total
 *   delay … can be as long as the kubelet sync period + cache propagation delay" (kubernetes.io/docs/concepts/
 *   configuration/configmap/#mounted-configmaps-are-updated-automatically). Environment variables are not touched (they
 *   were made when the container was), nor are subPath mounts ("A container using a ConfigMap as a subPath volume mount
 *   will not receive ConfigMap updates", same page);
 * - fsGroup: SetUpAt hands the writer setPerms, volume.SetVolumeOwnership(dir, fsGroup, nil policy) (pkg/volume/
 *   volume_linux.go: every entry Lchown'd to the group; files and directories chmod'ed `| 0440` (the plugins'
 *   Attributes are ReadOnly: roMask), directories also `| 0110 | setgid`; symbolic links keep their mode). The policy
 *   is nil for these plugins, so fsGroupChangePolicy changes nothing here.
 * - projected and downwardAPI volumes (payloads.ts) go the same way, on tmpfs like a Secret's.
 * Not simulated: the two-minute "Unable to attach or mount volumes" timeout (a wait.Interrupted error in 1.30, which
 * SyncPod does not record as an event); the token manager's refresh (a year-long token is not refreshed in a session).
 */
import type { DataPayload, DataVolume, EmptyDirVolume } from '../../runtime/roots.ts';
import { Rng } from '../../rng.ts';
import { downwardFiles, type Files, keyId, payload, podToken, projectedFiles } from './payloads.ts';
import type { KObject, KubeletApiClient } from '../types.ts';
import type { Emit } from './images.ts';
import type { NodeFs } from '../../runtime/nodefs.ts';
import { hostPathSetUp } from './hostpath.ts';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** nestedpendingoperations: initialDurationBeforeRetry and maxDurationBeforeRetry (exponentialbackoff). */
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 122_000;

export type Resolved = Omit<DataVolume, 'destination'>;
/** The set-up volumes of a pod, by volume name: ConfigMap and Secret payloads, and emptyDirs. */
export interface PodMountSources {
  data: Map<string, Resolved>;
  emptyDirs: Map<string, EmptyDirVolume>;
}
interface PodVolumes {
  ready?: Map<string, Resolved>;
  /** The token manager's tokens, by volume and path. */
  tokens: Map<string, string>;
  emptyDirs?: Map<string, EmptyDirVolume>;
  retryMs: number;
  nextMs: number;
}

/** atomic_writer.go newTimestampDir: `..` + UTC time as 2006_01_02_15_04_05 + `.` + os.MkdirTemp's random uint32. */
function timestampDir(nowMs: number, rng: Rng): string {
  const d = new Date(nowMs);
  const p = (n: number) => String(n).padStart(2, '0');
  return `..${d.getUTCFullYear()}_${p(d.getUTCMonth() + 1)}_${p(d.getUTCDate())}_${p(d.getUTCHours())}_${p(d.getUTCMinutes())}_${p(d.getUTCSeconds())}.${rng.int(4294967296)}`;
}

/** createUserVisibleFiles: a link per top-level name, made when the name first appears (an existing one is kept). */
function linkTimes(files: DataPayload['files'], old: Record<string, number>, nowMs: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of files) {
    const top = f.path.split('/')[0]!;
    out[top] = old[top] ?? nowMs;
  }
  return out;
}

/** Write steps 3–4: a file whose content differs (shouldWritePayload), or an old path the new payload lacks (pathsToRemove). */
function mustWrite(old: DataPayload, files: DataPayload['files']): boolean {
  const was = new Map(old.files.map((f) => [f.path, f.content]));
  if (files.some((f) => was.get(f.path) !== f.content)) return true;
  const kept = new Set(files.flatMap((f) => f.path.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
  return old.files.some((f) => f.path.split('/').some((_, i, parts) => !kept.has(parts.slice(0, i + 1).join('/'))));
}

/** The data volume plugins node1 simulates, and whether each wraps a tmpfs (medium Memory) rather than a directory on disk. */
const DATA_KINDS = { configMap: false, secret: true, downwardAPI: true, projected: true } as const;
const dataKind = (v: Obj) => (Object.keys(DATA_KINDS) as (keyof typeof DATA_KINDS)[]).find((k) => isObj(v[k]));

export class VolumeManager {
  private readonly pods = new WeakMap<object, PodVolumes>();
  private readonly rng = new Rng(0x766f6c73);
  /** Tokens' random parts, apart from the directories' (so a pod's token leaves the other names as they were). */
  private readonly tokenRng = new Rng(0x746f6b6e);
  private kid: string | undefined;

  /** One volume's payload now (the plugin's SetUp reading its object through the kubelet's cache), or its error. */
  private files(api: KubeletApiClient, pod: KObject, st: PodVolumes, v: Obj, nowMs: number): Files | string {
    const ns = pod.metadata.namespace ?? 'default';
    const kind = dataKind(v);
    const src = (kind ? v[kind] : {}) as Obj;
    if (kind === 'configMap') return payload('ConfigMap', api.configObject?.('ConfigMap', ns, String(src.name)), src);
    if (kind === 'secret') return payload('Secret', api.configObject?.('Secret', ns, String(src.secretName)), src);
    if (kind === 'downwardAPI') return downwardFiles(pod, src, typeof src.defaultMode === 'number' ? src.defaultMode : 0o644);
    const token = (s: Obj) => {
      const key = `${String(v.name)}/${String(s.path)}`;
      let t = st.tokens.get(key);
      if (t === undefined) st.tokens.set(key, (t = podToken(api, pod, s, nowMs, this.tokenRng, (this.kid ??= keyId(this.tokenRng)))));
      return t;
    };
    return projectedFiles(api, pod, src, token, typeof ((pod.spec as Obj | undefined)?.securityContext as Obj | undefined)?.fsGroup === 'number');
  }

  /**
   * The reconciler's pass for a pod (keyed by the kubelet's track of it): true once its hostPath (hostpath.ts),
   * ConfigMap and Secret volumes are set up; a failure emits FailedMount and waits for the back-off.
   */
  async ready(api: KubeletApiClient, pod: KObject, track: object, nowMs: number, emit: Emit, node: NodeFs): Promise<boolean> {
    let st = this.pods.get(track);
    if (!st) this.pods.set(track, (st = { retryMs: 0, nextMs: 0, tokens: new Map() }));
    if (st.ready) return true;
    if (nowMs < st.nextMs) return false;
    const fsGroup = ((pod.spec as Obj | undefined)?.securityContext as Obj | undefined)?.fsGroup;
    const ready = new Map<string, Resolved>();
    const backOff = () => {
      st.retryMs = st.retryMs ? Math.min(st.retryMs * 2, MAX_RETRY_MS) : FIRST_RETRY_MS;
      st.nextMs = nowMs + st.retryMs;
      return false;
    };
    // The reconciler mounts a pod's volumes side by side: a hostPath that fails does not hold back the others (a
    // DirectoryOrCreate parent is made even when a FileOrCreate inside it came first and failed).
    let failed = false;
    for (const v of (((pod.spec as Obj | undefined)?.volumes as unknown[] | undefined) ?? []).filter(isObj)) {
      const kind = dataKind(v);
      const failure = (why: string) => emit('Warning', 'FailedMount', `MountVolume.SetUp failed for volume "${String(v.name)}" : ${why}`);
      if (isObj(v.hostPath)) {
        const why = await hostPathSetUp(node, String(v.hostPath.path), v.hostPath.type as string | undefined);
        if (why) failure(why);
        failed ||= why !== undefined;
        continue;
      }
      if (!kind || failed) continue;
      const files = this.files(api, pod, st, v, nowMs);
      if (typeof files === 'string') {
        failure(files);
        return backOff();
      }
      // The ConfigMap plugin wraps an emptyDir on disk (0777); the others' is tmpfs (medium Memory, 01777).
      ready.set(String(v.name), {
        payload: { files, tsDir: timestampDir(nowMs, this.rng), writtenMs: nowMs, linkMs: linkTimes(files, {}, nowMs) },
        dirMode: DATA_KINDS[kind] ? 0o1777 : 0o777,
        tmpfs: DATA_KINDS[kind],
        createdMs: nowMs,
        ...(typeof fsGroup === 'number' ? { fsGroup } : {}),
      });
    }
    if (failed) return backOff();
    st.ready = ready;
    // emptydir.go SetUpAt: the directory (0777), made once for the pod; SetVolumeOwnership with the fsGroup (group, setgid).
    st.emptyDirs = new Map();
    for (const v of (((pod.spec as Obj | undefined)?.volumes as unknown[] | undefined) ?? []).filter(isObj))
      if (isObj(v.emptyDir)) st.emptyDirs.set(String(v.name), { createdMs: nowMs, ...(typeof fsGroup === 'number' ? { fsGroup } : {}) });
    return true;
  }

  /**
   * A SyncPod's remount of the pod's set-up volumes: the atomic writer's Write again with the object as it is now, the
   * payload replaced in place (the mounted views follow it). A missing object is SetUp's error again, as a FailedMount.
   */
  remount(api: KubeletApiClient, pod: KObject, track: object, nowMs: number, emit: Emit): void {
    const ready = this.pods.get(track)?.ready;
    if (!ready?.size) return;
    for (const v of (((pod.spec as Obj | undefined)?.volumes as unknown[] | undefined) ?? []).filter(isObj)) {
      const r = ready.get(String(v.name));
      if (!r) continue;
      const files = this.files(api, pod, this.pods.get(track)!, v, nowMs);
      if (typeof files === 'string') emit('Warning', 'FailedMount', `MountVolume.SetUp failed for volume "${String(v.name)}" : ${files}`);
      else if (mustWrite(r.payload, files))
        Object.assign(r.payload, { files, tsDir: timestampDir(nowMs, this.rng), writtenMs: nowMs, linkMs: linkTimes(files, r.payload.linkMs, nowMs) });
    }
  }

  /** The set-up volumes of a pod's track, by volume name. */
  of(track: object): PodMountSources {
    const st = this.pods.get(track);
    return { data: st?.ready ?? new Map(), emptyDirs: st?.emptyDirs ?? new Map() };
  }
}
