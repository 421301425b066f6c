/**
 * Go's parsers for flag values, with Go's error texts, as pflag and docker/cli call them when a
 * flag is set: strconv.ParseInt / ParseUint / ParseFloat (go1.22 src/strconv/atoi.go, atof.go),
 * time.ParseDuration (src/time/format.go), go-units RAMInBytes and ParseUlimit
 * (docker/cli@v27.3.1:vendor/github.com/docker/go-units/size.go, ulimit.go) and opts.ParseCPUs
 * (docker/cli@v27.3.1:opts/opts.go). Each returns the value, or the error's text.
 */

export type GoResult<T> = { ok: true; value: T } | { ok: false; error: string };
const ok = <T>(value: T): GoResult<T> => ({ ok: true, value });
const fail = <T>(error: string): GoResult<T> => ({ ok: false, error });

/** The digits of an integer literal with base 0 (0x, 0o, 0b, a leading 0 for octal; `_` only after a prefix). */
function digitsOf(s: string): { base: number; digits: string } | undefined {
  const lower = s.toLowerCase();
  let base = 10;
  let digits = s;
  let prefixed = false;
  if (lower.startsWith('0x')) [base, digits, prefixed] = [16, s.slice(2), true];
  else if (lower.startsWith('0o')) [base, digits, prefixed] = [8, s.slice(2), true];
  else if (lower.startsWith('0b')) [base, digits, prefixed] = [2, s.slice(2), true];
  else if (s.length > 1 && s.startsWith('0')) [base, digits, prefixed] = [8, s.slice(1), true];
  if (prefixed) {
    // underscoreOK: underscores only between digits, or right after the base prefix.
    if (/__|_$/.test(digits)) return undefined;
    digits = digits.replaceAll('_', '');
  }
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^\d+$/, 16: /^[0-9a-f]+$/i }[base as 2 | 8 | 10 | 16];
  if (!digits || !valid.test(digits)) return undefined;
  return { base, digits };
}

function bigOf(base: number, digits: string): bigint {
  const prefix = { 2: '0b', 8: '0o', 10: '', 16: '0x' }[base as 2 | 8 | 10 | 16];
  return BigInt(`${prefix}${digits}`);
}

/** strconv.ParseInt(s, 0, bits). */
export function parseInt64(s: string, bits = 64): GoResult<bigint> {
  const err = (why: string) => fail<bigint>(`strconv.ParseInt: parsing ${JSON.stringify(s)}: ${why}`);
  const neg = s.startsWith('-');
  const body = s.startsWith('-') || s.startsWith('+') ? s.slice(1) : s;
  const d = digitsOf(body);
  if (!d) return err('invalid syntax');
  const v = bigOf(d.base, d.digits) * (neg ? -1n : 1n);
  const max = (1n << BigInt(bits - 1)) - 1n;
  if (v > max || v < -max - 1n) return err('value out of range');
  return ok(v);
}

/** strconv.ParseUint(s, 0, bits): no sign allowed. */
export function parseUint(s: string, bits = 64): GoResult<bigint> {
  const err = (why: string) => fail<bigint>(`strconv.ParseUint: parsing ${JSON.stringify(s)}: ${why}`);
  const d = digitsOf(s);
  if (!d) return err('invalid syntax');
  const v = bigOf(d.base, d.digits);
  if (v > (1n << BigInt(bits)) - 1n) return err('value out of range');
  return ok(v);
}

/** strconv.ParseFloat(s, 64) over decimal literals, inf and nan. */
export function parseFloat64(s: string): GoResult<number> {
  if (/^[+-]?(inf|infinity)$/i.test(s)) return ok(s.startsWith('-') ? -Infinity : Infinity);
  if (/^nan$/i.test(s)) return ok(Number.NaN);
  if (!/^[+-]?(\d(_?\d)*(\.(\d(_?\d)*)?)?|\.\d(_?\d)*)([eE][+-]?\d+)?$/.test(s))
    return fail(`strconv.ParseFloat: parsing ${JSON.stringify(s)}: invalid syntax`);
  const v = Number(s.replaceAll('_', ''));
  if (!Number.isFinite(v)) return fail(`strconv.ParseFloat: parsing ${JSON.stringify(s)}: value out of range`);
  return ok(v);
}

const DURATION_UNITS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, μs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** time.ParseDuration: nanoseconds. */
export function parseDuration(orig: string): GoResult<number> {
  const q = JSON.stringify;
  const invalid = fail<number>(`time: invalid duration ${q(orig)}`);
  let s = orig;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return ok(0);
  if (s === '') return invalid;
  let total = 0;
  while (s !== '') {
    const m = /^(\d*)(\.(\d*))?/.exec(s) as RegExpExecArray;
    if (!(m[1] || m[3]) || m[0] === '.') return invalid;
    s = s.slice(m[0].length);
    const u = /^[^0-9.]*/.exec(s)?.[0] ?? '';
    if (u === '') return fail(`time: missing unit in duration ${q(orig)}`);
    const unit = DURATION_UNITS[u];
    if (unit === undefined) return fail(`time: unknown unit ${q(u)} in duration ${q(orig)}`);
    s = s.slice(u.length);
    total += Number(`${m[1] || '0'}.${m[3] || '0'}`) * unit;
  }
  if (total > 2 ** 63 - 1) return invalid;
  return ok(neg ? -total : total);
}

const BINARY: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** go-units RAMInBytes (parseSize with the binary map): `100m` → 104857600. */
export function ramInBytes(sizeStr: string): GoResult<number> {
  let sep = -1;
  for (let i = sizeStr.length - 1; i >= 0; i--)
    if ('01234567890. '.includes(sizeStr[i] as string)) {
      sep = i;
      break;
    }
  if (sep === -1) return fail(`invalid size: '${sizeStr}'`);
  const [num, sfx0] = sizeStr[sep] !== ' ' ? [sizeStr.slice(0, sep + 1), sizeStr.slice(sep + 1)] : [sizeStr.slice(0, sep), sizeStr.slice(sep + 1)];
  const f = parseFloat64(num);
  if (!f.ok) return f;
  let size = f.value;
  if (size < 0) return fail(`invalid size: '${sizeStr}'`);
  if (sfx0.length === 0) return ok(Math.trunc(size));
  const badSuffix = fail<number>(`invalid suffix: '${sfx0.length > 3 ? sfx0 : sfx0.toLowerCase()}'`);
  if (sfx0.length > 3) return badSuffix;
  const sfx = sfx0.toLowerCase();
  if (sfx[0] === 'b') return sfx.length > 1 ? badSuffix : ok(Math.trunc(size));
  const mul = BINARY[sfx[0] as string];
  if (mul === undefined) return badSuffix;
  size *= mul;
  if ((sfx.length === 2 && sfx[1] !== 'b') || (sfx.length === 3 && sfx.slice(1) !== 'ib')) return badSuffix;
  return ok(Math.trunc(size));
}

/** go-units ulimitNameMapping ("as" is disabled upstream). */
const ULIMITS = ['core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio', 'rttime', 'sigpending', 'stack'];

export interface Ulimit {
  Name: string;
  Hard: number;
  Soft: number;
}

/** go-units ParseUlimit: `nofile=1024:2048`. Values are base-10 ParseInt. */
export function parseUlimit(val: string): GoResult<Ulimit> {
  const eq = val.indexOf('=');
  if (eq < 0) return fail(`invalid ulimit argument: ${val}`);
  const [name, limits] = [val.slice(0, eq), val.slice(eq + 1)];
  if (!ULIMITS.includes(name)) return fail(`invalid ulimit type: ${name}`);
  const parts = limits.split(':');
  const base10 = (s: string) => (/^[+-]?\d+$/.test(s) ? parseInt64(s) : fail<bigint>(`strconv.ParseInt: parsing ${JSON.stringify(s)}: invalid syntax`));
  if (parts.length > 2) return fail(`too many limit value arguments - ${limits}, can only have up to two, \`soft[:hard]\``);
  let hard: number | undefined;
  if (parts.length === 2) {
    const h = base10(parts[1] as string);
    if (!h.ok) return h;
    hard = Number(h.value);
  }
  const s = base10(parts[0] as string);
  if (!s.ok) return s;
  const soft = Number(s.value);
  const h = hard ?? soft;
  if (h !== -1) {
    if (soft === -1) return fail(`ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), hard: ${h}`);
    if (soft > h) return fail(`ulimit soft limit must be less than or equal to hard limit: ${soft} > ${h}`);
  }
  return ok({ Name: name, Hard: h, Soft: soft });
}

/** opts.ParseCPUs (big.Rat SetString, times 1e9, must be whole): `1.5` → 1500000000. */
export function parseCpus(value: string): GoResult<number> {
  const notRational = fail<number>(`failed to parse ${value} as a rational number`);
  const frac = /^([+-]?\d+)\/(\d+)$/.exec(value);
  if (frac) {
    const [a, b] = [BigInt(frac[1] as string), BigInt(frac[2] as string)];
    if (b === 0n) return notRational;
    return (a * 1_000_000_000n) % b === 0n ? ok(Number((a * 1_000_000_000n) / b)) : fail('value is too precise');
  }
  const dec = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(value);
  if (!dec || (!dec[2] && !dec[3])) return notRational;
  const fracDigits = (dec[3] ?? '').replace(/0+$/, '');
  const exp = Number(dec[4] ?? 0);
  // value = D.F × 10^exp; times 1e9 it is whole when F has at most 9 + exp digits.
  if (fracDigits.length > 9 + exp) return fail('value is too precise');
  const n = BigInt(`${dec[2] || '0'}${fracDigits}`) * 10n ** BigInt(Math.max(0, 9 + exp - fracDigits.length));
  return ok(Number(dec[1] === '-' ? -n : n));
}
