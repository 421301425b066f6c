import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/**
 * A temporary folder holding one student's submission in `s/` (file name → text) and, when given, the lock file of
 * an assignment repository (container-course.lock); returns the folder, the `cwd` for `grade … s`.
 */
export function submissionDir(files: Record<string, string>, lock?: { rules: string; exercise: string }): string {
  const root = mkdtempSync(join(tmpdir(), 'cc-rules-'));
  mkdirSync(join(root, 's'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 's', name), text);
  if (lock) writeFileSync(join(root, 'container-course.lock'), JSON.stringify(lock));
  return root;
}
