import type { Page } from '@playwright/test';
import { test, expect as baseExpect, LESSON1, LESSON1_ZH } from './fixtures.ts';

// The terminal and Pagefind load on demand; on a busy 2-core machine that can take a while.
const expect = baseExpect.configure({ timeout: 60_000 });

/** Issue #15, the lesson layout on a 1366×768 laptop. */
test.use({ viewport: { width: 1366, height: 768 } });
test.describe.configure({ timeout: 120_000 }); // ten Runs, or the terminal and axe, on a busy machine

/** Counts the terminal's finished commands (cc:command events) from page load. */
async function countCommands(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { ccCommands: number }).ccCommands = 0;
    document.addEventListener('cc:command', () => (window as unknown as { ccCommands: number }).ccCommands++);
  });
}
const commandsDone = (page: Page, n: number) => page.waitForFunction((n) => (window as unknown as { ccCommands: number }).ccCommands >= n, n);

/** The row of the terminal's newest prompt. */
const promptRow = (page: Page) =>
  page
    .locator('cc-terminal .xterm-rows > div')
    .filter({ hasText: /root@[\w.-]+:[^#]*#/ })
    .last();

for (const [path, runLabel] of [
  [LESSON1, 'Run in the terminal: '],
  [LESSON1_ZH, '在终端中运行：'],
] as const) {
  test(`${path}: ≥ 80 columns, and the prompt is in view after every Run`, async ({ page }) => {
    test.setTimeout(360_000); // fifteen commands, each awaited; minutes only on a swamped machine
    await countCommands(page);
    await page.goto(path);
    const runs = page.getByRole('button', { name: runLabel });
    // Every Run up to and including `docker ps -a`: the lesson's own order, whatever it grows to
    // (the Kubernetes aside's `kubectl run … -it` and its `exit` come before it).
    const names = await runs.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
    const count = names.findIndex((n) => n.endsWith(': docker ps -a') || n.endsWith('：docker ps -a')) + 1;
    expect(count, 'the lesson has a `docker ps -a` Run').toBeGreaterThanOrEqual(8);
    for (let i = 0; i < count; i++) {
      await runs.nth(i).click();
      await commandsDone(page, i + 1);
      await expect(promptRow(page)).toBeInViewport({ ratio: 1 });
      await expect(page.locator('cc-terminal [data-role="screen"]')).toBeInViewport({ ratio: 1 });
    }
    const cols = Number(await page.locator('cc-terminal').getAttribute('data-cols'));
    expect(cols, 'terminal columns').toBeGreaterThanOrEqual(80);
    // `docker ps -a` fits on one row per container: no wrapped table.
    await expect(page.locator('cc-terminal .xterm-rows')).toContainText('CONTAINER ID   IMAGE');
  });
}

test('the lesson list is a drawer: closed at first, opened by "Lessons", closed by Esc', async ({ page }) => {
  await page.goto(LESSON1);
  const pane = page.locator('#starlight__sidebar');
  await expect(pane).toBeHidden();
  const reading = await page.locator('.cc-lesson__reading').boundingBox();
  expect(reading!.x, 'the text starts at the left edge').toBeLessThan(10);
  const button = page.getByRole('button', { name: 'Lessons', exact: true });
  await button.click();
  await expect(pane).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(pane.locator('a[aria-current="page"]')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(pane).toBeHidden();
  await expect(button).toBeFocused();
});

test('the divider moves with the keyboard and the pointer, and is remembered', async ({ page }) => {
  await page.goto(LESSON1);
  const split = page.getByRole('separator', { name: 'Resize the text and the workspace' });
  await expect(split).toHaveAttribute('aria-valuenow', '46');
  await split.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(split).toHaveAttribute('aria-valuenow', '42');
  const ws = page.locator('.cc-lesson__workspace');
  const wider = (await ws.boundingBox())!.width;
  await page.keyboard.press('End');
  await expect(split).toHaveAttribute('aria-valuenow', '70');
  expect((await ws.boundingBox())!.width).toBeLessThan(wider);
  // Drag it to 40 % of the page's width.
  const box = (await split.boundingBox())!;
  const lesson = (await page.locator('.cc-lesson').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(lesson.x + lesson.width * 0.4, box.y + 200, { steps: 4 });
  await page.mouse.up();
  await expect(split).toHaveAttribute('aria-valuenow', '40');
  await page.reload();
  await expect(split).toHaveAttribute('aria-valuenow', '40');
  expect(await page.evaluate(() => localStorage.getItem('cc:split'))).toBe('40');
});

test('full screen covers the text; "Back to the text" returns to the same place', async ({ page }) => {
  // Where the section's heading is on screen at the moment full screen begins (the page records it when the
  // layout's data-full turns true), not where the page was at some earlier step of the test: the code frames
  // brought near the screen are rendered a frame or more later (content-visibility: auto in lesson-layout.css)
  // and scroll anchoring moves the page by what their sizes differ from the estimate, 266 px here, after any
  // fixed number of frames on a loaded machine (an offset read two frames after scrolling came back 280 px off).
  await page.addInitScript(() => {
    new MutationObserver((records) => {
      const lesson = records[0]!.target as HTMLElement;
      if (lesson.dataset.full !== 'true') return;
      const top = document.getElementById('containers-are-host-processes')!.getBoundingClientRect().top;
      (window as unknown as { ccFullTop: number }).ccFullTop = top;
    }).observe(document, { subtree: true, attributeFilter: ['data-full'] });
  });
  await page.goto(LESSON1);
  const heading = page.getByRole('heading', { name: 'Containers are host processes' });
  await heading.scrollIntoViewIfNeeded();
  await page.getByRole('button', { name: 'Full screen' }).click();
  const ws = page.locator('.cc-lesson__workspace');
  await expect(ws).toHaveCSS('position', 'fixed');
  expect((await ws.boundingBox())!.width).toBeGreaterThan(1300);
  await expect(page.locator('.cc-lesson__reading')).toBeHidden();
  const back = page.getByRole('button', { name: 'Back to the text' });
  await expect(back).toBeFocused();
  await page.getByRole('button', { name: /Start the terminal/ }).click();
  await expect(page.locator('cc-terminal')).toHaveAttribute('data-state', 'ready');
  expect(Number(await page.locator('cc-terminal').getAttribute('data-cols'))).toBeGreaterThan(150);
  // A code frame above the section renders 300 px taller than its estimate while the text is hidden (as the
  // frames near the screen do when they render late; scroll anchoring is off in full screen).
  await page
    .locator('.cc-lesson__reading .expressive-code')
    .first()
    .evaluate((frame) => {
      (frame as HTMLElement).style.marginBlockEnd = '300px';
    });
  await back.click();
  await expect(page.locator('.cc-lesson__reading')).toBeVisible();
  // The same place: the section's heading is where it was on screen when full screen began, within a pixel
  // or two (interactions.ts puts the text's element at the top of the screen back where it was).
  await expect(heading).toBeInViewport();
  const [was, now] = await page.evaluate(() => [
    (window as unknown as { ccFullTop: number }).ccFullTop,
    document.getElementById('containers-are-host-processes')!.getBoundingClientRect().top,
  ]);
  expect(Math.abs(now! - was!), `the heading at ${now} px from the top, ${was} px when full screen began`).toBeLessThanOrEqual(2);
});

test('exercise tabs stay on one line', async ({ page }) => {
  await page.goto(LESSON1);
  const tabs = page.getByRole('tab');
  expect(await tabs.count()).toBeGreaterThanOrEqual(5);
  const tops = new Set(await tabs.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top))));
  expect([...tops]).toHaveLength(1);
  // The strip scrolls sideways instead.
  const strip = page.getByRole('tablist');
  expect(await strip.evaluate((el) => el.scrollWidth > el.clientWidth && getComputedStyle(el).overflowX === 'auto')).toBe(true);
});

for (const [path, heading, minutes] of [
  [LESSON1, 'In this lesson you learn to', 'About 25 minutes'],
  [LESSON1_ZH, '学完本课，你将能够', '约 25 分钟'],
] as const) {
  test(`${path}: objectives and minutes under the title`, async ({ page }) => {
    await page.goto(path);
    const box = page.locator('.cc-objectives');
    await expect(box).toContainText(heading);
    await expect(box).toContainText(minutes);
    expect(await box.locator('li').count()).toBeGreaterThanOrEqual(2);
    await expect(box).toBeInViewport();
  });
}
