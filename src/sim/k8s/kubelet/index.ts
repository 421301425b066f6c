/**
 * node1's kubelet on containerd, for the cluster to plug in:
 *
 *   const lib = await daemon.imageLib();
 *   const kubelet = kubeletFactory(host, lib.registry);   // (api) => KubeletHandle
 *
 * containerd (runtime/containerd.ts) is node1's one instance, over the registry Docker pulls
 * from and pushes to, with its own image store.
 */
import type { Host } from '../../host.ts';
import type { Registry } from '../../image/registry.ts';
import { containerdOf } from '../../runtime/containerd.ts';
import type { KubeletApiClient } from '../types.ts';
import { Kubelet } from './kubelet.ts';

export { Kubelet } from './kubelet.ts';

export function kubeletFactory(host: Host, registry: Registry): (api: KubeletApiClient) => Kubelet {
  return (api) => new Kubelet(host, containerdOf(host, registry), api);
}
