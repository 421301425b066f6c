/**
 * The editor's text before Monaco is ready (issue #14: first findings soon after the click).
 * Monaco's chunk takes about a second to fetch and compile on a cold load; meanwhile the
 * learner sees the file in a plain, editable text box of the editor's size, and the findings
 * list (with line and column) from the grader worker, which does not need Monaco. An exercise
 * with several files keeps each file's text and caret here, and the file buttons switch the
 * box between them as they later switch Monaco's models. When Monaco is ready, `take` hands over
 * every file's text as it is then, the shown file's caret or selection and the focus, in the
 * same task that creates the editor, so no keystroke typed before is lost.
 */
import { h } from './dom.ts';

export interface EarlyText {
  readonly element: HTMLTextAreaElement;
  /** Shows another file's text in the box (its own caret kept); the focus stays where it is. */
  show(file: string): void;
  /** Puts the caret at a 1-based line and column of the shown file and focuses the box (a finding's "Line L, column C"). */
  goTo(line: number, column: number): void;
  /** Removes the box; what it held for Monaco's editor: every file's text, and the shown file's caret. */
  take(): { texts: Record<string, string>; file: string; start: number; end: number; focused: boolean };
}

/**
 * @param files each file's opening text; the first one is shown.
 * @param label the box's accessible name for a file.
 * @param onInput called on every edit, whichever file is shown.
 */
export function earlyText(host: HTMLElement, files: Record<string, string>, label: (file: string) => string, onInput: () => void): EarlyText {
  const texts = { ...files };
  const carets = new Map<string, { start: number; end: number }>();
  let file = Object.keys(texts)[0] ?? '';
  const element = h('textarea', {
    class: 'cc-editor__early',
    'data-role': 'early-editor',
    'data-file': file,
    'aria-label': label(file),
    spellcheck: 'false',
    autocapitalize: 'off',
    autocomplete: 'off',
    wrap: 'off',
  });
  element.value = texts[file] ?? '';
  element.setSelectionRange(0, 0);
  element.addEventListener('input', onInput);
  host.append(element);
  return {
    element,
    show(next) {
      if (next === file || !Object.hasOwn(texts, next)) return;
      texts[file] = element.value;
      carets.set(file, { start: element.selectionStart, end: element.selectionEnd });
      file = next;
      element.value = texts[file] ?? '';
      const caret = carets.get(file) ?? { start: 0, end: 0 };
      element.setSelectionRange(caret.start, caret.end);
      element.scrollTop = 0;
      element.dataset.file = file;
      element.setAttribute('aria-label', label(file));
    },
    goTo(line, column) {
      const lines = element.value.split('\n');
      const l = Math.min(Math.max(1, line), lines.length);
      let offset = 0;
      for (let i = 0; i < l - 1; i++) offset += lines[i]!.length + 1;
      offset += Math.min(Math.max(1, column), lines[l - 1]!.length + 1) - 1;
      element.focus();
      element.setSelectionRange(offset, offset);
    },
    take() {
      const focused = element.ownerDocument.activeElement === element;
      texts[file] = element.value;
      const out = { texts: { ...texts }, file, start: element.selectionStart, end: element.selectionEnd, focused };
      element.removeEventListener('input', onInput);
      element.remove();
      return out;
    },
  };
}
