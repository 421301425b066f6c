/**
 * Issue #10's shell layer: the checks a line gets before it runs (its pipelines, merged stderr, brace ranges, jobs,
 * the group it runs in) read one parse of it (src/sim/shell/lineparse.ts), and nothing of it outlives the line:
 * the transform plugins read the shell's state (its functions), which the next line may have changed.
 */
import type * as JB from 'just-bash';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { Host } from '../../src/sim/host.ts';
import { node1Fixture } from '../../src/sim/fixture.ts';
import { sh } from './helpers.ts';

/** The host shell's Bash, with a count of its transform calls (the line's own parse before running it included). */
async function counted() {
  const w = createWorld();
  await w.exec('true');
  const bash = (w as unknown as { runtime: { bashFor(root: string): JB.Bash } }).runtime.bashFor('host');
  const calls: string[] = [];
  const transform = bash.transform.bind(bash);
  bash.transform = (line: string) => {
    calls.push(line);
    return transform(line);
  };
  return { w, calls };
}

describe('one parse per line (issue #10)', () => {
  it('a pipeline is parsed once before it runs, and still shows ps its grep', async () => {
    const { w, calls } = await counted();
    const r = await sh(w, 'ps -o comm= | grep -x grep');
    expect(r).toMatchObject({ stdout: 'grep\n', stderr: '', exitCode: 0 });
    expect(calls).toEqual(['ps -o comm= | grep -x grep']);
  });

  it('a line with a job: its statements, its merged stderr and its pipelines from the same parse', async () => {
    const { w, calls } = await counted();
    const r = await sh(w, 'sleep 5 & ls /nonexistent 2>&1 | wc -l');
    expect(r).toMatchObject({ stdout: '1\n', stderr: '[1] 2046\n', exitCode: 0 });
    expect(calls.filter((l) => l === 'sleep 5 & ls /nonexistent 2>&1 | wc -l')).toHaveLength(1);
  });

  it('a function defined on one line is the function the next line runs (no parse kept from before it)', async () => {
    const w = createWorld();
    // The login shell's $0 is -bash (bash-5.2:shell.c), which its "command not found" starts with.
    expect((await sh(w, 'f | cat')).stderr).toBe('-bash: f: command not found\n');
    await sh(w, 'f() { echo one; }');
    expect((await sh(w, 'f | cat')).out).toBe('one\n');
    await sh(w, 'f() { echo two; }');
    expect((await sh(w, 'f | cat')).out).toBe('two\n');
    expect((await sh(w, 'echo {1..3}')).out).toBe('1 2 3\n');
  });

  it("a line that does not parse runs nothing and says bash's error each time", async () => {
    const w = createWorld();
    const a = await sh(w, 'echo (');
    const b = await sh(w, 'echo (');
    expect(a.exitCode).toBe(2);
    expect(b).toMatchObject({ stdout: a.stdout, stderr: a.stderr, exitCode: 2 });
  });
});

describe('Host.userName reads a passwd text once', () => {
  it('the first line with the uid names it; a uid with no line is its number; another text is read anew', () => {
    const host = new Host(node1Fixture, 1, 'virtual');
    const passwd = 'root:x:0:0:root:/root:/bin/bash\nalias:x:0:0::/:/bin/sh\nwww-data:x:33:33::/var/www:/usr/sbin/nologin\n';
    expect(host.userName(0, passwd)).toBe('root');
    expect(host.userName(33, passwd)).toBe('www-data');
    expect(host.userName(1000, passwd)).toBe('1000');
    expect(host.userName(33, 'nginx:x:101:101::/nonexistent:/bin/false\nxfs:x:33:33::/etc/X11/fs:/sbin/nologin\n')).toBe('xfs');
    expect(host.userName(101, 'nginx:x:101:101::/nonexistent:/bin/false\n')).toBe('nginx');
  });
});
