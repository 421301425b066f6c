/**
 * Reproducible grades: rule set 2026.12 is frozen (content/rulesets/2026.12.json). These
 * submissions are fixed here, with the scores they got when it was released; they must
 * keep them whatever happens to the current exercises.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frozenVersions, loadBank, NEWEST_RULES } from '../../src/cli/bank.ts';
import { runCli } from './helpers.ts';

/**
 * Grades several recorded submissions of one exercise under one rule set in a single class call (a folder per
 * submission, s00, s01, …), as a teacher grades a class: one grading worker starts, not one per submission (issue
 * #14: the start and warm-up are nearly all of a call's cost; four shell-goal submissions in one call cost what one
 * did alone). Returns each submission's score, in order, and the whole CSV; stderr must be empty.
 */
async function gradeClass(
  exercise: string,
  subs: { file: string; text: string }[],
  how: { rules: string; via: 'flag' | 'lock' },
): Promise<{ scores: string[]; csv: string; root: string }> {
  const root = mkdtempSync(join(tmpdir(), 'cc-rules-'));
  subs.forEach((s, i) => {
    const dir = join(root, 'class', `s${String(i).padStart(2, '0')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, s.file), s.text);
  });
  if (how.via === 'lock') writeFileSync(join(root, 'container-course.lock'), JSON.stringify({ rules: how.rules, exercise }));
  const rules = how.via === 'flag' ? ['--rules', how.rules] : [];
  // A generous time limit: the machine running the tests may be busy, and a stopped grade would score 0.
  const out = await runCli(['grade', '-e', exercise, ...rules, '--time-limit', '60', '--format', 'csv', 'class'], { cwd: root });
  expect(out.stderr).toBe('');
  const rows = out.stdout.trimEnd().split('\n').slice(1);
  expect(rows.map((r) => r.split(',')[0])).toEqual(subs.map((_, i) => `s${String(i).padStart(2, '0')}`));
  return { scores: rows.map((r) => r.split(',')[2]!), csv: out.stdout, root };
}

/** The distinct values of `key` in `rows`, in their first order. */
const groups = <T, K>(rows: T[], key: (r: T) => K): K[] => [...new Set(rows.map(key))];

const POD = (sc: string) => `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  containers:
  - name: demo
    image: cloudnatived/demo:hello
    securityContext:
${sc}`;

const RECORDED: { exercise: string; file: string; text: string; score: string }[] = [
  {
    exercise: 'e11.1',
    file: 'pod.yaml',
    text: POD('      allowPrivilegeEscalation: false\n      capabilities:\n        drop: ["ALL"]\n        add: ["NET_BIND_SERVICE"]\n'),
    score: '10',
  },
  {
    exercise: 'e11.1',
    file: 'pod.yaml',
    text: POD('      capabilities:\n        add: ["NET_BIND_SERVICE"]\n      drop: ["all"]\n      allowPrivilegeEscalation: false\n'),
    score: '7',
  },
  {
    exercise: 'e11.1',
    file: 'pod.yaml',
    text: POD('      allowPrivilegeEscalation: false\n      capabilities:\n        drop: ["CHOWN"]\n        add: ["NET_ADMIN"]\n'),
    score: '6',
  },
  {
    exercise: 'e11.1',
    file: 'pod.yaml',
    text: POD('      {}\n').replace('    securityContext:\n      {}\n', '    ports:\n    - containerPort: 80\n    securityContext: {}\n'),
    score: '0',
  },
  { exercise: 'e1.1', file: 'commands.sh', text: "docker run -d --name web nginx:1.25\ndocker inspect -f '{{.State.Pid}}' web\n", score: '4' },
];

describe('rule set 2026.12', { timeout: 120_000 }, () => {
  it('is frozen and known', async () => {
    expect(await frozenVersions()).toContain('2026.12');
  });
  // One class call per exercise; the scores are compared row by row with the recorded ones.
  it.each(groups(RECORDED, (r) => r.exercise))('the fixed submissions of %s grade to their recorded scores', async (exercise) => {
    const subs = RECORDED.map((r, i) => ({ ...r, i })).filter((r) => r.exercise === exercise);
    const flagged = await gradeClass(exercise, subs, { rules: '2026.12', via: 'flag' });
    for (const [k, r] of subs.entries()) expect(flagged.scores[k], `submission ${r.i}`).toBe(r.score);
    // The lock file of an assignment repository pins the same set.
    const locked = await gradeClass(exercise, subs, { rules: '2026.12', via: 'lock' });
    expect(locked.csv).toBe(flagged.csv);
  });
  it('an unknown version, or a broken lock file, is a usage error', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cc-rules-'));
    writeFileSync(join(root, 'x.yaml'), 'a: 1\n');
    expect(await runCli(['grade', '-e', 'e11.1', '--rules', '1999.01', 'x.yaml'], { cwd: root })).toEqual({
      code: 2,
      stdout: '',
      stderr: "container-course grade: unknown rule set '1999.01'; known: 2026.12, 2026.12.1, 2026.12.2, 2026.12.3, 2026.12.4, 2026.12.5, 2026.12.6, current\n",
    });
    writeFileSync(join(root, 'container-course.lock'), '{"rules": 2026}');
    expect((await runCli(['grade', '-e', 'e11.1', 'x.yaml'], { cwd: root })).stderr).toBe(
      'container-course grade: container-course.lock: "rules" must be a string such as "2026.12"\n',
    );
  });
});

/**
 * 2026.12.3 turned E1.1, E3.1, E4.1 and E11.2 from copy tasks into understanding tasks. Work handed in
 * under 2026.12.2 keeps the score it got there, and each set grades its own task: the old
 * answers score nothing against the new tasks, and the new answers nothing against the old.
 */
const OLD_E11 = "docker run -d --name web -p 8080:80 nginx:1.25\ndocker inspect -f '{{.State.Pid}}' web\n";
const OLD_E41 = 'docker run -d --name isolated --network none alpine sleep 3600\ndocker run -d --name hostnet --network host alpine sleep 3600\n';
const NEW_E11 = 'ps -o pid,ppid,cmd -p 23890\ndocker stop shop\n';
const NEW_E41 =
  'docker run -d --name sealed --user 1000 --network none alpine nc -l -p 80\ndocker run -d --name edge --user 1000 --network host alpine nc -l -p 8080\n';
const OLD_E31 = 'docker top kubia-container\nsudo nsenter -t 23817 -u hostname\nsudo nsenter -t 23817 -n ip -4 addr show eth0\n';
const OLD_E112 = "docker run --rm --cap-drop CHOWN alpine sh -c 'grep CapEff /proc/self/status; chown nobody /tmp'\n";
const ACROSS: { rules: string; exercise: string; text: string; score: string }[] = [
  { rules: '2026.12.2', exercise: 'e1.1', text: OLD_E11, score: '6' },
  { rules: '2026.12.2', exercise: 'e4.1', text: OLD_E41, score: '6' },
  { rules: '2026.12.2', exercise: 'e1.1', text: NEW_E11, score: '0' },
  { rules: '2026.12.2', exercise: 'e4.1', text: NEW_E41, score: '0' },
  { rules: '2026.12.3', exercise: 'e1.1', text: OLD_E11, score: '0' },
  { rules: '2026.12.3', exercise: 'e4.1', text: OLD_E41, score: '0' },
  { rules: '2026.12.3', exercise: 'e1.1', text: NEW_E11, score: '6' },
  { rules: '2026.12.3', exercise: 'e4.1', text: NEW_E41, score: '8' },
  // E3.1 and E11.2 changed in the same set: other numbers than the lesson's (kubia second, after web)
  // and another pair of capabilities (NET_RAW and KILL instead of CHOWN).
  { rules: '2026.12.2', exercise: 'e3.1', text: OLD_E31, score: '4' },
  { rules: '2026.12.3', exercise: 'e3.1', text: OLD_E31, score: '0' },
  { rules: '2026.12.3', exercise: 'e3.1', text: OLD_E31.replaceAll('23817', '23866'), score: '4' },
  { rules: '2026.12.2', exercise: 'e11.2', text: OLD_E112, score: '3' },
  { rules: '2026.12.3', exercise: 'e11.2', text: OLD_E112, score: '0' },
  { rules: '2026.12.3', exercise: 'e11.2', text: 'docker run --rm --cap-drop NET_RAW --cap-drop KILL alpine grep CapEff /proc/self/status\n', score: '3' },
  // 2026.12.5: dockerd's docker-proxy processes take host PIDs before each container's shim, so E1.1's shop worker is
  // 23910 and E3.1's kubia 23876. The sets before it are still graded on a host without proxies (bank.ts FIRST_WITH_PROXIES).
  { rules: '2026.12.5', exercise: 'e1.1', text: NEW_E11.replace('23890', '23910'), score: '6' },
  { rules: '2026.12.5', exercise: 'e3.1', text: OLD_E31.replaceAll('23817', '23876'), score: '4' },
  { rules: '2026.12.5', exercise: 'e3.1', text: OLD_E31.replaceAll('23817', '23866'), score: '0' },
];

describe('rule sets 2026.12.2 and 2026.12.3: E1.1, E3.1, E4.1 and E11.2 before and after the redesign', { timeout: 120_000 }, () => {
  // One class call per rule set and exercise (the set from the repository's lock file); each row is compared.
  it.each(groups(ACROSS, (r) => `${r.rules} ${r.exercise}`))('under %s, the submissions grade to their recorded scores', async (group) => {
    const subs = ACROSS.map((r, i) => ({ ...r, i, file: 'commands.sh' })).filter((r) => `${r.rules} ${r.exercise}` === group);
    const { scores } = await gradeClass(subs[0]!.exercise, subs, { rules: subs[0]!.rules, via: 'lock' });
    for (const [k, r] of subs.entries()) expect(scores[k], `submission ${r.i}`).toBe(r.score);
  });
});

/**
 * 2026.12.4 made E11.1's and E12.1's drop-all check compare "ALL" exactly, as Pod Security Admission does
 * (kubernetes/pod-security-admission policy/check_capabilities_restricted.go): `drop: ["all"]` had full marks
 * from E11.1 while `check --profile restricted` rejected the same file. The older sets keep their scores.
 */
const LOWER_ALL = POD('      allowPrivilegeEscalation: false\n      capabilities:\n        drop: ["all"]\n');
describe('rule sets 2026.12.3 and 2026.12.4: E11.1 with drop "all" in lower case', { timeout: 120_000 }, () => {
  it.each([
    ['2026.12.3', '10'],
    ['2026.12.4', '8'],
  ])('under %s it scores %s of 10', async (rules, score) => {
    expect((await gradeClass('e11.1', [{ file: 'pod.yaml', text: LOWER_ALL }], { rules, via: 'flag' })).scores).toEqual([score]);
  });
});

describe(`the newest rule set, ${NEWEST_RULES}`, () => {
  it('is the newest frozen set, and equals the current exercises (a changed exercise needs npm run rules:freeze -- YYYY.MM.N)', async () => {
    expect((await frozenVersions()).at(-1)).toBe(NEWEST_RULES);
    const [current, newest] = await Promise.all([loadBank('current'), loadBank(NEWEST_RULES)]);
    if ('error' in current || 'error' in newest) throw new Error('rule set not loaded');
    expect(newest.bank.errors).toEqual([]);
    expect(current.bank.exercises.map((e) => e.id)).toEqual(newest.bank.exercises.map((e) => e.id));
    for (const e of current.bank.exercises)
      expect(
        newest.bank.exercises.find((x) => x.id === e.id),
        e.id,
      ).toEqual(e);
  });
});
