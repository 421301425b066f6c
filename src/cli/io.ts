/** The streams a CLI subcommand talks through; tests pass in-memory ones. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input (for `-` arguments). */
  readStdin: () => Promise<string>;
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
    isTTY: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
  };
}

/** A subcommand: parses its own argv, returns the process exit code. */
export type Subcommand = (argv: string[], io: CliIO) => Promise<number>;
