import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from './helpers.ts';

const ex = parse(readFileSync(join(import.meta.dirname, '../../content/exercises/e11.1.yaml'), 'utf8'));
const root = mkdtempSync(join(tmpdir(), 'cc-grade-'));
const cls = join(root, 'class');
const put = (p: string, data: string | Buffer) => {
  mkdirSync(join(cls, p, '..'), { recursive: true });
  writeFileSync(join(cls, p), data);
};
put('alice/pod.yaml', ex.solution['pod.yaml']);
put('bob/pod.yaml', ex.wrong[0].files['pod.yaml']);
put('carol/my-pod.yml', ex.wrong[1].files['pod.yaml']);
put('dave/pod.yaml', Buffer.from([0x61, 0x00]));
put('erin.json', JSON.stringify({ format: 'container-course-submission', version: 1, exercise: 'e11.1', text: ex.wrong[1].files['pod.yaml'], score: 10, timestamp: '2026-11-23T10:00:00Z', courseVersion: '0.1.0' }));
put('frank.json', '{"format": "container-course-submission", oops');
put('gina.yaml', '');
put('hugo.yaml', 'x: ' + 'a'.repeat(3 * 1024 * 1024));
put('ivan.json', JSON.stringify({ format: 'container-course-submission', version: 1, exercise: 'e12.1', text: 'x' }));
writeFileSync(join(root, 'outside.yaml'), ex.solution['pod.yaml']);
symlinkSync(join(root, 'outside.yaml'), join(cls, 'zed.yaml'));

describe('container-course grade', () => {
  it('grades a class folder: one row per student, errors as rows, the Points line', async () => {
    const r = await runCli(['grade', '--exercise', 'e11.1', 'class'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe([
      'submission        score  parses  known-fields  drop-all  add-net-bind  no-escalation  not-privileged  same-image',
      'class/alice       10/10  ok      ok            ok        ok            ok             ok              ok',
      'class/bob         7/10   ok      FAIL          FAIL      ok            ok             ok              ok',
      'class/carol       6/10   ok      ok            FAIL      FAIL          ok             ok              ok',
      'class/dave        0/10   -       -             -         -             -              -               -',
      'class/erin.json   6/10   ok      ok            FAIL      FAIL          ok             ok              ok',
      'class/frank.json  0/10   -       -             -         -             -              -               -',
      'class/gina.yaml   0/10   -       -             -         -             -              -               -',
      'class/hugo.yaml   0/10   -       -             -         -             -              -               -',
      'class/ivan.json   0/10   -       -             -         -             -              -               -',
      'class/zed.yaml    0/10   -       -             -         -             -              -               -',
      'class/dave: error: pod.yaml:1:2: file looks binary (it contains a NUL byte); expected YAML or a Dockerfile',
      'class/frank.json: error: the submission file is not valid JSON: Expected double-quoted property name in JSON at position 42 (line 1 column 43)',
      'class/gina.yaml: error: the submission is empty',
      'class/hugo.yaml: error: file is too large (3.0 MB); the limit is 2.0 MB',
      'class/ivan.json: error: the submission is for exercise e12.1, not e11.1',
      'class/zed.yaml: error: a symlink that leads outside the folder; not followed',
      'Points 29/100',
      '',
    ].join('\n'));
  });
  it('writes CSV for a gradebook to --out and prints the Points line', async () => {
    const r = await runCli(['grade', '-e', 'e11.1', '--format', 'csv', '--out', 'grades.csv', 'class/alice', 'class/bob'], { cwd: root });
    expect(r).toEqual({ code: 1, stderr: '', stdout: 'Points 17/20\n' });
    expect(readFileSync(join(root, 'grades.csv'), 'utf8')).toBe([
      'submission,score,max,parses,known-fields,drop-all,add-net-bind,no-escalation,not-privileged,same-image,error',
      'class/alice,10,10,1,1,2,2,2,1,1,',
      'class/bob,7,10,1,0,0,2,2,1,1,',
      '',
    ].join('\n'));
  });
  it('writes Exercism results.json (v3) with hints as messages', async () => {
    const r = await runCli(['grade', '-e', 'e11.1', '--format', 'results-json', 'class/bob'], { cwd: root });
    const j = JSON.parse(r.stdout);
    expect(j.version).toBe(3);
    expect(j.status).toBe('fail');
    expect(j.tests.map((t: { test_code: string; status: string }) => `${t.test_code}:${t.status}`)).toEqual(['parses:pass', 'known-fields:fail', 'drop-all:fail', 'add-net-bind:pass', 'no-escalation:pass', 'not-privileged:pass', 'same-image:pass']);
    expect(j.tests[2].message).toBe('Start from nothing, so capabilities.drop must list ALL. Then add back only what the app needs.');
    expect(j.tests[6].name).toBe('hidden check 7');
    const err = JSON.parse((await runCli(['grade', '-e', 'e11.1', '--format', 'results-json', 'class/gina.yaml'], { cwd: root })).stdout);
    expect(err).toEqual({ version: 3, status: 'error', message: 'the submission is empty', tests: [] });
  });
  it('writes JSON and JUnit', async () => {
    const j = JSON.parse((await runCli(['grade', '-e', 'e11.1', '--format', 'json', '--locale', 'zh-cn', 'class/alice'], { cwd: root })).stdout);
    expect(j.points).toEqual({ score: 10, max: 10 });
    expect(j.submissions[0].checks[0]).toEqual({ id: 'parses', title: '清单可以被解析', passed: true, points: 1, max: 1, hidden: false });
    const x = (await runCli(['grade', '-e', 'e11.1', '--format', 'junit', 'class/bob'], { cwd: root })).stdout;
    expect(x).toContain('<testsuite name="class/bob" tests="7" failures="2" errors="0">');
  });
  it('exits 0 when every submission has full marks', async () => {
    expect((await runCli(['grade', '-e', 'e11.1', 'class/alice'], { cwd: root })).code).toBe(0);
  });
  it('grades a shell-goal submission file by replaying its commands', async () => {
    writeFileSync(join(root, 'e1.1.json'), JSON.stringify({ format: 'container-course-submission', version: 1, exercise: 'e1.1', commands: ['docker run -d --name web -p 8080:80 nginx:1.25', "docker inspect -f '{{.State.Pid}}' web"] }));
    const r = await runCli(['grade', '-e', 'e1.1', '--format', 'csv', 'e1.1.json'], { cwd: root });
    expect(r.stdout).toBe('submission,score,max,running,port,pid,error\ne1.1.json,6,6,2,2,2,\n');
  });
  it('usage errors exit 2', async () => {
    expect((await runCli(['grade', 'class'], { cwd: root })).stderr).toMatch(/^container-course grade: --exercise is required\n/);
    const u = await runCli(['grade', '-e', 'e99', 'class'], { cwd: root });
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/^container-course grade: unknown exercise 'e99'; known: e1.1, e1.2, (e\d+\.\d+, )*e13\.\d+\n$/);
    expect((await runCli(['grade', '-e', 'e11.1'], { cwd: root })).code).toBe(2);
    expect((await runCli(['grade', '--help'])).stdout).toMatch(/^Usage: container-course grade --exercise ID/);
  });
});

describe('container-course grade in a student repository', () => {
  it('treats a folder holding the exercise files as one submission, even with other folders in it', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'cc-repo-'));
    writeFileSync(join(repo, 'pod.yaml'), ex.solution['pod.yaml']);
    mkdirSync(join(repo, 'notes'));
    writeFileSync(join(repo, 'notes', 'README.md'), '# notes\n');
    const r = await runCli(['grade', '-e', 'e11.1', '.'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(-2)).toEqual(['Points 10/10', '']);
  });
});
