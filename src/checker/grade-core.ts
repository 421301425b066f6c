/**
 * Grading: an exercise and a submission in, a weighted score, the result of every
 * check, the findings and the hints that apply out. The same functions serve the
 * lesson page, `container-course grade` and CI.
 *
 * The Dockerfile half of the engine (engine-dockerfile.ts, with dockerfile-ast) is handed in,
 * as engine-core.ts takes it, so grading manifests never loads the Dockerfile parser: grade.ts
 * wires the whole engine in (synchronous callers), dockerfileChecksFor loads it only for a
 * submission that has a Dockerfile (the lesson page's grader worker, cluster grading).
 */
import { normalizeText } from './parse/yaml.ts';
import type { Exercise, ExerciseCheck, ExerciseHint, QuizExercise, ShellGoalExercise, TextExercise } from '../schemas/exercise.ts';
import type { WorldSnapshot } from '../sim/api.ts';
import { checkParsedWith, isDockerfile, parseInputsWith, type DockerfileChecks } from './engine-core.ts';
import { exerciseChecks, type TextGradeContext } from './exercise/checks.ts';
import { shellGoals } from './goals/index.ts';
import { PROFILES } from './profile.ts';
import { ALL_RULES } from './rules/index.ts';
import type { Finding, InputError, Text } from './types.ts';

export interface CheckResult {
  id: string;
  title: Text;
  passed: boolean;
  points: number;
  max: number;
  hidden: boolean;
  /** Quiz: the feedback for each chosen answer. */
  feedback?: Text[];
}

export interface GradeResult {
  exercise: string;
  score: number;
  max: number;
  checks: CheckResult[];
  findings: Finding[];
  hints: { id: string; text: Text }[];
  errors: InputError[];
  /** Set when the submission earns nothing beyond what the unchanged starter earns (its score is then 0). */
  noProgress?: boolean;
  /** A shell submission's commands that one of the simulator's limits stopped, in order. */
  stopped?: StoppedCommand[];
}

/** A submitted command a simulator limit stopped (as Ctrl-C would), and the limit's note. */
export interface StoppedCommand {
  /** 1-based, among the commands replayed. */
  command: number;
  /** Where the command was written, when the submission is a file of commands (grade-input.ts). */
  file?: string;
  line?: number;
  limit: string;
  note: Text;
}

export type Submission = { files: Record<string, string> } | { snapshot: WorldSnapshot; start?: WorldSnapshot } | { answers: Record<string, string[]> };

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function scored(
  checks: ExerciseCheck[],
  passed: (c: ExerciseCheck) => boolean,
  feedback: (c: ExerciseCheck) => Text | undefined = () => undefined,
): CheckResult[] {
  return checks.map((c) => {
    let ok = false;
    try {
      ok = passed(c);
    } catch {
      ok = false;
    }
    const said = ok ? undefined : feedback(c);
    return { id: c.id, title: c.title, passed: ok, points: ok ? c.weight : 0, max: c.weight, hidden: c.hidden, ...(said ? { feedback: [said] } : {}) };
  });
}

/** The template of checks graded on the simulated cluster (src/checker/cluster/), not on the text. */
export const CLUSTER_TEMPLATE = 'cluster';

/** What a `cluster` check says when the grader was given no simulator (gradeOnCluster runs them). */
const NOT_RUN: Text = {
  en: 'not run: this grader has no simulated cluster',
  'zh-cn': '未运行：这个评分程序没有模拟集群',
};

function pickHints(hints: ExerciseHint[], checks: CheckResult[], findings: Finding[], texts: string[]): { id: string; text: Text }[] {
  const failed = new Set(checks.filter((c) => !c.passed).map((c) => c.id));
  return hints
    .filter((h) => {
      const w = h.when;
      if (w.failed && !w.failed.some((id) => failed.has(id))) return false;
      if (w.findings && !findings.some((f) => w.findings!.includes(f.rule) && (!w.findingPath || new RegExp(w.findingPath).test(f.path)))) return false;
      if (w.matches && !texts.some((t) => new RegExp(w.matches!, 'm').test(t))) return false;
      return true;
    })
    .map((h) => ({ id: h.id, text: h.text }));
}

function total(exercise: string, checks: CheckResult[], rest: Omit<GradeResult, 'exercise' | 'score' | 'max' | 'checks'>): GradeResult {
  return {
    exercise,
    score: round(checks.reduce((s, c) => s + c.points, 0)),
    max: round(checks.reduce((s, c) => s + c.max, 0)),
    checks,
    ...rest,
  };
}

const EVERY_RULE = Object.fromEntries(ALL_RULES.map((r) => [r.id, r.severity]));

/** Whether these submitted files include a Dockerfile (by name, as the engine reads them). */
export function hasDockerfile(files: Record<string, string>): boolean {
  return Object.keys(files).some((name) => isDockerfile({ name, text: files[name] ?? '' }));
}

/** The Dockerfile half of the engine when the submission has a Dockerfile (loaded on first use), else null. */
export async function dockerfileChecksFor(submission: Submission): Promise<DockerfileChecks | null> {
  if (!('files' in submission) || !hasDockerfile(submission.files)) return null;
  return (await import('./engine-dockerfile.ts')).dockerfileChecks;
}

/**
 * Grades files on their text. `cluster` holds the outcome of each `cluster` check, run beforehand
 * on the simulated cluster (cluster/index.ts gradeOnCluster); without one such a check fails, saying so.
 * `dockerfile`: the Dockerfile half of the engine, needed when the files include a Dockerfile.
 */
export function gradeTextWith(
  ex: TextExercise,
  submitted: Record<string, string>,
  cluster: Record<string, { passed: boolean; feedback?: Text }>,
  dockerfile: DockerfileChecks | null,
): GradeResult {
  // Line endings and a BOM are ordinary input for the text checks too (a script saved on Windows).
  const files = Object.fromEntries(Object.entries(submitted).map(([name, text]) => [name, typeof text === 'string' ? normalizeText(text) : text]));
  const inputs = Object.entries(files).map(([name, text]) => ({ name, text }));
  const checked = inputs.filter((f) => isDockerfile(f) || /\.(ya?ml|json)$/i.test(f.name));
  // Checks see every rule's findings; the learner is shown those of the exercise's profile.
  const parsed = parseInputsWith(checked, dockerfile);
  const results = checkParsedWith(parsed, { profile: EVERY_RULE }, dockerfile);
  const all = results.flatMap((r) => r.findings);
  const profile = PROFILES[ex.profile];
  const shown = all.filter((f) => (profile[f.rule] ?? 'off') !== 'off').map((f) => ({ ...f, severity: profile[f.rule] as Finding['severity'] }));
  const ctx: TextGradeContext = {
    files,
    manifests: parsed.manifests,
    dockerfiles: parsed.dockerfiles,
    findings: all,
    errors: results.flatMap((r) => r.errors),
  };
  const checks = scored(
    ex.checks,
    (c) => {
      if (c.template === CLUSTER_TEMPLATE) return cluster[c.id]?.passed === true;
      const t = Object.hasOwn(exerciseChecks, c.template) ? exerciseChecks[c.template] : undefined;
      if (!t) throw new Error(`exercise ${ex.id}: unknown check template ${c.template}`);
      // c.params were parsed against t.params when the exercise loaded (exercise/load.ts).
      return t.test(ctx, c.params);
    },
    (c) => (c.template === CLUSTER_TEMPLATE ? (cluster[c.id] ? cluster[c.id]!.feedback : NOT_RUN) : undefined),
  );
  return total(ex.id, checks, { findings: shown, hints: pickHints(ex.hints, checks, all, Object.values(files)), errors: ctx.errors });
}

export function gradeShell(ex: ShellGoalExercise, world: WorldSnapshot, start?: WorldSnapshot): GradeResult {
  const checks = scored(ex.checks, (c) => {
    const g = Object.hasOwn(shellGoals, c.template) ? shellGoals[c.template] : undefined;
    if (!g) throw new Error(`exercise ${ex.id}: unknown goal ${c.template}`);
    // c.params were parsed against g.params when the exercise loaded (exercise/load.ts).
    return g.test(world, c.params, start);
  });
  return total(ex.id, checks, {
    findings: [],
    hints: pickHints(
      ex.hints,
      checks,
      [],
      world.transcript.map((t) => t.line),
    ),
    errors: [],
  });
}

export function gradeQuiz(ex: QuizExercise, answers: Record<string, string[]>): GradeResult {
  const checks: CheckResult[] = ex.questions.map((q) => {
    const chosen = new Set(answers[q.id] ?? []);
    const correct = new Set(q.choices.filter((c) => c.correct).map((c) => c.id));
    const passed = chosen.size === correct.size && [...chosen].every((c) => correct.has(c)) && (q.multiple || chosen.size === 1);
    return {
      id: q.id,
      title: q.prompt,
      passed,
      points: passed ? q.weight : 0,
      max: q.weight,
      hidden: false,
      feedback: q.choices.filter((c) => chosen.has(c.id)).map((c) => c.feedback),
    };
  });
  return total(ex.id, checks, { findings: [], hints: pickHints(ex.hints, checks, [], []), errors: [] });
}

/**
 * Grades any exercise kind; a shell-goal exercise needs the final (and initial) simulator snapshot.
 * `dockerfile`: the Dockerfile half of the engine, needed when the files include a Dockerfile.
 */
export function gradeWith(exercise: Exercise, submission: Submission, dockerfile: DockerfileChecks | null): GradeResult {
  if (exercise.kind === 'quiz') {
    if (!('answers' in submission)) throw new Error(`exercise ${exercise.id} is a quiz: submit answers`);
    return gradeQuiz(exercise, submission.answers);
  }
  if (exercise.kind === 'shell-goal') {
    if (!('snapshot' in submission)) throw new Error(`exercise ${exercise.id} is a shell-goal exercise: grade it from a simulator snapshot`);
    return gradeShell(exercise, submission.snapshot, submission.start);
  }
  if (!('files' in submission)) throw new Error(`exercise ${exercise.id} is a ${exercise.kind} exercise: submit files`);
  return gradeTextWith(exercise, submission.files, {}, dockerfile);
}

/**
 * No credit for no work: when every check a submission passes is also passed by the
 * unchanged starter (the start files, or the start state with no commands), the
 * submission made no progress and scores 0. Otherwise the weighted score stands.
 */
export function withoutStarterCredit(result: GradeResult, starter: GradeResult): GradeResult {
  const starterPassed = new Set(starter.checks.filter((c) => c.passed).map((c) => c.id));
  const progress = result.checks.some((c) => c.passed && !starterPassed.has(c.id));
  if (progress || result.score === 0) return result;
  return { ...result, score: 0, noProgress: true, checks: result.checks.map((c) => ({ ...c, points: 0 })) };
}
