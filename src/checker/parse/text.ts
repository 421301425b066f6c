/**
 * Turns raw bytes into text, or a clear error with a position: too large,
 * binary, or not UTF-8. TextDecoder is a global in browsers and Node alike.
 */
import { LIMITS } from './limits.ts';
import type { InputError } from '../types.ts';

declare const TextDecoder: {
  new (label: string, options: { fatal: boolean; ignoreBOM?: boolean }): { decode(input: Uint8Array): string };
};
declare const TextEncoder: { new (): { encode(input: string): Uint8Array } };

function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function formatSize(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** Checks size and content of text that is already a string (editor input). */
export function checkText(text: string, file: string): InputError | null {
  if (text.length > LIMITS.maxBytes) {
    return { file, line: 1, column: 1, message: `file is too large (${formatSize(text.length)}); the limit is ${formatSize(LIMITS.maxBytes)}` };
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const before = text.slice(0, nul);
    const line = before.split('\n').length;
    return { file, line, column: nul - before.lastIndexOf('\n'), message: 'file looks binary (it contains a NUL byte); expected YAML or a Dockerfile' };
  }
  return null;
}

/** Decodes bytes as strict UTF-8 (a leading BOM is dropped). */
export function decodeInput(bytes: Uint8Array, file: string): { text: string } | { error: InputError } {
  if (bytes.length > LIMITS.maxBytes) {
    return { error: { file, line: 1, column: 1, message: `file is too large (${formatSize(bytes.length)}); the limit is ${formatSize(LIMITS.maxBytes)}` } };
  }
  const wide = utf16or32(bytes);
  if (wide) return { error: { file, line: 1, column: 1, message: `file is ${wide} (it starts with a ${wide} byte-order mark); save it as UTF-8` } };
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { error: { file, ...position(bytes, nul), message: 'file looks binary (it contains a NUL byte); expected YAML or a Dockerfile' } };
  }
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch {
    // Find the first byte that breaks UTF-8, to point at it.
    const bad = firstInvalidUtf8(bytes);
    return {
      error: { file, ...position(bytes, bad), message: `file is not valid UTF-8 (byte 0x${bytes[bad]?.toString(16).padStart(2, '0')} at offset ${bad})` },
    };
  }
}

/** UTF-16 and UTF-32 files announce themselves with a byte-order mark. */
function utf16or32(b: Uint8Array): string | null {
  if (b[0] === 0xff && b[1] === 0xfe) return b[2] === 0 && b[3] === 0 ? 'UTF-32' : 'UTF-16';
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16';
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32';
  return null;
}

function firstInvalidUtf8(b: Uint8Array): number {
  // Decode with replacement characters, then find the first U+FFFD that is not a real EF BF BD in the input.
  const loose = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(b);
  const enc = new TextEncoder();
  let from = 0;
  for (;;) {
    const i = loose.indexOf('\uFFFD', from);
    if (i < 0) return b.length - 1;
    const offset = enc.encode(loose.slice(0, i)).length;
    if (!(b[offset] === 0xef && b[offset + 1] === 0xbf && b[offset + 2] === 0xbd)) return offset;
    from = i + 1;
  }
}
