/**
 * The build context: the files `docker build` sends (a path → content map),
 * `.dockerignore` (matched with minimatch, `!` exceptions, last match wins, as
 * moby/patternmatcher does), and source selection for COPY/ADD.
 */
import { minimatch } from 'minimatch';
import { fromUtf8, sha256Hex, utf8 } from '../image/digest.ts';

export interface ContextFile {
  data: Uint8Array | string;
  mode?: number;
}

/** Relative POSIX paths (`src/main.go`, no leading `./`) → files. */
export type BuildContext = ReadonlyMap<string, ContextFile>;

export interface ContextEntry {
  path: string;
  data: Uint8Array;
  mode: number;
}

function clean(p: string): string {
  return p.replace(/^\.\//, '').replace(/^\/+/, '').replace(/\/+$/, '').replace(/\/\.\//g, '/');
}

/** Parses .dockerignore text into patterns (comments and blank lines dropped). */
export function ignorePatterns(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => (l.startsWith('!') ? '!' + clean(l.slice(1)) : clean(l)));
}

/** Whether a path is excluded (a pattern also excludes everything below a matched directory). */
export function isIgnored(path: string, patterns: readonly string[]): boolean {
  let ignored = false;
  const parts = path.split('/');
  for (const pat of patterns) {
    const neg = pat.startsWith('!');
    const glob = neg ? pat.slice(1) : pat;
    let hit = false;
    for (let i = 1; i <= parts.length && !hit; i++) hit = minimatch(parts.slice(0, i).join('/'), glob, { dot: true });
    if (hit) ignored = !neg;
  }
  return ignored;
}

/** The context after .dockerignore, as entries with bytes. */
export function loadContext(ctx: BuildContext): ContextEntry[] {
  const patterns = ignorePatterns(
    (() => {
      const f = ctx.get('.dockerignore');
      if (!f) return undefined;
      return typeof f.data === 'string' ? f.data : fromUtf8(f.data);
    })(),
  );
  const out: ContextEntry[] = [];
  for (const [p, f] of ctx) {
    const path = clean(p);
    if (isIgnored(path, patterns)) continue;
    out.push({ path, data: typeof f.data === 'string' ? utf8(f.data) : f.data, mode: f.mode ?? 0o644 });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Total bytes, for "transferring context: 1.27kB". */
export function contextBytes(entries: readonly ContextEntry[]): number {
  return entries.reduce((n, e) => n + e.data.length, 0);
}

export interface Selected {
  /** Path relative to the source root it was matched from (what lands under dest). */
  rel: string;
  entry: ContextEntry;
}

/**
 * Files a COPY source selects: `.` (everything), a file, a directory (its
 * contents), or a glob. Returns undefined when nothing matches (BuildKit: "not found").
 */
export function selectSources(entries: readonly ContextEntry[], src: string): { files: Selected[]; isDir: boolean } | undefined {
  const s = clean(src);
  if (s === '' || s === '.') return { files: entries.map((e) => ({ rel: e.path, entry: e })), isDir: true };
  const exact = entries.find((e) => e.path === s);
  if (exact) return { files: [{ rel: s.split('/').pop()!, entry: exact }], isDir: false };
  const under = entries.filter((e) => e.path.startsWith(s + '/'));
  if (under.length) return { files: under.map((e) => ({ rel: e.path.slice(s.length + 1), entry: e })), isDir: true };
  if (/[*?[]/.test(s)) {
    const hits = entries.filter((e) => minimatch(e.path, s));
    if (hits.length) return { files: hits.map((e) => ({ rel: e.path.split('/').pop()!, entry: e })), isDir: false };
  }
  return undefined;
}

/** Content checksum of selected files, as BuildKit keys COPY (paths, modes, bytes; not mtimes). */
export async function checksum(files: readonly Selected[]): Promise<string> {
  const parts: string[] = [];
  for (const f of files) parts.push(`${f.rel}\0${f.entry.mode.toString(8)}\0${await sha256Hex(f.entry.data)}`);
  return sha256Hex(parts.join('\n'));
}
