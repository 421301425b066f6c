/**
 * Go's text/tabwriter (go1.22 src/text/tabwriter/tabwriter.go) with padchar ' ' and no flags,
 * as the Docker CLI uses it: cells end at a tab; a column block is a run of consecutive lines
 * that have a cell in that column; its width is the widest cell + padding, at least minwidth.
 * The text after a line's last tab is not part of a column and is never padded.
 */
export function tabwriter(text: string, minwidth: number, padding: number): string {
  const lines = text.split('\n').map((l) => l.split('\t'));
  // The text after the final newline is an unterminated line; it is still written.
  // Go's utf8.RuneCountInString: code points, counted without spreading the cell into an array (tables are printed on
  // every `kubectl get` / `docker ps`); a lone surrogate counts as one, as [...s] does.
  const width = (s: string) => {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff || i === 0 || (s.charCodeAt(i - 1) & 0xfc00) !== 0xd800) n++;
    }
    return n;
  };
  const widths: number[] = [];
  let out = '';
  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const line = lines[i] as string[];
      line.forEach((cell, j) => {
        out += cell;
        if (j < widths.length) out += ' '.repeat(Math.max(0, (widths[j] as number) - width(cell)));
      });
      if (i < lines.length - 1) out += '\n';
    }
  };
  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= (lines[cur] as string[]).length - 1) continue;
      writeLines(line0, cur);
      line0 = cur;
      let w = minwidth;
      for (; cur < line1; cur++) {
        const line = lines[cur] as string[];
        if (column >= line.length - 1) break;
        w = Math.max(w, width(line[column] as string) + padding);
      }
      widths.push(w);
      format(line0, cur);
      widths.pop();
      line0 = cur;
      cur--;
    }
    writeLines(line0, line1);
  };
  format(0, lines.length);
  return out;
}
