/**
 * The terminal's simulated host in its Web Worker (issue #14): the server of the World, started by the worker's entry
 * (world.worker.ts) once this module's code has loaded; world-server.ts does the work.
 */
import { createWorld } from '../../sim/index.ts';
import { bootOfName, type WorldRequest, type WorldResponse } from './world-protocol.ts';
import { WorldServer } from './world-server.ts';

/**
 * Starts the server and its first boot, the one the worker's name carries (load.ts); `post` sends the answers to the
 * page. Returns the handler of the page's requests.
 */
export function serve(post: (message: WorldResponse) => void, name: string): (msg: WorldRequest) => void {
  const server = new WorldServer(
    post,
    (world) => createWorld(undefined, { clock: 'virtual', world }),
    // The code a first command needs, loaded and run once in a throwaway world (src/sim/warm.ts).
    (pace) => import('../../sim/warm.ts').then((m) => m.warmUp(pace)),
  );
  const first = bootOfName(name);
  if (first) server.handle(first);
  return (msg) => server.handle(msg);
}
