/**
 * The host's cluster, built the first time kubectl runs (the Kubernetes code is loaded then and
 * not before): the API server with node1's facts, the controllers, and the kubelet.
 */
import type { Host } from '../../../host.ts';
import { nodeFactsOf } from '../../../k8s/apiserver/fixture.ts';
import { Cluster, type KubeletFactory } from '../../../k8s/cluster.ts';
import { resourceOfKind } from '../../../k8s/apiserver/resources.ts';
import { clusterViews } from '../../../k8s/registry.ts';
import { podView } from './podview.ts';
import { Rng } from '../../../rng.ts';
import { kubeletFactory } from '../../../k8s/kubelet/index.ts';
import type { CmdEnv } from '../../types.ts';
import { attached } from '../../../attached.ts';

/** The cluster with node1's kubelet on containerd (over the registry Docker pulls from and pushes to). */
export async function withKubelet(env: CmdEnv): Promise<Cluster> {
  if (clusters.has(env.host)) return clusters.get(env.host)!;
  const { registry } = await env.daemon.imageLib();
  return clusterFor(env.host, kubeletFactory(env.host, registry));
}

const clusters = attached<Host, Cluster>('clusters');

export function clusterFor(host: Host, kubelet?: KubeletFactory): Cluster {
  let c = clusters.get(host);
  if (c) return c;
  c = new Cluster({
    now: () => host.clock.nowMs,
    // Its own stream, so typing kubectl does not change the container ids docker draws next.
    rng: new Rng(0x6b756265),
    node: nodeFactsOf(host.fixture),
    // node1's kubelet: withKubelet() passes it in the first time kubectl runs; tests may pass a stand-in.
    ...(kubelet ? { kubelet } : {}),
  });
  clusters.set(host, c);
  const cluster = c;
  clusterViews.set(host, {
    pods: () => cluster.api.pods().map((p) => podView(cluster.api, p)),
    services: () =>
      cluster.api.list(resourceOfKind('v1', 'Service')!).map((o) => ({
        name: o.metadata.name,
        namespace: o.metadata.namespace ?? 'default',
        clusterIP: String((o.spec as { clusterIP?: string }).clusterIP ?? ''),
      })),
  });
  // Time passing (sleep, waits) moves the cluster on: back-offs elapse, pods start, controllers roll.
  // Not while the kubelet's own sync is under way: a one-shot script sleeping in a container's start is inside it.
  host.onStep.push(() => (cluster.kubelet?.busy ? Promise.resolve() : cluster.sync()));
  return c;
}
