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

export function processIO(): CliIO {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    readStdinBytes: (limit) => readCapped(process.stdin, limit),
    isTTY: Boolean(process.stdout.isTTY),
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
