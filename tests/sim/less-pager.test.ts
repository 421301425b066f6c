import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { drive } from './pager-helpers.ts';

const SMCUP = '\x1b[?1049h\x1b[22;0;0t\x1b[?1h\x1b=';
const RMCUP = '\x1b[?1l\x1b>\x1b[?1049l\x1b[23;0;0t';
const CLEAR = '\x1b[H\x1b[2J';
const so = (s: string) => `\x1b[7m${s}\x1b[27m`;
const lastScreen = (out: string) => out.slice(out.lastIndexOf(CLEAR) + CLEAR.length);

// gwsw/less@v590: command.c prompt() and commands, decode.c cmdtable, forwback.c forward/backward/eof_displayed,
// prompt.c s_proto ("?n?f%f .?m(%T %i of %m) ..?e(END) ?x- Next\: %x..%t") and h_proto, output.c error(),
// screen.c init/deinit with xterm-256color's smcup/smkx and rmkx/rmcup.
describe('less pages at the terminal (#10)', { timeout: 60_000 }, () => {
  it('a screenful: rows-1 lines, the file name in standout on the first prompt, ":" after, (END) at the end; q restores the screen', async () => {
    const w = createWorld();
    const passwd = (await w.exec('head -8 /etc/passwd | tee /root/p8')).stdout.split('\n');
    const r = await drive(w, 'less /root/p8', [' ', 'q'], 5);
    expect(r.exitCode).toBe(0);
    expect(r.out.startsWith(`${SMCUP}${CLEAR}${passwd.slice(0, 4).join('\n')}\n${so('/root/p8')}\x1b[K`)).toBe(true);
    // space: the next window (4 lines), the last of the file: (END) instead of the name shown once.
    expect(r.screens[1]).toContain(`${CLEAR}${passwd.slice(4, 8).join('\n')}\n${so('(END)')}\x1b[K`);
    expect(r.out.endsWith(`\x1b[5;1H\x1b[K${RMCUP}`)).toBe(true);
    expect(r.claimed).toBe(false);
  });

  it('a short file still pages (no -F): tildes past its end and "NAME (END)"; -F writes it and quits', async () => {
    const w = createWorld();
    const r = await drive(w, 'less /etc/hostname', ['q']);
    expect(r.out).toBe(`${SMCUP}${CLEAR}node1\n${'~\n'.repeat(8)}${so('/etc/hostname (END)')}\x1b[K\x1b[10;1H\x1b[K${RMCUP}`);
    const f = await drive(w, 'less -F /etc/hostname', []);
    expect(f.out).toBe('node1\n');
  });

  it('j/Enter/↓ a line, k/↑ back, b a window back, g and G, a bell at either end', async () => {
    const w = createWorld();
    const passwd = (await w.exec('cat /etc/passwd')).stdout.replace(/\n$/, '').split('\n');
    const r = await drive(w, 'less /etc/passwd', ['j', '\r', '\x1bOB', 'k', 'G', 'g', 'b', 'q'], 5);
    const top = (i: number) => lastScreen(r.screens[i] ?? '').split('\n')[0];
    expect(top(1)).toBe(passwd[1]);
    expect(top(2)).toBe(passwd[2]);
    expect(top(3)).toBe(passwd[3]);
    expect(top(4)).toBe(passwd[2]);
    expect(lastScreen(r.screens[5] ?? '')).toContain(`${passwd.at(-1)}\n${so('(END)')}\x1b[K`);
    expect(top(6)).toBe(passwd[0]);
    // b on the first line: less rings the bell (eof_bell) and prompts again.
    expect(r.screens[7]?.endsWith(`\x07\x1b[5;1H:\x1b[K`)).toBe(true);
    expect(top(2)).not.toBe(top(1));
  });

  it('/pattern finds the next matching line, puts it at the top with its matches in standout; n again; not found waits for RETURN', async () => {
    const w = createWorld();
    const r = await drive(w, 'less /etc/passwd', ['/nologin\r', 'n', '/nosuch\r', '\r', 'q'], 5);
    const hits = (await w.exec('grep nologin /etc/passwd')).stdout.split('\n');
    const hl = (l = '') => l.replace('nologin', so('nologin'));
    expect(lastScreen(r.screens[1] ?? '').split('\n')[0]).toBe(hl(hits[0]));
    expect(lastScreen(r.screens[2] ?? '').split('\n')[0]).toBe(hl(hits[1]));
    expect(r.screens[3]?.endsWith(`\x1b[5;1H\x1b[K/nosuch\x1b[5;1H\x1b[K${so('Pattern not found  (press RETURN)')}`)).toBe(true);
  });

  it('h shows the help file with its own prompt; q goes back to the file, whose name the prompt shows again', async () => {
    const w = createWorld();
    const r = await drive(w, 'less /etc/hostname', ['h', 'q', 'q']);
    expect(lastScreen(r.screens[1] ?? '')).toContain('\n                   \x1b[1mSUMMARY\x1b(B\x1b[m \x1b[1mOF\x1b(B\x1b[m');
    expect(r.screens[1]?.endsWith(`${so('HELP -- Press RETURN for more, or q when done')}\x1b[K`)).toBe(true);
    expect(r.screens[2]?.endsWith(`${so('/etc/hostname (END)')}\x1b[K`)).toBe(true);
  });

  it('several files: "(file 1 of 2)", "(END) - Next: FILE", :n; the standard input has no name in the prompt', async () => {
    const w = createWorld();
    const r = await drive(w, 'less /etc/hostname /etc/hostname', [':n', 'q']);
    expect(r.screens[0]?.endsWith(`${so('/etc/hostname (file 1 of 2) (END) - Next: /etc/hostname')}\x1b[K`)).toBe(true);
    expect(r.screens[1]?.endsWith(`${so('/etc/hostname (file 2 of 2) (END)')}\x1b[K`)).toBe(true);
    const p = await drive(w, 'less -', ['q']);
    expect(p.out).toContain(`${CLEAR}~\n`);
    expect(p.out).toContain(`\n${so('(END)')}\x1b[K`);
  });

  it('with no keyboard (the CLI, a transcript) or a pipe as its output, less copies as before', async () => {
    const w = createWorld();
    expect((await w.exec('less /etc/hostname', { onOutput: () => {} })).stdout).toBe('node1\n');
    expect((await drive(w, 'less /etc/hostname | cat', [])).stdout).toBe('node1\n');
  });

  it('-X keeps the normal screen (no smcup/rmcup, no keypad mode); Ctrl-C ends less as -K does: status 2, the screen restored', async () => {
    const w = createWorld();
    const x = await drive(w, 'less -X /etc/hostname', ['q']);
    expect(x.out).toBe(`${CLEAR}node1\n${'~\n'.repeat(8)}${so('/etc/hostname (END)')}\x1b[K\x1b[10;1H\x1b[K`);
    const ac = new AbortController();
    let out = '';
    const r = await w.exec('less /etc/hostname', {
      rows: 10,
      signal: ac.signal,
      keyboard: { claim: () => () => undefined },
      onOutput: (c) => {
        out += c.text;
        if (c.text.endsWith('\x1b[K')) ac.abort();
      },
    });
    expect(r.exitCode).toBe(2);
    expect(out.endsWith(`\x1b[10;1H\x1b[K${RMCUP}`)).toBe(true);
  });
});
