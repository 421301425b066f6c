import { describe, expect, it } from 'vitest';
import type { Keyboard } from '../../src/sim/api.ts';
import { createWorld } from '../../src/sim/index.ts';
import { splitKeys, topKey } from '../../src/sim/shell/commands/top-keys.ts';
import { sh } from './helpers.ts';

/** A terminal keyboard whose keys the test presses when a frame has been drawn. */
function keyboard(onClaim?: string) {
  let onKey: ((d: string) => void) | undefined;
  let claims = 0;
  const kb: Keyboard = {
    claim(fn) {
      claims++;
      onKey = fn;
      if (onClaim) queueMicrotask(() => fn(onClaim));
      return () => {
        onKey = undefined;
      };
    },
  };
  return { kb, press: (d: string) => onKey?.(d), claimed: () => onKey !== undefined, claims: () => claims };
}

const FRAME = '\x1b[H\x1b[2J';

// procps-ng@v4.0.4:src/top/top.c do_key, keys_xtra, keys_task, show_msg; top_nls.c UNKNOWN_cmds_txt; top.h MSG_USLEEP.
describe('top reads keys at the terminal (#10)', { timeout: 60_000 }, () => {
  it('q ends top as Ctrl-C does: status 0, the cursor shown again, the keyboard given back', async () => {
    const w = createWorld();
    await sh(w, 'true');
    const k = keyboard();
    let out = '';
    const r = await w.exec('top -p 1', {
      keyboard: k.kb,
      onOutput: (c) => {
        out += c.text;
        if (out.split(FRAME).length === 3) k.press('q');
      },
    });
    expect(r.exitCode).toBe(0);
    expect(out.split(FRAME).length).toBe(3);
    expect(out.endsWith('0:00.00 systemd\x1b[25;1H\x1b[?12l\x1b[?25h')).toBe(true);
    expect(k.claimed()).toBe(false);
    expect((await sh(w, 'echo $?')).stdout).toBe('0\n');
  });

  it('M, N, P, T sort; R reverses; c shows command lines; each key draws a frame at once', async () => {
    const w = createWorld();
    await sh(w, 'true');
    const k = keyboard();
    const frames: string[] = [];
    let out = '';
    const keys = ['N', 'R', 'c', 'q'];
    await w.exec('top -p 1,640,812', {
      keyboard: k.kb,
      onOutput: (c) => {
        out += c.text;
        const parts = out.split(FRAME);
        if (parts.length - 1 > frames.length) {
          frames.push(parts.at(-1) ?? '');
          k.press(keys.shift() ?? '');
        }
      },
    });
    const pids = (f: string) =>
      f
        .split('\n')
        .slice(7)
        .map((l) => Number(l.trim().split(/\s+/)[0]))
        .filter(Boolean);
    expect(frames.length).toBe(4);
    expect(pids(frames[1] ?? '')).toEqual([812, 640, 1]); // N: PID, highest first
    expect(pids(frames[2] ?? '')).toEqual([1, 640, 812]); // R: reversed
    expect(frames[3]).toContain(' /sbin/ini'); // cut at 80 columns
    expect(frames[2]).not.toContain('/sbin/ini');
  });

  it("a key in none of top's tables: the message row for 1.25 s, then the next frame", async () => {
    const w = createWorld();
    await sh(w, 'true');
    const k = keyboard();
    let out = '';
    let pressed = false;
    await w.exec('top -p 1', {
      keyboard: k.kb,
      onOutput: (c) => {
        out += c.text;
        if (!pressed && out.includes(FRAME)) {
          pressed = true;
          k.press('Q');
        } else if (out.split(FRAME).length === 3) k.press('q');
      },
    });
    expect(out).toContain("\x1b[6;1H\x1b[7m Unknown command - try 'h' for help \x1b[?25l\x1b(B\x1b[m\x1b[K\x1b[H\x1b[2Jtop - ");
  });

  it('without a terminal (a pipe, batch mode, the CLI) top takes no keys', async () => {
    const w = createWorld();
    const k = keyboard();
    await w.exec('top -b -n 1 -p 1 | head -1', { keyboard: k.kb });
    await w.exec('top -b -n 1 -p 1', { keyboard: k.kb });
    expect(k.claims()).toBe(0);
  });

  it('keys as iokey reads them: an escape sequence is one key; Enter, space and the tables', () => {
    expect(splitKeys('ab\x1b[A\x1bOPq\x1b')).toEqual(['a', 'b', '\x1b[A', '\x1bOP', 'q', '\x1b']);
    expect(topKey('q')).toEqual({ kind: 'quit' });
    expect(topKey('\r')).toEqual({ kind: 'none' });
    expect(topKey(' ')).toEqual({ kind: 'none' });
    expect(topKey('\x1b[B')).toEqual({ kind: 'none' });
    expect(topKey('h')).toEqual({ kind: 'none' });
    expect(topKey('5')).toEqual({ kind: 'none' });
    expect(topKey('M')).toEqual({ kind: 'sort', field: '%MEM' });
    expect(topKey('Q')).toEqual({ kind: 'unknown' });
    expect(topKey('\x04')).toEqual({ kind: 'unknown' });
  });
});

// busybox@1_36_1:procps/top.c handle_input: `c |= 0x20; if (c == 'q') return EXIT_MASK;`, and VEOF.
describe('busybox top reads q at the terminal (#10)', { timeout: 60_000 }, () => {
  it('docker run -it alpine top, then Q: top ends with status 0, and so does the container', async () => {
    const w = createWorld();
    await sh(w, 'docker pull -q alpine >/dev/null');
    const k = keyboard('Q');
    const r = await w.exec('docker run -it --name tp alpine top -d 1', { keyboard: k.kb });
    expect(k.claims()).toBe(1);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND\n');
    expect((await sh(w, "docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' tp")).stdout).toBe('exited 0\n');
  });
});
