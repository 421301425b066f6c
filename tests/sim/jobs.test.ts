import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// Expected texts: bash 5.2, interactive with job control.
// bash-5.2:jobs.c describe_pid "[%d] %ld\n" (stderr); pretty_print_job "[%d]%c " then print_pipeline:
// " ", the status padded to LONGEST_SIGNAL_DESC (24, bash-5.2:jobs.h), the command, " &" while running;
// printable_job_status "Running", "Done", "Exit %d", strsignal(3) ("Terminated", "Killed");
// notify_of_job_status prints the ended jobs on stderr before the next prompt.

const ps = 'ps -o pid=,stat=,comm=';

describe('background jobs in the host shell', () => {
  it('`sleep 30 &` prints [1] PID on stderr, returns at once, and $! is that PID in later lines', async () => {
    const w = createWorld();
    const t0 = w.snapshot().nowMs;
    const r = await sh(w, 'sleep 30 &');
    expect(r).toMatchObject({ stdout: '', stderr: '[1] 2046\n', exitCode: 0 });
    expect(w.snapshot().nowMs - t0).toBe(1000); // the line's own second, no more
    expect((await sh(w, 'echo $! $$')).out).toBe('2046 2045\n');
    expect((await sh(w, ps)).out).toBe('   2045 Ss   bash\n   2046 S    sleep\n   2047 R+   ps\n');
    expect((await sh(w, 'head -1 /proc/$!/status')).out).toBe('Name:\tsleep\n');
    const p = w.snapshot().processes.find((x) => x.pid === 2046);
    expect(p).toMatchObject({ ppid: 2045, argv: ['sleep', '30'], state: 'S' });
  });

  it("jobs, jobs -l and jobs -p in bash's columns, with + and - for the current and previous job", async () => {
    const w = createWorld();
    await sh(w, 'sleep 30 &');
    const r = await sh(w, 'sleep 5 & sleep 1; jobs');
    expect(r.stdout).toBe('[1]-  Running                 sleep 30 &\n[2]+  Running                 sleep 5 &\n');
    expect(r.stderr).toBe('[2] 2047\n');
    expect((await sh(w, 'jobs -l')).out).toBe('[1]-  2046 Running                 sleep 30 &\n[2]+  2047 Running                 sleep 5 &\n');
    expect((await sh(w, 'jobs -p')).out).toBe('2046\n2047\n');
    expect((await sh(w, 'jobs %1')).out).toBe('[1]-  Running                 sleep 30 &\n');
    // Meanwhile `sleep 5` ended: its notice follows the line's own output.
    expect(await sh(w, 'jobs %9')).toMatchObject({ stderr: '-bash: jobs: %9: no such job\n[2]+  Done                    sleep 5\n', exitCode: 1 });
    expect(await sh(w, 'jobs -q')).toMatchObject({
      stderr: '-bash: jobs: -q: invalid option\njobs: usage: jobs [-lnprs] [jobspec ...] or jobs -x command [args]\n',
      exitCode: 2,
    });
  });

  it('a job that ends is reported Done before the next prompt, once', async () => {
    const w = createWorld();
    await sh(w, 'sleep 2 &');
    expect((await sh(w, 'echo one')).out).toBe('one\n');
    const r = await sh(w, 'echo two');
    expect(r.stdout).toBe('two\n');
    expect(r.stderr).toBe('[1]+  Done                    sleep 2\n');
    expect(r.out).toBe('two\n[1]+  Done                    sleep 2\n');
    expect((await sh(w, 'jobs')).out).toBe('');
    expect((await sh(w, ps)).out).toBe('   2045 Ss   bash\n   2047 R+   ps\n');
  });

  it('a job that ends inside the line it started in is reported at the end of that line', async () => {
    const w = createWorld();
    const r = await sh(w, 'sleep 1 & sleep 2');
    expect(r.stderr).toBe('[1] 2046\n[1]+  Done                    sleep 1\n');
  });

  it('kill %1 and kill -9 %1 signal the job; jobs shows Terminated or Killed once', async () => {
    const w = createWorld();
    await sh(w, 'sleep 30 &');
    expect(await sh(w, 'kill %1')).toMatchObject({ out: '', exitCode: 0 });
    expect((await sh(w, 'jobs')).out).toBe('[1]+  Terminated              sleep 30\n');
    expect((await sh(w, 'jobs')).out).toBe('');
    await sh(w, 'sleep 40 &');
    await sh(w, 'kill -9 %1');
    expect((await sh(w, 'true')).stderr).toBe('[1]+  Killed                  sleep 40\n');
    expect((await sh(w, 'jobs')).out).toBe('');
    expect(await sh(w, 'kill %3')).toMatchObject({ stderr: '-bash: kill: %3: no such job\n', exitCode: 1 });
  });

  it('kill PID of a job ends it too', async () => {
    const w = createWorld();
    await sh(w, 'sleep 30 &');
    expect((await sh(w, 'kill $!')).out).toBe('');
    expect((await sh(w, 'true')).stderr).toBe('[1]+  Terminated              sleep 30\n');
  });

  it('a command that ends at once runs now (its output shows) and is Done at the prompt after the next line', async () => {
    const w = createWorld();
    const r = await sh(w, 'echo hi &');
    expect(r.out).toBe('[1] 2046\nhi\n');
    expect((await sh(w, 'true')).stderr).toBe('[1]+  Done                    echo hi\n');
    await sh(w, "sh -c 'exit 3' &");
    expect((await sh(w, 'true')).stderr).toBe("[1]+  Exit 3                  sh -c 'exit 3'\n");
  });

  it('variables set in a job stay in the job; the line goes on after it', async () => {
    const w = createWorld();
    const r = await sh(w, 'x=1; x=2 & echo $x; y=3');
    expect(r.stdout).toBe('1\n');
    expect((await sh(w, 'echo $x $y')).stdout).toBe('1 3\n');
  });

  it('yes > /dev/null & and while :; do :; done & burn a CPU until killed', async () => {
    const w = createWorld();
    expect((await sh(w, 'yes > /dev/null &')).stderr).toBe('[1] 2046\n');
    expect((await sh(w, 'while :; do :; done &')).stderr).toBe('[2] 2047\n');
    await sh(w, 'sleep 10');
    // PID, STAT, TIME (CPU time: each spun since its line), COMMAND.
    expect((await sh(w, "ps aux | awk '$2 == 2046 || $2 == 2047 {print $2, $8, $10, $11}'")).out).toBe('2046 R 0:13 yes\n2047 R 0:12 -bash\n');
    expect((await sh(w, ps)).out).toBe('   2045 Ss   bash\n   2046 R    yes\n   2047 R    bash\n   2051 R+   ps\n');
    expect((await sh(w, 'jobs')).out).toBe('[1]-  Running                 yes > /dev/null &\n[2]+  Running                 while :; do\n    :;\ndone &\n');
    await sh(w, 'kill %1 %2');
    expect((await sh(w, 'true')).stderr).toBe('[1]-  Terminated              yes > /dev/null\n[2]+  Terminated              while :; do\n    :;\ndone\n');
  });

  it("wait, wait %1 and wait $! let time pass until the job ends; the status is the job's", async () => {
    const w = createWorld();
    const t0 = w.snapshot().nowMs;
    const r = await sh(w, 'sleep 30 & wait');
    expect(r).toMatchObject({ stderr: '[1] 2046\n[1]+  Done                    sleep 30\n', exitCode: 0 });
    expect(w.snapshot().nowMs - t0).toBe(31_000);
    await sh(w, "sh -c 'sleep 2; exit 4' &");
    await sh(w, 'sleep 5 &');
    expect(await sh(w, 'wait %2; echo $?')).toMatchObject({ stdout: '0\n', stderr: '[2]+  Done                    sleep 5\n' });
    expect(await sh(w, 'sleep 1 & wait $!')).toMatchObject({ stderr: '[1] 2049\n[1]+  Done                    sleep 1\n', exitCode: 0 });
    await sh(w, "sh -c 'exit 7' &");
    expect((await sh(w, 'wait $!')).exitCode).toBe(7);
    expect(await sh(w, 'wait %7')).toMatchObject({ stderr: '-bash: wait: %7: no such job\n', exitCode: 127 });
    expect(await sh(w, 'wait 12345')).toMatchObject({ stderr: '-bash: wait: pid 12345 is not a child of this shell\n', exitCode: 127 });
  });

  it('Ctrl-C ends wait with 130 and leaves the job running', async () => {
    const w = createWorld();
    const ac = new AbortController();
    const r = await w.exec('sleep 100 & wait', { signal: ac.signal, onOutput: (c) => c.text.startsWith('[1]') && ac.abort() });
    expect(r.exitCode).toBe(130);
    expect((await sh(w, 'jobs')).out).toBe('[1]+  Running                 sleep 100 &\n');
  });

  it('fg prints the command, then waits for it in the foreground', async () => {
    const w = createWorld();
    await sh(w, 'sleep 20 &');
    await sh(w, 'sleep 30 &');
    const t0 = w.snapshot().nowMs;
    const r = await sh(w, 'fg %1');
    expect(r).toMatchObject({ stdout: 'sleep 20\n', stderr: '', exitCode: 0 });
    expect(w.snapshot().nowMs - t0).toBe(19_000);
    expect((await sh(w, 'jobs')).out).toBe('[2]+  Running                 sleep 30 &\n');
    expect((await sh(w, 'fg')).stdout).toBe('sleep 30\n');
    expect(await sh(w, 'fg')).toMatchObject({ stderr: '-bash: fg: current: no such job\n', exitCode: 1 });
    expect(await sh(w, 'bg %4')).toMatchObject({ stderr: '-bash: bg: %4: no such job\n', exitCode: 1 });
  });

  it('a job started in another directory says so', async () => {
    const w = createWorld();
    await sh(w, 'cd /tmp; sleep 1 &');
    expect((await sh(w, 'cd')).stderr).toBe('[1]+  Done                    sleep 1  (wd: /tmp)\n(wd now: ~)\n');
  });

  it('lines without & make no job table; $$ stays the login shell', async () => {
    const w = createWorld();
    expect((await sh(w, 'echo a && echo b; echo $! $$')).stdout).toBe('a\nb\n0 2045\n');
    expect(await sh(w, 'jobs; wait; echo $?')).toMatchObject({ stdout: '0\n', stderr: '' });
  });
});
