/**
 * <cc-picture>: the part of the live Picture tab that ships at page load. It keeps the
 * latest simulator snapshot from the terminal's events (cc:command after each command,
 * cc:reset after start and Reset; both bubble to the document) and loads the picture
 * code (live.ts) only when the learner opens the tab. It also carries the lesson figures'
 * "Download PNG" buttons (Figure.astro) and the live tab's: one delegated click listener,
 * and the PNG code (png.ts) loads on the first click.
 */
import type { WorldSnapshot } from '../../sim/api.ts';
import type { LivePicture } from './live.ts';

export class CcPicture extends HTMLElement {
  private snapshot: WorldSnapshot | null = null;
  private live: LivePicture | null = null;
  private loading: Promise<LivePicture> | null = null;

  connectedCallback(): void {
    document.addEventListener('cc:command', this.onState as EventListener);
    document.addEventListener('cc:reset', this.onState as EventListener);
    this.querySelector('[data-action="toggle"]')?.addEventListener('click', () => void this.toggle());
  }

  disconnectedCallback(): void {
    document.removeEventListener('cc:command', this.onState as EventListener);
    document.removeEventListener('cc:reset', this.onState as EventListener);
  }

  /** The live view's SVG file, for its "Download PNG" button. */
  file(): { svg: string; name: string } | null {
    return this.live?.file() ?? null;
  }

  private onState = (event: CustomEvent<{ snapshot?: WorldSnapshot }>): void => {
    if (!event.detail?.snapshot) return;
    this.snapshot = event.detail.snapshot;
    this.live?.update(this.snapshot);
  };

  private async toggle(): Promise<void> {
    const button = this.querySelector<HTMLButtonElement>('[data-action="toggle"]')!;
    const panel = this.querySelector<HTMLElement>('[data-role="panel"]')!;
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    if (!open) return;
    this.loading ??= import('./live.ts').then(
      ({ LivePicture }) =>
        new LivePicture(panel, JSON.parse(this.dataset.labels ?? '{}'), JSON.parse(this.dataset.strings ?? '{}'), (this.dataset.views ?? '').split(' ')),
    );
    this.live = await this.loading;
    this.live.update(this.snapshot);
    this.reveal(panel);
  }

  /**
   * In the phone's bottom sheet (or a workspace that scrolls) the picture opens below the
   * terminal: scroll that container, never the page, so the picture's top is in view.
   */
  private reveal(panel: HTMLElement): void {
    const box = this.closest<HTMLElement>('.cc-lesson__workspace');
    if (!box || box.scrollHeight <= box.clientHeight) return;
    const outer = box.getBoundingClientRect();
    const top = this.getBoundingClientRect().top; // the toggle, then the picture under it
    if (top < outer.top || panel.getBoundingClientRect().bottom > outer.bottom) box.scrollTop += top - outer.top - 8;
  }
}

if (!customElements.get('cc-picture')) {
  customElements.define('cc-picture', CcPicture);
  document.addEventListener('click', (e) => {
    const button = (e.target as Element | null)?.closest?.<HTMLButtonElement>('button[data-cc-png]');
    if (!button) return;
    const live = button.closest<CcPicture>('cc-picture');
    void import('./png.ts').then((m) => (live ? m.livePng(button, () => live.file()) : m.figurePng(button)));
  });
}
