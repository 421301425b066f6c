/**
 * The <site-search> element of src/components/Search.astro: Starlight's search modal, with
 * Pagefind's UI (pagefind.ts) loaded only when the learner reaches for search (focus or hover
 * on the button, a click, Ctrl+K / ⌘K or "/"). Keys typed while it loads are kept and put in
 * the search field.
 */
class SiteSearch extends HTMLElement {
  private ui: Promise<void> | null = null;
  private pagefind: { triggerSearch(term: string): void } | null = null;

  constructor() {
    super();
    const openBtn = this.querySelector<HTMLButtonElement>('button[data-open-modal]')!;
    const closeBtn = this.querySelector<HTMLButtonElement>('button[data-close-modal]')!;
    const dialog = this.querySelector('dialog')!;
    const dialogFrame = this.querySelector('.dialog-frame')!;
    /** Printable keys typed after opening, before the search field exists. */
    let pending = '';

    /** Close the modal if a user clicks on a link or outside of the modal. */
    const onClick = (event: MouseEvent) => {
      const isLink = 'href' in (event.target || {});
      if (isLink || (document.body.contains(event.target as Node) && !dialogFrame.contains(event.target as Node))) {
        closeModal();
      }
    };

    const focusInput = () => {
      const input = this.querySelector<HTMLInputElement>('#starlight__search input');
      if (!input || !dialog.open) return;
      input.focus();
      if (pending && this.pagefind) {
        this.pagefind.triggerSearch(input.value + pending);
        pending = '';
      }
    };

    const openModal = (event?: Event) => {
      dialog.showModal();
      document.body.toggleAttribute('data-search-modal-open', true);
      event?.stopPropagation();
      window.addEventListener('click', onClick);
      void this.loadUi().then(focusInput);
      focusInput();
    };

    const closeModal = () => dialog.close();

    openBtn.addEventListener('click', openModal);
    // Reaching for the button starts the download, so the UI is usually there by the click.
    openBtn.addEventListener('focus', () => void this.loadUi(), { once: true });
    openBtn.addEventListener('pointerenter', () => void this.loadUi(), { once: true });
    openBtn.disabled = false;
    closeBtn.addEventListener('click', closeModal);

    dialog.addEventListener('close', () => {
      pending = '';
      document.body.toggleAttribute('data-search-modal-open', false);
      window.removeEventListener('click', onClick);
    });
    dialog.addEventListener('keydown', (e) => {
      const typing = !this.querySelector('#starlight__search input');
      if (typing && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
        pending += e.key;
        e.preventDefault();
      }
    });

    // Ctrl+K and ⌘K toggle the search; "/" opens it when the learner is not typing somewhere.
    window.addEventListener('keydown', (e) => {
      if ((e.metaKey === true || e.ctrlKey === true) && e.key === 'k') {
        dialog.open ? closeModal() : openModal();
        e.preventDefault();
      } else if (e.key === '/' && !dialog.open && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target)) {
        openModal();
        e.preventDefault();
      }
    });
  }

  /** Loads and mounts Pagefind's UI (pagefind.ts), once. */
  loadUi(): Promise<void> {
    if (import.meta.env.DEV) return Promise.resolve();
    this.ui ??= import('./pagefind.ts')
      .then(({ mountSearch }) => {
        this.pagefind = mountSearch(this);
        this.dataset.ready = '';
      })
      .catch((err) => {
        console.error('site-search: the search could not load', err);
        this.ui = null;
      });
    return this.ui;
  }
}

/** Whether a key press goes to a field, an editor or the terminal (so "/" is text there). */
function isTyping(target: EventTarget | null): boolean {
  const el = target instanceof Element ? target : null;
  return Boolean(el?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .xterm, .monaco-editor'));
}

customElements.define('site-search', SiteSearch);
