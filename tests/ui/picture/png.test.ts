/** Issue #13: the pure parts of "Download PNG" (src/ui/picture/png.ts); the drawing itself is checked in Chromium (tests/e2e/picture-png.spec.ts). */
import { describe, expect, it } from 'vitest';
import { labels } from '../../picture/helpers.ts';
import { PNG_BACKGROUND, PNG_SCALE, pngName, pngSize, svgDataUrl } from '../../../src/ui/picture/png.ts';

describe('PNG of a figure', () => {
  it('is named like the SVG, with .png', () => {
    expect(pngName('layers-1x2y3z.svg')).toBe('layers-1x2y3z.png');
    expect(pngName('pods.SVG')).toBe('pods.png');
    expect(pngName('processes')).toBe('processes.png');
  });

  it('has twice the figure’s size, the same ratio, on white', () => {
    expect(PNG_SCALE).toBe(2);
    expect(PNG_BACKGROUND).toBe('#ffffff');
    expect(pngSize(1000, 378)).toEqual({ width: 2000, height: 756 });
    expect(pngSize(990, 321.5)).toEqual({ width: 1980, height: 643 });
  });

  it('lowers the density of a figure so large that a side would pass 8192 pixels, keeping the ratio', () => {
    const s = pngSize(1000, 6000);
    expect(s).toEqual({ width: 1365, height: 8192 });
    expect(s.width / s.height).toBeCloseTo(1000 / 6000, 3);
  });

  it('refuses a figure without a size, naming it', () => {
    expect(() => pngSize(0, 300)).toThrow('the figure has no size (0×300)');
    expect(() => pngSize(Number.NaN, 300)).toThrow('the figure has no size (NaN×300)');
  });

  it('loads the SVG from a data: URL that keeps every character (the CSP allows data: images, not blob:)', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>进程 #1 & 100%</text></svg>';
    const url = svgDataUrl(svg);
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(svg);
  });

  it('has its button labels in both locales', () => {
    const en = labels('en');
    const zh = labels('zh-cn');
    expect([en.download, en.downloadPng, en.pngFailed]).toEqual(['Download SVG', 'Download PNG', 'The PNG could not be made']);
    expect([zh.download, zh.downloadPng, zh.pngFailed]).toEqual(['下载 SVG', '下载 PNG', '无法生成 PNG']);
  });
});
