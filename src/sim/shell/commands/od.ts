import type { ExecResult } from '../../api.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { readWants } from '../readsize.ts';
import { strerror } from '../pathlookup.ts';

/**
 * od (coreutils 9.4 src/od.c; busybox's od is the same code, od_bloaty.c) over the bytes of its
 * input: the named characters (-c, -t c), `-t a`, and the integer types (-t d/o/u/x with 1, 2, 4
 * or 8 bytes, and -b, -d, -o, -x), little-endian, 16 bytes a line, `*` for repeated lines
 * unless -v, the address in -A d/o/x/n, -j and -N. Other options (floats, -w, -s, traditional
 * offsets) go to just-bash's od.
 */

interface Spec {
  kind: 'c' | 'a' | 'd' | 'o' | 'u' | 'x';
  size: number;
  /** Characters of one field without its leading space (od.c: field_width). */
  width: number;
  pad: number;
}

const SIZE_LETTERS: Record<string, number> = { C: 1, S: 2, I: 4, L: 8 };
// od.c: the widest value of each type and size.
const DIGITS: Record<'d' | 'o' | 'u' | 'x', Record<number, number>> = {
  d: { 1: 4, 2: 6, 4: 11, 8: 20 },
  o: { 1: 3, 2: 6, 4: 11, 8: 22 },
  u: { 1: 3, 2: 5, 4: 10, 8: 20 },
  x: { 1: 2, 2: 4, 4: 8, 8: 16 },
};
// od.c charname[]: `-t a` names the control characters (and space) of 7-bit ASCII.
const NAMES = [
  'nul',
  'soh',
  'stx',
  'etx',
  'eot',
  'enq',
  'ack',
  'bel',
  'bs',
  'ht',
  'nl',
  'vt',
  'ff',
  'cr',
  'so',
  'si',
  'dle',
  'dc1',
  'dc2',
  'dc3',
  'dc4',
  'nak',
  'syn',
  'etb',
  'can',
  'em',
  'sub',
  'esc',
  'fs',
  'gs',
  'rs',
  'us',
  'sp',
];
// od.c print_named_ascii / print_ascii: C escapes for -c.
const ESCAPES: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };

/** The specs of one -t string (od.c decode_format_string), or undefined for what this od leaves to just-bash's. */
function decodeTypes(text: string): Spec[] | undefined {
  const out: Spec[] = [];
  let s = text;
  while (s.length) {
    const c = s[0] as string;
    s = s.slice(1);
    if (c === 'c' || c === 'a') {
      out.push({ kind: c, size: 1, width: 3, pad: 0 });
      continue;
    }
    if (!'doux'.includes(c)) return undefined;
    let size = 4;
    const m = /^(\d+)/.exec(s);
    if (m) {
      size = Number(m[1]);
      s = s.slice(m[1]!.length);
    } else if (s[0] && SIZE_LETTERS[s[0]]) {
      size = SIZE_LETTERS[s[0]] as number;
      s = s.slice(1);
    }
    const digits = DIGITS[c as 'd' | 'o' | 'u' | 'x'][size];
    if (digits === undefined) return undefined;
    out.push({ kind: c as Spec['kind'], size, width: digits, pad: 0 });
  }
  return out;
}

function field(spec: Spec, bytes: Uint8Array, at: number): string {
  if (spec.kind === 'c') {
    const b = bytes[at] as number;
    return ESCAPES[b] ?? (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : b.toString(8).padStart(3, '0'));
  }
  if (spec.kind === 'a') {
    const b = (bytes[at] as number) & 0x7f;
    return b === 0x7f ? 'del' : (NAMES[b] ?? String.fromCharCode(b));
  }
  let v = 0n;
  for (let i = spec.size - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[at + i] ?? 0);
  if (spec.kind === 'd' && v >= 1n << BigInt(spec.size * 8 - 1)) v -= 1n << BigInt(spec.size * 8);
  if (spec.kind === 'x') return v.toString(16).padStart(spec.width, '0');
  if (spec.kind === 'o') return v.toString(8).padStart(spec.width, '0');
  return v.toString();
}

/** One line of one spec: od.c's print functions spread the spec's padding over its fields. */
function line(spec: Spec, bytes: Uint8Array, from: number, count: number, perBlock: number): string {
  const fields = perBlock / spec.size;
  const present = Math.ceil(count / spec.size);
  let out = '';
  let padLeft = spec.pad;
  for (let i = fields; i > fields - present; i--) {
    const nextPad = Math.floor((spec.pad * (i - 1)) / fields);
    const adjusted = padLeft - nextPad + spec.width;
    out += field(spec, bytes, from + (fields - i) * spec.size).padStart(adjusted, ' ');
    padLeft = nextPad;
  }
  return out;
}

type Parsed = { specs: Spec[]; radix: 'd' | 'o' | 'x' | 'n'; verbose: boolean; skip: number; limit?: number; files: string[] };

function parse(args: string[]): Parsed | undefined {
  const p: Parsed = { specs: [], radix: 'o', verbose: false, skip: 0, files: [] };
  const value = (a: string, i: number): [string | undefined, number] => (a.length > 2 ? [a.slice(2), i] : [args[i + 1], i + 1]);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      p.files.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      p.files.push(a);
      continue;
    }
    const flag = a.slice(0, 2);
    if (flag === '-A' || flag === '-t' || flag === '-j' || flag === '-N') {
      const [v, next] = value(a, i);
      i = next;
      if (v === undefined) return undefined;
      if (flag === '-A') {
        if (!['d', 'o', 'x', 'n'].includes(v)) return undefined;
        p.radix = v as Parsed['radix'];
      } else if (flag === '-t') {
        const specs = decodeTypes(v);
        if (!specs) return undefined;
        p.specs.push(...specs);
      } else {
        if (!/^\d+$/.test(v)) return undefined;
        if (flag === '-j') p.skip = Number(v);
        else p.limit = Number(v);
      }
      continue;
    }
    for (const c of a.slice(1)) {
      // od.c: the old single-letter formats.
      const t = ({ c: 'c', a: 'a', b: 'o1', d: 'u2', o: 'o2', x: 'x2' } as Record<string, string>)[c];
      if (t) p.specs.push(...(decodeTypes(t) as Spec[]));
      else if (c === 'v') p.verbose = true;
      else return undefined;
    }
  }
  if (!p.specs.length) p.specs = decodeTypes('o2') as Spec[];
  return p;
}

/** The bytes of the inputs, one after the other; a file that cannot be read is reported and skipped (od.c open_next_file). */
async function input(p: Parsed, env: CmdEnv): Promise<{ bytes?: Uint8Array; errors: string }> {
  if (!p.files.length) return { bytes: env.stdinBytes(), errors: '' };
  const parts: Uint8Array[] = [];
  let errors = '';
  for (const f of p.files) {
    if (f === '-') {
      parts.push(env.stdinBytes());
      continue;
    }
    // -N: an endless device (/dev/zero) serves the bytes od asks for (shell/readsize.ts).
    if (p.limit !== undefined) readWants.set(env.self, p.skip + p.limit);
    try {
      parts.push(await env.fs.readFileBuffer(env.fs.resolvePath(env.cwd, f)));
    } catch (e) {
      // open_next_file: error (0, errno, "%s", quotef (input_filename)) (coreutils@v9.4:src/od.c).
      errors += `od: ${f}: ${strerror(e, false)}\n`;
    } finally {
      readWants.delete(env.self);
    }
  }
  if (!parts.length) return { errors };
  const all = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of parts) {
    all.set(b, at);
    at += b.length;
  }
  return { bytes: all, errors };
}

export const od: SimCommand = {
  name: 'od',
  async run(args, env): Promise<ExecResult> {
    const p = parse(args);
    if (!p) return env.orig ? env.orig(args) : { stdout: '', stderr: '', exitCode: 1 };
    const { bytes: data, errors } = await input(p, env);
    if (!data) return { stdout: '', stderr: errors, exitCode: 1 };
    const bytes = data.subarray(Math.min(p.skip, data.length), p.limit === undefined ? undefined : p.skip + p.limit);
    const perBlock = 16;
    // od.c main: every spec's line is as wide as the widest, its padding spread over its fields.
    const widthPerBlock = Math.max(...p.specs.map((s) => (s.width + 1) * (perBlock / s.size)));
    for (const s of p.specs) s.pad = widthPerBlock - s.width * (perBlock / s.size);
    const base = { d: 10, o: 8, x: 16, n: 0 }[p.radix];
    const padLen = p.radix === 'x' ? 6 : 7;
    const addr = (n: number) => (p.radix === 'n' ? '' : (n + p.skip).toString(base).padStart(padLen, '0'));
    let out = '';
    let prev: string | undefined;
    let starred = false;
    for (let at = 0; at < bytes.length; at += perBlock) {
      const count = Math.min(perBlock, bytes.length - at);
      const key = count === perBlock ? bytes.subarray(at, at + count).join(',') : undefined;
      if (!p.verbose && key !== undefined && key === prev) {
        if (!starred) out += '*\n';
        starred = true;
        continue;
      }
      prev = key;
      starred = false;
      p.specs.forEach((s, i) => {
        out += `${i === 0 ? addr(at) : ' '.repeat(p.radix === 'n' ? 0 : padLen)}${line(s, bytes, at, count, perBlock)}\n`;
      });
    }
    if (p.radix !== 'n') out += `${addr(bytes.length)}\n`;
    // A file that cannot be opened is reported when od reaches it, before the dump (which ends after every input).
    return {
      stdout: out,
      stderr: errors,
      exitCode: errors ? 1 : 0,
      output: [
        { stream: 'stderr', text: errors },
        { stream: 'stdout', text: out },
      ],
    };
  },
};
