import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh, world } from './helpers.ts';

// coreutils@v9.4:src/timeout.c main: 124 on timeout (EXIT_TIMEDOUT), 125 for its own errors (EXIT_CANCELED),
// 126/127 when the command cannot be run, 128+9 when KILL was needed, the command's status otherwise.
describe('timeout (coreutils 9.4, #10)', () => {
  it('stops the command when the duration passes and exits 124', async () => {
    const w = createWorld();
    const t0 = (await sh(w, 'date +%s')).stdout;
    expect(await sh(w, 'timeout 1 sleep 5')).toMatchObject({ stdout: '', stderr: '', exitCode: 124 });
    // The clock moved by the timeout's second, not the sleep's five (and date's own second).
    expect(Number((await sh(w, 'date +%s')).stdout) - Number(t0)).toBeLessThan(4);
    expect(await sh(w, 'timeout 5 sleep 1')).toMatchObject({ stderr: '', exitCode: 0 });
    expect(await sh(w, 'timeout 2 sh -c "sleep 1; exit 3"')).toMatchObject({ exitCode: 3 });
    // What the command wrote before it was stopped stays; what it would have written after does not come.
    expect(await sh(w, 'timeout 1 sh -c "echo hi; sleep 5; echo no"')).toMatchObject({ stdout: 'hi\n', stderr: '', exitCode: 124 });
    // A duration of 0 disables the timeout.
    expect(await sh(w, 'timeout 0 sleep 2')).toMatchObject({ exitCode: 0 });
  });

  it('-s, -k, --preserve-status, -v', async () => {
    const w = createWorld();
    // --preserve-status: the command's own status, 128+SIGTERM.
    expect((await sh(w, 'timeout --preserve-status 1 sleep 5')).exitCode).toBe(143);
    expect((await sh(w, 'timeout --preserve-status -s INT 1 sleep 5')).exitCode).toBe(130);
    // KILL: "if (timed_out && sig == SIGKILL) preserve_status = true": 137.
    expect((await sh(w, 'timeout -s KILL 1 sleep 5')).exitCode).toBe(137);
    expect((await sh(w, 'timeout -s 9 1 sleep 5')).exitCode).toBe(137);
    // A signal the command ignores by default (CONT): it goes on until -k's KILL.
    expect((await sh(w, 'timeout -s CONT -k 2 1 sleep 10')).exitCode).toBe(137);
    expect((await sh(w, 'timeout -s CONT 1 sleep 2')).exitCode).toBe(124);
    expect(await sh(w, 'timeout -v 1 sleep 5')).toMatchObject({ stderr: "timeout: sending signal TERM to command 'sleep'\n", exitCode: 124 });
    expect((await sh(w, 'timeout -v -s CONT -k 1 1 sleep 5')).stderr).toBe(
      "timeout: sending signal CONT to command 'sleep'\ntimeout: sending signal KILL to command 'sleep'\n",
    );
    expect((await sh(w, 'timeout --foreground 1 sleep 5')).exitCode).toBe(124);
  });

  it('its own errors (125) and a command it cannot run (126, 127)', async () => {
    const w = createWorld();
    const help = "Try 'timeout --help' for more information.\n";
    expect(await sh(w, 'timeout x sleep 1')).toMatchObject({ stderr: `timeout: invalid time interval 'x'\n${help}`, exitCode: 125 });
    expect(await sh(w, 'timeout -k -1 1 sleep 1')).toMatchObject({ stderr: `timeout: invalid time interval '-1'\n${help}`, exitCode: 125 });
    expect(await sh(w, 'timeout 1')).toMatchObject({ stderr: help, exitCode: 125 });
    expect(await sh(w, 'timeout')).toMatchObject({ stderr: help, exitCode: 125 });
    expect(await sh(w, 'timeout -s FOO 1 true')).toMatchObject({ stderr: `timeout: 'FOO': invalid signal\n${help}`, exitCode: 125 });
    expect(await sh(w, 'timeout -z 1 true')).toMatchObject({ stderr: `timeout: invalid option -- 'z'\n${help}`, exitCode: 125 });
    expect(await sh(w, 'timeout 1 nosuch')).toMatchObject({ stderr: "timeout: failed to run command 'nosuch': No such file or directory\n", exitCode: 127 });
    expect(await sh(w, 'timeout 1 /etc')).toMatchObject({ stderr: "timeout: failed to run command '/etc': Permission denied\n", exitCode: 126 });
    // gnulib version_etc: the whole text (coreutils@v9.4:src/timeout.c AUTHORS: Padraig Brady).
    expect((await sh(w, 'timeout --version')).stdout).toMatch(/^timeout \(GNU coreutils\) 9\.4\nCopyright \(C\) 2023 [\s\S]*\n\nWritten by Padraig Brady\.\n$/);
  });

  it('is a process of its own, the command its child', async () => {
    const w = createWorld();
    const r = await sh(w, 'timeout 5 ps -o pid,ppid,args');
    const [, shell, self, ps] = r.stdout.split('\n').map((l) => l.trim().split(/\s+/));
    expect(shell?.[2]).toBe('-bash');
    expect(self?.slice(2)).toEqual(['timeout', '5', 'ps', '-o', 'pid,ppid,args']);
    expect(self?.[1]).toBe(shell?.[0]);
    expect(ps?.[1]).toBe(self?.[0]);
  });
});

// busybox@1_36_1:coreutils/timeout.c: the program is exec'd in timeout's process and killed there (128+N);
// the watcher sleeps whole seconds, at least one.
describe('timeout in alpine (busybox 1.36.1)', () => {
  it('the killed program is what the shell sees', async () => {
    const w = await world(['alpine']);
    const r = await sh(
      w,
      'docker run --rm alpine sh -c "timeout 1 sleep 5; echo \\$?; timeout 2.9 sleep 1; echo \\$?; timeout -s KILL 1 sleep 3; echo \\$?; timeout -s FOO 1 true; echo \\$?; timeout 1 nosuch; echo \\$?"',
    );
    expect(r.out).toBe("143\n0\n137\ntimeout: unknown signal 'FOO'\n1\ntimeout: can't execute 'nosuch': No such file or directory\n127\n");
    const u = await sh(w, 'docker run --rm alpine timeout 1');
    expect(u.stderr).toContain('Usage: timeout [-s SIG] [-k KILL_SECS] SECS PROG ARGS\n');
    expect(u.exitCode).toBe(1);
  });
});
