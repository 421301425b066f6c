import { describe, expect, it } from 'vitest';
import xtermHeadless from '@xterm/headless';
import { LineEditor } from '../../src/ui/terminal/line-editor.ts';

const { Terminal } = xtermHeadless as unknown as typeof import('@xterm/headless');

/** Drives the editor against a real (headless) xterm and reads the screen back. */
function onScreen(cols = 20) {
  const term = new Terminal({ cols, rows: 10, allowProposedApi: true });
  const submitted: string[] = [];
  const editor = new LineEditor({
    write: (d) => term.write(d),
    submit: (l) => submitted.push(l),
    complete: async () => [],
    clearScreen: () => term.clear(),
    columns: () => cols,
  });
  const flush = () => new Promise<void>((r) => term.write('', r));
  const rows = async () => {
    await flush();
    const b = term.buffer.active;
    return Array.from({ length: b.length }, (_, i) => b.getLine(i)!.translateToString(true)).filter((l, i, all) => l || all.slice(i).some(Boolean));
  };
  const cursor = async () => {
    await flush();
    return { x: term.buffer.active.cursorX, y: term.buffer.active.cursorY };
  };
  return { term, editor, submitted, rows, cursor };
}

describe('LineEditor on a real terminal screen', () => {
  it('echoes pasted lines after their prompts, as a terminal does (a here-document from a Run block)', async () => {
    const t = onScreen(40);
    t.editor.start('$ ');
    t.editor.type("cat > f <<'EOF'\nFROM alpine\nRUN true\nEOF\n");
    for (const prompt of ['> ', '> ', '> ']) t.editor.start(prompt);
    expect(t.submitted).toEqual(["cat > f <<'EOF'", 'FROM alpine', 'RUN true', 'EOF']);
    expect(await t.rows()).toEqual(["$ cat > f <<'EOF'", '> FROM alpine', '> RUN true', '> EOF']);
  });

  it('wraps a long line without repeating it, however it is typed', async () => {
    const t = onScreen(20);
    t.editor.start('$ ');
    for (const ch of 'docker run -d --name web -p 8080:80 nginx') t.editor.feed(ch);
    expect(await t.rows()).toEqual(['$ docker run -d --na', 'me web -p 8080:80 ng', 'inx']);
  });

  it('edits in the middle of a wrapped line and keeps the screen right', async () => {
    const t = onScreen(20);
    t.editor.start('$ ');
    t.editor.feed('docker run -d --name web -p 8080:80 nginx');
    t.editor.feed('\x01'); // Home
    for (let i = 0; i < 7; i++) t.editor.feed('\x1b[C');
    t.editor.feed('container ');
    expect(await t.rows()).toEqual(['$ docker container r', 'un -d --name web -p ', '8080:80 nginx']);
    expect(await t.cursor()).toEqual({ x: 19, y: 0 });
    t.editor.feed('\x05'); // End
    t.editor.feed('\x7f'.repeat(30));
    expect(await t.rows()).toEqual(['$ docker container r', 'un ']);
  });

  it('handles a line that exactly fills the width', async () => {
    const t = onScreen(10);
    t.editor.start('$ ');
    t.editor.feed('12345678');
    t.editor.feed('9');
    expect(await t.rows()).toEqual(['$ 12345678', '9']);
    t.editor.feed('\x7f');
    expect(await t.rows()).toEqual(['$ 12345678']);
    expect(await t.cursor()).toEqual({ x: 0, y: 1 });
  });

  it('moves below a wrapped line before the output of the command', async () => {
    const t = onScreen(20);
    t.editor.start('$ ');
    t.editor.feed('echo aaaaaaaaaaaaaaaaaaaaaaaa');
    t.editor.feed('\x01');
    t.editor.feed('\r');
    t.term.write('output\r\n');
    expect(await t.rows()).toEqual(['$ echo aaaaaaaaaaaaa', 'aaaaaaaaaaa', 'output']);
    expect(t.submitted).toEqual(['echo aaaaaaaaaaaaaaaaaaaaaaaa']);
  });

  it('keeps keys typed while a command runs and runs them next', async () => {
    const t = onScreen(40);
    t.editor.start('$ ');
    t.editor.feed('sleep 1\r');
    for (const ch of 'echo next\rech') t.editor.feed(ch);
    t.editor.start('$ ');
    expect(t.submitted).toEqual(['sleep 1', 'echo next']);
    t.editor.start('$ ');
    expect(t.editor.line).toBe('ech');
  });
});
