/**
 * The line editor's key bindings: the escape sequences and control keys xterm sends, mapped
 * to editor actions, and the input the learner did not type (terminal replies), which is
 * dropped.
 */
import type { Terminal } from '@xterm/xterm';

export const ESC = '\x1b';

/** Key sequences xterm sends, mapped to editor actions. */
export const SEQUENCES: Record<string, string> = {
  [`${ESC}[A`]: 'up',
  [`${ESC}OA`]: 'up',
  [`${ESC}[B`]: 'down',
  [`${ESC}OB`]: 'down',
  [`${ESC}[C`]: 'right',
  [`${ESC}OC`]: 'right',
  [`${ESC}[D`]: 'left',
  [`${ESC}OD`]: 'left',
  [`${ESC}[H`]: 'home',
  [`${ESC}OH`]: 'home',
  [`${ESC}[1~`]: 'home',
  [`${ESC}[F`]: 'end',
  [`${ESC}OF`]: 'end',
  [`${ESC}[4~`]: 'end',
  [`${ESC}[3~`]: 'delete',
  [`${ESC}[1;5C`]: 'wordRight',
  [`${ESC}[1;5D`]: 'wordLeft',
  [`${ESC}f`]: 'wordRight',
  [`${ESC}b`]: 'wordLeft',
};

/** Control keys, mapped to editor actions. */
export const CONTROL: Record<string, string> = {
  '\x01': 'home',
  '\x05': 'end',
  '\x02': 'left',
  '\x06': 'right',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\x04': 'eof',
  '\x0b': 'killEnd',
  '\x15': 'killStart',
  '\x17': 'killWord',
  '\x0c': 'clear',
  '\x03': 'interrupt',
  '\t': 'complete',
  '\x10': 'up',
  '\x0e': 'down',
  '\x12': 'search',
};

/**
 * Input the learner did not type: what the terminal sends on its own after a program asked
 * (mouse reports after `\e[?1000h`, cursor-position and device-attribute replies, OSC colour
 * replies, DCS strings). Matched whole at an ESC and dropped, never inserted into the line.
 */
export const UNTYPED = /^\x1b(?:\[M[\s\S]{3}|\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[P_^X][\s\S]*?(?:\x1b\\|$)|[\s\S])/;

/** Strips UNTYPED sequences from text (type-ahead while a command runs). */
export function stripUntyped(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    if (text[i] === ESC) {
      const m = UNTYPED.exec(text.slice(i));
      i += m ? m[0].length : 1;
      continue;
    }
    out += text[i];
    i++;
  }
  return out;
}

/** Ctrl-C copies when text is selected, as in desktop terminals (else it is ^C); Ctrl-V pastes via the browser. */
export function copyOnCtrlC(term: Terminal): void {
  term.attachCustomKeyEventHandler((e) => {
    if (e.type === 'keydown' && e.ctrlKey && e.key === 'c' && term.hasSelection()) {
      void navigator.clipboard?.writeText(term.getSelection());
      return false;
    }
    return true;
  });
}
