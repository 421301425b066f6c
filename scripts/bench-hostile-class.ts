/**
 * `npx tsx scripts/bench-hostile-class.ts [--hostile 500] [--jobs 2] [--verbose]`: issue 17's grading
 * measurement. Builds the CLI bundle into a temporary folder (as tests/cli/grade-hostile.test.ts
 * does, so it never races `npm pack`), writes a class folder of N hostile shell submissions
 * (the shapes of that test, cycled) plus one honest one for e1.1, grades it with
 * `container-course grade -e e1.1 class --jobs J --format json` at the default limits
 * (--time-limit 5, --memory-limit 256), and prints the wall-clock time, the honest row, and
 * how many hostile rows each reason stopped, and the CPU time grading took (on a shared machine the
 * wall-clock time mostly measures the other load). Exit 1 if a row is not what it should be.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOSTILE } from '../tests/cli/hostile-shapes.ts';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const N = flag('hostile', 500);
const JOBS = flag('jobs', 2);
const repo = join(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'cc-cli-'));
execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: repo, stdio: 'pipe', env: { ...process.env, CC_CLI_OUT: out } });
const bundle = join(out, 'container-course.mjs');

const root = mkdtempSync(join(tmpdir(), 'cc-hostile-class-'));
for (let i = 0; i < N; i++) {
  const dir = join(root, 'class', `h${String(i + 1).padStart(3, '0')}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'commands.sh'), `${HOSTILE[i % HOSTILE.length]}\n`);
}
mkdirSync(join(root, 'class', 'zz-good'));
writeFileSync(join(root, 'class', 'zz-good', 'commands.sh'), 'ps -o pid,ppid,cmd -p 23910\ndocker stop shop\n');

/**
 * CPU seconds (user + system) of this process's finished children, from /proc/self/stat
 * (cutime, cstime; Linux only, else undefined): what grading cost, whatever else the machine runs.
 */
function childCpuSeconds(): number | undefined {
  try {
    const f = readFileSync('/proc/self/stat', 'utf8')
      .slice(readFileSync('/proc/self/stat', 'utf8').lastIndexOf(')') + 2)
      .split(' ');
    return (Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return undefined;
  }
}

const cpu0 = childCpuSeconds();
const t0 = Date.now();
const r = spawnSync(process.execPath, [bundle, 'grade', '-e', 'e1.1', 'class', '--jobs', String(JOBS), '--format', 'json'], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
});
const seconds = (Date.now() - t0) / 1000;
const cpu1 = childCpuSeconds();
const cpu = cpu0 === undefined || cpu1 === undefined ? '' : `, ${(cpu1 - cpu0).toFixed(1)} s of CPU`;
if (r.stderr) console.log(`stderr: ${r.stderr.slice(0, 500)}`);
const doc = JSON.parse(r.stdout) as { submissions: { submission: string; score: number; error: string | null; feedback: string }[] };
const good = doc.submissions.find((s) => s.submission === 'class/zz-good');
const reasons = new Map<string, number>();
let wrong = 0;
for (const s of doc.submissions) {
  if (s === good) continue;
  const reason = s.feedback.replace(/: .*$/s, '');
  reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  if (s.score !== 0 || !s.feedback) wrong++;
}
console.log(`grade -e e1.1 --jobs ${JOBS}: ${doc.submissions.length} submissions (${N} hostile + 1 honest) in ${seconds.toFixed(1)} s${cpu}, exit ${r.status}`);
console.log(`  honest row: ${JSON.stringify(good)}`);
for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`  ${n} hostile rows: ${reason}`);
// Which shape ended how (--verbose): the feedback of each row, by the line it submitted.
if (process.argv.includes('--verbose')) {
  for (const s of doc.submissions) {
    const i = Number(/h(\d+)$/.exec(s.submission)?.[1] ?? 0) - 1;
    if (i >= 0) console.log(`  ${HOSTILE[i % HOSTILE.length]}  →  ${s.feedback.replace(/\s+/g, ' ').slice(0, 220)}`);
  }
}
const ok = doc.submissions.length === N + 1 && good?.score === 6 && wrong === 0;
console.log(ok ? '  every row as expected' : `  UNEXPECTED: ${wrong} hostile rows with a score or no reason; honest row ${JSON.stringify(good)}`);
console.log(`  ${seconds <= 60 ? 'within' : 'OVER'} the issue's 60 s`);
process.exitCode = ok ? 0 : 1;
