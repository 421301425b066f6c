import type { Route } from '@playwright/test';
import { test, expect, LESSON1, LESSON1_ZH } from './fixtures.ts';
import { E11, editor, editorText, openFromCard, panel } from './exercise-helpers.ts';

/**
 * Issue #14: the findings come before Monaco (src/ui/exercise/early-text.ts). Monaco's chunk is
 * held back here until the test lets it go, so what a learner sees and types while it loads is
 * driven step by step: the text in a plain box, the starting text's findings with their line and
 * column from the grader worker, then the editor, with every keystroke typed before it kept.
 */
for (const [path, at] of [
  [LESSON1, /Line \d+, column \d+/],
  [LESSON1_ZH, /第 \d+ 行，第 \d+ 列/],
] as const) {
  test(`${path}: findings before Monaco is ready; text typed meanwhile is kept in the editor`, async ({ page }) => {
    test.setTimeout(120_000); // Monaco on a busy machine
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let routed!: () => void;
    const monacoAsked = new Promise<void>((r) => (routed = r));
    await page.route(/\/_astro\/monaco\.[\w-]+\.js$/, async (route: Route) => {
      routed();
      await held;
      await route.continue();
    });
    await page.goto(path);
    await openFromCard(page, E11);
    await monacoAsked;

    const box = panel(page, E11).locator('[data-role="early-editor"]');
    await expect(box).toBeVisible();
    await expect(box).toHaveValue(/^apiVersion: v1\n/);
    const first = panel(page, E11).locator('[data-role="findings"] > .cc-finding[data-line][data-column]').first();
    await expect(first).toBeVisible();
    await expect(first.locator('button.cc-link')).toHaveText(at);
    // No fix button until the editor holds the text it would change.
    await expect(panel(page, E11).locator('[data-role="findings"] [data-action="fix"]')).toHaveCount(0);
    await expect(editor(page, E11)).toHaveCount(0);

    // The position button puts the caret in the box; the learner types there.
    const line = Number(await first.getAttribute('data-line'));
    await first.locator('button.cc-link').click();
    await expect(box).toBeFocused();
    await page.keyboard.press('Home');
    await page.keyboard.type('# early ');
    await expect(panel(page, E11).locator('[data-role="findings"]')).toHaveAttribute('data-stale', 'true');

    release();
    await expect(editor(page, E11)).toBeVisible();
    await expect(box).toHaveCount(0);
    // The focus and the caret went over with the text: the next keys land right after the early ones.
    await page.keyboard.type('more ');
    await expect.poll(() => editorText(page, E11)).toContain('# early more ');
    const text = await editorText(page, E11);
    expect(text.split('\n')[line - 1]).toMatch(/^# early more /);
    // The edited text is graded and saved as any edit.
    await expect(panel(page, E11).locator('[data-role="findings"]')).not.toHaveAttribute('data-stale', 'true');
    await expect
      .poll(() => page.evaluate(() => JSON.stringify(JSON.parse(localStorage.getItem('cc:progress') ?? '{}').work?.['e11.1'] ?? null)))
      .toContain('# early more ');
  });
}
