/**
 * Measures the printable ASCII characters' widths for xterm's DOM renderer in one layout (issue #14).
 *
 * xterm.js 6's DOM renderer spaces each character by its measured width (xterm.js@6.0.0:
 * src/browser/renderer/dom/WidthCache.ts, used by DomRendererRowFactory.createRow): the first time a row
 * shows a character, `_measure` writes it (32 times) into a hidden span and reads `offsetWidth`, a forced
 * style and layout pass, one per new character, while rows are being replaced. On a lesson page that was
 * the largest part of the task drawing the first prompt (scripts/trace-start.ts). Here the same spans (clones
 * of the cache's own regular measuring span, in its container: same font, class and styles) get all the
 * characters from space to `~` at once, and are read after the last write: one layout. The widths go into the
 * cache's table for the regular style, which is exactly where `_measure`'s results go; the bold and italic
 * styles, and other characters, are measured by xterm as before.
 *
 * The cache is xterm's internal state (Terminal._core._renderService._renderer.value._widthCache): if its
 * shape is not the one described (another xterm version), nothing is done and xterm measures as it did.
 */
import type { Terminal } from '@xterm/xterm';

/** WidthCacheSettings.FLAT_UNSET and .REPEAT (xterm.js@6.0.0:src/browser/renderer/dom/WidthCache.ts). */
const UNSET = -9999;
const REPEAT = 32;

interface WidthCacheShape {
  _flat?: unknown;
  _measureElements?: unknown;
}

/** Fills the regular style's widths of ' ' to '~'; false when xterm's cache is not there or not as expected. */
export function measureAscii(term: Terminal): boolean {
  type Core = { _core?: { _renderService?: { _renderer?: { value?: { _widthCache?: WidthCacheShape } } } } };
  const cache = (term as unknown as Core)._core?._renderService?._renderer?.value?._widthCache;
  const flat = cache?._flat;
  const regular = Array.isArray(cache?._measureElements) ? (cache._measureElements[0] as unknown) : undefined;
  if (!(flat instanceof Float32Array) || flat.length < 127 || !(regular instanceof HTMLElement) || !regular.parentElement) return false;
  const spans: [number, HTMLElement][] = [];
  for (let code = 32; code < 127; code++) {
    if (flat[code] !== UNSET) continue;
    const span = regular.cloneNode() as HTMLElement;
    span.textContent = String.fromCharCode(code).repeat(REPEAT);
    spans.push([code, span]);
  }
  regular.parentElement.append(...spans.map(([, span]) => span));
  for (const [code, span] of spans) {
    const width = span.offsetWidth / REPEAT; // the first read lays out; the others read its result
    if (width > 0) flat[code] = width; // as WidthCache.get keeps only a width > 0
  }
  for (const [, span] of spans) span.remove();
  return true;
}

/**
 * xterm's character size measured as its renderer is created, not after (issue #14). `open()` creates the
 * DOM renderer (which reads the character size for its cell and measures 'W' for its letter spacing, a
 * forced layout) and measures the character size only afterwards (xterm.js@6.0.0:
 * src/browser/CoreBrowserTerminal.ts open(): `_onWillOpen`, `_createRenderer()`, then `_charSizeService.measure()`);
 * the size going from 0 to the font's makes the renderer work out its dimensions again, clear its width cache and
 * measure 'W' again (DomRenderer.handleCharSizeChanged), all inside open(). Measured at `onWillOpen` (the service
 * is there, the renderer not yet: nothing listens but the render service, which has no renderer to tell), the
 * renderer starts from the right size and the later measure finds no change. Without those internals, nothing
 * is done.
 */
export function measureCharBeforeRenderer(term: Terminal): void {
  type Core = { _core?: { onWillOpen?: (listener: () => void) => { dispose(): void }; _charSizeService?: { measure?: unknown } } };
  const core = (term as unknown as Core)._core;
  if (typeof core?.onWillOpen !== 'function') return;
  const listener = core.onWillOpen(() => {
    listener.dispose();
    const service = core._charSizeService;
    if (typeof service?.measure === 'function') service.measure();
  });
}
