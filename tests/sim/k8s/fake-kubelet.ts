/**
 * A stand-in kubelet for the API server's tests (the real one lives in src/sim/k8s/kubelet/):
 * every pod goes Running and Ready at once, deleted pods go at once, with the kubelet's events.
 */
import type { KubeletApiClient, KubeletHandle } from '../../../src/sim/k8s/types.ts';

export function fakeKubelet(api: KubeletApiClient & { nowIso(): string }): KubeletHandle {
  let ip = 10;
  const ips = new Map<string, string>();
  return {
    busy: false,
    async sync() {
      for (const p of api.pods()) {
        const ns = p.metadata.namespace ?? 'default';
        if (p.metadata.deletionTimestamp) {
          for (const c of p.spec!.containers as { name: string }[])
            api.event(p, 'Normal', 'Killing', `Stopping container ${c.name}`, { component: 'kubelet', host: 'node1' }, `spec.containers{${c.name}}`);
          api.podTerminated(ns, p.metadata.name);
          continue;
        }
        if ((p.status as { phase?: string }).phase === 'Running') continue;
        const now = api.nowIso();
        const key = `${ns}/${p.metadata.name}`;
        if (!ips.has(key)) ips.set(key, `10.244.0.${ip++}`);
        const containers = p.spec!.containers as { name: string; image: string }[];
        for (const c of containers) {
          const src = { component: 'kubelet', host: 'node1' };
          const fp = `spec.containers{${c.name}}`;
          api.event(p, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`, src, fp);
          api.event(p, 'Normal', 'Created', `Created container ${c.name}`, src, fp);
          api.event(p, 'Normal', 'Started', `Started container ${c.name}`, src, fp);
        }
        const cond = (type: string) => ({ lastProbeTime: null, lastTransitionTime: now, status: 'True', type });
        api.updatePodStatus(ns, p.metadata.name, {
          conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(cond),
          containerStatuses: containers.map((c, i) => ({
            containerID: `containerd://${String(i).padStart(64, 'a')}`,
            image: `docker.io/library/${c.image}`,
            imageID: `docker.io/library/${c.image.split(':')[0]}@sha256:${'0'.repeat(64)}`,
            lastState: {},
            name: c.name,
            ready: true,
            restartCount: 0,
            started: true,
            state: { running: { startedAt: now } },
          })),
          hostIP: '10.0.0.11',
          hostIPs: [{ ip: '10.0.0.11' }],
          phase: 'Running',
          podIP: ips.get(key),
          podIPs: [{ ip: ips.get(key) }],
          qosClass: (p.status as { qosClass?: string }).qosClass,
          startTime: now,
        });
      }
    },
    container: () => undefined,
    logs: (ns, pod, container, previous) =>
      previous || !api.pods().some((p) => p.metadata.namespace === ns && p.metadata.name === pod && (p.status as { phase?: string }).phase === 'Running')
        ? undefined
        : `line 1 of ${container}\nline 2 of ${container}\nline 3 of ${container}\n`,
  };
}
