import { test, expect } from './fixtures.ts';
import { E11, editor, focusMissingDrop } from './exercise-helpers.ts';

/**
 * Issue #14: Monaco is bundled with only the parts the exercises use, and the modules it cannot
 * reach are stand-ins (src/ui/editor/vite-monaco-trim.mjs; the YAML worker runs on a slim base,
 * src/ui/editor/yaml-worker-start.ts). Each feature the exercises use is driven here by keyboard
 * in the built site: the hover on a finding, the schema's completions from the YAML worker, find,
 * and the next-problem key. The fixture fails the test on any console or page error, so a stand-in
 * that is reached (it throws, naming itself) fails it too.
 */
test.describe('the exercise editor keeps every feature the exercises use', () => {
  // The finding's position button puts the cursor on its line and focuses the editor.
  test.beforeEach(async ({ page }) => {
    await focusMissingDrop(page);
  });

  test('hover (Ctrl+K Ctrl+I) shows the finding at the cursor', async ({ page }) => {
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await expect(page.locator('.monaco-hover').filter({ hasText: 'does not drop ALL capabilities' }).first()).toBeVisible();
  });

  test('the next problem (F8) opens the marker view with its message', async ({ page }) => {
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.press('F8');
    await expect(editor(page, E11).locator('.marker-widget').first()).toBeVisible();
    await expect(editor(page, E11).locator('.marker-widget')).toContainText(/capabilities/);
  });

  test("completion (Ctrl+Space) offers the schema's fields from the YAML worker", async ({ page }) => {
    // A new key under securityContext (line 12 is allowPrivilegeEscalation: false).
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('runAsN');
    await page.keyboard.press('Control+Space');
    await expect(page.locator('.suggest-widget .monaco-list-row').filter({ hasText: 'runAsNonRoot' }).first()).toBeVisible();
    await page.keyboard.press('Escape');
  });

  test('find (Ctrl+F) counts the matches and Escape closes it', async ({ page }) => {
    await page.keyboard.press('ControlOrMeta+F');
    const find = editor(page, E11).locator('.find-widget');
    await expect(find).toHaveClass(/\bvisible\b/);
    await page.keyboard.type('demo');
    await expect(find.locator('.matchesCount')).toHaveText(/^1 of 3$/);
    await page.keyboard.press('Escape');
    await expect(find).not.toHaveClass(/\bvisible\b/);
  });
});
