/**
 * What the terminal shows: the simulator's output with only colours and clear passed through,
 * and the width of text in terminal cells (for the line editor's redraws).
 */
import { ESC } from './keys.ts';

/**
 * Escape sequences the simulator may pass to the screen: colours (SGR), clear (clear, Ctrl-L), and what a
 * full-screen program such as top draws with (xterm's terminfo: cup `ESC[row;colH`, civis/cnorm `ESC[?25l/h`,
 * the cursor's blink `ESC[?12l/h`, smcup/rmcup's alternate screen `ESC[?1049h/l` (watch draws there), and sgr0's
 * `ESC(B`, the ASCII character set). None can read, report or retitle.
 */
const ALLOWED = /^\x1b(?:\[(?:[0-9;:]*m|(?:\d{1,4}(?:;\d{1,4})?)?H|[0-3]?J|[0-2]?K|\?(?:25|12|1049)[hl])|\(B)/;

/**
 * Output as the terminal may show it. Text from the simulated host carries names the
 * learner typed (files, containers, printf): any control sequence but colours and clear is
 * shown as caret text (^[]52;c;…^G), as `cat -v` would, so it cannot set the clipboard,
 * retitle the window, move the cursor over earlier output or turn on mouse reports.
 */
export function safeOutput(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const code = ch.charCodeAt(0);
    if (ch === ESC) {
      const ok = ALLOWED.exec(text.slice(i));
      if (ok) {
        out += ok[0];
        i += ok[0].length - 1;
      } else out += '^[';
    } else if (code < 0x20 && ch !== '\n' && ch !== '\r' && ch !== '\t' && ch !== '\b') out += `^${String.fromCharCode(code + 64)}`;
    else if (code === 0x7f) out += '^?';
    else if (code >= 0x80 && code < 0xa0) out += `M-^${String.fromCharCode(code - 128 + 64)}`;
    else out += ch;
  }
  return out;
}

/** Terminal cells a string takes: East Asian wide characters take two. */
export function cells(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return n;
}
