/**
 * `kubectl`: a stub that loads the Kubernetes code (API server, controllers, kubectl's verbs)
 * the first time it is typed, so pages whose learner never types it load none of it.
 */
import type { SimCommand } from '../types.ts';

/** The loaded module, kept: a second `import()` of it is cheap in a browser but costs a loader round trip in Node. */
let loaded: Promise<typeof import('./kubectl/index.ts')> | undefined;

export const kubectl: SimCommand = {
  name: 'kubectl',
  noProcess: true,
  async run(args, env) {
    const mod = await (loaded ??= import('./kubectl/index.ts'));
    return mod.kubectl(args, env);
  },
};
