import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { LIMITS, limitNote } from '../../src/sim/shell/limits.ts';
import type { ExecResult, World } from '../../src/sim/index.ts';

/** Runs one line; keeps the result's own notes and stop (getters), adding what the terminal showed. */
async function sh(w: World, line: string): Promise<ExecResult & { out: string }> {
  let out = '';
  const r = await w.exec(line, { onOutput: (c) => (out += c.text) });
  return Object.assign(r, { out });
}

describe('shapes the line budget now stops with a note (#17)', { timeout: 60_000 }, () => {
  it('a brace range past 10,000 words stops the line with the work note instead of being cut silently', async () => {
    const w = createWorld();
    expect((await sh(w, 'echo {1..10000} | wc -w')).stdout).toBe('10000\n');
    expect((await sh(w, 'echo {1..100}{1..100} | wc -w')).stdout).toBe('10000\n');
    const big = await sh(w, 'echo {1..100000} | wc -c; echo never');
    expect([big.out, big.exitCode, big.stopped?.limit, big.notes]).toEqual(['', 130, 'work', [limitNote('work')]]);
    expect((await sh(w, 'for i in {0..20000..2}; do :; done')).stopped?.limit).toBe('work');
    // Quoted, it is a word, not an expansion.
    expect((await sh(w, "echo '{1..1000000}'")).stdout).toBe('{1..1000000}\n');
    expect(LIMITS.braceResults).toBe(10_000);
  });

  it('a 10 KB command name: bash quotes it in full, the course note cuts it with an ellipsis', async () => {
    const w = createWorld();
    const name = 'a'.repeat(10_000);
    const r = await sh(w, name);
    // bash-5.2:execute_cmd.c: "%s: command not found" with the whole name.
    expect(r.stderr).toBe(`-bash: ${name}: command not found\n`);
    expect(r.notes).toEqual([`this simulated host does not have ${'a'.repeat(39)}…; type help for the commands it has.`]);
    expect((await sh(w, 'nosuchtool')).notes).toEqual(['this simulated host does not have nosuchtool; type help for the commands it has.']);
  });

  it('ping without -c ends at the time bound with its note and, as on SIGINT, its statistics', async () => {
    const w = createWorld();
    const r = await sh(w, 'ping 8.8.8.8');
    expect(r.stopped?.limit).toBe('time');
    expect(r.notes).toEqual([limitNote('time')]);
    // iputils-20240117 ping_common.c finish(): the summary, and status 0 when replies came.
    expect(r.stdout).toMatch(
      /\n\n--- 8\.8\.8\.8 ping statistics ---\n60 packets transmitted, 60 received, 0% packet loss, time 60000ms\nrtt min\/avg\/max\/mdev = [\d./]+ ms\n$/,
    );
    expect(r.exitCode).toBe(0);
    expect((await sh(w, 'ping -c 1 8.8.8.8')).stopped).toBeUndefined();
  });
});
