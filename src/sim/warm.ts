/**
 * Readies the simulator's code for a first command (issue #14: answered ≤ 200 ms cold), for the
 * browser terminal's worker to run while its first prompt is drawn and the learner types.
 *
 * The first line a World runs loads just-bash, the shell runtime, the command registry and the
 * image library (world.ts rt), and the terminal's question whether the line is complete loads the
 * continuation check (world.ts needsMore); then it parses and interprets for the first time; each is a fetch
 * and compile the first time, and just-bash's functions compile on first call. Run once here in a
 * throwaway world (never the learner's: its history, clock, PIDs and ids are untouched), that
 * cost is paid before the learner presses Enter. Then the code of the docker subcommands the
 * lessons start with (`docker run`, `ps`, `images`, `pull`, `exec`, `inspect`: their chunks,
 * docker/registry.ts loads each on first use) is loaded, not run.
 */
import { createWorld } from './index.ts';
import { COMMANDS } from './shell/commands/docker/registry.ts';

/** The line run in the throwaway world: a simulated command through a redirection (parser, expansion, runtime, registry). */
export const WARM_LINE = 'uname -r >/dev/null';

/** The docker subcommands whose code is loaded ahead: the lessons' first commands (tests/transcripts). */
export const WARM_DOCKER = ['run', 'ps', 'images', 'pull', 'exec', 'inspect'] as const;

export async function warmUp(): Promise<void> {
  const scratch = createWorld(undefined, { clock: 'virtual' });
  // The terminal asks whether a line is complete before it runs it (world.ts needsMore: just-bash's parser, continuation.ts).
  await scratch.needsMore(WARM_LINE);
  await scratch.exec(WARM_LINE);
  await Promise.all(WARM_DOCKER.map((name) => COMMANDS[name]?.load()));
}
