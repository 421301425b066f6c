/**
 * A shell submission's commands that a simulator limit stopped (#17): each row says which
 * command, where it was written (commands.sh:LINE) and what stopped it, in the chosen locale.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/cli/bank.ts';
import { gradeContent } from '../../src/cli/grade-core.ts';
import { feedbackOf, reasons, type GradedRow } from '../../src/cli/grade-format.ts';
import { collectRows } from '../../src/cli/grade-input.ts';

const loaded = await loadBank('current');
if ('error' in loaded) throw new Error(loaded.error);
const ex = loaded.bank.exercises.find((e) => e.id === 'e1.1')!;

const DEPTH_EN = "the simulator stopped this line: functions nested 100 deep, its limit (bash's FUNCNEST); a real bash would recurse until it crashes.";
const DEPTH_ZH = '模拟器停止了本行：函数嵌套达到 100 层上限（即 bash 的 FUNCNEST）；真实的 bash 会一直递归直到崩溃。';
const TIME_EN =
  'the simulator interrupted a command of this line after 60 s of simulated time, as Ctrl-C would: it never ends on its own, and no one is at the keyboard to stop it.';

describe('grade: commands a simulator limit stopped', () => {
  it('a file of commands keeps every line and where it was written (the replay skips comments and blank lines between commands)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cc-stopped-'));
    mkdirSync(join(root, 'ann'));
    writeFileSync(join(root, 'ann', 'commands.sh'), '# my work\n\n$ docker run -d --name web -p 8080:80 nginx:1.25\nf(){ f; }; f\n');
    const [row] = await collectRows([{ abs: join(root, 'ann'), display: 'class/ann' }], ex);
    expect(row?.content).toEqual({
      kind: 'commands',
      commands: ['# my work', '', 'docker run -d --name web -p 8080:80 nginx:1.25', 'f(){ f; }; f'],
      file: 'commands.sh',
      lines: [1, 2, 3, 4],
    });
    // The stopped command is still named by the line it was written on.
    const out = await gradeContent(ex, row!.content!);
    if (!('result' in out)) throw new Error(out.error);
    expect(out.result.stopped?.map((s) => [s.command, s.line])).toEqual([[4, 4]]);
  });

  it('a command written over lines (a here-document with a blank line and a "#" line) runs as one, as bash reads a script', async () => {
    const e71 = loaded.bank.exercises.find((e) => e.id === 'e7.1')!;
    const root = mkdtempSync(join(tmpdir(), 'cc-heredoc-'));
    mkdirSync(join(root, 'bo'));
    writeFileSync(
      join(root, 'bo', 'commands.sh'),
      "docker volume create notes\n\n# the writer's script on stdin\ndocker run -i --name writer -v notes:/data debian sh <<'EOF'\n# a comment of the script\necho hi > /data/hello.txt\n\nEOF\ndocker rm writer\ndocker run --rm -v notes:/data debian cat /data/hello.txt\n",
    );
    const [row] = await collectRows([{ abs: join(root, 'bo'), display: 'class/bo' }], e71);
    const out = await gradeContent(e71, row!.content!);
    if (!('result' in out)) throw new Error(out.error);
    expect([out.result.score, out.result.max]).toEqual([7, 7]);
  });

  it('the row names the file, the line and the limit, in English and in Chinese; the score still counts', async () => {
    const out = await gradeContent(ex, {
      kind: 'commands',
      commands: ['docker stop shop', 'f(){ f; }; f', 'sleep infinity'],
      file: 'commands.sh',
      lines: [1, 4, 7],
    });
    if (!('result' in out)) throw new Error(out.error);
    expect(out.result.stopped).toEqual([
      { command: 2, file: 'commands.sh', line: 4, limit: 'depth', note: { en: DEPTH_EN, 'zh-cn': DEPTH_ZH } },
      { command: 3, file: 'commands.sh', line: 7, limit: 'time', note: expect.objectContaining({ en: TIME_EN }) },
    ]);
    const row: GradedRow = { submission: 'class/ann', student: 'ann', result: out.result };
    expect(feedbackOf(row, ex, 'en')).toBe(`commands.sh:4: ${DEPTH_EN}`);
    expect(feedbackOf(row, ex, 'zh-cn')).toBe(`commands.sh:4: ${DEPTH_ZH}`);
    expect(
      reasons(row, ex, 'en')
        .map((r) => r.text)
        .slice(0, 2),
    ).toEqual([`commands.sh:4: ${DEPTH_EN}`, `commands.sh:7: ${TIME_EN}`]);
    // Stopping a line is what Ctrl-C does; the work before it is still graded.
    expect(out.result.checks.find((c) => c.id === 'culprit')?.passed).toBe(true);
  }, 60_000);

  it('commands without a file (a site submission) are numbered; past five, the rest are counted', () => {
    const stopped = Array.from({ length: 7 }, (_, i) => ({ command: i + 1, limit: 'depth', note: { en: DEPTH_EN, 'zh-cn': DEPTH_ZH } }));
    const row: GradedRow = {
      submission: 'bob.json',
      student: 'bob',
      result: { exercise: 'e1.1', score: 0, max: 6, checks: [], findings: [], hints: [], errors: [], stopped },
    };
    const en = reasons(row, ex, 'en').map((r) => r.text);
    expect(en).toEqual([1, 2, 3, 4, 5].map((n) => `command ${n}: ${DEPTH_EN}`).concat("2 more commands stopped by the simulator's limits"));
    expect(
      reasons(row, ex, 'zh-cn')
        .map((r) => r.text)
        .slice(-2),
    ).toEqual([`第 5 条命令: ${DEPTH_ZH}`, '另有 2 条命令被模拟器的上限停止']);
  });
});
