/**
 * Grading with the whole engine, Dockerfiles included (grade-core.ts holds the grading itself):
 * for callers that grade synchronously and may meet any file (the CLI, tests, the fuzzer).
 */
import type { Exercise, TextExercise } from '../schemas/exercise.ts';
import { dockerfileChecks } from './engine-dockerfile.ts';
import { gradeTextWith, gradeWith, type GradeResult, type Submission } from './grade-core.ts';
import type { Text } from './types.ts';

export * from './grade-core.ts';

/** Grades any exercise kind; a shell-goal exercise needs the final (and initial) simulator snapshot. */
export function grade(exercise: Exercise, submission: Submission): GradeResult {
  return gradeWith(exercise, submission, dockerfileChecks);
}

/** Grades files on their text (grade-core.ts gradeTextWith), with the Dockerfile checks. */
export function gradeText(ex: TextExercise, submitted: Record<string, string>, cluster: Record<string, { passed: boolean; feedback?: Text }> = {}): GradeResult {
  return gradeTextWith(ex, submitted, cluster, dockerfileChecks);
}
