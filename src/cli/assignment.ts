/** `container-course assignment new EXERCISE`: write a starter repository for GitHub Classroom or GitLab. */
import { lstat, mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Exercise } from '../schemas/exercise.ts';
import { frozenVersions, loadBank, loadExtraExercises } from './bank.ts';
import { parseCommandLine, type FlagDef } from './checker-io.ts';
import { githubWorkflow, gitlabCi, lockFile, readme, starterFiles, type LocaleChoice } from './assignment-files.ts';
import type { Subcommand } from './io.ts';
import { termSafe } from './safe-text.ts';
import { cliVersion } from './version.ts';

export const summary = { en: 'write a starter repository for an exercise (GitHub Classroom, GitLab CI)' };

const USAGE = `Usage: container-course assignment new EXERCISE [--locale en|zh-cn|both] [--out DIR]

Write a starter repository for one exercise, ready for GitHub Classroom or GitLab:
  README.md                      the task in the chosen language(s), what to hand in,
                                 the hints policy and how to check locally
  the starter files              under the exact names 'grade' reads (e.g. pod.yaml)
  .github/workflows/classroom.yml  grades each push with the pinned CLI; prints Points X/Y
  .gitlab-ci.yml                 the same for GitLab CI, with a JUnit report
  container-course.lock          pins the rule set, so grades stay the same next term

Options:
  --locale en|zh-cn|both   language of the README (default: en)
  --out DIR                where to write it (default: ./EXERCISE); must be empty or new
  --rules VERSION          rule set to pin (default: the newest that has the exercise)
  --exercises DIR          also load the exercises (*.yaml) in DIR (repeatable)
  -h, --help               show this help
`;

const flags: Record<string, FlagDef> = {
  locale: { type: 'string', choices: ['en', 'zh-cn', 'both'] },
  out: { type: 'string', short: 'o' },
  rules: { type: 'string' },
  exercises: { type: 'array' },
  help: { type: 'boolean', short: 'h' },
};

/** The newest frozen rule set that has the exercise, else current. */
async function pinFor(id: string): Promise<{ rules: string; ex: Exercise } | null> {
  for (const v of (await frozenVersions()).reverse()) {
    const b = await loadBank(v);
    const ex = 'bank' in b ? b.bank.exercises.find((e) => e.id === id) : undefined;
    if (ex) return { rules: v, ex };
  }
  return null;
}

export const run: Subcommand = async (argv, io) => {
  const p = parseCommandLine('assignment', argv, flags, USAGE, io);
  if (typeof p === 'number') return p;
  const fail = (m: string, usage = false) => {
    io.stderr(`container-course assignment: ${termSafe(m)}\n${usage ? `\n${USAGE}` : ''}`);
    return 2;
  };
  const [sub, id, ...extra] = p.args;
  if (sub !== 'new') return fail(sub ? `unknown subcommand '${sub}'; use 'assignment new EXERCISE'` : 'missing subcommand: assignment new EXERCISE', true);
  if (!id) return fail('missing EXERCISE (see container-course exercises)', true);
  if (extra.length) return fail(`unexpected argument '${extra[0]}'`, true);

  let rules = p.flags.rules as string | undefined;
  let ex: Exercise | undefined;
  const extraDirs = (p.flags.exercises as string[] | undefined) ?? [];
  if (extraDirs.length || rules === 'current') {
    const b = await loadBank(rules);
    if ('error' in b) return fail(b.error);
    const more = await loadExtraExercises(extraDirs, io.cwd, b.bank);
    if ('error' in more) return fail(more.error);
    ex = [...b.bank.exercises, ...more.exercises].find((e) => e.id === id);
    rules = b.bank.version;
  } else if (rules) {
    const b = await loadBank(rules);
    if ('error' in b) return fail(b.error);
    ex = b.bank.exercises.find((e) => e.id === id);
  } else {
    const pin = await pinFor(id);
    if (pin) ({ rules, ex } = pin);
    else {
      const b = await loadBank('current');
      ex = 'bank' in b ? b.bank.exercises.find((e) => e.id === id) : undefined;
      rules = 'current';
      if (ex)
        io.stderr(
          `container-course assignment: warning: ${id} is in no released rule set; the lock pins 'current', so its grading may change with a new CLI version\n`,
        );
    }
  }
  if (!ex) return fail(`unknown exercise '${id}' in rule set ${rules ?? 'current'} (see container-course exercises)`);

  const outArg = (p.flags.out as string | undefined) ?? id;
  const out = resolve(io.cwd, outArg);
  const existing = await lstat(out).catch(() => null);
  if (existing && !existing.isDirectory()) return fail(`--out ${outArg}: exists and is not a folder`);
  if (existing && (await readdir(out)).length) return fail(`--out ${outArg}: the folder is not empty; choose a new one`);

  const version = await cliVersion();
  const locale = (p.flags.locale as LocaleChoice | undefined) ?? 'en';
  const files: Record<string, string> = {
    'README.md': readme(ex, locale, version),
    ...starterFiles(ex),
    '.github/workflows/classroom.yml': githubWorkflow(ex, version),
    '.gitlab-ci.yml': gitlabCi(ex, version),
    'container-course.lock': lockFile(ex, rules!, version),
  };
  try {
    for (const [name, text] of Object.entries(files)) {
      await mkdir(dirname(join(out, name)), { recursive: true });
      await writeFile(join(out, name), text, { flag: 'wx' });
    }
  } catch (e) {
    return fail(`cannot write into ${outArg}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  io.stdout(
    `Wrote ${outArg}/ for ${ex.id} (rule set ${rules}, container-course ${version}):\n${Object.keys(files)
      .map((f) => `  ${f}`)
      .join('\n')}\n`,
  );
  return 0;
};
