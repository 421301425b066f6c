/**
 * xterm's serialize addon (the saved screen, storage.ts), loaded after the first prompt instead of with the
 * terminal (issue #14). The first prompt does not need it, and its module is not small to evaluate: it brings
 * its own copy of xterm's colour code, whose 256-colour palette is computed (on a canvas) as the module runs,
 * in the task that starts the terminal. Loaded when the main thread is idle after the first prompt; a save
 * that comes sooner waits for it (session.ts scheduleSave, ready).
 */
import type { Terminal } from '@xterm/xterm';
import type { SerializeAddon } from '@xterm/addon-serialize';

export class ScreenSerializer {
  private addon: SerializeAddon | null = null;
  private loading: Promise<SerializeAddon> | null = null;

  constructor(private readonly term: Terminal) {}

  /** Loads the addon when the main thread is idle (a zero timeout where requestIdleCallback is missing). */
  soon(): void {
    const later = globalThis.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 0));
    later(() => void this.load().catch(() => undefined));
  }

  /** The addon, loaded (once) and attached to the terminal. A failed fetch is tried again on the next call. */
  load(): Promise<SerializeAddon> {
    this.loading ??= import('@xterm/addon-serialize').then(
      ({ SerializeAddon }) => {
        const addon = new SerializeAddon();
        this.term.loadAddon(addon);
        this.addon = addon;
        return addon;
      },
      (err: unknown) => {
        this.loading = null;
        throw err;
      },
    );
    return this.loading;
  }

  /** Resolves once the addon is loaded, or its load failed (then the screen saves as empty: the lines still replay). */
  ready(): Promise<void> {
    return this.addon
      ? Promise.resolve()
      : this.load().then(
          () => undefined,
          () => undefined,
        );
  }

  /** The screen and up to `scrollback` lines above it as escape sequences; null while the addon is not loaded. */
  serialize(scrollback: number): string | null {
    return this.addon ? this.addon.serialize({ scrollback }) : null;
  }
}
