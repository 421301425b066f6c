import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
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
put(
  'erin.json',
  JSON.stringify({
    format: 'container-course-submission',
    version: 1,
    exercise: 'e11.1',
    text: ex.wrong[1].files['pod.yaml'],
    score: 10,
    timestamp: '2026-11-23T10:00:00Z',
    courseVersion: '0.1.0',
  }),
);
put('frank.json', '{"format": "container-course-submission", oops');
put('gina.yaml', '');
put('hugo.yaml', 'x: ' + 'a'.repeat(3 * 1024 * 1024));
put('ivan.json', JSON.stringify({ format: 'container-course-submission', version: 1, exercise: 'e12.1', text: 'x' }));
writeFileSync(join(root, 'outside.yaml'), ex.solution['pod.yaml']);
symlinkSync(join(root, 'outside.yaml'), join(cls, 'zed.yaml'));

const KNOWN =
  'Every field is where Kubernetes expects it: pod.yaml:12:7: Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].securityContext.drop" — "drop" belongs under "capabilities:". Indent it two more spaces so it sits inside capabilities (a widely read tutorial has this indentation bug).';
const DROP = 'capabilities.drop contains ALL: Start from nothing, so capabilities.drop must list ALL. Then add back only what the app needs.';
/** Bob's drop: ["all"] also gets the hint on the name's case (Pod Security compares "ALL" exactly). */
const DROP_CASE =
  'Write ALL in capitals. containerd 1.7 reads "all" without regard to case when it builds the container\'s capabilities, so the pod would start with none; but Pod Security Admission compares the names exactly, and a namespace that enforces the restricted profile rejects the pod: \'must set securityContext.capabilities.drop=["ALL"]\'. `container-course check --profile restricted pod.yaml` shows the same finding.';

/** Exercism's test-runner interface, version 3 (exercism/docs building/tooling/test-runners/interface.md). */
const resultsV3 = z
  .object({
    version: z.literal(3),
    status: z.enum(['pass', 'fail', 'error']),
    message: z.string().optional(),
    tests: z.array(
      z
        .object({
          name: z.string().min(1),
          status: z.enum(['pass', 'fail', 'error']),
          test_code: z.string(),
          message: z.string().optional(),
          output: z.string().optional(),
          task_id: z.number().int().positive().optional(),
        })
        .strict(),
    ),
  })
  .strict();

describe('container-course grade', { timeout: 120_000 }, () => {
  it('grades a class folder: one row per student with the reason, errors as rows, the Points line', async () => {
    const r = await runCli(['grade', '--exercise', 'e11.1', 'class'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('submission        score  parses  known-fields  drop-all  add-nothing  no-escalation  not-privileged  hidden-7  feedback');
    expect(lines.slice(1, 11).map((l) => l.replace(/ +/g, ' '))).toEqual([
      'class/alice 10/10 ok ok ok ok ok ok ok all checks pass',
      `class/bob 5/10 ok FAIL FAIL FAIL ok ok ok ${KNOWN}`,
      `class/carol 6/10 ok ok FAIL FAIL ok ok ok ${DROP}`,
      'class/dave 0/10 - - - - - - - pod.yaml:1:2: file looks binary (it contains a NUL byte); expected YAML or a Dockerfile',
      `class/erin.json 6/10 ok ok FAIL FAIL ok ok ok ${DROP}`,
      expect.stringMatching(/^class\/frank\.json 0\/10 - - - - - - - the submission file is not valid JSON: Expected double-quoted property name/),
      'class/gina.yaml 0/10 - - - - - - - the submission is empty',
      'class/hugo.yaml 0/10 - - - - - - - file is too large (3.0 MB); the limit is 1.0 MB',
      'class/ivan.json 0/10 - - - - - - - the submission is for exercise e12.1, not e11.1',
      'class/zed.yaml 0/10 - - - - - - - a symlink that leads outside the folder; not followed',
    ]);
    expect(lines.slice(11)).toEqual(['Points 27/100', '']);
  });

  it('writes a gradebook CSV: student, score, max, percent, points per check, feedback; it parses back', async () => {
    const r = await runCli(['grade', '-e', 'e11.1', '--format', 'csv', '--out', 'grades.csv', 'class/alice', 'class/bob', 'class/erin.json'], { cwd: root });
    expect(r).toEqual({ code: 1, stderr: '', stdout: 'Points 21/30\n' });
    const rows = parseCsv(readFileSync(join(root, 'grades.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      'student',
      'submission',
      'score',
      'max',
      'percent',
      'parses',
      'known-fields',
      'drop-all',
      'add-nothing',
      'no-escalation',
      'not-privileged',
      'hidden-7',
      'feedback',
    ]);
    expect(rows.map((x) => [x.student, x.score, x.max, x.percent, x['drop-all'], x.feedback])).toEqual([
      ['alice', '10', '10', '100', '2', ''],
      ['bob', '5', '10', '50', '0', KNOWN],
      ['erin', '6', '10', '60', '0', DROP],
    ]);
  });

  it('gives the feedback in the chosen locale', async () => {
    const r = await runCli(['grade', '-e', 'e11.1', '--format', 'csv', '--locale', 'zh-cn', 'class/carol'], { cwd: root });
    const [row] = parseCsv(r.stdout, { columns: true }) as Record<string, string>[];
    expect(row!.feedback).toBe('capabilities.drop 包含 ALL: 先清空：capabilities.drop 必须列出 ALL，然后只加回应用需要的能力。');
  });

  it('writes Canvas and Moodle gradebook imports', async () => {
    const c = parseCsv((await runCli(['grade', '-e', 'e11.1', '--format', 'canvas', 'class/alice', 'class/bob'], { cwd: root })).stdout) as string[][];
    expect(c).toEqual([
      ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', 'The maximum-security container (e11.1)'],
      ['Points Possible', '', '', '', '', '10'],
      ['alice', '', 'alice', 'alice', '', '10'],
      ['bob', '', 'bob', 'bob', '', '5'],
    ]);
    const m = parseCsv((await runCli(['grade', '-e', 'e11.1', '--format', 'moodle', 'class/alice', 'class/bob'], { cwd: root })).stdout) as string[][];
    expect(m).toEqual([
      ['ID number', 'e11.1', 'Feedback e11.1'],
      ['alice', '10', ''],
      ['bob', '5', KNOWN],
    ]);
  });

  it('writes Exercism results.json (v3) per student with --out-dir; hidden checks leak no id', async () => {
    const out = join(root, 'results');
    const r = await runCli(['grade', '-e', 'e11.1', '--format', 'results-json', '--out-dir', 'results', 'class/alice', 'class/bob', 'class/gina.yaml'], {
      cwd: root,
    });
    expect(r.stdout).toBe('3 reports in results\nPoints 15/30\n');
    expect(readdirSync(out).sort()).toEqual(['alice', 'bob', 'gina']);
    const bob = resultsV3.parse(JSON.parse(readFileSync(join(out, 'bob', 'results.json'), 'utf8')));
    expect(bob.status).toBe('fail');
    expect(bob.tests.map((t) => `${t.test_code}:${t.status}`)).toEqual([
      'parses:pass',
      'known-fields:fail',
      'drop-all:fail',
      'add-nothing:fail',
      'no-escalation:pass',
      'not-privileged:pass',
      ':pass',
    ]);
    expect(bob.tests[2]!.message).toBe(
      `${DROP}\n${DROP_CASE}\npod.yaml:10:7: drop-all-capabilities: container "demo" does not drop ALL capabilities\n  fix: Add capabilities: {drop: [ALL]} and add back only what the app needs.`,
    );
    expect(bob.tests[6]!.name).toBe('hidden check 7');
    expect(JSON.stringify(bob)).not.toContain('same-image');
    expect(resultsV3.parse(JSON.parse(readFileSync(join(out, 'alice', 'results.json'), 'utf8'))).status).toBe('pass');
    expect(JSON.parse(readFileSync(join(out, 'gina', 'results.json'), 'utf8'))).toEqual({
      version: 3,
      status: 'error',
      message: 'the submission is empty',
      tests: [],
    });
    const many = await runCli(['grade', '-e', 'e11.1', '--format', 'results-json', 'class/alice', 'class/bob'], { cwd: root });
    expect(many.code).toBe(2);
    expect(many.stderr).toBe('container-course grade: --format results-json writes one file per student: give --out-dir DIR (2 submissions)\n');
  });

  it('writes an HTML and a Markdown report per student', async () => {
    await runCli(['grade', '-e', 'e11.1', '--format', 'html', '--out-dir', 'html', 'class/bob'], { cwd: root });
    const html = readFileSync(join(root, 'html', 'bob.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<strong>5/10</strong> (50%)');
    expect(html).toContain('<li>capabilities.drop contains ALL: Start from nothing');
    expect(html).not.toContain('same-image');
    const md = (await runCli(['grade', '-e', 'e11.1', '--format', 'markdown', '--locale', 'zh-cn', 'class/bob'], { cwd: root })).stdout;
    expect(md.split('\n').slice(0, 4)).toEqual(['# 成绩报告: bob', '', '练习: e11.1 — 最高安全级别的容器  ', '得分: **5/10** (50%)']);
    expect(md).toContain('| 隐藏检查 7 | 通过 (1/1) |');
  });

  it('writes JSON and JUnit; the JUnit is well-formed and a failure carries the reason, the place and the fix; full marks exit 0', async () => {
    const alice = await runCli(['grade', '-e', 'e11.1', '--format', 'json', '--locale', 'zh-cn', 'class/alice'], { cwd: root });
    // Every submission has full marks: exit 0 (the status does not depend on the format: grade.ts computes it from
    // the graded rows after any report). Its own test graded alice once more only for this (issue #14).
    expect(alice.code).toBe(0);
    const j = JSON.parse(alice.stdout);
    expect(j.points).toEqual({ score: 10, max: 10 });
    expect(j.submissions[0].checks[0]).toEqual({ id: 'parses', title: '清单可以被解析', passed: true, points: 1, max: 1, hidden: false });
    expect(j.submissions[0].checks[6]).toEqual({ id: 'hidden-7', title: '隐藏检查 7', passed: true, points: 1, max: 1, hidden: true });
    const x = (await runCli(['grade', '-e', 'e11.1', '--format', 'junit', 'class'], { cwd: root })).stdout;
    expect(XMLValidator.validate(x)).toBe(true);
    expect(x).toContain('<testsuite name="class/bob" tests="7" failures="3" errors="0">');
    expect(x).toContain(
      `<failure message="${DROP}" type="drop-all">${DROP}\n${DROP_CASE}\npod.yaml:10:7: drop-all-capabilities: container "demo" does not drop ALL capabilities\n  fix: Add capabilities: {drop: [ALL]} and add back only what the app needs.</failure>`,
    );
  });

  it('grades a shell-goal submission file by replaying its commands', async () => {
    writeFileSync(
      join(root, 'e1.1.json'),
      JSON.stringify({ format: 'container-course-submission', version: 1, exercise: 'e1.1', commands: ['ps -o pid,ppid,cmd -p 23910', 'docker stop shop'] }),
    );
    const r = await runCli(['grade', '-e', 'e1.1', '--format', 'csv', 'e1.1.json'], { cwd: root });
    expect(r.stdout).toBe('student,submission,score,max,percent,culprit,others,feedback\ne1.1,e1.1.json,6,6,100,3,3,\n');
  }, 120_000);

  it('usage errors exit 2: no exercise, unknown exercise, a path that does not exist, bad flags', async () => {
    expect((await runCli(['grade', 'class'], { cwd: root })).stderr).toMatch(/^container-course grade: --exercise is required\n/);
    const u = await runCli(['grade', '-e', 'e99', 'class'], { cwd: root });
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/^container-course grade: unknown exercise 'e99' in rule set current; known: e1.1, e1.2, (e\d+\.\d+, )*e\d+\.\d+\n$/);
    expect((await runCli(['grade', '-e', 'e11.1'], { cwd: root })).code).toBe(2);
    expect(await runCli(['grade', '-e', 'e11.1', 'class/alice', 'clas'], { cwd: root })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'container-course grade: no such file or directory: clas\n',
    });
    expect((await runCli(['grade', '-e', 'e11.1', '--jobs', '0', 'class'], { cwd: root })).stderr).toBe(
      'container-course grade: invalid value "0" for --jobs; give a number from 1 to 64\n',
    );
    expect((await runCli(['grade', '-e', 'e11.1', '--deadline', 'friday', 'class'], { cwd: root })).stderr).toBe(
      'container-course grade: invalid value "friday" for --deadline; give an ISO 8601 time such as 2026-12-18T23:59:00Z\n',
    );
    expect((await runCli(['grade', '-e', 'e11.1', '--format', 'csv', '--out-dir', 'x', 'class'], { cwd: root })).code).toBe(2);
    expect((await runCli(['grade', '--help'])).stdout).toMatch(/^Usage: container-course grade --exercise ID/);
  });

  it('--deadline flags work the site says was submitted late; the student id comes from the submission', async () => {
    const d = join(root, 'late');
    mkdirSync(d);
    const sub = (student: object, submittedAt: string) =>
      JSON.stringify({ format: 'container-course-submission', version: 1, exercise: 'e11.1', text: ex.solution['pod.yaml'], student, submittedAt });
    writeFileSync(join(d, 'a.json'), sub({ name: 'Ann Lee', id: 's1001' }, '2026-12-18T22:00:00Z'));
    writeFileSync(join(d, 'b.json'), sub({ name: 'Ben' }, '2026-12-19T08:00:00Z'));
    const r = await runCli(['grade', '-e', 'e11.1', '--format', 'csv', '--deadline', '2026-12-18T23:59:00Z', 'late'], { cwd: root });
    const rows = parseCsv(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((x) => [x.student, x.score, x.submitted_at, x.late])).toEqual([
      ['s1001', '10', '2026-12-18T22:00:00Z', 'no'],
      ['Ben', '10', '2026-12-19T08:00:00Z', 'yes'],
    ]);
    const t = await runCli(['grade', '-e', 'e11.1', '--deadline', '2026-12-18T23:59:00Z', 'late'], { cwd: root });
    expect(t.stdout).toMatch(/^late\/b\.json \(late\) +10\/10 /m);
  });
});

describe('container-course grade in a student repository', { timeout: 120_000 }, () => {
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
