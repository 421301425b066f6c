/**
 * One exercise in the workspace: the parts every kind shares (Check with score and
 * per-check feedback, hints unlocked one at a time, show solution with a confirmation,
 * reset, download submission) around a kind-specific work area (editor, goal list, quiz).
 */
import type { GradeResult, Submission } from '../../checker/grade.ts';
import type { Exercise } from '../../schemas/exercise.ts';
import { readProgress, recordScore, saveWork, workOf, type ExerciseWork } from '../progress/store.ts';
import type { CommandEventDetail } from '../terminal/session.ts';
import { clear, h } from './dom.ts';
import { downloadText } from './download.ts';
import type { PanelContext } from './element.ts';
import { fill } from './text.ts';
import { gradeInWorker } from './grader.ts';

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
  /** Grades by itself (shell goals replay the session); otherwise the panel grades `submission()`. */
  check?(): Promise<GradeResult | null>;
  /** Shows a Check result in the area (markers, goal list, per-choice feedback). */
  graded?(result: GradeResult): void;
  onCommand?(detail: CommandEventDetail): void;
  onReset?(detail: { snapshot: CommandEventDetail['snapshot'] }): void;
  focus(): void;
}

export interface PanelApi {
  ctx: PanelContext;
  exercise: Exercise;
  work: ExerciseWork;
  t(key: string, vars?: Record<string, string | number>): string;
  save(change: Partial<Omit<ExerciseWork, 'updatedAt'>>): void;
  /** Shows a result as the panel's score and check list (and records it). */
  showResult(result: GradeResult, announce: boolean): void;
}

export interface Mounted {
  onCommand?(detail: CommandEventDetail): void;
  onReset?(detail: { snapshot: CommandEventDetail['snapshot'] }): void;
  focus(): void;
}

export async function mountExercise(body: HTMLElement, exercise: Exercise, ctx: PanelContext): Promise<Mounted> {
  const t = (key: string, vars?: Record<string, string | number>) => fill(ctx.strings[key] ?? key, vars);
  let work = workOf(readProgress().progress, exercise.id);
  const save = (change: Partial<Omit<ExerciseWork, 'updatedAt'>>) => {
    work = { ...work, ...change };
    saveWork(exercise.id, change);
  };

  const areaHost = h('div', { class: 'cc-ex__area' });
  const result = h('div', { class: 'cc-ex__result', role: 'status', 'aria-live': 'polite' });
  const hintList = h('ol', { class: 'cc-ex__hints', 'aria-label': t('cc.exercise.hint') });
  const hintStatus = h('p', { class: 'cc-ex__note', role: 'status' });
  const solution = h('div', { class: 'cc-ex__solution' });
  const checkBtn = h('button', { type: 'button', class: 'cc-btn cc-btn--primary', 'data-action': 'check' }, t('cc.exercise.check'));
  const hintBtn = h('button', { type: 'button', class: 'cc-btn', 'data-action': 'hint' }, t('cc.exercise.hint'));
  const solutionBtn = h('button', { type: 'button', class: 'cc-btn', 'data-action': 'solution' }, t('cc.exercise.solution'));
  const resetBtn = h(
    'button', { type: 'button', class: 'cc-btn', 'data-action': 'reset' },
    t(exercise.kind === 'shell-goal' ? 'cc.exercise.resetShell' : 'cc.exercise.reset'),
  );
  const downloadBtn = h('button', { type: 'button', class: 'cc-btn', 'data-action': 'download' }, t('cc.exercise.download'));
  const actions = h('div', { class: 'cc-ex__actions' }, checkBtn, hintBtn, solutionBtn, resetBtn, downloadBtn);
  clear(body);
  body.append(areaHost, actions, result, hintList, hintStatus, solution);

  let lastResult: GradeResult | null = null;

  const showResult = (r: GradeResult, announce: boolean) => {
    lastResult = r;
    const passed = r.max > 0 && r.score >= r.max;
    const items = r.checks.map((c) =>
      h(
        'li', { class: c.passed ? 'cc-pass' : 'cc-fail' },
        h('span', { 'aria-hidden': 'true', class: 'cc-mark' }, c.passed ? '✓' : '×'),
        h('span', { class: 'cc-sr' }, `${c.passed ? t('cc.exercise.pass') : t('cc.exercise.fail')}: `),
        c.hidden && !c.passed ? t('cc.exercise.hiddenCheck') : c.title[ctx.locale],
        ...(c.feedback ?? []).map((f) => h('span', { class: 'cc-ex__feedback' }, f[ctx.locale])),
      ),
    );
    const summary = h('p', { class: 'cc-ex__score' }, t('cc.exercise.score', { score: r.score, max: r.max }), passed ? ` — ${t('cc.exercise.passed')}` : '');
    const list = h('ul', { class: 'cc-ex__checks', 'aria-label': t('cc.exercise.checksTitle') }, ...items);
    result.replaceChildren(summary, list);
    if (!announce) result.setAttribute('aria-live', 'off');
    else result.setAttribute('aria-live', 'polite');
    recordScore(exercise.id, r.score, r.max);
    area.graded?.(r);
  };

  const api: PanelApi = { ctx, exercise, get work() { return work; }, t, save, showResult };
  const kind = exercise.kind;
  const area: WorkArea =
    kind === 'shell-goal'
      ? (await import('./shell-area.ts')).createShellArea(areaHost, api)
      : kind === 'quiz'
        ? (await import('./quiz-area.ts')).createQuizArea(areaHost, api)
        : await (await import('./text-area.ts')).createTextArea(areaHost, api);

  const check = async () => {
    checkBtn.disabled = true;
    checkBtn.textContent = t('cc.exercise.checking');
    try {
      let r: GradeResult | null;
      if (area.check) r = await area.check();
      else {
        const sub = await area.submission();
        r = sub ? await gradeInWorker(exercise, sub) : null;
      }
      if (!r) return;
      save({ attempted: true });
      showResult(r, true);
    } catch (err) {
      console.error('cc-exercise: check failed', err);
      result.replaceChildren(h('p', {}, t('cc.exercise.loadFailed')));
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

  /** The next hint: one that applies to the last result first, then the rest in order. */
  const nextHint = () => {
    const shown = new Set(work.hints);
    const applicable = (lastResult?.hints ?? []).map((x) => x.id).filter((id) => !shown.has(id));
    const id = applicable[0] ?? exercise.hints.find((x) => !shown.has(x.id))?.id;
    if (!id) return;
    save({ hints: [...work.hints, id] });
    renderHints();
    const items = hintList.querySelectorAll('li');
    const last = items[items.length - 1];
    hintStatus.textContent = `${last?.textContent ?? ''}${exercise.hints.every((x) => work.hints.includes(x.id)) ? ` ${t('cc.exercise.noMoreHints')}` : ''}`;
  };

  const showSolution = (ask: boolean) => {
    if (ask && !confirm(t(work.attempted ? 'cc.exercise.solutionConfirmAfter' : 'cc.exercise.solutionConfirm'))) return;
    save({ solutionShown: true });
    solution.replaceChildren(h('h4', {}, t('cc.exercise.solutionTitle')), area.solutionView());
    solutionBtn.hidden = true;
  };

  const download = async () => {
    const file = `${exercise.id}-submission.json`;
    const payload = {
      format: 'container-course-submission',
      version: 1,
      exercise: exercise.id,
      ...(await area.submissionFields()),
      timestamp: new Date().toISOString(),
      courseVersion: ctx.courseVersion,
    };
    downloadText(file, JSON.stringify(payload, null, 2) + '\n');
    hintStatus.textContent = t('cc.exercise.downloaded', { file });
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
  downloadBtn.addEventListener('click', () => void download());
  renderHints();
  if (work.solutionShown) showSolution(false);

  return {
    onCommand: (d) => area.onCommand?.(d),
    onReset: (d) => area.onReset?.(d),
    focus: () => area.focus(),
  };
}
