import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { drive } from './pager-helpers.ts';

const SMCUP = '\x1b[?1049h\x1b[22;0;0t\x1b[?1h\x1b=';
const RMCUP = '\x1b[?1l\x1b>\x1b[?1049l\x1b[23;0;0t';
const CLEAR = '\x1b[H\x1b[2J';
const so = (s: string) => `\x1b[7m${s}\x1b[27m`;

// A pager at the end of a pipeline reads the pipe as its file and its keys from the terminal
// (less@v590:ttyin.c open_getchr opens /dev/tty; prompt.c s_proto has no name for standard input: ":" then "(END)").
describe('cmd | less and cmd | more page (#10)', { timeout: 60_000 }, () => {
  it('less: the pipe paged, ":" as its first prompt (no file name), (END) at its end, q quits', async () => {
    const w = createWorld();
    const passwd = (await w.exec('head -8 /etc/passwd')).stdout.split('\n');
    const r = await drive(w, 'head -8 /etc/passwd | less', [' ', 'q'], 5);
    expect(r.exitCode).toBe(0);
    expect(r.out.startsWith(`${SMCUP}${CLEAR}${passwd.slice(0, 4).join('\n')}\n:\x1b[K`)).toBe(true);
    expect(r.screens[1]).toContain(`${CLEAR}${passwd.slice(4, 8).join('\n')}\n${so('(END)')}\x1b[K`);
    expect(r.out.endsWith(`\x1b[5;1H\x1b[K${RMCUP}`)).toBe(true);
    expect(r.claimed).toBe(false);
  });

  it('less copies when its output is redirected, or with no keyboard', async () => {
    const w = createWorld();
    const r = await drive(w, 'cat /etc/hostname | less > /tmp/x; cat /tmp/x', []);
    expect(r.out).toBe('node1\n');
    expect((await w.exec('cat /etc/hostname | less')).stdout).toBe('node1\n');
  });

  it('more: the pipe paged with its --More-- prompt (no percentage: a pipe has no size), q quits', async () => {
    const w = createWorld();
    const r = await drive(w, 'cat /etc/passwd | more', ['q'], 5);
    expect(r.exitCode).toBe(0);
    expect(r.screens[0]).toContain(so('--More--'));
    expect(r.screens[0]).not.toContain('--More--(');
    expect(r.claimed).toBe(false);
  });
});
