/**
 * Manifest and Dockerfile exercises: Monaco (loaded now, not at page load), checked as the
 * learner types (300 ms after the last keystroke, in the grader worker). Findings show three
 * ways: editor markers at their line and column, a findings list (findings-view.ts) and a
 * one-click fix where the rule has one.
 *
 * Every evaluation is stamped with the editor versions it was computed from. As soon as the
 * text changes, the findings on screen are marked stale and their fixes disabled until the
 * new text's findings arrive; a fix is applied only to the text it was computed for, and a
 * fix that cannot be applied says so in the panel.
 */
import type { Finding } from '../../checker/types.ts';
import type { TextExercise } from '../../schemas/exercise.ts';
import { kubernetesSchema, SCHEMA_URL } from '../editor/schema.ts';
import { h } from './dom.ts';
import type { Evaluation } from './evaluation.ts';
import { findingsView, splitByScope, type Shown } from './findings-view.ts';
import { afterGrading, fixInWorker, gradeInWorker, takeGradeAhead } from './grader.ts';
import type { PanelApi, WorkArea } from './panel.ts';
import { earlyText, type EarlyText } from './early-text.ts';
import { openingFiles } from './text.ts';

const DEBOUNCE_MS = 300;

/** One code-action provider for all exercise editors, looked up by model URI. */
const quickFixes = new Map<string, (line: number, endLine: number) => Promise<{ title: string; text: string; version: number }[]>>();
let providerRegistered = false;

export async function createTextArea(host: HTMLElement, api: PanelApi): Promise<WorkArea> {
  const { t, ctx } = api;
  const ex = api.exercise as TextExercise;
  const names = Object.keys(ex.start);
  const files = openingFiles(ex.start, api.work.files);

  const editorHost = h('div', { class: 'cc-editor', 'data-role': 'editor' });
  const fileBar = h('div', { class: 'cc-ex__files', role: 'group', 'aria-label': t('cc.exercise.files') });
  const help = h('p', { class: 'cc-ex__note' }, t('cc.exercise.editorHelp'));
  const findingsId = `cc-findings-${ex.id.replace(/\W/g, '_')}`;
  const findingsTitle = h('h4', { id: findingsId, tabindex: -1 }, t('cc.exercise.findings'));
  const findingsCount = h('p', { class: 'cc-ex__note', role: 'status', 'aria-live': 'polite' });
  const fixStatus = h('p', { class: 'cc-ex__note cc-ex__fix-status', role: 'status', 'data-role': 'fix-status' });
  const findingsList = h('ul', { class: 'cc-findings', 'data-role': 'findings', 'aria-labelledby': findingsId });
  const findings = h('section', { class: 'cc-ex__findings', 'aria-labelledby': findingsId }, findingsTitle, findingsCount, fixStatus, findingsList);
  host.append(...(names.length > 1 ? [fileBar] : []), editorHost, help, findings);

  // The starting text is graded while Monaco loads, or was since the hover (issue #14: first markers soon after the click).
  const startText = { ...files };
  const early = takeGradeAhead(ex, { files: startText });
  early.catch(() => undefined); // awaited below; a failure is shown there

  // The schema comes now, not after Monaco's chunk; the editor does not wait for the YAML worker.
  if (ex.kind === 'k8s-yaml') kubernetesSchema(SCHEMA_URL).catch(() => undefined); // its failure is shown below
  // Monaco's chunk once that grading's findings are painted: its parse would take their CPU (afterGrading).
  const monacoLoading = afterGrading(early).then(() => import('../editor/monaco.ts'));

  let current = names[0]!;
  const fileOf = (f: Shown) => (names.includes(f.file) ? f.file : names.length === 1 ? names[0]! : current);
  const label = (file: string) => t('cc.exercise.editorLabel', { file });
  /** Until Monaco is ready: the text in a plain box and the starting text's findings (early-text.ts). */
  let pre: EarlyText | null = earlyText(editorHost, Object.fromEntries(names.map((n) => [n, files[n] ?? ''])), label, () => {
    if (findingsList.dataset.stale === 'true' || !findingsList.childElementCount) return;
    findingsList.dataset.stale = 'true';
    findingsCount.textContent = t('cc.exercise.findingsStale');
  });
  /** The file buttons work from the start: they switch the early box's file, then Monaco's model. */
  let showFile = (n: string) => pre?.show(n);
  const fileButtons = names.map((n) => {
    const b = h('button', { type: 'button', class: 'cc-btn', 'aria-pressed': String(n === current) }, n);
    b.addEventListener('click', () => {
      current = n;
      showFile(n);
      for (const [i, other] of fileButtons.entries()) other.setAttribute('aria-pressed', String(names[i] === n));
    });
    return b;
  });
  fileBar.append(...fileButtons);
  let editorGoTo = (file: string, line: number, column: number) => {
    if (names.includes(file) && file !== current) fileButtons[names.indexOf(file)]?.click();
    pre?.goTo(line, column);
  };
  let editorFix = (_file: string, _f: Finding, _button: HTMLButtonElement) => undefined as unknown;
  const draw = findingsView({
    t,
    locale: ctx.locale,
    fileOf,
    // A fix needs the editor's model; the findings are drawn again with their fixes once it is there.
    canFix: (file) => pre === null && names.includes(file),
    goTo: (file, line, column) => editorGoTo(file, line, column),
    applyFix: (file, f, button) => void editorFix(file, f, button),
  });
  early.then(
    (r) => {
      if (pre && findingsList.dataset.stale !== 'true') draw(r, findingsList, findingsCount);
    },
    () => undefined, // shown once the editor is there (first(), below)
  );

  const { monaco, configureKubernetesYaml, languageOf, themeFor } = await monacoLoading;
  // In one task from here to the editor's creation: what the box holds goes to the editor.
  const held = pre.take();
  pre = null;
  Object.assign(files, held.texts);

  const models = new Map(
    names.map((n) => {
      const uri = monaco.Uri.parse(`file:///${ex.id}/${n}`);
      monaco.editor.getModel(uri)?.dispose();
      return [n, monaco.editor.createModel(files[n] ?? '', languageOf(n), uri)] as const;
    }),
  );
  const editor = monaco.editor.create(editorHost, {
    model: models.get(current)!,
    ariaLabel: label(current),
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
  {
    const model = models.get(current)!;
    const [a, b] = [model.getPositionAt(held.start), model.getPositionAt(held.end)];
    editor.setSelection({ selectionStartLineNumber: a.lineNumber, selectionStartColumn: a.column, positionLineNumber: b.lineNumber, positionColumn: b.column });
    if (held.focused) editor.focus();
  }
  /** The YAML worker (schema hover, completion): once the first findings are painted, so that it does not hold them up. */
  const startYaml = () =>
    configureKubernetesYaml(SCHEMA_URL).catch((err: unknown) => {
      // Our checker's findings still come; only the YAML worker's field hints and completion are missing.
      const note = h('p', { class: 'cc-ex__note', role: 'status', 'data-role': 'schema-failed' });
      note.textContent = t('cc.exercise.schemaFailed', { reason: err instanceof Error ? err.message : String(err) });
      help.after(note);
    });
  const themeWatch = new MutationObserver(() => monaco.editor.setTheme(themeFor(document)));
  themeWatch.observe(document.documentElement, { attributeFilter: ['data-theme'] });

  showFile = (n) => {
    editor.setModel(models.get(n)!);
    editor.updateOptions({ ariaLabel: label(n) });
  };

  /** The editor text's identity: every model's version id. */
  const version = () => [...models.values()].map((m) => m.getAlternativeVersionId()).join('.');
  const texts = () => Object.fromEntries([...models].map(([n, m]) => [n, m.getValue()]));

  let shown: Evaluation | null = null;
  let seq = 0;
  let timer = 0;
  // Text typed before the editor was there is saved like any edit.
  let pendingSave = names.some((n) => held.texts[n] !== (startText[n] ?? ''));

  /** Grades the text as it is now; renders it unless a newer text was graded meanwhile. */
  const run = async (): Promise<Evaluation | null> => {
    clearTimeout(timer);
    const mine = ++seq;
    const text = texts();
    if (pendingSave) {
      pendingSave = false;
      if (JSON.stringify(text) !== JSON.stringify(api.work.files ?? ex.start)) api.save({ files: text });
    }
    const v = version();
    try {
      const r = await gradeInWorker(ex, { files: text }, v);
      if (mine === seq && v === version()) {
        render(r);
        api.evaluated(r);
      }
      return r;
    } catch (err) {
      if (mine === seq) checkerFailed(err);
      return null;
    }
  };
  const schedule = () => {
    pendingSave = true;
    markStale();
    clearTimeout(timer);
    timer = window.setTimeout(() => void run(), DEBOUNCE_MS);
  };
  const changeSubs = [...models.values()].map((m) => m.onDidChangeContent(schedule));

  /** The text changed: the findings on screen no longer describe it, so their fixes stop working. */
  const markStale = () => {
    if ((!shown && !findingsList.childElementCount) || findingsList.dataset.stale === 'true') return;
    findingsList.dataset.stale = 'true';
    for (const b of findingsList.querySelectorAll<HTMLButtonElement>('[data-action="fix"]')) b.disabled = true;
    findingsCount.textContent = t('cc.exercise.findingsStale');
  };

  const checkerFailed = (err: unknown) => {
    shown = null;
    fixable = [];
    for (const model of models.values()) monaco.editor.setModelMarkers(model, 'container-course', []);
    findingsList.replaceChildren();
    delete findingsList.dataset.stale;
    findingsCount.textContent = t('cc.exercise.checkFailed', { reason: err instanceof Error ? err.message : String(err) });
  };

  const severity = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info };
  const markerRange = (model: ReturnType<typeof monaco.editor.createModel>, line: number, column: number) => {
    const l = Math.min(Math.max(1, line), model.getLineCount());
    const max = model.getLineMaxColumn(l);
    const c = Math.min(Math.max(1, column), max);
    const word = model.getWordAtPosition({ lineNumber: l, column: c });
    const end = word && word.startColumn <= c ? word.endColumn : max > c ? max : c + 1;
    return { startLineNumber: l, startColumn: c, endLineNumber: l, endColumn: end };
  };

  /** The in-scope findings on screen that carry a fix, for the editor's quick-fix menu (Ctrl+.). */
  let fixable: Finding[] = [];
  editorGoTo = (file, line, column) => {
    if (models.has(file) && file !== current) fileButtons[names.indexOf(file)]?.click();
    editor.setPosition({ lineNumber: line, column });
    editor.revealLineInCenter(line);
    editor.focus();
  };
  editorFix = (file, f, button) => applyFix(file, f, button);

  const render = (r: Evaluation) => {
    shown = r;
    const { inScope, beyond } = splitByScope(r);
    fixable = inScope.filter((f): f is Finding => 'rule' in f && !!f.fix);
    for (const [name, model] of models) {
      const own = (f: Shown) => fileOf(f) === name;
      const marker = (f: Shown, sev: number) => ({
        ...markerRange(model, f.line, f.column),
        severity: sev,
        message: 'rule' in f ? f.message[ctx.locale] : f.message,
        code: 'rule' in f ? f.rule : undefined,
        source: 'container-course',
      });
      monaco.editor.setModelMarkers(model, 'container-course', [
        ...inScope.filter(own).map((f) => marker(f, 'rule' in f ? severity[f.severity] : monaco.MarkerSeverity.Error)),
        // Beyond the exercise: a faint hint, not a squiggle the learner must clear.
        ...beyond.filter(own).map((f) => marker(f, monaco.MarkerSeverity.Hint)),
      ]);
    }
    delete findingsList.dataset.stale;
    findingsList.dataset.version = r.version ?? '';
    draw(r, findingsList, findingsCount);
  };

  const replaceText = (file: string, text: string) => {
    const model = models.get(file)!;
    editor.pushUndoStop();
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
    editor.pushUndoStop();
  };

  const applyFix = async (file: string, f: Finding, button: HTMLButtonElement) => {
    const stamp = shown?.version;
    if (!shown || stamp !== version()) {
      fixStatus.textContent = t('cc.exercise.fixStale');
      void run();
      return;
    }
    button.disabled = true;
    try {
      const before = models.get(file)!.getValue();
      const next = await fixInWorker(before, f.fix!);
      if (version() !== stamp) {
        fixStatus.textContent = t('cc.exercise.fixStale');
        return;
      }
      if (next === before) {
        fixStatus.textContent = t('cc.exercise.fixNoChange');
        return;
      }
      replaceText(file, next);
      fixStatus.textContent = t('cc.exercise.fixed');
      findingsTitle.focus();
    } catch (err) {
      fixStatus.textContent = t('cc.exercise.fixFailed', { reason: err instanceof Error ? err.message : String(err) });
    } finally {
      button.disabled = findingsList.dataset.stale === 'true';
    }
  };

  const modelUri = (n: string) => models.get(n)!.uri.toString();
  for (const n of names) {
    quickFixes.set(modelUri(n), async (line, endLine) => {
      if (!shown || shown.version !== version()) return [];
      const model = models.get(n)!;
      const here = fixable.filter((f) => fileOf(f) === n && f.line >= line && f.line <= endLine);
      const out: { title: string; text: string; version: number }[] = [];
      for (const f of here) {
        try {
          out.push({
            title: `${t('cc.exercise.fix')}: ${f.fix!.description[ctx.locale]}`,
            text: await fixInWorker(model.getValue(), f.fix!),
            version: model.getVersionId(),
          });
        } catch {
          // A fix that cannot apply to this text is not offered in the menu (the panel's button says why).
        }
      }
      return out;
    });
  }
  if (!providerRegistered) {
    providerRegistered = true;
    monaco.languages.registerCodeActionProvider(['yaml', 'dockerfile', 'shell', 'plaintext'], {
      provideCodeActions: async (model, range) => {
        const fixes = await quickFixes.get(model.uri.toString())?.(range.startLineNumber, range.endLineNumber);
        return {
          actions: (fixes ?? []).map((x) => ({
            title: x.title,
            kind: 'quickfix',
            diagnostics: [],
            edit: { edits: [{ resource: model.uri, versionId: x.version, textEdit: { range: model.getFullModelRange(), text: x.text } }] },
          })),
          dispose: () => undefined,
        };
      },
    });
  }

  /** The first findings: the early grading, if the editor still holds exactly the text it graded. */
  const first = async () => {
    const v = version();
    if (JSON.stringify(texts()) !== JSON.stringify(startText)) return void run();
    const mine = ++seq;
    try {
      const r = { ...(await early), version: v };
      if (mine === seq && v === version()) {
        render(r);
        api.evaluated(r);
      }
    } catch (err) {
      if (mine === seq) checkerFailed(err);
    }
  };
  // After the frame that draws the first markers (a task queued from requestAnimationFrame runs after that paint).
  void first().finally(() => {
    if (ex.kind === 'k8s-yaml') requestAnimationFrame(() => setTimeout(startYaml));
  });

  return {
    submission: async () => ({ files: texts() }),
    submissionFields: async () => {
      const text = texts();
      return names.length === 1 ? { text: text[names[0]!] } : { files: text };
    },
    check: () => run(),
    reset: async () => {
      if (!confirm(t('cc.exercise.resetConfirm'))) return false;
      for (const n of names) replaceText(n, ex.start[n] ?? '');
      return true;
    },
    solutionView: () => {
      const use = h('button', { type: 'button', class: 'cc-btn', 'data-action': 'use-solution' }, t('cc.exercise.useSolution'));
      use.addEventListener('click', () => {
        for (const n of names) if (ex.solution[n] !== undefined) replaceText(n, ex.solution[n]!);
        editor.focus();
      });
      return h(
        'div',
        {},
        ...Object.entries(ex.solution).flatMap(([n, text]) => [h('p', { class: 'cc-ex__file' }, n), h('pre', { class: 'cc-code' }, text)]),
        use,
      );
    },
    graded: (r) => {
      if (r.version === version()) render(r);
    },
    dirty: () => pendingSave,
    dispose: () => {
      clearTimeout(timer);
      seq++;
      for (const s of changeSubs) s.dispose();
      themeWatch.disconnect();
      for (const n of names) quickFixes.delete(modelUri(n));
      editor.dispose();
      for (const m of models.values()) m.dispose();
    },
    focus: () => editor.focus(),
  };
}
