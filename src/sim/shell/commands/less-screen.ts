/**
 * less 590's screen lines (gwsw/less@v590:line.c): a file line becomes one screen line per screen width
 * (long lines wrap, -S is not simulated), tabs stop every 8 columns (tabstops), a character overstruck
 * with itself is bold and one overstruck on `_` underlined (bs_mode BS_SPECIAL, as in the help file),
 * other control characters show as ^X in standout (prchar, AT_BINARY), and the matches of the last
 * search are in standout (hilite_search, on by default). Each screen line keeps the file line it comes
 * from: searches go line by line (search.c search_range).
 */
import { TI } from './pager-keys.ts';

const BOLD = 1;
const UNDER = 2;
const STANDOUT = 4;

interface Cell {
  c: string;
  a: number;
}

export interface ScreenLine {
  /** The file line (0-based) it comes from. */
  line: number;
  cells: Cell[];
}

/** A file line's cells, before wrapping: overstrikes, tabs and control characters as less shows them. */
function lineCells(text: string): Cell[] {
  const cells: Cell[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const next = text[i + 1];
    if (next === '\b' && i + 2 < text.length) {
      const over = text[i + 2] as string;
      cells.push({ c: over, a: ch === '_' ? UNDER : ch === over ? BOLD : 0 });
      i += 2;
    } else if (ch === '\t') {
      do cells.push({ c: ' ', a: 0 });
      while (cells.length % 8);
    } else if (ch.charCodeAt(0) < 0x20 || ch === '\x7f') {
      const shown = ch === '\x7f' ? '?' : String.fromCharCode(ch.charCodeAt(0) + 64);
      cells.push({ c: '^', a: STANDOUT }, { c: shown, a: STANDOUT });
    } else cells.push({ c: ch, a: 0 });
  }
  return cells;
}

/** The file's lines: a last line without its newline is a line all the same. */
export function fileLines(text: string): string[] {
  if (text === '') return [];
  return text.replace(/\n$/, '').split('\n');
}

/** The screen lines of a file at `width` columns, the matches of `pattern` in standout. */
export function screenLines(lines: string[], width: number, pattern?: RegExp): ScreenLine[] {
  const out: ScreenLine[] = [];
  lines.forEach((text, line) => {
    const cells = lineCells(text);
    if (pattern) {
      const plain = cells.map((c) => c.c).join('');
      for (const m of plain.matchAll(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))) {
        if (!m[0].length) continue;
        for (let i = m.index; i < m.index + m[0].length; i++) (cells[i] as Cell).a |= STANDOUT;
      }
    }
    if (!cells.length) out.push({ line, cells: [] });
    for (let i = 0; i < cells.length; i += width) out.push({ line, cells: cells.slice(i, i + width) });
  });
  return out;
}

/** The line as the terminal gets it: each attribute entered and left with xterm-256color's strings (screen.c at_enter, at_exit). */
export function render(l: ScreenLine | undefined): string {
  if (!l) return '~'; // past the end of the file: null_line's tilde (-~ not simulated)
  let s = '';
  let a = 0;
  for (const cell of l.cells) {
    if (cell.a !== a) {
      s += leave(a) + enter(cell.a);
      a = cell.a;
    }
    s += cell.c;
  }
  return s + leave(a);
}

function enter(a: number): string {
  return (a & BOLD ? TI.bold : '') + (a & UNDER ? TI.smul : '') + (a & STANDOUT ? TI.smso : '');
}

function leave(a: number): string {
  if (a & BOLD) return TI.sgr0;
  return (a & UNDER ? TI.rmul : '') + (a & STANDOUT ? TI.rmso : '');
}

/**
 * The first file line at or after `from` (forward) or before it (backward) that the pattern matches;
 * -1 when none (search.c search_range, one file: SRCH_PAST_EOF is not simulated).
 */
export function findLine(lines: string[], pattern: RegExp, from: number, forward: boolean): number {
  const plain = (t: string) =>
    lineCells(t)
      .map((c) => c.c)
      .join('');
  if (forward) {
    for (let i = Math.max(0, from); i < lines.length; i++) if (pattern.test(plain(lines[i] as string))) return i;
  } else for (let i = Math.min(from, lines.length) - 1; i >= 0; i--) if (pattern.test(plain(lines[i] as string))) return i;
  return -1;
}
