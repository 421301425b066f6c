/**
 * Human-readable sizes as the two userlands print them.
 * - `humanReadable`: gnulib lib/human.c human_readable (coreutils 9.4's df, du, ls -h), its exact
 *   integer arithmetic (the floating-point fallback is never needed for these sizes).
 * - `bbHumanReadable`: busybox@1_36_1:libbb/human_readable.c make_human_readable_str.
 */

export const HUMAN = {
  ceiling: 0,
  roundToNearest: 1,
  floor: 2,
  groupDigits: 4,
  suppressPointZero: 8,
  autoscale: 16,
  base1024: 32,
  spaceBeforeUnit: 64,
  SI: 128,
  B: 256,
} as const;

const POWER_LETTER = ['', 'K', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y', 'R', 'Q'];

/** human_readable (n, buf, opts, from_block_size, to_block_size). */
export function humanReadable(n: bigint | number, opts: number, fromBlockSize: number, toBlockSize: number): string {
  const inexact = opts & 3;
  const base = opts & HUMAN.base1024 ? 1024n : 1000n;
  const exponentMax = POWER_LETTER.length - 1;
  const N = BigInt(n);
  let amt: bigint;
  let tenths: bigint;
  let rounding: bigint;
  let exponent = -1;
  const from = BigInt(fromBlockSize);
  const to = BigInt(toBlockSize);
  if (to <= from && from % to === 0n) {
    amt = N * (from / to);
    tenths = 0n;
    rounding = 0n;
  } else if (from !== 0n && to % from === 0n) {
    const divisor = to / from;
    const r10 = (N % divisor) * 10n;
    const r2 = (r10 % divisor) * 2n;
    amt = N / divisor;
    tenths = r10 / divisor;
    rounding = r2 < divisor ? (0n < r2 ? 1n : 0n) : 2n + (divisor < r2 ? 1n : 0n);
  } else if (!(opts & HUMAN.autoscale)) {
    // The floating-point fallback without autoscale: sprintf ("%.0Lf", adjust_value (inexact_style, damt)).
    const num = N * from;
    const q = num / to;
    const r = num % to;
    const up = inexact === HUMAN.ceiling ? r > 0n : inexact === HUMAN.roundToNearest ? r * 2n >= to : false;
    return `${up ? q + 1n : q}${siSuffix(-1, opts, base, to, exponentMax)}`;
  } else {
    throw new Error(`humanReadable: autoscale from ${fromBlockSize} to ${toBlockSize} needs floating point`);
  }
  let fraction = '';
  if (opts & HUMAN.autoscale) {
    exponent = 0;
    if (base <= amt) {
      do {
        const r10 = (amt % base) * 10n + tenths;
        const r2 = (r10 % base) * 2n + (rounding >> 1n);
        amt /= base;
        tenths = r10 / base;
        rounding = r2 < base ? (r2 + rounding !== 0n ? 1n : 0n) : 2n + (base < r2 + rounding ? 1n : 0n);
        exponent++;
      } while (base <= amt && exponent < exponentMax);
      if (amt < 10n) {
        if (inexact === HUMAN.roundToNearest ? 2n < rounding + (tenths & 1n) : inexact === HUMAN.ceiling && 0n < rounding) {
          tenths++;
          rounding = 0n;
          if (tenths === 10n) {
            amt++;
            tenths = 0n;
          }
        }
        if (amt < 10n && (tenths || !(opts & HUMAN.suppressPointZero))) {
          fraction = `.${tenths}`;
          tenths = rounding = 0n;
        }
      }
    }
  }
  if (inexact === HUMAN.roundToNearest ? 5n < tenths + (0n < rounding + (amt & 1n) ? 1n : 0n) : inexact === HUMAN.ceiling && 0n < tenths + rounding) {
    amt++;
    if (opts & HUMAN.autoscale && amt === base && exponent < exponentMax) {
      exponent++;
      if (!(opts & HUMAN.suppressPointZero)) fraction = '.0';
      amt = 1n;
    }
  }
  return `${amt}${fraction}${siSuffix(exponent, opts, base, to, exponentMax)}`;
}

/** human_readable's unit: the power letter (k for 1000¹), then "B" or "iB" with human_B. */
function siSuffix(exp: number, opts: number, base: bigint, to: bigint, exponentMax: number): string {
  if (!(opts & HUMAN.SI)) return '';
  let exponent = exp;
  if (exponent < 0) {
    exponent = 0;
    for (let power = 1n; power < to; power *= base) if (++exponent === exponentMax) break;
  }
  let out = '';
  if ((exponent || opts & HUMAN.B) && opts & HUMAN.spaceBeforeUnit) out += ' ';
  if (exponent) out += !(opts & HUMAN.base1024) && exponent === 1 ? 'k' : POWER_LETTER[exponent];
  if (opts & HUMAN.B) out += `${opts & HUMAN.base1024 && exponent ? 'i' : ''}B`;
  return out;
}

/** make_human_readable_str(val, block_size, display_unit) for block_size ≥ 1: display_unit 0 scales with one decimal. */
export function bbHumanReadable(val: bigint | number, blockSize: number, displayUnit: number): string {
  let v = BigInt(val);
  if (v === 0n) return '0';
  if (blockSize > 1) v *= BigInt(blockSize);
  if (displayUnit) {
    v += BigInt(Math.floor(displayUnit / 2));
    v /= BigInt(displayUnit);
    return String(v);
  }
  const units = ['', 'K', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
  let u = 0;
  let frac = 0n;
  let scaled = false;
  while (v >= 1024n) {
    scaled = true;
    u++;
    frac = ((v % 1024n) * 10n + 512n) / 1024n;
    v /= 1024n;
  }
  if (frac >= 10n) {
    v++;
    frac = 0n;
  }
  return scaled ? `${v}.${frac}${units[u]}` : String(v);
}

/**
 * gnulib lib/human.c humblock: a --block-size SPEC as [block size, options], or undefined when
 * invalid. `human-readable` and `si`; a number with an optional unit K M G T P E Z Y R Q (powers of
 * 1024), KB MB … (powers of 1000), KiB MiB … (1024); a leading ' groups digits.
 */
export function humBlock(spec: string): { size: number; opts: number } | undefined {
  let opts = 0;
  let s = spec;
  if (s.startsWith("'")) {
    opts |= HUMAN.groupDigits;
    s = s.slice(1);
  }
  if (s === 'human-readable') return { size: 1, opts: opts | HUMAN.autoscale | HUMAN.SI | HUMAN.base1024 };
  if (s === 'si') return { size: 1, opts: opts | HUMAN.autoscale | HUMAN.SI };
  const m = /^(\d*)([KMGTPEZYRQkmgtpezyrq]?)(iB|B)?$/.exec(s);
  if (!m || (!m[1] && !m[2]) || (m[3] && !m[2])) return undefined;
  const letter = (m[2] ?? '').toUpperCase();
  const base = m[3] === 'B' ? 1000 : 1024;
  const power = letter ? 'KMGTPEZYRQ'.indexOf(letter) + 1 : 0;
  const size = Number(m[1] || '1') * base ** power;
  if (!m[1] && letter) {
    opts |= HUMAN.SI;
    if (m[3] === 'B' || m[3] === 'iB') opts |= HUMAN.B;
    if (m[3] !== 'B') opts |= HUMAN.base1024;
  }
  return size > 0 && Number.isSafeInteger(size) ? { size, opts } : undefined;
}
