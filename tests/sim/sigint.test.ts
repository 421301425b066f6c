import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import type { World } from '../../src/sim/index.ts';

type Hooked = { host: { onStep: (() => void)[]; kernel: { procs: Map<number, { comm: string; state: string; pid: number }> } } };
const hostOf = (w: World) => (w as unknown as Hooked).host;
const running = (w: World, comm: string) => [...hostOf(w).kernel.procs.values()].some((p) => p.comm === comm && p.state !== 'Z');

/**
 * Runs `line` at a realtime terminal; `when(n)` is asked at each simulated step (an event, not a timer) and presses
 * Ctrl-C when it says so: the first through ExecOptions.signal, the next ones through World.interrupt.
 */
async function withCtrlC(w: World, line: string, when: (presses: number, out: string) => boolean) {
  const ac = new AbortController();
  let presses = 0;
  let out = '';
  const step = () => {
    if (!when(presses, out)) return;
    presses++;
    if (presses === 1) ac.abort();
    else w.interrupt();
  };
  hostOf(w).onStep.push(step);
  try {
    const r = await w.exec(line, { signal: ac.signal, onOutput: (c) => (out += c.text) });
    return { ...r, out, presses };
  } finally {
    hostOf(w).onStep.splice(hostOf(w).onStep.indexOf(step), 1);
  }
}

async function realtime(): Promise<World> {
  const w = createWorld(undefined, { clock: 'realtime' });
  await w.exec('true');
  return w;
}

describe('Ctrl-C goes to the foreground command; bash decides the rest of the line by how it ended (#10)', { timeout: 60_000 }, () => {
  // bash-5.2:jobs.c wait_for: a foreground job killed by SIGINT while the shell runs a list (executing_list) or a loop
  // (loop_level) → ADDINTERRUPT: the shell acts as if it got SIGINT, throw_to_top_level sets $? to 128+SIGINT.
  it('sleep dies of SIGINT (coreutils sleep does not catch it): the rest of the list is abandoned, $? is 130', async () => {
    const w = await realtime();
    const r = await withCtrlC(w, 'echo before; sleep 5; echo after', (n) => n === 0 && running(w, 'sleep'));
    expect([r.out, r.exitCode]).toEqual(['before\n', 130]);
    expect((await w.exec('echo $?')).stdout).toBe('130\n');
  });

  it('a loop is broken too (loop_level)', async () => {
    const w = await realtime();
    const r = await withCtrlC(w, 'for i in 1 2 3; do echo $i; sleep 2; done; echo after', (n) => n === 0 && running(w, 'sleep'));
    expect([r.out, r.exitCode]).toEqual(['1\n', 130]);
  });

  // procps-ng@v4.0.4:src/watch.c: signal(SIGINT, die); die() → do_exit(EXIT_SUCCESS). Not WIFSIGNALED: the list goes on.
  it('watch catches SIGINT and exits 0: the line goes on with $? 0', async () => {
    const w = await realtime();
    const r = await withCtrlC(w, 'watch -n 0.5 -t hostname; echo after=$?', (n, out) => n === 0 && out.includes('node1'));
    expect(r.out.endsWith('\x1b[?1049lafter=0\n')).toBe(true);
    expect(r.exitCode).toBe(0);
  });

  // procps-ng@v4.0.4:src/top/top.c: SIGINT's handler is sig_endpgm → bye_bye → exit(EXIT_SUCCESS).
  it('top catches SIGINT the same way', async () => {
    const w = await realtime();
    const r = await withCtrlC(w, 'top -d 1 -n 50 -p 1; echo after=$?', (n, out) => n === 0 && out.includes('PID USER'));
    expect(r.out.endsWith('after=0\n')).toBe(true);
  });

  // iputils@20240117:ping/ping_common.c: set_signal(SIGINT, sigexit); finish() returns !nreceived.
  it('ping catches SIGINT, prints its statistics and exits 0 when it had replies', async () => {
    const w = await realtime();
    const r = await withCtrlC(w, 'ping 127.0.0.1; echo after=$?', (n, out) => n === 0 && out.includes('icmp_seq=2 '));
    expect(r.out).toMatch(/--- 127\.0\.0\.1 ping statistics ---\n2 packets transmitted, 2 received, 0% packet loss, time \d+ms\nrtt [^\n]*\nafter=0\n$/);
  });

  it('a second Ctrl-C reaches the command the line went on to', async () => {
    const w = await realtime();
    const r = await withCtrlC(
      w,
      'watch -n 0.5 -t hostname; sleep 30; echo no',
      (n, out) => (n === 0 && out.includes('node1')) || (n === 1 && running(w, 'sleep')),
    );
    expect([r.presses, r.exitCode, r.out.includes('no\n')]).toEqual([2, 130, false]);
    expect((await w.exec('echo $?')).stdout).toBe('130\n');
  });

  it('the shell itself gets it when no command runs (its own busy loop)', async () => {
    const w = await realtime();
    let steps = 0;
    const r = await withCtrlC(w, 'while :; do :; done; echo no', () => ++steps === 3);
    expect([r.out, r.exitCode]).toEqual(['', 130]);
  });

  // A job started with & is in a process group of its own (bash-5.2:jobs.c make_child, setpgid): the terminal's SIGINT
  // goes to the foreground group only.
  it('a background job is not hit: sleep 30 & keeps running', async () => {
    const w = await realtime();
    const r = await withCtrlC(w, 'sleep 30 & sleep 5; echo no', (n) => n === 0 && running(w, 'sleep'));
    expect(r.exitCode).toBe(130);
    expect(r.out).toMatch(/^\[1\] \d+\n$/);
    expect((await w.exec('jobs')).stdout).toBe('[1]+  Running                 sleep 30 &\n');
  });
});
