/** The terminal's simulated host in a Web Worker (issue #14): the entry; world-server.ts does the work. */
import { createWorld } from '../../sim/index.ts';
import { bootOfName, type WorldRequest, type WorldResponse } from './world-protocol.ts';
import { WorldServer } from './world-server.ts';

const server = new WorldServer(
  (message: WorldResponse) => self.postMessage(message),
  (world) => createWorld(undefined, { clock: 'virtual', world }),
  // The code a first command needs, loaded and run once in a throwaway world (src/sim/warm.ts).
  (pace) => import('../../sim/warm.ts').then((m) => m.warmUp(pace)),
);
self.addEventListener('message', (e: MessageEvent<WorldRequest>) => server.handle(e.data));
// The first boot, from the worker's name (load.ts): at once, not when the page's thread hands a message on.
const first = bootOfName(self.name);
if (first) server.handle(first);
