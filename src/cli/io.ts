import { createRequire } from 'node:module';
import type * as FS from 'node:fs';
import type * as TTY from 'node:tty';

// Through require, as fs-lite.ts explains: node:fs's ES module face loads fs/promises, readline and the streams.
const nodeRequire = createRequire(import.meta.url);
const fs = nodeRequire('node:fs') as typeof FS;
const tty = nodeRequire('node:tty') as typeof TTY;

/** The streams a CLI subcommand talks through; tests pass in-memory ones. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input (for `-` arguments). */
  readStdin: () => Promise<string>;
  /** Reads standard input as bytes, stopping after `limit` bytes: null when there is more. */
  readStdinBytes?: (limit: number) => Promise<Uint8Array | null>;
  /** Whether standard output is a terminal (colour, interactive shell). */
  isTTY: boolean;
  cwd: string;
}

/**
 * Writes to standard output with write(2) until the stream is needed: creating process.stdout
 * (a pipe, a file or a terminal stream) costs several ms of a `container-course check` start,
 * whose target is 150 ms in all. Node writes stdout synchronously on Linux anyway (pipes and
 * files: process.stdout's documented behaviour); a descriptor that would block (EAGAIN, a
 * non-blocking pipe that is full) hands this and every later write to process.stdout, which waits
 * for the reader, so the order of the output is kept.
 */
function stdoutWriter(): (text: string) => void {
  let stream = false;
  return (text) => {
    if (stream) {
      process.stdout.write(text);
      return;
    }
    const bytes = Buffer.from(text, 'utf8');
    let at = 0;
    try {
      while (at < bytes.length) at += fs.writeSync(1, bytes, at, bytes.length - at);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      stream = true;
      process.stdout.write(bytes.subarray(at));
    }
  };
}

export function processIO(): CliIO {
  return {
    stdout: stdoutWriter(),
    stderr: (t) => process.stderr.write(t),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    readStdinBytes: (limit) => readCapped(process.stdin, limit),
    isTTY: tty.isatty(1),
    cwd: process.cwd(),
  };
}

/** Reads a stream to at most `limit` bytes; null as soon as it holds more (the rest is not read). */
export async function readCapped(stream: AsyncIterable<unknown> & { destroy?: () => void }, limit: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let n = 0;
  for await (const c of stream) {
    const chunk = typeof c === 'string' ? new TextEncoder().encode(c) : (c as Uint8Array);
    n += chunk.length;
    if (n > limit) {
      stream.destroy?.();
      return null;
    }
    chunks.push(chunk);
  }
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A subcommand: parses its own argv, returns the process exit code. */
export type Subcommand = (argv: string[], io: CliIO) => Promise<number>;
