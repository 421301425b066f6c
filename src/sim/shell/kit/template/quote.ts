/**
 * strconv.Quote and strconv.Unquote (go1.22 src/strconv/quote.go): Go's quoting in error texts,
 * and the template parser's string and character constants.
 */
/** strconv.Quote for the printable-ASCII-and-common-escapes case. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** %#U: "U+0023 '#'". */
export function runeU(r: string): string {
  const c = r.codePointAt(0) as number;
  const hex = c.toString(16).toUpperCase().padStart(4, '0');
  return /\p{L}|\p{N}|\p{P}|\p{S}|\p{Zs}/u.test(r) ? `U+${hex} '${r}'` : `U+${hex}`;
}

/** strconv.Unquote for a double-quoted Go string. */
export function unquote(q: string): string | null {
  if (q.length < 2 || !q.startsWith('"') || !q.endsWith('"')) return null;
  let out = '';
  const s = q.slice(1, -1);
  for (let k = 0; k < s.length; k++) {
    const c = s[k] as string;
    if (c !== '\\') {
      if (c === '"') return null;
      out += c;
      continue;
    }
    const e = s[++k];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', '"': '"' };
    if (e !== undefined && simple[e] !== undefined) out += simple[e];
    else if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(s.slice(k + 1, k + 3))) {
      out += String.fromCharCode(parseInt(s.slice(k + 1, k + 3), 16));
      k += 2;
    } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(k + 1, k + 5))) {
      out += String.fromCodePoint(parseInt(s.slice(k + 1, k + 5), 16));
      k += 4;
    } else if (e === 'U' && /^[0-9a-fA-F]{8}$/.test(s.slice(k + 1, k + 9))) {
      out += String.fromCodePoint(parseInt(s.slice(k + 1, k + 9), 16));
      k += 8;
    } else if (e !== undefined && /[0-7]/.test(e) && /^[0-7]{3}$/.test(s.slice(k, k + 3))) {
      out += String.fromCharCode(parseInt(s.slice(k, k + 3), 8));
      k += 2;
    } else return null;
  }
  return out;
}

/** strconv.UnquoteChar for a single-quoted Go character constant. */
export function unquoteChar(q: string): string | null {
  const body = q.slice(1, -1);
  if (body === "\\'") return "'";
  if (body === '"') return '"';
  const s = unquote(`"${body.replace(/"/g, '\\"')}"`);
  if (s === null || [...s].length !== 1) return null;
  return s;
}
