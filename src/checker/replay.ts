/**
 * Replays a shell-goal submission in a fresh simulated host and grades the end state.
 * The simulator is passed in (src/sim/index.ts createWorld), so the checker stays
 * independent of it and the site can run the replay in a worker.
 */
import type { ShellGoalExercise } from '../schemas/exercise.ts';
import type { World, WorldOptions } from '../sim/api.ts';
import { gradeShell, type GradeResult, type StoppedCommand } from './grade-core.ts';

export type CreateWorld = (fixture?: undefined, options?: WorldOptions) => World;

export async function replayAndGrade(ex: ShellGoalExercise, commands: string[], createWorld: CreateWorld): Promise<GradeResult> {
  const world = createWorld(undefined, { clock: 'virtual', seed: 1, ...(ex.scenario ? { world: ex.scenario } : {}), ...ex.world });
  for (const line of ex.setup) await world.exec(line);
  const start = world.snapshot();
  const before = start.transcript.length;
  const stopped: StoppedCommand[] = [];
  for (let i = 0; i < commands.length; i++) {
    const first = i;
    let text = commands[i]!;
    // A blank line or a comment between commands runs nothing; inside a here-document it is text.
    if (!text.trim() || text.trimStart().startsWith('#')) continue;
    // A command that goes on over lines (a here-document, an open quote, `for … do`) runs as one, as bash reads it.
    while (i + 1 < commands.length && (await world.needsMore(text))) text += `\n${commands[++i]}`;
    const r = await world.exec(text);
    if (r.stopped) stopped.push({ command: first + 1, limit: r.stopped.limit, note: r.stopped.note });
  }
  const end = world.snapshot();
  // Only the learner's own commands count for "some output contains …" goals.
  const result = gradeShell(ex, { ...end, transcript: end.transcript.slice(before) }, start);
  return stopped.length ? { ...result, stopped } : result;
}
