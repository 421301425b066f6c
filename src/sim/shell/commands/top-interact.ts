/**
 * top's keys at the terminal, as do_key gives them to key_tab's tables (procps-ng@v4.0.4:src/top/top.c):
 * keys_global (h/? help_view, d/s the delay, k kill), keys_summary (1 one row per CPU, l the load average
 * line), keys_task (c, i idle tasks, u/U the user filter, R), keys_xtra (M N P T sorts). Prompts are
 * show_pmt's (the message row, the prompt in bold, the cursor shown: cvvis) and read a line as ioline
 * does (echoed, erase takes back a character, Esc abandons); errors are show_msg's (top-keys.ts).
 * keys_summary's t and m cycle the task/CPU and memory lines through figures, bars, blocks and off (top-graphs.ts);
 * W writes the rc file (top-rc.ts). Not simulated (taken, changing nothing): x/y/z/b's highlights and colours (the
 * frames carry no attributes at all: top.ts draws them as batch mode does), f, o/O, L, V, the windows (A, a, w, g,
 * G, -, _, =, +) and r.
 */
import type { CmdEnv } from '../types.ts';
import { MSG_MS, messageRow, topKey, UNKNOWN_COMMAND } from './top-keys.ts';
import { FIELDS, type TopOpts } from './top.ts';
import { writeRc } from './top-rc.ts';
import { accounts } from '../users.ts';

/** xterm-256color (ncurses 6.4): bold, sgr0 (Caps_off, as top-keys.ts has it), cvvis (Cap_curs_huge), el. */
const BOLD = '\x1b[1m';
const OFF = '\x1b(B\x1b[m';
const CVVIS = '\x1b[?12;25h';
const EL = '\x1b[K';

/** What a key needs: the keys pressed, the screen, the row under the summary and the first task's PID. */
interface TopTerm {
  env: CmdEnv;
  o: TopOpts;
  keys: string[];
  put: (text: string) => void;
  msgRow: () => number;
  firstPid: () => number;
}

async function nextKey(t: TopTerm): Promise<string | undefined> {
  if (!t.keys.length && (await t.env.host.waitUntil(() => t.keys.length > 0, undefined, t.env.signal)) !== 'done') return undefined;
  return t.keys.shift();
}

/** show_msg: the message for MSG_USLEEP, then the next frame. */
async function showMsg(t: TopTerm, text: string): Promise<void> {
  t.put(messageRow(text, t.env.columns, t.msgRow()));
  await t.env.host.waitUntil(() => false, MSG_MS, t.env.signal);
}

/** ioline(): show_pmt's prompt, then what is typed until Enter; '\x1b' when abandoned (Esc or no key). */
async function ioline(t: TopTerm, prompt: string): Promise<string> {
  t.put(`\x1b[${t.msgRow()};1H${BOLD}${prompt.slice(0, t.env.columns - 2)} ${CVVIS}${OFF}${EL}`);
  let line = '';
  for (;;) {
    const k = await nextKey(t);
    if (k === undefined || k === '\x1b') return '\x1b';
    if (k === '\r' || k === '\n') return line;
    if (k === '\x7f' || k === '\b') {
      if (line) t.put('\b \b');
      line = line.slice(0, -1);
    } else if (k.length === 1 && k >= ' ') {
      line += k;
      t.put(k);
    }
  }
}

/** mkfloat: a number as strtof takes it, whole unless `whole` is false; undefined when it is not one. */
function mkfloat(text: string, whole: boolean): number | undefined {
  const t = text.trim();
  if (!(whole ? /^[-+]?\d+$/ : /^[-+]?(\d+\.?\d*|\.\d+)$/).test(t)) return undefined;
  return Number(t);
}

/** signal_name_to_number (procps-ng library/misc): a number, or a name with or without SIG, any case; -1 when none. */
function signalNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const names = ['HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM'];
  const name = text.toUpperCase().replace(/^SIG/, '');
  const extra: Record<string, number> = { IOT: 6, STKFLT: 16, CHLD: 17, CLD: 17, CONT: 18, STOP: 19, TSTP: 20, TTIN: 21, TTOU: 22 };
  const i = names.indexOf(name);
  return i >= 0 ? i + 1 : (extra[name] ?? -1);
}

/** The keys pressed since the last frame, in order (do_key for each); true when one was `q`. */
export async function takeKeys(t: TopTerm): Promise<boolean> {
  const { o, env } = t;
  for (let key = t.keys.shift(); key !== undefined; key = t.keys.shift()) {
    if (env.signal?.aborted) return false;
    const k = topKey(key);
    if (k.kind === 'quit') return true;
    if (k.kind === 'sort') o.sort = k.field;
    else if (k.kind === 'reverse') o.reverse = !o.reverse;
    else if (k.kind === 'cmdline') o.cmdline = !o.cmdline;
    else if (k.kind === 'unknown') await showMsg(t, UNKNOWN_COMMAND);
    else if (key === 'h' || key === '?') {
      if (await helpView(t)) return false;
    } else if (key === 'd' || key === 's') {
      // get_float: blank keeps the delay, a negative or non-number is "Unacceptable floating point".
      const line = await ioline(t, `Change delay from ${o.delay.toFixed(1)} to`);
      if (line !== '\x1b' && line !== '') {
        const n = mkfloat(line, false);
        if (n === undefined || n < 0) await showMsg(t, 'Unacceptable floating point');
        else o.delay = n;
      }
    } else if (key === 'k') await killKey(t);
    else if (key === 'u' || key === 'U') {
      // user_certify: blank shows every user again; a number is a uid, else a name (getpwnam), else "Invalid user".
      const line = await ioline(t, 'Which user (blank for all)');
      if (line === '\x1b') continue;
      if (line === '') o.uid = undefined;
      else {
        const named = (await accounts(env)).find((u) => u.name === line);
        const uid = /^\d+$/.test(line) ? Number(line) : named?.uid;
        if (uid === undefined) await showMsg(t, 'Invalid user');
        else {
          o.uid = uid;
          o.anyUid = key === 'U';
        }
      }
    } else if (key === 'i') o.idle = !o.idle;
    else if (key === '1') o.perCpu = !o.perCpu;
    else if (key === 'l') o.showLoad = !o.showLoad;
    else if (key === 't' || key === 'm') {
      // keys_summary: on again when off; else the next graph mode (0 figures, 1 bars, 2 blocks), then off.
      const [on, graph] = key === 't' ? (['states', 'graphCpus'] as const) : (['memory', 'graphMems'] as const);
      if (!o[on]) o[on] = true;
      else if (++o[graph] > 2) {
        o[graph] = 0;
        o[on] = false;
      }
    } else if (key === 'W') await showMsg(t, await writeRc(env, o, Math.max(0, FIELDS.indexOf(o.sort))));
  }
  return false;
}

/** keys_global 'k': the PID (default: the first task shown), then the signal (default SIGTERM), then kill(2). */
async function killKey(t: TopTerm): Promise<void> {
  const def = t.firstPid();
  const line = await ioline(t, `PID to signal/kill [default pid = ${def}]`);
  if (line === '\x1b') return;
  let pid = def;
  if (line !== '') {
    const n = mkfloat(line, true);
    if (n === undefined) return showMsg(t, 'Unacceptable integer');
    pid = Math.trunc(n);
  }
  const sig = await ioline(t, `Send pid ${pid} signal [15/sigterm]`);
  if (sig === '\x1b') return;
  const num = sig === '' ? 15 : signalNumber(sig);
  if (num < 0) return showMsg(t, 'Invalid signal');
  if (num === 0) return;
  // kill(2) through the shell's kill: its error names the failure as strerror does.
  const r = await t.env.exec(`kill -${num} ${pid}`, { capture: true });
  if (r.exitCode) {
    const why = /not permitted/.test(r.stderr) ? 'Operation not permitted' : /No such process/.test(r.stderr) ? 'No such process' : 'Invalid argument';
    await showMsg(t, `Failed signal pid '${pid}' with '${num}': ${why}`);
  }
}

/**
 * help_view: KEYS_helpbas_fmt with show_special's marks (~1 normal, ~2 bold, ~3 the summary colour, none
 * without colours, ~4 and ~6 reverse, ~5 bold: captab with colours off), each line cut to the screen and
 * cleared to its end; q or Esc goes back, h, ? or H shows WINDOWS_help_fmt until Enter, Esc or q, another key
 * draws the help again. True when Ctrl-C came while it waited.
 */
async function helpView(t: TopTerm): Promise<boolean> {
  const { o, env } = t;
  const basic = `Help for Interactive Commands~2 - procps-ng 4.0.4\nWindow ~11:Def~6: ~1Cumulative mode ~3Off~2.  ~1System~6: ~1Delay ~3${o.delay.toFixed(1)} secs~2; ~1Secure mode ~3Off~2.\n\n${HELP_BODY}`;
  t.put(CVVIS);
  for (;;) {
    t.put(`\x1b[H\x1b[2J${special(basic, env.columns)}\x1b[J`);
    const k = await nextKey(t);
    if (k === undefined) return true;
    if (k === 'q' || k === '\x1b') return false;
    if (k === 'h' || k === '?' || k === 'H') {
      for (;;) {
        t.put(`\x1b[H\x1b[2J${special(WINDOWS_HELP, env.columns)}\x1b[J`);
        const w = await nextKey(t);
        if (w === undefined) return true;
        if (w === '\r' || w === '\n' || w === '\x1b' || w === 'q') return false;
      }
    }
  }
}

/** show_special: each piece before a ~N mark drawn with captab[N] and Caps_off; a last line without \n as it is. */
function special(glob: string, columns: number): string {
  // captab with colours off: Cap_norm, Cap_norm, cap_bold, capclr_sum, capclr_msg, capclr_pmt, capclr_hdr, the rows' two.
  const cap = [OFF, OFF, BOLD, '', '\x1b[7m', BOLD, '\x1b[7m', '', ''];
  const lines = glob.split('\n');
  const last = lines.pop() ?? '';
  let out = '';
  for (const line of lines) {
    let room = columns;
    let row = '';
    for (const m of line.matchAll(/([^~]*)(~([1-8])|$)/g)) {
      if (!m[0]) break;
      if (room <= 0) break;
      row += `${cap[Number(m[3] ?? 0)]}${(m[1] ?? '').slice(0, room)}${OFF}`;
      room -= (m[1] ?? '').length;
    }
    out += `${row}${EL}\n`;
  }
  return out + last.slice(0, columns - 1);
}

/** top_nls.c KEYS_helpbas_fmt after its first two lines, KEYS_helpext_fmt in its %s (not secure mode). */
const HELP_BODY = `  Z~5,~1B~5,E,e   Global: '~1Z~2' colors; '~1B~2' bold; '~1E~2'/'~1e~2' summary/task memory scale
  l,t,m,I,0 Toggle: '~1l~2' load avg; '~1t~2' task/cpu; '~1m~2' memory; '~1I~2' Irix; '~10~2' zeros
  1,2,3,4,5 Toggle: '~11~2/~12~2/~13~2' cpu/numa views; '~14~2' cpus abreast; '~15~2' P/E-cores
  f,X       Fields: '~1f~2' add/remove/order/sort; '~1X~2' increase fixed-width fields

  L,&,<,> . Locate: '~1L~2'/'~1&~2' find/again; Move sort column: '~1<~2'/'~1>~2' left/right
  R,H,J,C . Toggle: '~1R~2' Sort; '~1H~2' Threads; '~1J~2' Num justify; '~1C~2' Coordinates
  c,i,S,j . Toggle: '~1c~2' Cmd name/line; '~1i~2' Idle; '~1S~2' Time; '~1j~2' Str justify
  x~5,~1y~5     . Toggle highlights: '~1x~2' sort field; '~1y~2' running tasks
  z~5,~1b~5     . Toggle: '~1z~2' color/mono; '~1b~2' bold/reverse (only if 'x' or 'y')
  u,U,o,O . Filter by: '~1u~2'/'~1U~2' effective/any user; '~1o~2'/'~1O~2' other criteria
  n,#,^O  . Set: '~1n~2'/'~1#~2' max tasks displayed; Show: ~1Ctrl~2+'~1O~2' other filter(s)
  V,v,F   . Toggle: '~1V~2' forest view; '~1v~2' hide/show children; '~1F~2' keep focused

  d,k,r,^R '~1d~2' set delay; '~1k~2' kill; '~1r~2' renice; ~1Ctrl~2+'~1R~2' renice autogroup
  ^G,K,N,U  View: ctl groups ~1^G~2; cmdline ~1^K~2; environment ~1^N~2; supp groups ~1^U~2
  Y,!,^E,P  Inspect '~1Y~2'; Combine Cpus '~1!~2'; Scale time ~1^E~2; View namespaces ~1^P~2
  W,q       Write config file '~1W~2'; Quit '~1q~2'
          ( commands shown with '.' require a ~1visible~2 task display ~1window~2 ) 
Press '~1h~2' or '~1?~2' for help with ~1Windows~2,
Type 'q' or <Esc> to continue `;

/** top_nls.c WINDOWS_help_fmt, the window and group names of the default windows. */
const WINDOWS_HELP = `Help for Windows / Field Groups~2 - "Current Window" = ~1 1:Def ~6

. Use multiple ~1windows~2, each with separate config opts (color,fields,sort,etc)
. The 'current' window controls the ~1Summary Area~2 and responds to your ~1Commands~2
  . that window's ~1task display~2 can be turned ~1Off~2 & ~1On~2, growing/shrinking others
  . with ~1NO~2 task display, some commands will be ~1disabled~2 ('i','R','n','c', etc)
    until a ~1different window~2 has been activated, making it the 'current' window
. You ~1change~2 the 'current' window by: ~1 1~2) cycling forward/backward;~1 2~2) choosing
  a specific field group; or~1 3~2) exiting the color mapping or fields screens
. Commands ~1available anytime   -------------~2
    A       . Alternate display mode toggle, show ~1Single~2 / ~1Multiple~2 windows
    g       . Choose another field group and make it 'current', or change now
              by selecting a number from: ~1 1~2 =Def;~1 2~2 =Job;~1 3~2 =Mem; or~1 4~2 =Usr
. Commands ~1requiring~2 '~1A~2' mode~1  -------------~2
    G       . Change the ~1Name~5 of the 'current' window/field group
 ~1*~4  a , w   . Cycle through all four windows:  '~1a~5' Forward; '~1w~5' Backward
 ~1*~4  - , _   . Show/Hide:  '~1-~5' ~1Current~2 window; '~1_~5' all ~1Visible~2/~1Invisible~2
  The screen will be divided evenly between task displays.  But you can make
  some ~1larger~2 or ~1smaller~2, using '~1n~2' and '~1i~2' commands.  Then later you could:
 ~1*~4  = , +   . Rebalance tasks:  '~1=~5' ~1Current~2 window; '~1+~5' ~1Every~2 window
              (this also forces the ~1current~2 or ~1every~2 window to become visible)

In '~1A~2' mode, '~1*~4' keys are your ~1essential~2 commands.  Please try the '~1a~2' and '~1w~2'
commands plus the 'g' sub-commands NOW.  Press <Enter> to make 'Current' `;
