/**
 * node1 as a single-node kubeadm cluster: the Node object and the four namespaces every
 * cluster starts with (Kubernetes v1.30 on containerd 1.7, CURRICULUM §2).
 */
import type { Fixture } from '../../fixture.ts';
import type { KObject } from '../types.ts';

export const KUBE_VERSION = 'v1.30.5';
/** The containerd the Docker Engine on node1 ships (docker version: containerd 1.7.22). */
export const CONTAINER_RUNTIME = 'containerd://1.7.22';
/** When kubeadm init ran on node1. */
export const CLUSTER_CREATED = '2024-09-02T09:30:12Z';

/** `bootMs`: when node1 last booted (the host's /proc/uptime); the cluster was up before, so node1 has been rebooted once since kubeadm init. */
export interface NodeFacts { hostname: string; ip: string; kernel: string; cpus: number; memBytes: number; bootMs: number }

/** node1's facts from the host's fixture world. */
export function nodeFactsOf(f: Fixture): NodeFacts {
  const ip = f.network.eth0.addr.split('/')[0]!;
  return { hostname: f.hostname, ip, kernel: f.kernel.release, cpus: f.cpus, memBytes: f.memTotalBytes, bootMs: Date.parse(f.bootTime) };
}

const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/**
 * node1's reboot, seconds after boot: systemd starts containerd.service (PID 640), which reloads its CRI state and
 * marks every container that was running as exited (containerd@v1.7.22:pkg/cri/server/restart.go loadContainer:
 * the task is gone, so FinishedAt = now, ExitCode 255, Reason "Unknown"); then the kubelet starts, registers the
 * node and recreates the static pods, kube-proxy once the API server answers, CoreDNS once the CNI is ready.
 */
export const AFTER_BOOT = { containerdLoaded: 6, kubeletStarted: 9, nodeReady: 11 };

/**
 * The Node as the kubelet reports it `nowMs` after the reboot. The controller manager was down with the node, so no
 * condition went Unknown; the restarted kubelet first posted Ready=False (its runtime status check had not completed:
 * pkg/kubelet/nodestatus/setters.go ReadyCondition), then Ready=True, so only Ready's transition is after the boot.
 * With nothing changing, the kubelet reports its status every 5 min (nodeStatusReportFrequency).
 */
export function nodeObject(f: NodeFacts, uid: string, nowMs: number): KObject {
  const ready = f.bootMs + AFTER_BOOT.nodeReady * 1000;
  const heartbeat = nodeHeartbeat(f, nowMs);
  const memKi = `${Math.floor(f.memBytes / 1024)}Ki`;
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: {
      name: f.hostname, uid, resourceVersion: '1', creationTimestamp: CLUSTER_CREATED,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      labels: {
        'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': f.hostname, 'kubernetes.io/os': 'linux', 'node-role.kubernetes.io/control-plane': '',
        'node.kubernetes.io/exclude-from-external-load-balancers': '',
      },
    },
    spec: { podCIDR: '10.244.0.0/24', podCIDRs: ['10.244.0.0/24'] },
    status: {
      addresses: [{ address: f.ip, type: 'InternalIP' }, { address: f.hostname, type: 'Hostname' }],
      allocatable: { cpu: String(f.cpus), 'ephemeral-storage': '93478772582', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: `${Math.floor(f.memBytes / 1024) - 102400}Ki`, pods: '110' },
      capacity: { cpu: String(f.cpus), 'ephemeral-storage': '101430960Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: memKi, pods: '110' },
      conditions: [
        ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
        ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
        ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
        ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status. AppArmor enabled'],
      ].map(([type, status, reason, message]) => ({ lastHeartbeatTime: heartbeat, lastTransitionTime: type === 'Ready' ? iso(ready) : CLUSTER_CREATED, message, reason, status, type })),
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64', bootID: '3f6c2b1e-8d4a-4c7e-9b2f-5a1d7e3c9f08', containerRuntimeVersion: CONTAINER_RUNTIME, kernelVersion: f.kernel,
        kubeProxyVersion: KUBE_VERSION, kubeletVersion: KUBE_VERSION, machineID: '9e2d4f6a8b1c3e5f7a9b2d4c6e8f0a1b', operatingSystem: 'linux',
        osImage: 'Ubuntu 24.04.1 LTS', systemUUID: 'c4a1e7d2-5b3f-4e8a-9c6d-2f1b7e4a3d95',
      },
    },
  };
}

/**
 * The conditions' lastHeartbeatTime `nowMs` into the session: the kubelet computes its status every 10 s
 * (nodeStatusUpdateFrequency) but patches it, when nothing changed, only once nodeStatusReportFrequency (5 min) has
 * passed since the last report (kubernetes@v1.30.5:pkg/kubelet/kubelet_node_status.go tryUpdateNodeStatus), so the
 * heartbeat moves in 5-minute steps from the kubelet's start.
 */
export function nodeHeartbeat(f: NodeFacts, nowMs: number): string {
  const posted = f.bootMs + AFTER_BOOT.kubeletStarted * 1000;
  return iso(posted + Math.max(0, Math.floor((nowMs - posted) / 300_000)) * 300_000);
}

/** Sets every condition's lastHeartbeatTime of the stored Node. */
export function setHeartbeat(node: KObject | undefined, f: NodeFacts, nowMs: number): void {
  const beat = nodeHeartbeat(f, nowMs);
  for (const c of ((node?.status as Record<string, unknown> | undefined)?.conditions as Record<string, unknown>[] | undefined) ?? []) c.lastHeartbeatTime = beat;
}

/**
 * The node's Lease (kube-node-lease/node1) renewTime: the kubelet's lease controller renews it every 10 s, a quarter of
 * its 40 s leaseDuration (kubernetes@v1.30.5:pkg/kubelet/kubelet.go nodeLeaseRenewIntervalFraction 0.25,
 * NodeLeaseDurationSeconds 40), from the kubelet's start.
 */
export function leaseRenew(f: NodeFacts, nowMs: number): string {
  const start = f.bootMs + AFTER_BOOT.kubeletStarted * 1000;
  return iso(start + Math.max(0, Math.floor((nowMs - start) / 10_000)) * 10_000);
}

export const namespaceObject = (name: string, uid: string): KObject => ({
  apiVersion: 'v1', kind: 'Namespace',
  metadata: { name, uid, resourceVersion: '1', creationTimestamp: CLUSTER_CREATED, labels: { 'kubernetes.io/metadata.name': name } },
  spec: { finalizers: ['kubernetes'] },
  status: { phase: 'Active' },
});

export const INITIAL_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/** The `kubernetes` Service every cluster has in default (the API server's own ClusterIP). */
export const kubernetesService = (uid: string): KObject => ({
  apiVersion: 'v1', kind: 'Service',
  metadata: { name: 'kubernetes', namespace: 'default', uid, resourceVersion: '200', creationTimestamp: CLUSTER_CREATED, labels: { component: 'apiserver', provider: 'kubernetes' } },
  spec: {
    clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack',
    ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], sessionAffinity: 'None', type: 'ClusterIP',
  },
  status: { loadBalancer: {} },
});
