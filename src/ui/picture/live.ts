/**
 * The live Picture tab (loaded when opened): draws the simulator's latest snapshot with
 * the same renderer as the lessons' static figures, and redraws after every command.
 * Keyboard: Tab into the picture, arrow keys / Home / End move between nodes (one tab
 * stop, roving tabindex), Enter or Space (or a click) shows the commands that reveal that
 * fact, each with a Run button that sends it to the terminal (the cc:run event).
 * Under the picture, "Download SVG" and "Download PNG" save the view as drawn (without the
 * live form's focus attributes); the PNG button is served by element.ts, which loads png.ts
 * on the first click (so this chunk carries no dynamic import).
 */
import type { WorldSnapshot } from '../../sim/api.ts';
import { picture, PictureError, type Box, type Labels, type ViewName } from '../../sim/picture/index.ts';
import { downloadText } from '../exercise/download.ts';

interface Strings {
  idle: string;
  views: string;
  pick: string;
}

const RUN_EVENT = 'cc:run';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text = ''): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text) e.textContent = text;
  return e;
}

export class LivePicture {
  private view: ViewName = 'processes';
  private snapshot: WorldSnapshot | null = null;
  private boxes = new Map<string, Box>();
  private current = '';
  private readonly canvas: HTMLDivElement;
  private readonly detail: HTMLDivElement;
  private readonly alt: HTMLDivElement;
  private readonly actions: HTMLDivElement;
  private readonly tabs: HTMLButtonElement[] = [];
  /** Milliseconds the last redraw took (model, layout, SVG and DOM). */
  lastRedrawMs = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly L: Labels,
    private readonly strings: Strings,
    views: string[],
  ) {
    const bar = el('div', { role: 'tablist', 'aria-label': strings.views, class: 'cc-pic__views' });
    for (const v of views as ViewName[]) {
      const b = el(
        'button',
        {
          type: 'button',
          role: 'tab',
          'aria-selected': String(v === this.view),
          tabindex: v === this.view ? '0' : '-1',
          'data-view': v,
          class: 'cc-pic__view',
        },
        L[v],
      );
      b.addEventListener('click', () => this.select(v, true));
      b.addEventListener('keydown', (e) => this.tabKey(e));
      this.tabs.push(b);
      bar.append(b);
    }
    this.canvas = el('div', { class: 'cc-pic__canvas', 'data-role': 'canvas' });
    this.canvas.addEventListener('click', (e) => this.onNode(e));
    this.canvas.addEventListener('keydown', (e) => this.nodeKey(e));
    const hint = el('p', { class: 'cc-pic__hint' }, strings.pick);
    this.detail = el('div', { class: 'cc-pic__detail', 'data-role': 'detail', 'aria-live': 'polite' });
    const details = el('details', { class: 'cc-fig__alt' });
    details.append(el('summary', {}, L.textAlt));
    this.alt = el('div', { class: 'cc-fig__tables' });
    details.append(this.alt);
    this.actions = el('div', { class: 'cc-pic__actions', hidden: '' });
    const svgButton = el('button', { type: 'button', class: 'cc-pic__run', 'data-action': 'svg' }, L.download);
    svgButton.addEventListener('click', () => {
      const f = this.file();
      if (f) downloadText(`${f.name}.svg`, f.svg, 'image/svg+xml');
    });
    // Served by element.ts's delegated listener, which loads png.ts and asks file() for the SVG.
    const pngButton = el('button', { type: 'button', class: 'cc-pic__run', 'data-cc-png': '', 'data-failed': L.pngFailed }, L.downloadPng);
    const status = el('span', { role: 'status', class: 'cc-pic__status', 'data-role': 'png-status' });
    this.actions.append(svgButton, ' ', pngButton, ' ', status);
    root.replaceChildren(bar, this.canvas, hint, this.detail, details, this.actions);
  }

  /** The SVG file of the view on screen (the same drawing without the live form's attributes) and its name without extension. */
  file(): { svg: string; name: string } | null {
    if (!this.snapshot) return null;
    try {
      return { svg: picture(this.snapshot, this.view, this.L, { idPrefix: 'ccf' }).svg, name: this.view };
    } catch {
      return null; // the view has nothing to draw (the buttons are hidden then)
    }
  }

  private select(view: ViewName, focus: boolean): void {
    this.view = view;
    for (const b of this.tabs) {
      const on = b.dataset.view === view;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
      if (on && focus) b.focus();
    }
    this.current = '';
    this.detail.replaceChildren();
    this.update(this.snapshot);
  }

  private tabKey(e: KeyboardEvent): void {
    const i = this.tabs.findIndex((b) => b.dataset.view === this.view);
    const n = this.tabs.length;
    const next = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i - 1 + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    this.select(this.tabs[next]!.dataset.view as ViewName, true);
  }

  /** Redraws from a snapshot (null: the terminal has not started). */
  update(snap: WorldSnapshot | null): void {
    this.snapshot = snap;
    this.actions.hidden = true;
    if (!snap) {
      this.canvas.replaceChildren(el('p', { class: 'cc-pic__idle' }, this.strings.idle));
      return;
    }
    const t0 = performance.now();
    let pic;
    try {
      pic = picture(snap, this.view, this.L, { idPrefix: 'ccl', interactive: true });
    } catch (err) {
      this.canvas.replaceChildren(
        el('p', { class: 'cc-pic__idle' }, `${this.L.noState}: ${err instanceof PictureError && this.L.locale === 'zh-cn' ? err.zh : (err as Error).message}`),
      );
      this.alt.replaceChildren();
      return;
    }
    const hadFocus = this.canvas.contains(document.activeElement);
    this.boxes = new Map(pic.scene.boxes.filter((b) => b.reveal.length).map((b) => [b.id, b]));
    this.canvas.innerHTML = pic.svg;
    this.alt.innerHTML = pic.alt;
    this.actions.hidden = false;
    if (!this.boxes.has(this.current)) this.current = this.boxes.keys().next().value ?? '';
    const node = this.nodeEl(this.current);
    if (node) {
      node.setAttribute('tabindex', '0');
      if (hadFocus) node.focus();
    }
    this.canvas.dataset.view = this.view;
    this.lastRedrawMs = performance.now() - t0;
    this.root.dataset.redrawMs = this.lastRedrawMs.toFixed(2);
  }

  private nodeEl(id: string): SVGGElement | null {
    return id ? this.canvas.querySelector<SVGGElement>(`[data-node="${CSS.escape(id)}"]`) : null;
  }

  private nodes(): SVGGElement[] {
    return [...this.canvas.querySelectorAll<SVGGElement>('[data-node]')];
  }

  private move(to: SVGGElement | undefined): void {
    if (!to) return;
    this.nodeEl(this.current)?.setAttribute('tabindex', '-1');
    this.current = to.dataset.node ?? '';
    to.setAttribute('tabindex', '0');
    to.focus();
  }

  private nodeKey(e: KeyboardEvent): void {
    const target = (e.target as Element).closest<SVGGElement>('[data-node]');
    if (!target) return;
    const list = this.nodes();
    const i = list.indexOf(target);
    const step: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (e.key in step) {
      e.preventDefault();
      this.move(list[Math.max(0, Math.min(list.length - 1, i + (step[e.key] as number)))]);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      this.move(e.key === 'Home' ? list[0] : list[list.length - 1]);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.show(target);
    }
  }

  private onNode(e: MouseEvent): void {
    const target = (e.target as Element).closest<SVGGElement>('[data-node]');
    if (!target) return;
    this.move(target);
    this.show(target);
  }

  /** The node's fact in words and the commands that reveal it, each ready to run. */
  private show(node: SVGGElement): void {
    const box = this.boxes.get(node.dataset.node ?? '');
    if (!box) return;
    const list = el('ul', { class: 'cc-pic__commands' });
    for (const cmd of box.reveal) {
      const li = el('li');
      const code = el('code', {}, cmd);
      const run = el('button', { type: 'button', class: 'cc-pic__run', 'aria-label': `${this.L.run}: ${cmd}` }, `▶ ${this.L.run}`);
      run.addEventListener('click', () => document.dispatchEvent(new CustomEvent(RUN_EVENT, { detail: { command: cmd } })));
      li.append(run, ' ', code);
      list.append(li);
    }
    this.detail.replaceChildren(el('p', { class: 'cc-pic__fact' }, box.title), el('p', { class: 'cc-pic__reveal' }, this.L.reveal), list);
  }
}
