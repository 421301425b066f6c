/**
 * World.prepare (issue #14: the first command answered ≤ 200 ms cold): the terminal's worker readies the learner's
 * world for its first line while the page opens xterm. A prepared world answers every line as an unprepared one does,
 * and preparing changes nothing a line could see; a line sent while it prepares waits for the same work.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';

/** Lines whose answers show the host's root filesystem (its times, modes, links), the clock, the PIDs and the history. */
const LINES = [
  'uname -r',
  'ls -l --time-style=full-iso / /usr/sbin | head -40',
  'stat -c "%y %z %a" /etc /usr/bin /root',
  'date',
  'echo $$; sleep 1 & echo $!',
  'history',
];

describe('World.prepare', () => {
  it('changes no answer: a prepared world and an unprepared one answer the same lines the same', async () => {
    const plain = createWorld(undefined, { clock: 'virtual' });
    const prepared = createWorld(undefined, { clock: 'virtual' });
    const before = { snapshot: prepared.snapshot(), lastPid: prepared.lastPid(), prompt: prepared.prompt() };
    await prepared.prepare();
    expect({ snapshot: prepared.snapshot(), lastPid: prepared.lastPid(), prompt: prepared.prompt() }).toEqual(before);
    expect(prepared.history()).toEqual([]);
    for (const line of LINES) expect(await prepared.exec(line), line).toEqual(await plain.exec(line));
    expect(prepared.snapshot()).toEqual(plain.snapshot());
  });

  it('a line sent while the world prepares waits for it and is answered once, as without it', async () => {
    const plain = createWorld(undefined, { clock: 'virtual' });
    const w = createWorld(undefined, { clock: 'virtual' });
    const preparing = w.prepare();
    const [answer] = await Promise.all([w.exec('ls -ld /etc /usr/bin; uname -r'), preparing]);
    expect(answer).toEqual(await plain.exec('ls -ld /etc /usr/bin; uname -r'));
    expect(w.history()).toEqual(['ls -ld /etc /usr/bin; uname -r']);
  });

  it("answers a completeness check that came while it prepares before it builds the host's shell", async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await w.needsMore('true'); // the check's modules, loaded as by the worker's first chunks
    // The runtime's own build of a root's shell (private: what prepare() does after the shell's code has loaded).
    const rt = await (w as unknown as { rt(): Promise<{ bashFor(root: string): unknown }> }).rt();
    const order: string[] = [];
    const build = rt.bashFor.bind(rt);
    rt.bashFor = (root) => {
      order.push(`build ${root}`);
      return build(root);
    };
    await Promise.all([w.prepare(), w.needsMore('uname -r').then((more) => order.push(`answer ${more}`))]);
    expect(order).toEqual(['answer false', 'build host']);
  });
});
