import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

describe('shell faults found off-script (#10)', { timeout: 60_000 }, () => {
  it('process substitution: the command reads /dev/fd/63 (bash-5.2:subst.c process_substitute), the body prints nothing to the terminal', async () => {
    const w = createWorld();
    let r = await sh(w, 'cat <(echo x)');
    expect([r.out, r.exitCode]).toEqual(['x\n', 0]);
    r = await sh(w, 'wc -l <(printf "a\\nb\\n")');
    expect(r.out).toBe('2 /dev/fd/63\n');
    r = await sh(w, 'paste <(echo 1) <(echo 2)');
    expect(r.out).toBe('1\t2\n');
    r = await sh(w, 'cat < <(echo y)');
    expect([r.out, r.exitCode]).toEqual(['y\n', 0]);
    // The descriptor is gone once the command is done: /dev holds no fd file.
    expect((await sh(w, 'cat /dev/fd/63')).stderr).toBe('cat: /dev/fd/63: No such file or directory\n');
  });
});

describe('Ctrl-C keeps what the line printed before it (#10)', { timeout: 60_000 }, () => {
  /** Runs `line` in realtime mode and presses Ctrl-C once a process named `comm` waits (the interrupted command). */
  async function interrupt(line: string, comm: string) {
    const w = createWorld(undefined, { clock: 'realtime' });
    await sh(w, 'true');
    const ac = new AbortController();
    // The world's host, which the World interface does not name: its kernel's process table.
    const procs = (w as unknown as { host: { kernel: { procs: Map<number, { comm: string; state: string }> } } }).host.kernel.procs;
    const timer = setInterval(() => {
      if ([...procs.values()].some((p) => p.comm === comm && p.state !== 'Z')) ac.abort();
    }, 5);
    let out = '';
    const r = await w.exec(line, { signal: ac.signal, onOutput: (c) => (out += c.text) });
    clearInterval(timer);
    return { ...r, out };
  }

  it('on a line that is not all terminal output (a redirection, a pipe), as on one that is', async () => {
    let r = await interrupt('echo start; sleep infinity', 'sleep');
    expect([r.out, r.exitCode]).toEqual(['start\n', 130]);
    r = await interrupt('echo a; echo b >&2; sleep infinity', 'sleep');
    expect([r.out, r.stdout, r.stderr, r.exitCode]).toEqual(['a\nb\n', 'a\n', 'b\n', 130]);
    r = await interrupt('echo start; sleep infinity | cat', 'sleep');
    expect([r.out, r.exitCode]).toEqual(['start\n', 130]);
    r = await interrupt('echo start; yes > /dev/null', 'yes');
    expect([r.out, r.exitCode]).toEqual(['start\n', 130]);
  });
});

describe('docker logs 2>&1 into a pipe keeps the order written (#10)', { timeout: 60_000 }, () => {
  it('the access line nginx writes to stdout after its notices on stderr comes last, as moby stores the records', async () => {
    const w = createWorld();
    await sh(w, 'docker run -d --name web -p 8080:80 nginx >/dev/null 2>&1');
    await sh(w, 'curl -s localhost:8080 >/dev/null');
    // docker/cli@v27.3.1 cli/command/container/logs.go: stdcopy.StdCopy writes each record to its stream as it comes.
    for (const line of ['docker logs web 2>&1 | tail -2', 'docker logs web |& tail -2', 'docker logs web &> /tmp/l; tail -2 /tmp/l']) {
      const got = (await sh(w, line)).stdout.split('\n');
      expect(got[0]).toMatch(/\[notice\] 1#1: start worker process/);
      expect(got[1]).toMatch(/"GET \/ HTTP\/1.1" 200 615 "-" "curl\/8.5.0" "-"$/);
    }
    // Apart, each stream keeps only its own lines.
    expect((await sh(w, 'docker logs web 2>/dev/null | tail -1')).stdout).toMatch(/"GET \/ HTTP/);
    expect((await sh(w, 'docker logs web 2>&1 >/dev/null | tail -1')).stdout).toMatch(/start worker process/);
  });
});
