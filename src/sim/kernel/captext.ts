/**
 * libcap 2.66's text form of a capability state (AndrewGMorgan/libcap_mirror@4f96e67, "Up the
 * release version to 2.66": libcap/cap_text.c cap_from_text and cap_to_text), for file
 * capabilities (getcap, setcap). Kernel 6.8 names 41 capabilities (cap_max_bits()).
 */
import { CAP_NAMES } from './capabilities.ts';

/** A file's (or a parsed text's) permitted, inheritable and effective sets. */
export interface CapState {
  p: bigint;
  i: bigint;
  e: bigint;
}

// LIBCAP_EFF = 1 << CAP_EFFECTIVE, LIBCAP_PER = 1 << CAP_PERMITTED, LIBCAP_INH = 1 << CAP_INHERITABLE (libcap.h).
const EFF = 1;
const PER = 2;
const INH = 4;
const ALL = (1n << BigInt(CAP_NAMES.length)) - 1n;

const flagsOf = (s: CapState, n: number): number => {
  const b = 1n << BigInt(n);
  return ((s.e & b) !== 0n ? EFF : 0) | ((s.p & b) !== 0n ? PER : 0) | ((s.i & b) !== 0n ? INH : 0);
};
const letters = (f: number) => `${f & EFF ? 'e' : ''}${f & INH ? 'i' : ''}${f & PER ? 'p' : ''}`;

/** cap_to_text: the most common flag combination as "=…", the rest as "names+…-…" (or "names=…" after a bare "="). */
export function capToText(s: CapState): string {
  const histo = new Array<number>(8).fill(0);
  for (let n = 0; n < CAP_NAMES.length; n++) histo[flagsOf(s, n)]! += 1;
  let m = 7;
  for (let t = 6; t >= 0; t--) if ((histo[t] as number) >= (histo[m] as number)) m = t;
  let buf = `=${letters(m)}`;
  let base = 0;
  for (let t = 7; t >= 0; t--) {
    if (t === m || !histo[t]) continue;
    buf += ` ${CAP_NAMES.map((name, n) => (flagsOf(s, n) === t ? `cap_${name}` : ''))
      .filter(Boolean)
      .join(',')}`;
    const plus = t & ~m;
    if (plus) {
      let op = '+';
      // "= foo,…+eip …" is written "foo,…=eip …" (equivalent but shorter).
      if (buf[base] === '=' && buf[base + 1] === ' ') {
        base += 2;
        op = '=';
      }
      buf += `${op}${letters(plus)}`;
    }
    const minus = ~t & m;
    if (minus) buf += `-${letters(minus)}`;
  }
  return buf.slice(base);
}

/** cap_from_text: undefined where libcap sets EINVAL. */
export function capFromText(text: string): CapState | undefined {
  const s: CapState = { p: 0n, i: 0n, e: 0n };
  let k = 0;
  const at = () => text[k] ?? '';
  const isSpace = (c: string) => /^[ \t\n\v\f\r]$/.test(c);
  const alnum = (c: string) => /^[A-Za-z0-9]$/.test(c);
  for (;;) {
    while (isSpace(at())) k++;
    if (!at()) return s;
    let list = 0n;
    let listed = false;
    if (alnum(at()) || at() === '_') {
      for (;;) {
        const rest = text.slice(k);
        const all = /^all(?![A-Za-z0-9_])/i.exec(rest);
        if (all) {
          k += 3;
          list = ALL;
        } else if (/^\d/.test(rest)) {
          const num = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(rest)?.[0] ?? '0';
          const n = Number(num.startsWith('0') && num.length > 1 && !/^0[xX]/.test(num) ? Number.parseInt(num, 8) : num);
          if (n >= 64) return undefined;
          k += num.length;
          list |= 1n << BigInt(n);
        } else {
          const word = /^[A-Za-z_]*/.exec(rest)?.[0] ?? '';
          const n = CAP_NAMES.findIndex((name) => `cap_${name}` === word.toLowerCase());
          if (n < 0) return undefined;
          k += word.length;
          list |= 1n << BigInt(n);
        }
        if (at() !== ',') break;
        k++;
        if (!alnum(at()) && at() !== '_') return undefined;
      }
      listed = true;
    } else if (at() === '+' || at() === '-') return undefined;
    else list = ALL;
    let op = at();
    k++;
    if (op === '=' && (at() === '+' || at() === '-')) {
      if (!listed) return undefined;
      op = at() === '+' ? 'P' : 'M';
      k++;
    } else if (op !== '+' && op !== '-' && op !== '=') return undefined;
    let flags = 0;
    do {
      if (at() && !isSpace(at())) {
        const c = at();
        k++;
        if (c === 'e') flags |= EFF;
        else if (c === 'i') flags |= INH;
        else if (c === 'p') flags |= PER;
        else return undefined;
      } else if (op !== '=') return undefined;
      const set = (on: boolean, f: number) => {
        if (flags & EFF) s.e = on ? s.e | list : s.e & ~list;
        if (flags & PER) s.p = on ? s.p | list : s.p & ~list;
        if (flags & INH) s.i = on ? s.i | list : s.i & ~list;
        return f;
      };
      if (op === '=' || op === 'P' || op === 'M') {
        s.e &= ~list;
        s.p &= ~list;
        s.i &= ~list;
        if (op !== 'M') set(true, 0);
        else set(false, 0);
      } else set(op === '+', 0);
      if (at() === '+' || at() === '-') {
        if (!listed) return undefined;
        flags = 0;
        op = at();
        k++;
        if (!/^[A-Za-z]$/.test(at())) return undefined;
      }
    } while (at() && !isSpace(at()));
  }
}
