/**
 * The terminal's first prompt before xterm.js is ready (issue #14: the prompt ≤ 100 ms after Start).
 * xterm's chunk and the simulated host take a few hundred ms to fetch and compile on a cold load;
 * meanwhile the screen shows the prompt at once and takes keys: a text box of the terminal's label
 * over the screen keeps every key as the bytes xterm would send for it, in order, and draws the
 * line as typed. When the session's world is up, `take` removes the box and hands the keys and the
 * focus to the session (session.ts boot), in one task, key by key as xterm would have: nothing is lost or
 * reordered. Fetched on the first sign of intent (element.ts prefetch), not with the page (budget.spec.ts).
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
  /** Removes the box (once): the keys typed into it, one string per key or input as xterm's onData gives them, and whether it had the focus. */
  take(): { keys: string[]; focused: boolean };
}

/**
 * Shows the first prompt (`data-prompt`) over the screen of `el`, a <cc-terminal>, with a text box of the terminal's label
 * (`label`), focused if `focus`; Esc moves the focus to the terminal's frame (as controls.ts does: no keyboard trap).
 */
export function earlyPrompt(el: HTMLElement, label: string, focus: boolean): EarlyPrompt {
  const $ = (role: string) => el.querySelector<HTMLElement>(`[data-role="${role}"]`)!;
  const prompt = el.dataset.prompt!;
  const idle = $('idle');
  idle.style.visibility = 'hidden';
  const box = document.createElement('div');
  box.className = 'cc-term__early';
  box.dataset.role = 'early';
  const screen = document.createElement('pre');
  screen.setAttribute('aria-hidden', 'true');
  const input = document.createElement('textarea');
  input.setAttribute('aria-label', label);
  for (const a of ['autocapitalize', 'autocomplete', 'autocorrect', 'spellcheck']) input.setAttribute(a, 'off');
  box.append(screen, input);
  $('screen').append(box);
  const cursor = document.createElement('i');
  const keys: string[] = [];
  /** The lines drawn so far, the line being typed and the cursor in it (what the line editor shows for the same keys). */
  let done = prompt;
  let line = '';
  let at = 0;
  /** A line was entered: what follows is type-ahead while it runs, where the line editor drops cursor keys. */
  let entered = false;
  const draw = () => {
    cursor.textContent = line[at] ?? ' ';
    screen.replaceChildren(done + line.slice(0, at), cursor, line.slice(at + 1));
  };
  const type = (text: string) => {
    keys.push(text);
    for (const ch of text) {
      if (ch === '\r' || ch === '\x03') [done, line, at, entered] = [done + line + (ch === '\r' ? '\n' : `^C\n${prompt}`), '', 0, ch === '\r'];
      else if (ch === '\x7f') line = at ? line.slice(0, at - 1) + line.slice(at--) : line;
      else if (ch >= ' ') line = line.slice(0, at) + ch + line.slice(at++);
    }
    draw();
  };
  /** A cursor key (up and down: the history, empty in a fresh session). */
  const move = (seq: string) => {
    keys.push(seq);
    const to = entered ? undefined : { C: at + 1, D: at - 1, H: 0, F: line.length }[seq[2]!];
    if (seq === '\x1b[3~' && !entered) line = line.slice(0, at) + line.slice(at + 1);
    else if (to !== undefined) at = Math.max(0, Math.min(line.length, to));
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
    if (e.key === 'Escape' && !e.ctrlKey) $('frame').focus();
    else if (seq === undefined || (e.ctrlKey && e.key.toLowerCase() === 'v')) return;
    else if (seq.startsWith('\x1b')) move(seq);
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
      if (taken) return { keys: [], focused: false };
      taken = true;
      typed();
      const focused = document.activeElement === input;
      box.remove();
      idle.style.removeProperty('visibility'); // (removed by then, unless the terminal failed to start)
      return { keys, focused };
    },
  };
}
