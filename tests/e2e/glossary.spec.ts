import { test, expect } from './fixtures.ts';

test('the glossary lists the terms in both locales, from the data file', async ({ page }) => {
  await page.goto('/glossary/');
  const row = page.locator('tr#copy-on-write');
  await expect(row.locator('th')).toHaveText('copy-on-write');
  await expect(row.locator('td').first()).toHaveText('写时复制');
  await page.goto('/zh-cn/glossary/');
  await expect(page.locator('tr#copy-on-write th')).toHaveText('写时复制');
  expect(await page.locator('.cc-glossary tbody tr').count()).toBeGreaterThanOrEqual(54);
});
