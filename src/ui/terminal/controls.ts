/**
 * What a running terminal adds to <cc-terminal> (loaded with the session, not at page load):
 * - Esc leaves the terminal (WCAG 2.1.2 No Keyboard Trap): the focus moves to the terminal's
 *   frame, from where Tab and Shift+Tab go on in reading order, and the move is announced.
 *   The terminal's label says so on the way in. (The key bar's Esc still sends ESC.)
 * - the key bar (touch screens): Tab, Ctrl-C, Ctrl-D, arrows, Esc and |, sent as typed;
 *   tapping a key keeps the focus (and the soft keyboard) where it is;
 * - `data-cols` on the element: the terminal's width in columns.
 */
import type { TerminalSession } from './session.ts';

/** The key bar's keys, as the bytes a terminal sends for them. */
export const KEYS: Record<string, string> = {
  tab: '\t',
  'ctrl-c': '\x03',
  'ctrl-d': '\x04',
  up: '\x1b[A',
  down: '\x1b[B',
  left: '\x1b[D',
  right: '\x1b[C',
  esc: '\x1b',
  pipe: '|',
};

/** Wires the controls; returns the function that removes them. */
export function attachControls(el: HTMLElement, session: TerminalSession, leftMessage: string): () => void {
  const frame = el.querySelector<HTMLElement>('[data-role="frame"]')!;
  const live = el.querySelector<HTMLElement>('[data-role="live"]');
  const screen = el.querySelector<HTMLElement>('[data-role="screen"]')!;
  const bar = el.querySelector<HTMLElement>('[data-role="keys"]');

  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (!(e.target instanceof Element) || !e.target.closest('.xterm')) return;
    // Capture phase, before xterm turns the key into ESC.
    e.preventDefault();
    e.stopPropagation();
    frame.focus();
    // The session holds this announcement over output that arrives after it (a command still running).
    if (live) session.leave(leftMessage);
  };
  // Enter on the frame goes back in.
  const onFrameKey = (e: KeyboardEvent) => {
    if (e.target === frame && e.key === 'Enter') {
      e.preventDefault();
      session.focus();
    }
  };
  const keepFocus = (e: PointerEvent) => {
    if ((e.target as Element).closest('button')) e.preventDefault();
  };
  const onKeyBar = (e: MouseEvent) => {
    const key = (e.target as Element).closest<HTMLButtonElement>('button[data-key]')?.dataset.key;
    const data = key ? KEYS[key] : undefined;
    if (data !== undefined) session.input(data);
  };
  el.addEventListener('keydown', onKey, true);
  frame.addEventListener('keydown', onFrameKey);
  bar?.addEventListener('pointerdown', keepFocus);
  bar?.addEventListener('click', onKeyBar);
  if (bar) bar.hidden = false;

  const showCols = () => void (el.dataset.cols = String(session.columns));
  showCols();
  const resize = new ResizeObserver(() => requestAnimationFrame(showCols));
  resize.observe(screen);

  return () => {
    el.removeEventListener('keydown', onKey, true);
    frame.removeEventListener('keydown', onFrameKey);
    bar?.removeEventListener('pointerdown', keepFocus);
    bar?.removeEventListener('click', onKeyBar);
    resize.disconnect();
  };
}
