import { test, expect, axe } from './fixtures.ts';

const SIZES = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
];
const PAGES = [
  { home: '/', page: '/teachers/', heading: 'For teachers', link: /teachers' guide/, step: '1. Assign' },
  { home: '/zh-cn/', page: '/zh-cn/teachers/', heading: '写给老师', link: /教师指南/, step: '1. 布置作业' },
];

for (const size of SIZES) {
  for (const p of PAGES) {
    test(`the Teachers page ${p.page} at ${size.name} size: reached from the home page, the commands shown, axe clean`, async ({ page }) => {
      // axe on a long page is slow on a busy 2-core machine: wait on results, with room for that.
      test.setTimeout(150_000);
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto(p.home);
      await page.getByRole('link', { name: p.link }).click();
      await expect(page).toHaveURL(new RegExp(`${p.page.replace(/\//g, '\\/')}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(p.heading);
      await expect(page.getByRole('heading', { level: 2, name: p.step })).toBeVisible();
      await expect(page.locator('pre', { hasText: 'container-course assignment new e11.1 --locale both --out e11.1-assignment' })).toBeVisible();
      await expect(page.locator('pre', { hasText: 'container-course grade --exercise e11.1 class --format canvas --out canvas.csv' })).toBeVisible();
      // No horizontal scrolling of the page itself on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await axe(page)).toEqual([]);
    });
  }
}
