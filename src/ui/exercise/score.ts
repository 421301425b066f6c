/**
 * What the main thread needs of an Evaluation (pure, no imports): the panels draw "Full marks"
 * and the done mark from it. The checker itself, which computes an Evaluation
 * (evaluation.ts), runs only in the grader worker, so the exercise panels load none of its
 * code, zod, YAML or Dockerfile parsers (issue #14: the editor's bytes).
 */

/** Full marks, from the same object the score line is drawn from. */
export function isFull(e: { score: number; max: number }): boolean {
  return e.max > 0 && e.score >= e.max;
}
