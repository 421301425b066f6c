/**
 * Manifest and Dockerfile exercises: Monaco (loaded now, not at page load), checked as the
 * learner types (300 ms after the last keystroke, in the grader worker). Findings show three
 * ways: editor markers at their line and column, a findings list (field path, container,
 * effective value and its origin) and a one-click fix where the rule has one.
 */
import type { GradeResult } from '../../checker/grade.ts';
import type { Finding, InputError } from '../../checker/types.ts';
import type { TextExercise } from '../../schemas/exercise.ts';
import { h } from './dom.ts';
import { fixInWorker, gradeInWorker } from './grader.ts';
import type { PanelApi, WorkArea } from './panel.ts';
import { dottedPath, showValue } from './text.ts';

const DEBOUNCE_MS = 300;
const SCHEMA_URL = '/schemas/kubernetes.json';

export async function createTextArea(host: HTMLElement, api: PanelApi): Promise<WorkArea> {
  const { t, ctx } = api;
  const ex = api.exercise as TextExercise;
  const names = Object.keys(ex.start);
  const files: Record<string, string> = { ...ex.start, ...(api.work.files ?? {}) };
  for (const k of Object.keys(files)) if (!names.includes(k)) delete files[k];

  const editorHost = h('div', { class: 'cc-editor', 'data-role': 'editor' });
  const fileBar = h('div', { class: 'cc-ex__files', role: 'group', 'aria-label': t('cc.exercise.files') });
  const help = h('p', { class: 'cc-ex__note' }, t('cc.exercise.editorHelp'));
  const findingsId = `cc-findings-${ex.id.replace(/\W/g, '_')}`;
  const findingsTitle = h('h4', { id: findingsId, tabindex: -1 }, t('cc.exercise.findings'));
  const findingsCount = h('p', { class: 'cc-ex__note', role: 'status', 'aria-live': 'polite' });
  const findingsList = h('ul', { class: 'cc-findings', 'aria-labelledby': findingsId });
  const findings = h('section', { class: 'cc-ex__findings', 'aria-labelledby': findingsId }, findingsTitle, findingsCount, findingsList);
  host.append(...(names.length > 1 ? [fileBar] : []), editorHost, help, findings);

  const { monaco, configureKubernetesYaml, languageOf, themeFor } = await import('../editor/monaco.ts');
  if (ex.kind === 'k8s-yaml') await configureKubernetesYaml(SCHEMA_URL);

  const models = new Map(
    names.map((n) => {
      const uri = monaco.Uri.parse(`file:///${ex.id}/${n}`);
      monaco.editor.getModel(uri)?.dispose();
      return [n, monaco.editor.createModel(files[n] ?? '', languageOf(n), uri)] as const;
    }),
  );
  let current = names[0]!;
  const editor = monaco.editor.create(editorHost, {
    model: models.get(current)!,
    ariaLabel: t('cc.exercise.editorLabel', { file: current }),
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 13,
    tabSize: 2,
    insertSpaces: true,
    lineNumbersMinChars: 3,
    renderFinalNewline: 'on', // 'dimmed' draws the last line number below the contrast minimum
    fixedOverflowWidgets: true,
    theme: themeFor(document),
    accessibilitySupport: 'auto',
  });
  new MutationObserver(() => monaco.editor.setTheme(themeFor(document))).observe(document.documentElement, { attributeFilter: ['data-theme'] });

  const fileButtons = names.map((n) => {
    const b = h('button', { type: 'button', class: 'cc-btn', 'aria-pressed': String(n === current) }, n);
    b.addEventListener('click', () => {
      current = n;
      editor.setModel(models.get(n)!);
      editor.updateOptions({ ariaLabel: t('cc.exercise.editorLabel', { file: n }) });
      for (const [i, other] of fileButtons.entries()) other.setAttribute('aria-pressed', String(names[i] === n));
    });
    return b;
  });
  fileBar.append(...fileButtons);

  let seq = 0;
  let timer = 0;
  const run = async () => {
    const mine = ++seq;
    const text = Object.fromEntries([...models].map(([n, m]) => [n, m.getValue()]));
    if (JSON.stringify(text) !== JSON.stringify(api.work.files ?? ex.start)) api.save({ files: text });
    try {
      const r = await gradeInWorker(ex, { files: text });
      if (mine === seq) render(r);
    } catch (err) {
      console.error('cc-exercise: the checker failed', err);
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => void run(), DEBOUNCE_MS);
  };
  for (const m of models.values()) m.onDidChangeContent(schedule);

  const severity = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info };
  const markerRange = (model: ReturnType<typeof monaco.editor.createModel>, line: number, column: number) => {
    const l = Math.min(Math.max(1, line), model.getLineCount());
    const max = model.getLineMaxColumn(l);
    const c = Math.min(Math.max(1, column), max);
    const word = model.getWordAtPosition({ lineNumber: l, column: c });
    const end = word && word.startColumn <= c ? word.endColumn : max > c ? max : c + 1;
    return { startLineNumber: l, startColumn: c, endLineNumber: l, endColumn: end };
  };

  /** The findings on screen that carry a fix, for the editor's quick-fix menu (Ctrl+.). */
  let fixable: Finding[] = [];

  const render = (r: GradeResult) => {
    const shown: (Finding | InputError)[] = [...r.errors, ...r.findings];
    fixable = r.findings.filter((f) => f.fix);
    for (const [name, model] of models) {
      const own = shown.filter((f) => f.file === name || (names.length === 1 && !models.has(f.file)));
      monaco.editor.setModelMarkers(
        model,
        'container-course',
        own.map((f) => ({
          ...markerRange(model, f.line, f.column),
          severity: 'rule' in f ? severity[f.severity] : monaco.MarkerSeverity.Error,
          message: 'rule' in f ? f.message[ctx.locale] : f.message,
          code: 'rule' in f ? f.rule : undefined,
          source: 'container-course',
        })),
      );
    }
    findingsCount.textContent = shown.length ? t('cc.exercise.findingsCount', { count: shown.length }) : t('cc.exercise.noFindings');
    findingsList.replaceChildren(...shown.map(findingItem));
  };

  const goTo = (file: string, line: number, column: number) => {
    if (models.has(file) && file !== current) fileButtons[names.indexOf(file)]?.click();
    editor.setPosition({ lineNumber: line, column });
    editor.revealLineInCenter(line);
    editor.focus();
  };

  const findingItem = (f: Finding | InputError): HTMLLIElement => {
    const isRule = 'rule' in f;
    const file = models.has(f.file) ? f.file : current;
    const where = h('button', { type: 'button', class: 'cc-link' }, t('cc.exercise.at', { line: f.line, column: f.column }));
    where.addEventListener('click', () => goTo(file, f.line, f.column));
    const sev = isRule ? f.severity : 'error';
    const li = h(
      'li', { class: `cc-finding cc-finding--${sev}`, 'data-rule': isRule ? f.rule : 'input', 'data-line': f.line, 'data-column': f.column },
      h('p', { class: 'cc-finding__head' }, h('span', { class: 'cc-finding__sev' }, `${t(`cc.exercise.severity.${sev}`)}: `), isRule ? f.message[ctx.locale] : `${t('cc.exercise.inputError')}: ${f.message}`),
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
    if (f.remediation[ctx.locale] && f.remediation[ctx.locale] !== f.message[ctx.locale]) li.append(h('p', { class: 'cc-finding__fix-text' }, f.remediation[ctx.locale]));
    if (f.fix && models.has(file)) {
      const fixBtn = h('button', { type: 'button', class: 'cc-btn cc-btn--primary', 'data-action': 'fix' }, t('cc.exercise.fix'));
      fixBtn.addEventListener('click', () => void applyFix(file, f));
      li.append(fixBtn);
    }
    return li;
  };

  const replaceText = (file: string, text: string) => {
    const model = models.get(file)!;
    editor.pushUndoStop();
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
    editor.pushUndoStop();
  };

  const applyFix = async (file: string, f: Finding) => {
    const next = await fixInWorker(models.get(file)!.getValue(), f.fix!);
    replaceText(file, next);
    findingsCount.textContent = t('cc.exercise.fixed');
    findingsTitle.focus();
  };

  const ours = new Set([...models.values()].map((m) => m.uri.toString()));
  monaco.languages.registerCodeActionProvider(['yaml', 'dockerfile', 'shell', 'plaintext'], {
    provideCodeActions: async (model, range) => {
      if (!ours.has(model.uri.toString())) return { actions: [], dispose: () => undefined };
      const file = names.find((n) => models.get(n) === model)!;
      const here = fixable.filter((f) => (f.file === file || names.length === 1) && f.line >= range.startLineNumber && f.line <= range.endLineNumber);
      const actions = await Promise.all(
        here.map(async (f) => ({
          title: `${t('cc.exercise.fix')}: ${f.fix!.description[ctx.locale]}`,
          kind: 'quickfix',
          diagnostics: [],
          edit: {
            edits: [{ resource: model.uri, versionId: model.getVersionId(), textEdit: { range: model.getFullModelRange(), text: await fixInWorker(model.getValue(), f.fix!) } }],
          },
        })),
      );
      return { actions, dispose: () => undefined };
    },
  });

  void run();

  return {
    submission: async () => ({ files: Object.fromEntries([...models].map(([n, m]) => [n, m.getValue()])) }),
    submissionFields: async () => {
      const text = Object.fromEntries([...models].map(([n, m]) => [n, m.getValue()]));
      return names.length === 1 ? { text: text[names[0]!] } : { files: text };
    },
    reset: async () => {
      if (!confirm(t('cc.exercise.resetConfirm'))) return false;
      for (const n of names) replaceText(n, ex.start[n] ?? '');
      return true;
    },
    solutionView: () => {
      const use = h('button', { type: 'button', class: 'cc-btn' }, t('cc.exercise.useSolution'));
      use.addEventListener('click', () => {
        for (const n of names) if (ex.solution[n] !== undefined) replaceText(n, ex.solution[n]!);
        editor.focus();
      });
      return h(
        'div', {},
        ...Object.entries(ex.solution).flatMap(([n, text]) => [h('p', { class: 'cc-ex__file' }, n), h('pre', { class: 'cc-code' }, text)]),
        use,
      );
    },
    graded: (r) => render(r),
    focus: () => editor.focus(),
  };
}
