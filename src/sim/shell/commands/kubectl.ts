/**
 * `kubectl`: a stub that loads the Kubernetes code (API server, controllers, kubectl's verbs)
 * the first time it is typed, so pages whose learner never types it load none of it.
 */
import type { SimCommand } from '../types.ts';

export const kubectl: SimCommand = {
  name: 'kubectl',
  noProcess: true,
  async run(args, env) {
    const mod = await import('./kubectl/index.ts');
    return mod.kubectl(args, env);
  },
};
