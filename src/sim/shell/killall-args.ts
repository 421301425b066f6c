/**
 * killall's command line (psmisc 23.7 src/killall.c main, src/signals.c; see commands/killall.ts for the source):
 * getopt_long_only with "egy:o:ilqrs:u:vwZ:VIn:" and opterr 0, the '?' words read as signals, the usage and version.
 */
import type { ExecResult } from '../api.ts';
import { SIGNALS } from '../kernel/signals.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/**
 * glibc 2.39's numeric SIG defines on x86-64, by number (bits/signum-generic.h, bits/signum-arch.h): the kernel's
 * names, but POLL for 29 (SIGIO is `#define SIGIO SIGPOLL`, not a number, so signames.h's sed skips it).
 */
export const NAMES = Object.keys(SIGNALS).map((n) => (n === 'IO' ? 'POLL' : n));

/** signals.c list_signals. */
export function listSignals(): string {
  let out = '';
  let col = 0;
  for (const name of NAMES) {
    if (col + name.length + 1 > 80) {
      out += '\n';
      col = 0;
    }
    out += `${col ? ' ' : ''}${name}`;
    col += name.length + 1;
  }
  return `${out}\n`;
}

const USAGE =
  'Usage: killall [OPTION]... [--] NAME...\n       killall -l, --list\n       killall -V, --version\n\n' +
  '  -e,--exact          require exact match for very long names\n  -I,--ignore-case    case insensitive process name match\n' +
  '  -g,--process-group  kill process group instead of process\n  -y,--younger-than   kill processes younger than TIME\n' +
  '  -o,--older-than     kill processes older than TIME\n  -i,--interactive    ask for confirmation before killing\n' +
  "  -l,--list           list all known signal names\n  -q,--quiet          don't print complaints\n" +
  '  -r,--regexp         interpret NAME as an extended regular expression\n  -s,--signal SIGNAL  send this signal instead of SIGTERM\n' +
  '  -u,--user USER      kill only process(es) running as USER\n  -v,--verbose        report if the signal was successfully sent\n' +
  '  -V,--version        display version information\n  -w,--wait           wait for processes to die\n' +
  '  -n,--ns PID         match processes that belong to the same namespaces\n                      as PID\n' +
  '  -Z,--context REGEXP kill only process(es) having context\n                      (must precede other arguments)\n\n';

const VERSION =
  'killall (PSmisc) 23.7\nCopyright (C) 1993-2024 Werner Almesberger and Craig Small\n\nPSmisc comes with ABSOLUTELY NO WARRANTY.\n' +
  'This is free software, and you are welcome to redistribute it under\nthe terms of the GNU General Public License.\n' +
  'For more information about these matters, see the files named COPYING.\n';

/** The long options (main's options[]), with whether each takes a value. */
const LONGS: [string, string, boolean][] = [
  ['exact', 'e', false],
  ['ignore-case', 'I', false],
  ['process-group', 'g', false],
  ['younger-than', 'y', true],
  ['older-than', 'o', true],
  ['interactive', 'i', false],
  ['list-signals', 'l', false],
  ['quiet', 'q', false],
  ['regexp', 'r', false],
  ['signal', 's', true],
  ['user', 'u', true],
  ['verbose', 'v', false],
  ['wait', 'w', false],
  ['ns', 'n', true],
  ['context', 'Z', true],
  ['version', 'V', false],
];
const SHORT = 'egy:o:ilqrs:u:vwZ:VIn:';
const takesValue = (c: string) => SHORT[SHORT.indexOf(c) + 1] === ':';

class Exit {
  constructor(readonly result: ExecResult) {}
}

/** get_signal: atoi of a leading digit, else a name (SIG optional) from the list. */
function getSignal(name: string): number {
  if (/^\d/.test(name)) return Number.parseInt(name, 10);
  const bare = name.startsWith('SIG') ? name.slice(3) : name;
  const i = NAMES.indexOf(bare);
  if (i < 0) throw new Exit(R('', `${bare}: unknown signal; killall -l lists signals.\n`, 1));
  return i + 1;
}

/** parse_time_units: a number and one unit letter, in seconds; -1 when malformed. */
function timeUnits(text: string): number {
  const m = /^\s*([+-]?\d+)(.)/.exec(text);
  if (!m) return -1;
  const units: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800, M: 2419200, y: 29030400 };
  return units[m[2] as string] === undefined ? -1 : Number(m[1]) * (units[m[2] as string] as number);
}

export interface Opts {
  sig: number;
  exact: boolean;
  ignoreCase: boolean;
  group: boolean;
  younger: number;
  older: number;
  interactive: boolean;
  quiet: boolean;
  regexp: boolean;
  user?: string;
  verbose: boolean;
  wait: boolean;
  nsPid?: number;
  context?: RegExp;
  names: string[];
}

/** main's option loop (getopt_long_only, opterr 0, operands permuted to the end). */
function parseOrThrow(args: string[]): Opts | ExecResult {
  const o: Opts = {
    sig: 15,
    exact: false,
    ignoreCase: false,
    group: false,
    younger: 0,
    older: 0,
    interactive: false,
    quiet: false,
    regexp: false,
    verbose: false,
    wait: false,
    names: [],
  };
  const usage = (msg?: string) => new Exit(R('', `${msg ? `${msg}\n` : ''}${USAGE}`, 1));
  const option = (c: string, value: string | undefined, word: string): ExecResult | undefined => {
    switch (c) {
      case 'e':
        o.exact = true;
        break;
      case 'g':
        o.group = true;
        break;
      case 'y':
        if ((o.younger = timeUnits(value!)) <= 0) throw usage('Invalid time format');
        break;
      case 'o':
        if ((o.older = timeUnits(value!)) <= 0) throw usage('Invalid time format');
        break;
      case 'i':
        o.interactive = true;
        break;
      case 'l':
        return R(listSignals());
      case 'q':
        o.quiet = true;
        break;
      case 'r':
        o.regexp = true;
        break;
      case 's':
        o.sig = getSignal(value!);
        break;
      case 'u':
        o.user = value;
        break;
      case 'v':
        o.verbose = true;
        break;
      case 'w':
        o.wait = true;
        break;
      case 'n': {
        const m = /^\s*[+-]?\d+/.exec(value!);
        if (!m) throw usage('Invalid namespace PID');
        o.nsPid = Number(m[0]);
        break;
      }
      case 'Z':
        try {
          o.context = new RegExp(value!);
        } catch {
          throw new Exit(R('', `Bad regular expression: ${value}\n`, 1));
        }
        break;
      // -I and -V alone (or as --long) are options; as the start of a longer word they are a signal's name.
      case 'I':
        if (word === '-I' || word.startsWith('--')) o.ignoreCase = true;
        else o.sig = getSignal(word.slice(1));
        break;
      case 'V':
        if (word === '-V' || word.startsWith('--')) return R('', VERSION);
        o.sig = getSignal(word.slice(1));
        break;
    }
    return undefined;
  };
  // The '?' case: a word getopt rejected.
  const unknown = (word: string) => {
    if (word.startsWith('-ve')) {
      o.verbose = true;
      o.exact = true;
    } else if (/^-[A-Z]/.test(word)) o.sig = getSignal(word.slice(1));
    else if (/^-\d/.test(word)) o.sig = Number.parseInt(word.slice(1), 10);
    else throw usage();
  };
  if (!args.length) throw usage();
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as string;
    if (word === '--') {
      o.names.push(...args.slice(i + 1));
      break;
    }
    if (!word.startsWith('-') || word === '-') {
      o.names.push(word);
      continue;
    }
    const dashes = word.startsWith('--') ? 2 : 1;
    const body = word.slice(dashes);
    // A long option: `--name`, or (long_only) `-name` unless it is one known short letter.
    if (dashes === 2 || body.length > 1 || !SHORT.includes(body)) {
      const [name, value] = body.split(/=(.*)/s) as [string, string | undefined];
      const hits = LONGS.filter(([n]) => n.startsWith(name));
      const hit = LONGS.find(([n]) => n === name) ?? (hits.length === 1 ? hits[0] : undefined);
      if (hit) {
        let v = value;
        if (hit[2] && v === undefined) {
          if (i + 1 >= args.length) {
            unknown(word);
            continue;
          }
          v = args[++i];
        }
        const done = option(hit[1], v, word);
        if (done) return done;
        continue;
      }
      // No long option: a word whose first letter is no short option is one '?'; else short options follow.
      if (dashes === 2 || hits.length > 1 || !SHORT.includes(body[0] as string)) {
        unknown(word);
        continue;
      }
    }
    for (let j = 0; j < body.length; j++) {
      const c = body[j] as string;
      if (!SHORT.includes(c) || c === ':') {
        unknown(word);
        break;
      }
      let value: string | undefined;
      if (takesValue(c)) {
        value = body.slice(j + 1) || args[i + 1];
        if (value === undefined) {
          unknown(word);
          break;
        }
        if (!body.slice(j + 1)) i++;
        j = body.length;
      }
      const done = option(c, value, word);
      if (done) return done;
      if (c === 'I' || c === 'V') break;
    }
  }
  if (!o.names.length && o.user === undefined && !o.context) throw usage();
  if (o.names.length > 64) throw new Exit(R('', 'killall: Maximum number of names is 64\n', 1));
  return o;
}

/** The options, or what killall prints and its status when it stops at the command line. */
export function parseKillall(args: string[]): Opts | ExecResult {
  try {
    return parseOrThrow(args);
  } catch (e) {
    if (e instanceof Exit) return e.result;
    throw e;
  }
}
