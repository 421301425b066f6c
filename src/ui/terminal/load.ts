/**
 * The terminal's code, fetched when the learner shows the intent to start it (pointer over or
 * focus on Start or a Run button, element.ts) or presses it. Vite writes the list of chunks to
 * preload beside each dynamic import; with the import here, that list (about thirty chunk names)
 * sits in this small chunk instead of the lesson page's at-load script, whose budget is 10 KB gzip
 * (issue #14). The cost is one small request before the parallel fetch.
 *
 * The simulated host runs in a Web Worker (world.worker.ts), started here, and is asked to boot
 * at once (the saved session's lines are read here), before xterm's chunks are fetched: the
 * world is built on the worker's thread while the main thread compiles xterm and opens the
 * screen, instead of after it (the boot waited on the session before, 20-40 ms of the path).
 */
import { loadSession, type Saved } from './storage.ts';
import { WorldClient } from './world-client.ts';
import { bootName, type WorldState } from './world-protocol.ts';

/** The simulated host, started: its first boot is under way (session.ts takes it). */
export interface StartedWorld {
  world: WorldClient;
  /** The saved session the first boot replays (read when the boot was sent). */
  saved: Saved | null;
  booting: Promise<WorldState>;
}

/**
 * `drawn`: when the session's modules (xterm's among them) are wanted. A returning learner's session is restored
 * with the page (element.ts): its world boots here at once, and xterm is fetched and drawn once the terminal is in
 * view (on a phone, when the sheet opens) or a start asks for it.
 */
export const loadTerminal = (lesson: string, scenario: string, drawn: Promise<void> = Promise.resolve()) => {
  const saved = loadSession(lesson);
  // The first boot rides in the worker's name (world-protocol.ts bootName): it starts as soon as the worker's script has run.
  const name = bootName(scenario, saved?.lines ?? [], saved?.lastPid);
  const worker = new Worker(new URL('./world.worker.ts', import.meta.url), { type: 'module', name });
  const world = new WorldClient(worker);
  const booting = world.namedBoot();
  // For the bench and tests: when a first command no longer waits for the shell's code.
  void world.warmed.then(() => performance.mark('cc-terminal:warm'));
  // Read by the session; a failure here is the session's failure to start, never unhandled.
  booting.catch(() => undefined);
  const started: StartedWorld = { world, saved, booting };
  return drawn
    .then(() => Promise.all([import('./session.ts'), import('./controls.ts'), import('./notice.ts')]))
    .then(
      (modules) => [...modules, started] as const,
      (err: unknown) => {
        world.dispose();
        throw err;
      },
    );
};
