/**
 * E1.1 works from a host PID back to its container. Its setup makes the PIDs fixed, and
 * the task names one of them: these tests keep the task's numbers true to the simulator.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadExercise } from '../../src/checker/exercise/load.ts';
import { shellGoals } from '../../src/checker/goals/index.ts';
import { parseParams, templateParams } from '../../src/checker/params.ts';
import { replayAndGrade } from '../../src/checker/replay.ts';
import type { ShellGoalExercise } from '../../src/schemas/exercise.ts';
import { createWorld } from '../../src/sim/index.ts';

const file = join(import.meta.dirname, '../../content/exercises/e1.1.yaml');
const loaded = loadExercise(readFileSync(file, 'utf8'), 'e1.1.yaml');
if ('error' in loaded) throw new Error(loaded.error);
const e11 = loaded.exercise as ShellGoalExercise;

it("after E1.1's setup, host PID 23910 is an nginx worker of shop, whose main process is 23886 (each container's two docker-proxy processes come before its shim), and no container's main process", async () => {
  const w = createWorld(undefined, { clock: 'virtual', seed: 1 });
  for (const line of e11.setup) await w.exec(line);
  expect((await w.exec('ps -o pid,ppid,cmd -p 23910')).stdout).toBe('    PID    PPID CMD\n  23910   23886 nginx: worker process\n');
  expect((await w.exec("docker inspect -f '{{.Name}} {{.State.Pid}}' web shop blog")).stdout).toBe('/web 23827\n/shop 23886\n/blog 23945\n');
  expect((await w.exec('docker top shop')).stdout).toContain('23910');
  expect(e11.task.en).toContain('23910');
  expect(e11.task['zh-cn']).toContain('23910');
});

it('E1.1: kill 23910 leaves shop running (the worker is not its main process); the goal list says so', async () => {
  const g = await replayAndGrade(e11, ['kill 23910', 'docker ps'], createWorld);
  expect(g.checks.map((c) => [c.id, c.passed])).toEqual([
    ['culprit', false],
    ['others', true],
  ]);
  expect(g.hints.map((h) => h.id)).toEqual(['tree', 'not-main']);
});

const goalParamsError = (goal: string, raw: unknown) => {
  const r = parseParams(templateParams(shellGoals[goal]!), raw);
  return 'error' in r ? r.error : undefined;
};

it('goal parameters are checked when an exercise is loaded', () => {
  expect(goalParamsError('container-listens', { name: 'edge', port: 80, minPort: 1024 })).toBe('params: give port or minPort, not both');
  expect(goalParamsError('container-listens', { name: 'edge', prot: 80 })).toBe('params: Unrecognized key: "prot"');
  expect(goalParamsError('container-stopped', {})).toMatch(/^params\.name: /);
  expect(goalParamsError('container-listens', { name: 'edge', port: 70000 })).toMatch(/^params\.port: /);
  expect(goalParamsError('container-running', { name: 'web', anything: 1 })).toMatch(/Unrecognized key/);
  const broken = readFileSync(file, 'utf8').replace('params: { name: shop }', 'params: { nmae: shop }');
  expect(loadExercise(broken, 'e1.1.yaml')).toEqual({
    error: 'e1.1.yaml: check culprit (container-stopped): params.name: Invalid input: expected string, received undefined',
  });
});
