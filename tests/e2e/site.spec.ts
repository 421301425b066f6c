import { test, expect, LESSON1, LESSON1_ZH } from './fixtures.ts';

test.describe('home and lessons in both locales', () => {
  test('English home leads to lesson 1', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle(/Container Course/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('.cc-lesson-list a').first()).toContainText('Containers are processes');
    await page.getByRole('link', { name: 'Start with lesson 1' }).click();
    await expect(page).toHaveURL(LESSON1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Containers are processes');
  });

  test('Chinese home leads to lesson 1', async ({ page }) => {
    await page.goto('/zh-cn/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await page.locator('.cc-lesson-list a').first().click();
    await expect(page).toHaveURL(LESSON1_ZH);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('容器就是进程');
  });

  test('the home page has a section for teachers', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('#teachers')).toBeVisible();
    await expect(page.locator('.cc-home')).toContainText('container-course grade');
  });

  test('a lesson has previous/next links, a table of contents and a lesson list', async ({ page }) => {
    await page.goto(LESSON1);
    await expect(page.locator('nav.sidebar a[href="/lessons/01-containers-are-processes/"]')).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('.cc-toc summary')).toBeVisible();
    await page.locator('.cc-toc summary').click();
    const first = page.locator('.cc-toc a').first();
    await expect(first).toBeVisible();
    await expect(page.locator('.pagination-links')).toBeVisible();
  });

  test('an unknown address shows the 404 page', async ({ page, problems }) => {
    const response = await page.goto('/no-such-lesson/');
    expect(response?.status()).toBe(404);
    problems.length = 0; // the 404 response itself is the point here
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Page not found');
    await expect(page.getByRole('link', { name: 'course home' })).toHaveAttribute('href', '/');
  });
});

test.describe('language', () => {
  test('switching language keeps the learner on the same lesson, and is remembered', async ({ page }) => {
    await page.goto(LESSON1);
    await page.locator('starlight-lang-select select').first().selectOption({ label: '简体中文' });
    await expect(page).toHaveURL(LESSON1_ZH);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('容器就是进程');
    await page.goto('/');
    await expect(page).toHaveURL('/zh-cn/');
    await page.locator('starlight-lang-select select').first().selectOption({ label: 'English' });
    await expect(page).toHaveURL('/');
    await page.goto(LESSON1_ZH);
    await page.goto('/');
    await expect(page).toHaveURL('/');
  });
});

test.describe('search', () => {
  for (const [path, term, expected] of [
    ['/', 'containerd-shim', LESSON1],
    ['/zh-cn/', '进程', LESSON1_ZH],
  ] as const) {
    test(`finds "${term}" from ${path}`, async ({ page }) => {
      await page.goto(path);
      await page.locator('site-search button[data-open-modal]').click();
      const input = page.locator('site-search dialog input');
      await expect(input).toBeVisible();
      await input.fill(term);
      const result = page.locator(`site-search dialog a[href^="${expected}"]`).first();
      await expect(result).toBeVisible();
    });
  }
});

test.describe('look and layout', () => {
  test('dark and light themes switch', async ({ page }) => {
    await page.goto('/');
    await page.locator('starlight-theme-select select').first().selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.locator('starlight-theme-select select').first().selectOption('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });

  test('wide screens put the workspace beside the reading column; narrow screens slide it up as a sheet', async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(LESSON1);
    const reading = await page.locator('.cc-lesson__reading').boundingBox();
    const work = await page.locator('.cc-lesson__workspace').boundingBox();
    expect(work!.x).toBeGreaterThan(reading!.x + reading!.width - 2);
    await page.mouse.wheel(0, 3000);
    await expect(page.locator('.cc-lesson__workspace')).toBeInViewport();
    // Issue #15: on a phone the workspace is a bottom sheet over the text (tests/e2e/phone.spec.ts).
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(LESSON1);
    await expect(page.locator('.cc-lesson__workspace')).toBeHidden();
    await page.getByRole('button', { name: 'Workspace', exact: true }).click();
    await expect(page.locator('.cc-lesson__workspace')).toBeInViewport();
    await expect(page.locator('button.sl-menu-button')).toBeVisible();
  });

  test('has a favicon', async ({ page, request }) => {
    await page.goto('/');
    const href = await page.locator('link[rel="shortcut icon"], link[rel="icon"]').first().getAttribute('href');
    expect((await request.get(href!)).ok()).toBe(true);
  });
});
