import { mkdirSync, writeFileSync } from 'node:fs';
import { test, expect, axe, LESSON1, LESSON1_ZH } from './fixtures.ts';
import { E11, MISSING_DROP, S0_INDENTATION_BUG, editor, editorText, gradeWithCli, markerLines, openFromCard, panel, setEditorText } from './exercise-helpers.ts';

/** Monaco's code, recognised by its file names and by a string only Monaco's bundle holds. */
const MONACO_NAME = /monaco|editor\.worker|yaml\.worker|codicon/i;
const MONACO_TEXT = 'MonacoEnvironment';

test.describe('manifest exercise (E11.1)', () => {
  test('Monaco is not fetched at page load, only when the exercise opens; bytes and time to first markers', async ({ page }) => {
    const scripts: { url: string; bytes: number; body: string; at: number }[] = [];
    page.on('response', async (r) => {
      const type = r.request().resourceType();
      if (!['script', 'other', 'fetch', 'stylesheet', 'font'].includes(type)) return;
      if (!/\.(m?js|css|ttf)(\?|$)/.test(r.url())) return;
      const body = await r.body().catch(() => Buffer.alloc(0));
      scripts.push({ url: r.url(), bytes: body.length, body: type === 'script' || type === 'other' ? body.toString('utf8') : '', at: Date.now() });
    });
    await page.goto(LESSON1);
    await page.waitForLoadState('networkidle');
    const atLoad = [...scripts];
    expect(atLoad.filter((s) => MONACO_NAME.test(s.url)).map((s) => s.url)).toEqual([]);
    expect(atLoad.filter((s) => s.body.includes(MONACO_TEXT)).map((s) => s.url)).toEqual([]);

    const clicked = Date.now();
    await openFromCard(page, E11);
    await expect(editor(page, E11)).toBeVisible();
    // The starting text already has findings (no resources, no capabilities dropped …).
    await expect(editor(page, E11).locator('.squiggly-error, .squiggly-warning, .squiggly-info').first()).toBeAttached();
    const firstMarkers = Date.now() - clicked;
    await page.waitForLoadState('networkidle');
    const after = scripts.filter((s) => s.at >= clicked);
    expect(after.some((s) => s.body.includes(MONACO_TEXT))).toBe(true);
    const monacoJs = after.filter((s) => /\.m?js(\?|$)/.test(s.url) && (MONACO_NAME.test(s.url) || s.body.includes(MONACO_TEXT)));
    const allJs = after.filter((s) => /\.m?js(\?|$)/.test(s.url));
    const figures = {
      clickToFirstMarkersMs: firstMarkers,
      monacoJsBytes: monacoJs.reduce((n, s) => n + s.bytes, 0),
      allJsBytesAfterOpen: allJs.reduce((n, s) => n + s.bytes, 0),
      files: allJs.map((s) => ({ file: s.url.replace(/^.*\/_astro\//, ''), bytes: s.bytes })),
    };
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/exercise-figures.json', JSON.stringify(figures, null, 2));
    console.log(`exercise figures: ${JSON.stringify({ ...figures, files: undefined })}`);
  });

  test('a wrong answer gets a marker at its line and the right message; a one-click fix reaches full marks', async ({ page }) => {
    await page.goto(LESSON1);
    await openFromCard(page, E11);
    await expect(editor(page, E11)).toBeVisible();

    await setEditorText(page, E11, S0_INDENTATION_BUG);
    const unknown = panel(page, E11).locator('.cc-finding[data-rule="k8s-unknown-field"]');
    await expect(unknown).toHaveAttribute('data-line', '12');
    await expect(unknown).toHaveAttribute('data-column', '7');
    await expect(unknown).toContainText('strict decoding error: unknown field "spec.containers[0].securityContext.drop"');
    await expect(unknown).toContainText('Line 12, column 7');
    await expect(unknown.locator('dd').first()).toHaveText('spec.containers[0].securityContext.drop');
    await expect.poll(() => markerLines(page, E11, 'error')).toContain(12);

    await setEditorText(page, E11, MISSING_DROP);
    const drop = panel(page, E11).locator('.cc-finding[data-rule="drop-all-capabilities"]');
    await expect(drop).toContainText('container "demo" does not drop ALL capabilities');
    await expect(drop.locator('dl')).toContainText('Container');
    await expect(drop.locator('dl')).toContainText('demo');
    await expect(panel(page, E11).locator('.cc-finding[data-rule="k8s-unknown-field"]')).toHaveCount(0);
    await drop.getByRole('button', { name: 'Apply fix' }).click();
    await expect(panel(page, E11).locator('.cc-finding[data-rule="drop-all-capabilities"]')).toHaveCount(0);
    expect(await editorText(page, E11)).toContain('drop:');

    await panel(page, E11).getByRole('button', { name: 'Check' }).click();
    await expect(panel(page, E11).locator('.cc-ex__score')).toContainText('Score: 10 of 10');
    await expect(panel(page, E11).locator('.cc-ex__score')).toContainText('Full marks');
    await expect(page.locator(`.cc-tab [data-done-for="${E11}"]`)).toBeVisible();
    await expect(page.locator(`.cc-card [data-done-for="${E11}"]`)).toBeVisible();

    // The downloaded submission re-grades to the same score with the CLI.
    const downloading = page.waitForEvent('download');
    await panel(page, E11).getByRole('button', { name: 'Download submission' }).click();
    const file = await downloading;
    expect(file.suggestedFilename()).toBe(`${E11}-submission.json`);
    const json = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    const sub = JSON.parse(json);
    expect(Object.keys(sub).sort()).toEqual(['courseVersion', 'exercise', 'format', 'text', 'timestamp', 'version']);
    expect(sub).toMatchObject({ format: 'container-course-submission', version: 1, exercise: E11, courseVersion: '0.1.0' });
    expect(gradeWithCli(E11, json)).toMatchObject({ score: 10, max: 10 });
  });

  test('monaco-yaml validates against the generated Kubernetes schema (a field only the schema knows)', async ({ page }) => {
    await page.goto(LESSON1);
    await openFromCard(page, E11);
    await expect(editor(page, E11)).toBeVisible();
    await setEditorText(page, E11, MISSING_DROP.replace('  name: demo\n', '  name: demo\n  bogus: 1\n'));
    // Line 5 is metadata.bogus: the checker's rules do not look there, the schema does.
    await expect
      .poll(async () => [...(await markerLines(page, E11, 'error')), ...(await markerLines(page, E11, 'warning'))], { timeout: 15_000 })
      .toContain(5);
    await expect(panel(page, E11).locator('.cc-finding[data-line="5"]')).toHaveCount(0);
  });

  test('the fix is also a quick fix in the editor, by keyboard (Ctrl+.)', async ({ page }) => {
    await page.goto(LESSON1);
    await openFromCard(page, E11);
    await expect(editor(page, E11)).toBeVisible();
    await setEditorText(page, E11, MISSING_DROP);
    const drop = panel(page, E11).locator('.cc-finding[data-rule="drop-all-capabilities"]');
    // Wait for the check of the pasted text: until then the list still shows the starting
    // text's findings (drop at line 11, where other fixes are offered too).
    await expect(drop).toHaveAttribute('data-line', '13');
    await drop.getByRole('button', { name: /^Line \d+, column \d+$/ }).click();
    await expect(editor(page, E11)).toHaveClass(/\bfocused\b/);
    await page.keyboard.press('Control+Period');
    await expect(page.getByText(/Apply fix: Add capabilities/).first()).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(drop).toHaveCount(0);
    expect(await editorText(page, E11)).toContain('drop:');
  });

  test('hints come one at a time; the solution asks first', async ({ page }) => {
    await page.goto(LESSON1);
    await openFromCard(page, E11);
    await expect(editor(page, E11)).toBeVisible();
    await setEditorText(page, E11, S0_INDENTATION_BUG);
    await panel(page, E11).getByRole('button', { name: 'Check' }).click();
    await expect(panel(page, E11).locator('.cc-ex__score')).toContainText('of 10');
    await panel(page, E11).getByRole('button', { name: 'Show a hint' }).click();
    await expect(panel(page, E11).locator('.cc-ex__hints li')).toHaveCount(1);
    await expect(panel(page, E11).locator('.cc-ex__hints li').first()).toContainText('"drop:" sits at the same level as "capabilities:"');
    page.once('dialog', (d) => void d.dismiss());
    await panel(page, E11).getByRole('button', { name: 'Show the solution' }).click();
    await expect(panel(page, E11).locator('.cc-ex__solution pre')).toHaveCount(0);
    page.once('dialog', (d) => void d.accept());
    await panel(page, E11).getByRole('button', { name: 'Show the solution' }).click();
    await expect(panel(page, E11).locator('.cc-ex__solution pre')).toContainText('NET_BIND_SERVICE');
  });

  test('the editor and its findings pass axe, in both locales', async ({ page }) => {
    for (const path of [LESSON1, LESSON1_ZH]) {
      await page.goto(path);
      await openFromCard(page, E11);
      await expect(editor(page, E11)).toBeVisible();
      await setEditorText(page, E11, S0_INDENTATION_BUG);
      await expect(panel(page, E11).locator('.cc-finding[data-rule="k8s-unknown-field"]')).toBeVisible();
      expect(await axe(page)).toEqual([]);
    }
  });

  test('the Chinese page shows the task and the findings in Chinese', async ({ page }) => {
    await page.goto(LESSON1_ZH);
    await openFromCard(page, E11);
    await expect(panel(page, E11)).toContainText('最高安全级别的容器');
    await setEditorText(page, E11, MISSING_DROP);
    await expect(panel(page, E11).locator('.cc-finding[data-rule="drop-all-capabilities"]')).toContainText('第');
    await expect(panel(page, E11).getByRole('button', { name: '应用修复' }).first()).toBeVisible();
  });

  test('hostile text in a manifest is shown as text, never run', async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(LESSON1);
    await openFromCard(page, E11);
    await expect(editor(page, E11)).toBeVisible();
    const url = page.url();
    const scriptsBefore = await page.locator('script').count();
    const hostile = `apiVersion: v1
kind: Pod
metadata:
  name: "<script>alert(1)</script>"
spec:
  containers:
  - name: "<img src=x onerror=alert(2)>"
    image: "javascript:alert(3)"
    securityContext:
      "<svg onload=alert(4)>": true
`;
    await setEditorText(page, E11, hostile);
    const findings = panel(page, E11).locator('.cc-findings');
    await expect(findings).toContainText('<img src=x onerror=alert(2)>');
    await expect(findings).toContainText('javascript:alert(3)');
    await expect(findings).toContainText('<svg onload=alert(4)>');
    await expect(findings.locator('img, svg, script, a[href^="javascript"]')).toHaveCount(0);
    await page.waitForTimeout(500);
    expect(dialogs).toBe(0);
    expect(await page.locator('script').count()).toBe(scriptsBefore);
    expect(page.url()).toBe(url);
  });
});
