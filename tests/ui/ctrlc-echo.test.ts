import { describe, expect, it } from 'vitest';
import { CtrlCEcho } from '../../src/ui/terminal/ctrlc-echo.ts';

// The tty echoes ^C when Ctrl-C is pressed (n_tty.c, ECHOCTL); bash's newline follows a command that died of it.
describe('the ^C echo (#10)', () => {
  const run = (steps: (e: CtrlCEcho, w: (s: string) => void) => void) => {
    let screen = '';
    const e = new CtrlCEcho();
    const w = (s: string) => void (screen += s);
    steps(e, w);
    return screen;
  };

  it('is written where the output stands, then a newline when nothing followed (sleep 5, after "before\\n")', () => {
    expect(
      run((e, w) => {
        w(e.wrote('before\n'));
        e.pressed(w);
        e.end(w);
      }),
    ).toBe('before\n^C\r\n');
  });

  it('gets no newline of bash when the program wrote on (ping: its statistics start with one)', () => {
    expect(
      run((e, w) => {
        w(e.wrote('64 bytes\n'));
        e.pressed(w);
        w(e.wrote('\n--- stats ---\n'));
        e.end(w);
      }),
    ).toBe('64 bytes\n^C\n--- stats ---\n');
  });

  it('writes nothing for a line never interrupted, and starts afresh after one', () => {
    const e = new CtrlCEcho();
    let screen = '';
    const w = (s: string) => void (screen += s);
    e.pressed(w);
    e.end(w);
    w(e.wrote('x\n'));
    e.end(w);
    expect(screen).toBe('^C\r\nx\n');
  });
});
