/**
 * Where a host's cluster is kept once kubectl (or crictl/ctr) first ran. Tiny on purpose: the
 * World snapshot reads pods through it without loading the Kubernetes code.
 */
import type { PodView } from '../api.ts';

export interface ClusterView {
  pods(): PodView[];
}

export const clusterViews = new WeakMap<object, ClusterView>();
