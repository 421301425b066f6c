import { test as base, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { test, expect, axe, watchProblems, LESSON1 } from './fixtures.ts';

const LESSONS = readdirSync(new URL('../../content/lessons/', import.meta.url)).filter((d) => /^\d{2}-/.test(d));
const PAGES = ['/', '/zh-cn/', '/glossary/', '/zh-cn/glossary/'];

/**
 * Issue #14: the pages axe checks as they load share one browser page per worker instead of a new context and page
 * each: a fresh context's first lesson page took 2.7 s of CPU and the next lesson page in the same tab 1.3-1.5 s
 * (eight lesson pages each way, back to back at load 47-49). Each test still sees the page as a first-time visitor
 * would: after it, the tab leaves the site and the site's storage is cleared (the home page forwards to the language
 * saved in localStorage, and lesson pages record the visit there). Each test's console errors, page errors and
 * failed requests fail it, as fixtures.ts's do for a test's own page.
 */
const onSharedPage = base.extend<{ visitor: Page }, { sharedPage: Page }>({
  sharedPage: [
    async ({ browser }, use, workerInfo) => {
      const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
      await use(await context.newPage());
      await context.close();
    },
    { scope: 'worker' },
  ],
  visitor: async ({ sharedPage: page, baseURL }, use) => {
    const { problems, stop } = watchProblems(page);
    await use(page);
    stop();
    const origin = new URL(baseURL!).origin;
    if (page.url().startsWith(origin)) await page.evaluate(() => sessionStorage.clear());
    await page.goto('about:blank');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
    await cdp.detach();
    expect(problems, 'console errors or failed requests').toEqual([]);
  },
});

test.describe('axe-core finds no violations', () => {
  // axe's work grows with the page (L9 and L13 are long, with figures): about 5 s idle, near a
  // minute on a 2-core machine at load 15. A ceiling, not a wait.
  test.describe.configure({ timeout: 180_000 });
  for (const path of PAGES) {
    onSharedPage(path, async ({ visitor: page }) => {
      // Playwright's default viewport, which these tests had with a page of their own.
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(path);
      expect(await axe(page)).toEqual([]);
    });
  }
  // Every lesson page as it loads, at laptop size. The workspace with the terminal running is the
  // same component on every lesson (only its tab labels differ), so it is checked again on two
  // lessons in each locale, one with a shell-goal exercise and one with manifest exercises:
  // starting a terminal on all 26 pages cost about four minutes of a CI run and found nothing more.
  const WITH_TERMINAL = new Set(['01-containers-are-processes', '12-security-context']);
  for (const d of LESSONS) {
    for (const path of [`/lessons/${d}/`, `/zh-cn/lessons/${d}/`]) {
      if (!WITH_TERMINAL.has(d)) {
        onSharedPage(path, async ({ visitor: page }) => {
          await page.setViewportSize({ width: 1366, height: 768 });
          await page.goto(path);
          expect(await axe(page), 'the page as it loads').toEqual([]);
        });
        continue;
      }
      // A page of its own: the terminal it starts keeps its session in the page's storage.
      test(`${path}, and its workspace with the terminal running`, async ({ page }) => {
        await page.setViewportSize({ width: 1366, height: 768 });
        await page.goto(path);
        expect(await axe(page), 'the page as it loads').toEqual([]);
        await page.getByRole('button', { name: /Start the terminal|启动终端/ }).click();
        await expect(page.locator('cc-terminal')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
        expect(await axe(page, '.cc-lesson__workspace'), 'the workspace, terminal running').toEqual([]);
      });
    }
  }
});

test.describe('keyboard-only navigation reaches every link', () => {
  // One Tab press per focusable element (a ceiling, not a wait).
  test.describe.configure({ timeout: 180_000 });
  for (const path of ['/', LESSON1, '/zh-cn/glossary/']) {
    test(path, async ({ page }) => {
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.goto(path);
      const links = await page.$$eval('a[href]', (as) =>
        as
          .filter(
            (a) =>
              a.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }) &&
              !a.closest('[inert],[aria-hidden="true"],dialog:not([open]),details:not([open])'),
          )
          .map((a) => a.getAttribute('href')!),
      );
      expect(links.length).toBeGreaterThan(3);
      // The page records every focused link itself, so each Tab is one round trip to the browser, and
      // the reached set is read once per twenty presses.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { __ccReached: string[] }).__ccReached = seen;
        document.addEventListener('focusin', (e) => {
          const href = (e.target as HTMLElement | null)?.getAttribute?.('href');
          if (href) seen.push(href);
        });
      });
      const wanted = new Set(links);
      let missing = [...wanted];
      const focusable = await page.locator('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])').count();
      for (let i = 0; i < focusable * 2 + 20 && missing.length > 0; i += 20) {
        for (let j = 0; j < 20; j++) await page.keyboard.press('Tab');
        const reached = new Set(await page.evaluate(() => (window as unknown as { __ccReached: string[] }).__ccReached));
        missing = missing.filter((l) => !reached.has(l));
      }
      expect(missing).toEqual([]);
    });
  }
});
