/**
 * Vitest's global set-up (issue #14, the suite's time): the CLI is built once per run, from the sources as they are
 * now, into a temporary folder that every test shares. Three things use it:
 * - the grading workers of in-process `grade` runs (tests/cli): src/cli/grade-worker-dev.mjs starts the built worker
 *   when CC_TEST_GRADE_WORKER names it, instead of transpiling the TypeScript sources in each new worker thread
 *   (2.6–3.3 s of CPU a start, measured by h/suite7, against ~1.1 s for the bundle);
 * - tests/cli/bundle.test.ts reads the build's chunk graph (CC_CLI_META);
 * - tests/cli/grade-hostile.test.ts runs the built command.
 * Before, the last two each built their own copy. Built here, the copy never races tests/cli/pack.test.ts's `npm pack`
 * (which rebuilds build/cli).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of the CLI built for this run (container-course.mjs, grade-worker.mjs and their chunks). */
    cliBundleDir: string;
    /** esbuild's metafile of that build. */
    cliMetaPath: string;
  }
}

/**
 * Whether this run can include a tests/cli file. Vitest's file filters are substrings of a test file's path; a run
 * given filters (`vitest run tests/sim`) none of which is in a tests/cli path skips the build (~3.5 s of CPU). A word
 * after a flag is taken for the flag's value; when unsure, the CLI is built.
 */
function runsCliTests(argv: string[], cliFiles: string[]): boolean {
  const filters = argv.slice(argv.indexOf('run') + 1).filter((a, i, all) => !a.startsWith('-') && !(all[i - 1]?.startsWith('-') && !all[i - 1]!.includes('=')));
  return filters.length === 0 || filters.some((f) => cliFiles.some((path) => path.includes(f)));
}

export default function setup(project: TestProject) {
  const repo = join(import.meta.dirname, '..');
  const cliFiles = readdirSync(join(repo, 'tests/cli')).map((f) => `tests/cli/${f}`);
  if (process.argv.includes('run') && !runsCliTests(process.argv, cliFiles)) return;
  const work = mkdtempSync(join(tmpdir(), 'cc-test-cli-'));
  const out = join(work, 'cli');
  const metaPath = join(work, 'meta.json');
  execFileSync(process.execPath, [join(repo, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build-cli.ts'], {
    cwd: repo,
    stdio: 'pipe',
    env: { ...process.env, CC_CLI_OUT: out, CC_CLI_META: metaPath },
  });
  project.provide('cliBundleDir', out);
  project.provide('cliMetaPath', metaPath);
  // Worker processes and threads inherit the environment; the grading workers read it.
  process.env.CC_TEST_GRADE_WORKER = join(out, 'grade-worker.mjs');
  return () => rmSync(work, { recursive: true, force: true });
}
