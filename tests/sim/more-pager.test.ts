import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { world } from './helpers.ts';
import { drive } from './pager-helpers.ts';

const so = (s: string) => `\x1b[7m${s}\x1b[27m`;

// util-linux@v2.39.3:text-utils/more.c: screen(), output_prompt() ("--More--", "(%d%%)", "(Next file: %s)" in
// standout), erase_to_col(), more_key_command(), skip_backwards() ("...back %d page"), search() ("...skipping",
// "Pattern not found"), more_exit(); exit_on_eof without POSIXLY_CORRECT.
describe('more pages at the terminal (util-linux 2.39.3) (#10)', { timeout: 60_000 }, () => {
  it('rows-1 lines, then --More--(NN%) in standout; space the next screenful; at the end of the file more exits', async () => {
    const w = createWorld();
    const passwd = (await w.exec('head -8 /etc/passwd | tee /root/p8')).stdout;
    const lines = passwd.replace(/\n$/, '').split('\n');
    const pct = Math.floor(((lines.slice(0, 4).join('\n').length + 1) * 100) / passwd.length);
    const r = await drive(w, 'more /root/p8', [' '], 5);
    expect(r.exitCode).toBe(0);
    expect(r.out).toBe(`${lines.slice(0, 4).join('\n')}\n${so(`--More--(${pct}%)`)}\r${lines.slice(4).join('\n')}\n`);
    expect(r.claimed).toBe(false);
  });

  it('Enter one line (the prompt overwritten, the rest of a shorter line erased); q erases the prompt; b goes back', async () => {
    const w = createWorld();
    const lines = (await w.exec('head -8 /etc/passwd | tee /root/p8')).stdout.split('\n');
    const r = await drive(w, 'more /root/p8', ['\r', 'b', 'q'], 5);
    const first = r.screens[0] ?? '';
    expect(r.screens[1]?.slice(first.length)).toMatch(
      new RegExp(`^\\r${lines[4]?.replace(/[/.]/g, '\\$&')}(\\x1b\\[K)?\\n\\x1b\\[7m--More--\\(\\d+%\\)\\x1b\\[27m$`),
    );
    expect(r.screens[2]?.slice(r.screens[1]?.length)).toBe(`\r\x1b[K...back 1 page\n${lines.slice(0, 4).join('\n')}\n${r.screens[2]?.slice(-22)}`);
    expect(r.out.endsWith('\r\x1b[K')).toBe(true);
  });

  it('/pattern: the matching line with up to three lines before it; "Pattern not found" in standout; h the key list; unknown keys ring', async () => {
    const w = createWorld();
    await w.exec('seq 1 40 > /tmp/n');
    const r = await drive(w, 'more /tmp/n', ['/^30$\r', '/nosuch\r'], 10);
    const k = await drive(w, 'more /tmp/n', ['x', 'h', 'q'], 10);
    expect(r.screens[1]?.slice(r.screens[0]?.length)).toBe(
      `\r\x1b[K/^30$\r\n...skipping\n\r28\n29\n30\n31\n32\n33\n34\n35\n${so(`--More--(${Math.floor((96 * 100) / 111)}%)`)}`,
    ); // 1..35 are 96 of the 111 bytes
    // Not found: the message where the prompt was, the next screenful from where the search began, no prompt after it.
    expect(r.screens[2]?.slice(r.screens[1]?.length)).toBe(`\r\x1b[K/nosuch\r\r\x1b[K${so('Pattern not found')}`);
    expect(r.out.slice(r.screens[2]?.length)).toBe('\r36\x1b[K\n37\n38\n39\n40\n');
    expect(k.out).toContain(`${so('--More--(16%)')}\x07`);
    expect(k.out).toContain('\r\x1b[KMost commands optionally preceded by integer argument k.  Defaults in brackets.\n');
  });

  it('several files: the banner, "--More--(Next file: NAME)" at the end of the first', async () => {
    const w = createWorld();
    const r = await drive(w, 'more /etc/hostname /etc/hostname', [' '], 10);
    expect(r.out).toBe(
      `::::::::::::::\n/etc/hostname\n::::::::::::::\nnode1\n${so('--More--(Next file: /etc/hostname)')}\r\x1b[K::::::::::::::\n/etc/hostname\n::::::::::::::\nnode1\n`,
    );
  });
});

// busybox@1_36_1:util-linux/more.c more_main: "--More-- ", "(%u%% of %llu bytes)", "\r%*s\r", the keys' help line.
describe('busybox more pages in alpine (#10)', { timeout: 120_000 }, () => {
  it('--More-- (NN% of SIZE bytes); an unknown key shows the help line; q quits', async () => {
    const w = await world(['alpine']);
    const passwd = (await w.exec('docker run --rm alpine cat /etc/passwd')).stdout;
    const nine = passwd.split('\n').slice(0, 9).join('\n');
    const r = await drive(w, 'docker run -it --rm alpine more /etc/passwd', ['x', 'q'], 10);
    // ftello() is one byte past the nine lines shown (the next character read), over size/100.
    const more = `--More-- (${Math.floor((nine.length + 2) / Math.floor(passwd.length / 100))}% of ${passwd.length} bytes)`;
    const help = '(Enter:next line Space:next page Q:quit R:show the rest)';
    expect(r.out).toBe(`${nine}\n${more}\r${' '.repeat(more.length)}\r${help}\r${' '.repeat(help.length)}\r`);
    expect(r.exitCode).toBe(0);
  });
});
