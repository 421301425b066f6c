/**
 * Shell-goal exercises: the goal is a predicate over the simulated host's state. After
 * every command in the lesson terminal the learner's commands are replayed in a fresh
 * host (after the exercise's setup) in the grader worker, exactly as
 * `container-course grade` does, and the goal list shows which parts hold. Changes are
 * announced; reaching the whole goal marks the exercise done.
 */
import type { ShellGoalExercise } from '../../schemas/exercise.ts';
import type { CommandEventDetail, TerminalSession } from '../terminal/session.ts';
import { h } from './dom.ts';
import type { Evaluation } from './evaluation.ts';
import { isFull } from './score.ts';
import { replayInWorker } from './grader.ts';
import { oneAtATime } from './one-at-a-time.ts';
import type { PanelApi, WorkArea } from './panel.ts';

interface TerminalElement extends HTMLElement {
  start(focus: boolean): Promise<TerminalSession | null>;
}

export function createShellArea(host: HTMLElement, api: PanelApi): WorkArea {
  const { t, ctx } = api;
  const ex = api.exercise as ShellGoalExercise;
  const goalId = `cc-goal-${ex.id.replace(/\W/g, '_')}`;
  const title = h('h4', { id: goalId, tabindex: -1 }, t('cc.exercise.goal'));
  const list = h('ul', { class: 'cc-goals', 'aria-labelledby': goalId });
  const status = h('p', { class: 'cc-ex__note', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  host.append(h('p', { class: 'cc-ex__note' }, t('cc.exercise.startTerminal')), title, list, status);

  let lines: string[] = [];
  let seq = 0;
  let lastKey = '';
  let resetting = false;

  const commands = () => lines.slice(api.work.shellStart ?? 0);

  /** The goal list: drawn from the same evaluation as the panel's score line. */
  const render = (r: Evaluation, announce: boolean) => {
    list.replaceChildren(
      ...r.checks.map((c) =>
        h(
          'li',
          { class: c.passed ? 'cc-pass' : 'cc-fail', 'data-check': c.id },
          h('span', { class: 'cc-ex-mark', 'aria-hidden': 'true' }, c.passed ? '✓' : '×'),
          `${c.hidden && !c.passed ? t('cc.exercise.hiddenCheck') : c.title[ctx.locale]} `,
          h('span', { class: 'cc-sr' }, `(${c.passed ? t('cc.exercise.goalHolds') : t('cc.exercise.goalMissing')})`),
        ),
      ),
    );
    const passed = r.checks.filter((c) => c.passed).length;
    const done = isFull(r);
    const key = r.checks.map((c) => (c.passed ? 1 : 0)).join('');
    // Announce only changes, so each command does not repeat the whole list.
    if (announce && key !== lastKey) {
      status.textContent = done ? t('cc.exercise.goalDone') : t('cc.exercise.goalStatus', { passed, total: r.checks.length });
    }
    lastKey = key;
  };

  /**
   * Replays the session and shows the result. `record`: the lines came from the terminal
   * (not the empty list a panel starts with before the terminal has reported), so the
   * score and done mark are saved.
   *
   * One replay runs at a time. Requests made meanwhile (a pasted block's lines, a Reset's
   * setup) become one replay of the lines as they are when it starts: each line would
   * otherwise replay the whole session again only to be drawn over at once.
   */
  const evaluate = oneAtATime(async ({ announce, record }: { announce: boolean; record: boolean }) => {
    const mine = ++seq;
    try {
      const r = await replayInWorker(ex, commands());
      if (mine === seq) {
        render(r, announce);
        api.evaluated(r, record);
      }
      return r;
    } catch (err) {
      if (mine === seq) status.textContent = t('cc.exercise.checkFailed', { reason: err instanceof Error ? err.message : String(err) });
      return null;
    }
  });

  const terminal = () => ctx.terminal() as TerminalElement | null;

  /**
   * An evaluation that records nothing (the panel's start, a reset) is left for later while the
   * panel is hidden, as the goal list is not seen: it is done when the panel is shown. At the
   * terminal's start this keeps the grader worker (a second simulator, compiled afresh) off the
   * machine while the learner's first command runs (issue #14); a command's evaluation, which
   * records the score and done mark, runs whether or not the panel is shown.
   */
  let stale = false;
  const hidden = () => host.closest<HTMLElement>('[data-exercise]')?.hidden === true;
  const refresh = () => {
    stale = hidden();
    if (!stale) void evaluate({ announce: false, record: false });
  };

  /** The lesson terminal's session lines, starting the terminal if needed. */
  const sync = async () => {
    const session = await terminal()?.start(false);
    if (session) lines = session.snapshot().transcript.map((x) => x.line);
  };

  refresh();

  return {
    submission: async () => null,
    check: async () => {
      await sync();
      return evaluate({ announce: true, record: true });
    },
    submissionFields: async () => {
      await sync();
      return { commands: commands() };
    },
    reset: async () => {
      if (!confirm(t('cc.exercise.resetShellConfirm'))) return false;
      const session = await terminal()?.start(false);
      if (!session) return false;
      resetting = true;
      // The set-up runs first; a line typed meanwhile is queued behind it (session.ts reset).
      await session.reset(ex.setup);
      api.save({ shellStart: ex.setup.length });
      lines = [];
      setTimeout(() => (resetting = false), 0);
      return true;
    },
    solutionView: () => h('pre', { class: 'cc-code' }, ex.solution.join('\n')),
    onCommand: (d: CommandEventDetail) => {
      lines = d.snapshot.transcript.map((x) => x.line);
      stale = false;
      void evaluate({ announce: true, record: true });
    },
    onReset: (d) => {
      lines = d.snapshot.transcript.map((x) => x.line);
      // The terminal's own Reset starts a session without this exercise's setup.
      if (!resetting && lines.length === 0 && api.work.shellStart) api.save({ shellStart: 0 });
      refresh();
    },
    shown: () => {
      if (stale) refresh();
    },
    graded: (r) => render(r, false),
    ownsChecks: true,
    focus: () => title.focus(),
  };
}
