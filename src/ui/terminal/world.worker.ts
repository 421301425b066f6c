/** The terminal's simulated host in a Web Worker (issue #14): the entry; world-server.ts does the work. */
import { createWorld } from '../../sim/index.ts';
import type { WorldRequest, WorldResponse } from './world-protocol.ts';
import { WorldServer } from './world-server.ts';

const server = new WorldServer(
  (message: WorldResponse) => self.postMessage(message),
  (world) => createWorld(undefined, { clock: 'virtual', world }),
  // What src/sim/world.ts imports on the first exec (SimWorld.rt).
  () => Promise.all([import('just-bash'), import('../../sim/shell/runtime.ts'), import('../../sim/shell/commands/registry.ts')]),
);
self.addEventListener('message', (e: MessageEvent<WorldRequest>) => server.handle(e.data));
