/**
 * strconv.Unquote (go1.22 src/strconv/quote.go) for the template parser's string and
 * character constants.
 */
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
  if (body === '\\\'') return '\'';
  if (body === '"') return '"';
  const s = unquote(`"${body.replace(/"/g, '\\"')}"`);
  if (s === null || [...s].length !== 1) return null;
  return s;
}
