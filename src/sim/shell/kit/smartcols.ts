/**
 * A libsmartcols table as util-linux 2.39.3's tools print it when nothing truncates it: each
 * column as wide as its widest cell or header (util-linux@v2.39.3:libsmartcols/src/calculate.c
 * count_column_width), cells separated by one space, the last column unpadded unless it is
 * right-aligned (print.c print_data); a cell with several lines continues on the next lines with
 * the other columns blank. Raw output (-r) writes the cells unpadded with blanks and unsafe
 * characters as \x escapes (lib/mbsalign.c mbs_safe_encode); pairs output (-P) writes NAME="value"
 * with '"', '\', '`', '$' as \x escapes (include/carefulputc.h fputs_quoted, fputs_nonblank). The tree art is the caller's (the first cells
 * already carry it), drawn as libsmartcols does in a UTF-8 locale or, with --ascii, in ASCII.
 */

export interface ScolsColumn {
  readonly name: string;
  /** The width hint: below 1 a fraction of the terminal, from 1 a minimum width in cells. */
  readonly hint: number;
  readonly right?: boolean;
}

export type ScolsMode = 'table' | 'raw' | 'pairs';

const width = (s: string) => [...s].length;

/** mbs_safe_encode: blanks, backslash and control characters as \xHH. */
const safe = (s: string) => s.replace(/[\s\\\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

/** fputs_quoted for pairs (include/carefulputc.h): the value in double quotes, '"', '\\', '`', '$' and control characters as \\xHH. */
const quoted = (s: string) => `"${s.replace(/["\\`$\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}"`;

export function scolsRender(
  cols: readonly ScolsColumn[],
  cells: readonly (readonly string[])[],
  opts: { noheadings?: boolean; mode?: ScolsMode } = {},
): string {
  const mode = opts.mode ?? 'table';
  if (mode === 'raw') {
    const rows = opts.noheadings ? cells : [cols.map((c) => c.name), ...cells];
    return rows.map((r) => `${r.map(safe).join(' ')}\n`).join('');
  }
  if (mode === 'pairs') return cells.map((r) => `${r.map((v, i) => `${cols[i]?.name}=${quoted(v)}`).join(' ')}\n`).join('');
  const widths = cols.map((c, i) => {
    const min = Math.max(width(c.name), 1);
    let w = Math.max(0, ...cells.map((r) => Math.max(...(r[i] ?? '').split('\n').map(width))));
    if (w < min) w = min;
    else if (c.hint >= 1 && w < c.hint && min < c.hint) w = c.hint;
    return w;
  });
  const line = (vals: string[]) =>
    vals
      .map((v, i) => {
        const right = cols[i]?.right;
        const pad = Math.max(0, (widths[i] as number) - width(v));
        if (i === vals.length - 1 && !right) return v;
        return right ? ' '.repeat(pad) + v : v + ' '.repeat(pad);
      })
      .join(' ');
  let out = opts.noheadings ? '' : `${line(cols.map((c) => c.name))}\n`;
  for (const r of cells) {
    const parts = r.map((v) => v.split('\n'));
    const n = Math.max(...parts.map((x) => x.length));
    for (let k = 0; k < n; k++) out += `${line(parts.map((x) => x[k] ?? ''))}\n`;
  }
  return out;
}

/** The tree art before a node's name: one entry per ancestor level, true where that level's node is the last child. */
export function treeArt(last: readonly boolean[], ascii: boolean): string {
  if (!last.length) return '';
  const [branch, end, bar] = ascii ? ['|-', '`-', '| '] : ['├─', '└─', '│ '];
  return (
    last
      .slice(0, -1)
      .map((l) => (l ? '  ' : bar))
      .join('') + (last[last.length - 1] ? end : branch)
  );
}
