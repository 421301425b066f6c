import { test, expect, LESSON1 } from './fixtures.ts';
import { E11, MISSING_DROP, editor, openFromCard, panel, setEditorText } from './exercise-helpers.ts';

// The built site's Content-Security-Policy (astro.config.mjs `security.csp`, completed by
// src/integrations/csp-inline.mjs). A violation is also a console error, which the fixture
// fails on; this spec listens for the `securitypolicyviolation` event itself, so the report
// names the directive and the blocked resource.

test.describe('the Content-Security-Policy', () => {
  test('a lesson page carries the strict policy, first in <head>, before any script', async ({ page }) => {
    await page.goto(LESSON1);
    const meta = page.locator('head meta[http-equiv="content-security-policy"]');
    await expect(meta).toHaveCount(1);
    const policy = (await meta.getAttribute('content')) ?? '';
    const directives = new Map(
      policy
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => {
          const [name, ...sources] = d.split(/\s+/);
          return [name, sources] as const;
        }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(directives.get('form-action')).toEqual(["'self'"]);
    expect(directives.get('worker-src')).toEqual(["'self'"]);
    const scriptSrc = directives.get('script-src') ?? [];
    expect(scriptSrc.slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(scriptSrc.filter((s) => !s.startsWith("'sha256-")).sort()).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(scriptSrc.length).toBeGreaterThan(2);
    // No script element comes before the policy (a <meta> policy governs only what follows it).
    const scriptsBefore = await page.evaluate(() => {
      const m = document.querySelector('meta[http-equiv="content-security-policy"]');
      return [...document.querySelectorAll('script')].filter((s) => m && (s.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0).length;
    });
    expect(scriptsBefore).toBe(0);
  });

  test('the terminal and the exercise editor, its workers and a fix run with no policy violation', async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        w.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    const violations = () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

    await page.goto(LESSON1);
    await page.getByRole('button', { name: /Start the terminal/ }).click();
    const screen = page.locator('cc-terminal .xterm-rows');
    await expect(screen).toContainText('root@node1:~#');
    await page.keyboard.type('docker run --rm alpine echo csp-ok');
    await page.keyboard.press('Enter');
    await expect(screen).toContainText('csp-ok');

    await openFromCard(page, E11);
    await expect(editor(page, E11)).toBeVisible();
    // The grader worker answers (findings for the pasted text), and Monaco's YAML worker runs.
    await setEditorText(page, E11, MISSING_DROP);
    const drop = panel(page, E11).locator('.cc-finding[data-rule="drop-all-capabilities"]');
    await expect(drop).toContainText('container "demo" does not drop ALL capabilities');
    await drop.getByRole('button', { name: 'Apply fix' }).click();
    await panel(page, E11).getByRole('button', { name: 'Check' }).click();
    await expect(panel(page, E11).locator('.cc-ex__score')).toContainText('Score: 10 of 10');

    expect(await violations()).toEqual([]);
  });
});
