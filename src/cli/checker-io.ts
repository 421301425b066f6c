/** Shared pieces of the checker's subcommands: flags as data, reading inputs safely, locating content. */
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import parser from 'yargs-parser/browser';
import { LIMITS } from '../checker/parse/limits.ts';
import { decodeInput } from '../checker/parse/text.ts';
import { constants, lstat, open, readFile, realpath, stat } from './fs-lite.ts';
import type { CliIO } from './io.ts';

export interface FlagDef {
  type: 'string' | 'boolean' | 'array';
  short?: string;
  choices?: string[];
}

export type Parsed = { ok: true; flags: Record<string, unknown>; args: string[] } | { ok: false; error: string };

/** Parses argv with yargs-parser against declared flags; unknown flags and bad choices are errors. */
export function parseArgs(argv: string[], defs: Record<string, FlagDef>): Parsed {
  const string = Object.entries(defs)
    .filter(([, d]) => d.type === 'string')
    .map(([k]) => k);
  const boolean = Object.entries(defs)
    .filter(([, d]) => d.type === 'boolean')
    .map(([k]) => k);
  const array = Object.entries(defs)
    .filter(([, d]) => d.type === 'array')
    .map(([k]) => k);
  const alias: Record<string, string[]> = {};
  for (const [k, d] of Object.entries(defs)) if (d.short) alias[k] = [d.short];
  const r = parser(argv, {
    string,
    boolean,
    array: array.map((key) => ({ key, string: true })),
    alias,
    configuration: {
      'parse-numbers': false,
      'parse-positional-numbers': false,
      'camel-case-expansion': false,
      'dot-notation': false,
      'short-option-groups': true,
    },
  });
  const known = new Set([...Object.keys(defs), ...Object.values(defs).flatMap((d) => (d.short ? [d.short] : []))]);
  for (const k of Object.keys(r)) {
    if (k === '_' || known.has(k)) continue;
    return { ok: false, error: `unknown flag: ${k.length === 1 ? '-' : '--'}${k}` };
  }
  for (const [k, d] of Object.entries(defs)) {
    const v = r[k];
    if (d.type === 'string' && v === '') return { ok: false, error: `flag needs an argument: --${k}` };
    if (d.type === 'string' && Array.isArray(v)) return { ok: false, error: `--${k} given more than once` };
    if (d.choices && v !== undefined && !d.choices.includes(String(v))) {
      return { ok: false, error: `invalid value "${v}" for --${k}; choose one of: ${d.choices.join(', ')}` };
    }
  }
  return { ok: true, flags: r, args: r._.map(String) };
}

/**
 * The common start of a subcommand: parse, print usage on --help (exit 0), and on a
 * bad flag name the problem and show usage (exit 2). Returns the parsed flags or the exit code.
 */
export function parseCommandLine(
  name: string,
  argv: string[],
  defs: Record<string, FlagDef>,
  usage: string,
  io: { stdout: (t: string) => void; stderr: (t: string) => void },
): { flags: Record<string, unknown>; args: string[] } | number {
  const p = parseArgs(argv, defs);
  if (!p.ok) {
    io.stderr(`container-course ${name}: ${p.error}\n\n${usage}`);
    return 2;
  }
  if (p.flags.help) {
    io.stdout(usage);
    return 0;
  }
  return p;
}

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export async function packageVersion(): Promise<string> {
  try {
    return String(JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')).version ?? '0.0.0');
  } catch {
    return '0.0.0';
  }
}

/** e2.2 < e10.1: compare dotted numbers numerically. */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export type ReadResult = { text: string } | { error: string };

/** An errno as a plain sentence (never the raw `ELOOP: too many symbolic links …, stat '/abs'`). */
export function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links (a symlink loop?)';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ENAMETOOLONG':
      return 'file name too long';
    case 'EISDIR':
      return 'is a directory';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'EIO':
      return 'input/output error';
    case 'ENXIO':
    case 'ENODEV':
      return 'no such device';
    default:
      return code ? `cannot be read (${code})` : 'cannot be read';
  }
}

/** What kind of file this is, when it is not a regular file or a directory: such files are never opened. */
export function specialFileKind(info: {
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
  isFile(): boolean;
}): string | null {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  if (!info.isFile()) return 'not a regular file';
  return null;
}

function formatMB(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Reads a file as strict UTF-8 text; every failure is a one-line message naming the file.
 * The file type is checked before opening (FIFOs, devices and sockets are refused, so
 * nothing blocks or streams forever), the open is non-blocking and checked again on the
 * open handle, and at most `maxBytes` + 1 bytes are read.
 */
export async function readText(path: string, display: string, maxBytes: number = LIMITS.maxBytes): Promise<ReadResult> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    return { error: `${display}: ${errnoText(e)}` };
  }
  if (info.isDirectory()) return { error: `${display}: is a directory` };
  const special = specialFileKind(info);
  if (special) return { error: `${display}: is ${special}, not a regular file; not read` };
  if (info.size > maxBytes) return { error: `${display}: file is too large (${formatMB(info.size)}); the limit is ${formatMB(maxBytes)}` };
  let bytes: Uint8Array;
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
    const again = await handle.stat();
    const kind = again.isDirectory() ? 'a directory' : specialFileKind(again);
    if (kind) return { error: `${display}: is ${kind}, not a regular file; not read` };
    const buf = new Uint8Array(maxBytes + 1);
    let n = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, n, buf.length - n, null);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n > maxBytes) return { error: `${display}: file is too large (more than ${formatMB(maxBytes)}); the limit is ${formatMB(maxBytes)}` };
    }
    bytes = buf.subarray(0, n);
  } catch (e) {
    return { error: `${display}: ${errnoText(e)}` };
  } finally {
    await handle?.close().catch(() => undefined);
  }
  return decoded(bytes, display);
}

/** Bytes (a file's or standard input's) as strict UTF-8 text, or the located reason why not. */
export function decoded(bytes: Uint8Array, display: string): ReadResult {
  const r = decodeInput(bytes, display);
  if ('error' in r) return { error: `${display}:${r.error.line}:${r.error.column}: ${r.error.message}` };
  return { text: r.text };
}

/** Standard input as text, read to the file limit (so `yes | check -` or `/dev/zero` stops at once). */
export async function readStdinText(io: CliIO, display = '-', maxBytes: number = LIMITS.maxBytes): Promise<ReadResult> {
  if (!io.readStdinBytes) {
    const text = await io.readStdin();
    return text.length > maxBytes
      ? { error: `${display}: input is too large (more than ${formatMB(maxBytes)}); the limit is ${formatMB(maxBytes)}` }
      : { text };
  }
  let bytes: Uint8Array | null;
  try {
    bytes = await io.readStdinBytes(maxBytes);
  } catch (e) {
    return { error: `${display}: standard input ${errnoText(e)}` };
  }
  if (bytes === null) return { error: `${display}: input is too large (more than ${formatMB(maxBytes)}); the limit is ${formatMB(maxBytes)}` };
  return decoded(bytes, display);
}

/** Whether `path` (possibly a symlink) resolves inside `root`. */
export async function insideRoot(path: string, root: string): Promise<boolean> {
  try {
    const [real, realRoot] = await Promise.all([realpath(path), realpath(root)]);
    return real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
  } catch {
    return false;
  }
}

export async function isSymlink(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isSymbolicLink();
  } catch {
    return false;
  }
}

export function displayPath(cwd: string, p: string): string {
  const rel = relative(cwd, resolve(cwd, p));
  return rel && !rel.startsWith('..') ? rel : p;
}
