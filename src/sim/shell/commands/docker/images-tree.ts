/**
 * `docker images --tree` (EXPERIMENTAL in docker/cli v27.3.1): cli/command/image/tree.go runTree
 * and printImageTree. node1's daemon keeps images in the classic graphdriver store, whose image
 * list has no per-platform manifests, so every image is one line with no children: its names (or
 * <untagged>), the short ID, DISK USAGE (the image's size), CONTENT SIZE (the manifests' content,
 * none: 0B) and USED (the list does not count containers here: blank). Newest first.
 */
import type { imageRows } from '../../../image/format.ts';
import { humanSizeWithPrecision } from '../../../image/units.ts';

type Row = ReturnType<typeof imageRows>[number];

interface Column {
  title: string;
  width: number;
  align: 'left' | 'center' | 'right';
  value?: (r: TopImage) => string;
}

interface TopImage {
  names: string[];
  id: string;
  size: number;
  created: number;
}

// github.com/morikuni/aec (docker/cli@v27.3.1:vendor): each SGR is its own "\x1b[Nm", a Builder concatenates
// them, and Apply wraps the text in them and Reset "\x1b[0m".
const color =
  (...codes: number[]) =>
  (s: string) =>
    `${codes.map((n) => `\x1b[${n}m`).join('')}${s}\x1b[0m`;
const plain = (s: string) => s;

const runes = (s: string) => [...s].length;
const truncate = (s: string, n: number) => (runes(s) > n ? `${[...s].slice(0, n - 3).join('')}...` : s);

function print(c: Column, clr: (s: string) => string, s: string): string {
  const n = runes(s);
  if (n > c.width) return clr(truncate(s, c.width));
  const fill = c.width - n;
  if (c.align === 'right') return ' '.repeat(fill) + clr(s);
  if (c.align === 'center') return ' '.repeat(Math.floor(fill / 2)) + clr(s) + ' '.repeat(fill - Math.floor(fill / 2));
  return clr(s) + ' '.repeat(fill);
}

/** The tree over `docker images`' rows (one per name); `width` is the terminal's, 80 when not a terminal. */
export function imageTree(rows: Row[], tty: boolean, columns: number): string {
  const byId = new Map<string, TopImage>();
  for (const r of rows) {
    const id = r.li.image.id;
    const top: TopImage = byId.get(id) ?? { names: [], id, size: r.li.image.size, created: r.li.createdMs };
    if (r.repo !== '<none>' && r.tag !== '<none>') top.names.push(`${r.repo}:${r.tag}`);
    byId.set(id, top);
  }
  const images = [...byId.values()].sort((a, b) => b.created - a.created);
  const c = tty
    ? { warning: color(93), header: color(39, 1), top: color(34, 4, 1), normal: color(39), green: color(32), untagged: color(2) }
    : { warning: plain, header: plain, top: plain, normal: plain, green: plain, untagged: plain };
  let width = tty ? columns : 80;
  if (width < 20) width = 20;
  let cols: Column[] = [
    { title: 'Image', width: 0, align: 'left' },
    // stringid.TruncateID: the hex without "sha256:", 12 characters.
    { title: 'ID', width: 12, align: 'left', value: (i) => i.id.replace(/^sha256:/, '').slice(0, 12) },
    { title: 'Disk usage', width: 10, align: 'right', value: (i) => humanSizeWithPrecision(i.size, 3) },
    { title: 'Content size', width: 12, align: 'right', value: () => humanSizeWithPrecision(0, 3) },
    { title: 'Used', width: 4, align: 'center', value: () => ' ' },
  ];
  let nameWidth = width;
  for (let idx = 1; idx < cols.length; idx++) {
    const d = (cols[idx] as Column).width + 3;
    // "If the first column gets too short, remove remaining columns".
    if (nameWidth - d < 12) {
      cols = cols.slice(0, idx);
      break;
    }
    nameWidth -= d;
  }
  // widestFirstColumnValue: byte lengths, as Go's len().
  const widest = Math.max('Image'.length, ...images.flatMap((i) => i.names.map((n) => new TextEncoder().encode(n).length)));
  (cols[0] as Column).width = Math.min(nameWidth, widest);
  let out = `${c.warning("WARNING: This is an experimental feature. The output may change and shouldn't be depended on.")}\n\n`;
  out += `${cols.map((col) => print(col, c.header, col.title.toUpperCase())).join('   ')}\n`;
  for (const img of images) {
    out += img.names.length ? img.names.map((n) => print(cols[0] as Column, c.top, n)).join('\n') : print(cols[0] as Column, c.untagged, '<untagged>');
    for (const col of cols.slice(1)) out += `   ${print(col, col.title === 'Used' ? c.green : c.normal, (col.value as (i: TopImage) => string)(img))}`;
    out += '\n';
  }
  return out;
}
