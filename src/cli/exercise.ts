/** `container-course exercise new ID` and `exercise validate DIR|FILE...`: teachers write their own exercises. */
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { loadExercise } from '../checker/exercise/load.ts';
import type { Exercise } from '../schemas/exercise.ts';
import { loadBank } from './bank.ts';
import { naturalCompare, parseCommandLine, readText, type FlagDef } from './checker-io.ts';
import { gradeContent } from './grade-core.ts';
import type { SubmissionContent } from './grade-input.ts';
import type { Subcommand } from './io.ts';
import { termSafe } from './safe-text.ts';
import { scaffold } from './exercise-scaffold.ts';

export const summary = { en: 'write your own exercise: scaffold one, validate a folder of them' };

const USAGE = `Usage: container-course exercise new ID [--out DIR]
       container-course exercise validate DIR|FILE...

new       write DIR/ID.yaml (default DIR: .), a complete small exercise to edit
validate  check each exercise file (*.yaml in DIR) against the schema, then grade its
          solution (it must get full marks), its unchanged starter (it must not) and
          each listed wrong answer (exactly its expected checks must fail, and its
          expected hints be given). Every mistake names the file, the exercise id and
          the field.

Use the exercises with --exercises DIR on grade, exercises and assignment.

Options:
  --out DIR    (new) where to write the file (default: the current folder)
  -h, --help   show this help

Exit status: 0 valid, 1 some exercise has mistakes, 2 usage error.
`;

const flags: Record<string, FlagDef> = {
  out: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
};

function contentOf(ex: Exercise, which: 'start' | 'solution'): SubmissionContent {
  if (ex.kind === 'shell-goal') return { kind: 'commands', commands: which === 'start' ? [] : ex.solution };
  if (ex.kind === 'quiz') return { kind: 'answers', answers: which === 'start' ? {} : ex.solution };
  return { kind: 'files', files: which === 'start' ? ex.start : ex.solution };
}

/** Grades the solution, the starter and the wrong answers; returns the mistakes. */
export async function validateExercise(ex: Exercise, file: string): Promise<string[]> {
  const where = `${file}: exercise ${ex.id}`;
  const mistakes: string[] = [];
  const sol = await gradeContent(ex, contentOf(ex, 'solution'));
  if (!('result' in sol)) mistakes.push(`${where}: solution: cannot be graded: ${sol.error}`);
  else {
    if (sol.error) mistakes.push(`${where}: solution: ${sol.error}`);
    const failed = sol.result.checks.filter((c) => !c.passed).map((c) => c.id);
    if (failed.length) mistakes.push(`${where}: solution: gets ${sol.result.score}/${sol.result.max}; these checks fail: ${failed.join(', ')}`);
  }
  const start = await gradeContent(ex, contentOf(ex, 'start'));
  if ('result' in start && start.result.checks.every((c) => c.passed)) mistakes.push(`${where}: start: the unchanged starter already passes every check`);
  const known = new Set(ex.kind === 'quiz' ? ex.questions.map((q) => q.id) : ex.checks.map((c) => c.id));
  const hintIds = new Set(ex.hints.map((h) => h.id));
  for (const [i, w] of ex.wrong.entries()) {
    const at = `${where}: wrong[${i}] (${w.id})`;
    for (const id of w.expect.failed) if (!known.has(id)) mistakes.push(`${at}: expect.failed: no check "${id}"`);
    for (const id of w.expect.hints) if (!hintIds.has(id)) mistakes.push(`${at}: expect.hints: no hint "${id}"`);
    const c: SubmissionContent =
      'files' in w ? { kind: 'files', files: w.files } : 'commands' in w ? { kind: 'commands', commands: w.commands } : { kind: 'answers', answers: w.answers };
    const r = await gradeContent(ex, c);
    if (!('result' in r)) {
      mistakes.push(`${at}: cannot be graded: ${r.error}`);
      continue;
    }
    const got = r.result.checks.filter((x) => !x.passed).map((x) => x.id);
    const want = [...w.expect.failed];
    if (got.slice().sort().join() !== want.slice().sort().join())
      mistakes.push(`${at}: expect.failed: expected [${want.join(', ')}] to fail, but [${got.join(', ')}] fail`);
    const given = new Set(r.result.hints.map((h) => h.id));
    const missing = w.expect.hints.filter((h) => !given.has(h));
    if (missing.length)
      mistakes.push(`${at}: expect.hints: hint${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not given (given: ${[...given].join(', ') || 'none'})`);
  }
  return mistakes;
}

/** Puts the exercise id (when the file has one) after the file name of a schema error. */
function withId(error: string, file: string, text: string): string {
  let id: unknown;
  try {
    id = (parse(text) as { id?: unknown } | null)?.id;
  } catch {
    return error;
  }
  return typeof id === 'string' && error.startsWith(`${file}: `) ? `${file}: exercise ${id}: ${error.slice(file.length + 2)}` : error;
}

export const run: Subcommand = async (argv, io) => {
  const p = parseCommandLine('exercise', argv, flags, USAGE, io);
  if (typeof p === 'number') return p;
  const fail = (m: string) => {
    io.stderr(`container-course exercise: ${termSafe(m)}\n\n${USAGE}`);
    return 2;
  };
  const [sub, ...args] = p.args;
  if (sub === 'new') {
    const id = args[0];
    if (!id || args.length > 1) return fail(id ? `unexpected argument '${args[1]}'` : 'missing ID: exercise new ID');
    if (!/^[a-z0-9][a-z0-9.-]*$/.test(id)) return fail(`invalid ID '${id}': use lowercase letters, digits, dots and dashes (e.g. t1.1)`);
    const current = await loadBank('current');
    if ('bank' in current && current.bank.exercises.some((e) => e.id === id))
      return fail(`'${id}' is already a course exercise; choose another id (e.g. t${id.replace(/^e/, '')})`);
    const dir = resolve(io.cwd, (p.flags.out as string | undefined) ?? '.');
    const file = join(dir, `${id}.yaml`);
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(file, scaffold(id), { flag: 'wx' });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return fail(`cannot write ${id}.yaml: ${code === 'EEXIST' ? 'the file exists' : (code ?? (e as Error).message)}`);
    }
    io.stdout(
      `Wrote ${join((p.flags.out as string | undefined) ?? '.', `${id}.yaml`)}; check it with: container-course exercise validate ${(p.flags.out as string | undefined) ?? '.'}\n`,
    );
    return 0;
  }
  if (sub !== 'validate') return fail(sub ? `unknown subcommand '${sub}'` : 'missing subcommand: new or validate');
  if (!args.length) return fail('missing DIR or FILE: exercise validate DIR|FILE...');
  const files: { abs: string; shown: string }[] = [];
  for (const a of args) {
    const abs = resolve(io.cwd, a);
    const st = await stat(abs).catch(() => null);
    if (!st) return fail(`no such file or directory: ${a}`);
    if (st.isDirectory()) {
      const ys = (await readdir(abs)).filter((f) => /\.ya?ml$/.test(f)).sort(naturalCompare);
      if (!ys.length) return fail(`${a}: no exercise files (*.yaml) in the folder`);
      files.push(...ys.map((f) => ({ abs: join(abs, f), shown: join(a, f) })));
    } else files.push({ abs, shown: a });
  }
  const current = await loadBank('current');
  const taken = new Map(('bank' in current ? current.bank.exercises : []).map((e) => [e.id, 'the course']));
  let bad = 0;
  for (const f of files) {
    const r = await readText(f.abs, f.shown);
    const l = 'error' in r ? r : loadExercise(r.text, f.shown);
    let mistakes: string[];
    if ('error' in l) mistakes = [withId(l.error, f.shown, 'text' in r ? r.text : '')];
    else {
      const clash = taken.get(l.exercise.id);
      mistakes = clash ? [`${f.shown}: id: exercise ${l.exercise.id} is already defined by ${clash}`] : await validateExercise(l.exercise, f.shown);
      taken.set(l.exercise.id, f.shown);
    }
    if (mistakes.length) {
      bad++;
      for (const m of mistakes) io.stdout(`${termSafe(m)}\n`);
    } else
      io.stdout(
        `${termSafe(f.shown)}: exercise ${'exercise' in l ? l.exercise.id : ''}: ok (solution full marks, starter does not, ${'exercise' in l ? l.exercise.wrong.length : 0} wrong answer${'exercise' in l && l.exercise.wrong.length === 1 ? '' : 's'} as expected)\n`,
      );
  }
  io.stdout(`${files.length} exercise file${files.length === 1 ? '' : 's'}: ${bad ? `${bad} with mistakes` : 'all valid'}\n`);
  return bad ? 1 : 0;
};
