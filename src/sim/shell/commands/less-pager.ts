/**
 * less 590 at the terminal (gwsw/less@v590: command.c commands and prompt, decode.c cmdtable,
 * forwback.c forward/backward, prompt.c s_proto and h_proto, search.c, output.c error, screen.c
 * init/deinit). init() switches to the alternate screen and the keypad's application mode
 * (xterm-256color's smcup and smkx, unless -X) and deinit() back (rmkx, rmcup), so after q the
 * screen is as it was. A window is the screen's rows - 1 lines; the bottom row is the prompt: the
 * file name on a file's first screen, "(END)" once the file's end is on the screen (with "- Next:
 * FILE" when another follows), both in standout, else ":". Each screen is painted from the home
 * position (less -c's way; less scrolls forward instead, to the same screen). Not simulated: -S,
 * -N, marks, filters (&), options toggled with -, ESC-prefixed movement but ESC-v, ESC-<, ESC->,
 * the =, v, !, |, s and :e commands (they ring the bell as unknown keys do).
 */
import type { CmdEnv } from '../types.ts';
import { LESS_HELP } from './less-help.ts';
import { fileLines, findLine, render, type ScreenLine, screenLines } from './less-screen.ts';
import { isEnter, isErase, type KeyReader, TI } from './pager-keys.ts';

export interface LessFile {
  /** As named on the command line; "-" for the standard input (no name in the prompt). */
  name: string;
  text: string;
}

export interface LessOpts {
  /** -F: quit if the first screen holds the whole (only) file. */
  quitIfOneScreen: boolean;
  /** -X: no init/deinit strings. */
  noInit: boolean;
  /** -e (1) and -E (2): quit at the end of the file. */
  quitAtEof: 0 | 1 | 2;
}

/** decode.c cmdtable: each key (or ESC and a key) and its action. */
const ACTIONS: Record<string, string> = {};
const bind = (action: string, ...keys: string[]) => {
  for (const k of keys) ACTIONS[k] = action;
};
// SK_DOWN_ARROW etc. arrive as xterm's sequences: CSI in normal mode, SS3 after smkx.
bind('fline', '\r', '\n', 'e', 'j', '\x1b[B', '\x1bOB', '\x05', '\x0e');
bind('bline', 'k', 'y', '\x19', '\x0b', '\x10', '\x1b[A', '\x1bOA');
bind('fscroll', 'd', '\x04');
bind('bscroll', 'u', '\x15');
bind('fscreen', ' ', 'f', '\x06', '\x16', '\x1b[6~');
bind('bscreen', 'b', '\x02', '\x1bv', '\x1b[5~');
bind('fwindow', 'z');
bind('bwindow', 'w');
bind('goline', 'g', '<', '\x1b<', '\x1b[H', '\x1bOH', '\x1b[1~');
bind('goend', 'G', '>', '\x1b>', '\x1b[F', '\x1bOF', '\x1b[4~');
bind('fsearch', '/');
bind('bsearch', '?');
bind('again', 'n');
bind('reverse', 'N');
bind('help', 'h', 'H', '\x1bOP');
bind('repaint', 'r', '\x12', '\x0c', 'R');
bind('quit', 'q', 'Q', ':q', ':Q', 'ZZ');
bind('next', ':n');
bind('prev', ':p');

const HELP_NAME = '\0help';

/** Pages `files` at the terminal until q; the status less exits with. */
export async function pageLess(env: CmdEnv, files: LessFile[], o: LessOpts, keys: KeyReader): Promise<number> {
  const put = (text: string) => env.stream?.({ stream: 'stdout', text });
  const height = Math.max(2, env.rows);
  const body = height - 1;
  const width = Math.max(1, env.columns);
  const first = fileLines(files[0]?.text ?? '');
  // -F: the only file fits on the first screen: it is written and less ends, with no init (screen.c init, one_screen).
  if (o.quitIfOneScreen && files.length === 1 && screenLines(first, width).length <= body) {
    put(first.map((l) => `${l}\n`).join(''));
    return 0;
  }
  let idx = 0;
  let help: { idx: number; top: number } | undefined;
  const tops = files.map(() => 0);
  let lines = first;
  let pattern: RegExp | undefined;
  let forward = true;
  let rows: ScreenLine[] = screenLines(lines, width);
  let top = 0;
  let newFile = true;
  // command.c: the window (z, w) and the half-window (d, u) a number sets.
  let swindow = body;
  let wscroll = Math.floor((height + 1) / 2);
  let pending: string | undefined;
  let dirty = true;

  const name = () => (help ? HELP_NAME : (files[idx]?.name ?? '-'));
  const relayout = () => {
    rows = screenLines(lines, width, pattern);
  };
  const eof = () => rows.length <= top + body;
  /** The first screen line of file line `line`; past the end, the last window. */
  const rowOf = (line: number) => {
    const i = rows.findIndex((r) => r.line >= line);
    return i < 0 ? Math.max(0, rows.length - body) : i;
  };
  const open = (i: number) => {
    tops[idx] = top;
    idx = i;
    lines = fileLines(files[i]?.text ?? '');
    relayout();
    top = tops[i] ?? 0;
    newFile = true;
    dirty = true;
  };
  const prompt = (): string => {
    if (help) return TI.smso + (eof() ? 'HELP -- END -- Press g to see it again, or q when done' : 'HELP -- Press RETURN for more, or q when done') + TI.rmso;
    let s = '';
    if (newFile) {
      if (name() !== '-') s += `${name()} `;
      if (files.length > 1) s += `(file ${idx + 1} of ${files.length}) `;
    }
    if (eof()) s += `(END) ${idx + 1 < files.length ? `- Next: ${files[idx + 1]?.name}` : ''}`;
    s = s.trimEnd();
    return s ? TI.smso + s + TI.rmso : ':';
  };
  const paint = (before = '') => {
    let s = before + TI.clear;
    for (let r = 0; r < body; r++) s += `${render(rows[top + r])}\n`;
    put(s + prompt() + TI.el);
    newFile = false;
    dirty = false;
  };
  // The bell goes out with the prompt that follows it (one write).
  let bellRung = false;
  const bell = () => {
    bellRung = true;
  };
  /** output.c error(): the message in standout at the bottom; a key other than RETURN or space is the next command. */
  const error = async (msg: string): Promise<boolean> => {
    put(`${TI.cup(height)}${TI.el}${TI.smso}${msg}  (press RETURN)${TI.rmso}`);
    const k = await keys.next();
    if (k === undefined) return false;
    if (!isEnter(k) && k !== ' ') pending = k;
    return true;
  };
  /** The bottom row as a command line: `lead` then what is typed, until Enter; undefined when erased past its start. */
  const readLine = async (lead: string): Promise<string | undefined | null> => {
    let text = '';
    put(`${TI.cup(height)}${TI.el}${lead}`);
    for (;;) {
      const k = await keys.next();
      if (k === undefined) return null;
      if (isEnter(k)) return text;
      if (isErase(k)) {
        if (!text) return undefined;
        text = text.slice(0, -1);
        put('\b \b');
      } else if (k === '\x15') {
        put('\b \b'.repeat(text.length));
        text = '';
      } else if (k.length === 1 && k >= ' ') {
        text += k;
        put(k);
      }
    }
  };
  /** forward(): n lines, stopping when the file's last line is at the bottom; false when -e ends less. */
  const fwd = (n: number): boolean => {
    if (o.quitAtEof && eof() && !help) {
      if (idx + 1 >= files.length) return false;
      open(idx + 1);
    } else if (eof()) bell();
    else {
      top += Math.min(n, rows.length - (top + body));
      dirty = true;
    }
    return true;
  };
  const back = (n: number) => {
    if (top === 0) return bell();
    top = Math.max(0, top - n);
    dirty = true;
  };
  const search = async (fwdDir: boolean, text: string | undefined): Promise<boolean> => {
    if (text !== undefined && text !== '') {
      try {
        pattern = new RegExp(text);
      } catch {
        // No upstream text: less reports the regex library's own error (regerror); JavaScript's differs.
        return error('Invalid pattern');
      }
      relayout();
      dirty = true;
    } else if (!pattern) return error('No previous regular expression');
    // A pattern typed after / or ? (an empty one: the last pattern) sets the direction n repeats.
    if (text !== undefined) forward = fwdDir;
    // search_pos: forward from the line after the top line (the jump target), backward from the top line.
    const at = rows[top]?.line ?? lines.length;
    const found = findLine(lines, pattern, fwdDir ? at + 1 : at, fwdDir);
    if (found < 0) return error('Pattern not found');
    top = rowOf(found);
    dirty = true;
    return true;
  };

  put(o.noInit ? '' : TI.smcup + TI.smkx);
  let status = 0;
  let number = '';
  for (;;) {
    // prompt(): -E quits once the end is on the screen.
    if (o.quitAtEof === 2 && eof() && !help && idx + 1 >= files.length) break;
    const ring = bellRung ? TI.bel : '';
    bellRung = false;
    if (dirty) paint(ring);
    else put(`${ring}${TI.cup(height)}${prompt()}${TI.el}`);
    let k = pending ?? (await keys.next());
    pending = undefined;
    if (k === undefined) {
      status = env.signal?.aborted ? 2 : 0;
      break;
    }
    if (/^[0-9]$/.test(k)) {
      // A_DIGIT: the number is typed after ":" on the bottom row, then a command takes it.
      number += k;
      put(`${TI.cup(height)}${TI.el}:${number}`);
      continue;
    }
    if (k === ':' || k === 'Z' || k === '\x1b') {
      if (k === ':') put(`${TI.cup(height)}${TI.el}:`);
      const k2 = await keys.next();
      if (k2 === undefined) continue;
      k += k2;
    }
    const n = Number(number) || 0;
    number = '';
    const action = ACTIONS[k];
    if (action === 'quit') {
      if (!help) break;
      ({ idx } = help);
      lines = fileLines(files[idx]?.text ?? '');
      top = help.top;
      help = undefined;
      relayout();
      newFile = true;
      dirty = true;
    } else if (action === 'fline') {
      if (!fwd(n || 1)) break;
    } else if (action === 'bline') back(n || 1);
    else if (action === 'fscreen' || action === 'fwindow') {
      if (action === 'fwindow' && n) swindow = n;
      if (!fwd(n || swindow)) break;
    } else if (action === 'bscreen' || action === 'bwindow') {
      if (action === 'bwindow' && n) swindow = n;
      back(n || swindow);
    } else if (action === 'fscroll' || action === 'bscroll') {
      if (n) wscroll = n;
      if (action === 'bscroll') back(wscroll);
      else if (!fwd(wscroll)) break;
    } else if (action === 'goline' || action === 'goend') {
      // jump_back(N): line N at the top; G alone: the last line at the bottom (jump_forw).
      top = n || action === 'goline' ? rowOf((n || 1) - 1) : Math.max(0, rows.length - body);
      dirty = true;
    } else if (action === 'fsearch' || action === 'bsearch') {
      const text = await readLine(action === 'fsearch' ? '/' : '?');
      if (text === null) continue;
      if (text !== undefined && !(await search(action === 'fsearch', text))) continue;
    } else if (action === 'again' || action === 'reverse') {
      if (!(await search(action === 'again' ? forward : !forward, undefined))) continue;
    } else if (action === 'help') {
      if (help) continue;
      tops[idx] = top;
      help = { idx, top };
      lines = fileLines(LESS_HELP);
      relayout();
      top = 0;
      dirty = true;
    } else if (action === 'repaint') dirty = true;
    else if (action === 'next' || action === 'prev') {
      const to = idx + (action === 'next' ? n || 1 : -(n || 1));
      if (to >= 0 && to < files.length && !help) open(to);
      else if (action === 'next' && o.quitAtEof && eof()) break;
      else if (!(await error(`No ${n > 1 ? '(N-th) ' : ''}${action === 'next' ? 'next' : 'previous'} file`))) continue;
    } else bell();
  }
  // quit(): the cursor to the lower left, the line cleared, then deinit (rmkx, rmcup).
  put(`${TI.cup(height)}${TI.el}${o.noInit ? '' : TI.rmkx + TI.rmcup}`);
  if (status === 2) env.host.caughtSigint = 2;
  return status;
}
