import { test, expect as baseExpect, LESSON1, LESSON1_ZH } from './fixtures.ts';
import { countJs, kb, yamlWorkerStarted } from '../../scripts/lib/browser.ts';

// The terminal and Pagefind load on demand; on a busy 2-core machine that can take a while.
const expect = baseExpect.configure({ timeout: 60_000 });

/**
 * Issue #14: a reading page ships at most 10 KB (gzip) of JavaScript at load, lesson pages
 * included (their workspace: tabs, exercise cards, the terminal's element, the layout, the
 * Picture tab's loader). What waits for the learner loads on demand: the exercise panels,
 * the terminal, the Picture tab, the progress export/import, the editor's Esc handling.
 */
const BUDGET_GZIP = 10 * 1024;
const EDITOR_BUDGET_KB = 850;

for (const path of ['/', '/zh-cn/', '/glossary/', '/zh-cn/glossary/', LESSON1, LESSON1_ZH]) {
  test(`${path} ships at most ${BUDGET_GZIP / 1024} KB gzip of JS at load`, async ({ page }) => {
    const js = await countJs(page, () => page.goto(path, { waitUntil: 'networkidle' }));
    test.info().annotations.push({ type: 'js-at-load', description: `${js.files} files, ${kb(js.raw)} raw, ${kb(js.gzip)} gzip` });
    expect(js.gzip, `${path}: ${kb(js.gzip)} gzip`).toBeLessThanOrEqual(BUDGET_GZIP);
  });
}

/**
 * The next page's prefetch on hover is a small inline script (Head.astro), not Astro's prefetch module
 * (astro.config.mjs prefetch: false): 1.1 KB gzip less of every page's budget above.
 */
test('a link the pointer rests on is prefetched, with no prefetch module at load', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => void (r.resourceType() === 'script' && scripts.push(r.url())));
  await page.goto('/', { waitUntil: 'networkidle' });
  const link = page.locator('main a[href^="/lessons/"]').first();
  const href = await link.getAttribute('href');
  await link.hover();
  await expect(page.locator(`link[rel="prefetch"][href$="${href}"]`)).toHaveCount(1);
  expect(scripts.filter((u) => /\/_astro\/page\.[\w-]+\.js$/.test(u))).toEqual([]);
});

test("a returning learner's lesson page (saved progress, a passed exercise) stays within the budget too", async ({ page }) => {
  // Stored before the page's own scripts run (a fresh page: nothing comes from the cache).
  await page.addInitScript(() => {
    const passed = { status: 'passed', score: 10, max: 10, updatedAt: '2026-12-01T10:00:00.000Z' };
    const visited = { 'lessons/01-containers-are-processes': '2026-12-01T09:00:00.000Z' };
    localStorage.setItem('cc:progress', JSON.stringify({ version: 2, visited, exercises: { 'e1.1': passed }, work: {} }));
  });
  const js = await countJs(page, () => page.goto(LESSON1, { waitUntil: 'networkidle' }));
  test.info().annotations.push({ type: 'js-at-load', description: `${js.files} files, ${kb(js.raw)} raw, ${kb(js.gzip)} gzip` });
  await expect(page.locator('[data-done-for="e1.1"]').first()).toBeVisible();
  expect(js.gzip, `${LESSON1} with saved progress: ${kb(js.gzip)} gzip`).toBeLessThanOrEqual(BUDGET_GZIP);
});

/**
 * Issue #14: the manifest editor's JavaScript, from the click that opens a manifest exercise
 * until the network is idle (Monaco, monaco-yaml and its worker, Monaco's editor worker, the
 * exercise panel and the grader worker with the simulator pieces it loads), counted as
 * `npm run bench` counts it. The target is 900 KB; this budget holds what has been
 * reached, 837.5 KB measured this way, so the figure can only go down. Before: about 1,440 KB,
 * then 1,366 KB once zod lost its other locales; 1,232 KB once the panel stopped loading the
 * checker (score.ts); 972.5 KB with Monaco's unreachable modules left out
 * (src/ui/editor/vite-monaco-trim.mjs) and the YAML worker on a slim base
 * (src/ui/editor/yaml-worker-start.ts); 961.4 KB without the minimap's code (it is off); 837.5 KB
 * with a grader worker that loads the simulator and dockerfile-ast only when an exercise needs
 * them and no zod at all (its chunk 183 → 70 KB; tests/architecture-layers.test.ts walks its
 * imports). Then 844.5 KB, counted once the YAML worker has started (it starts after the first
 * markers, so the count that ended at the editor's creation missed its bytes) and with the
 * findings shown before Monaco (src/ui/exercise/early-text.ts). The annotation lists the files.
 */
const EDITOR_BUDGET_GZIP = EDITOR_BUDGET_KB * 1024;

test(`opening a manifest exercise fetches at most ${EDITOR_BUDGET_KB} KB gzip of JS`, async ({ page }) => {
  test.setTimeout(120_000); // Monaco and three workers on a busy machine
  await page.goto(LESSON1, { waitUntil: 'networkidle' });
  const names: string[] = [];
  page.on('response', (r) => void (/\.m?js(\?|$)/.test(r.url()) && names.push(r.url().replace(/^.*\//, ''))));
  const js = await countJs(page, async () => {
    // The YAML worker is the editor's last chunk (it starts after the first markers): counted too.
    const yaml = yamlWorkerStarted(page);
    await page.click('[data-cc-open-exercise="e11.1"]');
    await page.waitForSelector('section[data-exercise="e11.1"] .monaco-editor', { timeout: 90_000 });
    await yaml;
    await page.waitForLoadState('networkidle');
  });
  test.info().annotations.push({ type: 'js-editor', description: `${js.files} files, ${kb(js.raw)} raw, ${kb(js.gzip)} gzip: ${names.join(' ')}` });
  expect(js.gzip, `the editor: ${kb(js.gzip)} gzip`).toBeLessThanOrEqual(EDITOR_BUDGET_GZIP);
});

test('the terminal code (xterm.js and the simulator), the exercise panels, the progress export/import and the search UI load only when the learner asks', async ({
  page,
}) => {
  const atLoad: string[] = [];
  page.on('request', (r) => atLoad.push(r.url()));
  await page.goto(LESSON1, { waitUntil: 'networkidle' });
  expect(atLoad.filter((u) => /session|world|xterm|just-bash|pagefind|panel|transfer|monaco/i.test(u))).toEqual([]);
});

test.describe('search loads on demand and still works', () => {
  test.describe.configure({ timeout: 90_000 }); // Pagefind's UI, index and WASM on a busy machine
  for (const [path, open, term, expected] of [
    ['/', 'Control+k', 'containerd-shim', LESSON1],
    // ASCII: Chinese needs an input method, which needs the field (it is there by then).
    ['/zh-cn/', '/', 'containerd-shim', LESSON1_ZH],
  ] as const) {
    test(`${path}: ${open} opens it; keys typed at once are kept; "${term}" is found`, async ({ page }) => {
      await page.goto(path, { waitUntil: 'networkidle' });
      const button = page.locator('site-search button[data-open-modal]');
      const before = await button.boundingBox();
      const pagefind = page.waitForRequest((r) => /pagefind/.test(r.url()));
      await page.locator('body').press(open);
      // Typed straight away, while Pagefind's UI is still loading.
      await page.keyboard.type(term);
      await pagefind;
      const input = page.locator('site-search dialog input');
      await expect(input).toBeFocused();
      await expect(input).toHaveValue(term);
      await expect(page.locator(`site-search dialog a[href^="${expected}"]`).first()).toBeVisible({ timeout: 30_000 });
      if (path.startsWith('/zh-cn/')) await expect(page.locator('site-search .pagefind-ui__message')).toContainText('找到');
      await page.keyboard.press('Escape');
      expect(await button.boundingBox(), 'the search button does not move').toEqual(before);
    });
  }
});
