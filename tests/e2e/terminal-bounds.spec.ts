import { test, expect, LESSON1, LESSON1_ZH } from './fixtures.ts';
import type { Page } from '@playwright/test';

/** The text on the terminal's screen (xterm renders rows as DOM text). */
const screen = (page: Page) => page.locator('cc-terminal .xterm-rows');

async function startTerminal(page: Page, path: string) {
  await page.goto(path);
  await page.getByRole('button', { name: /Start the terminal|启动终端/ }).click();
  await expect(screen(page)).toContainText('root@node1:~#');
}

async function type(page: Page, line: string) {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

const SIZES = [
  { name: 'laptop', viewport: { width: 1366, height: 768 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];

const LOCALES = [
  { lang: 'en', path: LESSON1, hint: 'top is not simulated; use ps aux', output: 'stopped this line after 1 MiB of output' },
  { lang: 'zh-cn', path: LESSON1_ZH, hint: '模拟器没有 top；请用 ps aux', output: '模拟器在本行输出 1 MiB 后将其停止' },
];

for (const size of SIZES) {
  for (const loc of LOCALES) {
    test.describe(`terminal edges (${loc.lang}, ${size.name})`, () => {
      test.use({ viewport: size.viewport });

      test('Ctrl-C stops a loop at once and keeps the working directory', async ({ page }) => {
        await startTerminal(page, loc.path);
        await type(page, 'cd /tmp');
        await expect(screen(page)).toContainText('root@node1:/tmp#');
        await type(page, 'while true; do echo tick; sleep 1; done');
        await expect(screen(page)).toContainText('tick');
        const pressed = Date.now();
        await page.keyboard.press('Control+c');
        await type(page, 'echo status=$? dir=$(pwd)');
        await expect(screen(page)).toContainText('status=130 dir=/tmp');
        expect(Date.now() - pressed).toBeLessThan(5_000);
      });

      test('history lists the lines typed, numbered as bash does', async ({ page }) => {
        await startTerminal(page, loc.path);
        await type(page, 'echo one');
        await type(page, 'history');
        await expect(screen(page)).toContainText('1  echo one');
        await expect(screen(page)).toContainText('2  history');
      });

      test('a command the host lacks gets bash’s error and one dim hint in the page’s language', async ({ page }) => {
        await startTerminal(page, loc.path);
        await type(page, 'top');
        await expect(screen(page)).toContainText('bash: top: command not found');
        await expect(screen(page)).toContainText(loc.hint);
        await expect(page.locator('cc-terminal [data-note]')).toHaveAttribute('data-note', new RegExp(loc.hint.slice(0, 8)));
      });

      test('the tab stays responsive while yes floods the terminal, and the line stops at its output limit', async ({ page }) => {
        await startTerminal(page, loc.path);
        await type(page, 'yes');
        // The page answers while the command runs: the interpreter yields to the event loop.
        const t = Date.now();
        expect(await page.evaluate(() => 1 + 1)).toBe(2);
        expect(Date.now() - t).toBeLessThan(2_000);
        await expect(page.locator('cc-terminal [data-note]')).toHaveAttribute('data-note', new RegExp(loc.output.slice(0, 12)), { timeout: 30_000 });
        await type(page, 'echo done=$?');
        await expect(screen(page)).toContainText('done=130');
      });
    });
  }
}
