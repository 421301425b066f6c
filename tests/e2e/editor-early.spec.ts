import type { Locator, Page, Route } from '@playwright/test';
import { test, expect, LESSON1, LESSON1_ZH, SOON } from './fixtures.ts';
import { E11, editor, editorText, panel } from './exercise-helpers.ts';

/**
 * Issue #14: the findings come before Monaco (src/ui/exercise/early-text.ts). Monaco's chunk is
 * held back here until the test lets it go, so what a learner sees and types while it loads is
 * driven step by step: the text in a plain box, the starting text's findings with their line and
 * column from the grader worker, then the editor, with every keystroke typed before it kept. On a
 * laptop and on a phone (390×844, touch: the exercise opens in the workspace sheet), in English
 * and Chinese; and an exercise with two files, whose file buttons work before Monaco does.
 */

/** Holds Monaco's chunk back: `asked` once the page requests it, which it then gets at `release()`. */
async function holdMonaco(page: Page): Promise<{ asked: Promise<void>; release: () => void }> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let routed!: () => void;
  const asked = new Promise<void>((r) => (routed = r));
  await page.route(/\/_astro\/monaco\.[\w-]+\.js$/, async (route: Route) => {
    routed();
    await held;
    await route.continue();
  });
  return { asked, release };
}

const saved = (page: Page, id: string) => page.evaluate((x) => JSON.stringify(JSON.parse(localStorage.getItem('cc:progress') ?? '{}').work?.[x] ?? null), id);

const SIZES = [
  { size: 'laptop', use: { viewport: { width: 1366, height: 768 } }, phone: false },
  { size: 'phone', use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 }, phone: true },
] as const;

for (const { size, use, phone } of SIZES) {
  test.describe(`${size} (${use.viewport.width}×${use.viewport.height})`, () => {
    test.use(use);
    const press = (l: Locator) => (phone ? l.tap() : l.click());

    for (const [path, at] of [
      [LESSON1, /Line \d+, column \d+/],
      [LESSON1_ZH, /第 \d+ 行，第 \d+ 列/],
    ] as const) {
      test(`${path}: findings before Monaco is ready; text typed meanwhile is kept in the editor`, async ({ page }) => {
        test.setTimeout(120_000); // Monaco on a busy machine
        const monaco = await holdMonaco(page);
        await page.goto(path);
        // From the exercise's card in the reading column, as a learner opens it (on a phone, the sheet slides up).
        await press(page.locator(`[data-cc-open-exercise="${E11}"]`));
        await expect(page.getByRole('tab', { selected: true })).toHaveAttribute('data-tab', E11);
        await monaco.asked;

        const box = panel(page, E11).locator('[data-role="early-editor"]');
        await expect(box).toBeVisible();
        await expect(box).toHaveValue(/^apiVersion: v1\n/);
        if (phone) {
          // The box is where the editor will be: in view in the sheet, within the screen's width.
          await expect(box).toBeInViewport();
          const r = (await box.boundingBox())!;
          expect(r.x).toBeGreaterThanOrEqual(0);
          expect(r.x + r.width).toBeLessThanOrEqual(390);
          expect(r.height).toBeGreaterThanOrEqual(150);
        }
        const first = panel(page, E11).locator('[data-role="findings"] > .cc-finding[data-line][data-column]').first();
        await expect(first).toBeVisible();
        await expect(first.locator('button.cc-link')).toHaveText(at);
        // No fix button until the editor holds the text it would change.
        await expect(panel(page, E11).locator('[data-role="findings"] [data-action="fix"]')).toHaveCount(0);
        await expect(editor(page, E11)).toHaveCount(0);

        // The position button puts the caret in the box; the learner types there.
        const line = Number(await first.getAttribute('data-line'));
        await press(first.locator('button.cc-link'));
        await expect(box).toBeFocused();
        await page.keyboard.press('Home');
        await page.keyboard.type('# early ');
        await expect(panel(page, E11).locator('[data-role="findings"]')).toHaveAttribute('data-stale', 'true');

        monaco.release();
        await expect(editor(page, E11)).toBeVisible();
        await expect(box).toHaveCount(0);
        // The focus and the caret went over with the text: the next keys land right after the early ones.
        await page.keyboard.type('more ');
        await expect.poll(() => editorText(page, E11), SOON).toContain('# early more ');
        const text = await editorText(page, E11);
        expect(text.split('\n')[line - 1]).toMatch(/^# early more /);
        // The edited text is graded and saved as any edit.
        await expect(panel(page, E11).locator('[data-role="findings"]')).not.toHaveAttribute('data-stale', 'true');
        await expect.poll(() => saved(page, E11), SOON).toContain('# early more ');
      });
    }
  });
}

test('two files (E10.1, Dockerfile and docker-entrypoint.sh): the file buttons switch the early box, and both texts go to the editor', async ({ page }) => {
  test.setTimeout(120_000);
  const id = 'e10.1';
  const monaco = await holdMonaco(page);
  await page.goto('/lessons/10-pid1-and-signals/');
  await page.locator(`[data-cc-open-exercise="${id}"]`).click();
  await monaco.asked;

  const box = panel(page, id).locator('[data-role="early-editor"]');
  const file = (name: string) => panel(page, id).getByRole('button', { name, exact: true });
  await expect(box).toHaveValue(/^FROM nginx:1\.25\n/);
  await expect(box).toHaveAccessibleName(/^Editor for Dockerfile\./);
  await expect(file('Dockerfile')).toHaveAttribute('aria-pressed', 'true');

  // The second file, edited before Monaco is there.
  await file('docker-entrypoint.sh').click();
  await expect(file('docker-entrypoint.sh')).toHaveAttribute('aria-pressed', 'true');
  await expect(file('Dockerfile')).toHaveAttribute('aria-pressed', 'false');
  await expect(box).toHaveValue(/^echo "preparing config"\n/);
  await expect(box).toHaveAccessibleName(/^Editor for docker-entrypoint\.sh\./);
  await box.click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.type('#!/bin/sh\n');

  // A finding in the Dockerfile (ENTRYPOINT's shell form, line 3) brings the Dockerfile back, caret on its line.
  const finding = panel(page, id).locator('.cc-finding[data-rule="df-exec-form"]');
  await expect(finding).toHaveAttribute('data-line', '3');
  await finding.locator('button.cc-link').click();
  await expect(file('Dockerfile')).toHaveAttribute('aria-pressed', 'true');
  await expect(box).toHaveValue(/^FROM nginx:1\.25\n/);
  await expect(box).toBeFocused();
  await page.keyboard.type('# df ');
  await expect(box).toHaveValue(/\n# df ENTRYPOINT \/docker-entrypoint\.sh\n/);
  // Back to the script: its edit is still there.
  await file('docker-entrypoint.sh').click();
  await expect(box).toHaveValue(/^#!\/bin\/sh\necho "preparing config"\n/);
  await file('Dockerfile').click();

  monaco.release();
  await expect(editor(page, id)).toBeVisible();
  await expect(box).toHaveCount(0);
  await expect.poll(() => editorText(page, id), SOON).toContain('# df ENTRYPOINT /docker-entrypoint.sh');
  await file('docker-entrypoint.sh').click();
  await expect.poll(() => editorText(page, id), SOON).toMatch(/^#!\/bin\/sh\necho "preparing config"/);
  // Both edits are graded and saved.
  await expect(panel(page, id).locator('[data-role="findings"]')).not.toHaveAttribute('data-stale', 'true');
  await expect.poll(() => saved(page, id), SOON).toContain('# df ENTRYPOINT');
  await expect.poll(() => saved(page, id), SOON).toContain('#!/bin/sh\\necho');
});
