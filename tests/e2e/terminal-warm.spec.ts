/**
 * Issue #14: a first command answered without waiting for the shell's code. The terminal's worker
 * readies it (just-bash, the runtime, the commands, the docker subcommands the lessons start with;
 * src/sim/warm.ts) as soon as it runs, beside xterm, and the page marks cc-terminal:warm when it is
 * done. Nothing of it loads before the learner shows the intent to start the terminal
 * (budget.spec.ts holds the bytes at load), and the shell-goal panels' grader worker does not start
 * beside the first command.
 */
import { test, expect, LESSON1, SOON } from './fixtures.ts';

/** A lesson with a terminal and no shell-goal exercise: no grader worker fetches its own chunks beside the commands. */
const LESSON9 = '/lessons/09-writing-dockerfiles/';
import type { Page } from '@playwright/test';

const screen = (page: Page) => page.locator('cc-terminal .xterm-rows');
const isScript = (url: string) => /\.m?js(\?|$)/.test(url);

/** Page time as epoch milliseconds, the clock Playwright's request timings use. */
const now = (page: Page) => page.evaluate(() => performance.timeOrigin + performance.now());

test('the shell code is ready before the first command: uname -r, docker ps and docker images fetch no script', async ({ page }) => {
  test.setTimeout(120_000);
  const requests: import('@playwright/test').Request[] = [];
  page.on('request', (r) => void (isScript(r.url()) && requests.push(r)));
  await page.goto(LESSON9, { waitUntil: 'networkidle' });
  expect(
    requests.map((r) => r.url()).filter((u) => /world|warm|session/.test(u)),
    'nothing of the terminal at load',
  ).toEqual([]);
  await page.getByRole('button', { name: 'Start the terminal' }).click();
  await expect(screen(page)).toContainText('root@node1:~#');
  await page.waitForFunction(() => performance.getEntriesByName('cc-terminal:warm').length > 0, undefined, { timeout: 60_000 });
  const windows: { line: string; from: number; to: number }[] = [];
  for (const [line, shown] of [
    ['uname -r', '6.8.0-45-generic'],
    ['docker ps', 'CONTAINER ID'],
    ['docker images', 'REPOSITORY'],
  ] as const) {
    await page.evaluate(() => {
      const w = window as unknown as { __answered: Promise<number> };
      w.__answered = new Promise((r) => document.addEventListener('cc:command', () => r(performance.timeOrigin + performance.now()), { once: true }));
    });
    await page.keyboard.insertText(line);
    const from = await now(page);
    await page.keyboard.press('Enter');
    const to = await page.evaluate(() => (window as unknown as { __answered: Promise<number> }).__answered);
    await expect(screen(page)).toContainText(shown);
    windows.push({ line, from, to });
  }
  const during = windows.flatMap(({ line, from, to }) =>
    requests.filter((r) => r.timing().startTime >= from && r.timing().startTime <= to).map((r) => `${line}: ${r.url().replace(/^.*\//, '')}`),
  );
  expect(during, 'scripts fetched while a first command ran').toEqual([]);
});

test("the first command typed at once after the prompt is answered once; a shell-goal panel's grader starts only after that answer", async ({ page }) => {
  test.setTimeout(120_000);
  const graders: import('@playwright/test').Request[] = [];
  page.on('request', (r) => void (/grader\.worker/.test(r.url()) && graders.push(r)));
  await page.goto(LESSON1);
  await page.getByRole('button', { name: 'Start the terminal' }).click();
  await expect(screen(page)).toContainText('root@node1:~#');
  await page.keyboard.insertText('uname -r; history | tail -n 1');
  await page.keyboard.press('Enter');
  await expect(screen(page)).toContainText('6.8.0-45-generic');
  await expect(screen(page)).toContainText('1  uname -r; history | tail -n 1');
  const answered = await page.evaluate(() => performance.timeOrigin + (performance.getEntriesByName('cc-terminal:first-answer')[0]?.startTime ?? Number.NaN));
  // Lesson 1 has shell-goal exercises: the grader worker starts for the first command's evaluation, not with the terminal.
  await expect.poll(() => graders.length, SOON).toBeGreaterThan(0);
  await graders[0]!.response();
  expect(graders[0]!.timing().startTime).toBeGreaterThanOrEqual(answered);
});
