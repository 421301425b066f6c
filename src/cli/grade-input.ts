/**
 * Turning paths into submissions for `container-course grade`: a folder per student,
 * single files, and exported submission files. Every problem becomes a row error.
 */
import { lstat, readdir, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { issuePath } from '../checker/params.ts';
import { submissionFileSchema } from '../schemas/exercise.ts';
import type { Exercise } from '../schemas/exercise.ts';
import { insideRoot, isSymlink, naturalCompare, readText } from './checker-io.ts';

export type SubmissionContent =
  | { kind: 'files'; files: Record<string, string> }
  /** `file` and `lines` (1-based, one per command) say where a file of commands wrote each one. */
  | { kind: 'commands'; commands: string[]; file?: string; lines?: number[] }
  | { kind: 'answers'; answers: Record<string, string[]> };

export interface Row {
  /** The path given or found (for people). */
  submission: string;
  /** Who: the id or name a site submission carries, else the folder (or file) name. */
  student?: string;
  /** When the site says the work was submitted (ISO time), if it does. */
  submittedAt?: string;
  content?: SubmissionContent;
  error?: string;
}

/** What kind of special file this is, or null for a regular file or folder. */
export function specialKind(st: Stats): string | null {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (!st.isFile() && !st.isDirectory()) return 'not a regular file';
  return null;
}

/** The student a row belongs to when the submission does not say: the folder or file name. */
export function studentFromPath(display: string): string {
  const b = basename(display);
  const ext = extname(b);
  return /^\.(json|ya?ml|sh|txt)$/i.test(ext) && ext !== b ? b.slice(0, -ext.length) : b;
}

const MAX_FILES = 20;

function expectedFiles(ex: Exercise): string[] {
  return ex.kind === 'k8s-yaml' || ex.kind === 'dockerfile' ? Object.keys(ex.start) : [];
}

/** Reads an exported submission file (JSON); any score in it is ignored and re-computed. */
function fromSubmissionJson(text: string, ex: Exercise, name: string): Row | null {
  if (!/^\s*\{/.test(text)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    if (text.includes('container-course-submission')) return { submission: name, error: `the submission file is not valid JSON: ${(e as Error).message}` };
    return null;
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== 'container-course-submission') return null;
  const r = submissionFileSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    return { submission: name, error: `not a valid submission file: ${issuePath(issue.path) || '(root)'}: ${issue.message}` };
  }
  const s = r.data;
  const who = studentOf(s as Record<string, unknown>);
  const row = fromSubmissionData(s, ex, name);
  return { ...row, ...who };
}

function studentOf(s: Record<string, unknown>): { student?: string; submittedAt?: string } {
  const out: { student?: string; submittedAt?: string } = {};
  const st = s.student;
  if (st && typeof st === 'object') {
    const { id, name } = st as { id?: unknown; name?: unknown };
    const pick = [id, name].find((v) => typeof v === 'string' && v.trim() !== '') as string | undefined;
    if (pick) out.student = pick.trim().slice(0, 200);
  }
  const at = typeof s.submittedAt === 'string' ? s.submittedAt : typeof s.timestamp === 'string' ? s.timestamp : undefined;
  if (at && !Number.isNaN(Date.parse(at))) out.submittedAt = at;
  return out;
}

function fromSubmissionData(s: ReturnType<typeof submissionFileSchema.parse>, ex: Exercise, name: string): Row {
  if (s.exercise !== ex.id) return { submission: name, error: `the submission is for exercise ${s.exercise}, not ${ex.id}` };
  if (ex.kind === 'quiz')
    return s.answers ? { submission: name, content: { kind: 'answers', answers: s.answers } } : { submission: name, error: 'the submission has no answers' };
  if (ex.kind === 'shell-goal')
    return s.commands
      ? { submission: name, content: { kind: 'commands', commands: s.commands } }
      : { submission: name, error: 'the submission has no commands' };
  if (s.files) return { submission: name, content: { kind: 'files', files: s.files } };
  const names = expectedFiles(ex);
  if (s.text !== undefined && names.length === 1) return { submission: name, content: { kind: 'files', files: { [names[0]!]: s.text } } };
  return { submission: name, error: `the submission has no ${names.length === 1 ? 'text' : 'files'}` };
}

/** One file given directly: a submission JSON, or the single file of a one-file exercise. */
async function fromFile(path: string, name: string, ex: Exercise): Promise<Row> {
  const st = await stat(path).catch(() => null);
  const special = st && specialKind(st);
  if (special) return { submission: name, error: `${special}; not read` };
  const r = await readText(path, name);
  if ('error' in r) return { submission: name, error: r.error.replace(`${name}: `, '').replace(`${name}:`, 'at ') };
  if (r.text.trim() === '') return { submission: name, error: 'the submission is empty' };
  const json = fromSubmissionJson(r.text, ex, name);
  if (json) return json;
  const names = expectedFiles(ex);
  if (ex.kind === 'shell-goal') {
    const commands: string[] = [];
    const lines: number[] = [];
    // Every line is kept, blank lines and comments too: inside a here-document they are its text. The replay
    // (src/checker/replay.ts) joins the lines of one command and skips the blank lines between commands.
    const all = r.text.split('\n');
    if (all.at(-1) === '') all.pop();
    all.forEach((raw, i) => {
      commands.push(raw.replace(/^\$\s+/, ''));
      lines.push(i + 1);
    });
    return { submission: name, content: { kind: 'commands', commands, file: basename(path), lines } };
  }
  if (names.length !== 1)
    return {
      submission: name,
      error: `exercise ${ex.id} needs ${names.length ? names.join(' and ') : 'a submission file'}; submit a folder or a submission file`,
    };
  return { submission: name, content: { kind: 'files', files: { [names[0]!]: r.text } } };
}

/** A folder for one student: the exercise's file names, or its single file under another name. */
async function fromFolder(dir: string, name: string, ex: Exercise, root: string): Promise<Row> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
  const files: Record<string, string> = {};
  const candidates: string[] = [];
  for (const e of entries.slice(0, MAX_FILES)) {
    const p = join(dir, e.name);
    if ((await isSymlink(p)) && !(await insideRoot(p, root)))
      return { submission: name, error: `${e.name} is a symlink that leads outside the folder; not followed` };
    const st = await stat(p).catch(() => null);
    if (!st) continue;
    const special = specialKind(st);
    if (special && expectedFiles(ex).includes(e.name)) return { submission: name, error: `${e.name} is ${special}; not read` };
    if (!st.isFile()) continue;
    candidates.push(e.name);
  }
  if (!candidates.length) return { submission: name, error: 'the submission is empty (no files)' };
  const submissionJson = candidates.find((c) => c.endsWith('.json'));
  if (submissionJson) {
    const r = await readText(join(dir, submissionJson), submissionJson);
    if (!('error' in r)) {
      const row = fromSubmissionJson(r.text, ex, name);
      if (row) return row;
    }
  }
  const names = expectedFiles(ex);
  if (ex.kind === 'shell-goal' || ex.kind === 'quiz') {
    const f = candidates.find((c) => /\.(sh|txt)$/.test(c));
    if (ex.kind === 'shell-goal' && f) return { ...(await fromFile(join(dir, f), name, ex)), submission: name };
    return { submission: name, error: `no submission file (.json${ex.kind === 'shell-goal' ? ', .sh or .txt' : ''}) in the folder` };
  }
  for (const n of names) {
    let pick = candidates.find((c) => c === n);
    if (!pick && names.length === 1) {
      const sameKind = candidates.filter((c) => (ex.kind === 'k8s-yaml' ? /\.(ya?ml|json)$/i.test(c) : /(^|\.)(Dockerfile|Containerfile)$/i.test(c)));
      if (sameKind.length === 1) pick = sameKind[0];
    }
    if (!pick) return { submission: name, error: `missing ${n}` };
    const r = await readText(join(dir, pick), pick);
    if ('error' in r) return { submission: name, error: r.error };
    files[n] = r.text;
  }
  if (Object.values(files).every((t) => t.trim() === '')) return { submission: name, error: 'the submission is empty' };
  return { submission: name, content: { kind: 'files', files } };
}

/** The paths given that do not exist (a usage error: nothing is graded). */
export async function missingPaths(paths: { abs: string; display: string }[]): Promise<string[]> {
  const missing: string[] = [];
  for (const p of paths) if (!(await lstat(p.abs).catch(() => null))) missing.push(p.display);
  return missing;
}

/** Every submission under the command-line paths, in a stable order, read one at a time (streamed). */
export async function* submissionsOf(paths: { abs: string; display: string }[], ex: Exercise): AsyncGenerator<Row> {
  const named = (row: Row, display: string): Row => ({ ...row, student: row.student ?? studentFromPath(display) });
  for (const { abs, display } of paths) {
    const info = await stat(abs).catch((e: NodeJS.ErrnoException) => e);
    if (info instanceof Error) {
      yield named(
        {
          submission: display,
          error:
            info.code === 'ENOENT'
              ? 'no such file or directory (broken link?)'
              : info.code === 'EACCES'
                ? 'permission denied'
                : `cannot be read (${info.code ?? info.message})`,
        },
        display,
      );
      continue;
    }
    if (!info.isDirectory()) {
      yield named(await fromFile(abs, display, ex), display);
      continue;
    }
    let entries;
    try {
      entries = (await readdir(abs, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => naturalCompare(a.name, b.name));
    } catch (e) {
      yield named({ submission: display, error: `the folder cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` }, display);
      continue;
    }
    // A folder that holds the exercise's files itself (one student's repository) is one submission.
    const names = expectedFiles(ex);
    const isFile = (n: string) => entries.some((e) => e.name === n && !e.isDirectory());
    const ownRepo = names.length
      ? names.every(isFile)
      : entries.some((e) => !e.isDirectory() && (/^submission.*\.json$/.test(e.name) || (ex.kind === 'shell-goal' && e.name === 'commands.sh')));
    if (ownRepo) {
      yield named(await fromFolder(abs, display, ex, abs), display);
      continue;
    }
    if (!entries.length) {
      yield named({ submission: display, error: 'the folder is empty' }, display);
      continue;
    }
    for (const e of entries) {
      const p = join(abs, e.name);
      const name = join(display, e.name);
      if ((await isSymlink(p)) && !(await insideRoot(p, abs))) {
        yield named({ submission: name, error: 'a symlink that leads outside the folder; not followed' }, name);
        continue;
      }
      const st = await stat(p).catch(() => null);
      if (!st) yield named({ submission: name, error: 'cannot be read (broken link?)' }, name);
      else if (st.isDirectory()) yield named(await fromFolder(p, name, ex, abs), name);
      else if (specialKind(st)) yield named({ submission: name, error: `${specialKind(st)}; not read` }, name);
      else yield named(await fromFile(p, name, ex), name);
    }
  }
}

/** All rows at once (small classes, tests). */
export async function collectRows(paths: { abs: string; display: string }[], ex: Exercise): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const r of submissionsOf(paths, ex)) rows.push(r);
  return rows;
}
