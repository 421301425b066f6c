import type { Page } from '@playwright/test';
import { test, expect as baseExpect, axe, LESSON1, LESSON1_ZH } from './fixtures.ts';

// The terminal and Pagefind load on demand; on a busy 2-core machine that can take a while.
const expect = baseExpect.configure({ timeout: 60_000 });

/** Issue #15, a phone: 390×844, touch, Chinese browser. */
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2, locale: 'zh-CN' });
test.describe.configure({ timeout: 90_000 }); // the terminal's first start on a busy machine

const screen = (page: Page) => page.locator('cc-terminal .xterm-rows');
const sheet = (page: Page) => page.locator('#cc-workspace');

async function openTerminal(page: Page, path: string) {
  await page.goto(path);
  await page.locator('.cc-sheet-open').tap();
  await expect(sheet(page)).toBeInViewport();
  await page.getByRole('button', { name: /Start the terminal|启动终端/ }).tap();
  await expect(screen(page)).toContainText('root@node1:~#');
}

for (const [path, run, back] of [
  [LESSON1_ZH, '在终端中运行：docker run debian /bin/echo "hello docker!"', '返回正文'],
  [LESSON1, 'Run in the terminal: docker run debian /bin/echo "hello docker!"', 'Back to the text'],
] as const) {
  test(`${path}: Run opens the sheet with the output in view; closing it leaves the reader where they were`, async ({ page }) => {
    await page.goto(path);
    await expect(sheet(page)).toBeHidden();
    const button = page.getByRole('button', { name: run });
    await button.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
    const y = await page.evaluate(() => scrollY);
    expect(y, 'the Run button is well down the page').toBeGreaterThan(300);
    await button.tap();
    await expect(sheet(page)).toBeInViewport({ ratio: 0.95 });
    await expect(screen(page)).toContainText('hello docker!');
    await expect(page.locator('cc-terminal .xterm-rows > div').filter({ hasText: 'root@node1:~#' }).last()).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => scrollY), 'the page under the sheet did not move').toBe(y);
    await page.getByRole('button', { name: back }).tap();
    await expect(sheet(page)).toBeHidden();
    expect(await page.evaluate(() => scrollY)).toBe(y);
    await expect(button).toBeInViewport();
    await expect(button).toBeFocused();
  });
}

test('the key bar sends Tab and Ctrl-C to the terminal', async ({ page }) => {
  await openTerminal(page, LESSON1_ZH);
  const keys = page.getByRole('toolbar', { name: '终端按键' });
  await expect(keys).toBeVisible();
  await page.locator('cc-terminal .xterm-helper-textarea').focus();
  await page.keyboard.type('ech');
  await keys.getByRole('button', { name: 'Tab（补全）' }).tap();
  // Completion is asynchronous: go on typing once it has completed the word.
  await expect(page.locator('cc-terminal .xterm-rows > div').filter({ hasText: 'root@node1:~#' }).last()).toContainText('root@node1:~# echo');
  await page.keyboard.type('tabbed');
  await page.keyboard.press('Enter');
  await expect(screen(page)).toContainText('root@node1:~# echo tabbed');
  await expect(screen(page)).not.toContainText('command not found');
  await page.keyboard.type('sleep 9'); // sleeps over 10 s jump the simulated clock at once
  await page.keyboard.press('Enter');
  await keys.getByRole('button', { name: 'Ctrl-C（中断）' }).tap();
  await page.keyboard.type('echo status=$?');
  await page.keyboard.press('Enter');
  await expect(screen(page)).toContainText('status=130');
  await keys.getByRole('button', { name: '上箭头（上一条命令）' }).tap();
  await expect(page.locator('cc-terminal .xterm-rows > div').filter({ hasText: 'root@node1:~#' }).last()).toContainText('echo status=$?');
  // Tapping a key keeps the terminal focused (the soft keyboard stays up).
  await expect(page.locator('cc-terminal .xterm-helper-textarea')).toBeFocused();
});

test('long lines wrap in the terminal; every control is at least 44 px tall', async ({ page }) => {
  await openTerminal(page, LESSON1_ZH);
  const cols = Number(await page.locator('cc-terminal').getAttribute('data-cols'));
  await page.locator('cc-terminal .xterm-helper-textarea').focus();
  await page.keyboard.type(`echo ${'x'.repeat(cols + 10)}`);
  await page.keyboard.press('Enter');
  await expect(screen(page)).toContainText('x'.repeat(cols));
  const small: string[] = [];
  for (const el of await page.locator('.cc-term__key, .cc-tab, .cc-ws-btn:visible, .cc-term__reset, .cc-btn').all()) {
    const box = await el.boundingBox();
    if (box && box.height < 44) small.push(`${await el.textContent()}: ${box.height}px`);
  }
  await page.getByRole('button', { name: '返回正文' }).tap();
  for (const el of await page.locator('.cc-run, .cc-sheet-open').all()) {
    const box = await el.boundingBox();
    if (box && box.height < 44) small.push(`${await el.textContent()}: ${box.height}px`);
  }
  expect(small).toEqual([]);
});

test('axe finds nothing with the sheet open, in Chinese', async ({ page }) => {
  await openTerminal(page, LESSON1_ZH);
  expect(await axe(page)).toEqual([]);
});

for (const [path, link, target] of [
  ['/', '简体中文', '/zh-cn/'],
  ['/zh-cn/', 'English', '/'],
] as const) {
  test(`the home page ${path} has a language switch (${link}) that sticks`, async ({ page }) => {
    await page.goto(path);
    const a = page.locator('.cc-home__lang a');
    await expect(a).toContainText(link);
    expect((await a.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await a.tap();
    await expect(page).toHaveURL(target);
    await page.goto('/');
    await expect(page).toHaveURL(target);
  });
}

test('the English lesson page works the same on a phone', async ({ page }) => {
  await openTerminal(page, LESSON1);
  await expect(page.getByRole('toolbar', { name: 'Terminal keys' })).toBeVisible();
});

/** What the terminal's saved sessions hold (localStorage `cc:term:*`), one string. */
const saved = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('cc:term:'))
      .map((k) => localStorage.getItem(k))
      .join(''),
  );

for (const path of [LESSON1_ZH, LESSON1]) {
  test(`${path}: on a phone the session and the history are there after a reload`, async ({ page }) => {
    await openTerminal(page, path);
    await page.locator('cc-terminal .xterm-helper-textarea').focus();
    for (const line of ['docker run -d --name web -p 8080:80 nginx', 'docker ps --format "{{.Names}} {{.Ports}}"']) {
      await page.keyboard.insertText(line);
      await page.keyboard.press('Enter');
    }
    await expect(screen(page)).toContainText('web 0.0.0.0:8080->80/tcp');
    // The session is saved after each command has been drawn: wait until the stored lines hold the last one.
    await expect.poll(() => saved(page)).toContain('docker ps --format');
    await page.reload();
    await page.locator('.cc-sheet-open').tap();
    await expect(sheet(page)).toBeInViewport();
    await expect(screen(page)).toContainText('web 0.0.0.0:8080->80/tcp');
    // The container is still there in the replayed world, and ↑ recalls the last command.
    await page.locator('cc-terminal .xterm-helper-textarea').focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect(screen(page).getByText('web 0.0.0.0:8080->80/tcp')).toHaveCount(2);
  });
}
