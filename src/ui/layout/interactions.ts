/**
 * The lesson layout's behaviour, loaded by lesson.ts on the learner's first interaction
 * (src/components/TwoColumnContent.astro, styles in src/styles/lesson-layout.css):
 * - the divider between the text and the workspace: drag it, or focus it and use the
 *   arrow keys, Home and End; the split is remembered in localStorage;
 * - full screen for the workspace on wide screens, and "back to the text";
 * - the bottom sheet on narrow screens: Run opens it, closing it keeps the reader's place;
 * - after every Run and every command, the terminal (and so its prompt) is in view;
 * - Esc leaves the exercise editor, as it leaves the terminal (WCAG 2.1.2).
 */
export const SPLIT_KEY = 'cc:split';
export const SPLIT_MIN = 30;
export const SPLIT_MAX = 70;
export const SPLIT_DEFAULT = 46;
const SPLIT_STEP = 2;

const wide = matchMedia('(min-width: 72rem)');

/** Clamps a split (the reading column's share, in per cent) to the allowed range. */
export function clampSplit(value: number): number {
  if (!Number.isFinite(value)) return SPLIT_DEFAULT;
  return Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, Math.round(value)));
}

export class LessonLayout {
  private readonly aside: HTMLElement;
  private readonly openButton: HTMLButtonElement;
  private readonly fullButton: HTMLButtonElement;
  /** Where focus goes back to when the sheet or full screen closes. */
  private returnFocus: HTMLElement | null = null;
  private sheetScrollY = 0;
  /** Where the text was when full screen began: the page's offset and the element at the top of the screen. */
  private fullPlace: { y: number; anchor: Element | null; top: number } = { y: 0, anchor: null, top: 0 };

  constructor(private readonly root: HTMLElement) {
    this.aside = root.querySelector<HTMLElement>('#cc-workspace')!;
    this.openButton = root.querySelector<HTMLButtonElement>('[data-action="open"]')!;
    this.fullButton = root.querySelector<HTMLButtonElement>('[data-action="full"]')!;
    this.setupSplit(root.querySelector<HTMLElement>('[data-role="split"]')!);
    this.openButton.addEventListener('click', () => this.openSheet(true));
    this.fullButton.addEventListener('click', () => this.setFull(true));
    root.querySelector('[data-action="back"]')!.addEventListener('click', () => this.back());
    root.querySelector('[data-action="to-workspace"]')?.addEventListener('click', (e) => {
      e.preventDefault();
      if (!wide.matches) this.openSheet(true);
      else this.aside.focus();
    });
    this.aside.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const target = e.target as Element;
      if (target.closest('.monaco-editor, .xterm')) return;
      if (this.root.dataset.full === 'true' || (!wide.matches && this.isOpen())) {
        e.preventDefault();
        this.back();
      }
    });
    document.addEventListener('cc:command', () => this.scrollTerminalIntoView());
    wide.addEventListener('change', () => {
      if (wide.matches) this.closeSheet(false);
      else this.setFull(false);
    });
    // "On this page" closes once the reader picks a section.
    root.querySelector('.cc-toc')?.addEventListener('click', (e) => {
      if ((e.target as Element).closest('a')) (e.currentTarget as HTMLDetailsElement).open = false;
    });
  }

  private isOpen(): boolean {
    return this.aside.dataset.open === 'true';
  }

  openSheet(moveFocus: boolean): void {
    if (wide.matches) return;
    if (!this.isOpen()) {
      this.sheetScrollY = scrollY;
      this.returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    }
    this.aside.dataset.open = 'true';
    this.openButton.setAttribute('aria-expanded', 'true');
    if (moveFocus) this.aside.focus({ preventScroll: true });
  }

  closeSheet(restoreFocus: boolean): void {
    if (!this.isOpen()) return;
    this.aside.dataset.open = 'false';
    this.openButton.setAttribute('aria-expanded', 'false');
    // The page under the sheet never moved; put it back if anything scrolled it.
    if (scrollY !== this.sheetScrollY) scrollTo({ top: this.sheetScrollY, behavior: 'instant' });
    if (restoreFocus) {
      const target = this.returnFocus?.isConnected ? this.returnFocus : this.openButton;
      target.focus({ preventScroll: true });
    }
    this.returnFocus = null;
  }

  setFull(on: boolean): void {
    if (on === (this.root.dataset.full === 'true')) return;
    // The text under the workspace keeps its place: its element at the top of the screen is put back where it was,
    // not only the page's offset. The code frames brought near the screen are rendered a frame or more after a
    // scroll (content-visibility: auto in lesson-layout.css; scroll anchoring then moved lesson 1 by 266 px at
    // load 20); when that comes after Full screen, anchoring is off and the same offset would show other text.
    if (on) this.fullPlace = placeOf(this.root.querySelector('.cc-lesson__reading'));
    this.root.dataset.full = String(on);
    if (!on) {
      const { y, anchor, top } = this.fullPlace;
      const restore = () => {
        if (anchor?.isConnected) {
          const moved = anchor.getBoundingClientRect().top - top;
          if (Math.abs(moved) >= 1) scrollBy({ top: moved, behavior: 'instant' });
        } else if (scrollY !== y) scrollTo({ top: y, behavior: 'instant' });
      };
      restore();
      requestAnimationFrame(restore); // after the layout that brings the text back
    }
    this.fullButton.setAttribute('aria-pressed', String(on));
    if (on) {
      this.root.querySelector<HTMLElement>('[data-action="back"]')!.focus();
    } else if (this.root.contains(document.activeElement) && this.aside.contains(document.activeElement)) {
      this.fullButton.focus({ preventScroll: true });
    }
    requestAnimationFrame(() => this.scrollTerminalIntoView());
  }

  /** "Back to the text": leaves full screen, or closes the sheet. */
  back(): void {
    if (this.root.dataset.full === 'true') this.setFull(false);
    else this.closeSheet(true);
  }

  /** Before a Run: show the terminal (its tab, the sheet) so its output and prompt are in view. */
  revealTerminal(): void {
    const panel = this.root.querySelector<HTMLElement>('[data-panel="terminal"]');
    if (panel?.hidden) this.root.querySelector<HTMLButtonElement>('[role="tab"][data-tab="terminal"]')?.click();
    if (!wide.matches) this.openSheet(false);
    requestAnimationFrame(() => this.scrollTerminalIntoView());
  }

  /** Scrolls the workspace (never the page) so the whole terminal screen shows. */
  private scrollTerminalIntoView(): void {
    const screen = this.root.querySelector<HTMLElement>('cc-terminal [data-role="screen"]');
    if (!screen || screen.closest('[hidden]')) return;
    const box = this.aside.getBoundingClientRect();
    const r = screen.getBoundingClientRect();
    // The bottom (the newest output and the prompt) first, then the top if it fits.
    if (r.bottom > box.bottom) this.aside.scrollTop += r.bottom - box.bottom;
    else if (r.top < box.top) this.aside.scrollTop -= Math.min(box.top - r.top, box.bottom - r.bottom);
  }

  private setupSplit(split: HTMLElement): void {
    const text = split.getAttribute('aria-label') ?? '';
    const apply = (value: number, save: boolean) => {
      const v = clampSplit(value);
      document.documentElement.style.setProperty('--cc-read', `${v}%`);
      split.setAttribute('aria-valuenow', String(v));
      split.setAttribute('aria-valuetext', `${v}% / ${100 - v}%`);
      split.title = text;
      if (save) {
        try {
          localStorage.setItem(SPLIT_KEY, String(v));
        } catch {
          /* storage blocked: the split lasts for this page only */
        }
      }
      return v;
    };
    let value = apply(readSplit(), false);
    split.addEventListener('keydown', (e) => {
      let next = value;
      if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') next = value - SPLIT_STEP;
      else if (e.key === 'ArrowRight' || e.key === 'ArrowUp') next = value + SPLIT_STEP;
      else if (e.key === 'Home') next = SPLIT_MIN;
      else if (e.key === 'End') next = SPLIT_MAX;
      else return;
      e.preventDefault();
      value = apply(next, true);
    });
    split.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      e.preventDefault();
      try {
        split.setPointerCapture(e.pointerId);
      } catch {
        return; // the pointer is already up (a press handed over late by lesson.ts)
      }
      split.dataset.dragging = '';
      const move = (ev: PointerEvent) => {
        const box = this.root.getBoundingClientRect();
        value = apply(((ev.clientX - box.left) / box.width) * 100, false);
      };
      const up = () => {
        delete split.dataset.dragging;
        split.removeEventListener('pointermove', move);
        split.removeEventListener('pointerup', up);
        split.removeEventListener('pointercancel', up);
        value = apply(value, true);
      };
      split.addEventListener('pointermove', move);
      split.addEventListener('pointerup', up);
      split.addEventListener('pointercancel', up);
    });
  }
}

/**
 * The page's offset and the innermost element of `reading` that crosses the top of the screen (or the first one below
 * it), with its distance from that top: an anchor that keeps its place in the text whatever renders above it.
 */
function placeOf(reading: Element | null): { y: number; anchor: Element | null; top: number } {
  let anchor: Element | null = null;
  for (let box: Element | null = reading; box; ) {
    let next: Element | null = null;
    for (const child of box.children) {
      const r = child.getBoundingClientRect();
      if (r.height > 0 && r.bottom > 0) {
        next = child;
        break;
      }
    }
    if (!next) break;
    anchor = next;
    // A child wholly below the top is the anchor; one across it has a finer anchor inside (a code frame not
    // rendered yet has no boxes inside and stays the anchor).
    box = next.getBoundingClientRect().top < 0 ? next : null;
  }
  return { y: scrollY, anchor, top: anchor?.getBoundingClientRect().top ?? 0 };
}

function readSplit(): number {
  try {
    const saved = localStorage.getItem(SPLIT_KEY);
    if (saved !== null) return clampSplit(Number(saved));
  } catch {
    /* storage blocked */
  }
  return SPLIT_DEFAULT;
}

/** Sets the layout up and handles the interaction that loaded it. */
export function init(root: HTMLElement): LessonLayout {
  const layout = new LessonLayout(root);
  root.dataset.ready = '';
  return layout;
}
