import { describe, expect, it } from 'vitest';
import { LineEditor, type LineEditorHost } from '../../src/ui/terminal/line-editor.ts';
import { stripUntyped } from '../../src/ui/terminal/keys.ts';
import { safeOutput } from '../../src/ui/terminal/screen.ts';

function setup(history: string[] = []) {
  const submitted: string[] = [];
  const host: LineEditorHost = { write: () => undefined, submit: (l) => submitted.push(l), complete: async () => [], clearScreen: () => undefined };
  const editor = new LineEditor(host, history);
  editor.start('$ ');
  return { editor, submitted };
}

describe('terminal output from the simulator is made safe (#17)', () => {
  it('shows OSC 52, title and cursor sequences as caret text; keeps colours and clear', () => {
    expect(safeOutput('x\x1b]52;c;Y3VybA==\x07y')).toBe('x^[]52;c;Y3VybA==^Gy');
    expect(safeOutput('\x1b]0;PWNED\x07')).toBe('^[]0;PWNED^G');
    expect(safeOutput('\x1b[2K\x1b[1A')).toBe('\x1b[2K^[[1A');
    expect(safeOutput('\x1b[?1000h')).toBe('^[[?1000h');
    expect(safeOutput('\x1b[31mred\x1b[0m')).toBe('\x1b[31mred\x1b[0m');
    expect(safeOutput('\x1b[H\x1b[2J\x1b[3J')).toBe('\x1b[H\x1b[2J\x1b[3J');
    // What top draws with (cup, civis/cnorm, the cursor's blink, sgr0's charset); not a cursor query or a scroll region.
    expect(safeOutput('\x1b[?25l\x1b[6;1H\x1b[7m x \x1b(B\x1b[m\x1b[25;1H\x1b[?12l\x1b[?25h')).toBe(
      '\x1b[?25l\x1b[6;1H\x1b[7m x \x1b(B\x1b[m\x1b[25;1H\x1b[?12l\x1b[?25h',
    );
    expect(safeOutput('\x1b[6n\x1b[1;5r\x1b(0')).toBe('^[[6n^[[1;5r^[(0');
    expect(safeOutput('\x1b[?12;25h')).toBe('\x1b[?12;25h'); // top's prompts: cvvis
    // less's and watch's init and deinit (xterm-256color smcup smkx, rmkx rmcup); not other modes or window ops.
    expect(safeOutput('\x1b[?1049h\x1b[22;0;0t\x1b[?1h\x1b=|\x1b[?1l\x1b>\x1b[?1049l\x1b[23;0;0t')).toBe(
      '\x1b[?1049h\x1b[22;0;0t\x1b[?1h\x1b=|\x1b[?1l\x1b>\x1b[?1049l\x1b[23;0;0t',
    );
    expect(safeOutput('\x1b[?1000h\x1b[?47h\x1b[21t\x1b[8;1;1t')).toBe('^[[?1000h^[[?47h^[[21t^[[8;1;1t');
    // The bell (less at either end, more's unknown key) passes; an OSC's BEL terminator stays caret text (above).
    expect(safeOutput('(END)\x07|\x1b]0;t\x07\x07')).toBe('(END)\x07|^[]0;t^G\x07');
    // watch (procps-ng 4.0.4, curses) on xterm's alternate screen: terminfo xterm-256color smcup/rmcup's ?1049h/l.
    expect(safeOutput('\x1b[?1049h\x1b[H\x1b[2Jnode1\n\x1b[?1049l')).toBe('\x1b[?1049h\x1b[H\x1b[2Jnode1\n\x1b[?1049l');
    expect(safeOutput('a\tb\r\nc\x00\x7f\x9b')).toBe('a\tb\r\nc^@^?M-^[');
  });

  it('terminal replies and mouse reports are never typed into the prompt', () => {
    const { editor } = setup();
    editor.feed('ls');
    editor.feed('\x1b[M !!'); // X10 mouse report
    editor.feed('\x1b[<0;12;5M\x1b[<0;12;5m'); // SGR mouse press/release
    editor.feed('\x1b[12;40R'); // cursor position report
    editor.feed('\x1b[?1;2c'); // device attributes
    editor.feed('\x1b]11;rgb:0000/0000/0000\x07'); // OSC colour reply
    editor.feed('\x1bP1$r0m\x1b\\'); // DCS reply
    editor.feed(' -l');
    expect(editor.line).toBe('ls -l');
    expect(stripUntyped('a\x1b[<0;1;1Mb\x1b[Mxyzc')).toBe('abc');
  });

  it('Ctrl-R searches the history backwards; Enter runs the match; Ctrl-G gives up', () => {
    const { editor, submitted } = setup(['docker ps', 'ls /tmp', 'docker images']);
    editor.feed('\x12dock');
    expect(editor.line).toBe('docker images');
    editor.feed('\x12');
    expect(editor.line).toBe('docker ps');
    editor.feed('\r');
    expect(submitted).toEqual(['docker ps']);
    const b = setup(['echo hi']);
    b.editor.feed('\x12zzz');
    b.editor.feed('\x07');
    expect(b.editor.line).toBe('');
    b.editor.feed('\x12ech\x1b[C');
    expect(b.editor.line).toBe('echo hi');
  });
});
