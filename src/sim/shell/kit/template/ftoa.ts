/**
 * Go's float formatting for fmt's verbs (go1.22 src/strconv/ftoa.go): shortest %v digits, and %e/%f/%g at
 * any precision from the float64's exact decimal expansion, an exact tie rounded to even as strconv does.
 */
/** strconv.FormatFloat(f, 'g', -1, 64) as %v prints a float64. */
export function formatFloatG(f: number, prec = -1, upper = false): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  let digits: string;
  let exp: number;
  if (prec < 0) {
    const e = f.toExponential(); // shortest round-trip digits
    const [m, ex] = e.split('e') as [string, string];
    digits = m.replace('-', '').replace('.', '');
    exp = Number(ex);
  } else {
    const sig = exactSig(f, prec === 0 ? 1 : prec);
    digits = sig.digits.replace(/0+$/, '') || '0';
    exp = sig.exp;
  }
  const eprec = prec < 0 ? 6 : prec === 0 ? 1 : prec;
  const neg = f < 0 ? '-' : '';
  // strconv: shortest %g switches to %e when exp < -4 || exp >= 6 (1e+06).
  if (exp < -4 || exp >= eprec) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const es = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : `${Math.abs(exp)}`;
    return `${neg}${mant}${upper ? 'E' : 'e'}${exp < 0 ? '-' : '+'}${es}`;
  }
  if (exp < 0) return `${neg}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${neg}${digits}${'0'.repeat(exp + 1 - digits.length)}`;
  return `${neg}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/** The exact decimal digits of a float64 (every binary fraction ends in a finite decimal). */
function exactDecimal(x: number): { int: string; frac: string } {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Math.abs(x));
  const bits = buf.getBigUint64(0);
  const expBits = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let e: number;
  if (expBits === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = expBits - 1075;
  }
  if (e >= 0) return { int: (mant << BigInt(e)).toString(), frac: '' };
  const digits = (mant * 5n ** BigInt(-e)).toString().padStart(-e + 1, '0');
  return { int: digits.slice(0, digits.length + e), frac: digits.slice(digits.length + e) };
}

/**
 * The first `n` significant decimal digits of |x| and its decimal exponent, rounded as strconv
 * rounds a fixed precision (an exact tie to even; JavaScript's toExponential rounds it up, and
 * refuses more than 100 digits, where Go prints all that are asked for).
 */
function exactSig(x: number, n: number): { digits: string; exp: number } {
  const { int, frac } = exactDecimal(x);
  const all = int + frac;
  const first = all.search(/[1-9]/);
  if (first < 0) return { digits: '0'.repeat(n), exp: 0 };
  let exp = int.length - 1 - first;
  const sig = all.slice(first);
  const rest = sig.slice(n);
  let d = BigInt(sig.slice(0, n).padEnd(n, '0'));
  const half = rest.length > 0 && (rest[0] as string) >= '5';
  const tie = rest[0] === '5' && /^0*$/.test(rest.slice(1));
  if (half && (!tie || d % 2n === 1n)) d += 1n;
  let digits = d.toString();
  if (digits.length > n) {
    digits = digits.slice(0, n);
    exp++;
  }
  return { digits, exp };
}

/** %.Ne: strconv.FormatFloat(f, 'e', N, 64). */
export function toExponentialEven(f: number, prec: number): string {
  if (!Number.isFinite(f)) return formatFloatG(f);
  const { digits, exp } = f === 0 ? { digits: '0'.repeat(prec + 1), exp: 0 } : exactSig(f, prec + 1);
  const mant = prec > 0 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const es = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : `${Math.abs(exp)}`;
  return `${f < 0 || Object.is(f, -0) ? '-' : ''}${mant}e${exp < 0 ? '-' : '+'}${es}`;
}

/** %.Nf with strconv's correct rounding (an exact tie rounds to even; JS toFixed rounds it up). */
export function toFixedEven(x: number, prec: number): string {
  const { int, frac } = exactDecimal(x);
  const keep = frac.slice(0, prec).padEnd(prec, '0');
  const rest = frac.slice(prec);
  let digits = BigInt(int + keep);
  const half = rest.length > 0 && (rest[0] as string) >= '5';
  const tie = rest.length > 0 && rest[0] === '5' && /^0*$/.test(rest.slice(1));
  if (half && (!tie || digits % 2n === 1n)) digits += 1n;
  let str = digits.toString().padStart(prec + 1, '0');
  str = prec > 0 ? `${str.slice(0, str.length - prec)}.${str.slice(str.length - prec)}` : str;
  return (x < 0 || Object.is(x, -0) ? '-' : '') + str;
}
