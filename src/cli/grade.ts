/** `container-course grade`: grade submissions for one exercise, a whole class at once. */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { grade, type GradeResult } from '../checker/grade.ts';
import { replayAndGrade } from '../checker/replay.ts';
import type { Locale } from '../checker/types.ts';
import { displayPath, loadAllExercises, parseCommandLine, type FlagDef } from './checker-io.ts';
import { formatCsv, formatJson, formatJunit, formatResultsJson, formatTable, pointsLine, type GradedRow } from './grade-format.ts';
import { collectRows, type Row } from './grade-input.ts';
import type { Subcommand } from './io.ts';

export const summary = { en: 'grade submissions for an exercise (a classroom at once)' };

const USAGE = `Usage: container-course grade --exercise ID [options] DIR|FILE...

Grade submissions for one exercise. Each FILE is one submission; a DIR holds one
folder per student (or one file per student). A submission is the exercise's files
(e.g. pod.yaml, or Dockerfile and docker-entrypoint.sh), a single manifest or
Dockerfile, or a submission file exported by the course site
({"format": "container-course-submission", "version": 1, ...}); any score in it is
ignored and the content is graded again. Symlinks that lead outside DIR are not
followed. A broken, empty, binary or huge submission becomes a row with an error.

Options:
  --exercise ID                                  the exercise (see 'container-course exercises')
  --format table|csv|json|junit|results-json     output format (default: table)
                     csv: one row per submission, points per check, for gradebooks
                     results-json: Exercism test-runner results.json (version 3)
  --out FILE         write the report to FILE; stdout then gets the 'Points X/Y' line
  --locale en|zh-cn  language of titles and hints (default: en)
  -h, --help         show this help

Exit status: 0 every submission has full marks, 1 some do not (or have errors),
2 usage error or unknown exercise.
`;

const flags: Record<string, FlagDef> = {
  exercise: { type: 'string', short: 'e' },
  format: { type: 'string', choices: ['table', 'csv', 'json', 'junit', 'results-json'] },
  out: { type: 'string', short: 'o' },
  locale: { type: 'string', choices: ['en', 'zh-cn'] },
  help: { type: 'boolean', short: 'h' },
};

async function gradeRow(row: Row, ex: Parameters<typeof grade>[0]): Promise<GradedRow> {
  if (row.error || !row.content) return { submission: row.submission, error: row.error ?? 'nothing to grade' };
  try {
    let result: GradeResult;
    const c = row.content;
    if (c.kind === 'commands') {
      if (ex.kind !== 'shell-goal') return { submission: row.submission, error: `exercise ${ex.id} is not a shell-goal exercise` };
      const { createWorld } = await import('../sim/index.ts');
      result = await replayAndGrade(ex, c.commands.slice(0, 500), createWorld as never);
    } else if (c.kind === 'answers') {
      result = grade(ex, { answers: c.answers });
    } else {
      result = grade(ex, { files: c.files });
    }
    const fileErrors = result.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`);
    return { submission: row.submission, result, ...(fileErrors.length ? { error: fileErrors.join('; ') } : {}) };
  } catch (e) {
    return { submission: row.submission, error: (e as Error).message };
  }
}

export const run: Subcommand = async (argv, io) => {
  const p = parseCommandLine('grade', argv, flags, USAGE, io);
  if (typeof p === 'number') return p;
  const id = p.flags.exercise as string | undefined;
  if (!id) {
    io.stderr(`container-course grade: --exercise is required\n\n${USAGE}`);
    return 2;
  }
  if (!p.args.length) {
    io.stderr(`container-course grade: no submissions given\n\n${USAGE}`);
    return 2;
  }
  const { exercises } = await loadAllExercises();
  const ex = exercises.find((e) => e.id === id);
  if (!ex) {
    io.stderr(`container-course grade: unknown exercise '${id}'; known: ${exercises.map((e) => e.id).join(', ')}\n`);
    return 2;
  }
  const locale = (p.flags.locale as Locale | undefined) ?? 'en';
  const rows = await collectRows(p.args.map((a) => ({ abs: resolve(io.cwd, a), display: displayPath(io.cwd, a) })), ex);
  const graded: GradedRow[] = [];
  for (const row of rows) graded.push(await gradeRow(row, ex));
  const format = (p.flags.format as string | undefined) ?? 'table';
  const report =
    format === 'csv' ? formatCsv(graded, ex)
    : format === 'json' ? formatJson(graded, ex, locale)
    : format === 'junit' ? formatJunit(graded, ex, locale)
    : format === 'results-json' ? formatResultsJson(graded, ex, locale)
    : formatTable(graded, ex, locale);
  const out = p.flags.out as string | undefined;
  if (out) {
    try {
      await writeFile(resolve(io.cwd, out), report);
    } catch (e) {
      io.stderr(`container-course grade: cannot write ${out}: ${(e as Error).message}\n`);
      return 2;
    }
    io.stdout(`${pointsLine(graded, ex)}\n`);
  } else {
    io.stdout(report);
  }
  const full = graded.every((r) => !r.error && r.result && r.result.score === r.result.max);
  return full ? 0 : 1;
};
