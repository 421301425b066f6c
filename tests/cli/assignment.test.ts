/** `assignment new`: the generated workflow's own command gives 0 on the starter and full points on the solution. */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { solutionFiles } from '../../src/cli/assignment-files.ts';
import { loadBank } from '../../src/cli/bank.ts';
import { runCli } from './helpers.ts';

const version = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')).version as string;
const bank = await loadBank('2026.12.6');
if ('error' in bank) throw new Error(bank.error);

/** The grade command of a generated CI file, without its `npx --yes container-course@VERSION` prefix. */
function ciArgs(command: string): string[] {
  const prefix = `npx --yes container-course@${version} `;
  expect(command.startsWith(prefix)).toBe(true);
  return command.slice(prefix.length).split(' ');
}

describe.each(['e11.1', 'e7.2', 'e1.1', 'e2.2'])('assignment new %s', (id) => {
  it('writes the starter repository; its workflow command gives 0 on the starter and full points on the solution', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cc-asg-'));
    const made = await runCli(['assignment', 'new', id, '--locale', 'both'], { cwd: root });
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const dir = join(root, id);
    const ex = bank.bank.exercises.find((e) => e.id === id)!;
    const names = Object.keys(solutionFiles(ex));
    expect(readdirSync(dir, { recursive: true }).map(String).sort()).toEqual(
      ['.github', '.github/workflows', '.github/workflows/classroom.yml', '.gitlab-ci.yml', 'README.md', 'container-course.lock', ...names].sort(),
    );
    expect(JSON.parse(readFileSync(join(dir, 'container-course.lock'), 'utf8'))).toEqual({ rules: '2026.12.6', exercise: id, cli: version });
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toContain(ex.task.en);
    expect(readme).toContain(ex.task['zh-cn']);
    const wf = parse(readFileSync(join(dir, '.github/workflows/classroom.yml'), 'utf8'));
    const step = wf.jobs.grade.steps.find((s: { run?: string }) => s.run);
    const args = ciArgs(step.run);
    const max = ex.kind === 'quiz' ? ex.questions.reduce((s, q) => s + q.weight, 0) : ex.checks.reduce((s, c) => s + c.weight, 0);
    const starter = await runCli(args, { cwd: dir });
    expect(starter.code).toBe(1);
    expect(starter.stdout.trimEnd().split('\n').pop()).toBe(`Points 0/${max}`);
    for (const [n, t] of Object.entries(solutionFiles(ex))) writeFileSync(join(dir, n), t);
    const solved = await runCli(args, { cwd: dir });
    expect(solved.stdout.trimEnd().split('\n').pop()).toBe(`Points ${max}/${max}`);
    expect(solved.code).toBe(0);
    const gl = parse(readFileSync(join(dir, '.gitlab-ci.yml'), 'utf8'));
    const glr = await runCli(ciArgs(gl.grade.script[0]), { cwd: dir });
    expect(glr.stdout).toBe(`Points ${max}/${max}\n`);
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites/);
  }, 60_000);
});

describe('assignment usage errors', { timeout: 120_000 }, () => {
  it('names the problem', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cc-asg-'));
    expect((await runCli(['assignment', 'new', 'e99'], { cwd: root })).stderr).toBe(
      "container-course assignment: unknown exercise 'e99' in rule set current (see container-course exercises)\n",
    );
    expect((await runCli(['assignment', 'make', 'e1.1'], { cwd: root })).code).toBe(2);
    writeFileSync(join(root, 'x'), '');
    expect((await runCli(['assignment', 'new', 'e1.1', '--out', 'x'], { cwd: root })).stderr).toBe(
      'container-course assignment: --out x: exists and is not a folder\n',
    );
    await runCli(['assignment', 'new', 'e1.1', '--out', 'y'], { cwd: root });
    expect((await runCli(['assignment', 'new', 'e1.1', '--out', 'y'], { cwd: root })).stderr).toBe(
      'container-course assignment: --out y: the folder is not empty; choose a new one\n',
    );
  });
});
