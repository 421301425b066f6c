/**
 * A scene: boxes, edges and texts placed on a grid, plus the same facts as tables
 * (the text alternative). Each view's layout lives in layout-*.ts; svg.ts draws a
 * scene, alt.ts writes its tables. Every box says what it is in words (its lines and
 * its title), and a pattern doubles every colour, so colour never carries meaning alone.
 */
export type Tone = 'plain' | 'host' | 'new' | 'container' | 'warn' | 'added' | 'copyup' | 'whiteout' | 'on' | 'off' | 'dropped' | 'muted' | 'frame';
export type Pattern = 'hatch' | 'dots' | 'cross';

export interface Box {
  /** Stable id (keyboard focus survives a redraw). */
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  lines: string[];
  tone: Tone;
  pattern?: Pattern;
  /** The full sentence a screen reader or a tooltip gives for this node. */
  title: string;
  /** Shell commands that show the same fact (the live tab offers to run them). */
  reveal: string[];
  /** Draw the lines in monospace. */
  mono?: boolean;
  /** Smaller text (bit cells, inode cells). */
  small?: boolean;
  center?: boolean;
}

export interface Edge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  label?: string;
  dashed?: boolean;
}

export interface Label {
  x: number;
  y: number;
  text: string;
  anchor?: 'start' | 'middle' | 'end';
  bold?: boolean;
  small?: boolean;
}

export interface Table {
  caption: string;
  head: string[];
  rows: string[][];
}

export interface Scene {
  view: string;
  width: number;
  height: number;
  title: string;
  /** One-sentence summary (the SVG's <desc>). */
  desc: string;
  boxes: Box[];
  edges: Edge[];
  labels: Label[];
  legend: { tone: Tone; pattern?: Pattern; text: string }[];
  tables: Table[];
}

/** Cuts a string to `n` characters with an ellipsis, as `docker ps` truncates. */
export function cut(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, Math.max(0, n - 1))}…`;
}

/** Wide (full-width) characters: CJK ideographs and punctuation, kana, Hangul, full-width forms. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/**
 * The width a text will take, estimated without fonts (the SVG is made at build time): a
 * wide character is 1em in every CJK font; other characters `narrow` pixels each.
 */
export function textWidth(s: string, em: number, narrow: number): number {
  let w = 0;
  for (const c of s) w += WIDE.test(c) ? em : narrow;
  return w;
}

/** The average advance of a monospace character at the figures' small size (10.5px): monospace fonts are 0.55–0.61em wide. */
export const MONO_CH = 6.4;

/** `sha256:3f46…` short digest: algorithm and the first 12 hex digits, as docker prints IDs. */
export function shortDigest(d: string): string {
  const [alg, hex] = d.includes(':') ? d.split(':') : ['', d];
  return alg ? `${alg}:${(hex ?? '').slice(0, 12)}` : (hex ?? '').slice(0, 12);
}

/** Bytes in binary units (`100MiB`, `16.5MiB`), the way the lessons speak about memory.max. */
export function ibytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const s = i === 0 ? String(v) : v >= 100 || Number.isInteger(v) ? v.toFixed(0) : v.toFixed(1).replace(/\.0$/, '');
  return `${s}${units[i]}`;
}

/** Decimal sizes as `docker images` prints them (go-units HumanSize: 74.8MB, 1.49kB). */
export function dsize(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${Number(v.toPrecision(3))}${units[i]}`;
}

/** A new empty scene. */
export function scene(view: string, title: string, desc: string): Scene {
  return { view, width: 1000, height: 0, title, desc, boxes: [], edges: [], labels: [], legend: [], tables: [] };
}
