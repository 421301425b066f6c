import { test as base, expect, type ConsoleMessage, type Page, type Request, type Response } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Issue #14: the terminal's cursor does not blink in the tests. xterm blinks a focused cursor with a CSS animation
 * (1 s, step-end, infinite) that made Chromium recompute styles and repaint every frame (about 60 style recalcs a
 * second, measured) for as long as a test had the terminal focused: an idle lesson page with its terminal started took
 * 1.9 s of CPU per 10 s with the blink and 0.6-1.0 s without, back to back at load 30-37 (software rendering, no GPU).
 * No test asserts the blink; the cursor stays drawn as its steady block (the animation's first frame).
 */
const STEADY_CURSOR = '.xterm-cursor.xterm-cursor-blink { animation: none !important; }';

/**
 * Records the page's console errors, page errors and failed requests (a navigation cancelling the old page's requests
 * is not a failure) into `problems`, until `stop`.
 */
export function watchProblems(page: Page): { problems: string[]; stop: () => void } {
  const problems: string[] = [];
  const onConsole = (m: ConsoleMessage) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  };
  const onPageError = (e: Error) => problems.push(`page error: ${e.message}`);
  const onRequestFailed = (r: Request) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  };
  const onResponse = (r: Response) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  };
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('requestfailed', onRequestFailed);
  page.on('response', onResponse);
  const stop = () => {
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
    page.off('requestfailed', onRequestFailed);
    page.off('response', onResponse);
  };
  return { problems, stop };
}

/** Every page load records console errors, page errors and failed requests; a test fails on any. */
export const test = base.extend<{ problems: string[] }>({
  context: async ({ context }, use) => {
    await context.addInitScript((css) => {
      document.addEventListener('DOMContentLoaded', () => {
        const style = document.createElement('style');
        style.textContent = css;
        document.head.append(style);
      });
    }, STEADY_CURSOR);
    await use(context);
  },
  problems: [
    async ({ page }, use) => {
      const { problems } = watchProblems(page);
      await use(problems);
      expect(problems, 'console errors or failed requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Issue #14: expect.poll's intervals for a wait on the page's own state (a command finished, the editor's text, what
 * was saved). Playwright's default, 100, 250, 500 ms and then every second, found a change up to a second after it
 * happened, on every such wait of the suite; these find it within 200 ms, one cheap round trip to the page each.
 */
export const SOON = { intervals: [50, 100, 200] };

export const LESSON1 = '/lessons/01-containers-are-processes/';
export const LESSON1_ZH = '/zh-cn/lessons/01-containers-are-processes/';

/**
 * Opens `path` and starts its terminal as a learner would at that size (on a phone, the sheet first, then a
 * tap), waits for the first prompt (up to 60 s: a busy machine) and puts the keyboard in the terminal.
 */
export async function startTerminalAt(page: Page, path: string, phone: boolean): Promise<void> {
  await page.goto(path);
  if (phone) await page.locator('.cc-sheet-open').tap();
  const start = page.getByRole('button', { name: /Start the terminal|启动终端/ });
  await (phone ? start.tap() : start.click());
  await expect(page.locator('cc-terminal .xterm-rows')).toContainText('root@node1:~#', { timeout: 60_000 });
  await page.locator('cc-terminal .xterm-helper-textarea').focus();
}

/**
 * What an exercise changes on a lesson page: the workspace (its panel, tabs and terminal) and the exercise cards in
 * the text (their done marks), for axe after a learner's steps (the page as it loads is a11y.spec's).
 */
export const WORKSPACE_AND_CARDS = ['.cc-lesson__workspace', '.cc-card'];

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's violations on the page, or only within `include` (CSS selectors), and the ids of the
 * rules that ran. axe runs once in the page, asked for the details of violations only: the usual
 * wrapper (runPartial in the page, then finishRun in a second, blank page, with every pass's nodes
 * sent back) took five times as long for the same verdict, 43–50 s against 8–11 s for lesson 9
 * on a loaded 2-core machine, and our pages have no frames that would need it.
 */
export async function axeRun(page: Page, include?: string | string[]): Promise<{ violations: string[]; ran: string[] }> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async (selectors) => {
      type Node = { target: string[] };
      type Result = { id: string; impact?: string; help: string; nodes: Node[] };
      type Axe = { run(context: unknown, options: unknown): Promise<Record<'violations' | 'passes' | 'incomplete', Result[]>> };
      const axe = (window as unknown as { axe: Axe }).axe;
      const r = await axe.run(selectors ? { include: selectors.map((s) => [s]) } : document, { resultTypes: ['violations'] });
      return {
        violations: r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        ran: [...r.passes, ...r.incomplete, ...r.violations].map((x) => x.id),
      };
    },
    include === undefined ? undefined : [include].flat(),
  );
}

/** axe-core's violations on the page, or only within `include` (CSS selectors). */
export async function axe(page: Page, include?: string | string[]): Promise<string[]> {
  return (await axeRun(page, include)).violations;
}
