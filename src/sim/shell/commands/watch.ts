/**
 * watch (procps-ng 4.0.4 src/watch.c): runs a command through `sh -c` every interval (-n, at least
 * 0.1 s) and shows its output (stdout and stderr both) under a title line until Ctrl-C, which ends
 * watch with status 0 (die → do_exit(EXIT_SUCCESS)). The title (output_header): "Every %.1fs: "
 * and the command at the left, "%s: %s" of the hostname and ctime() at the right edge, a blank
 * line, then the output. curses draws it on the terminal's alternate screen (xterm's smcup
 * \e[?1049h), each frame from the top of a cleared screen, and endwin returns to the normal
 * screen. -d highlights, -g/-q/-e end the loop, -b beeps and -w cuts rows as run_command does.
 * run_command reads the output a character at a time: without -c a character that is not printable
 * is dropped but for newline, tab and BEL (which beeps), so a colour's ESC goes and its "[01;34m"
 * shows; with -c/--color (process_ansi) SGR sequences are drawn as attributes and other escape
 * sequences dropped (Ubuntu's watch is taken as built without --enable-colorwatch, upstream's
 * default: no source says otherwise). -p/--precise counts each interval from the last run's start
 * (next_loop), not its end. -e shows its message on the last row and waits for a key (fgetc(stdin))
 * before exit(8); with no keyboard (the CLI, a transcript, a pipe) it exits at once. -r changes
 * nothing here: the simulated terminal is never resized.
 */
import type { ExecResult } from '../../api.ts';
import { getopt, type LongOpt } from '../getopt.ts';
import { quoteArgv } from '../line.ts';
import type { SimCommand } from '../types.ts';
import { VIRTUAL_BOUND_MS } from '../../host.ts';
import { keyReader } from './pager-keys.ts';

const R = (stdout: string, stderr: string, exitCode: number): ExecResult => ({ stdout, stderr, exitCode });

const LONGS: LongOpt[] = [
  { name: 'color', arg: 'none', key: 'c' },
  { name: 'no-color', arg: 'none', key: 'C' },
  { name: 'differences', arg: 'optional', key: 'd' },
  { name: 'help', arg: 'none', key: 'h' },
  { name: 'interval', arg: 'required', key: 'n' },
  { name: 'beep', arg: 'none', key: 'b' },
  { name: 'errexit', arg: 'none', key: 'e' },
  { name: 'chgexit', arg: 'none', key: 'g' },
  { name: 'equexit', arg: 'required', key: 'q' },
  { name: 'exec', arg: 'none', key: 'x' },
  { name: 'precise', arg: 'none', key: 'p' },
  { name: 'no-rerun', arg: 'none', key: 'r' },
  { name: 'no-title', arg: 'none', key: 't' },
  { name: 'no-wrap', arg: 'none', key: 'w' },
  { name: 'version', arg: 'none', key: 'v' },
];

/** usage() with local/c.h's USAGE_HEADER, USAGE_OPTIONS, USAGE_SEPARATOR, USAGE_HELP, USAGE_MAN_TAIL. */
const USAGE = `
Usage:
 watch [options] command

Options:
  -b, --beep             beep if command has a non-zero exit
  -c, --color            interpret ANSI color and style sequences
  -C, --no-color         do not interpret ANSI color and style sequences
  -d, --differences[=<permanent>]
                         highlight changes between updates
  -e, --errexit          exit if command has a non-zero exit
  -g, --chgexit          exit when output from command changes
  -q, --equexit <cycles>
                         exit when output from command does not change
  -n, --interval <secs>  seconds to wait between updates
  -p, --precise          attempt run command in precise intervals
  -r, --no-rerun         do not rerun program on window resize
  -t, --no-title         turn off header
  -w, --no-wrap          turn off line wrapping
  -x, --exec             pass command to exec instead of "sh -c"

 -h, --help     display this help and exit
 -v, --version  output version information and exit

For more details see watch(1).
`;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ctime(): "%.3s %.3s%3d %.2d:%.2d:%.2d %d\n" in the host's zone (UTC). */
export function ctime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]}${String(d.getUTCDate()).padStart(3)} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()}\n`;
}

/** output_header: the title row, `width` columns, as watch.c places its parts. */
function header(command: string, interval: number, hostname: string, ms: number, width: number): string {
  const left = `Every ${interval.toFixed(1)}s: `;
  const right = `${hostname}: ${ctime(ms)}`;
  const hlen = left.length;
  const rhlen = right.length;
  if (width < rhlen) return '';
  const row = Array<string>(width).fill(' ');
  const put = (col: number, s: string) => {
    for (let i = 0; i < s.length && col + i < width; i++) row[col + i] = s[i] as string;
  };
  if (rhlen + hlen + 1 <= width) {
    put(0, left);
    if (rhlen + hlen + 2 <= width) {
      if (width < rhlen + hlen + 4) put(width - rhlen - 4, '... ');
      else if (width < rhlen + hlen + command.length) {
        put(hlen, command.slice(0, width - rhlen - hlen - 4));
        put(width - rhlen - 4, '... ');
      } else put(hlen, command.slice(0, width - rhlen - hlen));
    }
  }
  put(width - rhlen + 1, right.slice(0, -1));
  return row.join('').trimEnd();
}

/** The screen's text rows below the title, as curses holds them (-w cuts a row at the width, otherwise it wraps). */
function screenRows(body: string, width: number, height: number, wrap: boolean): string[] {
  const rows: string[] = [];
  for (const line of body.replace(/\n$/, '').split('\n')) {
    if (!wrap || line.length <= width) rows.push(line.slice(0, width));
    else for (let i = 0; i < line.length; i += width) rows.push(line.slice(i, i + width));
  }
  return rows.slice(0, Math.max(0, height));
}

/**
 * run_command's -d: a cell whose character differs from the last screen's is drawn in standout
 * (xterm-256color's smso/rmso, \e[7m … \e[27m); with -d=permanent (WATCH_CUMUL) a cell once
 * changed stays so. A cell past a row's end holds a space, so text that went away shows as
 * highlighted blanks, as curses compares the whole row.
 */
function highlight(prev: string[] | undefined, rows: string[], marks: Set<string>, cumul: boolean): string {
  const out: string[] = [];
  for (let y = 0; y < Math.max(rows.length, prev?.length ?? 0); y++) {
    const now = rows[y] ?? '';
    const old = prev?.[y] ?? '';
    let line = '';
    let on = false;
    for (let x = 0; x < Math.max(now.length, old.length); x++) {
      const c = now[x] ?? ' ';
      const key = `${y},${x}`;
      const lit = prev !== undefined && (c !== (old[x] ?? ' ') || (cumul && marks.has(key)));
      if (lit) marks.add(key);
      if (lit !== on) line += lit ? '\x1b[7m' : '\x1b[27m';
      on = lit;
      line += c;
    }
    if (on) line += '\x1b[27m';
    out.push(x0(line));
  }
  return out.map((l) => `${l}\n`).join('');
}
/** A row's trailing blanks are not drawn unless highlighted. */
const x0 = (line: string) => line.replace(/ +$/, '');

export const watch: SimCommand = {
  name: 'watch',
  async run(args, env) {
    const p = getopt(args, '+bCced::ghq:n:prtwvx', LONGS);
    if (!p.ok) return R('', `watch: ${p.error}\n${USAGE}`, 1);
    // WATCH_INTERVAL is read before the options (strtod_nol_or_err: "Could not parse interval from WATCH_INTERVAL").
    const fromEnv = env.env.get('WATCH_INTERVAL');
    const envInterval = fromEnv === undefined ? 2 : strtodNol(fromEnv, 'Could not parse interval from WATCH_INTERVAL');
    if (typeof envInterval === 'string') return R('', envInterval, 1);
    let interval = envInterval;
    let color = false;
    let precise = false;
    let title = true;
    let exec = false;
    const f = { beep: false, diff: false, cumul: false, errexit: false, chgexit: false, equexit: false, wrap: true };
    let maxCycles = 1;
    for (const [k, v] of p.opts) {
      if (k === 'h') return R(USAGE, '', 0);
      if (k === 'v') return R('watch from procps-ng 4.0.4\n', '', 0);
      if (k === 't') title = false;
      else if (k === 'x') exec = true;
      else if (k === 'b') f.beep = true;
      else if (k === 'd') {
        f.diff = true;
        if (v !== undefined) f.cumul = true;
      } else if (k === 'e') f.errexit = true;
      else if (k === 'g') f.chgexit = true;
      else if (k === 'w') f.wrap = false;
      else if (k === 'c' || k === 'C') color = k === 'c';
      else if (k === 'p') precise = true;
      else if (k === 'n' || k === 'q') {
        const n = strtodNol(v ?? '', 'failed to parse argument');
        if (typeof n === 'string') return R('', n, 1);
        if (k === 'n') interval = n;
        else {
          f.equexit = true;
          maxCycles = Math.trunc(n);
        }
      }
    }
    interval = Math.min(Math.max(interval, 0.1), 4294967295);
    if (!p.operands.length) return R('', USAGE, 1);
    const command = p.operands.join(' ');
    const line = exec ? quoteArgv(p.operands) : command;
    const height = env.rows - (title ? 2 : 0);
    const marks = new Set<string>();
    let prev: string[] | undefined;
    let cycles = 0;
    let last = '';
    const stream = env.stream;
    const virtual = env.host.clock.mode === 'virtual';
    const started = env.host.clock.nowMs;
    // In virtual time nothing can press Ctrl-C: without an exit condition the wait ends at the line's time bound, as `sleep infinity` does.
    const loops = f.chgexit || f.equexit || f.errexit || !virtual;
    if (stream) stream({ stream: 'stdout', text: '\x1b[?1049h' });
    const end = (code: number) => {
      if (stream) stream({ stream: 'stdout', text: '\x1b[?1049l' });
      return R(stream ? '' : last, '', code);
    };
    for (;;) {
      const ranAt = env.host.clock.nowMs;
      const r = await env.exec(line, { capture: true });
      const { text: body, bells } = readOutput(r.stdout + r.stderr, color);
      const rows = screenRows(body, env.columns, height, f.wrap);
      // run_command: -g and -q compare each cell with the last screen's (never on the first screen).
      const changed = prev !== undefined && (prev.length > rows.length || rows.some((row, y) => row !== prev?.[y]));
      const head = title ? `${header(command, interval, env.session.hostname, env.host.clock.nowMs, env.columns)}\n\n` : '';
      last = head + (f.diff ? highlight(prev, rows, marks, f.cumul) : f.wrap ? body : rows.map((l) => `${l}\n`).join(''));
      if (bells || (r.exitCode && f.beep)) last += '\x07';
      if (stream) stream({ stream: 'stdout', text: `\x1b[H\x1b[2J${last}` });
      if (r.exitCode && f.errexit) {
        // The message on the screen's last row, then fgetc(stdin) and exit(8): no key reaches a running command here, so it ends at once.
        const msg = 'command exit with a non-zero status, press a key to exit';
        if (stream) stream({ stream: 'stdout', text: `\x1b[${env.rows};1H${msg}` });
        else last += `${msg}\n`;
        if (stream && env.keyboard) {
          const keys = keyReader(env.keyboard, env);
          const key = await keys.next();
          keys.close();
          if (key === undefined && env.signal?.aborted) {
            // die(): Ctrl-C while it waits ends watch with status 0.
            env.host.caughtSigint = 0;
            return end(0);
          }
        }
        return end(8);
      }
      const unchanged = !changed;
      prev = rows;
      if (f.equexit) {
        if (cycles === maxCycles && unchanged) break;
        cycles = unchanged ? cycles + 1 : 0;
      } else if (f.chgexit && changed) break;
      if (!loops) {
        await env.host.waitUntil(() => false, undefined, env.signal);
        if (env.signal?.aborted) env.host.caughtSigint = 0;
        break;
      }
      if (virtual && env.host.clock.nowMs - started >= VIRTUAL_BOUND_MS) {
        env.host.virtualStops++;
        break;
      }
      // -p: the next run an interval after this one began (next_loop), not after it ended.
      const wait = precise ? Math.max(0, ranAt + interval * 1000 - env.host.clock.nowMs) : interval * 1000;
      const outcome = await env.host.waitUntil(() => false, Math.round(wait), env.signal);
      if (outcome === 'aborted' || env.signal?.aborted) {
        // die() on SIGINT: endwin, exit(EXIT_SUCCESS); bash reports the 0.
        env.host.caughtSigint = 0;
        break;
      }
    }
    return end(0);
  },
};

/**
 * run_command's reading of the output: without colour, a character that is not printable is skipped but
 * for newline, tab and BEL; BEL beeps and is not drawn. With colour, process_ansi takes an escape: `ESC (`
 * and two more characters go, an SGR (`ESC [ digits ; … m`) is kept as the attribute it sets, and another
 * sequence is dropped up to its first character that is neither a digit nor `;`.
 */
function readOutput(out: string, color: boolean): { text: string; bells: number } {
  let text = '';
  let bells = 0;
  for (let i = 0; i < out.length; i++) {
    const ch = out[i] as string;
    const code = ch.charCodeAt(0);
    if (ch === '\x07') bells++;
    else if (ch === '\x1b' && color) {
      const sgr = /^\x1b\[[0-9;]*m/.exec(out.slice(i));
      if (sgr) {
        text += sgr[0];
        i += sgr[0].length - 1;
      } else if (out[i + 1] === '(')
        i += 2; // `(` and the next character; the one after is read again
      else if (out[i + 1] === '[') i += /^\x1b\[[0-9;]*/.exec(out.slice(i))?.[0].length ?? 2;
    } else if (ch === '\n' || ch === '\t' || (code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0))) text += ch;
  }
  return { text, bells };
}

/**
 * procps-ng@v4.0.4:local/strutils.c strtod_nol_or_err: optional blanks and sign, digits, one `.` or `,` and
 * digits; else glibc's error(): "watch: MSG: 'STR'", with ": Invalid argument" (EINVAL) when a character other
 * than the decimal point stops the integer part. The number, or the message to print.
 */
function strtodNol(str: string, msg: string): number | string {
  const m = /^\s*([-+]?)(\d*)(?:([.,])(\d*))?/.exec(str) as RegExpExecArray;
  const [, sign, int = '', point, frac = ''] = m;
  if (str !== '' && m[0].length === str.length) {
    const num = Number(`${int || '0'}.${frac || '0'}`);
    return sign === '-' ? -num : num;
  }
  const einval = str !== '' && point === undefined;
  return `watch: ${msg}: '${str}'${einval ? ': Invalid argument' : ''}\n`;
}
