/**
 * What the learner is shown for one evaluation of their work (pure: no DOM, no storage).
 * The grader worker computes it once per text version or command; the panel's score,
 * check or goal list, "Full marks" and the done mark are all drawn from that one object,
 * so they cannot disagree.
 *
 * On top of the checker's GradeResult it decides two things:
 * - An unchanged starter (the starting text, no answer chosen, no command typed) scores 0:
 *   no check is counted as holding until the learner has done something.
 * - Work that passes only the checks the unchanged starter already passes scores 0 too
 *   (`noProgress`), exactly as `container-course grade` scores it (withoutStarterCredit).
 * - Scope: a rule that also fires on the exercise's reference solution is not part of this
 *   exercise (the solution gets full marks with it). Its findings are shown apart, as
 *   "beyond this exercise", and never counted.
 */
import { withoutStarterCredit, type GradeResult } from '../../checker/grade-core.ts';
import type { Exercise, TextExercise } from '../../schemas/exercise.ts';

export interface Evaluation extends GradeResult {
  /** Nothing changed from the start yet: every check is shown as not holding, score 0. */
  unchanged: boolean;
  /** Rule ids whose findings are beyond this exercise. */
  beyond: string[];
  /** The editor version(s) the result belongs to (text exercises), so stale fixes are refused. */
  version?: string;
}

/** Line endings and trailing blanks do not count as a change. */
function normal(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\s+$/, '');
}

/** True when the files are the exercise's starting files (same names, same text). */
export function isStarter(ex: TextExercise, files: Record<string, string>): boolean {
  const names = Object.keys(ex.start);
  return names.every((n) => normal(files[n] ?? '') === normal(ex.start[n] ?? '')) && Object.keys(files).every((n) => names.includes(n));
}

/** What the learner submitted, in each kind's terms. */
export type Work = { files: Record<string, string> } | { commands: string[] } | { answers: Record<string, string[]> };

export function isUnchanged(ex: Exercise, work: Work): boolean {
  if ('files' in work) return ex.kind === 'k8s-yaml' || ex.kind === 'dockerfile' ? isStarter(ex, work.files) : false;
  if ('commands' in work) return work.commands.every((c) => c.trim() === '');
  return Object.values(work.answers).every((a) => a.length === 0);
}

/** The rules that fire on the reference solution: beyond the exercise by definition. */
export function rulesBeyond(solution: GradeResult): string[] {
  return [...new Set(solution.findings.map((f) => f.rule))].sort();
}

/** `starter`: what the unchanged starter earns; without it, only an unchanged starter scores 0. */
export function evaluation(ex: Exercise, work: Work, result: GradeResult, beyond: string[], version?: string, starter?: GradeResult): Evaluation {
  const unchanged = isUnchanged(ex, work);
  const credited = !unchanged && starter ? withoutStarterCredit(result, starter) : result;
  const checks = unchanged ? result.checks.map((c) => ({ ...c, passed: false, points: 0 })) : credited.checks;
  const score = unchanged ? 0 : credited.score;
  return { ...credited, checks, score, unchanged, beyond, ...(version === undefined ? {} : { version }) };
}

export { isFull } from './score.ts';
