/** `container-course exercises`: what each exercise asks for; `exercises show ID`: its task and starter. */
import type { Locale } from '../checker/types.ts';
import type { Exercise } from '../schemas/exercise.ts';
import { starterFiles } from './assignment-files.ts';
import { chooseBank, loadExtraExercises } from './bank.ts';
import { parseCommandLine, type FlagDef } from './checker-io.ts';
import { maxOf } from './grade-format.ts';
import type { Subcommand } from './io.ts';
import { termSafe } from './safe-text.ts';

export const summary = { en: 'list the exercises: files to submit, kind, points, titles; show one' };

const USAGE = `Usage: container-course exercises [--json] [--locale en|zh-cn]
       container-course exercises show ID [--locale en|zh-cn]

List the exercises: id, kind, points, the files a student hands in (under these exact
names), the lesson, whether some checks are hidden, and the title. 'show ID' prints
the task and the starter files.

Options:
  --json                  print everything as JSON (titles and tasks in both languages)
  --locale en|zh-cn       language of titles and tasks (default: en)
  --rules VERSION         rule set (default: container-course.lock's, else current)
  --exercises DIR         also load the exercises (*.yaml) in DIR (repeatable)
  -h, --help              show this help
`;

const flags: Record<string, FlagDef> = {
  json: { type: 'boolean' },
  locale: { type: 'string', choices: ['en', 'zh-cn'] },
  rules: { type: 'string' },
  exercises: { type: 'array' },
  help: { type: 'boolean', short: 'h' },
};

const hiddenCount = (e: Exercise) => (e.kind === 'quiz' ? 0 : e.checks.filter((c) => c.hidden).length);

function describe(e: Exercise) {
  return {
    id: e.id,
    kind: e.kind,
    lesson: e.lesson ?? null,
    points: maxOf(e),
    files: Object.keys(starterFiles(e)),
    checks: e.kind === 'quiz' ? e.questions.length : e.checks.length,
    hiddenChecks: hiddenCount(e),
    title: e.title,
    task: e.task,
  };
}

export const run: Subcommand = async (argv, io) => {
  const p = parseCommandLine('exercises', argv, flags, USAGE, io);
  if (typeof p === 'number') return p;
  const fail = (m: string) => {
    io.stderr(`container-course exercises: ${termSafe(m)}\n\n${USAGE}`);
    return 2;
  };
  const [sub, id, ...rest] = p.args;
  if (sub !== undefined && sub !== 'show') return fail(`unexpected argument '${sub}'`);
  if (sub === 'show' && !id) return fail('missing ID: exercises show ID');
  if (rest.length) return fail(`unexpected argument '${rest[0]}'`);
  const locale = (p.flags.locale as Locale | undefined) ?? 'en';
  const chosen = await chooseBank(p.flags.rules as string | undefined, io.cwd);
  if ('error' in chosen) {
    io.stderr(`container-course exercises: ${termSafe(chosen.error)}\n`);
    return 2;
  }
  let exercises = chosen.bank.exercises;
  for (const e of chosen.bank.errors) io.stderr(`container-course exercises: ${e}\n`);
  const dirs = (p.flags.exercises as string[] | undefined) ?? [];
  if (dirs.length) {
    const more = await loadExtraExercises(dirs, io.cwd, chosen.bank);
    if ('error' in more) {
      io.stderr(`container-course exercises: ${termSafe(more.error)}\n`);
      return 2;
    }
    exercises = [...exercises, ...more.exercises];
  }

  if (sub === 'show') {
    const e = exercises.find((x) => x.id === id);
    if (!e) {
      io.stderr(`container-course exercises: unknown exercise '${termSafe(id!)}'; known: ${exercises.map((x) => x.id).join(', ')}\n`);
      return 2;
    }
    if (p.flags.json) {
      io.stdout(`${JSON.stringify({ ...describe(e), starter: starterFiles(e) }, null, 2)}\n`);
      return 0;
    }
    const d = describe(e);
    const zh = locale === 'zh-cn';
    const out = [
      `${e.id}: ${e.title[locale]}`,
      `${zh ? '类型' : 'kind'}: ${e.kind}   ${zh ? '分值' : 'points'}: ${d.points}   ${zh ? '课程' : 'lesson'}: ${e.lesson ?? '-'}   ${zh ? '隐藏检查' : 'hidden checks'}: ${d.hiddenChecks}`,
      `${zh ? '提交文件' : 'files to submit'}: ${d.files.join(', ')}`,
      '',
      e.task[locale],
      ...(e.kind === 'quiz'
        ? ['', ...e.questions.flatMap((q, i) => [`${i + 1}. [${q.id}] ${q.prompt[locale]}`, ...q.choices.map((c) => `   - ${c.id}: ${c.text[locale]}`)])]
        : []),
    ];
    for (const [name, text] of Object.entries(starterFiles(e))) out.push('', `--- ${name} ---`, text.replace(/\n$/, ''));
    io.stdout(`${out.join('\n')}\n`);
    return 0;
  }

  if (p.flags.json) {
    io.stdout(`${JSON.stringify(exercises.map(describe), null, 2)}\n`);
  } else {
    const rows = exercises.map((e) => {
      const d = describe(e);
      return [e.id, e.kind, String(d.points), d.files.join(','), e.lesson ?? '-', d.hiddenChecks ? String(d.hiddenChecks) : '-', termSafe(e.title[locale])];
    });
    const header =
      locale === 'zh-cn' ? ['id', 'kind', 'points', 'files', 'lesson', 'hidden', '标题'] : ['id', 'kind', 'points', 'files', 'lesson', 'hidden', 'title'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
    io.stdout(`${[line(header), ...rows.map(line)].join('\n')}\n`);
  }
  return chosen.bank.errors.length ? 1 : 0;
};
