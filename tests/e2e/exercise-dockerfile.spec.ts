import { test, expect } from './fixtures.ts';
import { editor, openFromCard, panel, setEditorText } from './exercise-helpers.ts';

/**
 * Dockerfile exercises run dockerfile-ast in the grader worker. Its UTF-8 BOM test used
 * Node's Buffer, and every Dockerfile exercise showed "could not load" in the browser
 * (UX review). E7.2 on lesson 7 (layers), in both locales: the starter gets its findings
 * with lines, and the reference solution gets full marks.
 */
const LESSON7 = '/lessons/07-layers-and-overlay/';
const SOLUTION = `FROM debian:12
RUN --mount=type=bind,target=/src,rw \\
    apt-get update \\
 && apt-get install -y --no-install-recommends build-essential \\
 && make -C /src && make -C /src install \\
 && apt-get autoremove --purge -y build-essential \\
 && rm -rf /var/lib/apt/lists/*
USER 10001
CMD ["/usr/local/bin/app"]
`;

for (const [locale, prefix, check, full] of [
  ['en', '', 'Check', 'Score: 11 of 11'],
  ['zh-cn', '/zh-cn', '检查', '得分：11 / 11'],
] as const) {
  test(`E7.2 (Dockerfile) loads on lesson 7 and grades in the browser (${locale})`, async ({ page }) => {
    const worker = page.waitForEvent('worker', (w) => /grader/.test(w.url()));
    await page.goto(`${prefix}${LESSON7}`);
    await openFromCard(page, 'e7.2');
    await expect(editor(page, 'e7.2')).toBeVisible();
    await worker;
    const p = panel(page, 'e7.2');
    // The starter: deletes in later layers (lines 6 and 7) and update without install (line 3).
    await expect(p.locator('.cc-finding[data-rule="df-no-later-delete"][data-line="6"]')).toBeVisible();
    await expect(p.locator('.cc-finding[data-rule="df-no-later-delete"][data-line="7"]')).toBeVisible();
    await expect(p.locator('.cc-finding[data-rule="df-apt-update-install"][data-line="3"]')).toBeVisible();
    await expect(p).not.toContainText(/could not load|加载失败/);
    await setEditorText(page, 'e7.2', SOLUTION);
    await expect(p.locator('.cc-finding[data-rule="df-no-later-delete"]')).toHaveCount(0);
    await p.getByRole('button', { name: check, exact: true }).click();
    await expect(p.locator('.cc-ex__score')).toContainText(full);
    await expect(p.locator('.cc-ex__score')).toContainText(locale === 'en' ? 'Full marks' : '满分');
  });
}
