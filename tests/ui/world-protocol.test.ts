/**
 * The terminal's simulated host behind its worker protocol (issue #14): world-server.ts driven in
 * Node through the same messages world-client.ts sends, with no worker in between.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { WorldServer } from '../../src/ui/terminal/world-server.ts';
import { bootName, bootOfName, NAMED_BOOT_ID, type WorldRequest, type WorldResponse } from '../../src/ui/terminal/world-protocol.ts';
import { WARM_DOCKER, WARM_LINE, type WarmPace, warmUp } from '../../src/sim/warm.ts';

const PARAMS = { columns: 80, rows: 24, locale: 'en' } as const;

function serve(warm?: (pace: WarmPace) => Promise<unknown>) {
  const sent: WorldResponse[] = [];
  const waiters: (() => void)[] = [];
  const server = new WorldServer(
    (m) => {
      sent.push(m);
      for (const w of waiters.splice(0)) w();
    },
    (world) => createWorld(undefined, { clock: 'virtual', world }),
    warm,
  );
  /** Sends a request and resolves with its final answer (not its output batches). */
  const ask = (req: WorldRequest) =>
    new Promise<WorldResponse>((resolve) => {
      const check = () => {
        const r = sent.find((m) => m.id === req.id && m.type !== 'output' && m.type !== 'raw');
        if (r) resolve(r);
        else waiters.push(check);
      };
      server.handle(req);
      check();
    });
  const output = (id: number) =>
    sent
      .filter((m): m is Extract<WorldResponse, { type: 'output' }> => m.id === id && m.type === 'output')
      .map((m) => m.text)
      .join('');
  /** Resolves when a message matching `f` has been sent. */
  const until = (f: (m: WorldResponse) => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => (sent.some(f) ? resolve() : waiters.push(check));
      check();
    });
  return { server, sent, ask, output, until };
}

describe('the simulated host through the worker protocol', () => {
  it('boots, runs a line and answers with its result and the state the page keeps', async () => {
    const { ask } = serve();
    const booted = await ask({ id: 1, type: 'boot', world: 'node1', lines: [] });
    expect(booted.type).toBe('booted');
    if (booted.type !== 'booted') return;
    expect(booted.state.prompt).toBe('root@node1:~# ');
    expect(booted.state.history).toEqual([]);
    // uname -r: the fixture's kernel (content/world/node1.json, Ubuntu 24.04's 6.8.0-45-generic).
    const r = await ask({ id: 2, type: 'exec', line: 'uname -r', params: PARAMS });
    expect(r.type).toBe('executed');
    if (r.type !== 'executed') return;
    expect(r.result.stdout).toBe('6.8.0-45-generic\n');
    expect(r.result.exitCode).toBe(0);
    expect(r.state.history).toEqual(['uname -r']);
    expect(r.state.snapshot.transcript.map((t) => t.line)).toEqual(['uname -r']);
  });

  it('refuses a start state content/world/ does not have, naming it, so the page shows its load-failed state', async () => {
    const { ask } = serve();
    expect(await ask({ id: 1, type: 'boot', world: 'l2', lines: [] })).toEqual({
      id: 1,
      type: 'error',
      message: 'no start state named "l2" (content/world/l2.json); known: node1',
    });
  });

  it('streams a command whose stdout is the terminal as output batches before its result', async () => {
    const { ask, output, sent } = serve();
    await ask({ id: 1, type: 'boot', world: 'node1', lines: [] });
    const r = await ask({ id: 2, type: 'exec', line: 'docker run debian /bin/echo "hello docker!"', params: PARAMS });
    expect(r.type).toBe('executed');
    // docker/cli@v27.3.1:cli/command/container/create.go: "Unable to find image '%s' locally\n" on stderr, then the pull.
    expect(output(2)).toContain("Unable to find image 'debian:latest' locally\n");
    expect(output(2).endsWith('hello docker!\n')).toBe(true);
    const last = sent.filter((m) => m.id === 2).at(-1);
    expect(last?.type).toBe('executed');
  });

  it('tells the page the detach keys of an attached container shell, and detaches on them (docker/cli@v27.3.1 run.go)', async () => {
    const { ask } = serve();
    await ask({ id: 1, type: 'boot', world: 'node1', lines: [] });
    const run = await ask({ id: 2, type: 'exec', line: 'docker run -it --name box alpine', params: PARAMS });
    // hijack.go defaultEscapeKeys: ctrl-p, ctrl-q.
    expect(run.type === 'executed' && run.state.detachKeys).toBe('\x10\x11');
    const d = await ask({ id: 3, type: 'exec', line: '\x10\x11', params: PARAMS });
    // run.go drops term.EscapeError: nothing printed, status 0, back at the host's prompt without keys.
    expect(d.type === 'executed' && [d.result.stderr, d.result.exitCode, d.state.prompt, d.state.detachKeys]).toEqual(['', 0, 'root@node1:~# ', undefined]);
  });

  it("keeps the course's notes, which the World sets as non-enumerable extras, through the structured clone", async () => {
    const { ask } = serve();
    await ask({ id: 1, type: 'boot', world: 'node1', lines: [] });
    const r = await ask({ id: 2, type: 'exec', line: 'htop', params: PARAMS });
    const sent = structuredClone(r);
    // The hint's words: src/sim/shell/hints.ts (the course's own line, not a program's output).
    expect(sent.type === 'executed' && sent.result.notes).toEqual(['htop is not simulated; use ps aux and docker stats --no-stream.']);
    expect(sent.type === 'executed' && sent.result.exitCode).toBe(127);
  });

  it('answers needsMore and Tab completion', async () => {
    const { ask } = serve();
    await ask({ id: 1, type: 'boot', world: 'node1', lines: [] });
    expect(await ask({ id: 2, type: 'needsMore', text: 'echo "open' })).toEqual({ id: 2, type: 'answer', value: true });
    expect(await ask({ id: 3, type: 'needsMore', text: 'echo done' })).toEqual({ id: 3, type: 'answer', value: false });
    const c = await ask({ id: 4, type: 'complete', line: 'docker ins', cursor: 10 });
    expect(c.type === 'answer' && Array.isArray(c.value) && c.value.includes('inspect')).toBe(true);
  });

  it('Ctrl-C (abort) stops a command that never ends by itself: exit 130, as SIGINT', async () => {
    const { server, ask } = serve();
    await ask({ id: 1, type: 'boot', world: 'node1', lines: [] });
    const running = ask({ id: 2, type: 'exec', line: 'sleep infinity', params: PARAMS });
    server.handle({ id: 2, type: 'abort' });
    const r = await running;
    expect(r.type === 'executed' && r.result.exitCode).toBe(130);
  });

  // bash-5.2:jobs.c wait_for: top catches SIGINT and exits 0 (procps-ng@v4.0.4:src/top/top.c sig_endpgm), so the line
  // goes on; the next Ctrl-C (a second abort for the same exec) goes to sleep, which dies of it: the line ends, 130.
  it('a second Ctrl-C reaches the command the line went on to after one that caught the first', async () => {
    const { server, ask, until } = serve();
    await ask({ id: 1, type: 'boot', world: 'node1', lines: [] });
    const running = ask({ id: 2, type: 'exec', line: 'top -p 1; echo went on; sleep infinity; echo no', params: PARAMS });
    await until((m) => m.id === 2 && m.type === 'raw' && m.on);
    server.handle({ id: 2, type: 'abort' });
    // A Ctrl-C while top still exits would be top's again: the next one once the line has gone on.
    await until((m) => m.id === 2 && m.type === 'output' && m.text.includes('went on'));
    server.handle({ id: 2, type: 'abort' });
    const r = await running;
    expect(r.type === 'executed' && [r.result.stdout.includes('no\n'), r.result.exitCode]).toEqual([false, 130]);
  });

  it('a program that reads keys (top) takes the keyboard: raw on, the keys it is sent, raw off before its result', async () => {
    const { server, sent, ask, until } = serve();
    await ask({ id: 1, type: 'boot', world: 'node1', lines: [] });
    // Before any program takes it, input for the line is dropped (the page keeps such keys as type-ahead).
    server.handle({ id: 2, type: 'input', data: 'q' });
    const running = ask({ id: 2, type: 'exec', line: 'top -p 1', params: PARAMS });
    await until((m) => m.id === 2 && m.type === 'raw' && m.on);
    server.handle({ id: 2, type: 'input', data: 'q' });
    const r = await running;
    expect(r.type === 'executed' && r.result.exitCode).toBe(0);
    const mine = sent.filter((m) => m.id === 2 && m.type !== 'output').map((m) => (m.type === 'raw' ? `raw ${m.on}` : m.type));
    expect(mine).toEqual(['raw true', 'raw false', 'executed']);
    // A program that reads no keys never takes the keyboard.
    await ask({ id: 3, type: 'exec', line: 'uname -r', params: PARAMS });
    expect(sent.some((m) => m.id === 3 && m.type === 'raw')).toBe(false);
  });

  it('replays a saved session in one message and resumes the PID counter', async () => {
    const { ask } = serve();
    const lines = ['docker run -d --name web -p 8080:80 nginx'];
    const booted = await ask({ id: 1, type: 'boot', world: 'node1', lines, lastPid: 30000 });
    expect(booted.type === 'booted' && booted.state.history).toEqual(lines);
    expect(booted.type === 'booted' && booted.state.lastPid).toBe(30000);
    // CURRICULUM: web's PID 1 is host PID 23827 (tests/e2e/terminal.spec.ts, the picture snapshot).
    const r = await ask({ id: 2, type: 'exec', line: "docker inspect -f '{{.State.Pid}}' web", params: PARAMS });
    expect(r.type === 'executed' && r.result.stdout).toBe('23827\n');
  });

  it('a second boot abandons an older replay, which cannot replace the newer world', async () => {
    const { ask, server } = serve();
    const old = ask({ id: 1, type: 'boot', world: 'node1', lines: ['docker run -d --name old nginx', 'echo one'] });
    const fresh = ask({ id: 2, type: 'boot', world: 'node1', lines: [] });
    expect(await old).toEqual({ id: 1, type: 'error', message: 'a newer session replaced this one' });
    const b = await fresh;
    expect(b.type === 'booted' && b.state.history).toEqual([]);
    const r = await ask({ id: 3, type: 'exec', line: 'docker ps -q', params: PARAMS });
    expect(r.type === 'executed' && r.result.stdout).toBe('');
    expect(server).toBeDefined();
  });

  it('a line before any boot is an error, not a hang', async () => {
    const { ask } = serve();
    expect(await ask({ id: 1, type: 'exec', line: 'ls', params: PARAMS })).toEqual({ id: 1, type: 'error', message: 'the simulated host has not started' });
  });

  it('starts the warm-up with the first boot, once, and still answers that boot in the same turn', async () => {
    let warmed = 0;
    let release = () => {};
    const { server, sent, ask } = serve(() => {
      warmed++;
      return new Promise<void>((r) => (release = r));
    });
    server.handle({ id: 1, type: 'boot', world: 'node1', lines: [] });
    await Promise.resolve();
    await Promise.resolve();
    // The warm-up has not finished, and the boot is answered all the same.
    expect(warmed).toBe(1);
    expect(sent.map((m) => m.type)).toEqual(['booted']);
    await ask({ id: 2, type: 'boot', world: 'node1', lines: [] });
    expect(warmed).toBe(1);
    expect(sent.some((m) => m.type === 'warmed')).toBe(false);
    release();
    await new Promise((r) => setTimeout(r, 0));
    // The page is told, under no request's id (world-client.ts marks cc-terminal:warm).
    expect(sent.filter((m) => m.type === 'warmed')).toEqual([{ id: 0, type: 'warmed' }]);
  });
});

describe("the warm-up's pace: the learner's lines first", () => {
  it("tells the warm-up when a line of the learner's came, and when none is in progress", async () => {
    let pace!: WarmPace;
    const { server, ask } = serve(async (p) => {
      pace = p;
    });
    await ask({ id: 1, type: 'boot', world: 'node1', lines: [] });
    expect(pace.started()).toBe(false);
    let quiet = false;
    await pace.quiet().then(() => (quiet = true));
    expect(quiet).toBe(true);
    // A line in progress: started, and quiet waits for its answer.
    quiet = false;
    const ran = ask({ id: 2, type: 'exec', line: 'sleep 0.01; uname -r', params: PARAMS });
    expect(pace.started()).toBe(true);
    const waited = pace.quiet().then(() => (quiet = true));
    await Promise.resolve();
    expect(quiet).toBe(false);
    const r = await ran;
    await waited;
    expect(r.type === 'executed' && r.result.stdout).toBe('6.8.0-45-generic\n');
    expect(quiet).toBe(true);
    // An aborted or failed line counts as over too.
    server.handle({ id: 3, type: 'exec', line: 'uname -r', params: PARAMS });
    await pace.quiet();
  });

  it("leaves out its throwaway run once a line came, and loads the lessons' commands only when no line runs", async () => {
    let release = () => {};
    const idle = new Promise<void>((r) => (release = r));
    let done = false;
    const warming = warmUp({ started: () => true, quiet: () => idle }).then(() => (done = true));
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
    expect(done).toBe(false);
    release();
    await warming;
    expect(done).toBe(true);
  });
});

describe("the first boot in the worker's name", () => {
  it('reads back the boot it carries, with the saved lines and last PID', () => {
    const name = bootName('node1', ['docker run -d --name web nginx', "echo 'a b'"], 30000);
    expect(name.startsWith('cc-world ')).toBe(true);
    expect(bootOfName(name)).toEqual({
      id: NAMED_BOOT_ID,
      type: 'boot',
      world: 'node1',
      lines: ['docker run -d --name web nginx', "echo 'a b'"],
      lastPid: 30000,
    });
    expect(bootOfName(bootName('node1', []))).toEqual({ id: NAMED_BOOT_ID, type: 'boot', world: 'node1', lines: [] });
  });

  it('finds no boot in another name or one that does not read as a boot', () => {
    expect(bootOfName('cc-world')).toBeNull();
    expect(bootOfName('cc-grader {"id":0,"type":"boot","world":"node1","lines":[]}')).toBeNull();
    expect(bootOfName('cc-world {not json')).toBeNull();
    expect(bootOfName('cc-world {"id":0,"type":"exec","line":"ls"}')).toBeNull();
    expect(bootOfName('cc-world {"id":0,"type":"boot","world":"node1","lines":[1]}')).toBeNull();
    expect(bootOfName('cc-world {"id":3,"type":"boot","world":"node1","lines":[]}')).toBeNull();
  });
});

describe('the warm-up of the shell code (src/sim/warm.ts)', () => {
  it('runs its line in a throwaway world and loads the docker subcommands it names, leaving other worlds as they were', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    const before = w.lastPid();
    await warmUp();
    expect(WARM_LINE).toBe('uname -r >/dev/null');
    expect(WARM_DOCKER).toContain('run');
    expect(w.history()).toEqual([]);
    expect(w.lastPid()).toBe(before);
    const r = await w.exec('uname -r');
    expect(r.stdout).toBe('6.8.0-45-generic\n');
  });
});
