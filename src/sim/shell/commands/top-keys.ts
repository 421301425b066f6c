/**
 * top's keys at the terminal (procps-ng@v4.0.4:src/top/top.c do_key, its key_tab, keys_xtra and
 * keys_task). top reads the terminal in raw mode (ICANON and ECHO off, ISIG kept: Ctrl-C stays
 * SIGINT, sig_endpgm) and waits for a key or its delay, whichever comes first (pselect in
 * main's loop), then draws the next frame.
 *
 * Simulated: `q` ends top as Ctrl-C does (bye_bye(NULL), status 0); Enter and space only wake it
 * for a new frame (keys_global: "these two have the effect of waking us"); M, N, P and T sort on
 * %MEM, PID, %CPU and TIME+ (keys_xtra), R reverses the sort and c shows command lines (keys_task);
 * Esc and NUL are ignored (do_key: "ignored"); a key in none of key_tab's tables gets
 * UNKNOWN_cmds_txt in the message row for MSG_USLEEP (show_msg). h, d/s, k, u/U, i, 1 and l:
 * top-interact.ts.
 */

/** key_tab's tables (top.c do_key; CORE_TYPE_NO is not defined in top.h, so the summary keys include '5'). */
const TABLES = [
  // keys_global: ? B d E e f g H h I k r s X Y Z 0 ^E ^G ^I ^K ^L ^N ^P ^R ^U ENTER SPACE (BTAB is a sequence)
  '?BdEefgHhIkrsXYZ0\x05\x07\x09\x0b\x0c\x0e\x10\x12\x15\n ',
  '!12345Clmt', // keys_summary
  '#<>bcFiJjnOoRSUuVvxyz\x0f', // keys_task, ^O
  '+-=_&AaGLw', // keys_window (and the cursor keys, which arrive as escape sequences)
  'MNPT', // keys_xtra
].join('');

/** top_nls.c: Norm_nlstab[UNKNOWN_cmds_txt]. */
export const UNKNOWN_COMMAND = "Unknown command - try 'h' for help";
/** top.h: MSG_USLEEP, how long show_msg leaves a message before the next frame. */
export const MSG_MS = 1250;

export type TopKey = { kind: 'quit' } | { kind: 'sort'; field: string } | { kind: 'reverse' } | { kind: 'cmdline' } | { kind: 'unknown' } | { kind: 'none' };

const XTRA: Record<string, string> = { M: '%MEM', N: 'PID', P: '%CPU', T: 'TIME+' };

/** The keys in one read of the terminal: an escape sequence (a cursor key, back-tab) is one key, as iokey reads it. */
export function splitKeys(data: string): string[] {
  return data.match(/\x1b(?:\[[0-9;]*[@-~]|O.)|[\s\S]/g) ?? [];
}

/** What top does with one key (do_key). Enter from xterm is CR; the terminal's ICRNL makes it kbd_ENTER. */
export function topKey(key: string): TopKey {
  if (key === 'q') return { kind: 'quit' };
  if (key === '\x1b' || key === '\0' || key.startsWith('\x1b')) return { kind: 'none' }; // ignored, or a cursor key
  const ch = key === '\r' ? '\n' : key;
  if (XTRA[ch]) return { kind: 'sort', field: XTRA[ch] };
  if (ch === 'R') return { kind: 'reverse' };
  if (ch === 'c') return { kind: 'cmdline' };
  if (ch === 'W' || TABLES.includes(ch)) return { kind: 'none' };
  return { kind: 'unknown' };
}

/**
 * show_msg: the message at the message row (Msg_row, the row after the summary's lines: 6 by default) in the
 * window's message colour (capclr_msg: reverse when colours are off, top's default), the cursor
 * hidden, attributes off, the rest of the row cleared (xterm's cup, rev, civis, sgr0 and el).
 */
export function messageRow(text: string, columns: number, row = 6): string {
  return `\x1b[${row};1H\x1b[7m ${text.slice(0, Math.max(0, columns - 2))} \x1b[?25l\x1b(B\x1b[m\x1b[K`;
}
