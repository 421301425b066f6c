import { z } from './zod.ts';
import { WORLD_NAMES } from './worlds.ts';

/**
 * An exercise, as data: content/exercises/<id>.yaml. The `kind` decides what the
 * learner submits and how it is graded (templates are code in src/checker; the
 * exercise only names them and fills in parameters).
 */

export const textSchema = z
  .object({
    en: z.string().min(1).describe('English text.'),
    'zh-cn': z.string().min(1).describe('Simplified Chinese text. Quote English error strings verbatim.'),
  })
  .strict()
  .describe('A text in both course languages.');

const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*$/)
  .describe('Lowercase id: letters, digits, dots and dashes.');

export const checkSchema = z
  .object({
    id: idSchema.describe('Check id, unique within the exercise.'),
    title: textSchema.describe('What the check verifies, shown to the learner (unless hidden).'),
    weight: z.number().positive().default(1).describe('Points this check is worth.'),
    hidden: z.boolean().default(false).describe('Hidden checks count towards the score but their titles are not shown before submission.'),
    template: z
      .string()
      .min(1)
      .describe(
        'The check (k8s-yaml, dockerfile: src/checker/exercise/checks.ts; `cluster`: src/checker/cluster/) or goal (shell-goal: src/checker/goals/) this check runs.',
      ),
    params: z
      .record(z.string(), z.unknown())
      .default({})
      .describe('Parameters for the template, parsed against its zod schema when the exercise loads (src/checker/exercise/load.ts).'),
  })
  .strict();

export const hintSchema = z
  .object({
    id: idSchema.describe('Hint id; tests refer to it.'),
    text: textSchema.describe('The hint, in both languages.'),
    when: z
      .object({
        failed: z.array(z.string()).optional().describe('Applies when any of these checks failed.'),
        findings: z.array(z.string()).optional().describe('Applies when any finding has one of these rule ids.'),
        findingPath: z.string().optional().describe("…and that finding's JSON pointer matches this regular expression."),
        matches: z.string().optional().describe('Applies when a submitted file matches this regular expression (multiline).'),
      })
      .strict()
      .describe('All given conditions must hold.'),
  })
  .strict();

const expectSchema = z
  .object({
    failed: z.array(z.string()).describe('Exactly the checks that must fail.'),
    hints: z.array(z.string()).default([]).describe('Hints that must be given (others may be given too).'),
  })
  .strict();

const filesSchema = z.record(z.string(), z.string()).describe('File name → content.');

const base = {
  id: idSchema.describe('Exercise id, e.g. e11.1 (also the file name).'),
  lesson: z.string().optional().describe('The lesson the exercise belongs to, e.g. L11.'),
  title: textSchema.describe('Short title.'),
  task: textSchema.describe('What the learner must do.'),
  checks: z.array(checkSchema).min(1).describe('Goal checks with weights; the score is the sum of the passed weights.'),
  hints: z.array(hintSchema).default([]).describe('Hints, chosen by the grade result.'),
};

export const textExerciseSchema = z
  .object({
    ...base,
    kind: z.enum(['k8s-yaml', 'dockerfile']).describe('k8s-yaml: manifests; dockerfile: a Dockerfile and maybe scripts.'),
    profile: z.enum(['baseline', 'restricted', 'course']).default('course').describe('Rule profile for the findings shown with the grade.'),
    start: filesSchema.describe('The starting files in the editor.'),
    solution: filesSchema.describe('A reference solution; it must get full marks.'),
    wrong: z
      .array(z.object({ id: idSchema, description: z.string().optional(), files: filesSchema, expect: expectSchema }).strict())
      .default([])
      .describe('Typical wrong answers, each with the feedback it must get.'),
    alternatives: z
      .array(z.object({ id: idSchema, description: z.string().optional(), files: filesSchema }).strict())
      .default([])
      .describe('Other correct answers, different from the solution; each must get full marks too.'),
  })
  .strict();

export const shellGoalExerciseSchema = z
  .object({
    ...base,
    kind: z.literal('shell-goal'),
    scenario: z.enum(WORLD_NAMES).optional().describe('Start state the exercise is set up and graded on, content/world/<name>.json (default node1).'),
    world: z
      .object({ userlandProxy: z.boolean().optional().describe("dockerd's --userland-proxy (default true): false starts no docker-proxy processes.") })
      .strict()
      .optional()
      .describe('Options of the simulated host the exercise is graded on.'),
    setup: z
      .array(z.string())
      .default([])
      .describe('Commands run before the learner starts (their output is not shown); the start snapshot is taken after them.'),
    solution: z.array(z.string()).min(1).describe('Commands that reach the goal, in order.'),
    wrong: z
      .array(z.object({ id: idSchema, description: z.string().optional(), commands: z.array(z.string()), expect: expectSchema }).strict())
      .default([])
      .describe('Typical wrong command sequences, each with the feedback it must get.'),
    alternatives: z
      .array(z.object({ id: idSchema, description: z.string().optional(), commands: z.array(z.string()).min(1) }).strict())
      .default([])
      .describe('Other correct command sequences, different from the solution; each must get full marks too.'),
  })
  .strict();

export const quizExerciseSchema = z
  .object({
    ...base,
    kind: z.literal('quiz'),
    checks: z.array(checkSchema).default([]).describe('Unused for quizzes: each question is a check.'),
    questions: z
      .array(
        z
          .object({
            id: idSchema,
            prompt: textSchema,
            multiple: z.boolean().default(false).describe('Multiple choice (select all that apply) rather than single choice.'),
            weight: z.number().positive().default(1),
            choices: z.array(z.object({ id: idSchema, text: textSchema, correct: z.boolean().default(false), feedback: textSchema }).strict()).min(2),
          })
          .strict(),
      )
      .min(1),
    solution: z.record(z.string(), z.array(z.string())).describe('Question id → the correct choice ids.'),
    wrong: z.array(z.object({ id: idSchema, answers: z.record(z.string(), z.array(z.string())), expect: expectSchema }).strict()).default([]),
    alternatives: z
      .array(z.object({ id: idSchema, description: z.string().optional(), answers: z.record(z.string(), z.array(z.string())) }).strict())
      .default([])
      .describe('Other correct answer sets (rare for quizzes); each must get full marks too.'),
  })
  .strict();

export const exerciseSchema = z.discriminatedUnion('kind', [textExerciseSchema, shellGoalExerciseSchema, quizExerciseSchema]);

export type Exercise = z.infer<typeof exerciseSchema>;
export type TextExercise = z.infer<typeof textExerciseSchema>;
export type ShellGoalExercise = z.infer<typeof shellGoalExerciseSchema>;
export type QuizExercise = z.infer<typeof quizExerciseSchema>;
export type ExerciseCheck = z.infer<typeof checkSchema>;
export type ExerciseHint = z.infer<typeof hintSchema>;

/** The submission file the site exports and `grade` re-grades (any score inside is ignored). */
export const submissionFileSchema = z
  .object({
    format: z.literal('container-course-submission'),
    version: z.literal(1),
    exercise: z.string().min(1),
    text: z.string().optional().describe('The submitted text (single-file exercises).'),
    files: filesSchema.optional().describe('The submitted files (multi-file exercises).'),
    commands: z.array(z.string()).optional().describe('Commands typed (shell-goal exercises).'),
    answers: z.record(z.string(), z.array(z.string())).optional().describe('Quiz answers.'),
    timestamp: z.string().optional(),
    courseVersion: z.string().optional(),
  })
  .passthrough();
