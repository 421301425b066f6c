/**
 * date: GNU coreutils 9.4 on node1 and in Debian images (coreutils@v9.4:src/date.c), busybox 1.36
 * in alpine (busybox@1_36_1:coreutils/date.c, libbb/time.c parse_datestr). Reads and sets the
 * simulator's one clock; every zone is UTC. Formats through kit/strftime.ts.
 */
import type { ExecResult } from '../../api.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import { strftime } from '../kit/strftime.ts';
import { q } from '../quote.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { DATE_BB_USAGE as BB_USAGE } from './usage.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

// coreutils@v9.4:src/date.c main(): the default format, -R, -I and --rfc-3339 formats.
const GNU_DEFAULT = '%a %b %e %H:%M:%S %Z %Y';
const RFC_EMAIL = '%a, %d %b %Y %H:%M:%S %z';
const ISO_8601: Record<string, string> = {
  hours: '%Y-%m-%dT%H%:z',
  minutes: '%Y-%m-%dT%H:%M%:z',
  date: '%Y-%m-%d',
  seconds: '%Y-%m-%dT%H:%M:%S%:z',
  ns: '%Y-%m-%dT%H:%M:%S,%N%:z',
};
const RFC_3339: Record<string, string> = { date: '%Y-%m-%d', seconds: '%Y-%m-%d %H:%M:%S%:z', ns: '%Y-%m-%d %H:%M:%S.%N%:z' };
// busybox@1_36_1:coreutils/date.c: -I[SPEC] (isoformats, "+hh:mm" made from %z), -R and the default.
const BB_ISO: Record<string, string> = { date: '%Y-%m-%d', hours: '%Y-%m-%dT%H+00:00', minutes: '%Y-%m-%dT%H:%M+00:00', seconds: '%Y-%m-%dT%H:%M:%S+00:00' };
const TRY = "Try 'date --help' for more information.\n";

const DAY = 86_400_000;
const UNIT_MS: Record<string, number> = { sec: 1000, second: 1000, min: 60_000, minute: 60_000, hour: 3_600_000, day: DAY, week: 7 * DAY, fortnight: 14 * DAY };

/** A useful part of gnulib's parse_datetime: @N, ISO dates and times, today/yesterday/tomorrow, relative items. */
export function parseGnuDate(s: string, nowMs: number): number | undefined {
  let rest = s.trim().toLowerCase();
  if (/^@-?\d+(\.\d+)?$/.test(rest)) return Math.floor(Number(rest.slice(1)) * 1000);
  const today = Math.floor(nowMs / DAY) * DAY;
  let base = nowMs;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(z|utc|[+-]\d{2}:?\d{2})?/.exec(rest);
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(z|utc)?/.exec(rest);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', se = '0', zone] = iso;
    if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(se) > 59) return undefined;
    base = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se));
    if (zone && /^[+-]/.test(zone)) base -= (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2))) * 60_000;
    rest = rest.slice(iso[0].length).trim();
  } else if (time) {
    if (Number(time[1]) > 23 || Number(time[2]) > 59 || Number(time[3] ?? 0) > 59) return undefined;
    base = today + (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) * 1000;
    rest = rest.slice(time[0].length).trim();
  }
  const words: Record<string, number> = { now: 0, today: 0, yesterday: -DAY, tomorrow: DAY };
  let m: RegExpExecArray | null;
  while (rest) {
    if ((m = /^(now|today|yesterday|tomorrow)\b\s*/.exec(rest))) {
      base += words[m[1]!]!;
    } else if (
      (m = /^([+-]?\s*\d+)?\s*(next|last)?\s*(sec|second|min|minute|hour|day|week|fortnight|month|year)s?\b\s*(ago\b)?\s*/.exec(rest)) &&
      (m[1] || m[2] || m[3])
    ) {
      let n = m[1] ? Number(m[1].replace(/\s/g, '')) : m[2] === 'last' ? -1 : 1;
      if (m[4]) n = -n;
      const unit = m[3]!;
      if (unit === 'month' || unit === 'year') {
        const d = new Date(base);
        if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + n);
        else d.setUTCFullYear(d.getUTCFullYear() + n);
        base = d.getTime();
      } else base += n * UNIT_MS[unit]!;
    } else return undefined;
    rest = rest.slice(m[0].length);
  }
  return base;
}

/** busybox@1_36_1:libbb/time.c parse_datestr: @N, hh:mm[:ss], [YYYY.]MM.DD-hh:mm[:ss], YYYY-MM-DD [hh:mm[:ss]]. */
function parseBusyboxDate(s: string, nowMs: number): number | undefined {
  const now = new Date(nowMs);
  if (/^@-?\d+$/.test(s)) return Number(s.slice(1)) * 1000;
  let m = /^(\d+):(\d+)(?::(\d+))?$/.exec(s);
  if (m) return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), Number(m[1]), Number(m[2]), Number(m[3] ?? 0));
  m = /^(?:(\d+)\.)?(\d+)\.(\d+)-(\d+):(\d+)(?::(\d+))?$/.exec(s) ?? /^(\d+)-(\d+)-(\d+)(?: (\d+)(?::(\d+)(?::(\d+))?)?)?$/.exec(s);
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', se = '0'] = m;
    if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(se) > 60) return undefined;
    return Date.UTC(y ? Number(y) : now.getUTCFullYear(), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se));
  }
  return undefined;
}

/** The reference file's mtime, or the error `date` prints. */
async function mtimeOf(env: CmdEnv, file: string): Promise<number | string> {
  try {
    const st = await env.fs.stat(env.fs.resolvePath(env.cwd, file));
    return st.mtime.getTime();
  } catch {
    return env.flavor === 'busybox' ? `date: can't stat '${file}': No such file or directory\n` : `date: ${file}: No such file or directory\n`;
  }
}

/** Sets the clock (with CAP_SYS_TIME) and prints `when` as date does. */
function setAndShow(env: CmdEnv, when: number, out: string): ExecResult {
  if (!hasCap(env.self.caps, 'sys_time')) {
    // busybox: bb_simple_perror_msg("can't set date") and exit 0; coreutils: error (0, errno, "cannot set date"), exit 1.
    // Both print the error first, then the date (busybox@1_36_1:coreutils/date.c, coreutils-9.4:src/date.c main).
    const err = env.flavor === 'busybox' ? "date: can't set date: Operation not permitted\n" : 'date: cannot set date: Operation not permitted\n';
    return {
      ...R(out, err, env.flavor === 'busybox' ? 0 : 1),
      output: [
        { stream: 'stderr', text: err },
        { stream: 'stdout', text: out },
      ],
    };
  }
  env.host.clock.nowMs = when;
  return R(out);
}

async function gnuDate(args: string[], env: CmdEnv): Promise<ExecResult> {
  const bad = (msg: string) => R('', `date: ${msg}\n${TRY}`, 1);
  let format: string | undefined;
  let dateStr: string | undefined;
  let setStr: string | undefined;
  let reference: string | undefined;
  const operands: string[] = [];
  const setFormat = (f: string): ExecResult | undefined => {
    if (format !== undefined) return R('', 'date: multiple output formats specified\n', 1);
    format = f;
    return undefined;
  };
  const specArg = (v: string, table: Record<string, string>, ctx: string, order: string[]): string | ExecResult => {
    const hits = order.filter((k) => k.startsWith(v));
    const key = order.includes(v) ? v : hits.length === 1 ? hits[0] : undefined;
    if (key) return table[key]!;
    // gnulib argmatch_invalid + argmatch_valid (lib/argmatch.c), then usage (EXIT_FAILURE).
    return R(
      '',
      `date: ${hits.length ? 'ambiguous' : 'invalid'} argument ${q(env, v)} for ${q(env, ctx)}\nValid arguments are:\n${order.map((k) => `  - ${q(env, k)}\n`).join('')}${TRY}`,
      1,
    );
  };
  const LONG = ['date', 'file', 'iso-8601', 'reference', 'rfc-email', 'rfc-822', 'rfc-2822', 'rfc-3339', 'set', 'utc', 'universal', 'debug', 'resolution'];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name0, val0] = a.slice(2).includes('=') ? [a.slice(2, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a.slice(2), undefined];
      const exact = LONG.includes(name0);
      const hits = LONG.filter((l) => l.startsWith(name0));
      const name = exact ? name0 : hits.length === 1 ? hits[0]! : undefined;
      if (!name) return bad(hits.length > 1 ? `option '${a.split('=')[0]}' is ambiguous` : `unrecognized option '${a}'`);
      const needs = ['date', 'file', 'reference', 'rfc-3339', 'set'].includes(name);
      let val = val0;
      if (needs && val === undefined) {
        if (i + 1 >= args.length) return bad(`option '--${name}' requires an argument`);
        val = args[++i];
      }
      if (!needs && name !== 'iso-8601' && val !== undefined) return bad(`option '--${name}' doesn't allow an argument`);
      let r: string | ExecResult | undefined;
      if (name === 'date') dateStr = val;
      else if (name === 'set') setStr = val;
      else if (name === 'reference' || name === 'file') reference = val;
      else if (name === 'rfc-email' || name === 'rfc-822' || name === 'rfc-2822') r = setFormat(RFC_EMAIL);
      else if (name === 'iso-8601') r = specArg(val ?? 'date', ISO_8601, '--iso-8601', ['hours', 'minutes', 'date', 'seconds', 'ns']);
      else if (name === 'rfc-3339') r = specArg(val!, RFC_3339, '--rfc-3339', ['date', 'seconds', 'ns']);
      if (typeof r === 'string') r = setFormat(r);
      if (r) return r;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if ('dfrs'.includes(c)) {
          const val = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (val === undefined) return bad(`option requires an argument -- '${c}'`);
          if (c === 'd') dateStr = val;
          else if (c === 's') setStr = val;
          else reference = val;
          break;
        }
        if (c === 'I') {
          let r: string | ExecResult = specArg(j + 1 < a.length ? a.slice(j + 1) : 'date', ISO_8601, '--iso-8601', [
            'hours',
            'minutes',
            'date',
            'seconds',
            'ns',
          ]);
          if (typeof r === 'string') r = setFormat(r) ?? R('');
          if (r.exitCode) return r;
          break;
        }
        if (c === 'R') {
          const r = setFormat(RFC_EMAIL);
          if (r) return r;
        } else if (c !== 'u') return bad(`invalid option -- '${c}'`);
      }
      continue;
    }
    operands.push(a);
  }
  if (operands.length > 1) return bad(`extra operand ${q(env, operands[1]!)}`);
  const specified = Number(dateStr !== undefined) + Number(reference !== undefined);
  if (specified > 1) return bad('the options to specify dates for printing are mutually exclusive');
  if (setStr !== undefined && specified) return bad('the options to print and set the time may not be used together');
  let operand: string | undefined = operands[0];
  if (operand?.startsWith('+')) {
    const r = setFormat(operand.slice(1));
    if (r) return r;
    operand = undefined;
  } else if (operand !== undefined && (setStr !== undefined || specified))
    return bad(
      `the argument ${q(env, operand)} lacks a leading '+';\nwhen using an option to specify date(s), any non-option\nargument must be a format string beginning with '+'`,
    );
  const fmt = format ?? GNU_DEFAULT;
  const now = env.host.clock.nowMs;
  if (operand !== undefined) {
    // posixtime: MMDDhhmm[[CC]YY][.ss]
    const m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2}|\d{4})?(?:\.(\d{2}))?$/.exec(operand);
    const y = m?.[5] ? (m[5].length === 2 ? (Number(m[5]) < 69 ? 2000 : 1900) + Number(m[5]) : Number(m[5])) : new Date(now).getUTCFullYear();
    const when = m ? Date.UTC(y, Number(m[1]) - 1, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[6] ?? 0)) : NaN;
    if (!m || Number(m[1]) > 12 || Number(m[2]) > 31 || Number(m[3]) > 23 || Number(m[4]) > 59) return R('', `date: invalid date ${q(env, operand)}\n`, 1);
    return setAndShow(env, when, `${strftime(fmt, when)}\n`);
  }
  let when = now;
  if (reference !== undefined) {
    const t = await mtimeOf(env, reference);
    if (typeof t === 'string') return R('', t, 1);
    when = t;
  } else if (dateStr !== undefined || setStr !== undefined) {
    const s = (setStr ?? dateStr)!;
    const t = parseGnuDate(s, now);
    if (t === undefined) return R('', `date: invalid date ${q(env, s)}\n`, 1);
    when = t;
    if (setStr !== undefined) return setAndShow(env, when, `${strftime(fmt, when)}\n`);
  }
  return R(`${strftime(fmt, when)}\n`);
}

async function busyboxDate(args: string[], env: CmdEnv): Promise<ExecResult> {
  const usage = (msg: string) => R('', `date: ${msg}\n${BB_USAGE}`, 1);
  let dateStr: string | undefined;
  let set = false;
  let reference: string | undefined;
  let fmt: string | undefined;
  let iso: string | undefined;
  let rfc = false;
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const [name, val] = a.includes('=') ? [a.slice(2, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a.slice(2), undefined];
      const map: Record<string, string> = { 'rfc-822': 'R', 'rfc-2822': 'R', set: 's', utc: 'u', date: 'd', reference: 'r' };
      const c = map[name];
      if (!c) return usage(`unrecognized option: ${name}`);
      if ('sdr'.includes(c)) {
        const v = val ?? args[++i];
        if (v === undefined) return usage(`option requires an argument: ${name}`);
        if (c === 'r') reference = v;
        else {
          dateStr = v;
          set = c === 's';
        }
      } else if (c === 'R') {
        rfc = true;
        iso = undefined;
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if ('sdrD'.includes(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) return usage(`option requires an argument: ${c}`);
          if (c === 'r') reference = v;
          else if (c !== 'D') {
            dateStr = v;
            set = c === 's';
          }
          break;
        }
        if (c === 'I') {
          iso = j + 1 < a.length ? a.slice(j + 1) : 'date';
          rfc = false;
          break;
        }
        if (c === 'R') {
          rfc = true;
          iso = undefined;
        } else if (c !== 'u') return usage(`unrecognized option: ${c}`);
      }
      continue;
    }
    operands.push(a);
  }
  if (operands[0]?.startsWith('+')) fmt = operands.shift()!.slice(1);
  if (dateStr === undefined && operands.length) {
    dateStr = operands.shift();
    set = true;
  }
  if (operands.length) return R('', BB_USAGE, 1);
  if (iso !== undefined && !(iso in BB_ISO) && iso !== 'ns') return R('', BB_USAGE, 1);
  const now = env.host.clock.nowMs;
  let when = now;
  if (reference !== undefined) {
    const t = await mtimeOf(env, reference);
    if (typeof t === 'string') return R('', t, 1);
    when = Math.floor(t / 1000) * 1000;
  }
  if (dateStr !== undefined) {
    const t = parseBusyboxDate(dateStr, when);
    if (t === undefined) return R('', `date: invalid date '${dateStr}'\n`, 1);
    when = t;
  }
  let format =
    fmt ??
    (iso === 'ns'
      ? `%Y-%m-%dT%H:%M:%S,${String((when % 1000) * 1_000_000).padStart(9, '0')}+00:00`
      : iso !== undefined
        ? BB_ISO[iso]!
        : rfc
          ? RFC_EMAIL
          : GNU_DEFAULT);
  // busybox@1_36_1:coreutils/date.c: "%[nnn]N" is replaced by the nanoseconds before strftime.
  if (fmt !== undefined)
    format = format.replace(/%(%|(\d*)N)/g, (all, _x, n: string | undefined) =>
      n === undefined ? all : String(Math.floor(((when % 1000) * 1_000_000) / 10 ** (9 - (Number(n) || 9)))).padStart(Number(n) || 9, '0'),
    );
  const out = `${format === '' ? '' : strftime(format, when, 'musl')}\n`;
  return dateStr !== undefined && set ? setAndShow(env, when, out) : R(out);
}

export const date: SimCommand = {
  name: 'date',
  async run(args, env) {
    return env.flavor === 'busybox' ? busyboxDate(args, env) : gnuDate(args, env);
  },
};
