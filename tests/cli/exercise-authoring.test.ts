/** Teacher-authored exercises: scaffold, validate (naming file, id and field), and use with --exercises. */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.ts';

describe('container-course exercise', { timeout: 120_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'cc-ex-'));
  it('new writes an exercise that validates as it is', async () => {
    expect(await runCli(['exercise', 'new', 't1.1', '--out', 'mine'], { cwd: root })).toEqual({
      code: 0,
      stderr: '',
      stdout: 'Wrote mine/t1.1.yaml; check it with: container-course exercise validate mine\n',
    });
    const v = await runCli(['exercise', 'validate', 'mine'], { cwd: root });
    expect(v).toEqual({
      code: 0,
      stderr: '',
      stdout: 'mine/t1.1.yaml: exercise t1.1: ok (solution full marks, starter does not, 1 wrong answer as expected)\n1 exercise file: all valid\n',
    });
    expect((await runCli(['exercise', 'new', 't1.1', '--out', 'mine'], { cwd: root })).stderr).toMatch(
      /^container-course exercise: cannot write t1\.1\.yaml: the file exists\n/,
    );
    expect((await runCli(['exercise', 'new', 'e11.1'], { cwd: root })).stderr).toMatch(/^container-course exercise: 'e11\.1' is already a course exercise/);
  });
  it('validate names each mistake with the file, the exercise id and the field', async () => {
    const good = readFileSync(join(root, 'mine', 't1.1.yaml'), 'utf8');
    const bad = join(root, 'bad');
    mkdirSync(bad);
    writeFileSync(
      join(bad, 'a.yaml'),
      good.replace('id: t1.1', 'id: t2.1').replace('expect: { failed: [uid], hints: [uid] }', 'expect: { failed: [non-root], hints: [nope] }'),
    );
    writeFileSync(
      join(bad, 'b.yaml'),
      good.replace('id: t1.1', 'id: t3.1').replace('weight: 2\n    template: effective', 'weight: -2\n    template: effective'),
    );
    writeFileSync(join(bad, 'c.yaml'), good.replace('id: t1.1', 'id: t4.1').replace('runAsUser: 1000\n      containers', 'runAsUser: 999\n      containers'));
    const v = await runCli(['exercise', 'validate', 'bad'], { cwd: root });
    expect(v.code).toBe(1);
    expect(v.stdout.split('\n')).toEqual([
      'bad/a.yaml: exercise t2.1: wrong[0] (only-non-root): expect.hints: no hint "nope"',
      'bad/a.yaml: exercise t2.1: wrong[0] (only-non-root): expect.failed: expected [non-root] to fail, but [uid] fail',
      'bad/a.yaml: exercise t2.1: wrong[0] (only-non-root): expect.hints: hint nope not given (given: uid)',
      'bad/b.yaml: exercise t3.1: checks[1].weight: Too small: expected number to be >0',
      'bad/c.yaml: exercise t4.1: solution: gets 4/6; these checks fail: uid',
      '3 exercise files: 3 with mistakes',
      '',
    ]);
  });
  it('--exercises DIR loads them for grade and exercises', async () => {
    const sub = join(root, 'class', 'ann');
    mkdirSync(sub, { recursive: true });
    const y = readFileSync(join(root, 'mine', 't1.1.yaml'), 'utf8');
    writeFileSync(join(sub, 'pod.yaml'), y.split('solution:\n  pod.yaml: |\n')[1]!.split('checks:')[0]!.replace(/^ {4}/gm, ''));
    const g = await runCli(['grade', '--exercises', 'mine', '-e', 't1.1', 'class'], { cwd: root });
    expect(g.stdout.trimEnd().split('\n').pop()).toBe('Points 6/6');
    expect((await runCli(['exercises', '--exercises', 'mine'], { cwd: root })).stdout).toMatch(
      /^t1\.1 +k8s-yaml +6 +pod\.yaml +- +1 +Run as a non-root user$/m,
    );
    expect((await runCli(['grade', '--exercises', 'nowhere', '-e', 't1.1', 'class'], { cwd: root })).stderr).toBe(
      'container-course grade: --exercises nowhere: no such folder\n',
    );
  });
});
