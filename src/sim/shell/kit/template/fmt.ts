/**
 * Go's fmt for the verbs templates use (go1.22 src/fmt/print.go, format.go): Sprint, Sprintln
 * and Sprintf with %v %+v %s %q %d %x %X %o %b %c %e %f %g %t %T %%, the flags `-+ #0`, width
 * and precision (also `*`), and fmt's own error texts (%!d(string=hi), %!s(MISSING)).
 */
import { goQuote } from './lex.ts';
import { GoFloat, GoFunc, GoNil, GoStruct, isInt, typeName } from './value.ts';

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
    const p = prec === 0 ? 1 : prec;
    const e = f.toExponential(p - 1);
    const [m, ex] = e.split('e') as [string, string];
    digits = m.replace('-', '').replace('.', '').replace(/0+$/, '') || '0';
    exp = Number(ex);
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

/** %.Nf with strconv's correct rounding (an exact tie rounds to even; JS toFixed rounds it up). */
function toFixedEven(x: number, prec: number): string {
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

/** fmt's %v of a value (Fprint's operand formatting). */
export function sprintValue(v: unknown, plus = false, depth = 0): string {
  if (v === undefined) return '<nil>';
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return isInt(v) ? String(v) : formatFloatG(v);
  if (v instanceof GoFloat) return formatFloatG(v.value);
  if (v instanceof GoNil) return v.kind === 'slice' ? '[]' : v.kind === 'map' ? 'map[]' : '<nil>';
  if (Array.isArray(v)) return `[${v.map((x) => sprintValue(x, plus, depth + 1)).join(' ')}]`;
  if (v instanceof GoStruct) {
    if (v.stringer) return v.stringer(depth);
    return `{${Object.entries(v.fields).filter(([, x]) => !(x instanceof GoFunc)).map(([k, x]) => (plus ? `${k}:` : '') + sprintValue(x, plus, depth + 1)).join(' ')}}`;
  }
  if (v instanceof GoFunc) return '0x4a3b20';
  const o = v as Record<string, unknown>;
  return `map[${Object.keys(o).sort(goLess).map((k) => `${k}:${sprintValue(o[k], plus, depth + 1)}`).join(' ')}]`;
}

/** Go orders strings by bytes (UTF-8), not UTF-16 units. */
export function goLess(a: string, b: string): number {
  const ea = new TextEncoder().encode(a);
  const eb = new TextEncoder().encode(b);
  for (let i = 0; i < Math.min(ea.length, eb.length); i++) if (ea[i] !== eb[i]) return (ea[i] as number) - (eb[i] as number);
  return ea.length - eb.length;
}

const isStringy = (v: unknown) => typeof v === 'string';

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: unknown[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && !isStringy(a) && !isStringy(args[i - 1])) out += ' ';
    out += sprintValue(a);
  });
  return out;
}

/** fmt.Sprintln: always spaces, then a newline. */
export function sprintln(args: unknown[]): string {
  return `${args.map((a) => sprintValue(a)).join(' ')}\n`;
}

interface Spec { minus: boolean; plus: boolean; sharp: boolean; space: boolean; zero: boolean; width: number | null; prec: number | null }

function pad(s: string, sp: Spec, numeric = false): string {
  const w = sp.width ?? 0;
  const len = [...s].length;
  if (len >= w) return s;
  if (sp.minus) return s + ' '.repeat(w - len);
  if (sp.zero && numeric) {
    const sign = /^[+-]/.test(s) ? (s[0] as string) : '';
    return sign + '0'.repeat(w - len) + s.slice(sign.length);
  }
  return ' '.repeat(w - len) + s;
}

function badVerb(verb: string, v: unknown): string {
  if (v === undefined || v === null) return `%!${verb}(<nil>)`;
  return `%!${verb}(${typeName(v)}=${sprintValue(v)})`;
}

function fmtInt(n: number, verb: string, sp: Spec): string {
  const neg = n < 0;
  const a = Math.abs(n);
  let s: string;
  switch (verb) {
    case 'd': case 'v': s = String(a); break;
    case 'x': s = a.toString(16); if (sp.sharp) s = `0x${s}`; break;
    case 'X': s = a.toString(16).toUpperCase(); if (sp.sharp) s = `0X${s}`; break;
    case 'o': s = a.toString(8); if (sp.sharp) s = `0${s}`; break;
    case 'O': s = `0o${a.toString(8)}`; break;
    case 'b': s = a.toString(2); break;
    case 'c': return pad(String.fromCodePoint(n), sp);
    case 'q': return pad(`'${String.fromCodePoint(n)}'`, sp);
    case 'U': s = `U+${a.toString(16).toUpperCase().padStart(4, '0')}`; break;
    default: return badVerb(verb, n);
  }
  if (sp.prec !== null) s = s.padStart(sp.prec, '0');
  const sign = neg ? '-' : sp.plus ? '+' : sp.space ? ' ' : '';
  return pad(sign + s, sp.prec !== null ? { ...sp, zero: false } : sp, true);
}

function fmtFloat(f: number, verb: string, sp: Spec): string {
  let s: string;
  switch (verb) {
    case 'v': case 'g': s = formatFloatG(f, sp.prec ?? -1); break;
    case 'G': s = formatFloatG(f, sp.prec ?? -1, true); break;
    case 'f': case 'F': s = Number.isFinite(f) ? toFixedEven(f, sp.prec ?? 6) : formatFloatG(f); break;
    case 'e': case 'E': {
      const t = f.toExponential(sp.prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
      s = verb === 'E' ? t.toUpperCase() : t;
      break;
    }
    default: return badVerb(verb, f);
  }
  if (sp.plus && !s.startsWith('-')) s = `+${s}`;
  else if (sp.space && !s.startsWith('-')) s = ` ${s}`;
  return pad(s, sp, true);
}

function fmtString(s: string, verb: string, sp: Spec): string {
  switch (verb) {
    case 'v': case 's': return pad(sp.prec !== null ? [...s].slice(0, sp.prec).join('') : s, sp);
    case 'q': return pad(sp.sharp && !s.includes('`') ? `\`${s}\`` : goQuote(s), sp);
    case 'x': case 'X': {
      let h = [...new TextEncoder().encode(sp.prec !== null ? s.slice(0, sp.prec) : s)].map((b) => b.toString(16).padStart(2, '0')).join(sp.space ? ' ' : '');
      if (verb === 'X') h = h.toUpperCase();
      return pad(h, sp);
    }
    default: return badVerb(verb, s);
  }
}

function fmtOne(v: unknown, verb: string, sp: Spec): string {
  if (verb === 'T') return pad(v === undefined || v === null ? '<nil>' : typeName(v), sp);
  if (v instanceof GoNil) return v.kind === 'ptr' ? fmtOne(null, verb, sp) : pad(sprintValue(v), sp);
  if (verb === 'v' && v instanceof GoStruct && sp.plus) return pad(sprintValue(v, true), sp);
  if (typeof v === 'boolean') return verb === 'v' || verb === 't' ? pad(String(v), sp) : badVerb(verb, v);
  if (typeof v === 'number' && isInt(v)) return fmtInt(v, verb, sp);
  if (typeof v === 'number' || v instanceof GoFloat) return fmtFloat(typeof v === 'number' ? v : v.value, verb, sp);
  if (typeof v === 'string') return fmtString(v, verb, sp);
  if (Array.isArray(v) && verb !== 'v') {
    if (verb === 's' || verb === 'q' || verb === 'd' || verb === 'x') return `[${v.map((x) => fmtOne(x, verb, { ...sp, width: null })).join(' ')}]`;
  }
  if (v === undefined || v === null) return verb === 'v' || verb === 's' ? pad('<nil>', sp) : badVerb(verb, v);
  if (verb === 'v' || verb === 's') return pad(sprintValue(v, sp.plus), sp);
  return badVerb(verb, v);
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: unknown[]): string {
  let out = '';
  let argi = 0;
  let i = 0;
  while (i < format.length) {
    const c = format[i] as string;
    if (c !== '%') {
      out += c;
      i++;
      continue;
    }
    i++;
    const sp: Spec = { minus: false, plus: false, sharp: false, space: false, zero: false, width: null, prec: null };
    for (; i < format.length; i++) {
      const f = format[i];
      if (f === '-') sp.minus = true;
      else if (f === '+') sp.plus = true;
      else if (f === '#') sp.sharp = true;
      else if (f === ' ') sp.space = true;
      else if (f === '0') sp.zero = !sp.minus;
      else break;
    }
    const num = (): number | null => {
      if (format[i] === '*') {
        i++;
        const a = args[argi++];
        return isInt(a) ? a : null;
      }
      const m = /^\d+/.exec(format.slice(i));
      if (!m) return null;
      i += m[0].length;
      return Number(m[0]);
    };
    sp.width = num();
    if (sp.width !== null && sp.width < 0) {
      sp.minus = true;
      sp.width = -sp.width;
    }
    if (format[i] === '.') {
      i++;
      sp.prec = num() ?? 0;
    }
    if (i >= format.length) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i) as number);
    i += verb.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argi >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += fmtOne(args[argi++], verb, sp);
  }
  if (argi < args.length) out += `%!(EXTRA ${args.slice(argi).map((a) => `${a === undefined || a === null ? '<nil>' : typeName(a)}=${sprintValue(a)}`).join(', ')})`;
  return out;
}
