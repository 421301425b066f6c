import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import type { ExecResult, World } from '../../src/sim/index.ts';
import { LIMITS, limitNote } from '../../src/sim/shell/limits.ts';
import { SimWorld } from '../../src/sim/world.ts';

/** A budget of computing time no test machine reaches, so the counting limits decide. */
const ROOMY = { cpuBudgetMs: 120_000 };

async function run(w: World, line: string, opts: Parameters<World['exec']>[1] = ROOMY): Promise<ExecResult & { out: string; ms: number }> {
  let out = '';
  const t = performance.now();
  const r = await w.exec(line, { ...opts, onOutput: (c) => (out += c.text) });
  return Object.assign(r, { out, ms: performance.now() - t });
}

describe('every shell line has a budget (#17)', { timeout: 120_000 }, () => {
  it('while true; do echo x; done stops at the command limit, with a course note and exit 130', async () => {
    const w = createWorld();
    const r = await run(w, 'while true; do echo x; done');
    expect(r.exitCode).toBe(130);
    expect(r.out).toMatch(/^(x\n)+$/);
    const lines = r.out.split('\n').length - 1;
    expect(lines).toBeGreaterThan(LIMITS.commands / 3);
    expect(lines).toBeLessThan(LIMITS.commands);
    expect(r.stderr).toBe('');
    expect(r.notes).toEqual([limitNote('commands')]);
    expect(r.notes?.[0]).toContain('3,000 commands');
  });

  it('keeps the working directory and exported variables after a loop limit, as after Ctrl-C', async () => {
    const w = createWorld();
    await run(w, 'cd /tmp');
    const r = await run(w, 'export A=1; cd /etc; for ((;;)); do echo -n; done');
    expect(r.exitCode).toBe(130);
    expect((await run(w, 'pwd; echo $A')).stdout).toBe('/etc\n1\n');
    expect(w.prompt()).toBe('root@node1:/etc# ');
    // A loop of builtins only (true, :) never reaches a command the simulator runs; it still
    // ends within the command budget, and the line's cwd is the one it started in.
    const b = await run(w, 'for ((;;)); do true; done');
    expect(b.exitCode).toBe(130);
    expect(w.prompt()).toBe('root@node1:/etc# ');
  });

  it('recursion ends with bash FUNCNEST wording, status 1, cwd kept', async () => {
    const w = createWorld();
    await run(w, 'cd /var');
    const r = await run(w, 'f(){ f; }; f');
    // bash-5.2:execute_cmd.c execute_function: "%s: maximum function nesting level exceeded (%d)"
    expect(r.stderr).toBe('-bash: f: maximum function nesting level exceeded (100)\n');
    expect(r.exitCode).toBe(1);
    expect(r.notes).toEqual([limitNote('depth')]);
    expect((await run(w, 'pwd')).stdout).toBe('/var\n');
    const bomb = await run(w, ':(){ :|:& };:');
    expect(bomb.stderr).toContain('maximum function nesting level exceeded');
    expect(bomb.stderr).not.toMatch(/executionLimits|internal/);
  });

  it('a line that computes past its CPU budget stops with the cpu note', async () => {
    const w = createWorld();
    await run(w, 'true');
    const r = await run(w, 'for i in $(seq 1 100000); do true; done; echo never', { cpuBudgetMs: 50 });
    expect(r.exitCode).toBe(130);
    expect(r.out).not.toContain('never');
    // The note names the budget the line had, not the page's default.
    expect(r.notes).toEqual(['the simulator stopped this line after 0.05 s of computing, its limit for one line.']);
    expect(r.stopped?.limit).toBe('cpu');
  });

  it('a command that never ends stops after 60 s of simulated time in virtual mode, and says so', async () => {
    const w = createWorld();
    const r = await run(w, 'sleep infinity; echo $?');
    // As after Ctrl-C, the line goes on: sleep reports 130.
    expect(r.stdout).toBe('130\n');
    const en =
      'the simulator interrupted a command of this line after 60 s of simulated time, as Ctrl-C would: it never ends on its own, and no one is at the keyboard to stop it.';
    expect(r.notes).toEqual([en]);
    expect(r.stopped).toEqual({
      limit: 'time',
      note: { en, 'zh-cn': '模拟器在模拟时间 60 秒后中断了本行的一个命令，如同按下 Ctrl-C：这个命令不会自行结束，而此时没有人在键盘前停止它。' },
    });
    expect((await run(w, 'while :; do :; done')).stopped?.limit).toBe('time');
    // A line that ends on its own carries no stop.
    expect((await run(w, 'sleep 5')).stopped).toBeUndefined();
  });

  it('docker run stops the line once 500 containers exist, with the containers note', async () => {
    const w = createWorld();
    const r = await run(w, 'for i in $(seq 1 600); do docker run -d alpine sleep 1d >/dev/null; done; echo never');
    expect(r.exitCode).toBe(130);
    expect(r.out).not.toContain('never');
    expect(r.notes).toEqual(['the simulator holds at most 500 containers; remove some with docker rm.']);
    expect(r.stopped?.note['zh-cn']).toBe('模拟器最多容纳 500 个容器；请用 docker rm 删除一些。');
    expect((await run(w, 'docker ps -q | wc -l')).stdout).toBe('500\n');
    // After docker rm there is room again.
    await run(w, 'docker rm -f $(docker ps -aq | head -1) >/dev/null');
    expect((await run(w, 'docker run -d --name one-more alpine sleep 1d >/dev/null; docker ps -q | wc -l')).stdout).toBe('500\n');
  });

  it('yes at a terminal nobody watches (a replay) stops at the output limit too', async () => {
    const w = createWorld();
    const r = await w.exec('yes');
    expect(r.exitCode).toBe(130);
    expect(r.stopped?.limit).toBe('output');
    expect(r.notes).toEqual(['the simulator stopped this line after 1 MiB of output, its limit for one line.']);
  });

  it('yes at the terminal stops at the output limit; into a pipe it writes one pipe buffer', async () => {
    const w = createWorld();
    const r = await run(w, 'yes');
    expect(r.out.length).toBe(LIMITS.outputBytes);
    expect(r.out.startsWith('y\ny\n')).toBe(true);
    expect(r.notes).toEqual([limitNote('output')]);
    expect((await run(w, 'yes | head -2')).stdout).toBe('y\ny\n');
    expect((await run(w, 'yes no | head -c 65536 | wc -c')).stdout).toBe('65536\n');
  });

  it('the interpreter yields to the event loop while a loop runs, and Ctrl-C ends it fast', async () => {
    const w = createWorld(undefined, { clock: 'realtime' });
    await run(w, 'cd /etc');
    const ac = new AbortController();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    let abortedAt = 0;
    setTimeout(() => {
      abortedAt = performance.now();
      ac.abort();
    }, 60);
    const r = await run(w, 'for ((;;)); do echo -n; done', { signal: ac.signal, cpuBudgetMs: 60_000 });
    const reaction = performance.now() - abortedAt;
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
    expect(r.exitCode).toBe(130);
    expect(reaction).toBeLessThan(1000); // typically < 30 ms; the CI machine is shared
    expect(w.prompt()).toBe('root@node1:/etc# ');
  });

  it('Ctrl-C stops yes at the terminal and keeps the cwd', async () => {
    const w = createWorld(undefined, { clock: 'realtime' });
    await run(w, 'cd /tmp');
    const ac = new AbortController();
    const r = w.exec('yes', { signal: ac.signal, onOutput: () => ac.abort() });
    expect((await r).exitCode).toBe(130);
    expect(w.prompt()).toBe('root@node1:/tmp# ');
  });

  it('a loop with arithmetic $((…)) streams each line as it runs and Ctrl-C keeps what it wrote (not a command substitution)', async () => {
    const w = createWorld(undefined, { clock: 'realtime' });
    const ac = new AbortController();
    const seen: string[] = [];
    const r = await w.exec('while true; do i=$((i+1)); echo tick $i; sleep 0.05; done', {
      signal: ac.signal,
      onOutput: (c) => {
        seen.push(c.text);
        if (seen.length === 3) ac.abort();
      },
    });
    expect(r.exitCode).toBe(130);
    expect(seen.slice(0, 3)).toEqual(['tick 1\n', 'tick 2\n', 'tick 3\n']);
  });

  it('source of a file with NUL bytes is bash, not an internal error', async () => {
    const w = createWorld();
    const r = await run(w, 'source /proc/1/cmdline');
    // bash-5.2:builtins/evalfile.c drops the NULs; /sbin/init is then a missing command path.
    expect(r.stderr).toBe('-bash: /sbin/init: No such file or directory\n');
    expect(r.exitCode).toBe(127);
  });

  it('nsenter -t takes its argument as util-linux getopt does', async () => {
    const w = createWorld();
    // util-linux@v2.39.3:sys-utils/nsenter.c strtoul_or_err(optarg, "failed to parse pid")
    expect((await run(w, 'nsenter -t -m')).stderr).toBe("nsenter: failed to parse pid: '-m'\n");
    expect((await run(w, 'nsenter -t')).stderr).toBe("nsenter: option requires an argument -- 't'\nTry 'nsenter --help' for more information.\n");
    expect((await run(w, 'nsenter -m')).stderr).toBe('nsenter: neither filename nor target pid supplied for ns/mnt\n');
  });

  it('nsenter -a into a container runs the image programs, not the host ones', async () => {
    const w = createWorld();
    await run(w, 'docker run -d --name web nginx');
    const pid = (await run(w, "docker inspect -f '{{.State.Pid}}' web")).stdout.trim();
    const r = await run(w, `nsenter -t ${pid} -a capsh --print`);
    expect(r.stderr).toBe('nsenter: failed to execute capsh: No such file or directory\n');
    expect(r.exitCode).toBe(127);
    expect((await run(w, `nsenter -t ${pid} -a ls /docker-entrypoint.sh`)).stdout).toBe('/docker-entrypoint.sh\n');
  });

  it('stdout and stderr of one line come out in the order written', async () => {
    const w = createWorld();
    await run(w, 'docker pull alpine >/dev/null 2>&1');
    const r = await run(w, 'echo a; ls /nope; echo b; docker run --rm alpine:nope true; echo c');
    expect(r.out).toBe(
      "a\nls: cannot access '/nope': No such file or directory\nb\n" +
        "Unable to find image 'alpine:nope' locally\n" +
        "docker: Error response from daemon: manifest for alpine:nope not found: manifest unknown: manifest unknown.\nSee 'docker run --help'.\nc\n",
    );
    expect(r.output?.map((c) => c.stream)).toEqual(['stdout', 'stderr', 'stdout', 'stderr', 'stdout']);
  });

  it('the World snapshot reads the process table a fixed number of times, whatever the containers', async () => {
    const w = new SimWorld();
    await run(w, 'for i in $(seq 1 40); do docker run -d alpine sleep 1000 >/dev/null; done');
    const k = w.host.kernel;
    const live = k.live.bind(k);
    let calls = 0;
    k.live = () => {
      calls++;
      return live();
    };
    const snap = w.snapshot();
    expect(snap.containers).toHaveLength(40);
    expect(snap.containers[0]?.cgroupFiles['memory.current']).toMatch(/^\d+\n$/);
    expect(calls).toBeLessThanOrEqual(2);
  });

  it('a restored session replays a runaway loop within its small budget', async () => {
    const w = createWorld();
    const r = await run(w, 'for ((;;)); do true; done', { cpuBudgetMs: 20 });
    expect(r.exitCode).toBe(130);
    expect(r.ms).toBeLessThan(2000);
  });
});

const VOCAB = [
  'echo x',
  'true',
  'ls /',
  'cat /etc/hostname',
  'ps',
  'yes',
  'seq 1 50',
  'date',
  'docker ps',
  'docker run -d alpine sleep 100',
  'sleep 1',
  'cat /proc/1/cmdline',
  'hostname',
  'id',
  'kill -l',
  'history',
  'nproc',
  'free -h',
  'uname -a',
  'env',
  'f',
  'cd /tmp',
  'pwd',
  'wc -l',
];

const line = fc.letrec((tie) => ({
  cmd: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constantFrom(...VOCAB), tie('compound')),
  compound: fc.oneof(
    fc.tuple(tie('cmd'), tie('cmd')).map(([a, b]) => `${a} | ${b}`),
    fc.tuple(tie('cmd'), tie('cmd')).map(([a, b]) => `${a}; ${b}`),
    fc.tuple(tie('cmd'), tie('cmd')).map(([a, b]) => `${a} && ${b}`),
    tie('cmd').map((a) => `while true; do ${a}; done`),
    tie('cmd').map((a) => `for i in 1 2 3; do ${a}; done`),
    tie('cmd').map((a) => `${a} > /tmp/out 2>&1`),
    tie('cmd').map((a) => `x=$(${a}); echo $x`),
    tie('cmd').map((a) => `f(){ ${a}; f; }; f`),
    fc.constant(':(){ :|:& };:'),
  ),
})).cmd as fc.Arbitrary<string>;

describe('shell lines from the real vocabulary (property)', () => {
  it('every line finishes within its budget and never throws or leaks an internal error', async () => {
    const w = createWorld();
    await w.exec('docker pull alpine >/dev/null 2>&1');
    await fc.assert(
      fc.asyncProperty(line, async (l) => {
        const t = performance.now();
        const r = await w.exec(l, { cpuBudgetMs: 300 });
        const ms = performance.now() - t;
        expect(typeof r.exitCode).toBe('number');
        expect(r.stderr).not.toMatch(/internal simulator error|executionLimits|just-bash/);
        // 300 ms of computing; simulated waits (docker, sleep) pass at once in virtual mode.
        expect(ms).toBeLessThan(10_000);
      }),
      { numRuns: 25, seed: 17 },
    );
  }, 300_000);
});
