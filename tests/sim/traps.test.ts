import { describe, expect, it } from 'vitest';
import { scriptPlan } from '../../src/sim/runtime/script-plan.ts';
import { sh, world } from './helpers.ts';
import { createWorld } from '../../src/sim/index.ts';

// A signal runs the shell's `trap` (issue #10): bash 5.2.21 on the host, busybox ash 1.36.1 as a container's PID 1.
describe('scriptPlan: trap statements before a shape', () => {
  it('keeps each signal action, then plans the rest (a loop that only sleeps has an empty body)', () => {
    expect(scriptPlan(`trap "echo caught; exit 0" TERM; while true; do sleep 1; done`)).toEqual({
      traps: { 15: 'echo caught; exit 0' },
      loop: { body: '', everyMs: 1000, sleepFirst: false },
    });
    expect(scriptPlan(`trap '' INT; trap 'echo hup' HUP SIGUSR1; sleep 300`)).toEqual({ traps: { 2: '', 1: 'echo hup', 10: 'echo hup' }, sleep: '300' });
    // An action that expands (a variable) or a name that is no signal: a one-shot run.
    expect(scriptPlan(`trap "echo $x" TERM; sleep 5`)).toBeUndefined();
    expect(scriptPlan(`trap 'echo x' NOPE; sleep 5`)).toBeUndefined();
  });
});

describe('a container whose PID 1 traps a signal', () => {
  it('docker stop: the trap runs once the foreground sleep returns; Exited (0) within a second, "caught" logged', async () => {
    const w = await world(['alpine']);
    await sh(w, `docker run -d --name tr alpine sh -c 'trap "echo caught; exit 0" TERM; while true; do sleep 1; done'`);
    const t0 = Number((await sh(w, 'date +%s')).stdout);
    expect(await sh(w, 'docker stop tr')).toMatchObject({ stdout: 'tr\n', exitCode: 0 });
    const t1 = Number((await sh(w, 'date +%s')).stdout);
    // One typed line is one second of simulated time (world.ts LINE_MS): the stop itself took at most one more.
    expect(t1 - t0).toBeLessThanOrEqual(3);
    expect((await sh(w, 'docker logs tr')).stdout).toBe('caught\n');
    expect((await sh(w, "docker inspect -f '{{.State.ExitCode}}' tr")).stdout).toBe('0\n');
  });
  it('without the trap PID 1 ignores SIGTERM and dies of the SIGKILL after the timeout: 137', async () => {
    const w = await world(['alpine']);
    await sh(w, `docker run -d --name nt alpine sh -c 'while true; do sleep 1; done'`);
    const t0 = Number((await sh(w, 'date +%s')).stdout);
    await sh(w, 'docker stop nt');
    const t1 = Number((await sh(w, 'date +%s')).stdout);
    expect(t1 - t0).toBeGreaterThanOrEqual(10);
    expect((await sh(w, "docker inspect -f '{{.State.ExitCode}}' nt")).stdout).toBe('137\n');
  });
  it('a trap that does not exit: the loop goes on (docker kill -s USR1), and `trap "" TERM` ignores docker kill -s TERM', async () => {
    const w = await world(['alpine']);
    await sh(w, `docker run -d --name u1 alpine sh -c 'trap "echo usr1" USR1; trap "" TERM; while true; do sleep 1; done'`);
    await sh(w, 'docker kill -s USR1 u1');
    await sh(w, 'docker kill -s TERM u1');
    await sh(w, 'sleep 2');
    expect((await sh(w, 'docker logs u1')).stdout).toBe('usr1\n');
    expect((await sh(w, "docker inspect -f '{{.State.Status}}' u1")).stdout).toBe('running\n');
  });
  it('a trap behind a long foreground sleep waits for it: docker stop still ends in the SIGKILL', async () => {
    const w = await world(['alpine']);
    await sh(w, `docker run -d --name sl alpine sh -c 'trap "echo caught; exit 0" TERM; sleep 300'`);
    await sh(w, 'docker stop sl');
    expect((await sh(w, 'docker logs sl')).stdout).toBe('');
    expect((await sh(w, "docker inspect -f '{{.State.ExitCode}}' sl")).stdout).toBe('137\n');
  });
});

describe("the host shell's traps", () => {
  it('kill -TERM $$ runs the trap after kill returns, $? kept; an empty action ignores, - restores', async () => {
    const w = createWorld();
    expect((await sh(w, `trap 'echo got TERM' TERM; kill -TERM $$; echo after $?`)).out).toBe('got TERM\nafter 0\n');
    expect((await sh(w, `trap '' TERM; kill $$; echo still`)).out).toBe('still\n');
    expect((await sh(w, 'trap -p')).out).toBe("trap -- '' SIGTERM\n");
    expect((await sh(w, 'trap - TERM; trap -p; kill $$; echo alive')).out).toBe('alive\n');
  });
  it('a child shell runs its own trap; its traps do not reach the shell that started it', async () => {
    const w = createWorld();
    expect((await sh(w, `sh -c 'trap "echo child TERM" TERM; kill $$; echo c-after'`)).out).toBe('child TERM\nc-after\n');
    expect((await sh(w, 'trap -p')).out).toBe('');
  });
  it('exit at a shell below the login shell: "exit", then the EXIT trap with the exit status', async () => {
    const w = createWorld();
    await sh(w, 'bash');
    await sh(w, `trap 'echo bye $?' EXIT`);
    expect((await sh(w, 'exit 3')).out).toBe('exit\nbye 3\n');
    expect((await sh(w, 'echo $?')).out).toBe('3\n');
  });
});
