/**
 * The package a teacher installs: `npm pack` (which builds the bundle through `prepare`),
 * `npm install -g` into a temporary prefix, then the command from a folder outside the
 * repository with the machine's own node (/usr/bin/node, v20 here), not the pinned one.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repo = join(import.meta.dirname, '../..');
const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => spawnSync(p, ['--version']).status === 0);
const ex = parse(readFileSync(join(repo, 'content/exercises/e11.1.yaml'), 'utf8'));
/** `assignment new` pins the newest released rule set that has the exercise: its model answer is the one to hand in there. */
const frozen = (
  JSON.parse(readFileSync(join(repo, 'content/rulesets/2026.12.6.json'), 'utf8')) as { exercises: { id: string; solution: Record<string, string> }[] }
).exercises.find((e) => e.id === 'e11.1')!;

describe.skipIf(!systemNode)('npm pack → npm install -g → container-course on the system node', () => {
  it('installs and runs --help, check and grade from a folder outside the repository', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'cc-pack-'));
    execFileSync('npm', ['pack', '--pack-destination', tmp, '--silent'], { cwd: repo, stdio: 'pipe' });
    const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'))!;
    const prefix = join(tmp, 'prefix');
    execFileSync('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(tmp, tgz)], { cwd: tmp, stdio: 'pipe' });
    const work = join(tmp, 'work');
    mkdirSync(join(work, 'class', 'alice'), { recursive: true });
    mkdirSync(join(work, 'class', 'bob'), { recursive: true });
    writeFileSync(join(work, 'class', 'alice', 'pod.yaml'), ex.solution['pod.yaml']);
    writeFileSync(join(work, 'class', 'bob', 'pod.yaml'), ex.start['pod.yaml']);
    writeFileSync(join(work, 'one.yaml'), ex.solution['pod.yaml']);
    // Only the system node on PATH: the pinned Node 24 of node_modules/.bin must not be used.
    const env = { ...process.env, PATH: `${join(prefix, 'bin')}:/usr/bin:/bin` };
    const cc = (...args: string[]) => spawnSync(join(prefix, 'bin', 'container-course'), args, { cwd: work, env, encoding: 'utf8' });
    expect(spawnSync('node', ['--version'], { env, encoding: 'utf8' }).stdout).toMatch(/^v2\d\./);
    const help = cc('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: container-course <command>/);
    const check = cc('check', 'one.yaml');
    expect(check.stderr).toBe('');
    expect(check.stdout).toMatch(/1 file checked/);
    const grade = cc('grade', '-e', 'e11.1', 'class', '--jobs', '2');
    expect(grade.stderr).toBe('');
    expect(grade.stdout).toMatch(/^class\/alice +10\/10 /m);
    expect(grade.stdout).toMatch(/^class\/bob +0\/10 /m);
    expect(grade.stdout.trimEnd().split('\n').pop()).toBe('Points 10/20');
    expect(grade.status).toBe(1);

    // Issue #16's "done when": a starter repository, and its workflow's command run by the installed CLI.
    const made = cc('assignment', 'new', 'e11.1');
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    const asg = join(work, 'e11.1');
    const wf = parse(readFileSync(join(asg, '.github/workflows/classroom.yml'), 'utf8'));
    const run = wf.jobs.grade.steps.find((x: { run?: string }) => x.run).run as string;
    expect(run).toMatch(/^npx --yes container-course@\d+\.\d+\.\d+ grade --exercise e11\.1 \.$/);
    const args = run.split(' ').slice(3);
    const inRepo = () => spawnSync(join(prefix, 'bin', 'container-course'), args, { cwd: asg, env, encoding: 'utf8' });
    const starter = inRepo();
    expect(starter.stdout.trimEnd().split('\n').pop()).toBe('Points 0/10');
    expect(starter.status).toBe(1);
    expect(readFileSync(join(asg, 'container-course.lock'), 'utf8')).toContain('"rules": "2026.12.6"');
    writeFileSync(join(asg, 'pod.yaml'), frozen.solution['pod.yaml']!);
    const solved = inRepo();
    expect(solved.stdout.trimEnd().split('\n').pop()).toBe('Points 10/10');
    expect(solved.status).toBe(0);
  }, 300_000);
});
