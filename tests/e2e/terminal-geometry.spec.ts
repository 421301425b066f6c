import { test, expect, LESSON1, LESSON1_ZH, startTerminalAt } from './fixtures.ts';

/**
 * Issue #14: the terminal is created at the size it fits (src/ui/terminal/geometry.ts works out the fit
 * addon's columns and rows before xterm opens, with the key bar and Reset already shown), so xterm draws its
 * rows once, at that size, and the fit after it changes nothing: the first rows xterm puts on the page are
 * as many, and as wide, as the rows once the prompt is up.
 * (Before, xterm opened at 80×24 and was resized in the same task, the start's longest; on a touch screen it
 * was resized again when the key bar and Reset appeared after the prompt.)
 */
const SIZES = [
  { name: 'laptop', use: { viewport: { width: 1366, height: 768 } }, phone: false },
  { name: 'phone', use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }, phone: true },
];

interface Rows {
  rows: number;
  width: string;
}

for (const size of SIZES) {
  test.describe(`at ${size.name} size`, () => {
    test.use(size.use);
    for (const path of [LESSON1, LESSON1_ZH]) {
      test(`${path}: xterm's rows are drawn once, at the size the terminal keeps`, async ({ page }) => {
        await page.addInitScript(() => {
          const w = window as unknown as { ccFirstRows: Rows | null };
          w.ccFirstRows = null;
          new MutationObserver((list) => {
            for (const m of list)
              for (const n of m.addedNodes)
                if (!w.ccFirstRows && n instanceof HTMLElement && n.classList.contains('xterm-rows'))
                  w.ccFirstRows = { rows: n.childElementCount, width: (n.firstElementChild as HTMLElement | null)?.style.width ?? '' };
          }).observe(document, { subtree: true, childList: true });
        });
        await startTerminalAt(page, path, size.phone);
        const { first, last, attr } = await page.evaluate(() => {
          const rows = document.querySelector<HTMLElement>('cc-terminal .xterm-rows')!;
          return {
            first: (window as unknown as { ccFirstRows: Rows | null }).ccFirstRows,
            last: { rows: rows.childElementCount, width: (rows.firstElementChild as HTMLElement).style.width },
            attr: document.querySelector('cc-terminal')!.getAttribute('data-cols'),
          };
        });
        expect(first, 'the rows xterm drew first').toEqual(last);
        expect(Number(attr)).toBeGreaterThan(20);
        // The bar and Reset are in place (a touch screen shows the keys).
        await expect(page.getByRole('toolbar', { name: /Terminal keys|终端按键/ })).toBeVisible({ visible: size.phone });
      });
    }
  });
}

/**
 * Under a shell-goal exercise on a wide screen the terminal's panel is as tall as what it holds: the terminal
 * has a height of its own there (lesson-layout.css), or every row count would be a fit of the screen its own
 * rows make (it kept xterm's default 24 by accident, then the empty screen's 14 once created at its fit, and a
 * Reset's set-up scrolled out of sight: exercise-shell.spec). Its height is the same before and after Start.
 */
test.describe('under a shell-goal exercise, at laptop size', () => {
  test.use({ viewport: { width: 1366, height: 768 } });
  test(`${LESSON1}: the terminal's height is its own, not its rows'`, async ({ page }) => {
    await page.goto(LESSON1);
    await page.locator('[data-cc-open-exercise="e1.2"]').click();
    await expect(page.getByRole('tab', { selected: true })).toHaveAttribute('data-tab', 'e1.2');
    const height = () => page.locator('cc-terminal').evaluate((el) => el.getBoundingClientRect().height);
    const before = await height();
    await page.getByRole('button', { name: 'Start the terminal' }).click();
    await expect(page.locator('cc-terminal .xterm-rows')).toContainText('root@node1:~#', { timeout: 60_000 });
    expect(await height()).toBe(before);
    // Room for about xterm's 24 rows (26rem at 13 px type), as the terminal had before.
    expect(await page.locator('cc-terminal .xterm-rows > div').count()).toBeGreaterThanOrEqual(20);
  });
});
