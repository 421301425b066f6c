/**
 * Grading with the whole engine, Dockerfiles included (grade-core.ts holds the grading itself):
 * for callers that grade synchronously and may meet any file (the CLI, tests, the fuzzer).
 */
import type { Exercise } from '../schemas/exercise.ts';
import { dockerfileChecks } from './engine-dockerfile.ts';
import { gradeWith, type GradeResult, type Submission } from './grade-core.ts';

export * from './grade-core.ts';

/** Grades any exercise kind; a shell-goal exercise needs the final (and initial) simulator snapshot. */
export function grade(exercise: Exercise, submission: Submission): GradeResult {
  return gradeWith(exercise, submission, dockerfileChecks);
}
