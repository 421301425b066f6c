/**
 * The terminal's columns and rows before xterm opens (issue #14): what the fit addon would propose right after
 * `open()` on a terminal of that size, worked out from the same measurements, so the terminal is created at its
 * size. Its `open()` then draws the rows once at that size, and the fit after it (the next task)
 * finds nothing to change; before, `open()` built 80×24 rows and the fit in the same task resized them (the
 * start's largest task). A fit that does find a difference still resizes, as it did.
 *
 * The host's height must not come from its content: where it did (the terminal under a shell-goal exercise on a
 * wide screen, a panel as tall as what it holds), every row count was a fit of the screen its own rows made, and
 * the terminal kept the 24 rows xterm opens with before and the empty screen's 14 with this; the lines a Reset's
 * set-up printed scrolled out of sight (exercise-shell.spec). The layout gives it a height (lesson-layout.css).
 *
 * Sources (xterm.js@6.0.0, @xterm/addon-fit@0.11.0):
 * - the character: CharSizeService's TextMetricsMeasureStrategy.measure (src/browser/services/CharSizeService.ts):
 *   an OffscreenCanvas's `measureText('W')` in `${fontSize}px ${fontFamily}`; width, and ascent + descent
 * - the cell: DomRenderer._updateDimensions (src/browser/renderer/dom/DomRenderer.ts) with letterSpacing 0 and
 *   lineHeight 1 (xterm's defaults, which the session keeps), at the terminal's columns and rows, first
 *   xterm's default 80 and 24 (DEFAULT_OPTIONS, src/common/services/OptionsService.ts)
 * - the fit: FitAddon.proposeDimensions (addons/addon-fit/src/FitAddon.ts): the host's computed width and height,
 *   less the xterm element's padding (0: css/xterm.css) and the scroll bar's 14 px
 *   (ViewportConstants.DEFAULT_SCROLL_BAR_WIDTH, src/browser/shared/Constants.ts; scrollback is not 0)
 */

/** The terminal's font (session.ts), which the fit measures. */
export const FONT = { fontSize: 13, fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace' };
const DEFAULT_COLS = 80;
const DEFAULT_ROWS = 24;
const SCROLL_BAR_WIDTH = 14;

export interface Geometry {
  cols: number;
  rows: number;
}

/**
 * The fit of a terminal in `host`, or undefined where the fit addon would not resize (the host is not laid out,
 * e.g. in a hidden panel) or the canvas's font metrics are missing (xterm then measures with the DOM).
 */
export function fitGeometry(host: HTMLElement, fontSize: number, fontFamily: string): Geometry | undefined {
  let width: number;
  let height: number;
  try {
    const ctx = new OffscreenCanvas(100, 100).getContext('2d');
    if (!ctx) return undefined;
    ctx.font = `${fontSize}px ${fontFamily}`;
    const m = ctx.measureText('W');
    width = m.width;
    height = m.fontBoundingBoxAscent + m.fontBoundingBoxDescent;
  } catch {
    return undefined;
  }
  if (!(width > 0 && height > 0)) return undefined;
  const dpr = window.devicePixelRatio;
  const style = getComputedStyle(host);
  const available = { height: parseInt(style.getPropertyValue('height'), 10), width: Math.max(0, parseInt(style.getPropertyValue('width'), 10)) };
  // The CSS cell depends on the terminal's columns and rows (the canvas's rounding): the fit after open() sums
  // with the size the terminal was created at, so the size is worked out again from the one found until the
  // two agree (once or twice; a third time stops the rare one that alternates).
  let size: Geometry = { cols: DEFAULT_COLS, rows: DEFAULT_ROWS };
  for (let i = 0; i < 3; i++) {
    // _updateDimensions, in its order: the device cell (the character's width; its height rounded up, times
    // lineHeight 1), the canvas of all cells in CSS pixels rounded, and the CSS cell as that canvas over the cells.
    const cellWidth = Math.round((width * dpr * size.cols) / dpr) / size.cols;
    const cellHeight = Math.round((Math.ceil(height * dpr) * size.rows) / dpr) / size.rows;
    const cols = Math.max(2, Math.floor((available.width - SCROLL_BAR_WIDTH) / cellWidth));
    const rows = Math.max(1, Math.floor(available.height / cellHeight));
    if (Number.isNaN(cols) || Number.isNaN(rows) || !(cellWidth > 0 && cellHeight > 0)) return undefined;
    if (cols === size.cols && rows === size.rows) break;
    size = { cols, rows };
  }
  return size;
}
