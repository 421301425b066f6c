/**
 * Issue #13: the figures' colours in both themes (src/components/mdx/figure-theme.css) and
 * the light-theme fallbacks that svg.ts writes into every figure (what a downloaded SVG or
 * PNG shows). axe cannot judge SVG text (it reports color-contrast "incomplete" there), so
 * the WCAG ratios are computed here, for every pair the renderer draws.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { picture } from '../../src/sim/picture/index.ts';
import { figureWorld } from '../../src/components/mdx/figure-worlds.ts';
import { labels } from './helpers.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const css = readFileSync(join(ROOT, 'src/components/mdx/figure-theme.css'), 'utf8');
const svgSource = readFileSync(join(ROOT, 'src/sim/picture/svg.ts'), 'utf8');

/** The custom properties of one rule (the file holds only `--cc-fig-*: #rrggbb;` declarations). */
function block(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`figure-theme.css has no rule ${selector}`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--cc-fig-([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}
const THEMES = { light: block(':root'), dark: block(':root[data-theme="dark"]') };

const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
const channel = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
const luminance = ([r, g, b]: number[]) => 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
/** WCAG 2 contrast ratio of two colours. */
function contrast(a: number[], b: number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
/** `fg` painted at `alpha` over `bg`. */
const over = (fg: number[], bg: number[], alpha: number) => fg.map((v, i) => v * alpha + bg[i]! * (1 - alpha));

/** The fills text is drawn on (tones of svg.ts), the strokes that outline boxes, and the pattern opacities. */
const TEXT_ON = ['bg', 'plain', 'host', 'new', 'ctr', 'warn'];
const STROKES = ['line', 'faint', 'new-line', 'ctr-line', 'warn-line', 'on'];
const PATTERN_ALPHA = [0.35, 0.45, 0.4];

describe('figure colours', () => {
  it('both themes define the same variables', () => {
    expect(Object.keys(THEMES.dark).sort()).toEqual(Object.keys(THEMES.light).sort());
    expect(Object.keys(THEMES.light).length).toBe(14);
  });

  it('every fallback in svg.ts is the light theme’s value (a downloaded SVG or PNG is the light figure)', () => {
    const uses = [...svgSource.matchAll(/var\(--cc-fig-([\w-]+), (#[0-9a-f]{6})\)/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]);
    expect(uses.length).toBeGreaterThan(20);
    for (const [name, fallback] of uses) expect(`${name} ${fallback}`).toBe(`${name} ${THEMES.light[name!]}`);
  });

  for (const [theme, v] of Object.entries(THEMES)) {
    describe(`${theme} theme`, () => {
      it('text reaches 4.5:1 on every fill, and on the pattern a halo keeps off the glyphs', () => {
        for (const f of TEXT_ON) expect(contrast(rgb(v.ink!), rgb(v[f]!)), `ink on ${f}`).toBeGreaterThanOrEqual(4.5);
        expect(contrast(rgb(v['ink-on']!), rgb(v.on!)), 'ink-on on on').toBeGreaterThanOrEqual(4.5);
      });

      it('box outlines and bars reach 3:1 against the figure’s background', () => {
        for (const s of STROKES) expect(contrast(rgb(v[s]!), rgb(v.bg!)), `${s} on bg`).toBeGreaterThanOrEqual(3);
        expect(contrast(rgb(v.on!), rgb(v.host!)), 'a memory.current bar on its track').toBeGreaterThanOrEqual(3);
      });

      it('the patterns stand out from the fills they cover', () => {
        for (const f of ['host', 'new', 'ctr', 'warn']) {
          for (const a of PATTERN_ALPHA) expect(contrast(over(rgb(v.ink!), rgb(v[f]!), a), rgb(v[f]!)), `pattern at ${a} on ${f}`).toBeGreaterThanOrEqual(1.6);
        }
      });
    });
  }

  it('without the halo, a pattern line under dark-theme text would fall below 4.5:1 (why svg.ts draws one)', () => {
    const v = THEMES.dark;
    expect(contrast(rgb(v.ink!), over(rgb(v.ink!), rgb(v.new!), 0.35))).toBeLessThan(4.5);
  });

  it('the pods view gives every text over a pattern a halo in its box’s fill', async () => {
    const svg = picture(await figureWorld('pod'), 'pods', labels('en'), { idPrefix: 't' }).svg;
    const patterned = [...svg.matchAll(/<g class="cc-fig__node[^"]*">(?:(?!<\/g>).)*?fill="url\(#t-(?:dots|hatch)\)"(?:(?!<\/g>).)*?<\/g>/g)].map((m) => m[0]);
    expect(patterned.length).toBeGreaterThanOrEqual(3 * 8 - 8);
    for (const g of patterned) {
      const fill = /<rect [^>]*fill="(var\([^"]+\))"/.exec(g)![1];
      expect(g).toMatch(new RegExp(`<text [^>]*stroke="${fill!.replace(/[()]/g, '\\$&')}" stroke-width="3" stroke-linejoin="round" paint-order="stroke"`));
    }
  });
});
