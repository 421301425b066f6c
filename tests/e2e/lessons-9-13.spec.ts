/**
 * Lessons 9 (Dockerfiles) and 13 (seccomp, LSMs, devices, rootless, logging, runtimes):
 * each page loads in both locales at laptop and phone size, its Run buttons type the
 * command into the terminal (including the here-document that writes a Dockerfile).
 * axe: tests/e2e/a11y.spec.ts, like every lesson page. Each test is a first visit on the worker's shared page
 * (fixtures.ts onSharedPage, issue #14).
 */
import type { Page } from '@playwright/test';
import { onSharedPage as test, expect } from './fixtures.ts';

const screen = (page: Page) => page.locator('cc-terminal .xterm-rows');
/** The first Run loads xterm.js and the simulator; on a busy 2-core machine that takes a while. */
const FIRST = { timeout: 40_000 };

const VIEWPORTS = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
];

const LOCALES = [
  { prefix: '', run: 'Run in the terminal: ', l9: 'Writing good Dockerfiles', l13: 'Beyond the defaults' },
  { prefix: '/zh-cn', run: '在终端中运行：', l9: '写好 Dockerfile', l13: '默认设置之外' },
];

async function run(page: Page, prefix: string, command: string) {
  // An accessible name collapses white space, so a here-document's newlines become spaces.
  const button = page.getByRole('button', { name: prefix + command.replace(/\s+/g, ' '), exact: true });
  await button.scrollIntoViewIfNeeded();
  await button.click();
}

for (const vp of VIEWPORTS) {
  for (const loc of LOCALES) {
    test.describe(`${loc.prefix || '/en'} at ${vp.name} size`, () => {
      test.describe.configure({ timeout: 240_000 });
      test.beforeEach(async ({ visitor: page }) => {
        await page.setViewportSize({ width: vp.width, height: vp.height });
      });

      // dockerfile-ast's one Buffer call is replaced in every browser bundle (src/ui/editor/vite-browser-safe.mjs).
      test('lesson 9: the page loads, its Run buttons show a Dockerfile, write a new one with a here-document, and build', async ({ visitor: page }) => {
        await page.goto(`${loc.prefix}/lessons/09-writing-dockerfiles/`);
        await expect(page.getByRole('heading', { level: 1 })).toContainText(loc.l9);
        await run(page, loc.run, 'cat /root/demo/Dockerfile');
        await expect(screen(page)).toContainText('RUN apt-get update && apt-get install -y nginx', FIRST);
        await run(page, loc.run, 'mkdir /root/app');
        await run(
          page,
          loc.run,
          `cat > /root/app/Dockerfile <<'EOF'\nFROM alpine:3.20\nRUN adduser -D -u 10001 app\nWORKDIR /app\nCOPY . .\nUSER 10001\nCMD ["httpd", "-f", "-p", "8080", "-h", "/app"]\nEOF`,
        );
        await run(page, loc.run, 'cat /root/app/Dockerfile');
        await expect(screen(page)).toContainText('CMD ["httpd", "-f", "-p", "8080", "-h", "/app"]');
        await run(page, loc.run, 'docker build -t demo:v1 /root/demo');
        // BuildKit cuts its lines to the terminal's width, so on a phone the tag falls off the end.
        await expect(screen(page)).toContainText('naming to docker.io/library/demo', FIRST);
      });

      test('lesson 13: the page loads and its Run buttons show seccomp, AppArmor and logging', async ({ visitor: page }) => {
        await page.goto(`${loc.prefix}/lessons/13-beyond-the-defaults/`);
        await expect(page.getByRole('heading', { level: 1 })).toContainText(loc.l13);
        await run(page, loc.run, "docker info | grep -A4 'Security Options'");
        await expect(screen(page)).toContainText('Profile: builtin', FIRST);
        await run(page, loc.run, "docker run --rm alpine grep -E 'NoNewPrivs|Seccomp' /proc/self/status");
        await expect(screen(page)).toContainText('Seccomp_filters:');
        await run(page, loc.run, 'docker run --logging-driver none alpine true');
        await expect(screen(page)).toContainText('unknown flag: --logging-driver');
      });
    });
  }
}
