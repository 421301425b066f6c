/**
 * "Download PNG" (issue #13): the very SVG that "Download SVG" saves, drawn by the browser
 * onto a canvas at twice its size over a white background, and saved as `<name>.png`.
 * This module loads on the first click, from one listener in the Workspace script
 * (src/ui/picture/element.ts) that serves the static figures' buttons and the live tab's.
 *
 * - Rasterized in the browser, not at build time: the labels are drawn with the reader's
 *   own fonts, exactly as the figure on the page, so Chinese labels need no CJK font on
 *   the build machine (a fresh CI machine has none and would draw tofu).
 * - Light colours on white, in either theme: the SVG file carries the light theme (its
 *   CSS variables' fallbacks, see svg.ts), and the PNG is the same picture. A white
 *   picture prints without a page of ink and reads the same wherever it is pasted.
 */
import { downloadBlob } from '../exercise/download.ts';

/** Pixels per CSS pixel of the figure (a sharp picture on a high-density screen or paper). */
export const PNG_SCALE = 2;
/** Canvas sides larger than this fail in some browsers; a huge figure gets a lower density. */
const MAX_SIDE = 8192;
/** The solid background under the picture (the SVG file's own background is this white). */
export const PNG_BACKGROUND = '#ffffff';

/** The PNG's file name for an SVG's: `layers-1x2y.svg` → `layers-1x2y.png`. */
export function pngName(svgName: string): string {
  return `${svgName.replace(/\.svg$/i, '')}.png`;
}

/** The PNG's pixel size for a figure of `width`×`height` CSS pixels: PNG_SCALE, less if a side would pass MAX_SIDE. */
export function pngSize(width: number, height: number, scale = PNG_SCALE): { width: number; height: number } {
  if (!(width > 0 && height > 0)) throw new Error(`the figure has no size (${width}×${height})`);
  const s = Math.min(scale, MAX_SIDE / width, MAX_SIDE / height);
  return { width: Math.round(width * s), height: Math.round(height * s) };
}

/** An SVG document as a data: URL (the page's CSP allows data: images; blob: ones it does not). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** Draws an SVG (a data: URL) into a PNG blob. */
export async function svgToPng(src: string): Promise<Blob> {
  const img = new Image();
  img.src = src;
  await img.decode();
  const size = pngSize(img.naturalWidth, img.naturalHeight);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser gives no 2D canvas');
  ctx.fillStyle = PNG_BACKGROUND;
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.drawImage(img, 0, 0, size.width, size.height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas made no PNG'))), 'image/png'));
}

/** Makes the PNG of an SVG (a data: URL) and saves it under `fileName`. */
export async function downloadPng(src: string, fileName: string): Promise<void> {
  downloadBlob(fileName, await svgToPng(src));
}

/**
 * One "Download PNG" button's click: busy while the PNG is made; a failure is said in the
 * button's sibling status ([data-role="png-status"]), in the page's language (the button's
 * data-failed), with the reason.
 */
export async function pngFor(button: HTMLButtonElement, source: () => { src: string; name: string } | null): Promise<void> {
  const status = button.parentElement?.querySelector<HTMLElement>('[data-role="png-status"]');
  if (button.getAttribute('aria-busy') === 'true') return;
  button.setAttribute('aria-busy', 'true');
  try {
    const from = source();
    if (!from) throw new Error('there is no picture to save');
    await downloadPng(from.src, from.name);
    if (status) status.textContent = '';
  } catch (err) {
    if (status) status.textContent = `${button.dataset.failed ?? 'PNG'}: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    button.removeAttribute('aria-busy');
  }
}

/** A static figure's button: its "Download SVG" link gives the SVG (a data: URL) and the file name. */
export function figurePng(button: HTMLButtonElement): Promise<void> {
  return pngFor(button, () => {
    const link = button.closest('figure')?.querySelector<HTMLAnchorElement>('a[download]');
    return link ? { src: link.href, name: pngName(link.download) } : null;
  });
}

/** The live tab's button: the view on screen, as its SVG file. */
export function livePng(button: HTMLButtonElement, file: () => { svg: string; name: string } | null): Promise<void> {
  return pngFor(button, () => {
    const f = file();
    return f ? { src: svgDataUrl(f.svg), name: `${f.name}.png` } : null;
  });
}
