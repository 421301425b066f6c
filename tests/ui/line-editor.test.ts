import { describe, expect, it } from 'vitest';
import { LineEditor, type LineEditorHost } from '../../src/ui/terminal/line-editor.ts';

function setup(history: string[] = [], candidates: string[] = []) {
  const out: string[] = [];
  const submitted: string[] = [];
  let cleared = 0;
  const host: LineEditorHost = {
    write: (d) => out.push(d),
    submit: (l) => submitted.push(l),
    complete: async () => candidates,
    clearScreen: () => cleared++,
  };
  const editor = new LineEditor(host, history);
  editor.start('$ ');
  return { editor, out, submitted, cleared: () => cleared };
}

describe('LineEditor', () => {
  it('submits typed text on Enter and stops taking input', () => {
    const { editor, submitted } = setup();
    editor.feed('docker ps');
    editor.feed('\r');
    expect(submitted).toEqual(['docker ps']);
    expect(editor.isActive).toBe(false);
  });

  it('edits in the middle of the line with arrows, Home/End, Backspace and Delete', () => {
    const { editor } = setup();
    editor.feed('dcker ps');
    editor.feed('\x1b[H\x1b[C'); // Home, Right
    editor.feed('o');
    expect(editor.line).toBe('docker ps');
    editor.feed('\x1b[F\x7f\x7f'); // End, Backspace x2
    expect(editor.line).toBe('docker ');
    editor.feed('\x01\x1b[3~'); // Ctrl-A, Delete
    expect(editor.line).toBe('ocker ');
  });

  it('walks history with up and down, keeping the draft', () => {
    const { editor } = setup(['ls', 'docker ps']);
    editor.feed('unfinished');
    editor.feed('\x1b[A');
    expect(editor.line).toBe('docker ps');
    editor.feed('\x1b[A');
    expect(editor.line).toBe('ls');
    editor.feed('\x1b[A');
    expect(editor.line).toBe('ls');
    editor.feed('\x1b[B\x1b[B');
    expect(editor.line).toBe('unfinished');
  });

  it('records submitted lines in history without consecutive duplicates or blanks', () => {
    const { editor } = setup();
    for (const l of ['a', 'a', '   ', 'b']) {
      editor.feed(l + '\r');
      editor.start('$ ');
    }
    expect(editor.entries).toEqual(['a', 'b']);
  });

  it('Ctrl-C abandons the line with ^C and a fresh prompt', () => {
    const { editor, out, submitted } = setup();
    editor.feed('sleep 100');
    editor.feed('\x03');
    expect(submitted).toEqual([]);
    expect(out.join('')).toContain('^C\r\n$ ');
    expect(editor.line).toBe('');
    expect(editor.isActive).toBe(true);
  });

  it('kills words and line parts with Ctrl-W, Ctrl-U and Ctrl-K', () => {
    const { editor } = setup();
    editor.feed('docker run alpine');
    editor.feed('\x17');
    expect(editor.line).toBe('docker run ');
    editor.feed('\x1b[D\x1b[D\x0b');
    expect(editor.line).toBe('docker ru');
    editor.feed('\x15');
    expect(editor.line).toBe('');
  });

  it('runs pasted lines one after another', () => {
    const { editor, submitted } = setup();
    editor.feed('echo one\necho two\n');
    expect(submitted).toEqual(['echo one']);
    editor.start('$ ');
    expect(submitted).toEqual(['echo one', 'echo two']);
  });

  it('never inserts unknown escape sequences', () => {
    const { editor } = setup();
    editor.feed('a\x1b[15~b\x1b[200~c');
    expect(editor.line).toBe('abc');
  });

  it('completes a unique candidate and the common prefix of several', async () => {
    const one = setup([], ['docker']);
    one.editor.feed('doc\t');
    await Promise.resolve();
    await Promise.resolve();
    expect(one.editor.line).toBe('docker ');
    const many = setup([], ['container-a', 'container-b']);
    many.editor.feed('docker rm con\t');
    await Promise.resolve();
    await Promise.resolve();
    expect(many.editor.line).toBe('docker rm container-');
  });

  it('Ctrl-L clears the screen and redraws the prompt', () => {
    const { editor, cleared, out } = setup();
    editor.feed('ls');
    editor.feed('\x0c');
    expect(cleared()).toBe(1);
    expect(out.at(-1)).toContain('$ ls');
  });
});
