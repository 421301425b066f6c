/**
 * Go's fmt for the verbs templates use (go1.22 src/fmt/print.go, format.go): Sprint, Sprintln
 * and Sprintf with %v %+v %s %q %d %x %X %o %b %c %e %f %g %t %T %%, the flags `-+ #0`, width
 * and precision (also `*`), and fmt's own error texts (%!d(string=hi), %!s(MISSING)).
 */
import { goQuote } from './quote.ts';
import { formatFloatG, toExponentialEven, toFixedEven } from './ftoa.ts';
import { GoFloat, GoFunc, GoNil, GoStruct, isInt, typeName } from './value.ts';

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
    return `{${Object.entries(v.fields)
      .filter(([, x]) => !(x instanceof GoFunc))
      .map(([k, x]) => (plus ? `${k}:` : '') + sprintValue(x, plus, depth + 1))
      .join(' ')}}`;
  }
  if (v instanceof GoFunc) return '0x4a3b20';
  const o = v as Record<string, unknown>;
  return `map[${Object.keys(o)
    .sort(goLess)
    .map((k) => `${k}:${sprintValue(o[k], plus, depth + 1)}`)
    .join(' ')}]`;
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

interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width: number | null;
  prec: number | null;
}

/** Code points in `s` (fmt pads by runes), without building an array of them. */
function runeCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

function pad(s: string, sp: Spec, numeric = false): string {
  const w = sp.width ?? 0;
  if (s.length >= w) return s;
  const len = runeCount(s);
  if (len >= w) return s;
  if (sp.minus) return s + ' '.repeat(w - len);
  if (sp.zero && numeric) {
    const sign = /^[+-]/.test(s) ? (s[0] as string) : '';
    return sign + '0'.repeat(w - len) + s.slice(sign.length);
  }
  return ' '.repeat(w - len) + s;
}

/** pp.badVerb: `%!verb(type=value)`, the value printed with %v and the verb's flags and width. */
function badVerb(verb: string, v: unknown, sp: Spec): string {
  if (v === undefined || v === null) return `%!${verb}(<nil>)`;
  return `%!${verb}(${typeName(v)}=${fmtOne(v, 'v', sp)})`;
}

function fmtInt(n: number, verb: string, sp: Spec): string {
  const neg = n < 0;
  const a = Math.abs(n);
  let s: string;
  switch (verb) {
    case 'd':
    case 'v':
      s = String(a);
      break;
    case 'x':
      s = a.toString(16);
      if (sp.sharp) s = `0x${s}`;
      break;
    case 'X':
      s = a.toString(16).toUpperCase();
      if (sp.sharp) s = `0X${s}`;
      break;
    case 'o':
      s = a.toString(8);
      if (sp.sharp) s = `0${s}`;
      break;
    case 'O':
      s = `0o${a.toString(8)}`;
      break;
    case 'b':
      s = a.toString(2);
      break;
    case 'c':
      return pad(String.fromCodePoint(n), sp);
    case 'q':
      return pad(`'${String.fromCodePoint(n)}'`, sp);
    case 'U':
      s = `U+${a.toString(16).toUpperCase().padStart(4, '0')}`;
      break;
    default:
      return badVerb(verb, n, sp);
  }
  if (sp.prec !== null) s = s.padStart(sp.prec, '0');
  const sign = neg ? '-' : sp.plus ? '+' : sp.space ? ' ' : '';
  return pad(sign + s, sp.prec !== null ? { ...sp, zero: false } : sp, true);
}

function fmtFloat(f: number, verb: string, sp: Spec): string {
  let s: string;
  switch (verb) {
    case 'v':
    case 'g':
      s = formatFloatG(f, sp.prec ?? -1);
      break;
    case 'G':
      s = formatFloatG(f, sp.prec ?? -1, true);
      break;
    case 'f':
    case 'F':
      s = Number.isFinite(f) ? toFixedEven(f, sp.prec ?? 6) : formatFloatG(f);
      break;
    case 'e':
    case 'E': {
      const t = toExponentialEven(f, sp.prec ?? 6);
      s = verb === 'E' ? t.toUpperCase() : t;
      break;
    }
    default:
      return badVerb(verb, f, sp);
  }
  if (sp.plus && !s.startsWith('-')) s = `+${s}`;
  else if (sp.space && !s.startsWith('-')) s = ` ${s}`;
  return pad(s, sp, true);
}

function fmtString(s: string, verb: string, sp: Spec): string {
  switch (verb) {
    case 'v':
    case 's':
      return pad(sp.prec !== null ? [...s].slice(0, sp.prec).join('') : s, sp);
    case 'q':
      return pad(sp.sharp && !s.includes('`') ? `\`${s}\`` : goQuote(s), sp);
    case 'x':
    case 'X': {
      let h = [...new TextEncoder().encode(sp.prec !== null ? s.slice(0, sp.prec) : s)].map((b) => b.toString(16).padStart(2, '0')).join(sp.space ? ' ' : '');
      if (verb === 'X') h = h.toUpperCase();
      return pad(h, sp);
    }
    default:
      return badVerb(verb, s, sp);
  }
}

function fmtOne(v: unknown, verb: string, sp: Spec): string {
  if (verb === 'T') return pad(v === undefined || v === null ? '<nil>' : typeName(v), sp);
  if (v instanceof GoNil) return v.kind === 'ptr' ? fmtOne(null, verb, sp) : pad(sprintValue(v), sp);
  if (verb === 'v' && v instanceof GoStruct && sp.plus) return pad(sprintValue(v, true), sp);
  if (typeof v === 'boolean') return verb === 'v' || verb === 't' ? pad(String(v), sp) : badVerb(verb, v, sp);
  if (typeof v === 'number' && isInt(v)) return fmtInt(v, verb, sp);
  if (typeof v === 'number' || v instanceof GoFloat) return fmtFloat(typeof v === 'number' ? v : v.value, verb, sp);
  if (typeof v === 'string') return fmtString(v, verb, sp);
  if (Array.isArray(v) && verb !== 'v') {
    if (verb === 's' || verb === 'q' || verb === 'd' || verb === 'x') return `[${v.map((x) => fmtOne(x, verb, { ...sp, width: null })).join(' ')}]`;
  }
  if (v === undefined || v === null) return verb === 'v' || verb === 's' ? pad('<nil>', sp) : badVerb(verb, v, sp);
  if (verb === 'v' || verb === 's') return pad(sprintValue(v, sp.plus), sp);
  return badVerb(verb, v, sp);
}

const BIG = 1e6;
/** fmt's tooLarge: widths and precisions past a million are "crazy long numbers most likely". */
const tooLarge = (x: number) => x > BIG || x < -BIG;

/** fmt's parsenum (go1.22 src/fmt/print.go): digits up to the first that follows a too-large number. */
function parsenum(s: string, start: number, end: number): { num: number; isnum: boolean; newi: number } {
  let num = 0;
  let isnum = false;
  let newi = start;
  if (start >= end) return { num: 0, isnum: false, newi: end };
  for (; newi < end && s.charCodeAt(newi) >= 48 && s.charCodeAt(newi) <= 57; newi++) {
    if (tooLarge(num)) return { num: 0, isnum: false, newi: end };
    num = num * 10 + (s.charCodeAt(newi) - 48);
    isnum = true;
  }
  return { num, isnum, newi };
}

/**
 * fmt.Sprintf: go1.22 src/fmt/print.go doPrintf, with its explicit argument indexes (`%[2]d`),
 * `*` widths and precisions (%!(BADWIDTH), %!(BADPREC)), %!(NOVERB), %!v(BADINDEX),
 * %!d(MISSING) and %!(EXTRA …) (not after a reordering).
 */
export function sprintf(format: string, args: unknown[]): string {
  let out = '';
  const end = format.length;
  let argNum = 0;
  let afterIndex = false;
  let reordered = false;
  let goodArgNum = true;

  // pp.argNumber with parseArgNumber: `[n]` at i.
  const argNumber = (an: number, i: number): { argNum: number; i: number; found: boolean } => {
    if (end <= i || format[i] !== '[') return { argNum: an, i, found: false };
    reordered = true;
    let index = 0;
    let wid = 1;
    let ok = false;
    if (end - i >= 3) {
      for (let k = i + 1; k < end; k++) {
        if (format[k] !== ']') continue;
        const r = parsenum(format, i + 1, k);
        wid = k - i + 1;
        if (r.isnum && r.newi === k) {
          index = r.num - 1;
          ok = true;
        }
        break;
      }
    }
    if (ok && index >= 0 && index < args.length) return { argNum: index, i: i + wid, found: true };
    goodArgNum = false;
    return { argNum: an, i: i + wid, found: ok };
  };
  // intFromArg: an int argument, within tooLarge.
  const intFromArg = (an: number): { num: number; isInt: boolean; argNum: number } => {
    if (an >= args.length) return { num: 0, isInt: false, argNum: an };
    const a = args[an];
    let num = isInt(a) ? a : 0;
    let ok = isInt(a);
    if (tooLarge(num)) {
      num = 0;
      ok = false;
    }
    return { num, isInt: ok, argNum: an + 1 };
  };

  for (let i = 0; i < end; ) {
    goodArgNum = true;
    const lasti = i;
    while (i < end && format[i] !== '%') i++;
    if (i > lasti) out += format.slice(lasti, i);
    if (i >= end) break;
    i++;
    const sp: Spec = { minus: false, plus: false, sharp: false, space: false, zero: false, width: null, prec: null };
    for (; i < end; i++) {
      const c = format[i];
      if (c === '#') sp.sharp = true;
      else if (c === '0')
        sp.zero = !sp.minus; // Only allow zero padding to the left.
      else if (c === '+') sp.plus = true;
      else if (c === '-') {
        sp.minus = true;
        sp.zero = false; // Do not pad with zeros to the right.
      } else if (c === ' ') sp.space = true;
      else break;
    }
    let r = argNumber(argNum, i);
    ({ argNum, i } = r);
    afterIndex = r.found;
    if (i < end && format[i] === '*') {
      i++;
      const w = intFromArg(argNum);
      argNum = w.argNum;
      sp.width = w.isInt ? w.num : null;
      if (!w.isInt) out += '%!(BADWIDTH)';
      if (sp.width !== null && sp.width < 0) {
        sp.width = -sp.width;
        sp.minus = true;
        sp.zero = false;
      }
      afterIndex = false;
    } else {
      const w = parsenum(format, i, end);
      i = w.newi;
      sp.width = w.isnum ? w.num : null;
      if (afterIndex && w.isnum) goodArgNum = false; // "%[3]2d"
    }
    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) goodArgNum = false; // "%[3].2d"
      r = argNumber(argNum, i);
      ({ argNum, i } = r);
      afterIndex = r.found;
      if (i < end && format[i] === '*') {
        i++;
        const p = intFromArg(argNum);
        argNum = p.argNum;
        // Negative precision arguments don't make sense.
        sp.prec = p.isInt && p.num >= 0 ? p.num : null;
        if (sp.prec === null) out += '%!(BADPREC)';
        afterIndex = false;
      } else {
        const p = parsenum(format, i, end);
        i = p.newi;
        sp.prec = p.isnum ? p.num : 0;
      }
    }
    if (!afterIndex) {
      r = argNumber(argNum, i);
      ({ argNum, i } = r);
      afterIndex = r.found;
    }
    if (i >= end) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i) as number);
    i += verb.length;
    if (verb === '%')
      out += '%'; // Percent does not absorb operands and ignores width and precision.
    else if (!goodArgNum) out += `%!${verb}(BADINDEX)`;
    else if (argNum >= args.length) out += `%!${verb}(MISSING)`;
    else out += fmtOne(args[argNum++], verb, sp);
  }
  if (!reordered && argNum < args.length)
    out += `%!(EXTRA ${args
      .slice(argNum)
      .map((a) => `${a === undefined || a === null ? '<nil>' : typeName(a)}=${sprintValue(a)}`)
      .join(', ')})`;
  return out;
}
