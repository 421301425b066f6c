/**
 * Readies the simulator's code for a first command (issue #14: answered ≤ 200 ms cold), for the
 * browser terminal's worker to run while its first prompt is drawn and the learner types.
 *
 * The first line a World runs loads just-bash, the shell runtime, the command registry (names only:
 * each command's code is its own chunk, commands/registry.ts) and the image library (world.ts rt), and
 * the terminal's question whether the line is complete loads the continuation check (world.ts
 * needsMore); then it parses and interprets for the first time; each is a fetch and compile the first
 * time, and just-bash's functions compile on first call. Run once here in a throwaway world (never the
 * learner's: its history, clock, PIDs and ids are untouched), that cost is paid before the learner
 * presses Enter. Then, one chunk at a time so that a line the learner sends runs in between, the code
 * of the commands the lessons use is loaded, not run: docker and the subcommands the lessons start with
 * (`docker run`, `ps`, `images`, `pull`, `exec`, `inspect`: docker/registry.ts loads each on first use),
 * then the host commands of the lessons' transcripts. Kubernetes' commands (kubectl, crictl, ctr) are
 * not among them: their code loads on their first run (issue #11).
 *
 * The learner's own world is readied first (World.prepare, started by world-server.ts at its boot: the shell's code and
 * the host's shell with its root filesystem, which its first line would otherwise build): the throwaway world's run
 * waits for it, so it never takes the thread from that work.
 *
 * A learner's line that comes first (`pace.started`: typed at the early prompt, sent at the boot) does that same
 * first-run work in the learner's world; the throwaway world's run would then only take the thread from it, so it is
 * left out from there on. And each of the lessons' commands loads only while no line of the learner's is running
 * (`pace.quiet`), not in between the steps of one.
 */
import { createWorld } from './index.ts';
import { COMMANDS as DOCKER } from './shell/commands/docker/registry.ts';
import { COMMANDS, loadCommand } from './shell/commands/registry.ts';

/** The line run in the throwaway world: a simulated command through a redirection (parser, expansion, runtime, registry). */
export const WARM_LINE = 'uname -r >/dev/null';

/** The docker subcommands whose code is loaded ahead: the lessons' first commands (tests/transcripts). */
export const WARM_DOCKER = ['run', 'ps', 'images', 'pull', 'exec', 'inspect'] as const;

/**
 * The simulator's host commands the lessons' transcripts type at the host prompt or through `docker exec`
 * (tests/transcripts: docker first, then by how often they come), loaded after the warm line.
 */
export const WARM_COMMANDS = ['docker', 'sudo', 'ps', 'sleep', 'curl', 'hostname', 'date', 'ls', 'readlink', 'lsns', 'ip', 'dmesg', 'capsh'] as const;

/** One macrotask: a message the worker received meanwhile (the learner's line) runs before the next chunk loads. */
const yieldTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** What the worker tells the warm-up of the learner's lines (world-server.ts). */
export interface WarmPace {
  /** Whether a line of the learner's (its completeness check, completion or run) has been received. */
  started(): boolean;
  /** Resolves when no line of the learner's is in progress. */
  quiet(): Promise<void>;
  /** Resolves when the learner's world is readied (World.prepare): its work comes before the throwaway world's run. */
  prepared?(): Promise<void>;
}
const NO_LEARNER: WarmPace = { started: () => false, quiet: () => Promise.resolve() };

export async function warmUp(pace: WarmPace = NO_LEARNER): Promise<void> {
  if (!pace.started()) {
    const scratch = createWorld(undefined, { clock: 'virtual' });
    // The terminal asks whether a line is complete before it runs it (world.ts needsMore: just-bash's parser, continuation.ts).
    await scratch.needsMore(WARM_LINE);
    await pace.prepared?.();
    // The throwaway world's own shell first (World.prepare), then one task: a line that came meanwhile is seen before
    // the run, which then does not happen (the run is one stretch the learner's line would wait behind).
    if (!pace.started()) await scratch.prepare();
    await yieldTask();
    if (!pace.started()) await scratch.exec(WARM_LINE);
  }
  const loads: (() => Promise<unknown> | undefined)[] = [
    ...WARM_COMMANDS.map((name) => () => {
      const row = COMMANDS.find((r) => r.name === name);
      return row && loadCommand(row);
    }),
    ...WARM_DOCKER.map((name) => () => DOCKER[name]?.load()),
  ];
  for (const load of loads) {
    await yieldTask();
    await pace.quiet();
    await load();
  }
}
