import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// procps-ng 4.0.4 src/watch.c: output_header ("Every %.1fs: " + command left, "%s: %s" hostname and ctime() right),
// a blank line, the command's output; curses on xterm's alternate screen; Ctrl-C → die → EXIT_SUCCESS.
describe('watch (procps-ng 4.0.4, #10)', { timeout: 60_000 }, () => {
  it('draws a frame every interval on the alternate screen until Ctrl-C', async () => {
    const w = createWorld(undefined, { clock: 'realtime' });
    await sh(w, 'true');
    const ac = new AbortController();
    let out = '';
    let frames = 0;
    const r = await w.exec('watch -n1 hostname', {
      signal: ac.signal,
      onOutput: (c) => {
        out += c.text;
        frames += c.text.split('\x1b[H\x1b[2J').length - 1;
        if (frames === 2) ac.abort();
      },
    });
    const title = (s: string) => `Every 1.0s: hostname${' '.repeat(29)}node1: Mon Sep 16 11:45:0${s} 2024\n\nnode1\n`;
    expect(out).toBe(`\x1b[?1049h\x1b[H\x1b[2J${title('2')}\x1b[H\x1b[2J${title('3')}\x1b[?1049l`);
    // watch exits 0 on SIGINT (procps-ng@v4.0.4:src/watch.c die → do_exit(EXIT_SUCCESS)), and bash reports that 0.
    expect([r.stderr, r.exitCode]).toEqual(['', 0]);
    expect((await sh(w, 'echo $?')).stdout).toBe('0\n');
  });

  it('usage, version and a bad interval', async () => {
    const w = createWorld();
    expect((await sh(w, 'watch -v')).stdout).toBe('watch from procps-ng 4.0.4\n');
    const u = await sh(w, 'watch');
    expect([u.stdout, u.exitCode]).toEqual(['', 1]);
    expect(u.stderr.startsWith('\nUsage:\n watch [options] command\n\nOptions:\n')).toBe(true);
    // local/strutils.c strtod_nol_or_err: error(EXIT_FAILURE, EINVAL, "%s: '%s'") when a character other than the
    // decimal point stops the number (glibc's error() adds strerror), with errno's (none) after a second point.
    expect(await sh(w, 'watch -n x date')).toMatchObject({ stderr: "watch: failed to parse argument: 'x': Invalid argument\n", exitCode: 1 });
    expect(await sh(w, 'watch -n 1.2.3 date')).toMatchObject({ stderr: "watch: failed to parse argument: '1.2.3'\n", exitCode: 1 });
    expect(await sh(w, 'watch -n 1e3 date')).toMatchObject({ stderr: "watch: failed to parse argument: '1e3': Invalid argument\n", exitCode: 1 });
    expect(await sh(w, 'WATCH_INTERVAL=soon watch date')).toMatchObject({
      stderr: "watch: Could not parse interval from WATCH_INTERVAL: 'soon': Invalid argument\n",
      exitCode: 1,
    });
    // A decimal comma is taken; an interval under 0.1 s is 0.1 s.
    expect((await sh(w, 'watch -n 0,05 -g date +%S | cat')).stdout).toMatch(/^Every 0\.1s: date \+%S/);
    // Into a pipe (no terminal to draw on): the frame without the screen's escapes.
    expect((await sh(w, 'watch -t hostname | cat')).stdout).toBe('node1\n');
  });

  // procps-ng@v4.0.4:src/watch.c run_command: -g (WATCH_CHGEXIT) ends when a cell changes, -q N (WATCH_EQUEXIT)
  // after N unchanged screens, -e (WATCH_ERREXIT) prints its line and exits 8; -d draws changed cells in standout.
  it('-g, -q, -e and -d', async () => {
    const w = createWorld();
    expect(await sh(w, 'watch -t -n1 -g date +%S | cat')).toMatchObject({ stdout: '02\n', exitCode: 0 });
    expect(await sh(w, 'watch -t -q 2 hostname | cat')).toMatchObject({ stdout: 'node1\n', exitCode: 0 });
    expect((await sh(w, 'watch -t -e false > /tmp/o; echo $?; cat /tmp/o')).stdout).toBe('8\ncommand exit with a non-zero status, press a key to exit\n');
    expect((await sh(w, 'watch -t -n1 -d -g date +%S | cat')).stdout).toBe('\x1b[7m10\x1b[27m\n');
    expect((await sh(w, 'watch -t -n1 -d -g date +%S | cat')).stdout).toBe('1\x1b[7m2\x1b[27m\n');
  });

  // run_command: without -c a character that is not printable is skipped (a colour's ESC goes, its "[1m" shows),
  // BEL beeps; with -c process_ansi keeps SGR as attributes and drops other sequences.
  it('-c keeps colours; without it the escape characters are dropped; BEL beeps', async () => {
    const w = createWorld();
    const cmd = `'printf "\\033[1mA\\033[0m\\033[2KB\\a\\n"; date +%S'`;
    expect((await sh(w, `watch -t -n1 -g ${cmd} | cat`)).stdout).toBe('[1mA[0m[2KB\n02\n\x07');
    expect((await sh(w, `watch -t -n1 -g -c ${cmd} | cat`)).stdout).toBe('\x1b[1mA\x1b[0mB\n04\n\x07');
  });

  // watch.c main: with precise_timekeeping the next run is next_loop += interval from the first, not interval after.
  it('-p runs the command every interval from the start of the last run', async () => {
    const frames = async (flags: string) => {
      const w = createWorld();
      let out = '';
      await w.exec(`watch -t -g ${flags} -n2 'sleep 1; date +%s'`, { onOutput: (c) => (out += c.text) });
      return out
        .split('\x1b[H\x1b[2J')
        .slice(1)
        .map((f) => Number.parseInt(f, 10));
    };
    const [a, b] = await frames('-p');
    expect((b ?? 0) - (a ?? 0)).toBe(2);
    const [c, d] = await frames('');
    expect((d ?? 0) - (c ?? 0)).toBe(3);
  });

  // watch.c run_command, WATCH_ERREXIT: mvaddstr(height - 1, 0, …), refresh(), fgetc(stdin), endwin(), exit(8).
  it('-e at the terminal waits for a key before it exits with 8', async () => {
    const w = createWorld();
    let pressed = false;
    let out = '';
    const r = await w.exec('watch -t -e false', {
      rows: 10,
      keyboard: {
        claim(fn) {
          queueMicrotask(() => {
            pressed = true;
            fn('x');
          });
          return () => undefined;
        },
      },
      onOutput: (c) => (out += c.text),
    });
    expect(pressed).toBe(true);
    expect(r.exitCode).toBe(8);
    expect(out).toBe('\x1b[?1049h\x1b[H\x1b[2J\x1b[10;1Hcommand exit with a non-zero status, press a key to exit\x1b[?1049l');
  });
});
