/**
 * The terminal's first prompt before xterm.js is ready (issue #14: the prompt ≤ 100 ms after Start).
 * xterm's chunk and the simulated host take a few hundred ms to fetch and compile on a cold load;
 * meanwhile the screen shows the prompt at once and takes keys: a text box of the terminal's label
 * over the screen keeps every key as the bytes xterm would send for it, in order, and draws the
 * line as typed. When the session's world is up, `take` removes the box and hands the bytes and
 * the focus to the session (session.ts boot), in one task, as type-ahead: nothing is lost or reordered.
 * Ships with the page (element.ts): kept small for the lesson page's at-load budget (budget.spec.ts).
 */

/** Keys as the bytes xterm sends for them (xterm.js@6.0.0:src/common/input/Keyboard.ts evaluateKeyboardEvent, normal cursor keys). */
const KEYS: Record<string, string> = {
  Enter: '\r',
  Backspace: '\x7f',
  Tab: '\t',
  ArrowUp: '\x1b[A',
  ArrowDown: '\x1b[B',
  ArrowRight: '\x1b[C',
  ArrowLeft: '\x1b[D',
  Home: '\x1b[H',
  End: '\x1b[F',
  Delete: '\x1b[3~',
};

export interface EarlyPrompt {
  /** Removes the box (once); the bytes typed into it, and whether it had the focus. */
  take(): { data: string; focused: boolean };
}

/**
 * Shows `prompt` in `host` (the terminal's screen) with a text box labelled `label`, focused if `focus`.
 * Esc calls `leave` (the terminal's Esc leaves it, controls.ts: no keyboard trap).
 */
export function earlyPrompt(host: HTMLElement, prompt: string, label: string, focus: boolean, leave: () => void): EarlyPrompt {
  const box = document.createElement('div');
  box.className = 'cc-term__early';
  box.dataset.role = 'early';
  const screen = document.createElement('pre');
  screen.setAttribute('aria-hidden', 'true');
  const input = document.createElement('textarea');
  input.setAttribute('aria-label', label);
  for (const a of ['autocapitalize', 'autocomplete', 'autocorrect', 'spellcheck']) input.setAttribute(a, 'off');
  box.append(screen, input);
  host.append(box);
  let data = '';
  /** The lines drawn so far, and the line being typed (what the line editor will show for the same keys, but cursor moves). */
  let done = prompt;
  let line = '';
  const draw = () => void (screen.textContent = done + line);
  const type = (text: string) => {
    data += text;
    for (const ch of text) {
      if (ch === '\r') [done, line] = [`${done + line}\n`, ''];
      else if (ch === '\x7f') line = line.slice(0, -1);
      else if (ch === '\x03') [done, line] = [`${done + line}^C\n${prompt}`, ''];
      else if (ch >= ' ') line += ch;
    }
    draw();
  };
  const typed = () => {
    const text = input.value;
    input.value = '';
    if (text) type(text.replace(/\r?\n/g, '\r'));
  };
  input.addEventListener('keydown', (e) => {
    if (e.isComposing) return;
    // Keys with Alt, Meta or Shift (but Shift+Enter) are left to the browser: xterm sends other bytes for them.
    const plain = !e.altKey && !e.metaKey && (!e.shiftKey || e.key === 'Enter');
    const seq = !plain
      ? undefined
      : e.ctrlKey
        ? /^[a-z]$/i.test(e.key)
          ? String.fromCharCode(e.key.toUpperCase().charCodeAt(0) - 64)
          : undefined
        : KEYS[e.key];
    // Ctrl-V pastes through the browser, as in xterm (an input event).
    if (e.key === 'Escape' && !e.ctrlKey) leave();
    else if (seq === undefined || (e.ctrlKey && e.key.toLowerCase() === 'v')) return;
    else if (seq.startsWith('\x1b'))
      data += seq; // a cursor move: the line editor applies it at the handover
    else type(seq);
    e.preventDefault();
  });
  input.addEventListener('input', (e) => (e as InputEvent).isComposing || typed());
  input.addEventListener('compositionend', typed);
  draw();
  if (focus) input.focus({ preventScroll: true });
  let taken = false;
  return {
    take() {
      if (taken) return { data: '', focused: false };
      taken = true;
      typed();
      const focused = document.activeElement === input;
      box.remove();
      return { data, focused };
    },
  };
}
