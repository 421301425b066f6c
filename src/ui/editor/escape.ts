/**
 * Esc in the exercise editor (when Monaco has no widget of its own to close) moves the focus
 * just past the editor, so Tab goes on to what follows it and Shift+Tab back into it.
 * Registered on the document by monaco.ts, so it comes with the editor, not with the page.
 */
export function onEditorEscape(e: KeyboardEvent): void {
  if (e.key !== 'Escape' || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  const editor = e.target instanceof Element ? e.target.closest('.monaco-editor') : null;
  const after = editor?.parentElement?.nextElementSibling ?? editor?.closest('.cc-panel');
  if (!(after instanceof HTMLElement)) return;
  if (!after.hasAttribute('tabindex')) after.tabIndex = -1;
  e.preventDefault();
  after.focus();
}
