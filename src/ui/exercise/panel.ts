/**
 * One exercise in the workspace: the parts every kind shares (Check with score and
 * per-check feedback, hints unlocked one at a time, show solution with a confirmation,
 * reset, download submission) around a kind-specific work area (editor, goal list, quiz).
 *
 * Every score on screen comes from one Evaluation (evaluation.ts): the score line, the
 * check or goal list, "Full marks" and the done mark are drawn from the same object.
 * The learner's work is saved with a revision number; a tab holding an older revision
 * never writes over newer work from another tab (it asks which to keep).
 */
import type { Submission } from '../../checker/grade.ts';
import type { Exercise } from '../../schemas/exercise.ts';
import { PROGRESS_KEY, readProgress, recordScore, saveWorkIfCurrent, workOf, type ExerciseWork } from '../progress/store.ts';
import type { CommandEventDetail } from '../terminal/session.ts';
import { clear, h } from './dom.ts';
import { downloadText } from './download.ts';
import type { PanelContext } from './element.ts';
import type { Evaluation } from './evaluation.ts';
import { kubernetesSchema, SCHEMA_URL } from '../editor/schema.ts';
import { isFull } from './score.ts';
import { afterGrading, gradeAhead, gradeInWorker, warmGrader } from './grader.ts';
import { currentStudent, studentForm } from './student.ts';
import { fill, openingFiles } from './text.ts';

export type WorkChange = Partial<Omit<ExerciseWork, 'updatedAt' | 'rev'>>;

/** What a kind-specific work area provides to the panel. */
export interface WorkArea {
  /** What the checker grades now (null: nothing to grade yet). */
  submission(): Promise<Submission | null>;
  /** The learner's work as written into a submission file (text, files, commands or answers). */
  submissionFields(): Promise<Record<string, unknown>>;
  /** Back to the starting state, after the area's own confirmation; false if cancelled. */
  reset(): Promise<boolean>;
  /** How the reference solution is shown. */
  solutionView(): Node;
  /** Evaluates by itself (text: the editor's current version; shell goals replay the session). */
  check?(): Promise<Evaluation | null>;
  /** Shows an evaluation in the area (markers and findings, goal list, per-choice feedback). */
  graded?(result: Evaluation): void;
  /** The area lists the checks itself (the shell goal list): the panel shows only the score line. */
  ownsChecks?: boolean;
  /** Work typed here that is not saved yet (a pending editor save). */
  dirty?(): boolean;
  dispose?(): void;
  onCommand?(detail: CommandEventDetail): void;
  onReset?(detail: { snapshot: CommandEventDetail['snapshot'] }): void;
  /** The panel was shown (its tab selected). */
  shown?(): void;
  focus(): void;
}

export interface PanelApi {
  ctx: PanelContext;
  exercise: Exercise;
  work: ExerciseWork;
  t(key: string, vars?: Record<string, string | number>): string;
  /** Saves part of the work (refused, with a notice, when another tab saved newer work). */
  save(change: WorkChange): void;
  /** A live evaluation from the area (typing, a command): shown once the learner has checked. */
  evaluated(result: Evaluation, record?: boolean): void;
  /** The work changed and the area does not evaluate by itself (quiz answers). */
  changed(): void;
}

export interface Mounted {
  onCommand?(detail: CommandEventDetail): void;
  onReset?(detail: { snapshot: CommandEventDetail['snapshot'] }): void;
  shown(): void;
  focus(): void;
}

/**
 * The learner is pointing at (or has focused) an exercise's card button or tab: fetch what
 * opening it needs before the click. An editor exercise's Monaco and text area load, and
 * the grader worker starts (issue #14: first markers soon after the click). Never at load.
 */
export function prefetch(kind: string | undefined, exercise?: () => Exercise): void {
  if (kind !== 'k8s-yaml' && kind !== 'dockerfile') return;
  warmGrader();
  const ex = exercise?.();
  const graded =
    ex && (ex.kind === 'k8s-yaml' || ex.kind === 'dockerfile')
      ? gradeAhead(ex, { files: openingFiles(ex.start, workOf(readProgress().progress, ex.id).files) })
      : Promise.resolve();
  if (kind === 'k8s-yaml') kubernetesSchema(SCHEMA_URL).catch(() => undefined); // a failure is shown when the editor opens
  void import('./text-area.ts').catch(() => undefined);
  // Monaco once the opening text is graded: its parse would share the CPU with the grader (afterGrading).
  void afterGrading(graded).then(() => import('../editor/monaco.ts').catch(() => undefined));
}

export async function mountExercise(body: HTMLElement, exercise: Exercise, ctx: PanelContext): Promise<Mounted> {
  const t = (key: string, vars?: Record<string, string | number>) => fill(ctx.strings[key] ?? key, vars);
  let work = workOf(readProgress().progress, exercise.id);
  let rev = work.rev ?? 0;

  const areaHost = h('div', { class: 'cc-ex__area' });
  const notice = h('div', { class: 'cc-ex__notice', role: 'alert', hidden: true });
  const result = h('div', { class: 'cc-ex__result', role: 'status', 'aria-live': 'polite' });
  const hintList = h('ol', { class: 'cc-ex__hints', 'aria-label': t('cc.exercise.hint') });
  const hintStatus = h('p', { class: 'cc-sr', role: 'status' });
  const solution = h('div', { class: 'cc-ex__solution' });
  const checkBtn = h('button', { type: 'button', class: 'cc-btn cc-btn--primary', 'data-action': 'check' }, t('cc.exercise.check'));
  const hintBtn = h('button', { type: 'button', class: 'cc-btn', 'data-action': 'hint' }, t('cc.exercise.hint'));
  const solutionBtn = h('button', { type: 'button', class: 'cc-btn', 'data-action': 'solution' }, t('cc.exercise.solution'));
  const resetBtn = h(
    'button',
    { type: 'button', class: 'cc-btn', 'data-action': 'reset' },
    t(exercise.kind === 'shell-goal' ? 'cc.exercise.resetShell' : 'cc.exercise.reset'),
  );
  const downloadBtn = h('button', { type: 'button', class: 'cc-btn', 'data-action': 'download' }, t('cc.exercise.download'));
  const downloadStatus = h('p', { class: 'cc-ex__note', role: 'status' });
  const actions = h('div', { class: 'cc-ex__actions' }, checkBtn, hintBtn, solutionBtn, resetBtn, downloadBtn);
  clear(body);
  body.append(notice, areaHost, actions, result, hintList, hintStatus, solution, studentForm(t), downloadStatus);

  let lastResult: Evaluation | null = null;

  const say = (text: string, ...buttons: HTMLButtonElement[]) => {
    notice.replaceChildren(h('p', {}, text), ...(buttons.length ? [h('div', { class: 'cc-ex__actions' }, ...buttons)] : []));
    notice.hidden = false;
  };
  const unsay = () => {
    notice.hidden = true;
    notice.replaceChildren();
  };

  /** `drawn`: the area already shows this evaluation (its own live result). */
  const showResult = (r: Evaluation, announce: boolean, record = true, drawn = false) => {
    lastResult = r;
    const full = isFull(r);
    const before = readProgress().progress.exercises[exercise.id];
    const summary = h(
      'p',
      { class: 'cc-ex__score', 'data-score': r.score, 'data-max': r.max },
      t('cc.exercise.score', { score: r.score, max: r.max }),
      full ? ` — ${t('cc.exercise.passed')}` : '',
    );
    const notes: HTMLElement[] = [];
    if (r.unchanged)
      notes.push(
        h('p', { class: 'cc-ex__note', 'data-role': 'unchanged' }, t(exercise.kind === 'shell-goal' ? 'cc.exercise.unchangedShell' : 'cc.exercise.unchanged')),
      );
    else if (r.noProgress)
      notes.push(
        h(
          'p',
          { class: 'cc-ex__note', 'data-role': 'no-progress' },
          t(exercise.kind === 'shell-goal' ? 'cc.exercise.noProgressShell' : 'cc.exercise.noProgress'),
        ),
      );
    else if (!full && before?.passedAt) {
      notes.push(
        h(
          'p',
          { class: 'cc-ex__note', 'data-role': 'passed-before' },
          t('cc.exercise.passedBefore', { when: new Date(before.passedAt).toLocaleString(ctx.locale) }),
        ),
      );
    }
    const parts: HTMLElement[] = [summary, ...notes];
    if (!area.ownsChecks) {
      parts.push(h('ul', { class: 'cc-ex__checks', 'aria-label': t('cc.exercise.checksTitle') }, ...r.checks.map((c) => checkItem(c))));
    }
    result.setAttribute('aria-live', announce ? 'polite' : 'off');
    result.replaceChildren(...parts);
    if (record) recordScore(exercise.id, r.score, r.max);
    if (!drawn) area.graded?.(r);
  };

  const checkItem = (c: Evaluation['checks'][number]) =>
    h(
      'li',
      { class: c.passed ? 'cc-pass' : 'cc-fail', 'data-check': c.id },
      h('span', { 'aria-hidden': 'true', class: 'cc-ex-mark' }, c.passed ? '✓' : '×'),
      h('span', { class: 'cc-sr' }, `${c.passed ? t('cc.exercise.pass') : t('cc.exercise.fail')}: `),
      c.hidden && !c.passed ? t('cc.exercise.hiddenCheck') : c.title[ctx.locale],
      ...(c.feedback ?? []).map((f) => h('span', { class: 'cc-ex__feedback' }, f[ctx.locale])),
    );

  /** Another tab saved newer work: take it, or keep this tab's and write it over. */
  const conflict = (stored: ExerciseWork, pending: WorkChange) => {
    const theirs = h('button', { type: 'button', class: 'cc-btn cc-btn--primary', 'data-action': 'use-theirs' }, t('cc.exercise.conflict.useTheirs'));
    const mine = h('button', { type: 'button', class: 'cc-btn', 'data-action': 'keep-mine' }, t('cc.exercise.conflict.keepMine'));
    theirs.addEventListener('click', () => void adopt(stored, false));
    mine.addEventListener('click', () => {
      const latest = workOf(readProgress().progress, exercise.id);
      const r = saveWorkIfCurrent(exercise.id, latest.rev ?? 0, { ...work, ...pending });
      if (!r.conflict && !r.problem) {
        rev = r.rev;
        say(t('cc.exercise.conflict.kept'));
      }
    });
    say(t('cc.exercise.conflict'), theirs, mine);
  };

  const save = (change: WorkChange) => {
    work = { ...work, ...change };
    const r = saveWorkIfCurrent(exercise.id, rev, change);
    if (r.conflict) conflict(r.stored, change);
    else if (!r.problem) rev = r.rev;
  };

  const evaluated = (r: Evaluation, record = true) => {
    if (work.attempted || exercise.kind === 'shell-goal') showResult(r, false, record, true);
  };

  const api: PanelApi = {
    ctx,
    exercise,
    t,
    save,
    evaluated,
    get work() {
      return work;
    },
    changed: () => {
      if (work.attempted) void check(false);
    },
  };

  const createArea = async (): Promise<WorkArea> => {
    const kind = exercise.kind;
    // An editor's parts all start now, side by side (a click with no hover or focus before it).
    prefetch(kind, () => exercise);
    return kind === 'shell-goal'
      ? (await import('./shell-area.ts')).createShellArea(areaHost, api)
      : kind === 'quiz'
        ? (await import('./quiz-area.ts')).createQuizArea(areaHost, api)
        : await (await import('./text-area.ts')).createTextArea(areaHost, api);
  };
  // A placeholder until the area is built: an early live evaluation finds no TDZ binding.
  let area: WorkArea = {
    submission: async () => null,
    submissionFields: async () => ({}),
    reset: async () => false,
    solutionView: () => h('p', {}),
    focus: () => undefined,
  };
  area = await createArea();

  /** Rebuilds the area from the stored work (another tab's newer work). */
  const adopt = async (stored: ExerciseWork, automatic: boolean) => {
    area.dispose?.();
    clear(areaHost);
    work = stored;
    rev = stored.rev ?? 0;
    result.replaceChildren();
    lastResult = null;
    area = await createArea();
    renderHints();
    if (automatic) say(t('cc.exercise.conflict.updated'));
    else unsay();
  };

  const onStorage = (e: StorageEvent) => {
    if (e.key !== PROGRESS_KEY || !body.isConnected) return;
    const stored = workOf(readProgress().progress, exercise.id);
    if ((stored.rev ?? 0) <= rev) return;
    if (area.dirty?.()) conflict(stored, {});
    else void adopt(stored, true);
  };
  addEventListener('storage', onStorage);

  const check = async (announce = true) => {
    checkBtn.disabled = true;
    checkBtn.textContent = t('cc.exercise.checking');
    try {
      let r: Evaluation | null;
      if (area.check) r = await area.check();
      else {
        const sub = await area.submission();
        r = sub ? await gradeInWorker(exercise, sub) : null;
      }
      if (!r) return;
      if (!work.attempted) save({ attempted: true });
      showResult(r, announce);
    } catch (err) {
      result.replaceChildren(h('p', { class: 'cc-ex__error' }, t('cc.exercise.checkFailed', { reason: err instanceof Error ? err.message : String(err) })));
    } finally {
      checkBtn.disabled = false;
      checkBtn.textContent = t('cc.exercise.check');
    }
  };

  const renderHints = () => {
    const byId = new Map(exercise.hints.map((x) => [x.id, x]));
    hintList.replaceChildren(
      ...work.hints
        .filter((id) => byId.has(id))
        .map((id, i) => h('li', { 'data-hint': id }, h('strong', {}, `${t('cc.exercise.hintN', { n: i + 1 })}: `), byId.get(id)!.text[ctx.locale])),
    );
    const left = exercise.hints.filter((x) => !work.hints.includes(x.id)).length;
    hintBtn.disabled = left === 0;
    hintBtn.hidden = exercise.hints.length === 0;
  };

  /** The next hint: one that applies to the last result first, then the rest in order. Shown once, in the list. */
  const nextHint = () => {
    const shown = new Set(work.hints);
    const applicable = (lastResult?.hints ?? []).map((x) => x.id).filter((id) => !shown.has(id));
    const id = applicable[0] ?? exercise.hints.find((x) => !shown.has(x.id))?.id;
    if (!id) return;
    save({ hints: [...work.hints, id] });
    renderHints();
    const n = work.hints.length;
    // Screen readers hear which hint appeared; its text is read from the list, not repeated.
    hintStatus.textContent = `${t('cc.exercise.hintShown', { n, total: exercise.hints.length })}${n === exercise.hints.length ? ` ${t('cc.exercise.noMoreHints')}` : ''}`;
    hintList.lastElementChild?.setAttribute('tabindex', '-1');
    (hintList.lastElementChild as HTMLElement | null)?.focus();
  };

  const showSolution = (ask: boolean) => {
    if (ask && !confirm(t(work.attempted ? 'cc.exercise.solutionConfirmAfter' : 'cc.exercise.solutionConfirm'))) return;
    if (!work.solutionShown) save({ solutionShown: true });
    solution.replaceChildren(h('h4', {}, t('cc.exercise.solutionTitle')), area.solutionView());
    solutionBtn.hidden = true;
  };

  const download = async () => {
    const file = `${exercise.id}-submission.json`;
    const submittedAt = new Date().toISOString();
    const payload = {
      format: 'container-course-submission',
      version: 1,
      exercise: exercise.id,
      student: currentStudent(),
      ...(await area.submissionFields()),
      submittedAt,
      timestamp: submittedAt,
      courseVersion: ctx.courseVersion,
    };
    downloadText(file, JSON.stringify(payload, null, 2) + '\n');
    downloadStatus.textContent = t('cc.exercise.downloaded', { file });
  };

  checkBtn.addEventListener('click', () => void check());
  hintBtn.addEventListener('click', nextHint);
  solutionBtn.addEventListener('click', () => showSolution(true));
  resetBtn.addEventListener('click', () => {
    void area.reset().then((done) => {
      if (done) {
        result.replaceChildren();
        lastResult = null;
      }
    });
  });
  downloadBtn.addEventListener(
    'click',
    () =>
      void download().catch((err: unknown) => {
        downloadStatus.textContent = t('cc.exercise.checkFailed', { reason: err instanceof Error ? err.message : String(err) });
      }),
  );
  renderHints();
  if (work.solutionShown) showSolution(false);

  return {
    onCommand: (d) => area.onCommand?.(d),
    onReset: (d) => area.onReset?.(d),
    shown: () => area.shown?.(),
    focus: () => area.focus(),
  };
}
