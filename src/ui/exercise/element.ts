/**
 * <cc-workspace>: the part of the lesson workspace that ships at page load. It runs the
 * tabs (Terminal | each exercise), opens an exercise from its card in the reading column,
 * shows done marks, storage problems and the export/import buttons. The exercise panels
 * (editor, checker, goals, quiz) load on demand from panel.ts.
 */
import { PROBLEM_EVENT, PROGRESS_EVENT, readProgress, type StorageProblem } from '../progress/store.ts';
import type { CommandEventDetail } from '../terminal/session.ts';
import './exercise.css';

export type Strings = Record<string, string>;

export interface PanelContext {
  strings: Strings;
  locale: 'en' | 'zh-cn';
  courseVersion: string;
  terminal: () => HTMLElement | null;
}

interface Mounted {
  onCommand?(detail: CommandEventDetail): void;
  onReset?(detail: { snapshot: CommandEventDetail['snapshot'] }): void;
  shown?(): void;
  focus?(): void;
}

const TAB_KEY = 'cc:ws-tab';

export class CcWorkspace extends HTMLElement {
  private strings: Strings = {};
  private mounted = new Map<string, Promise<Mounted | null>>();
  /** The terminal's latest state, handed to a shell-goal panel that mounts later. */
  private lastSnapshot: { snapshot: CommandEventDetail['snapshot'] } | null = null;

  connectedCallback(): void {
    this.strings = JSON.parse(this.dataset.strings ?? '{}') as Strings;
    for (const tab of this.tabs()) {
      tab.addEventListener('click', () => this.select(tab.dataset.tab!, false));
      tab.addEventListener('keydown', (e) => this.onTabKey(e, tab));
    }
    document.addEventListener('click', this.onCardClick);
    document.addEventListener('pointerover', this.onPrefetch);
    document.addEventListener('focusin', this.onPrefetch);
    document.addEventListener('cc:command', this.onCommand as EventListener);
    document.addEventListener('cc:reset', this.onReset as EventListener);
    addEventListener(PROGRESS_EVENT, this.renderDone);
    addEventListener(PROBLEM_EVENT, this.onProblem as EventListener);
    this.querySelector('[data-action="export"]')?.addEventListener('click', () => void this.transfer().then((m) => m.exportProgress(this.transferUi())));
    this.querySelector('[data-action="import"]')?.addEventListener('click', () => this.querySelector<HTMLInputElement>('[data-role="import-file"]')?.click());
    this.querySelector<HTMLInputElement>('[data-role="import-file"]')?.addEventListener(
      'change',
      (e) => void this.transfer().then((m) => m.importProgress(e.target as HTMLInputElement, this.transferUi())),
    );
    this.renderDone();
    const { problem } = readProgress();
    if (problem) this.showProblem(problem);
    const saved = sessionValue(this.tabKey());
    if (saved && saved !== 'terminal' && this.tabs().some((t) => t.dataset.tab === saved)) this.select(saved, false);
  }

  disconnectedCallback(): void {
    document.removeEventListener('click', this.onCardClick);
    document.removeEventListener('pointerover', this.onPrefetch);
    document.removeEventListener('focusin', this.onPrefetch);
    document.removeEventListener('cc:command', this.onCommand as EventListener);
    document.removeEventListener('cc:reset', this.onReset as EventListener);
    removeEventListener(PROGRESS_EVENT, this.renderDone);
    removeEventListener(PROBLEM_EVENT, this.onProblem as EventListener);
  }

  private tabKey(): string {
    return `${TAB_KEY}:${location.pathname.replace(/^\/zh-cn/, '')}`;
  }

  private tabs(): HTMLButtonElement[] {
    return [...this.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  }

  private panelOf(id: string): HTMLElement | null {
    return id === 'terminal' ? this.querySelector('[data-panel="terminal"]') : this.querySelector(`[data-exercise="${CSS.escape(id)}"]`);
  }

  /** Shows the tab's panel; a shell-goal exercise keeps the terminal visible under it. */
  select(id: string, focusPanel: boolean): void {
    const tabs = this.tabs();
    const target = tabs.find((t) => t.dataset.tab === id);
    if (!target) return;
    for (const tab of tabs) {
      const on = tab === target;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      const panel = this.panelOf(tab.dataset.tab!);
      if (panel) panel.hidden = !on;
    }
    if (target.dataset.kind === 'shell-goal') this.panelOf('terminal')!.hidden = false;
    setSessionValue(this.tabKey(), id);
    if (id !== 'terminal') {
      void this.mount(id).then((m) => {
        m?.shown?.();
        if (focusPanel) m?.focus?.();
      });
    }
  }

  private onTabKey(e: KeyboardEvent, tab: HTMLButtonElement): void {
    const tabs = this.tabs();
    const i = tabs.indexOf(tab);
    let next = -1;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    tabs[next]!.focus();
    this.select(tabs[next]!.dataset.tab!, false);
  }

  private onCardClick = (e: MouseEvent): void => {
    const button = (e.target as Element | null)?.closest?.<HTMLElement>('[data-cc-open-exercise]');
    if (!button) return;
    const id = button.dataset.ccOpenExercise!;
    this.select(id, true);
    this.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };

  private prefetched = new Set<string>();

  /** A pointer over (or focus on) an exercise's card button or tab: its code loads before the click (panel.ts). */
  private onPrefetch = (e: Event): void => {
    const el = (e.target as Element | null)?.closest?.<HTMLElement>('[data-cc-open-exercise], cc-workspace [role="tab"]');
    const id = el?.dataset.ccOpenExercise ?? el?.dataset.tab;
    if (!id || id === 'terminal' || this.prefetched.has(id) || this.mounted.has(id)) return;
    this.prefetched.add(id);
    const panel = this.panelOf(id);
    const exercise = () => JSON.parse(panel?.querySelector('[data-role="exercise"]')?.textContent ?? '{}');
    import('./panel.ts').then((m) => m.prefetch(panel?.dataset.kind, exercise)).catch(() => this.prefetched.delete(id));
  };

  /** Loads and mounts an exercise panel once. */
  mount(id: string): Promise<Mounted | null> {
    let m = this.mounted.get(id);
    if (m) return m;
    const panel = this.panelOf(id)!;
    const body = panel.querySelector<HTMLElement>('[data-role="body"]')!;
    body.setAttribute('aria-busy', 'true');
    body.textContent = this.strings['cc.exercise.loading'] ?? '';
    const ctx: PanelContext = {
      strings: this.strings,
      locale: this.dataset.locale === 'zh-cn' ? 'zh-cn' : 'en',
      courseVersion: this.dataset.courseVersion ?? '',
      terminal: () => this.querySelector('cc-terminal'),
    };
    m = import('./panel.ts')
      .then(async ({ mountExercise }) => {
        const exercise = JSON.parse(panel.querySelector('[data-role="exercise"]')!.textContent ?? '{}');
        const mounted = await mountExercise(body, exercise, ctx);
        body.removeAttribute('aria-busy');
        if (this.lastSnapshot) mounted.onReset?.(this.lastSnapshot);
        return mounted;
      })
      .catch((err: unknown) => {
        console.error('cc-workspace: the exercise could not load', err);
        body.removeAttribute('aria-busy');
        body.textContent = this.strings['cc.exercise.loadFailed'] ?? '';
        this.mounted.delete(id);
        return null;
      });
    this.mounted.set(id, m);
    return m;
  }

  private shellGoalIds(): string[] {
    return [...this.querySelectorAll<HTMLElement>('[data-exercise][data-kind="shell-goal"]')].map((p) => p.dataset.exercise!);
  }

  /** Shell goals are checked after every command, whether or not their tab is open. */
  private onCommand = (e: CustomEvent<CommandEventDetail>): void => {
    this.lastSnapshot = e.detail;
    for (const id of this.shellGoalIds()) {
      const known = this.mounted.get(id);
      if (known) void known.then((m) => m?.onCommand?.(e.detail));
      else void this.mount(id);
    }
  };

  private onReset = (e: CustomEvent<{ snapshot: CommandEventDetail['snapshot'] }>): void => {
    this.lastSnapshot = e.detail;
    for (const id of this.shellGoalIds()) {
      const known = this.mounted.get(id);
      if (known) void known.then((m) => m?.onReset?.(e.detail));
      else void this.mount(id);
    }
  };

  private renderDone = (): void => {
    const { progress } = readProgress();
    for (const el of document.querySelectorAll<HTMLElement>('[data-done-for]')) {
      el.hidden = progress.exercises[el.dataset.doneFor!]?.status !== 'passed';
    }
  };

  private onProblem = (e: CustomEvent<StorageProblem>): void => this.showProblem(e.detail);

  private showProblem(problem: StorageProblem): void {
    const box = this.querySelector<HTMLElement>('[data-role="storage-problem"]');
    if (!box || !problem) return;
    box.textContent = this.strings[`cc.progress.problem.${problem}`] ?? problem;
    box.hidden = false;
  }

  /** Export and import load their code at the first press (progress/transfer-ui.ts). */
  private transfer(): Promise<typeof import('../progress/transfer-ui.ts')> {
    return import('../progress/transfer-ui.ts');
  }

  private transferUi(): import('../progress/transfer-ui.ts').TransferUi {
    return {
      strings: this.strings,
      showProblem: (problem) => this.showProblem(problem),
      status: (text) => {
        const el = this.querySelector<HTMLElement>('[data-role="progress-status"]');
        if (el) el.textContent = text;
      },
    };
  }
}

function sessionValue(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function setSessionValue(key: string, value: string): void {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    /* the open tab is a convenience; nothing to report */
  }
}

if (!customElements.get('cc-workspace')) customElements.define('cc-workspace', CcWorkspace);
