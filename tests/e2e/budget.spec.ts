import { test, expect, LESSON1, LESSON1_ZH } from './fixtures.ts';
import { countJs, kb } from '../../scripts/lib/browser.ts';

/** Issue #2: a reading page ships at most 40 KB (gzip) of JavaScript at load. */
const BUDGET_GZIP = 40 * 1024;

for (const path of ['/', '/zh-cn/', LESSON1, LESSON1_ZH, '/glossary/']) {
  test(`${path} ships at most 40 KB gzip of JS at load`, async ({ page }) => {
    const js = await countJs(page, () => page.goto(path, { waitUntil: 'networkidle' }));
    test.info().annotations.push({ type: 'js-at-load', description: `${js.files} files, ${kb(js.raw)} raw, ${kb(js.gzip)} gzip` });
    expect(js.gzip, `${path}: ${kb(js.gzip)} gzip`).toBeLessThanOrEqual(BUDGET_GZIP);
  });
}

test('the terminal code (xterm.js and the simulator) loads only when the learner starts it', async ({ page }) => {
  const atLoad: string[] = [];
  page.on('request', (r) => atLoad.push(r.url()));
  await page.goto(LESSON1, { waitUntil: 'networkidle' });
  expect(atLoad.filter((u) => /session|xterm|just-bash/i.test(u))).toEqual([]);
});
