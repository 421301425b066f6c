/**
 * The numbers of dd: its operands' sizes with suffixes and the figures of its final report, as
 * coreutils 9.4 and busybox 1.36.1 parse and print them (commands/dd.ts runs the copy).
 */

const INTMAX = (1n << 63n) - 1n;

/** What parsing a size gave: a value, or why not (coreutils's strtol_error). */
type Parsed = { n: bigint; bytes: boolean } | { error: 'invalid' | 'overflow' };

/**
 * coreutils's multipliers for a suffix letter (gnulib@v0.1:lib/xstrtol.c __xstrtol with dd's
 * valid suffixes "bcEGkKMPQRTwYZ0", coreutils@v9.4:src/dd.c parse_integer).
 */
const POWERS: Record<string, number> = { k: 1, K: 1, M: 2, G: 3, T: 4, P: 5, E: 6, Z: 7, Y: 8, R: 9, Q: 10 };
const FIXED: Record<string, bigint> = { b: 512n, c: 1n, w: 2n };

/** gnulib's xstrtoumax (base 10) with dd's suffixes: the value, and where parsing stopped. */
function xstrtoumax(s: string): { n: bigint; rest: string; error?: 'invalid' | 'suffix' | 'overflow' } {
  const m = /^[ \t\n\v\f\r]*/.exec(s) as RegExpExecArray;
  let p = s.slice(m[0].length);
  if (p.startsWith('-')) return { n: 0n, rest: p, error: 'invalid' };
  const digits = /^\+?(\d+)/.exec(p);
  let n: bigint;
  let overflow = false;
  if (digits) {
    n = BigInt(digits[1] as string);
    p = p.slice(digits[0].length);
    if (n > (1n << 64n) - 1n) overflow = true;
  } else if (p && 'bcEGkKMPQRTwYZ'.includes(p[0] as string)) n = 1n;
  else return { n: 0n, rest: p, error: 'invalid' };
  if (!p) return { n, rest: p, error: overflow ? 'overflow' : undefined };
  const c = p[0] as string;
  if (!'bcEGkKMPQRTwYZ'.includes(c)) return { n, rest: p, error: overflow ? 'overflow' : 'suffix' };
  // The '0' in the valid suffixes: "KiB" is a power of 1024, "KB" and "KD" powers of 1000.
  let base = 1024n;
  let len = 1;
  if (p[1] === 'i' && p[2] === 'B') len = 3;
  else if (p[1] === 'B' || p[1] === 'D') {
    base = 1000n;
    len = 2;
  }
  const mult = FIXED[c] ?? base ** BigInt(POWERS[c] as number);
  n *= mult;
  if (n > (1n << 64n) - 1n) overflow = true;
  p = p.slice(len);
  if (p) return { n, rest: p, error: overflow ? 'overflow' : 'suffix' };
  return { n, rest: p, error: overflow ? 'overflow' : undefined };
}

/** coreutils@v9.4:src/dd.c parse_integer: a size, `B` for bytes, `x` to multiply (2x512). */
export function parseCoreutils(s: string): Parsed {
  const r = xstrtoumax(s);
  let error = r.error;
  let bytes = s.includes('B');
  if (error === 'suffix' && r.rest.startsWith('B') && r.rest.length < s.length && s[s.length - r.rest.length - 1] !== 'B') {
    if (r.rest.length === 1) error = undefined;
  }
  if (error === 'suffix' && r.rest.startsWith('x')) {
    const o = parseCoreutils(r.rest.slice(1));
    if ('error' in o) return o;
    const product = r.n * o.n;
    if (product > INTMAX) return { error: 'overflow' };
    bytes ||= o.bytes;
    return { n: product, bytes };
  }
  if (error === 'overflow' || (!error && r.n > INTMAX)) return { error: 'overflow' };
  if (error) return { error: 'invalid' };
  return { n: r.n, bytes };
}

/** busybox@1_36_1:libbb/xatonum.c cwbkMG_suffixes. */
const BB_SUFFIXES: [string, bigint][] = [
  ['c', 1n],
  ['w', 2n],
  ['b', 512n],
  ['kB', 1000n],
  ['kD', 1000n],
  ['k', 1024n],
  ['KB', 1000n],
  ['KD', 1000n],
  ['K', 1024n],
  ['MB', 1_000_000n],
  ['MD', 1_000_000n],
  ['M', 1_048_576n],
  ['GB', 1_000_000_000n],
  ['GD', 1_000_000_000n],
  ['G', 1_073_741_824n],
];

/**
 * busybox's xatoull_sfx / xatoul_range_sfx (busybox@1_36_1:libbb/xatonum_template.c): the value,
 * or the message it dies with ("invalid number '1Q'", "number 0 is not in 1..N range").
 */
export function parseBusybox(s: string, lower = 0n, upper = (1n << 64n) - 1n): bigint | string {
  const m = /^(\d+)(.*)$/.exec(s);
  if (!m) return `invalid number '${s}'`;
  let n = BigInt(m[1] as string);
  const sfx = m[2] as string;
  if (sfx) {
    const hit = BB_SUFFIXES.find(([k]) => k === sfx);
    if (!hit) return `invalid number '${s}'`;
    n *= hit[1];
  }
  if (n > (1n << 64n) - 1n) n = (1n << 64n) - 1n;
  if (n < lower || n > upper) return `number ${s} is not in ${lower}..${upper} range`;
  return n;
}

const LETTERS = ['', 'K', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y', 'R', 'Q'];

/** The SI or IEC unit after an exponent ("kB", "MiB"). */
function unit(exponent: number, base1024: boolean): string {
  const letter = !base1024 && exponent === 1 ? 'k' : (LETTERS[exponent] as string);
  return `${letter}${base1024 && exponent ? 'i' : ''}B`;
}

/**
 * gnulib's human_readable with dd's options (autoscale, round to nearest, space before the unit,
 * SI, B), for an exact byte count (gnulib lib/human.c, the integer arithmetic path).
 */
export function humanBytes(n: number, base1024: boolean): string {
  const base = base1024 ? 1024 : 1000;
  let amt = BigInt(n);
  let tenths = 0;
  let rounding = 0;
  let exponent = 0;
  let point = '';
  const b = BigInt(base);
  if (b <= amt) {
    do {
      const r10 = Number(amt % b) * 10 + tenths;
      const r2 = (r10 % base) * 2 + (rounding >> 1);
      amt /= b;
      tenths = Math.floor(r10 / base);
      rounding = r2 < base ? (r2 + rounding !== 0 ? 1 : 0) : 2 + (base < r2 + rounding ? 1 : 0);
      exponent++;
    } while (b <= amt && exponent < LETTERS.length - 1);
    if (amt < 10n) {
      if (2 < rounding + (tenths & 1)) {
        tenths++;
        rounding = 0;
        if (tenths === 10) {
          amt++;
          tenths = 0;
        }
      }
      if (amt < 10n) {
        point = `.${tenths}`;
        tenths = 0;
        rounding = 0;
      }
    }
  }
  if (5 < tenths + (0 < rounding + Number(amt & 1n) ? 1 : 0)) {
    amt++;
    if (amt === b && exponent < LETTERS.length - 1) {
      exponent++;
      point = '.0';
      amt = 1n;
    }
  }
  return `${amt}${point} ${unit(exponent, base1024)}`;
}

/** gnulib's human_readable for a rate, bytes per `ns` nanoseconds (its floating point path): "1.1 GB". */
export function humanRate(bytes: number, ns: number): string {
  const damt = bytes * (1e9 / ns);
  let e = 1;
  let exponent = 0;
  do {
    e *= 1000;
    exponent++;
  } while (e * 1000 <= damt && exponent < LETTERS.length - 1);
  let text = (damt / e).toFixed(1);
  // More than one digit before the point: drop the tenths.
  if (text.length > 4) text = (Math.round((damt / e) * 10) / 10).toFixed(0);
  return `${text} ${unit(exponent, false)}`;
}

/** C's printf %g (six significant digits, no trailing zeros). */
function fmtG(x: number): string {
  if (x === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(x)));
  if (exp < -4 || exp >= 6) {
    const [m, e] = x.toExponential(5).split('e') as [string, string];
    const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const ev = Number(e);
    return `${mant}e${ev < 0 ? '-' : '+'}${String(Math.abs(ev)).padStart(2, '0')}`;
  }
  const s = x.toFixed(Math.max(0, 5 - exp));
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/**
 * The report coreutils dd prints at its end (coreutils@v9.4:src/dd.c print_stats, print_xfer_stats):
 * records in and out, truncated records, then bytes, their SI and IEC sizes, the time and the rate.
 */
export function coreutilsReport(s: {
  rFull: number;
  rPartial: number;
  wFull: number;
  wPartial: number;
  truncated?: number;
  bytes: number;
  ns: number;
  noxfer: boolean;
}): string {
  let out = `${s.rFull}+${s.rPartial} records in\n${s.wFull}+${s.wPartial} records out\n`;
  if (s.truncated) out += `${s.truncated} truncated record${s.truncated === 1 ? '' : 's'}\n`;
  if (s.noxfer) return out;
  const si = humanBytes(s.bytes, false);
  const iec = humanBytes(s.bytes, true);
  const rate = s.ns > 0 ? `${humanRate(s.bytes, s.ns)}/s` : 'Infinity B/s';
  const secs = `${fmtG(s.ns / 1e9)} s`;
  // abbreviation_lacks_prefix: "512 B" has no prefix, so the size is not repeated.
  if (si.endsWith(' B')) return `${out}${s.bytes} byte${s.bytes === 1 ? '' : 's'} copied, ${secs}, ${rate}\n`;
  if (iec.endsWith(' B')) return `${out}${s.bytes} bytes (${si}) copied, ${secs}, ${rate}\n`;
  return `${out}${s.bytes} bytes (${si}, ${iec}) copied, ${secs}, ${rate}\n`;
}

/** busybox@1_36_1:libbb/human_readable.c make_human_readable_str(val, 1, 0): "100.0M", "512". */
function bbHuman(val: number): string {
  if (val === 0) return '0';
  let v = Math.floor(val);
  let frac = 0;
  let u = 0;
  while (v >= 1024) {
    u++;
    frac = Math.floor(((v % 1024) * 10 + 512) / 1024);
    v = Math.floor(v / 1024);
  }
  if (frac >= 10) {
    v++;
    frac = 0;
  }
  return u ? `${v}.${frac}${LETTERS[u]}` : `${v}`;
}

/** busybox@1_36_1:coreutils/dd.c dd_output_status. */
export function busyboxReport(s: { rFull: number; rPartial: number; wFull: number; wPartial: number; bytes: number; ns: number; noxfer: boolean }): string {
  const out = `${s.rFull}+${s.rPartial} records in\n${s.wFull}+${s.wPartial} records out\n`;
  if (s.noxfer) return out;
  const seconds = Math.round(s.ns / 1000) / 1e6;
  return `${out}${s.bytes} bytes (${bbHuman(s.bytes)}B) copied, ${seconds.toFixed(6)} seconds, ${bbHuman(Math.floor(s.bytes / seconds))}B/s\n`;
}
