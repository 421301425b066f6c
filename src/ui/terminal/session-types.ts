/** What the lesson terminal's session (session.ts) tells the page: its events' details and its notices. */
import type { WorldSnapshot } from '../../sim/api.ts';

/**
 * The same lesson in another tab or window: `conflict`, it saved a newer session while this
 * tab has commands of its own, and this tab did not save over it; `updated`, this tab had
 * nothing unsaved and now shows the newer session; `kept`, this tab's session replaced it.
 */
export type SessionNotice = 'conflict' | 'updated' | 'kept' | null;

/**
 * Events the session dispatches on its host element (they bubble), so exercise
 * panels can check goals against the simulator's state after every command:
 *   cc:command  detail: CommandEventDetail   after each command completes
 *   cc:reset    detail: { snapshot }          after Reset (and once after start)
 */
export interface CommandEventDetail {
  line: string;
  exitCode: number;
  stdout: string;
  stderr: string;
  snapshot: WorldSnapshot;
}
