import type { Page } from '@playwright/test';
import { test, expect as baseExpect, LESSON1, LESSON1_ZH } from './fixtures.ts';

// The terminal and Pagefind load on demand; on a busy 2-core machine that can take a while.
const expect = baseExpect.configure({ timeout: 60_000 });

/** Issue #15: a keyboard-only learner walks a lesson, the terminal and the editor, and is never trapped. */
test.use({ viewport: { width: 1366, height: 768 } });
// Many key presses, each checked: give a busy machine room (the waits are on events, not on time).
test.describe.configure({ timeout: 120_000 });

/** What has the focus: a short description for the assertions. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    if (el.closest('.xterm')) return 'terminal';
    if (el.closest('.monaco-editor')) return 'editor';
    return `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[${el.getAttribute('role')}]` : ''} ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60)}`;
  });

/** Presses `key` until `until` holds (at most `max` times); fails if it never does. */
async function pressUntil(page: Page, key: string, until: () => Promise<boolean>, max = 120) {
  for (let i = 0; i < max; i++) {
    if (await until()) return i;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} ×${max} never got there; focus is on ${await focused(page)}`);
}

for (const [path, t] of [
  [LESSON1, { run: 'Run in the terminal: ', skip: 'Skip to the workspace', esc: 'Esc', left: 'You left the terminal' }],
  [LESSON1_ZH, { run: '在终端中运行：', skip: '跳到工作区', esc: 'Esc', left: '已离开终端' }],
] as const) {
  test(`${path}: Run, the workspace and the terminal by keyboard alone, and back out`, async ({ page }) => {
    await page.goto(path);
    // Reading order: the skip link to the workspace comes before the first Run button.
    let sawSkip = false;
    await pressUntil(page, 'Tab', async () => {
      const f = await focused(page);
      if (f.includes(t.skip)) sawSkip = true;
      return f.startsWith('button') && f.includes(t.run);
    });
    expect(sawSkip).toBe(true);
    // Run keeps the focus on the button: the learner goes on reading.
    const label = await page.evaluate(() => document.activeElement!.getAttribute('aria-label')!);
    const run = page.getByRole('button', { name: label, exact: true });
    await page.keyboard.press('Enter');
    await expect(page.locator('cc-terminal .xterm-rows')).toContainText('hello docker!');
    await expect(run).toBeFocused();
    // Back to the skip link, and into the workspace.
    await pressUntil(page, 'Shift+Tab', async () => (await focused(page)).includes(t.skip));
    await page.keyboard.press('Enter');
    await expect(page.locator('#cc-workspace')).toBeFocused();
    await pressUntil(page, 'Tab', async () => (await focused(page)) === 'terminal', 30);
    // The way out is announced on the way in.
    await expect(page.locator('cc-terminal .xterm-helper-textarea')).toHaveAttribute('aria-label', new RegExp(t.esc));
    await page.keyboard.type('echo typed-here');
    await page.keyboard.press('Enter');
    await expect(page.locator('cc-terminal .xterm-rows')).toContainText('typed-here');
    // Tab stays in a terminal (it completes); Esc leaves it.
    await page.keyboard.press('Escape');
    await expect(page.locator('cc-terminal [data-role="frame"]')).toBeFocused();
    await expect(page.locator('cc-terminal [data-role="live"]')).toContainText(t.left);
    await page.keyboard.press('Tab');
    expect(await focused(page)).not.toBe('terminal');
    await page.keyboard.press('Escape');
    await pressUntil(page, 'Shift+Tab', async () => (await focused(page)).startsWith('button[tab]'), 10);
  });
}

test("Esc's announcement wins over output that lands after it; back in the terminal, output is announced again", async ({ page }) => {
  await page.goto(LESSON1);
  await page.getByRole('button', { name: 'Start the terminal' }).click();
  const rows = page.locator('cc-terminal .xterm-rows');
  const live = page.locator('cc-terminal [data-role="live"]');
  await expect(rows).toContainText('root@node1:~#');
  // The output comes a second after Esc (realtime clock): a worker batch and the command's end land after it.
  await page.keyboard.insertText('sleep 1; echo late-output');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(page.locator('cc-terminal [data-role="frame"]')).toBeFocused();
  await expect(live).toContainText('You left the terminal');
  await expect(rows).toContainText('late-output');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  await expect(live).toContainText('You left the terminal');
  // Enter on the frame goes back in: the next command's output is announced.
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('echo back-again');
  await page.keyboard.press('Enter');
  await expect(live).toHaveText('back-again');
});

test('Esc leaves the exercise editor too', async ({ page }) => {
  test.setTimeout(180_000); // Monaco's first load, on a busy machine
  await page.goto(LESSON1);
  const tab = page.getByRole('tab', { name: /E11\.1/ });
  await tab.focus();
  await page.keyboard.press('Enter');
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  const panel = page.locator('[data-exercise="e11.1"]');
  await expect(panel.locator('.monaco-editor')).toBeVisible({ timeout: 90_000 });
  await pressUntil(page, 'Tab', async () => (await focused(page)) === 'editor', 20);
  await page.keyboard.press('Escape');
  expect(await focused(page)).not.toBe('editor');
  await expect(panel.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Tab');
  expect(await focused(page)).not.toBe('editor');
});
