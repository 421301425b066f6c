import type { CliIO } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';

export async function runCli(argv: string[], opts: { stdin?: string; cwd?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readStdin: async () => opts.stdin ?? '',
    isTTY: false,
    cwd: opts.cwd ?? process.cwd(),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
