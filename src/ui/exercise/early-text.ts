/**
 * The editor's text before Monaco is ready (issue #14: first findings soon after the click).
 * Monaco's chunk takes about a second to fetch and compile on a cold load; meanwhile the
 * learner sees the file in a plain, editable text box of the editor's size, and the findings
 * list (with line and column) from the grader worker, which does not need Monaco. When Monaco
 * is ready, `take` hands over the text as it is then, the caret or selection and the focus, in
 * the same task that creates the editor, so no keystroke typed before is lost.
 */
import { h } from './dom.ts';

export interface EarlyText {
  readonly element: HTMLTextAreaElement;
  /** Puts the caret at a 1-based line and column and focuses the box (a finding's "Line L, column C"). */
  goTo(line: number, column: number): void;
  /** Removes the box; what it held for Monaco's editor. */
  take(): { text: string; start: number; end: number; focused: boolean };
}

export function earlyText(host: HTMLElement, text: string, label: string, onInput: () => void): EarlyText {
  const element = h('textarea', {
    class: 'cc-editor__early',
    'data-role': 'early-editor',
    'aria-label': label,
    spellcheck: 'false',
    autocapitalize: 'off',
    autocomplete: 'off',
    wrap: 'off',
  });
  element.value = text;
  element.addEventListener('input', onInput);
  host.append(element);
  return {
    element,
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
      const out = { text: element.value, start: element.selectionStart, end: element.selectionEnd, focused };
      element.removeEventListener('input', onInput);
      element.remove();
      return out;
    },
  };
}
