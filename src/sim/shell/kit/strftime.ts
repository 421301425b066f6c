/**
 * strftime in the C/POSIX locale, UTC (node1 and every image run with TZ unset, /etc/localtime UTC).
 * Two dialects:
 * - 'gnu': gnulib's nstrftime as GNU date uses it (coreutils@v9.4:src/date.c → gnulib lib/nstrftime.c):
 *   flags `_ - 0 ^ #`, a field width on every conversion, `%:z %::z %:::z`, `%N` with a precision,
 *   `%P %k %l %q %s`; an unknown conversion is copied as written.
 * - 'musl': musl 1.2's strftime under busybox date (busybox@1_36_1:coreutils/date.c handles `%[n]N`
 *   itself, then calls strftime): flags `_ - 0`, a width only on `%C %F %G %Y`; an unknown
 *   conversion ends the output there (musl returns 0 and busybox prints what the buffer holds).
 */
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export type Dialect = 'gnu' | 'musl';

/** ISO 8601 week-based year and week number of a UTC date. */
function isoWeek(d: Date): { year: number; week: number } {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const dow = (t.getUTCDay() + 6) % 7; // Monday = 0
  t.setUTCDate(t.getUTCDate() - dow + 3); // the Thursday of this week decides the year
  const year = t.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week = 1 + Math.round((t.getTime() - jan4.getTime()) / 86_400_000 / 7 - (((jan4.getUTCDay() + 6) % 7) - 3) / 7);
  return { year, week };
}

function yday(d: Date): number {
  return Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000);
}

type Conv = { kind: 'num'; value: number; width: number; pad: '0' | ' ' } | { kind: 'text'; value: string };

function convert(c: string, d: Date, ms: number, dialect: Dialect, colons: number, precision: number): Conv | undefined {
  const num = (value: number, width: number, pad: '0' | ' ' = '0'): Conv => ({ kind: 'num', value, width, pad });
  const text = (value: string): Conv => ({ kind: 'text', value });
  const h = d.getUTCHours();
  const sub = (f: string) => text(strftime(f, ms, dialect));
  switch (c) {
    case 'a':
      return text(DAYS[d.getUTCDay()]!.slice(0, 3));
    case 'A':
      return text(DAYS[d.getUTCDay()]!);
    case 'b':
    case 'h':
      return text(MONTHS[d.getUTCMonth()]!.slice(0, 3));
    case 'B':
      return text(MONTHS[d.getUTCMonth()]!);
    case 'c':
      return sub('%a %b %e %H:%M:%S %Y');
    case 'C':
      return num(Math.floor(d.getUTCFullYear() / 100), 2);
    case 'd':
      return num(d.getUTCDate(), 2);
    case 'D':
    case 'x':
      return sub('%m/%d/%y');
    case 'e':
      return num(d.getUTCDate(), 2, ' ');
    case 'F':
      return sub('%Y-%m-%d');
    case 'g':
      return num(isoWeek(d).year % 100, 2);
    case 'G':
      return num(isoWeek(d).year, 1);
    case 'H':
      return num(h, 2);
    case 'I':
      return num(h % 12 || 12, 2);
    case 'j':
      return num(yday(d) + 1, 3);
    case 'k':
      return dialect === 'gnu' ? num(h, 2, ' ') : undefined;
    case 'l':
      return dialect === 'gnu' ? num(h % 12 || 12, 2, ' ') : undefined;
    case 'm':
      return num(d.getUTCMonth() + 1, 2);
    case 'M':
      return num(d.getUTCMinutes(), 2);
    case 'n':
      return text('\n');
    case 'N': {
      if (dialect !== 'gnu') return undefined;
      const digits = String((ms % 1000) * 1_000_000).padStart(9, '0');
      return text(digits.slice(0, precision || 9).padEnd(precision || 9, '0'));
    }
    case 'p':
      return text(h < 12 ? 'AM' : 'PM');
    case 'P':
      return dialect === 'gnu' ? text(h < 12 ? 'am' : 'pm') : undefined;
    case 'q':
      return dialect === 'gnu' ? num(Math.floor(d.getUTCMonth() / 3) + 1, 1) : undefined;
    case 'r':
      return sub('%I:%M:%S %p');
    case 'R':
      return sub('%H:%M');
    case 's':
      return num(Math.floor(ms / 1000), 1);
    case 'S':
      return num(d.getUTCSeconds(), 2);
    case 't':
      return text('\t');
    case 'T':
    case 'X':
      return sub('%H:%M:%S');
    case 'u':
      return num(d.getUTCDay() || 7, 1);
    case 'U':
      return num(Math.floor((yday(d) + 7 - d.getUTCDay()) / 7), 2);
    case 'V':
      return num(isoWeek(d).week, 2);
    case 'w':
      return num(d.getUTCDay(), 1);
    case 'W':
      return num(Math.floor((yday(d) + 7 - ((d.getUTCDay() + 6) % 7)) / 7), 2);
    case 'y':
      return num(d.getUTCFullYear() % 100, 2);
    case 'Y':
      return num(d.getUTCFullYear(), 1);
    case 'z':
      return text(['+0000', '+00:00', '+00:00:00', '+00'][colons] ?? '+0000');
    case 'Z':
      return text('UTC');
    case '%':
      return text('%');
    default:
      return undefined;
  }
}

/** Formats `ms` (Unix milliseconds) with `fmt` as strftime does in UTC. */
export function strftime(fmt: string, ms: number, dialect: Dialect = 'gnu'): string {
  const d = new Date(ms);
  let out = '';
  let i = 0;
  while (i < fmt.length) {
    const ch = fmt[i]!;
    if (ch !== '%') {
      out += ch;
      i++;
      continue;
    }
    const start = i++;
    let pad: string | undefined;
    let upper = false;
    let swap = false;
    const flags = dialect === 'gnu' ? '_-0^#' : '_-0';
    while (i < fmt.length && flags.includes(fmt[i]!)) {
      const f = fmt[i++]!;
      if (f === '^') upper = true;
      else if (f === '#') swap = true;
      else pad = f;
    }
    if (dialect === 'musl' && fmt[i] === '+') i++;
    const w0 = i;
    while (i < fmt.length && /\d/.test(fmt[i]!)) i++;
    let width = i > w0 ? Number(fmt.slice(w0, i)) : -1;
    let colons = 0;
    while (dialect === 'gnu' && fmt[i] === ':') {
      colons++;
      i++;
    }
    if (fmt[i] === 'E' || fmt[i] === 'O') i++;
    const c = fmt[i++];
    if (c === undefined) {
      out += fmt.slice(start);
      break;
    }
    if (dialect === 'musl' && !'CFGY'.includes(c)) width = -1;
    if (colons && c !== 'z') {
      out += fmt.slice(start, i);
      continue;
    }
    const conv = convert(c, d, ms, dialect, colons, c === 'N' && width > 0 ? width : 0);
    if (!conv) {
      if (dialect === 'musl') return out;
      out += fmt.slice(start, i);
      continue;
    }
    let s: string;
    if (conv.kind === 'num') {
      const neg = conv.value < 0;
      const digits = String(Math.abs(conv.value));
      const padChar = pad === '_' ? ' ' : pad === '0' ? '0' : pad === '-' ? '' : conv.pad;
      const w = width >= 0 ? width : pad === '-' ? 0 : conv.width;
      s = (neg ? '-' : '') + (padChar ? digits.padStart(w - (neg ? 1 : 0), padChar) : digits);
    } else {
      s = conv.value;
      if (upper) s = s.toUpperCase();
      else if (swap) s = /[a-z]/.test(s) ? s.toUpperCase() : s.toLowerCase();
      if (c === 'N') width = -1;
      if (width > s.length) s = s.padStart(width, pad === '0' ? '0' : ' ');
    }
    out += s;
  }
  return out;
}
