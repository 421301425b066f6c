/**
 * The findings list of a text exercise: the findings in the exercise's scope first (field
 * path, container, effective value and its origin, a one-click fix where the rule has one),
 * then, collapsed, those "beyond this exercise" (rules the reference solution also trips;
 * they are advice, never counted). Learner and checker text only go in as text.
 */
import type { Finding, InputError } from '../../checker/types.ts';
import { h } from './dom.ts';
import type { Evaluation } from './evaluation.ts';
import { dottedPath, showValue } from './text.ts';

export type Shown = Finding | InputError;

export interface FindingsViewOptions {
  t(key: string, vars?: Record<string, string | number>): string;
  locale: 'en' | 'zh-cn';
  /** The file a finding belongs to in the editor (single-file exercises map every finding to it). */
  fileOf(f: Shown): string;
  canFix(file: string): boolean;
  goTo(file: string, line: number, column: number): void;
  applyFix(file: string, f: Finding, button: HTMLButtonElement): void;
}

export function splitByScope(r: Evaluation): { inScope: Shown[]; beyond: Finding[] } {
  const beyond = new Set(r.beyond);
  return {
    inScope: [...r.errors, ...r.findings.filter((f) => !beyond.has(f.rule))],
    beyond: r.findings.filter((f) => beyond.has(f.rule)),
  };
}

export function findingsView(o: FindingsViewOptions) {
  const { t } = o;
  const item = (f: Shown, beyond: boolean): HTMLLIElement => {
    const isRule = 'rule' in f;
    const file = o.fileOf(f);
    const where = h('button', { type: 'button', class: 'cc-link' }, t('cc.exercise.at', { line: f.line, column: f.column }));
    where.addEventListener('click', () => o.goTo(file, f.line, f.column));
    const sev = isRule ? f.severity : 'error';
    const li = h(
      'li',
      {
        class: `cc-finding cc-finding--${beyond ? 'beyond' : sev}`,
        'data-rule': isRule ? f.rule : 'input',
        'data-line': f.line,
        'data-column': f.column,
        'data-scope': beyond ? 'beyond' : 'exercise',
      },
      h(
        'p',
        { class: 'cc-finding__head' },
        h('span', { class: 'cc-finding__sev' }, `${t(`cc.exercise.severity.${sev}`)}: `),
        isRule ? f.message[o.locale] : `${t('cc.exercise.inputError')}: ${f.message}`,
      ),
      where,
    );
    if (!isRule) return li;
    const rows: [string, string][] = [[t('cc.exercise.field'), dottedPath(f.path)]];
    if (f.container !== undefined) rows.push([t('cc.exercise.container'), f.container]);
    if ('value' in f) rows.push([t('cc.exercise.value'), showValue(f.value, t('cc.exercise.unset'))]);
    if (f.origin) {
      const from = t(`cc.exercise.origin.${f.origin.from}`);
      rows.push([t('cc.exercise.origin'), f.origin.path ? `${from} (${dottedPath(f.origin.path)})` : from]);
    }
    li.append(h('dl', { class: 'cc-finding__facts' }, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
    if (f.remediation[o.locale] && f.remediation[o.locale] !== f.message[o.locale])
      li.append(h('p', { class: 'cc-finding__fix-text' }, f.remediation[o.locale]));
    if (f.fix && o.canFix(file)) {
      const fixBtn = h('button', { type: 'button', class: 'cc-btn cc-btn--primary', 'data-action': 'fix' }, t('cc.exercise.fix'));
      fixBtn.addEventListener('click', () => o.applyFix(file, f, fixBtn));
      li.append(fixBtn);
    }
    return li;
  };

  /** The list items for one evaluation: in scope, then a collapsed group beyond the exercise. */
  return (r: Evaluation, list: HTMLElement, count: HTMLElement): void => {
    const { inScope, beyond } = splitByScope(r);
    count.textContent = inScope.length ? t('cc.exercise.findingsCount', { count: inScope.length }) : t('cc.exercise.noFindings');
    const children: HTMLElement[] = inScope.map((f) => item(f, false));
    if (beyond.length) {
      children.push(
        h(
          'li',
          { class: 'cc-findings__beyond' },
          h(
            'details',
            {},
            h('summary', {}, t('cc.exercise.beyond', { count: beyond.length })),
            h('p', { class: 'cc-ex__note' }, t('cc.exercise.beyondHelp')),
            h('ul', { class: 'cc-findings' }, ...beyond.map((f) => item(f, true))),
          ),
        ),
      );
    }
    list.replaceChildren(...children);
  };
}
