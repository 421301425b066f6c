/**
 * Where a host's cluster is kept once kubectl (or crictl/ctr) first ran. Tiny on purpose: the
 * World snapshot reads pods through it without loading the Kubernetes code.
 */
import type { PodView } from '../api.ts';
import { attached } from '../attached.ts';

export interface ClusterView {
  pods(): PodView[];
  /** Each Service's name, namespace and ClusterIP (what CoreDNS answers for NAME.NAMESPACE.svc.cluster.local). */
  services(): { name: string; namespace: string; clusterIP: string }[];
}

export const clusterViews = attached<object, ClusterView>('clusterViews');
