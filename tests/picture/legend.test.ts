/**
 * Issue #13: the legend stays readable in Chinese. Its items are placed by an estimate of
 * each text's width (the SVG is made at build time, without fonts): a CJK character is 1em
 * wide in every CJK font, so "与主机共享" at 11px takes 55px, not 5 × 6.4.
 */
import { describe, expect, it } from 'vitest';
import { picture } from '../../src/sim/picture/index.ts';
import { textWidth } from '../../src/sim/picture/scene.ts';
import { figureWorld } from '../../src/components/mdx/figure-worlds.ts';
import { labels } from './helpers.ts';

describe('legend layout', () => {
  it('counts a CJK character (and full-width punctuation) as 1em, any other as the narrow advance', () => {
    expect(textWidth('与主机共享', 11, 6.4)).toBe(55);
    expect(textWidth('由沙箱持有，Pod 内共享', 11, 6.4)).toBeCloseTo(9 * 11 + 4 * 6.4, 6);
    expect(textWidth('shared with the host', 11, 6.4)).toBeCloseTo(20 * 6.4, 6);
    expect(textWidth('', 11, 6.4)).toBe(0);
  });

  for (const locale of ['en', 'zh-cn'] as const) {
    it(`${locale}: each legend swatch starts at least 12px after the text before it ends`, async () => {
      const svg = picture(await figureWorld('pod'), 'pods', labels(locale), { idPrefix: 'l' }).svg;
      const items = [
        ...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="16" height="12"[^>]*\/>(?:<rect [^>]*\/>)?<text x="([\d.]+)"[^>]*>([^<]+)<\/text>/g),
      ].map((m) => ({ swatch: Number(m[1]), text: Number(m[2]), label: m[3]! }));
      expect(items.map((i) => i.label)).toEqual([labels(locale).shared, labels(locale).podShared, labels(locale).ownNs]);
      for (let i = 1; i < items.length; i++) {
        const prev = items[i - 1]!;
        expect(items[i]!.swatch - (prev.text + textWidth(prev.label, 11, 6.4)), `${prev.label} → ${items[i]!.label}`).toBeGreaterThanOrEqual(11.9);
      }
    });
  }
});
