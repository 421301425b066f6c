/**
 * stdout and stderr in the order written, at every depth (issue #10: "stdout and stderr of one line come out
 * stdout-first, where they must interleave in the order written"). A real shell writes each command's output
 * to its descriptor as the command runs (bash-5.2 and dash 0.5.12 do not buffer a builtin's output past the
 * command); the terminal shows them in that order. src/sim/shell/ordered.ts says how the simulator keeps it.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { reconcile } from '../../src/sim/shell/ordered.ts';

/** What a terminal shows: the result's chunks in order, each tagged with its stream. */
async function shown(line: string, stream = false, w = createWorld()): Promise<string[]> {
  const chunks: string[] = [];
  const r = await w.exec(line, stream ? { onOutput: (c) => chunks.push(`${c.stream}:${c.text}`) } : {});
  if (stream) return chunks.join('').split(/(?<=\n)/);
  return (r.output ?? [])
    .map((c) => `${c.stream}:${c.text}`)
    .join('')
    .split(/(?<=\n)/);
}

const lines = (r: string[]) =>
  r
    .join('')
    .replace(/(stdout|stderr):/g, (m) => `|${m}`)
    .split('|')
    .filter(Boolean);

describe('output order through the shell', () => {
  it.each([
    ["sh -c 'echo out; echo err >&2; echo out2'", ['stdout:out\n', 'stderr:err\n', 'stdout:out2\n']],
    ["bash -c 'echo x; echo y >&2; echo z'", ['stdout:x\n', 'stderr:y\n', 'stdout:z\n']],
    ['( echo s1; echo s2 >&2; echo s3 )', ['stdout:s1\n', 'stderr:s2\n', 'stdout:s3\n']],
    ['f() { echo in; echo er >&2; echo out; }; f', ['stdout:in\n', 'stderr:er\n', 'stdout:out\n']],
    ['for i in 1 2; do echo o$i; echo e$i >&2; done', ['stdout:o1\n', 'stderr:e1\n', 'stdout:o2\n', 'stderr:e2\n']],
    ['bash -c \'echo 1; bash -c "echo 2 >&2; echo 3"; echo 4 >&2\'', ['stdout:1\n', 'stderr:2\n', 'stdout:3\n', 'stderr:4\n']],
    // Redirected away: gone from the terminal, the rest in order.
    ["sh -c 'echo a; echo b >&2; echo c' 2>/dev/null", ['stdout:a\nc\n']],
    ["sh -c 'echo a; echo b >&2; echo c' 2>&1 >/dev/null", ['stdout:b\n']],
  ])('%s', async (line, want) => {
    expect(lines(await shown(line))).toEqual(want);
  });

  it('2>&1 into a pipe keeps the order the script wrote (the pipe gets one descriptor)', async () => {
    const w = createWorld();
    expect((await w.exec("sh -c 'echo a; echo b >&2; echo c' 2>&1 | cat -n")).stdout).toBe('     1\ta\n     2\tb\n     3\tc\n');
    expect((await w.exec("sh -c 'echo a; echo b >&2; echo c' |& cat -n")).stdout).toBe('     1\ta\n     2\tb\n     3\tc\n');
  });

  it("a container's command: docker run shows its output in the order written, after the pull", async () => {
    const w = createWorld();
    await w.exec('docker pull alpine');
    expect(lines(await shown("docker run --rm alpine sh -c 'echo a; echo b >&2; echo c'", false, w))).toEqual(['stdout:a\n', 'stderr:b\n', 'stdout:c\n']);
    const r = await w.exec("docker run --rm alpine sh -c 'echo a; ls /nope; echo c' 2>&1 | cat");
    expect(r.stdout).toBe('a\nls: /nope: No such file or directory\nc\n');
    await w.exec("docker run --name order1 alpine sh -c 'echo a; echo b >&2; echo c'");
    const logs = await w.exec('docker logs order1');
    expect(logs.output?.map((c) => c.text)).toEqual(['a\n', 'b\n', 'c\n']);
  });

  it('busybox and coreutils date -s without CAP_SYS_TIME print the error before the date', async () => {
    // busybox@1_36_1:coreutils/date.c: bb_simple_perror_msg("can't set date"), then the date is shown;
    // coreutils-9.4:src/date.c main: error (0, errno, _("cannot set date")), then show_date.
    const w = createWorld();
    await w.exec('docker pull busybox');
    const r = await w.exec("docker run --rm busybox sh -c 'date -s 2020-01-01; echo done' 2>&1");
    expect(r.stdout).toBe("date: can't set date: Operation not permitted\nWed Jan  1 00:00:00 UTC 2020\ndone\n");
  });

  it('streams to the terminal in the same order when nothing redirects the line', async () => {
    expect(lines(await shown("sh -c 'echo a; ls /nope; echo c'", true))).toEqual([
      'stdout:a\n',
      "stderr:ls: cannot access '/nope': No such file or directory\n",
      'stdout:c\n',
    ]);
  });
});

describe('reconcile', () => {
  it('takes each traced chunk from the stream it ended in, and leaves untraced output before the next chunk of its stream', () => {
    const trace = [
      { stream: 'stdout' as const, text: 'a\n' },
      { stream: 'stdout' as const, text: 'b\n' },
      { stream: 'stdout' as const, text: 'c\n' },
    ];
    expect(reconcile(trace, 'a\nc\n', 'b\n')).toEqual([
      { stream: 'stdout', text: 'a\n' },
      { stream: 'stderr', text: 'b\n' },
      { stream: 'stdout', text: 'c\n' },
    ]);
    expect(reconcile(trace, 'a\nc\n', 'oops\nb\n').map((c) => c.text)).toEqual(['a\n', 'oops\nb\n', 'c\n']);
    // Text the trace never saw, and a trace that saw nothing: stdout first, as before.
    expect(reconcile([], 'x\n', 'y\n').map((c) => c.stream)).toEqual(['stdout', 'stderr']);
    expect(reconcile(undefined, '', 'y\n')).toEqual([{ stream: 'stderr', text: 'y\n' }]);
  });
});

describe('Ctrl-C in a nested shell keeps what it had written', () => {
  // just-bash drops a stopped script's output (ExecutionAbortedError carries none); bash had written it to the terminal.
  it("sh -c 'echo a; echo b >&2; sleep 5' then Ctrl-C: a and b stay on the screen, the list stops (130)", async () => {
    const w = createWorld(undefined, { clock: 'realtime' });
    await w.exec('true');
    const host = (w as unknown as { host: { onStep: (() => void)[]; kernel: { procs: Map<number, { comm: string; state: string }> } } }).host;
    const ac = new AbortController();
    // Ctrl-C once the sleep runs (the host's step hook: an event, not a timer).
    host.onStep.push(() => {
      if ([...host.kernel.procs.values()].some((p) => p.comm === 'sleep' && p.state !== 'Z')) ac.abort();
    });
    let out = '';
    const r = await w.exec("echo x; sh -c 'echo a; echo b >&2; sleep 5'; echo no", { signal: ac.signal, onOutput: (c) => (out += c.text) });
    expect([out, r.exitCode]).toEqual(['x\na\nb\n', 130]);
  });
});
