/**
 * The keyboard of a full-screen program (less, more, top's prompts): the terminal in raw mode, one key
 * at a time as the program reads them (an escape sequence is one key: splitKeys). `next` waits for a
 * key; it gives undefined when the line is interrupted (Ctrl-C stays SIGINT) or, in virtual time, when
 * no key comes before the line's time bound (no one is at the keyboard).
 */
import type { Keyboard } from '../../api.ts';
import type { CmdEnv } from '../types.ts';
import { splitKeys } from './top-keys.ts';

export interface KeyReader {
  next(): Promise<string | undefined>;
  close(): void;
}

export function keyReader(kb: Keyboard, env: CmdEnv): KeyReader {
  const keys: string[] = [];
  const release = kb.claim((d) => keys.push(...splitKeys(d)));
  return {
    async next() {
      if (!keys.length && (await env.host.waitUntil(() => keys.length > 0, undefined, env.signal)) !== 'done') return undefined;
      return env.signal?.aborted ? undefined : keys.shift();
    },
    close: release,
  };
}

/**
 * xterm-256color's strings (ncurses 6.4's terminfo.src, Ubuntu 24.04's ncurses-base: xterm+alt+title's
 * smcup/rmcup, xterm+pcfkeys's smkx/rmkx, and xterm-basic's smso, rmso, bold, smul, rmul, sgr0, el, clear).
 */
export const TI = {
  smcup: '\x1b[?1049h\x1b[22;0;0t',
  rmcup: '\x1b[?1049l\x1b[23;0;0t',
  smkx: '\x1b[?1h\x1b=',
  rmkx: '\x1b[?1l\x1b>',
  smso: '\x1b[7m',
  rmso: '\x1b[27m',
  bold: '\x1b[1m',
  smul: '\x1b[4m',
  rmul: '\x1b[24m',
  sgr0: '\x1b(B\x1b[m',
  el: '\x1b[K',
  clear: '\x1b[H\x1b[2J',
  bel: '\x07',
  cup: (row: number, col = 1) => `\x1b[${row};${col}H`,
} as const;

/** Enter as the terminal sends it (CR; the keys of a test may send LF). */
export const isEnter = (k: string) => k === '\r' || k === '\n';
/** The keys that erase the character before the cursor (VERASE, DEL from xterm; ^H). */
export const isErase = (k: string) => k === '\x7f' || k === '\b';
