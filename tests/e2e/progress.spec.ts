import { readFileSync } from 'node:fs';
import { test, expect, LESSON1, SOON } from './fixtures.ts';
import { E11, MISSING_DROP, S0_INDENTATION_BUG, editor, editorText, openFromCard, panel, setEditorText } from './exercise-helpers.ts';

const stored = (page: import('@playwright/test').Page) => page.evaluate(() => localStorage.getItem('cc:progress'));

test.describe('progress and learner work', () => {
  test('the text is autosaved within a second and is there after a reload', async ({ page }) => {
    await page.goto(LESSON1);
    await openFromCard(page, E11);
    await expect(editor(page, E11)).toBeVisible();
    await setEditorText(page, E11, S0_INDENTATION_BUG);
    await expect
      .poll(async () => JSON.parse((await stored(page)) ?? '{}').work?.[E11]?.files?.['pod.yaml'], { ...SOON, timeout: 1000 })
      .toBe(S0_INDENTATION_BUG);
    await page.reload();
    // The open tab comes back too, and with it the editor and the learner's text.
    await expect(page.getByRole('tab', { selected: true })).toHaveAttribute('data-tab', E11);
    await expect(editor(page, E11)).toBeVisible();
    await expect.poll(() => editorText(page, E11), SOON).toBe(S0_INDENTATION_BUG.trimEnd());
  });

  test('export, clear storage, import: everything is back', async ({ page }) => {
    await page.goto(LESSON1);
    await openFromCard(page, E11);
    await expect(editor(page, E11)).toBeVisible();
    await setEditorText(page, E11, MISSING_DROP);
    await panel(page, E11).locator('.cc-finding[data-rule="drop-all-capabilities"]').getByRole('button', { name: 'Apply fix' }).click();
    await expect(panel(page, E11).locator('.cc-finding[data-rule="drop-all-capabilities"]')).toHaveCount(0);
    await panel(page, E11).getByRole('button', { name: 'Check' }).click();
    await expect(panel(page, E11).locator('.cc-ex__score')).toContainText('Score: 10 of 10');
    await panel(page, E11).getByRole('button', { name: 'Show a hint' }).click();
    await expect(panel(page, E11).locator('.cc-ex__hints li')).toHaveCount(1);
    const textBefore = await editorText(page, E11);

    const exporting = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export progress' }).click();
    const file = await exporting;
    const path = await file.path();
    const backup = JSON.parse(readFileSync(path, 'utf8'));
    expect(backup.format).toBe('container-course-progress');
    expect(backup.progress.exercises[E11].status).toBe('passed');

    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await openFromCard(page, E11);
    await expect(editor(page, E11)).toBeVisible();
    await expect.poll(() => editorText(page, E11), SOON).toContain('securityContext: {}');
    await expect(page.locator(`.cc-tab [data-done-for="${E11}"]`)).toBeHidden();

    page.once('dialog', (d) => void d.accept());
    const reloaded = page.waitForEvent('load');
    await page.locator('[data-role="import-file"]').setInputFiles(path);
    await expect(page.locator('[data-role="progress-status"]')).toHaveText('Progress imported. Reloading the page…');
    await reloaded;
    await expect(page.locator(`.cc-tab [data-done-for="${E11}"]`)).toBeVisible();
    await openFromCard(page, E11);
    await expect.poll(() => editorText(page, E11), SOON).toBe(textBefore);
    await expect(panel(page, E11).locator('.cc-ex__hints li')).toHaveCount(1);
    // Lossless: what is stored now is what was exported (opening the exercise re-evaluates it,
    // which only moves its updatedAt).
    const now = JSON.parse((await stored(page))!);
    const withoutTimes = (p: { exercises: Record<string, Record<string, unknown>> }) => ({
      ...p,
      visited: null,
      exercises: Object.fromEntries(Object.entries(p.exercises).map(([k, v]) => [k, { ...v, updatedAt: null }])),
    });
    expect(withoutTimes(now)).toEqual(withoutTimes(backup.progress));
    expect(JSON.parse((await stored(page))!).work).toEqual(backup.progress.work);
  });

  test('a lesson whose exercises all passed is marked done in the lesson list on the home page and in the sidebar', async ({ page }) => {
    await page.goto('/');
    await page.evaluate(() => {
      const passed = { status: 'passed', score: 1, max: 1, updatedAt: 't' };
      localStorage.setItem(
        'cc:progress',
        JSON.stringify({
          version: 2,
          visited: {},
          work: {},
          exercises: { 'e1.1': passed, 'e1.2': passed, 'e2.2': passed, 'e11.1': { ...passed, status: 'started' } },
        }),
      );
    });
    await page.reload();
    const homeMark = page.locator('a[data-cc-lesson="lessons/01-containers-are-processes"] .cc-mark');
    await expect(homeMark).toHaveAttribute('data-state', 'new');
    // Passing the last exercise on the lesson page updates the marks there at once.
    await page.goto(LESSON1);
    await openFromCard(page, E11);
    await expect(editor(page, E11)).toBeVisible();
    await setEditorText(page, E11, MISSING_DROP);
    await panel(page, E11).locator('.cc-finding[data-rule="drop-all-capabilities"]').getByRole('button', { name: 'Apply fix' }).click();
    await expect(panel(page, E11).locator('.cc-finding[data-rule="drop-all-capabilities"]')).toHaveCount(0);
    await panel(page, E11).getByRole('button', { name: 'Check' }).click();
    await expect(page.locator('nav.sidebar a[href*="01-containers-are-processes"] .cc-mark')).toHaveAttribute('data-state', 'done');
    await page.goto('/');
    await expect(homeMark).toHaveAttribute('data-state', 'done');
  });

  test('a file that is not an export is refused with a reason, and nothing changes', async ({ page }) => {
    await page.goto(LESSON1);
    const before = await stored(page);
    await page.locator('[data-role="import-file"]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
    await expect(page.locator('[data-role="progress-status"]')).toHaveText('This file could not be imported: it is not a progress export of this course');
    expect(await stored(page)).toBe(before);
  });

  test('corrupted saved progress is reported and never overwritten', async ({ page }) => {
    await page.goto(LESSON1);
    await page.evaluate(() => localStorage.setItem('cc:progress', '{"version": 2, "visited": [oops'));
    await page.reload();
    await expect(page.locator('[data-role="storage-problem"]')).toContainText('Your saved progress cannot be read');
    await openFromCard(page, E11);
    await expect(editor(page, E11)).toBeVisible();
    // No fixed wait: the panel saves a changed text as it starts grading it, so once the starter's findings
    // are on screen (data-version) and the new text's have replaced them (no longer data-stale), a save was tried.
    const findings = panel(page, E11).locator('[data-role="findings"]');
    await expect(findings).toHaveAttribute('data-version', /.*/);
    await setEditorText(page, E11, MISSING_DROP);
    await expect(findings).not.toHaveAttribute('data-stale', 'true');
    expect(await stored(page)).toBe('{"version": 2, "visited": [oops');
  });

  test('full storage is reported and the saved value is kept', async ({ page }) => {
    await page.goto(LESSON1);
    await openFromCard(page, E11);
    await expect(editor(page, E11)).toBeVisible();
    await setEditorText(page, E11, S0_INDENTATION_BUG);
    await expect.poll(async () => JSON.parse((await stored(page)) ?? '{}').work?.[E11]?.files?.['pod.yaml'], SOON).toBe(S0_INDENTATION_BUG);
    await page.evaluate(() => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key === 'cc:progress' || key === 'cc:probe') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.call(this, key, value);
      };
    });
    await setEditorText(page, E11, MISSING_DROP);
    await expect(page.locator('[data-role="storage-problem"]')).toContainText("The browser's storage for this site is full");
    expect(JSON.parse((await stored(page))!).work[E11].files['pod.yaml']).toBe(S0_INDENTATION_BUG);
  });

  test('disabled storage is reported and the exercise still works', async ({ page, problems }) => {
    const ours: string[] = [];
    page.on('pageerror', (e) => {
      // Starlight's inline theme scripts read localStorage unguarded (`typeof localStorage` runs the
      // throwing getter); those errors have no stack. Errors from our bundled code (/_astro/) count.
      if ((e.stack ?? '').includes('/_astro/')) ours.push(`${e.message}\n${e.stack}`);
    });
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      });
    });
    await page.goto(LESSON1);
    await expect(page.locator('[data-role="storage-problem"]')).toContainText('does not let the course store data');
    await openFromCard(page, E11);
    await expect(editor(page, E11)).toBeVisible();
    await setEditorText(page, E11, S0_INDENTATION_BUG);
    await expect(panel(page, E11).locator('.cc-finding[data-rule="k8s-unknown-field"]')).toBeVisible();
    expect(ours).toEqual([]);
    problems.splice(0, problems.length, ...problems.filter((p) => !/^page error: (denied|StarlightThemeProvider is not defined)$/.test(p)));
  });
});
