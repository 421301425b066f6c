/**
 * Turning paths into submissions for `container-course grade`: a folder per student,
 * single files, and exported submission files. Every problem becomes a row error.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { submissionFileSchema } from '../schemas/exercise.ts';
import type { Exercise } from '../schemas/exercise.ts';
import { insideRoot, isSymlink, naturalCompare, readText } from './checker-io.ts';

export type SubmissionContent =
  | { kind: 'files'; files: Record<string, string> }
  | { kind: 'commands'; commands: string[] }
  | { kind: 'answers'; answers: Record<string, string[]> };

export interface Row {
  submission: string;
  content?: SubmissionContent;
  error?: string;
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
    return { submission: name, error: `not a valid submission file: ${issue.path.join('.') || '(root)'}: ${issue.message}` };
  }
  const s = r.data;
  if (s.exercise !== ex.id) return { submission: name, error: `the submission is for exercise ${s.exercise}, not ${ex.id}` };
  if (ex.kind === 'quiz') return s.answers ? { submission: name, content: { kind: 'answers', answers: s.answers } } : { submission: name, error: 'the submission has no answers' };
  if (ex.kind === 'shell-goal') return s.commands ? { submission: name, content: { kind: 'commands', commands: s.commands } } : { submission: name, error: 'the submission has no commands' };
  if (s.files) return { submission: name, content: { kind: 'files', files: s.files } };
  const names = expectedFiles(ex);
  if (s.text !== undefined && names.length === 1) return { submission: name, content: { kind: 'files', files: { [names[0]!]: s.text } } };
  return { submission: name, error: `the submission has no ${names.length === 1 ? 'text' : 'files'}` };
}

/** One file given directly: a submission JSON, or the single file of a one-file exercise. */
async function fromFile(path: string, name: string, ex: Exercise): Promise<Row> {
  const r = await readText(path, name);
  if ('error' in r) return { submission: name, error: r.error.replace(`${name}: `, '').replace(`${name}:`, 'at ') };
  if (r.text.trim() === '') return { submission: name, error: 'the submission is empty' };
  const json = fromSubmissionJson(r.text, ex, name);
  if (json) return json;
  const names = expectedFiles(ex);
  if (ex.kind === 'shell-goal') {
    return { submission: name, content: { kind: 'commands', commands: r.text.split('\n').map((l) => l.replace(/^\$\s+/, '')).filter((l) => l.trim() && !l.trimStart().startsWith('#')) } };
  }
  if (names.length !== 1) return { submission: name, error: `exercise ${ex.id} needs ${names.length ? names.join(' and ') : 'a submission file'}; submit a folder or a submission file` };
  return { submission: name, content: { kind: 'files', files: { [names[0]!]: r.text } } };
}

/** A folder for one student: the exercise's file names, or its single file under another name. */
async function fromFolder(dir: string, name: string, ex: Exercise, root: string): Promise<Row> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
  const files: Record<string, string> = {};
  const candidates: string[] = [];
  for (const e of entries.slice(0, MAX_FILES)) {
    const p = join(dir, e.name);
    if ((await isSymlink(p)) && !(await insideRoot(p, root))) return { submission: name, error: `${e.name} is a symlink that leads outside the folder; not followed` };
    if (!(await stat(p).catch(() => null))?.isFile()) continue;
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

/** Expands the command-line paths into rows, in a stable order. */
export async function collectRows(paths: { abs: string; display: string }[], ex: Exercise): Promise<Row[]> {
  const rows: Row[] = [];
  for (const { abs, display } of paths) {
    const info = await stat(abs).catch((e: NodeJS.ErrnoException) => e);
    if (info instanceof Error) {
      rows.push({ submission: display, error: info.code === 'ENOENT' ? 'no such file or directory' : info.message });
      continue;
    }
    if (!info.isDirectory()) {
      rows.push(await fromFile(abs, display, ex));
      continue;
    }
    const entries = (await readdir(abs, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => naturalCompare(a.name, b.name));
    // A folder that holds the exercise's files itself (one student's repository) is one submission.
    const names = expectedFiles(ex);
    if (names.length && names.every((n) => entries.some((e) => e.name === n && !e.isDirectory()))) {
      rows.push(await fromFolder(abs, display, ex, abs));
      continue;
    }
    if (!entries.length) {
      rows.push({ submission: display, error: 'the folder is empty' });
      continue;
    }
    for (const e of entries) {
      const p = join(abs, e.name);
      const name = join(display, e.name);
      if ((await isSymlink(p)) && !(await insideRoot(p, abs))) {
        rows.push({ submission: name, error: 'a symlink that leads outside the folder; not followed' });
        continue;
      }
      const st = await stat(p).catch(() => null);
      if (!st) rows.push({ submission: name, error: 'cannot be read (broken link?)' });
      else if (st.isDirectory()) rows.push(await fromFolder(p, name, ex, abs));
      else rows.push(await fromFile(p, name, ex));
    }
  }
  return rows;
}

export function shortName(submission: string, base: string): string {
  return relative(base, submission) || basename(submission);
}
