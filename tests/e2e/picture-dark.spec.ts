import type { Page } from '@playwright/test';
import { test, expect, axeRun } from './fixtures.ts';

/**
 * Issue #13: the pictures in Starlight's dark theme. axe (color-contrast included) on lesson
 * 5, whose two static figures are Pods views, and on the live Picture tab showing the Pods
 * view of a running two-container pod. axe judges the HTML around the figures (captions,
 * links, buttons, the tab's controls and tables); it cannot compute the contrast of SVG text
 * (it reports it "incomplete"), so tests/picture/theme.test.ts computes those ratios.
 */
const L5 = '/lessons/05-pods-and-shared-namespaces/';
const POD = [
  `printf '%s\\n' 'apiVersion: v1' 'kind: Pod' 'metadata:' '  name: cache-demo' 'spec:' '  containers:' '  - name: app' '    image: alpine:3.20' '    command: ["sleep", "3600"]' '  - name: memcached' '    image: memcached:1.6' > cache-demo.yaml`,
  'kubectl apply -f cache-demo.yaml',
];
const LOCALES = [
  { prefix: '', start: 'Start the terminal', tab: 'Picture', pods: 'Pods' },
  { prefix: '/zh-cn', start: '启动终端', tab: '图示', pods: 'Pod' },
] as const;

test.describe.configure({ timeout: 240_000 });
test.use({ viewport: { width: 1366, height: 768 }, colorScheme: 'dark' });

type Done = { ccDone: number; ccLast: string };
const done = (page: Page) => page.evaluate(() => (window as unknown as Done).ccDone);

/** Runs a command through the terminal's click-to-run path and waits until it finished; its stdout. */
async function run(page: Page, command: string): Promise<string> {
  const before = await done(page);
  await page.evaluate((c) => document.dispatchEvent(new CustomEvent('cc:run', { detail: { command: c } })), command);
  // The page checks its count every frame (issue #14: polled from here, a finished command was seen up to a second late).
  await page.waitForFunction((n) => (window as unknown as Done).ccDone > n, before, { timeout: 90_000 });
  return page.evaluate(() => (window as unknown as Done).ccLast);
}

async function axe(page: Page, include: string) {
  const { violations, ran } = await axeRun(page, include);
  expect(ran, 'color-contrast was checked').toContain('color-contrast');
  return violations;
}

for (const loc of LOCALES) {
  test(`${loc.prefix || '/en'}: in the dark theme axe finds nothing wrong with lesson 5's figures, nor with the live Pods view`, async ({ page }) => {
    await page.addInitScript(() => {
      localStorage.setItem('starlight-theme', 'dark');
      const w = window as unknown as Done;
      w.ccDone = 0;
      document.addEventListener('cc:command', (e) => {
        w.ccDone++;
        w.ccLast = (e as CustomEvent<{ stdout: string }>).detail.stdout;
      });
    });
    await page.goto(`${loc.prefix}${L5}`);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    // The figures take the dark theme's colours (CSS variables), not the light fallbacks.
    await expect(page.locator('figure.cc-fig')).toHaveCount(2);
    const bg = await page
      .locator('figure.cc-fig svg > rect')
      .first()
      .evaluate((r) => getComputedStyle(r).fill);
    expect(bg).toBe('rgb(23, 25, 30)');
    await page.locator('figure.cc-fig details').first().click(); // the text alternative, open
    expect(await axe(page, 'main')).toEqual([]);

    await page.locator('cc-terminal').getByRole('button', { name: loc.start }).click();
    await expect(page.locator('cc-terminal .xterm-rows')).toContainText('root@node1:~#', { timeout: 60_000 });
    await page.getByRole('button', { name: loc.tab, exact: true }).click();
    await page.locator('cc-picture').getByRole('tab', { name: loc.pods, exact: true }).click();
    for (const line of POD) await run(page, line);
    await expect.poll(() => run(page, 'kubectl get pod cache-demo'), { timeout: 120_000 }).toMatch(/cache-demo +2\/2 +Running/);
    const canvas = page.locator('cc-picture [data-role="canvas"]');
    await expect(canvas.locator('svg[data-view="pods"]')).toBeVisible();
    await canvas.locator('[data-node="podns-default/cache-demo/app-net"]').click();
    await expect(page.locator('cc-picture [data-role="detail"] button').first()).toBeVisible();
    await page.locator('cc-picture details').click();
    expect(await axe(page, 'cc-picture')).toEqual([]);
  });
}
