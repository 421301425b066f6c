import { readdirSync } from 'node:fs';
import { test, expect, axe, LESSON1 } from './fixtures.ts';

const LESSONS = readdirSync(new URL('../../content/lessons/', import.meta.url)).filter((d) => /^\d{2}-/.test(d));
const PAGES = ['/', '/zh-cn/', '/glossary/', '/zh-cn/glossary/'];

test.describe('axe-core finds no violations', () => {
  // axe's work grows with the page (L9 and L13 are long, with figures): about 5 s idle, near a
  // minute on a 2-core machine at load 15. A ceiling, not a wait.
  test.describe.configure({ timeout: 180_000 });
  for (const path of PAGES) {
    test(path, async ({ page }) => {
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
      const running = WITH_TERMINAL.has(d);
      test(running ? `${path}, and its workspace with the terminal running` : path, async ({ page }) => {
        await page.setViewportSize({ width: 1366, height: 768 });
        await page.goto(path);
        expect(await axe(page), 'the page as it loads').toEqual([]);
        if (!running) return;
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
