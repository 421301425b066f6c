/**
 * Lessons 5 (pods and shared namespaces) and 12 (the security context): each page loads in
 * both locales, the Run buttons of its Docker half type the command into the terminal and
 * show the real output (a pod built by hand from a pause container; a read-only root
 * filesystem), and a printf Run button writes a manifest. On a phone (390×844, touch,
 * zh-CN) each page's key Run button is tapped once: the sheet opens with the real output in
 * view. axe: tests/e2e/a11y.spec.ts.
 * The kubectl steps wait for the simulated cluster (tests/content/lesson-commands.test.ts).
 * The laptop tests are each a first visit on the worker's shared page (fixtures.ts onSharedPage, issue #14); the
 * phone's have pages of their own (a touch screen is the context's).
 */
import type { Page } from '@playwright/test';
import { onSharedPage, test, expect } from './fixtures.ts';

const screen = (page: Page) => page.locator('cc-terminal .xterm-rows');
/** The first Run loads xterm.js and the simulator; on a busy 2-core machine that takes a while. */
const FIRST = { timeout: 40_000 };

const LOCALES = [
  { prefix: '', run: 'Run in the terminal: ', l5: 'Pods and shared namespaces', l12: 'The security context' },
  { prefix: '/zh-cn', run: '在终端中运行：', l5: 'Pod 与共享的命名空间', l12: '安全上下文' },
];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function run(page: Page, prefix: string, command: string) {
  // An accessible name collapses white space (the indentation inside the printf's quoted lines too).
  const button = page.getByRole('button', { name: prefix + command.replace(/\s+/g, ' '), exact: true });
  await button.scrollIntoViewIfNeeded();
  await button.click();
}

for (const loc of LOCALES) {
  onSharedPage.describe(`${loc.prefix || '/en'} at laptop size`, () => {
    test.describe.configure({ timeout: 240_000 });
    onSharedPage.beforeEach(async ({ visitor: page }) => {
      await page.setViewportSize({ width: 1366, height: 768 });
    });

    onSharedPage('lesson 5: a pod by hand: nginx joins the pause container and answers on localhost', async ({ visitor: page }) => {
      await page.goto(`${loc.prefix}/lessons/05-pods-and-shared-namespaces/`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(loc.l5);
      await run(page, loc.run, 'docker run -d --name pod-pause registry.k8s.io/pause:3.9');
      await expect(screen(page)).toContainText('Downloaded newer image for registry.k8s.io/pause:3.9', FIRST);
      await run(page, loc.run, 'docker run -d --name pod-web --network container:pod-pause --ipc container:pod-pause nginx:1.25');
      await run(
        page,
        loc.run,
        "docker run --rm --network container:pod-pause --ipc container:pod-pause alpine sh -c 'hostname; wget -qO- localhost | grep title'",
      );
      await expect(screen(page)).toContainText('<title>Welcome to nginx!</title>', FIRST);
    });

    onSharedPage('lesson 12: a read-only root filesystem, and a printf that writes the demo manifest', async ({ visitor: page }) => {
      await page.goto(`${loc.prefix}/lessons/12-security-context/`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(loc.l12);
      await run(page, loc.run, 'docker run --rm --read-only alpine touch /x');
      await expect(screen(page)).toContainText('touch: /x: Read-only file system', FIRST);
      const writer = page.getByRole('button', {
        name: new RegExp(`^${escapeRe(`${loc.run}printf '%s\\n' 'apiVersion: v1' 'kind: Pod' 'metadata:' ' name: demo'`)}`),
      });
      await writer.scrollIntoViewIfNeeded();
      await writer.click();
      await run(page, loc.run, 'docker run --rm --user 1000 alpine id');
      await expect(screen(page)).toContainText('uid=1000 gid=0(root) groups=0(root)');
      // The file the printf wrote, read back by the learner typing into the terminal.
      await page.locator('cc-terminal .xterm-screen').click();
      await page.keyboard.type('tr a-z A-Z < demo.yaml | grep GREETING');
      await page.keyboard.press('Enter');
      await expect(screen(page)).toContainText('- NAME: GREETING');
      await run(page, loc.run, 'docker run --rm --user 1000:1000 alpine id');
      await expect(screen(page)).toContainText('uid=1000 gid=1000 groups=1000');
    });
  });
}

/** Issue #15's phone: one page per lesson, its key Run button tapped; the sheet opens over the text with the real output. */
test.describe('/zh-cn on a phone (390×844, touch)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2, locale: 'zh-CN' });
  const zh = LOCALES[1]!;
  for (const [slug, command, output] of [
    ['05-pods-and-shared-namespaces', 'docker run -d --name pod-pause registry.k8s.io/pause:3.9', 'Downloaded newer image for registry.k8s.io/pause:3.9'],
    ['12-security-context', 'docker run --rm --read-only alpine touch /x', 'touch: /x: Read-only file system'],
  ] as const) {
    test(`lesson ${slug.slice(0, 2)}: tapping "${command}" opens the sheet with its output in view`, async ({ page }) => {
      await page.goto(`${zh.prefix}/lessons/${slug}/`);
      await expect(page.locator('#cc-workspace')).toBeHidden();
      const button = page.getByRole('button', { name: zh.run + command, exact: true });
      await button.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
      await button.tap();
      await expect(page.locator('#cc-workspace')).toBeInViewport({ ratio: 0.95 });
      await expect(screen(page)).toContainText(output, FIRST);
      // The prompt after the output (long lines wrap on a phone) is in view.
      await expect(page.locator('cc-terminal .xterm-rows > div').filter({ hasText: 'root@node1' }).last()).toBeInViewport();
    });
  }
});
