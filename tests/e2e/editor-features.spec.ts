import { test, expect, LESSON1, LESSON1_ZH } from './fixtures.ts';
import { E11, editor, focusMissingDrop } from './exercise-helpers.ts';

/**
 * Issue #14: Monaco is bundled with only the parts the exercises use, and the modules it cannot
 * reach are stand-ins (src/ui/editor/vite-monaco-trim.mjs; the YAML worker runs on a slim base,
 * src/ui/editor/yaml-worker-start.ts). Each feature the exercises use is driven here by keyboard
 * in the built site, in both locales at laptop and phone sizes (a phone with a keyboard attached:
 * the shortcuts are the same): the hover on a finding, the schema's completions from the YAML
 * worker, find, and the next-problem key. The fixture fails the test on any console or page error,
 * so a stand-in that is reached (it throws, naming itself) fails it too.
 *
 * One page per locale and size walks the four features in turn (loading the page, Monaco and the
 * pasted manifest is the costly part; each step ends with the editor as it found it).
 */
const LOCALES = [
  // The finding's message in the page's language (src/checker/rules/course.ts, drop-all-capabilities) and its
  // position button's name (content/i18n/*.json cc.exercise.at).
  { name: 'en', path: LESSON1, message: 'does not drop ALL capabilities', at: /^Line \d+, column \d+$/ },
  { name: 'zh-cn', path: LESSON1_ZH, message: '没有丢弃全部能力（ALL）', at: /^第 \d+ 行，第 \d+ 列$/ },
];
const SIZES = [
  { name: 'laptop', use: { viewport: { width: 1366, height: 768 } } },
  { name: 'phone', use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
];

for (const loc of LOCALES) {
  for (const size of SIZES) {
    test.describe(`the exercise editor keeps every feature the exercises use (${loc.name}, ${size.name})`, () => {
      test.use(size.use);
      // Four features on one page: twice the configured time (a ceiling for a busy machine, never waited for).
      test.describe.configure({ timeout: 180_000 });

      test('hover (Ctrl+K Ctrl+I), next problem (F8), completion (Ctrl+Space) and find (Ctrl+F)', async ({ page }) => {
        // The finding's position button puts the cursor on its line (13) and focuses the editor.
        await focusMissingDrop(page, loc.path, loc.at);
        const ed = editor(page, E11);

        await test.step('hover (Ctrl+K Ctrl+I) shows the finding at the cursor', async () => {
          await page.keyboard.press('Control+K');
          await page.keyboard.press('Control+I');
          const hover = page.locator('.monaco-hover').filter({ hasText: loc.message }).first();
          await expect(hover).toBeVisible();
          // (Moving the cursor closes it: Esc with a hover open also moves the focus past the editor, src/ui/editor/escape.ts.)
          await page.keyboard.press('ControlOrMeta+Home');
          await expect(hover).toBeHidden();
        });

        await test.step('the next problem (F8) opens the marker view with its message', async () => {
          await page.keyboard.press('ControlOrMeta+Home');
          await page.keyboard.press('F8');
          await expect(ed.locator('.marker-widget').first()).toBeVisible();
          await expect(ed.locator('.marker-widget')).toContainText(loc.message);
          await page.keyboard.press('Escape');
          await expect(ed.locator('.marker-widget')).toHaveCount(0);
        });

        await test.step("completion (Ctrl+Space) offers the schema's fields from the YAML worker", async () => {
          // A new key under securityContext: after line 12 (allowPrivilegeEscalation: false).
          await page.keyboard.press('ControlOrMeta+Home');
          for (let i = 1; i < 12; i++) await page.keyboard.press('ArrowDown');
          await page.keyboard.press('End');
          await page.keyboard.press('Enter');
          await page.keyboard.type('runAsN');
          await page.keyboard.press('Control+Space');
          const row = page.locator('.suggest-widget .monaco-list-row').filter({ hasText: 'runAsNonRoot' }).first();
          await expect(row).toBeVisible();
          await page.keyboard.press('Escape');
          await expect(row).toBeHidden();
        });

        await test.step('find (Ctrl+F) counts the matches and Escape closes it', async () => {
          await page.keyboard.press('ControlOrMeta+F');
          const find = ed.locator('.find-widget');
          await expect(find).toHaveClass(/\bvisible\b/);
          await page.keyboard.type('demo');
          await expect(find.locator('.matchesCount')).toHaveText(/^1 of 3$/);
          await page.keyboard.press('Escape');
          await expect(find).not.toHaveClass(/\bvisible\b/);
        });
      });
    });
  }
}
