/** A fake API server for the kubelet: plain pod JSON in, status and events out. */
import { SimWorld } from '../../../src/sim/world.ts';
import { containerdOf } from '../../../src/sim/runtime/containerd.ts';
import { Kubelet } from '../../../src/sim/k8s/kubelet/kubelet.ts';
import type { KObject, KubeletApiClient } from '../../../src/sim/k8s/types.ts';

export interface Ev {
  type: string;
  reason: string;
  message: string;
  fieldPath?: string;
  atMs: number;
}

export class FakeApi implements KubeletApiClient {
  readonly objs = new Map<string, KObject>();
  readonly events: Ev[] = [];
  readonly terminated: string[] = [];
  now = () => 0;

  add(
    pod: Omit<Partial<KObject>, 'metadata' | 'spec'> & { metadata: Partial<KObject['metadata']> & { name: string }; spec: Record<string, unknown> },
  ): KObject {
    const ns = pod.metadata.namespace ?? 'default';
    const n = this.objs.size + 1;
    const full: KObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        uid: `0a1b2c3d-0000-4000-8000-00000000000${n}`,
        resourceVersion: '1',
        creationTimestamp: '2026-12-02T10:00:00Z',
        namespace: ns,
        ...pod.metadata,
      },
      spec: pod.spec,
      status: {
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-12-02T10:00:00Z' }],
        qosClass: 'BestEffort',
      },
    };
    this.objs.set(`${ns}/${pod.metadata.name}`, full);
    return full;
  }
  get(name: string, ns = 'default'): KObject {
    return this.objs.get(`${ns}/${name}`)!;
  }
  pods(): KObject[] {
    return [...this.objs.values()];
  }
  updatePodStatus(namespace: string, name: string, status: Record<string, unknown>): void {
    const o = this.objs.get(`${namespace}/${name}`);
    if (o) o.status = status;
  }
  podTerminated(namespace: string, name: string): void {
    this.objs.delete(`${namespace}/${name}`);
    this.terminated.push(`${namespace}/${name}`);
  }
  event(_obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, _source: { component: string }, fieldPath?: string): void {
    this.events.push({ type, reason, message, fieldPath, atMs: this.now() });
  }
  delete(name: string, grace?: number, ns = 'default'): void {
    const o = this.get(name, ns);
    o.metadata.deletionTimestamp = '2026-12-02T10:05:00Z';
    if (grace !== undefined) o.metadata.deletionGracePeriodSeconds = grace;
  }
}

/** A world with its shell started, containerd over its registry, and a kubelet on a fake API server. */
export async function cluster(): Promise<{
  w: SimWorld;
  api: FakeApi;
  kubelet: Kubelet;
  step: (ms: number) => Promise<void>;
  exec: (pod: string, c: string, line: string) => Promise<{ stdout: string; stderr: string; exitCode: number }>;
}> {
  const w = new SimWorld();
  await w.exec('true');
  const lib = await w.daemon.imageLib();
  const cri = containerdOf(w.host, lib.registry);
  const api = new FakeApi();
  api.now = () => w.host.clock.nowMs;
  const kubelet = new Kubelet(w.host, cri, api, { ownSteps: true });
  const step = async (ms: number) => {
    await w.host.waitUntil(() => false, ms);
    await kubelet.sync();
  };
  const exec = async (pod: string, c: string, line: string) => {
    const info = kubelet.container('default', pod, c);
    if (!info) throw new Error(`no container ${c} in ${pod}`);
    const r = await w.host.runc.exec(info.pid, ['sh', '-c', line]);
    if (!r) throw new Error('container not running');
    return r;
  };
  return { w, api, kubelet, step, exec };
}

export type ContainerStatusLike = {
  name: string;
  state: Record<string, Record<string, unknown>>;
  lastState: Record<string, Record<string, unknown>>;
  restartCount: number;
  ready: boolean;
  imageID: string;
  image: string;
};

export function statusOf(api: FakeApi, pod: string, c?: string): ContainerStatusLike {
  const st = api.get(pod).status as { containerStatuses: ContainerStatusLike[] };
  return (c ? st.containerStatuses.find((x) => x.name === c) : st.containerStatuses[0]) as ContainerStatusLike;
}
