import { test, expect, LESSON1, LESSON1_ZH, startTerminalAt } from './fixtures.ts';
import type { Page } from '@playwright/test';

/** The text on the terminal's screen, one string (xterm renders rows as DOM text). */
const screen = (page: Page) => page.locator('cc-terminal .xterm-rows');

async function type(page: Page, line: string) {
  await page.keyboard.insertText(line);
  await page.keyboard.press('Enter');
}

/**
 * Issue #10: Ctrl-P Ctrl-Q at an attached container shell's prompt detaches (docker/cli@v27.3.1 hijack.go
 * defaultEscapeKeys, moby/term proxy.go): `docker run -it` says nothing (run.go drops term.EscapeError), `docker attach`
 * prints "read escape sequence" and ends with status 1 (attach.go returns it). The container keeps running.
 */
for (const size of [
  { name: 'laptop', use: { viewport: { width: 1366, height: 768 } } },
  { name: 'phone', use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 } },
] as const) {
  test.describe(`detaching with Ctrl-P Ctrl-Q, ${size.name} size`, () => {
    test.use(size.use);
    test.describe.configure({ timeout: 90_000 }); // the terminal's first start on a busy machine
    for (const path of [LESSON1, LESSON1_ZH]) {
      const locale = path.startsWith('/zh-cn') ? 'zh-cn' : 'en';
      test(`docker run -it and docker attach leave the container running (${locale})`, async ({ page }) => {
        const slow = expect.configure({ timeout: 60_000 });
        await startTerminalAt(page, path, size.name === 'phone');
        await type(page, 'docker run -it --name box alpine');
        await slow(screen(page)).toContainText(/Status: Downloaded newer image for alpine:latest\s*\/ #/);
        await page.keyboard.press('Control+p');
        await page.keyboard.press('Control+q');
        // Nothing printed: the host's prompt follows the container's on its line.
        await expect(screen(page)).toContainText('/ # root@node1:~#');
        await type(page, "echo status=$?; docker ps --format '{{.Names}} {{.Status}}'");
        await expect(screen(page)).toContainText(/status=0\s*box Up \d+ seconds?/);
        await type(page, 'docker attach box');
        await expect(screen(page)).toContainText(/docker attach box\s*\/ #/);
        await page.keyboard.press('Control+p');
        await page.keyboard.press('Control+q');
        await expect(screen(page)).toContainText('/ # read escape sequence');
        await type(page, 'echo status=$?');
        await expect(screen(page)).toContainText(/echo status=\$\?\s*status=1/);
        await expect(screen(page)).not.toContainText('command not found');
      });
    }
  });
}
