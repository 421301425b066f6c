/**
 * Grades one submission's content against an exercise, with no credit for an unchanged
 * starter. Runs inside a grading worker (grade-worker.ts) so a submission that loops or
 * eats memory stops alone.
 */
import { grade, withoutStarterCredit, type GradeResult } from '../checker/grade.ts';
import { replayAndGrade } from '../checker/replay.ts';
import { gradeOnCluster, needsCluster } from '../checker/cluster/index.ts';
import type { Exercise } from '../schemas/exercise.ts';
import type { SubmissionContent } from './grade-input.ts';

/** Most commands replayed from one shell submission. */
export const MAX_COMMANDS = 500;

export type Outcome = { result: GradeResult; error?: string } | { error: string };

async function gradeRaw(ex: Exercise, c: SubmissionContent): Promise<GradeResult | string> {
  if (c.kind === 'commands') {
    if (ex.kind !== 'shell-goal') return `exercise ${ex.id} is not a shell-goal exercise`;
    const { createWorld } = await import('../sim/index.ts');
    const r = await replayAndGrade(ex, c.commands.slice(0, MAX_COMMANDS), createWorld as never);
    // Where each stopped command was written (commands.sh:3), for the teacher and the student.
    if (r.stopped && c.file) r.stopped = r.stopped.map((s) => ({ ...s, file: c.file, ...(c.lines?.[s.command - 1] ? { line: c.lines[s.command - 1] } : {}) }));
    return r;
  }
  if (c.kind === 'answers') {
    if (ex.kind !== 'quiz') return `exercise ${ex.id} is not a quiz`;
    return grade(ex, { answers: c.answers });
  }
  if (ex.kind !== 'k8s-yaml' && ex.kind !== 'dockerfile')
    return `exercise ${ex.id} is a ${ex.kind} exercise; submit ${ex.kind === 'quiz' ? 'answers' : 'commands'}`;
  if (needsCluster(ex)) {
    // Its `cluster` checks apply the files to node1's simulated cluster, as the lesson page does.
    const { createWorld } = await import('../sim/index.ts');
    return gradeOnCluster(ex, { files: c.files }, createWorld as never);
  }
  return grade(ex, { files: c.files });
}

const starters = new Map<string, Promise<GradeResult | string>>();

/** What the unchanged starter earns: the start files, the start state with no commands, or no answers. */
export function starterResult(ex: Exercise): Promise<GradeResult | string> {
  let p = starters.get(ex.id);
  if (!p) {
    const content: SubmissionContent =
      ex.kind === 'shell-goal'
        ? { kind: 'commands', commands: [] }
        : ex.kind === 'quiz'
          ? { kind: 'answers', answers: {} }
          : { kind: 'files', files: ex.start };
    p = gradeRaw(ex, content);
    starters.set(ex.id, p);
  }
  return p;
}

export async function gradeContent(ex: Exercise, c: SubmissionContent): Promise<Outcome> {
  try {
    const raw = await gradeRaw(ex, c);
    if (typeof raw === 'string') return { error: raw };
    const starter = await starterResult(ex);
    const result = typeof starter === 'string' ? raw : withoutStarterCredit(raw, starter);
    const fileErrors = result.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`);
    return fileErrors.length ? { result, error: fileErrors.join('; ') } : { result };
  } catch (e) {
    return { error: (e as Error).message };
  }
}
