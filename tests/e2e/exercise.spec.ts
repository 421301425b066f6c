import { mkdirSync, writeFileSync } from 'node:fs';
import { test, expect, axe, LESSON1, LESSON1_ZH, WORKSPACE_AND_CARDS, SOON } from './fixtures.ts';
import {
  E11,
  MISSING_DROP,
  S0_INDENTATION_BUG,
  editor,
  editorText,
  gradeWithCli,
  markerLines,
  openFromCard,
  panel,
  focusMissingDrop,
  setEditorText,
} from './exercise-helpers.ts';

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
    await expect.poll(() => markerLines(page, E11, 'error'), SOON).toContain(12);

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
    expect(Object.keys(sub).sort()).toEqual(['courseVersion', 'exercise', 'format', 'student', 'submittedAt', 'text', 'timestamp', 'version']);
    expect(sub.student).toEqual({});
    expect(sub.submittedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
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
      .poll(async () => [...(await markerLines(page, E11, 'error')), ...(await markerLines(page, E11, 'warning'))], { ...SOON, timeout: 15_000 })
      .toContain(5);
    await expect(panel(page, E11).locator('.cc-finding[data-line="5"]')).toHaveCount(0);
  });

  test('the fix is also a quick fix in the editor, by keyboard (Ctrl+.)', async ({ page }) => {
    const drop = await focusMissingDrop(page);
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
    await expect(panel(page, E11).locator('.cc-ex__solution pre')).toContainText('containerPort: 8888');
  });

  test('the editor and its findings pass axe, in both locales', async ({ page }) => {
    test.setTimeout(150_000); // Monaco twice and axe twice, on a busy 2-core machine
    for (const path of [LESSON1, LESSON1_ZH]) {
      await page.goto(path);
      await openFromCard(page, E11);
      await expect(editor(page, E11)).toBeVisible();
      await setEditorText(page, E11, S0_INDENTATION_BUG);
      await expect(panel(page, E11).locator('.cc-finding[data-rule="k8s-unknown-field"]')).toBeVisible();
      // The findings of this text, not the stale ones of the text before (which axe checks too, elsewhere).
      await expect(panel(page, E11).locator('[data-role="findings"]')).not.toHaveAttribute('data-stale', 'true');
      // The workspace and the exercise cards, what the exercise changed: the rest of the page is as it loaded,
      // which a11y.spec checks in both locales (axe over the whole lesson took 7-17 s here, these 1-2 s, load 30-40).
      expect(await axe(page, WORKSPACE_AND_CARDS)).toEqual([]);
    }
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
    // The findings list (findings beyond the exercise sit in a nested list inside it).
    const findings = panel(page, E11).locator('[data-role="findings"]');
    await expect(findings).toContainText('<img src=x onerror=alert(2)>');
    await expect(findings).toContainText('javascript:alert(3)');
    await expect(findings).toContainText('<svg onload=alert(4)>');
    await expect(findings.locator('img, svg, script, a[href^="javascript"]')).toHaveCount(0);
    // No fixed wait for a late alert: with no img, svg, script or javascript: link in the DOM (just above),
    // no handler is left that could open one later.
    expect(dialogs).toBe(0);
    expect(await page.locator('script').count()).toBe(scriptsBefore);
    expect(page.url()).toBe(url);
  });

  test('findings beyond the exercise are shown apart and never counted; the solution shows "No findings."', async ({ page }) => {
    await page.goto(LESSON1);
    await openFromCard(page, E11);
    await expect(editor(page, E11)).toBeVisible();
    const p = panel(page, E11);
    const beyond = p.locator('.cc-findings__beyond');
    // The starter: resources, digest pinning … (the reference solution has them too) are beyond E11.1.
    await expect(beyond.locator('summary')).toContainText(/^Beyond this exercise \(\d+\)$/);
    await expect(p.locator('[data-role="findings"] > .cc-finding[data-rule="drop-all-capabilities"]')).toBeVisible();
    await expect(beyond.locator('.cc-finding[data-rule="drop-all-capabilities"]')).toHaveCount(0);
    page.once('dialog', (d) => void d.accept());
    await p.locator('[data-action="solution"]').click();
    await p.locator('[data-action="use-solution"]').click();
    await expect(p.locator('[data-role="findings"] > .cc-finding')).toHaveCount(0);
    await expect(p.locator('.cc-ex__findings [role="status"]').first()).toHaveText('No findings.');
    await expect(beyond).toBeVisible();
    // No warning squiggle is left for the learner to clear at full marks.
    await expect(editor(page, E11).locator('.squiggly-warning, .squiggly-error')).toHaveCount(0);
    await p.locator('[data-action="check"]').click();
    await expect(p.locator('.cc-ex__score')).toContainText('Score: 10 of 10 — Full marks');
  });

  test('the unchanged starter scores 0; score, checks and "Full marks" come from one evaluation', async ({ page }) => {
    await page.goto(LESSON1);
    await openFromCard(page, E11);
    await expect(editor(page, E11)).toBeVisible();
    const p = panel(page, E11);
    await p.locator('[data-action="check"]').click();
    await expect(p.locator('.cc-ex__score')).toHaveText('Score: 0 of 10');
    await expect(p.locator('[data-role="unchanged"]')).toContainText('Nothing has changed from the starting text yet');
    await expect(p.locator('.cc-ex__checks li.cc-pass')).toHaveCount(0);
    await setEditorText(page, E11, MISSING_DROP);
    // After a first Check, the score follows the text as it is typed.
    await expect(p.locator('.cc-ex__score')).toHaveText('Score: 8 of 10');
    await expect(p.locator('.cc-ex__checks li.cc-fail[data-check="drop-all"]')).toBeVisible();
    await expect(page.locator(`.cc-tab [data-done-for="${E11}"]`)).toBeHidden();
  });

  test('a hint shows once; ✓ and × have their own style, not the sidebar dot', async ({ page }) => {
    await page.goto(LESSON1);
    await openFromCard(page, E11);
    await expect(editor(page, E11)).toBeVisible();
    const p = panel(page, E11);
    await setEditorText(page, E11, S0_INDENTATION_BUG);
    await p.locator('[data-action="check"]').click();
    await p.locator('[data-action="hint"]').click();
    await expect(p.getByText('"drop:" sits at the same level as "capabilities:"')).toHaveCount(1);
    await expect(p.locator('.cc-ex__hints li')).toHaveCount(1);
    const mark = p.locator('.cc-ex__checks .cc-ex-mark').first();
    await expect(mark).toBeVisible();
    const style = await mark.evaluate((el) => {
      const cs = getComputedStyle(el);
      return { radius: cs.borderTopLeftRadius, border: cs.borderTopWidth, height: el.getBoundingClientRect().height };
    });
    expect(style.radius).toBe('0px');
    expect(style.border).toBe('0px');
    expect(style.height).toBeGreaterThan(12);
    await expect(p.locator('.cc-mark')).toHaveCount(0);
  });

  test('Apply fix acts only on findings of the current text, and a fix that cannot apply says so', async ({ page }) => {
    await page.goto(LESSON1);
    await openFromCard(page, E11);
    await expect(editor(page, E11)).toBeVisible();
    const p = panel(page, E11);
    await setEditorText(page, E11, MISSING_DROP);
    const fix = p.locator('.cc-finding[data-rule="drop-all-capabilities"] [data-action="fix"]');
    await expect(fix).toBeEnabled();
    // One keystroke: the findings on screen describe the old text, so their fixes stop working at once.
    // The stale state lasts until the new check lands (a few hundred ms): the page records what it
    // looked like then, so a loaded machine that reads it late still sees it.
    await p.evaluate((el) => {
      const w = window as unknown as { ccStale?: { stale: boolean; allDisabled: boolean } };
      w.ccStale = undefined;
      const seen = new MutationObserver(() => {
        if (el.querySelector('[data-role="findings"]')?.getAttribute('data-stale') !== 'true' || w.ccStale) return;
        w.ccStale = { stale: true, allDisabled: [...el.querySelectorAll('[data-action="fix"]')].every((b) => (b as HTMLButtonElement).disabled) };
        seen.disconnect();
      });
      seen.observe(el, { attributes: true, childList: true, subtree: true, attributeFilter: ['data-stale', 'disabled'] });
    });
    await editor(page, E11).locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('#');
    await expect.poll(() => page.evaluate(() => (window as unknown as { ccStale?: unknown }).ccStale), SOON).toEqual({ stale: true, allDisabled: true });
    await expect(p.locator('[data-role="findings"]')).not.toHaveAttribute('data-stale', 'true');
    await expect(fix).toBeEnabled();

    // A bare securityContext: a fix either applies or says why not; nothing fails silently.
    await setEditorText(
      page,
      E11,
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: demo\nspec:\n  containers:\n  - name: demo\n    image: cloudnatived/demo:hello\n    securityContext:\n',
    );
    const first = p.locator('[data-role="findings"] [data-action="fix"]').first();
    await expect(first).toBeEnabled();
    await first.click();
    await expect(p.locator('[data-role="fix-status"]')).toHaveText(
      /^(Fix applied\.|This fix could not be applied \(.+\)\. Edit the text by hand: the finding says what to set\.|This fix changes nothing.*)$/,
    );
  });

  test("the learner's name and id, entered once, sign every downloaded submission", async ({ page }) => {
    await page.goto(LESSON1);
    await openFromCard(page, E11);
    const p = panel(page, E11);
    await p.locator('.cc-ex__student summary').click();
    await p.getByLabel('Name').fill('Ada Lovelace');
    await p.getByLabel('Student id').fill('s-1815');
    await p.locator('[data-action="save-student"]').click();
    await expect(p.locator('.cc-ex__student summary')).toHaveText('Submissions are signed: Ada Lovelace, s-1815');
    await page.reload();
    await openFromCard(page, 'e2.2');
    const downloading = page.waitForEvent('download');
    await panel(page, 'e2.2').locator('[data-action="download"]').click();
    const chunks = await (await (await downloading).createReadStream()).toArray();
    const sub = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    expect(sub.student).toEqual({ name: 'Ada Lovelace', id: 's-1815' });
    expect(Date.parse(sub.submittedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(gradeWithCli('e2.2', JSON.stringify(sub))).toMatchObject({ max: 1 });
  });
});
