/**
 * The exercises and the lesson pages that show them, read from content/ (so an exercise
 * or lesson added later is walked without touching the tests).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { parse } from 'yaml';
import { loadExercise } from '../../src/checker/exercise/load.ts';
import { gradeContent } from '../../src/cli/grade-core.ts';

export interface WalkCheck {
  id: string;
  weight?: number;
}
interface Base {
  id: string;
  task: Record<'en' | 'zh-cn', string>;
  checks: WalkCheck[];
  hints: { id: string }[];
}
export type WalkExercise =
  | (Base & {
      kind: 'k8s-yaml' | 'dockerfile';
      start: Record<string, string>;
      solution: Record<string, string>;
      wrong: { id: string; files: Record<string, string>; expect: { failed: string[]; hints?: string[] } }[];
    })
  | (Base & { kind: 'shell-goal'; setup?: string[]; solution: string[]; wrong: { id: string; commands: string[]; expect: { failed: string[] } }[] })
  | (Base & {
      kind: 'quiz';
      questions: { id: string; weight?: number; choices: { id: string }[] }[];
      solution: Record<string, string[]>;
      wrong: { id: string; answers: Record<string, string[]>; expect: { failed: string[] } }[];
    });

export const exercises: Map<string, WalkExercise> = new Map(
  readdirSync('content/exercises')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => {
      const e = parse(readFileSync(`content/exercises/${f}`, 'utf8')) as WalkExercise;
      return [e.id, e] as const;
    }),
);

export interface LessonPage {
  slug: string;
  exercises: string[];
  /** Exercises with a card (`<Exercise id=…/>`) in the reading column. */
  cards: string[];
}

function frontmatter(text: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---/.exec(text);
  return m ? (parse(m[1]!) as Record<string, unknown>) : {};
}

export const lessons: LessonPage[] = readdirSync('content/lessons', { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`content/lessons/${d.name}/index.en.mdx`))
  .map((d) => {
    const text = readFileSync(`content/lessons/${d.name}/index.en.mdx`, 'utf8');
    const ids = ((frontmatter(text).exercises as string[] | undefined) ?? []).filter((id) => exercises.has(id));
    const cards = [...text.matchAll(/<Exercise\s+id="([^"]+)"/g)].map((m) => m[1]!);
    return { slug: `lessons/${d.name}`, exercises: ids, cards };
  })
  .filter((l) => l.exercises.length > 0)
  .sort((a, b) => a.slug.localeCompare(b.slug));

/** Points per check (quiz: per question). */
export function weights(ex: WalkExercise): Map<string, number> {
  if (ex.kind === 'quiz') return new Map(ex.questions.map((q) => [q.id, q.weight ?? 1]));
  return new Map(ex.checks.map((c) => [c.id, c.weight ?? 1]));
}

export function maxScore(ex: WalkExercise): number {
  return [...weights(ex).values()].reduce((a, b) => a + b, 0);
}

const normal = (t: string) =>
  t
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\s+$/, '');

/**
 * The first typical wrong answer, with the checks it must fail (all of them if it is the
 * unchanged starter) and the score `container-course grade` gives it: no credit when it
 * passes only checks the unchanged starter passes too (the page applies the same rule).
 */
export async function typicalWrong(ex: WalkExercise): Promise<{ failed: string[]; score: number; findings: string[]; data: unknown } | null> {
  const w = ex.wrong[0];
  if (!w) return null;
  const all = [...weights(ex).keys()];
  let failed = w.expect.failed;
  if (ex.kind === 'k8s-yaml' || ex.kind === 'dockerfile') {
    const files = (w as { files: Record<string, string> }).files;
    if (Object.keys(ex.start).every((n) => normal(files[n] ?? '') === normal(ex.start[n] ?? ''))) failed = all;
  }
  const data = 'files' in w ? w.files : 'commands' in w ? w.commands : w.answers;
  return { ...(await cliGrade(ex.id, w)), failed, data };
}

/**
 * What `container-course grade` gives the answer: its score, and (text exercises) its findings
 * and input errors as `rule@line` (`input@line` for an error), sorted, as the page's findings list
 * marks them (data-rule, data-line).
 */
async function cliGrade(id: string, w: WalkExercise['wrong'][number]): Promise<{ score: number; findings: string[] }> {
  const loaded = loadExercise(readFileSync(`content/exercises/${id}.yaml`, 'utf8'), `${id}.yaml`);
  if ('error' in loaded) throw new Error(loaded.error);
  const content =
    'files' in w
      ? { kind: 'files' as const, files: w.files }
      : 'commands' in w
        ? { kind: 'commands' as const, commands: w.commands }
        : { kind: 'answers' as const, answers: w.answers };
  const outcome = await gradeContent(loaded.exercise, content);
  if (!('result' in outcome)) throw new Error(`${id}: ${outcome.error}`);
  const r = outcome.result;
  const findings = [...r.errors.map((e) => `input@${e.line}`), ...r.findings.map((f) => `${f.rule}@${f.line}`)].sort();
  return { score: r.score, findings };
}
