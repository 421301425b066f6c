import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadExercise } from '../../src/checker/exercise/load.ts';
import { replayAndGrade } from '../../src/checker/replay.ts';
import type { ShellGoalExercise } from '../../src/schemas/exercise.ts';
import { createWorld } from '../../src/sim/index.ts';

const file = join(import.meta.dirname, '../../content/exercises/e1.1.yaml');
const loaded = loadExercise(readFileSync(file, 'utf8'), 'e1.1.yaml');
if ('error' in loaded) throw new Error(loaded.error);
const e11 = loaded.exercise as ShellGoalExercise;

it("E1.1 accepts web's real PID when web is not the host's first container (lesson 1 runs debian first)", async () => {
  const g = await replayAndGrade(
    e11,
    ['docker run debian /bin/echo "hello docker!"', 'docker run -d --name web -p 8080:80 nginx', "docker inspect -f '{{.State.Pid}}' web"],
    createWorld,
  );
  expect(g.checks.filter((c) => !c.passed)).toEqual([]);
  expect(g.score).toBe(g.max);
});

it('E1.1 does not accept a PID that only contains the right digits', async () => {
  const g = await replayAndGrade(
    e11,
    ['docker run -d --name web -p 8080:80 nginx', "docker inspect -f '{{.State.Pid}}0' web"],
    createWorld,
  );
  expect(g.checks.find((c) => c.id === 'pid')?.passed).toBe(false);
});
