/**
 * watch (procps-ng 4.0.4 src/watch.c): runs a command through `sh -c` every interval (-n, at least
 * 0.1 s) and shows its output (stdout and stderr both) under a title line until Ctrl-C, which ends
 * watch with status 0 (die → do_exit(EXIT_SUCCESS)). The title (output_header): "Every %.1fs: "
 * and the command at the left, "%s: %s" of the hostname and ctime() at the right edge, a blank
 * line, then the output. curses draws it on the terminal's alternate screen (xterm's smcup
 * \e[?1049h), each frame from the top of a cleared screen, and endwin returns to the normal
 * screen. Options -b -c -C -d -e -g -q -p -r -w are taken; only -n, -t and -x change what is shown.
 */
import type { ExecResult } from '../../api.ts';
import { getopt, type LongOpt } from '../getopt.ts';
import { quoteArgv } from '../line.ts';
import type { SimCommand } from '../types.ts';

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
function ctime(ms: number): string {
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

export const watch: SimCommand = {
  name: 'watch',
  async run(args, env) {
    const p = getopt(args, '+bCced::ghq:n:prtwvx', LONGS);
    if (!p.ok) return R('', `watch: ${p.error}\n${USAGE}`, 1);
    let interval = Number(env.env.get('WATCH_INTERVAL') ?? 2);
    let title = true;
    let exec = false;
    for (const [k, v] of p.opts) {
      if (k === 'h') return R(USAGE, '', 0);
      if (k === 'v') return R('watch from procps-ng 4.0.4\n', '', 0);
      if (k === 't') title = false;
      else if (k === 'x') exec = true;
      else if (k === 'n') {
        // strtod_nol_or_err (include/strutils.h): "failed to parse argument: 'x'", exit 1.
        const n = Number(v);
        if (v === undefined || v.trim() === '' || !Number.isFinite(n)) return R('', `watch: failed to parse argument: '${v}'\n`, 1);
        interval = n;
      }
    }
    interval = Math.min(Math.max(interval, 0.1), 4294967295);
    if (!p.operands.length) return R('', USAGE, 1);
    const command = p.operands.join(' ');
    const line = exec ? quoteArgv(p.operands) : command;
    const frame = async () => {
      const r = await env.exec(line, { capture: true });
      const head = title ? `${header(command, interval, env.session.hostname, env.host.clock.nowMs, env.columns)}\n\n` : '';
      return head + r.stdout + r.stderr;
    };
    if (!env.stream) {
      // No terminal to draw on here: the frames go nowhere anyone sees until Ctrl-C (or the line's time bound).
      let last = await frame();
      // In virtual time nothing can press Ctrl-C: the wait ends at the line's time bound, as `sleep infinity` does.
      if (env.host.clock.mode === 'virtual') await env.host.waitUntil(() => false, undefined, env.signal);
      else while ((await env.host.waitUntil(() => false, Math.round(interval * 1000), env.signal)) !== 'aborted' && !env.signal?.aborted) last = await frame();
      return R(last, '', 0);
    }
    env.stream({ stream: 'stdout', text: '\x1b[?1049h' });
    for (;;) {
      env.stream({ stream: 'stdout', text: `\x1b[H\x1b[2J${await frame()}` });
      const outcome = await env.host.waitUntil(() => false, Math.round(interval * 1000), env.signal);
      if (outcome === 'aborted' || env.signal?.aborted) break;
    }
    env.stream({ stream: 'stdout', text: '\x1b[?1049l' });
    return R('', '', 0);
  },
};
