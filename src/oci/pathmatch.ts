/**
 * Go's path.Match (go1.22 src/path/match.go), which the Docker daemon uses to match image
 * references (distribution/reference FamiliarMatch). `*` is any run of characters but `/`,
 * `?` one character but `/`, `[…]` a class (`^` negates, `a-z` ranges, `\` escapes). A
 * malformed pattern is Go's ErrBadPattern, `syntax error in pattern`, even when an earlier
 * part of the name already failed to match.
 */
export class BadPattern extends Error {
  constructor() {
    super('syntax error in pattern');
  }
}

export function pathMatch(pattern: string, name: string): boolean {
  let pat = pattern;
  let s = name;
  outer: while (pat.length > 0) {
    const { star, chunk, rest } = scanChunk(pat);
    pat = rest;
    if (star && chunk === '') return !s.includes('/'); // a trailing * matches the rest unless it has a /
    const here = matchChunk(chunk, s);
    if (here !== undefined && (here.length === 0 || pat.length > 0)) {
      s = here;
      continue;
    }
    if (star) {
      // Look for a match skipping i+1 characters; * cannot skip a /.
      for (let i = 0; i < s.length && s[i] !== '/'; i++) {
        const t = matchChunk(chunk, s.slice(i + 1));
        if (t !== undefined) {
          if (pat.length === 0 && t.length > 0) continue; // the last chunk must use up the name
          s = t;
          continue outer;
        }
      }
    }
    // Before answering false, the rest of the pattern must still be well formed.
    while (pat.length > 0) {
      const next = scanChunk(pat);
      pat = next.rest;
      matchChunk(next.chunk, '');
    }
    return false;
  }
  return s.length === 0;
}

function scanChunk(pattern: string): { star: boolean; chunk: string; rest: string } {
  let p = pattern;
  let star = false;
  while (p.startsWith('*')) {
    p = p.slice(1);
    star = true;
  }
  let inrange = false;
  let i = 0;
  scan: for (; i < p.length; i++) {
    switch (p[i]) {
      case '\\':
        if (i + 1 < p.length) i++; // the error is matchChunk's
        break;
      case '[':
        inrange = true;
        break;
      case ']':
        inrange = false;
        break;
      case '*':
        if (!inrange) break scan;
    }
  }
  return { star, chunk: p.slice(0, i), rest: p.slice(i) };
}

/** The rest of `str` after `chunk` matched its start, or undefined; throws BadPattern for a malformed chunk. */
function matchChunk(chunkIn: string, str: string): string | undefined {
  let chunk = chunkIn;
  let s = str;
  let failed = false;
  while (chunk.length > 0) {
    if (!failed && s.length === 0) failed = true;
    const c = chunk[0] as string;
    if (c === '[') {
      let r = -1;
      if (!failed) {
        r = s.codePointAt(0) as number;
        s = s.slice(String.fromCodePoint(r).length);
      }
      chunk = chunk.slice(1);
      let negated = false;
      if (chunk.startsWith('^')) {
        negated = true;
        chunk = chunk.slice(1);
      }
      let match = false;
      let nrange = 0;
      for (;;) {
        if (chunk.startsWith(']') && nrange > 0) {
          chunk = chunk.slice(1);
          break;
        }
        const lo = getEsc(chunk);
        chunk = lo.rest;
        let hi = lo.r;
        if (chunk[0] === '-') {
          const h = getEsc(chunk.slice(1));
          hi = h.r;
          chunk = h.rest;
        }
        if (lo.r <= r && r <= hi) match = true;
        nrange++;
      }
      if (match === negated) failed = true;
    } else if (c === '?') {
      if (!failed) {
        if (s[0] === '/') failed = true;
        s = s.slice(String.fromCodePoint(s.codePointAt(0) as number).length);
      }
      chunk = chunk.slice(1);
    } else {
      if (c === '\\') {
        chunk = chunk.slice(1);
        if (chunk.length === 0) throw new BadPattern();
      }
      if (!failed) {
        if (chunk[0] !== s[0]) failed = true;
        s = s.slice(1);
      }
      chunk = chunk.slice(1);
    }
  }
  return failed ? undefined : s;
}

/** A possibly escaped character of a class. */
function getEsc(chunkIn: string): { r: number; rest: string } {
  let chunk = chunkIn;
  if (chunk.length === 0 || chunk[0] === '-' || chunk[0] === ']') throw new BadPattern();
  if (chunk[0] === '\\') {
    chunk = chunk.slice(1);
    if (chunk.length === 0) throw new BadPattern();
  }
  const r = chunk.codePointAt(0) as number;
  const rest = chunk.slice(String.fromCodePoint(r).length);
  if (rest.length === 0) throw new BadPattern();
  return { r, rest };
}
