import { describe, expect, it } from 'vitest';
import { scriptPlan } from '../../src/sim/runtime/script-plan.ts';
import { sh, world } from './helpers.ts';
import { createWorld } from '../../src/sim/index.ts';

describe('scriptPlan: the sh -c shapes that keep PID 1 up over simulated time', () => {
  it('splits a list at its first sleep; what is after it is planned again when the sleep ends', () => {
    expect(scriptPlan('echo a; sleep 30; echo b')).toEqual({ prelude: { script: 'echo a', and: false }, sleep: '30', then: 'echo b' });
    expect(scriptPlan('sleep 2; echo b; sleep 1; exit 3')).toEqual({ sleep: '2', then: 'echo b; sleep 1; exit 3' });
    expect(scriptPlan('echo b; sleep 1; exit 3')).toEqual({ prelude: { script: 'echo b', and: false }, sleep: '1', then: 'exit 3' });
    expect(scriptPlan('echo ready && sleep 300')).toEqual({ prelude: { script: 'echo ready', and: true }, sleep: '300' });
    expect(scriptPlan('sleep 5; while true; do date; sleep 1; done')).toEqual({ sleep: '5', then: 'while true; do date; sleep 1; done' });
  });
  it('leaves to a one-shot what a pass of its own would get wrong', () => {
    // State the rest would read: a variable, a directory, a function.
    expect(scriptPlan('x=1; sleep 1; echo $x')).toBeUndefined();
    expect(scriptPlan('cd /tmp; sleep 1; pwd')).toBeUndefined();
    expect(scriptPlan('f() { echo a; }; sleep 1; f')).toBeUndefined();
    // A `;` or a sleep inside quotes is not the list's; a sleep inside a loop after the sleep is not a shape.
    expect(scriptPlan('echo "a; sleep 3"')).toBeUndefined();
    expect(scriptPlan('sleep 1; for i in 1 2; do echo $i; sleep 1; done')).toBeUndefined();
  });
});

describe('a container whose script sleeps between commands', () => {
  // A real `sh -c 'echo a; sleep 30; echo b'` prints a, waits thirty seconds, prints b and exits 0: docker run -d and
  // kubectl run return at once, with the container up and its log holding only what was written so far.
  it('docker run -d: up, a in its log; after the sleep, b and Exited (0)', async () => {
    const w = await world(['busybox']);
    await sh(w, "docker run -d --name ab busybox sh -c 'echo a; sleep 30; echo b'");
    expect((await sh(w, "docker ps --format '{{.Names}} {{.Status}}'")).stdout).toMatch(/^ab Up /);
    expect((await sh(w, 'docker logs ab')).stdout).toBe('a\n');
    await sh(w, 'sleep 31');
    expect((await sh(w, 'docker logs ab')).stdout).toBe('a\nb\n');
    expect((await sh(w, "docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' ab")).stdout).toBe('exited 0\n');
  });
  it('docker run in the foreground waits for the whole script and exits with its last status', async () => {
    const w = await world(['busybox']);
    const t0 = (await sh(w, 'date +%s')).stdout;
    expect(await sh(w, "docker run --rm busybox sh -c 'sleep 2; echo b; sleep 1; exit 3'")).toMatchObject({ stdout: 'b\n', exitCode: 3 });
    const t1 = (await sh(w, 'date +%s')).stdout;
    expect(Number(t1) - Number(t0)).toBeGreaterThanOrEqual(3);
    expect((await sh(w, 'docker ps -aq')).stdout).toBe('');
  });
  it('a restart policy restarts it when the rest exits non-zero', async () => {
    const w = await world(['busybox']);
    await sh(w, "docker run -d --name rs --restart=on-failure:2 busybox sh -c 'echo go; sleep 1; exit 3'");
    await sh(w, 'sleep 10');
    expect((await sh(w, "docker inspect -f '{{.RestartCount}} {{.State.ExitCode}}' rs")).stdout).toBe('2 3\n');
    expect((await sh(w, 'docker logs rs')).stdout).toBe('go\ngo\ngo\n');
  });
  it('a paused container does not go on until it is unpaused', async () => {
    const w = await world(['busybox']);
    await sh(w, "docker run -d --name pz busybox sh -c 'echo a; sleep 2; echo b; sleep 600'");
    await sh(w, 'docker pause pz');
    await sh(w, 'sleep 5');
    expect((await sh(w, 'docker logs pz')).stdout).toBe('a\n');
    await sh(w, 'docker unpause pz');
    await sh(w, 'sleep 1');
    expect((await sh(w, 'docker logs pz')).stdout).toBe('a\nb\n');
  });
  it('kubectl run: Running with a in its log, then Completed with a and b', async () => {
    const w = createWorld();
    expect((await w.exec("kubectl run ab --image=busybox --restart=Never -- sh -c 'echo a; sleep 30; echo b'")).stdout).toBe('pod/ab created\n');
    await w.exec('sleep 2');
    expect((await w.exec('kubectl logs ab')).stdout).toBe('a\n');
    await w.exec('sleep 30');
    expect((await w.exec('kubectl logs ab')).stdout).toBe('a\nb\n');
    expect((await w.exec("kubectl get pod ab -o jsonpath='{.status.phase}'")).stdout).toBe('Succeeded');
  });
});
