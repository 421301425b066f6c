import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { World } from '../../../src/sim/index.ts';
import { sh } from '../helpers.ts';

/**
 * The expected --help texts (fixtures/help/*.txt): docker/cli v27.3.1's cobra templates
 * (cli/cobra.go usageTemplate, helpTemplate) over each command's Use, Short, Long, aliases
 * annotation and flags (cli/command/container/list.go, run.go, opts.go, stop.go, logs.go,
 * image/list.go, image/cmd.go, cmd/docker/docker.go), at 80 columns.
 */
export const helpText = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', 'help', `${name}.txt`), 'utf8');

export async function expectHelp(w: World, line: string, fixture: string): Promise<void> {
  const r = await sh(w, line);
  expect(r.exitCode, line).toBe(0);
  expect(r.stderr, line).toBe('');
  expect(r.out, line).toBe(helpText(fixture));
}
