import { test, expect, LESSON1 } from './fixtures.ts';

/**
 * Issue #14: the printable ASCII characters' widths are measured in one layout when the terminal starts
 * (src/ui/terminal/widths.ts) instead of one forced layout each as xterm's DOM renderer first draws them.
 * The renderer spaces every character by (cell width − its measured width): a wrong width would put the
 * row's text off the cell grid. Here every printable ASCII character is drawn, and the row's text must end
 * exactly where its cells end, as the cursor's cell width says.
 */
const TEXT = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))
  .join('')
  .replace(/[^A-Za-z0-9]/g, '');

test('characters measured at the start sit on the cell grid', async ({ page }) => {
  await page.goto(LESSON1);
  await page.getByRole('button', { name: 'Start the terminal' }).click();
  const rows = page.locator('cc-terminal .xterm-rows');
  await expect(rows).toContainText('root@node1:~#');
  await page.keyboard.insertText(`echo ${TEXT}`);
  await page.keyboard.press('Enter');
  await expect(rows.locator('> div', { hasText: new RegExp(`^${TEXT}\\s*$`) })).toHaveCount(1);
  const { text, cell } = await page.evaluate((t) => {
    const row = [...document.querySelectorAll('cc-terminal .xterm-rows > div')].find((r) => r.textContent?.trim() === t)!;
    const range = document.createRange();
    range.selectNodeContents(row);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    const cursor = document.querySelector('cc-terminal .xterm-rows .xterm-cursor')!.getBoundingClientRect();
    const left = row.getBoundingClientRect().left;
    return { text: Math.max(...rects.map((r) => r.right)) - left, cell: cursor.width };
  }, TEXT);
  expect(cell).toBeGreaterThan(0);
  expect(Math.abs(text - TEXT.length * cell)).toBeLessThan(1);
});
