/**
 * Grading isolation (#17): a class of hostile shell submissions (infinite loops, fork
 * bombs, huge output, memory blow-ups) plus one good one, graded by the built CLI with
 * --jobs 2. Every hostile row says what stopped it (the time limit, or the simulator's
 * own limit and the check it then fails) and the good row gets full marks.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { HOSTILE } from './hostile-shapes.ts';

describe('grade --jobs 2 on a class of hostile shell submissions', () => {
  let bundle = '';
  beforeAll(() => {
    // The run's own build (tests/global-setup.ts), so it never races the pack test's `npm pack` rebuilding build/cli.
    bundle = join(inject('cliBundleDir'), 'container-course.mjs');
  });

  it(`grades ${HOSTILE.length} hostile submissions and a good one in bounded time; each hostile row says what stopped it`, () => {
    const root = mkdtempSync(join(tmpdir(), 'cc-hostile-'));
    HOSTILE.forEach((line, i) => {
      mkdirSync(join(root, 'class', `h${String(i + 1).padStart(2, '0')}`), { recursive: true });
      writeFileSync(join(root, 'class', `h${String(i + 1).padStart(2, '0')}`, 'commands.sh'), `${line}\n`);
    });
    mkdirSync(join(root, 'class', 'zz-good'));
    writeFileSync(join(root, 'class', 'zz-good', 'commands.sh'), 'ps -o pid,ppid,cmd -p 23910\ndocker stop shop\n');
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [bundle, 'grade', '-e', 'e1.1', 'class', '--jobs', '2', '--time-limit', '6', '--format', 'json'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 170_000,
    });
    const seconds = (Date.now() - t0) / 1000;
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout) as { submissions: { submission: string; score: number; error: string | null; feedback: string }[] };
    expect(doc.submissions).toHaveLength(HOSTILE.length + 1);
    const good = doc.submissions.find((s) => s.submission === 'class/zz-good')!;
    expect(good).toMatchObject({ score: 6, error: null, feedback: '' });
    const timeLimit = 'stopped after 6 s: grading it took longer than the time limit (--time-limit 6)';
    for (const s of doc.submissions.filter((x) => x !== good)) {
      expect(s.score, s.submission).toBe(0);
      // What stopped it: the time or memory limit, else the simulator's limit and where (commands.sh:1);
      // a shape that nothing needs to stop (exec bash, a missing command) leaves E1.1's three containers
      // running, which passes only what the untouched host passes: no credit.
      expect(s.feedback, s.submission).toMatch(
        /^(stopped after 6 s: grading it took longer than the time limit \(--time-limit 6\)|stopped: grading it used more than 256 MB of memory \(--memory-limit\)|commands\.sh:1: the simulator (stopped this line|interrupted a command of this line|holds at most 500 containers)[^\n]+|no credit: it passes only the checks the unchanged starter already passes)$/,
      );
    }
    // Rows of shapes a simulator limit stops at once say exactly which (unless the machine is so
    // loaded that even they reach the time limit).
    const row = (line: string) => doc.submissions.find((s) => s.submission === `class/h${String(HOSTILE.indexOf(line) + 1).padStart(2, '0')}`)!.feedback;
    expect([
      timeLimit,
      "commands.sh:1: the simulator stopped this line: functions nested 100 deep, its limit (bash's FUNCNEST); a real bash would recurse until it crashes.",
    ]).toContain(row('f(){ f; }; f'));
    expect([
      timeLimit,
      'commands.sh:1: the simulator interrupted a command of this line after 60 s of simulated time, as Ctrl-C would: it never ends on its own, and no one is at the keyboard to stop it.',
    ]).toContain(row('sleep infinity'));
    expect([timeLimit, 'commands.sh:1: the simulator stopped this line after 1 MiB of output, its limit for one line.']).toContain(row('yes'));
    // 20 hostile rows: at most 6 s each over 2 workers, plus starting workers on a busy machine.
    expect(seconds).toBeLessThan(160);
  }, 180_000);
});
