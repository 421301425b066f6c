/**
 * The lesson page layout, at load (src/components/TwoColumnContent.astro, styles in
 * src/styles/lesson-layout.css). Kept small for the reading page's JS budget (issue #14):
 * the layout's behaviour (divider, full screen, bottom sheet, keeping the prompt in view)
 * is in interactions.ts, loaded at the learner's first pointer, touch, focus or key, or the
 * first Run. A click or key on the layout's own controls that comes before it has loaded
 * is handed to it once it has. Here: the lesson list's drawer and the visit record for the
 * progress marks (Esc out of the editor comes with the editor: src/ui/editor/escape.ts).
 */
import { recordVisit } from '../progress/marks.ts';
import type { LessonLayout } from './interactions.ts';

const desktop = matchMedia('(min-width: 50rem)');
/** The layout's own controls: their first events wait for interactions.ts. */
const CONTROLS = '[data-action="open"], [data-action="full"], [data-action="back"], [data-action="to-workspace"], .cc-split';
const WARM = ['pointerover', 'focusin', 'keydown', 'touchstart'] as const;
const EARLY = ['click', 'keydown', 'pointerdown'] as const;

function setup(root: HTMLElement): void {
  // The divider's value as the learner left it (the split itself is set before the first paint, in Head.astro).
  try {
    const saved = Number(localStorage.getItem('cc:split'));
    if (saved >= 30 && saved <= 70) root.querySelector('.cc-split')?.setAttribute('aria-valuenow', String(Math.round(saved)));
  } catch {
    /* storage blocked: the default split */
  }
  let layout: Promise<LessonLayout> | null = null;
  const pending: Event[] = [];
  const warm = () => void load();
  const early = (e: Event) => {
    const control = (e.target as Element | null)?.closest?.(CONTROLS);
    if (!control) return;
    const split = control.classList.contains('cc-split');
    if (e.type === 'keydown' && !(split && /^(Arrow|Home$|End$)/.test((e as KeyboardEvent).key))) return;
    if (e.type === 'pointerdown' && !split) return;
    // What must not happen by default cannot wait: following the skip link, scrolling, selecting.
    e.preventDefault();
    e.stopImmediatePropagation();
    pending.push(e);
    void load();
  };
  const load = () =>
    (layout ??= import('./interactions.ts').then((m) => {
      const l = m.init(root);
      for (const type of WARM) document.removeEventListener(type, warm, true);
      for (const type of EARLY) root.removeEventListener(type, early, true);
      // Hand over what came early, as if it came now.
      for (const e of pending.splice(0)) e.target?.dispatchEvent(new (e.constructor as typeof Event)(e.type, e));
      return l;
    }));
  for (const type of WARM) document.addEventListener(type, warm, { capture: true, passive: true });
  for (const type of EARLY) root.addEventListener(type, early, true);
  document.addEventListener('cc:run', () => void load().then((l) => l.revealTerminal()));
  // "Open in the workspace" on an exercise card opens the sheet on a narrow screen, also when
  // the card is pressed before interactions.ts has loaded (a slow phone's first tap).
  document.addEventListener('click', (e) => {
    if ((e.target as Element | null)?.closest?.('[data-cc-open-exercise]')) void load().then((l) => l.openSheet(false));
  });
  setupDrawer(root);
}

/**
 * On lesson pages the lesson list is a drawer on wide screens too: Starlight's sidebar pane
 * stays a popover (Starlight drops the attribute at ≥ 50rem; it comes back here), opened by
 * the "Lessons" button at the top of the text. Esc and a click outside close it.
 */
function setupDrawer(root: HTMLElement): void {
  const button = root.querySelector<HTMLButtonElement>('.cc-drawer-btn');
  if (!button) return;
  void customElements.whenDefined('sl-sidebar-pane').then(() => {
    const pane = document.getElementById('starlight__sidebar');
    if (!pane) return;
    const keep = () => {
      if (!pane.popover) pane.popover = 'auto';
    };
    keep();
    desktop.addEventListener('change', keep);
    button.setAttribute('aria-expanded', 'false');
    pane.addEventListener('toggle', (e) => {
      const open = (e as ToggleEvent).newState === 'open';
      button.setAttribute('aria-expanded', String(open));
      if (open && desktop.matches) {
        const current = pane.querySelector<HTMLElement>('a[aria-current="page"]') ?? pane.querySelector<HTMLElement>('a[href]');
        current?.focus({ preventScroll: true });
        current?.scrollIntoView({ block: 'center' });
      } else if (!open && (pane.contains(document.activeElement) || document.activeElement === document.body) && desktop.matches) {
        button.focus({ preventScroll: true });
      }
    });
  });
}

const root = document.querySelector<HTMLElement>('[data-cc-layout]');
if (root) setup(root);
recordVisit();
