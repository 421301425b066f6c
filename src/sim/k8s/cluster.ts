/**
 * node1's single-node cluster: the API server, the controller manager and the kubelet, which
 * talk only through the API (KubeletApiClient). The kubelet comes from a factory, so the real
 * one (src/sim/k8s/kubelet/) and the tests' stand-in drop into the same place.
 */
import { ApiServer, type Random } from './apiserver/index.ts';
import type { NodeFacts } from './apiserver/fixture.ts';
import { retryDue, runControllers } from './controllers/index.ts';
import type { KubeletHandle } from './types.ts';

/** Builds the kubelet over the API server (a factory written for KubeletApiClient fits). */
export type KubeletFactory = (api: ApiServer) => KubeletHandle;

export interface ClusterOptions {
  now: () => number;
  rng: Random;
  node: NodeFacts;
  /** node1's kubelet; without one, pods are scheduled and stay Pending. */
  kubelet?: KubeletFactory;
}

/** Passes of controllers + kubelet one sync may take before it stops (a controller that never settles). */
const MAX_PASSES = 20;

export class Cluster {
  readonly api: ApiServer;
  readonly kubelet: KubeletHandle | undefined;

  constructor(opts: ClusterOptions) {
    this.api = new ApiServer(opts.now, opts.rng, opts.node);
    this.kubelet = opts.kubelet?.(this.api);
  }

  /** Runs the controllers and the kubelet until the API's state stops moving (or MAX_PASSES). */
  async sync(): Promise<void> {
    for (let i = 0; i < MAX_PASSES; i++) {
      const before = this.api.version;
      // The controllers react to the API's state only: nothing to do while it has not moved (or a work queue's retry is due).
      if (before !== this.settled || retryDue(this.api)) runControllers(this.api);
      if (this.kubelet) await this.kubelet.sync();
      if (this.api.version === before) {
        this.settled = before;
        return;
      }
    }
  }

  /** The API version at which the controllers last found nothing to change. */
  private settled = -1;
}
