/**
 * more at the terminal. util-linux 2.39.3 (util-linux@v2.39.3:text-utils/more.c): no alternate screen, the
 * lines scroll; after each screenful (rows - 1 lines: lines_per_screen) the prompt "--More--(NN%)" in
 * standout (output_prompt: NN is the bytes shown of the file's size), "--More--(Next file: NAME)" at the end
 * of a file another follows; at the end of the last file more exits (exit_on_eof, POSIXLY_CORRECT unset).
 * Keys (read_command, more_key_command): space and z (k lines, z sets the screen), Enter (k lines, sets it),
 * d/^D (the scroll of lines_per_page/2 - 1), f and s (skip k screens or lines: "...skipping N lines"),
 * b/^B ("...back N pages"), /RE and n (search: "...skipping", three lines of context; "Pattern not found"),
 * = (the line number), h (runtime_usage), :n and :p, q/Q (the prompt erased, status 0); any other key rings
 * the bell. Not simulated: ', !, v, :f, ., ^L, -c/-p's repainting and form feeds' pauses.
 * busybox 1.36.1 (busybox@1_36_1:util-linux/more.c): "--More-- (NN% of SIZE bytes)" after rows - 1 lines,
 * erased with "\r%*s\r"; space, Enter, r (the rest) and q; any other key shows the keys' help line.
 */
import type { CmdEnv } from '../types.ts';
import { isEnter, isErase, type KeyReader, TI } from './pager-keys.ts';

export interface MoreFile {
  name: string;
  text: string;
  /** Standard input that is not the terminal (a pipe): no percentage (more.c output_prompt: `!ctl->no_tty_in && 0 < ctl->file_size`). */
  pipe?: boolean;
}

/** Screen rows of a file: a row per `width` characters (fold_long_lines), the file's byte offset after each. */
function foldRows(text: string, width: number): { text: string; end: number; line: number; full: boolean }[] {
  const rows: { text: string; end: number; line: number; full: boolean }[] = [];
  let offset = 0;
  text.split('\n').forEach((raw, line, all) => {
    if (line === all.length - 1 && raw === '') return;
    const expanded = raw.replace(/[^\t]*\t/g, (m) => m.slice(0, -1) + ' '.repeat(8 - ((m.length - 1) % 8)));
    const bytes = new TextEncoder().encode(raw).length + 1;
    if (!expanded) rows.push({ text: '', end: offset + bytes, line, full: false });
    for (let i = 0; i < expanded.length; i += width) {
      const part = expanded.slice(i, i + width);
      const last = i + width >= expanded.length;
      rows.push({ text: part, end: last ? offset + bytes : offset + i + width, line, full: part.length === width });
    }
    offset += bytes;
  });
  return rows;
}

/** util-linux's more at the terminal; its exit status (0: more_exit). */
export async function pageMore(env: CmdEnv, files: MoreFile[], keys: KeyReader): Promise<number> {
  const put = (text: string) => env.stream?.({ stream: 'stdout', text });
  const width = Math.max(1, env.columns);
  const perPage = Math.max(2, env.rows);
  let perScreen = perPage - 1;
  let scroll = Math.max(1, Math.floor(perPage / 2) - 1);
  let promptLen = 0;
  let last: RegExp | undefined;
  /** erase_to_col(0): the prompt's row cleared (cr, el). */
  const erase = () => {
    if (promptLen) put(`\r${TI.el}`);
    promptLen = 0;
  };
  /** more_exit(): the prompt erased, status 0. */
  const quit = () => {
    erase();
    return 0;
  };
  for (let f = 0; f < files.length; f++) {
    const file = files[f] as MoreFile;
    const rows = foldRows(file.text, width);
    const size = new TextEncoder().encode(file.text).length;
    let pos = 0;
    /** screen(): `n` rows from `pos`; false at the end of the file. */
    const show = (n: number): boolean => {
      let out = '';
      for (; n > 0 && pos < rows.length; n--, pos++) {
        const r = rows[pos] as (typeof rows)[number];
        out += r.text + (r.text.length < promptLen ? TI.el : '') + (r.full ? '' : '\n');
        promptLen = 0;
      }
      put(out);
      return pos < rows.length;
    };
    const prompt = (text: string) => {
      put(`${TI.smso}${text}${TI.rmso}`);
      promptLen = text.length;
    };
    let left = perScreen;
    if (files.length > 1) {
      // print_separator(':', 14), the name, the separator (a longer prompt before it erased from column 14 on,
      // the cursor at its start: erase_to_col(ctl, 14)); the first screen four rows shorter.
      if (promptLen > 14) put(TI.el);
      promptLen = 0;
      put(`${':'.repeat(14)}\n${file.name}\n${':'.repeat(14)}\n`);
      left = Math.min(left, perPage - 4);
    }
    if (!show(left)) {
      if (f + 1 >= files.length) return 0;
      // The next file's prompt (display_file → more_key_command(filename)).
      prompt(`--More--(Next file: ${files[f + 1]?.name})`);
      const k = await keys.next();
      if (k === undefined || k === 'q' || k === 'Q') return quit();
      put('\r');
      continue;
    }
    let number = '';
    let reprompt = true;
    for (;;) {
      if (reprompt) prompt(file.pipe ? '--More--' : `--More--(${Math.floor(((rows[pos - 1]?.end ?? 0) * 100) / (size || 1))}%)`);
      reprompt = true;
      let k = await keys.next();
      if (k === undefined) return quit();
      if (/^[0-9]$/.test(k)) {
        number += k;
        reprompt = false;
        continue;
      }
      const n = Number(number) || 0;
      number = '';
      if (k === ':') k += (await keys.next()) ?? '';
      let more = true;
      if (k === 'q' || k === 'Q') return quit();
      if (k === ' ' || k === 'z') {
        if (k === 'z' && n) perScreen = n;
        put('\r');
        more = show(n || perScreen);
      } else if (isEnter(k)) {
        if (n) perScreen = n;
        put('\r');
        more = show(n || 1);
      } else if (k === 'd' || k === '\x04') {
        if (n) scroll = n;
        put('\r');
        more = show(scroll);
      } else if (k === 'f' || k === 's') {
        const skip = (n || 1) * (k === 'f' ? perScreen : 1);
        put('\r');
        erase();
        put(`\n...skipping ${skip} line${skip === 1 ? '' : 's'}\n\n`);
        pos = Math.min(rows.length, pos + skip);
        more = show(perScreen);
      } else if (k === 'b' || k === '\x02') {
        erase();
        put(`...back ${n || 1} page${(n || 1) === 1 ? '' : 's'}\n`);
        pos = Math.max(0, pos - perScreen * ((n || 1) + 1) - 1);
        more = show(perScreen);
      } else if (k === '/' || k === 'n') {
        let re = last;
        if (k === '/') {
          erase();
          put('/');
          promptLen = 1;
          const text = await readLine(keys, put);
          if (text === undefined) return quit();
          try {
            re = new RegExp(text);
          } catch {
            // No upstream text: more prints regerror()'s (glibc's) words; JavaScript's differ.
            error('Invalid regular expression');
            continue;
          }
          last = re;
        } else if (!re) {
          error('No previous regular expression');
          continue;
        } else {
          erase();
          put('/');
          promptLen = 1;
        }
        put('\r');
        // search(): from the next row on, the k-th matching line; three lines of context before it.
        let hits = n || 1;
        let at = -1;
        for (let i = pos; i < rows.length; i++) {
          if (re?.test(rows[i]?.text ?? '') && --hits === 0) {
            at = i;
            break;
          }
        }
        if (at >= 0) {
          // line3: the screen starts two lines before the match.
          if (at - pos + 1 > 3) put('\n...skipping\n');
          pos = Math.max(pos, at - 2);
        } else {
          // Not found: the position kept, the message where the prompt was, and no prompt after the next screen (report_errors).
          error('Pattern not found');
          reprompt = false;
        }
        put('\r');
        more = show(perScreen - 1);
      } else if (k === '=') {
        erase();
        put(String(pos));
        promptLen = String(pos).length;
        reprompt = false;
        continue;
      } else if (k === 'h' || k === '?') {
        erase();
        put(USAGE);
        continue;
      } else if (k === ':n' || k === ':p') {
        put('\r');
        erase();
        if (k === ':n' && f + 1 >= files.length) return 0;
        if (k === ':p') f = Math.max(-1, f - 2);
        break;
      } else {
        put(TI.bel);
        reprompt = false;
        continue;
      }
      if (!more) break;
    }
    if (pos >= rows.length && f + 1 < files.length) {
      prompt(`--More--(Next file: ${files[f + 1]?.name})`);
      const k = await keys.next();
      if (k === undefined || k === 'q' || k === 'Q') return quit();
      put('\r');
    }
  }
  return 0;

  /** more_error(): the message in standout where the prompt was; the next key is a command. */
  function error(msg: string) {
    erase();
    put(`${TI.smso}${msg}${TI.rmso}`);
    promptLen = msg.length;
  }
}

/** ttyin(): what is typed after the prompt's "/", echoed, until Enter; erase takes back a character. */
async function readLine(keys: KeyReader, put: (t: string) => void): Promise<string | undefined> {
  let text = '';
  for (;;) {
    const k = await keys.next();
    if (k === undefined) return undefined;
    if (isEnter(k)) return text;
    if (isErase(k)) {
      if (text) put('\b \b');
      text = text.slice(0, -1);
    } else if (k.length === 1 && k >= ' ') {
      text += k;
      put(k);
    }
  }
}

/** more.c runtime_usage(), the editor find_editor's default (_PATH_VI). */
const DASHES = `${'-'.repeat(79)}\n`;
const USAGE = `Most commands optionally preceded by integer argument k.  Defaults in brackets.
Star (*) indicates argument becomes new default.
${DASHES}<space>                 Display next k lines of text [current screen size]
z                       Display next k lines of text [current screen size]*
<return>                Display next k lines of text [1]*
d or ctrl-D             Scroll k lines [current scroll size, initially 11]*
q or Q or <interrupt>   Exit from more
s                       Skip forward k lines of text [1]
f                       Skip forward k screenfuls of text [1]
b or ctrl-B             Skip backwards k screenfuls of text [1]
'                       Go to place where previous search started
=                       Display current line number
/<regular expression>   Search for kth occurrence of regular expression [1]
n                       Search for kth occurrence of last r.e [1]
!<cmd> or :!<cmd>       Execute <cmd> in a subshell
v                       Start up '/usr/bin/vi' at current line
ctrl-L                  Redraw screen
:n                      Go to kth next file [1]
:p                      Go to kth previous file [1]
:f                      Display current file name and line number
.                       Repeat previous command
${DASHES}`;

/** busybox's more at the terminal (more_main's loop). */
export async function pageBusyboxMore(env: CmdEnv, files: MoreFile[], keys: KeyReader): Promise<number> {
  const put = (text: string) => env.stream?.({ stream: 'stdout', text });
  const height = Math.max(1, env.rows - 1);
  for (const file of files) {
    const rows = foldRows(file.text, env.columns);
    const size = new TextEncoder().encode(file.text).length;
    let pos = 0;
    let n = height;
    let rest = false;
    while (pos < rows.length) {
      for (; (n > 0 || rest) && pos < rows.length; n--, pos++) put(`${rows[pos]?.text}\n`);
      if (pos >= rows.length) break;
      // ftello() is one character past the rows shown: the next one has been read.
      const pct = Math.floor(((rows[pos - 1]?.end ?? 0) + 1) / Math.max(1, Math.floor(size / 100)));
      const more = `--More-- (${pct}% of ${size} bytes)`;
      put(more);
      let len = more.length;
      for (;;) {
        const k = (await keys.next())?.toLowerCase();
        put(`\r${' '.repeat(len)}\r`);
        if (k === undefined || k === 'q') return 0;
        if (k === ' ' || isEnter(k) || k === 'r') {
          n = k === ' ' ? height : 1;
          rest = k === 'r';
          break;
        }
        const help = '(Enter:next line Space:next page Q:quit R:show the rest)';
        put(help);
        len = help.length;
      }
    }
  }
  return 0;
}
