/**
 * The seam between node1's API server (src/sim/k8s/apiserver/) and its kubelet
 * (src/sim/k8s/kubelet/). Objects are plain JSON in the API's own shape (what
 * `kubectl get -o json` prints), so the store, kubectl's printers, the kubelet and
 * the World snapshot read the same thing.
 *
 * Additive changes only: the API server and the kubelet are built side by side.
 */

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  generation?: number;
  /** RFC 3339, second precision, `Z` (as the API server writes it). */
  creationTimestamp: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  generateName?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
}

/** Any stored object. `spec` and `status` keep the API's field names. */
export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [extra: string]: unknown;
}

/** core/v1 ContainerStatus, as the kubelet reports it. */
export interface ContainerStatus {
  name: string;
  state: ContainerState;
  lastState: ContainerState;
  ready: boolean;
  restartCount: number;
  image: string;
  /** `docker.io/library/nginx@sha256:…`: the repo digest the runtime resolved. */
  imageID: string;
  /** `containerd://<64 hex>`; absent while waiting for the first start. */
  containerID?: string;
  started: boolean;
}

export type ContainerState =
  | { waiting: { reason: string; message?: string } }
  | { running: { startedAt: string } }
  | { terminated: { exitCode: number; signal?: number; reason: string; message?: string; startedAt: string; finishedAt: string; containerID?: string } }
  | Record<string, never>;

/** What the kubelet needs from the API server. */
export interface KubeletApiClient {
  /** Pods bound to node1 (all namespaces), including ones being deleted (deletionTimestamp set). */
  pods(): KObject[];
  /**
   * A ConfigMap or Secret of the pod's namespace, for its containers' env and volumes; a ServiceAccount, or the Node
   * (namespace ''), for a projected token's claims (absent in test fakes: none exist).
   */
  configObject?(kind: 'ConfigMap' | 'Secret' | 'ServiceAccount' | 'Node', namespace: string, name: string): KObject | undefined;
  /** Replaces a pod's status (phase, conditions, podIP, hostIP, startTime, containerStatuses …). */
  updatePodStatus(namespace: string, name: string, status: Record<string, unknown>): void;
  /** Removes the pod object once its containers are gone (the end of graceful deletion). */
  podTerminated(namespace: string, name: string): void;
  /**
   * Records an event about `obj` (aggregated by the API server: same reason+message → count and
   * lastTimestamp move, shown as `x3 over 37s`). `fieldPath` is e.g. `spec.containers{app}`.
   */
  event(obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, source: { component: string; host?: string }, fieldPath?: string): void;
}

/** What kubectl exec/logs/debug and the World snapshot need from the kubelet. */
export interface KubeletHandle {
  /** Reconciles every pod (sandbox, pulls, creates, restarts with back-off, kills on delete). */
  sync(): Promise<void>;
  /** A sync is under way (time passing inside it must not wait for it). */
  readonly busy: boolean;
  /** The running container's identity, for kubectl exec: the shell enters it like a Docker container. */
  container(namespace: string, pod: string, container: string): { id: string; pid: number; running: boolean } | undefined;
  /** Log text of the current (or, with previous, the last terminated) instance; undefined when there is none. */
  logs(namespace: string, pod: string, container: string, previous: boolean): string | undefined;
}
