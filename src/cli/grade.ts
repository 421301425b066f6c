/** `container-course grade`: grade submissions for one exercise, a whole class at once. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Locale } from '../checker/types.ts';
import type { Exercise } from '../schemas/exercise.ts';
import { chooseBank, loadExtraExercises } from './bank.ts';
import { displayPath, parseCommandLine, type FlagDef } from './checker-io.ts';
import { GradePool } from './grade-pool.ts';
import {
  exercismResults,
  formatCanvas,
  formatCsv,
  formatJson,
  formatJunit,
  formatMoodle,
  formatTable,
  maxOf,
  pointsLine,
  scoreOf,
  type GradedRow,
} from './grade-format.ts';
import { missingPaths, submissionsOf, type Row } from './grade-input.ts';
import { htmlReport, markdownReport } from './grade-report.ts';
import type { Subcommand } from './io.ts';
import { fileSafe, termSafe } from './safe-text.ts';

export const summary = { en: 'grade submissions for an exercise (a classroom at once)' };

const FORMATS = ['table', 'csv', 'canvas', 'moodle', 'json', 'junit', 'results-json', 'html', 'markdown'];
const PER_STUDENT = ['results-json', 'html', 'markdown'];

const USAGE = `Usage: container-course grade --exercise ID [options] DIR|FILE...

Grade submissions for one exercise. Each FILE is one submission; a DIR holds one
folder per student (or one file per student), or is one student's repository. A
submission is the exercise's files (e.g. pod.yaml, or Dockerfile and
docker-entrypoint.sh), a single manifest or Dockerfile, a file of shell commands, or
a submission file exported by the course site; any score in it is ignored and the
content is graded again. An unchanged starter (or work that passes only what the
starter passes) scores 0. Symlinks that lead outside DIR are not followed; FIFOs,
devices and sockets are not read. A broken, empty, binary or huge submission, and one
that runs out of time or memory, becomes a row with the reason.

Options:
  --exercise ID        the exercise (see 'container-course exercises')
  --format FORMAT      table (default), csv, canvas, moodle, json, junit,
                       results-json, html, markdown
                         csv: student, score, max, percent, points per check, feedback
                         canvas, moodle: CSV for the LMS's grade import
                         results-json: Exercism results.json (version 3), per student
                         html, markdown: a report per student to hand back
  --out FILE           write the report to FILE; stdout then gets the 'Points X/Y' line
  --out-dir DIR        results-json, html, markdown: one file per student in DIR
  --locale en|zh-cn    language of titles, reasons and reports (default: en)
  --rules VERSION      rule set to grade with (default: container-course.lock's, else current)
  --exercises DIR      also load the exercises (*.yaml) in DIR (repeatable)
  --deadline TIME      flag work submitted after TIME (ISO 8601, e.g. 2026-12-18T23:59:00Z),
                       by the site submission's submittedAt
  --jobs N             grade N submissions in parallel (default: 1)
  --time-limit S       seconds one submission may take (default: 5)
  --memory-limit MB    memory one submission may use (default: 256)
  -h, --help           show this help

Exit status: 0 every submission has full marks, 1 some do not (or have errors),
2 usage error (a path that does not exist, an unknown exercise or rule set).
`;

const flags: Record<string, FlagDef> = {
  exercise: { type: 'string', short: 'e' },
  format: { type: 'string', choices: FORMATS },
  out: { type: 'string', short: 'o' },
  'out-dir': { type: 'string' },
  locale: { type: 'string', choices: ['en', 'zh-cn'] },
  rules: { type: 'string' },
  exercises: { type: 'array' },
  deadline: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  'time-limit': { type: 'string' },
  'memory-limit': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

function positive(v: unknown, name: string, min: number, max: number): number | string {
  if (v === undefined) return NaN;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) return `invalid value "${v}" for --${name}; give a number from ${min} to ${max}`;
  return n;
}

export interface GradeOptions {
  jobs: number;
  timeLimitMs: number;
  memoryMb: number;
  deadline?: number;
}

/** Grades every row with the pool, in order, with at most 2×jobs submissions read ahead. */
export async function gradeAll(rows: AsyncIterable<Row>, ex: Exercise, o: GradeOptions, onRow: (r: GradedRow) => void): Promise<void> {
  const pool = new GradePool({ exercise: ex, jobs: o.jobs, timeLimitMs: o.timeLimitMs, memoryMb: o.memoryMb });
  const one = async (row: Row): Promise<GradedRow> => {
    const base: GradedRow = {
      submission: row.submission,
      student: row.student ?? row.submission,
      ...(row.submittedAt ? { submittedAt: row.submittedAt } : {}),
    };
    if (o.deadline !== undefined && row.submittedAt && Date.parse(row.submittedAt) > o.deadline) base.late = true;
    if (row.error || !row.content) return { ...base, error: row.error ?? 'nothing to grade' };
    const out = await pool.grade(row.content);
    return { ...base, ...out };
  };
  const inflight: Promise<GradedRow>[] = [];
  try {
    for await (const row of rows) {
      inflight.push(one(row));
      if (inflight.length >= o.jobs * 2) onRow(await inflight.shift()!);
    }
    while (inflight.length) onRow(await inflight.shift()!);
  } finally {
    await pool.close();
  }
}

export const run: Subcommand = async (argv, io) => {
  const p = parseCommandLine('grade', argv, flags, USAGE, io);
  if (typeof p === 'number') return p;
  const fail = (msg: string, usage = false) => {
    io.stderr(`container-course grade: ${termSafe(msg)}\n${usage ? `\n${USAGE}` : ''}`);
    return 2;
  };
  const id = p.flags.exercise as string | undefined;
  if (!id) return fail('--exercise is required', true);
  if (!p.args.length) return fail('no submissions given', true);
  const format = (p.flags.format as string | undefined) ?? 'table';
  const outDir = p.flags['out-dir'] as string | undefined;
  const out = p.flags.out as string | undefined;
  if (outDir && !PER_STUDENT.includes(format))
    return fail(`--out-dir is for --format ${PER_STUDENT.join(', ')} (one file per student); use --out FILE for ${format}`);
  if (outDir && out) return fail('give --out or --out-dir, not both');
  const jobs = positive(p.flags.jobs, 'jobs', 1, 64);
  const limit = positive(p.flags['time-limit'], 'time-limit', 0.1, 3600);
  const mem = positive(p.flags['memory-limit'], 'memory-limit', 32, 16384);
  for (const v of [jobs, limit, mem]) if (typeof v === 'string') return fail(v);
  let deadline: number | undefined;
  if (p.flags.deadline !== undefined) {
    deadline = Date.parse(String(p.flags.deadline));
    if (Number.isNaN(deadline)) return fail(`invalid value "${p.flags.deadline}" for --deadline; give an ISO 8601 time such as 2026-12-18T23:59:00Z`);
  }
  const paths = p.args.map((a) => ({ abs: resolve(io.cwd, a), display: displayPath(io.cwd, a) }));
  const missing = await missingPaths(paths);
  if (missing.length) return fail(`no such file or directory: ${missing.join(', ')}`);

  const chosen = await chooseBank(p.flags.rules as string | undefined, io.cwd);
  if ('error' in chosen) return fail(chosen.error);
  let exercises = chosen.bank.exercises;
  const extraDirs = (p.flags.exercises as string[] | undefined) ?? [];
  if (extraDirs.length) {
    const extra = await loadExtraExercises(extraDirs, io.cwd, chosen.bank);
    if ('error' in extra) return fail(extra.error);
    exercises = [...exercises, ...extra.exercises];
  }
  const ex = exercises.find((e) => e.id === id);
  if (!ex) return fail(`unknown exercise '${id}' in rule set ${chosen.bank.version}; known: ${exercises.map((e) => e.id).join(', ')}`);
  const locale = (p.flags.locale as Locale | undefined) ?? 'en';

  const graded: GradedRow[] = [];
  await gradeAll(
    submissionsOf(paths, ex),
    ex,
    {
      jobs: typeof jobs === 'number' && !Number.isNaN(jobs) ? Math.floor(jobs) : 1,
      timeLimitMs: (typeof limit === 'number' && !Number.isNaN(limit) ? limit : 5) * 1000,
      memoryMb: typeof mem === 'number' && !Number.isNaN(mem) ? mem : 256,
      ...(deadline !== undefined ? { deadline } : {}),
    },
    (r) => graded.push(r),
  );

  if (PER_STUDENT.includes(format)) {
    const render = (r: GradedRow) =>
      format === 'html'
        ? htmlReport(r, ex, locale)
        : format === 'markdown'
          ? markdownReport(r, ex, locale)
          : `${JSON.stringify(exercismResults(r, ex, locale), null, 2)}\n`;
    if (!outDir) {
      if (graded.length !== 1) return fail(`--format ${format} writes one file per student: give --out-dir DIR (${graded.length} submissions)`);
      const text = render(graded[0]!);
      if (out) {
        const w = await write(resolve(io.cwd, out), text);
        if (w) return fail(`cannot write ${out}: ${w}`);
        io.stdout(`${pointsLine(graded, ex)}\n`);
      } else io.stdout(text);
    } else {
      const used = new Set<string>();
      for (const r of graded) {
        let name = fileSafe(r.student);
        for (let i = 2; used.has(name); i++) name = `${fileSafe(r.student)}-${i}`;
        used.add(name);
        const file = format === 'results-json' ? join(name, 'results.json') : `${name}.${format === 'html' ? 'html' : 'md'}`;
        const w = await write(resolve(io.cwd, outDir, file), render(r));
        if (w) return fail(`cannot write ${join(outDir, file)}: ${w}`);
      }
      io.stdout(`${graded.length} report${graded.length === 1 ? '' : 's'} in ${termSafe(outDir)}\n${pointsLine(graded, ex)}\n`);
    }
  } else {
    const report =
      format === 'csv'
        ? formatCsv(graded, ex, locale, deadline !== undefined)
        : format === 'canvas'
          ? formatCanvas(graded, ex, locale)
          : format === 'moodle'
            ? formatMoodle(graded, ex, locale)
            : format === 'json'
              ? formatJson(graded, ex, locale)
              : format === 'junit'
                ? formatJunit(graded, ex, locale)
                : formatTable(graded, ex, locale);
    if (out) {
      const w = await write(resolve(io.cwd, out), report);
      if (w) return fail(`cannot write ${out}: ${w}`);
      io.stdout(`${pointsLine(graded, ex)}\n`);
    } else io.stdout(report);
  }
  const full = graded.every((r) => !r.error && r.result && scoreOf(r) === maxOf(ex));
  return full ? 0 : 1;
};

async function write(path: string, text: string): Promise<string | null> {
  try {
    await mkdir(resolve(path, '..'), { recursive: true });
    await writeFile(path, text);
    return null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (code ?? (e as Error).message);
  }
}
