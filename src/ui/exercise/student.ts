/**
 * The learner's name and/or student id, entered once (stored with the progress) and
 * written into every downloaded submission as `student: {name?, id?}` for the teacher's
 * `container-course grade`.
 */
import { readProgress, saveStudent, type Student } from '../progress/store.ts';
import { h } from './dom.ts';

let counter = 0;

export function currentStudent(): Student {
  const s = readProgress().progress.student;
  return s ? { ...(s.name ? { name: s.name } : {}), ...(s.id ? { id: s.id } : {}) } : {};
}

/** A collapsed form: "Your name on submissions". */
export function studentForm(t: (key: string, vars?: Record<string, string | number>) => string): HTMLDetailsElement {
  const n = ++counter;
  const name = h('input', { type: 'text', id: `cc-student-name-${n}`, autocomplete: 'name', maxlength: 200, 'data-field': 'name' });
  const id = h('input', { type: 'text', id: `cc-student-id-${n}`, autocomplete: 'off', maxlength: 200, 'data-field': 'id' });
  const status = h('p', { class: 'cc-ex__note', role: 'status' });
  const save = h('button', { type: 'button', class: 'cc-btn', 'data-action': 'save-student' }, t('cc.exercise.student.save'));
  const summary = h('summary', {}, t('cc.exercise.student.title'));
  const box = h(
    'details',
    { class: 'cc-ex__student' },
    summary,
    h('p', { class: 'cc-ex__note' }, t('cc.exercise.student.help')),
    h(
      'div',
      { class: 'cc-ex__student-fields' },
      h('label', { for: name.id }, t('cc.exercise.student.name')),
      name,
      h('label', { for: id.id }, t('cc.exercise.student.id')),
      id,
    ),
    save,
    status,
  );
  const fillIn = () => {
    const s = currentStudent();
    name.value = s.name ?? '';
    id.value = s.id ?? '';
    summary.textContent =
      s.name || s.id ? t('cc.exercise.student.titleSet', { who: [s.name, s.id].filter(Boolean).join(', ') }) : t('cc.exercise.student.title');
  };
  box.addEventListener('toggle', () => box.open && fillIn());
  save.addEventListener('click', () => {
    const problem = saveStudent({ name: name.value, id: id.value });
    status.textContent = problem ? t(`cc.progress.problem.${problem}`) : t('cc.exercise.student.saved');
    fillIn();
  });
  fillIn();
  return box;
}
