/**
 * <cc-terminal>: the small part of the lesson terminal that ships at page load.
 * It shows a start button, adds "Run" buttons to the lesson's `sh` code blocks,
 * and loads xterm.js and the simulated host (session.ts) only when the learner
 * starts the terminal or runs a command.
 */
import type { NoticeStrings } from './notice.ts';
import type { TerminalSession } from './session.ts';
import { nextTask } from './yield.ts';

type Loaded = Awaited<ReturnType<typeof import('./load.ts')['loadTerminal']>>;

interface Strings extends NoticeStrings {
  label: string;
  loading: string;
  loadFailed: string;
  resetConfirm: string;
  /** Announced when Esc moves the focus out of the terminal. */
  left: string;
}

const RUN_EVENT = 'cc:run';

/** The early prompt's code (early-prompt.ts) once fetched: the click draws the prompt in its own task. */
let earlyCode: typeof import('./early-prompt.ts') | undefined;

/** What a Run button sends: the command, and the button (focus comes back to it). */
export interface RunEventDetail {
  command: string;
  origin?: HTMLElement;
  /** Pressed with the keyboard or a touch: focus stays on the button, in reading order. */
  keepFocus?: boolean;
}

export class CcTerminal extends HTMLElement {
  private session: TerminalSession | null = null;
  private starting: Promise<TerminalSession | null> | null = null;
  private strings!: Strings;
  /** The terminal's code and its world, fetched and booting since the first sign of intent (prefetch). */
  private loading: Promise<Loaded> | null = null;
  /**
   * A restored session waits for this to fetch and draw xterm (restore): the terminal in view, or a start.
   * `go` lets it go on; `stop` (the element removed first) ends it, and the world with it (load.ts).
   */
  private drawn: { wait: Promise<void>; go: () => void; stop: () => void } | null = null;

  connectedCallback(): void {
    this.strings = JSON.parse(this.dataset.strings ?? '{}') as Strings;
    const start = this.querySelector('[data-action="start"]');
    start?.addEventListener('click', () => void this.start(true));
    if (start) onIntent(start, this.prefetch);
    this.querySelector('[data-action="reset"]')?.addEventListener('click', () => void this.reset());
    document.addEventListener(RUN_EVENT, this.onRun as EventListener);
    addRunButtons(this, this.prefetch);
    // A session that was open before a reload comes back by itself.
    if (hasSavedSession(this.dataset.lesson ?? '')) this.restore();
  }

  /**
   * Issue #14: a returning learner's session. Its world boots with the page and replays the saved lines (in the
   * worker, load.ts); xterm, its chunks and the saved screen's redraw (50-100 ms of the main thread) wait until the
   * terminal is in view: at once on a wide screen, when the sheet opens on a phone (its workspace is a closed
   * bottom sheet, lesson-sheet.css), when its tab is chosen; or when anything starts it (start, Run, an exercise).
   */
  private restore(): void {
    let go!: () => void;
    let stop!: () => void;
    const wait = new Promise<void>((resolve, reject) => {
      go = resolve;
      stop = () => reject(new DOMException('The terminal was removed before it was drawn.', 'AbortError'));
    });
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) go();
    });
    seen.observe(this);
    wait.then(
      () => seen.disconnect(),
      () => seen.disconnect(),
    );
    this.drawn = { wait, go, stop };
    void this.start(false);
  }

  disconnectedCallback(): void {
    document.removeEventListener(RUN_EVENT, this.onRun as EventListener);
    this.drawn?.stop();
    if (!this.session)
      void this.loading?.then(
        ([, , , { world }]) => world.dispose(),
        () => undefined,
      );
    this.controls?.();
    this.session?.dispose();
  }

  /** Removes what controls.ts added (Esc, the key bar, the column count). */
  private controls: (() => void) | null = null;

  private onRun = (event: CustomEvent<RunEventDetail>): void => {
    const { command, origin, keepFocus } = event.detail;
    void this.start(false).then((s) => {
      s?.run(command);
      if (keepFocus && origin?.isConnected) origin.focus({ preventScroll: true });
    });
  };

  /**
   * Issue #14: the learner is about to start the terminal (pointer over, focus on or press of Start or
   * a Run button): its code is fetched and its world boots now, so the click finds them (nearly) ready.
   * Never at page load: the lesson page's at-load budget (tests/e2e/budget.spec.ts) holds.
   */
  private prefetch = (): Promise<Loaded> => {
    if (!this.loading) {
      import('./early-prompt.ts').then(
        (m) => {
          earlyCode = m;
          performance.mark('cc-terminal:early-code'); // (tests wait on it)
        },
        () => undefined,
      );
      const drawn = this.drawn?.wait;
      this.loading = import('./load.ts').then((m) => m.loadTerminal(this.dataset.lesson ?? '', this.dataset.scenario ?? '', drawn));
      this.loading.catch(() => (this.loading = null)); // a failed fetch is tried again on the click
    }
    return this.loading;
  };

  /** Starts (once) and returns the live session. */
  start(focus: boolean): Promise<TerminalSession | null> {
    if (this.starting) this.drawn?.go(); // asked for: a restored session is drawn now, in view or not
    if (this.session) {
      if (focus) this.session.focus();
      return Promise.resolve(this.session);
    }
    this.starting ??= this.load(focus);
    return this.starting;
  }

  private async load(focus: boolean): Promise<TerminalSession | null> {
    const idle = this.querySelector<HTMLElement>('[data-role="idle"]');
    const screen = this.querySelector<HTMLElement>('[data-role="screen"]')!;
    const live = this.querySelector<HTMLElement>('[data-role="live"]')!;
    // The key bar (touch screens) and Reset, shown when the terminal is created (below).
    const shown = [this.querySelector<HTMLElement>('[data-role="keys"]'), this.querySelector<HTMLElement>('[data-action="reset"]')];
    if (idle) idle.setAttribute('aria-busy', 'true');
    live.textContent = this.strings.loading;
    performance.mark('cc-terminal:start');
    const loading = this.prefetch();
    let early: import('./early-prompt.ts').EarlyPrompt | null = null;
    let started: Loaded[3] | undefined;
    try {
      // A fresh session's prompt is drawn at once (its code came with the prefetch), and takes keys until the
      // session does (early-prompt.ts); a saved session's screen comes back with the session.
      if (idle && this.dataset.prompt && !hasSavedSession(this.dataset.lesson ?? '')) {
        early = (earlyCode ?? (await import('./early-prompt.ts'))).earlyPrompt(this, this.strings.label, focus);
        performance.mark('cc-terminal:early-prompt');
      }
      const [{ TerminalSession }, { attachControls }, { showNotice }, world] = await loading;
      started = world;
      // The chunks were evaluated in this task: xterm's open starts in the next (yield.ts).
      await nextTask();
      const box = this.querySelector<HTMLElement>('[data-role="notice"]');
      idle?.remove();
      // The key bar and Reset (44 px tall on a touch screen) take their room now: the terminal is created at the
      // size it fits (geometry.ts), not resized and redrawn when they appear after the prompt. They work from the
      // prompt on (a press before does nothing).
      for (const el of shown) if (el) el.hidden = false;
      this.session = await TerminalSession.open({
        early,
        host: screen,
        live,
        lesson: this.dataset.lesson ?? '',
        scenario: this.dataset.scenario ?? '',
        label: this.strings.label,
        notice: (kind) => box && showNotice(box, kind, this.strings, () => this.session),
        started: world,
      });
      performance.mark('cc-terminal:prompt');
      this.controls = attachControls(this, this.session, this.strings.left);
      this.dataset.state = 'ready';
      if (focus && !early) this.session.focus(); // the early prompt hands its focus over itself (session.ts boot)
      return this.session;
    } catch (err) {
      if (!this.isConnected) return null; // removed before it was drawn (restore)
      console.error('cc-terminal: could not start', err);
      started?.world.dispose();
      this.loading = null;
      live.textContent = this.strings.loadFailed;
      early?.take();
      for (const el of shown) if (el) el.hidden = true;
      idle?.removeAttribute('aria-busy');
      this.starting = null;
      this.dataset.state = 'failed';
      return null;
    }
  }

  private async reset(): Promise<void> {
    if (!this.session) return;
    if (!confirm(this.strings.resetConfirm)) return;
    await this.session.reset();
    this.session.focus();
  }
}

/** A saved session with commands (storage.ts, inlined: that module ships with the session). */
function hasSavedSession(lesson: string): boolean {
  try {
    const raw = localStorage.getItem(`cc:term:v1:${lesson}`);
    const lines = raw ? (JSON.parse(raw) as { lines?: unknown }).lines : undefined;
    return Array.isArray(lines) && lines.length > 0;
  } catch {
    return false;
  }
}

/** Adds a Run button to each `sh` code block on the page (one command per block). */
function addRunButtons(terminal: CcTerminal, prefetch: () => unknown): void {
  const label = terminal.closest('[lang]')?.getAttribute('lang')?.startsWith('zh') ? '运行' : 'Run';
  const aria = label === '运行' ? '在终端中运行：' : 'Run in the terminal: ';
  for (const pre of document.querySelectorAll<HTMLPreElement>('.sl-markdown-content pre[data-language="sh"]')) {
    const figure = pre.closest('figure');
    const block = pre.closest('.expressive-code');
    if (!figure || !block || block.querySelector('.cc-run')) continue;
    const copy = figure.querySelector<HTMLButtonElement>('.copy button[data-code]');
    const code = (copy?.dataset.code ?? pre.textContent ?? '').replaceAll('\u007f', '\n').trim();
    if (!code) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'cc-run';
    button.textContent = `▶ ${label}`;
    button.setAttribute('aria-label', aria + code);
    onIntent(button, prefetch);
    let touched = false;
    button.addEventListener('pointerdown', (e) => void (touched = e.pointerType === 'touch'));
    button.addEventListener('click', (e) => {
      // A click from the keyboard (detail 0) or a touch keeps the focus on the button.
      const keepFocus = e.detail === 0 || touched;
      const detail: RunEventDetail = { command: code, origin: button, keepFocus };
      document.dispatchEvent(new CustomEvent(RUN_EVENT, { detail }));
    });
    const row = document.createElement('div');
    row.className = 'cc-run-row';
    row.append(button);
    block.append(row);
  }
}

/** Calls `then` once, at the first sign that the learner is about to press `el`: pointer over it, focus on it, a press. */
function onIntent(el: Element, then: () => unknown): void {
  const events = ['pointerenter', 'focus', 'pointerdown'] as const;
  const once = () => {
    for (const type of events) el.removeEventListener(type, once);
    void Promise.resolve(then()).catch(() => undefined);
  };
  for (const type of events) el.addEventListener(type, once, { passive: true });
}

if (!customElements.get('cc-terminal')) customElements.define('cc-terminal', CcTerminal);
