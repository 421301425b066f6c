/**
 * Quizzes: single choice (radio buttons) or multiple choice (checkboxes) per question,
 * graded by the checker; after Check each chosen answer shows its own feedback.
 */
import type { QuizExercise } from '../../schemas/exercise.ts';
import { h } from './dom.ts';
import type { Evaluation } from './evaluation.ts';
import type { PanelApi, WorkArea } from './panel.ts';

export function createQuizArea(host: HTMLElement, api: PanelApi): WorkArea {
  const { t, ctx } = api;
  const ex = api.exercise as QuizExercise;
  let answers: Record<string, string[]> = structuredClone(api.work.answers ?? {});
  const safe = (s: string) => s.replace(/\W/g, '_');
  const inputs = new Map<string, HTMLInputElement>();
  const feedback = new Map<string, HTMLElement>();
  const verdicts = new Map<string, HTMLElement>();

  const sets = ex.questions.map((q) => {
    const name = `cc-q-${safe(ex.id)}-${safe(q.id)}`;
    const verdict = h('p', { class: 'cc-ex__verdict', role: 'status' });
    verdicts.set(q.id, verdict);
    const fs = h(
      'fieldset',
      { class: 'cc-quiz__q', 'data-question': q.id },
      h('legend', {}, q.prompt[ctx.locale]),
      h('p', { class: 'cc-ex__note' }, t(q.multiple ? 'cc.exercise.chooseAll' : 'cc.exercise.chooseOne')),
    );
    for (const c of q.choices) {
      const id = `${name}-${safe(c.id)}`;
      const input = h('input', { type: q.multiple ? 'checkbox' : 'radio', name, id, value: c.id });
      input.checked = (answers[q.id] ?? []).includes(c.id);
      input.addEventListener('change', () => {
        const chosen = q.choices.filter((x) => inputs.get(`${q.id}/${x.id}`)!.checked).map((x) => x.id);
        answers = { ...answers, [q.id]: chosen };
        api.save({ answers });
        // After a first Check, the verdicts follow the answers (one evaluation for score and verdicts).
        api.changed();
      });
      inputs.set(`${q.id}/${c.id}`, input);
      const fb = h('span', { class: 'cc-quiz__feedback', 'data-feedback': c.id });
      feedback.set(`${q.id}/${c.id}`, fb);
      fs.append(h('div', { class: 'cc-quiz__choice' }, input, h('label', { for: id }, c.text[ctx.locale]), fb));
    }
    fs.append(verdict);
    return fs;
  });
  host.append(h('div', { class: 'cc-quiz' }, ...sets));

  const graded = (r: Evaluation) => {
    for (const q of ex.questions) {
      const check = r.checks.find((c) => c.id === q.id);
      verdicts.get(q.id)!.textContent = check?.passed ? t('cc.exercise.correct') : t('cc.exercise.incorrect');
      verdicts.get(q.id)!.className = `cc-ex__verdict ${check?.passed ? 'cc-pass' : 'cc-fail'}`;
      for (const c of q.choices) {
        const chosen = (answers[q.id] ?? []).includes(c.id);
        feedback.get(`${q.id}/${c.id}`)!.textContent = chosen ? c.feedback[ctx.locale] : '';
      }
    }
  };

  return {
    submission: async () => ({ answers }),
    submissionFields: async () => ({ answers }),
    reset: async () => {
      if (!confirm(t('cc.exercise.resetConfirm'))) return false;
      answers = {};
      api.save({ answers });
      for (const input of inputs.values()) input.checked = false;
      for (const el of [...feedback.values(), ...verdicts.values()]) el.textContent = '';
      return true;
    },
    solutionView: () =>
      h(
        'ul',
        {},
        ...ex.questions.map((q) =>
          h(
            'li',
            {},
            `${q.prompt[ctx.locale]} → `,
            q.choices
              .filter((c) => c.correct)
              .map((c) => c.text[ctx.locale])
              .join('; '),
          ),
        ),
      ),
    graded,
    focus: () => inputs.values().next().value?.focus(),
  };
}
