import { test as base, expect, type BrowserContext, type ConsoleMessage, type Page, type Request, type Response } from '@playwright/test';
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
function watchProblems(page: Page): { problems: string[]; stop: () => void } {
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

async function steadyCursor(context: BrowserContext): Promise<void> {
  await context.addInitScript((css) => {
    document.addEventListener('DOMContentLoaded', () => {
      const style = document.createElement('style');
      style.textContent = css;
      document.head.append(style);
    });
  }, STEADY_CURSOR);
}

/** Every page load records console errors, page errors and failed requests; a test fails on any. */
export const test = base.extend<{ problems: string[] }>({
  context: async ({ context }, use) => {
    await steadyCursor(context);
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
 * Issue #14: tests that open a page with the default context options (they may set the viewport) can share one
 * browser page per worker instead of a new context and page each (`visitor` instead of `page`): the context's HTTP
 * and code caches are warm from the tests before. A fresh context's first lesson page took 2.7 s of CPU and the next
 * lesson page in the same tab 1.3-1.5 s (a11y.spec, eight lesson pages each way, back to back at load 47-49); a
 * lesson page up to the first Run's output (lesson 9), four times each way in one browser, 18.1 s of CPU with a
 * context each and 14.3 s on one page (load 31-37, the browser's and node's CPU, cgroup cpuacct). Each test still
 * sees the page as a first-time visitor would: after it, the tab leaves the site (which ends the page's workers, the
 * terminal's among them) and the site's storage is cleared (the home page forwards to the language saved in
 * localStorage, lesson pages record the visit there, the terminal keeps its session there). Each test's console
 * errors, page errors and failed requests fail it, as `test`'s do for a test's own page; the terminal's cursor is
 * steady, as there.
 */
export const onSharedPage = base.extend<{ visitor: Page }, { sharedPage: Page }>({
  sharedPage: [
    async ({ browser }, use, workerInfo) => {
      const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
      await steadyCursor(context);
      await use(await context.newPage());
      await context.close();
    },
    { scope: 'worker' },
  ],
  visitor: async ({ sharedPage: page, baseURL }, use) => {
    const { problems, stop } = watchProblems(page);
    await use(page);
    stop();
    const origin = new URL(baseURL!).origin;
    if (page.url().startsWith(origin)) await page.evaluate(() => sessionStorage.clear());
    await page.goto('about:blank');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
    await cdp.detach();
    expect(problems, 'console errors or failed requests').toEqual([]);
  },
});

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
 * Issue #14: the text inside code blocks (Expressive Code's `pre`). Its colours are the code theme's token colours on
 * the code background, the same on every page, and axe's color-contrast rule spent about a quarter of a lesson page's
 * axe time on its hundreds of token spans (lesson 9: 679 text elements checked, 275 of them code; 5.4 s of CPU with
 * them, 4.0 s without, at load 30). a11y.spec leaves them out of the pages it checks as they load and checks every
 * token colour the site's code blocks use once per theme ("code blocks' colours").
 */
export const CODE_TEXT = '.expressive-code pre';

/** Puts axe-core into the page, once (`window.axe`). */
export async function loadAxe(page: Page): Promise<void> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
}

/**
 * axe-core's violations on the page, or only within `include` (CSS selectors), and the ids of the
 * rules that ran. axe runs once in the page, asked for the details of violations only: the usual
 * wrapper (runPartial in the page, then finishRun in a second, blank page, with every pass's nodes
 * sent back) took five times as long for the same verdict, 43–50 s against 8–11 s for lesson 9
 * on a loaded 2-core machine, and our pages have no frames that would need it. With `codeText: false` the
 * color-contrast rule skips the text of code blocks (CODE_TEXT); every other rule still checks them.
 */
export async function axeRun(
  page: Page,
  include?: string | string[],
  { codeText = true }: { codeText?: boolean } = {},
): Promise<{ violations: string[]; ran: string[] }> {
  await loadAxe(page);
  return page.evaluate(
    async ({ selectors, contrastSelector }) => {
      type Node = { target: string[] };
      type Result = { id: string; impact?: string; help: string; nodes: Node[] };
      type Axe = {
        configure(spec: { rules: { id: string; selector: string }[] }): void;
        run(context: unknown, options: unknown): Promise<Record<'violations' | 'passes' | 'incomplete', Result[]>>;
      };
      const axe = (window as unknown as { axe: Axe }).axe;
      // Set on every run: axe stays in the page between runs, and '*' is the rule's own selector.
      axe.configure({ rules: [{ id: 'color-contrast', selector: contrastSelector }] });
      const r = await axe.run(selectors ? { include: selectors.map((s) => [s]) } : document, { resultTypes: ['violations'] });
      return {
        violations: r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        ran: [...r.passes, ...r.incomplete, ...r.violations].map((x) => x.id),
      };
    },
    { selectors: include === undefined ? undefined : [include].flat(), contrastSelector: codeText ? '*' : `*:not(${CODE_TEXT} *)` },
  );
}

/** axe-core's violations on the page, or only within `include` (CSS selectors); `codeText` as for axeRun. */
export async function axe(page: Page, include?: string | string[], options?: { codeText?: boolean }): Promise<string[]> {
  return (await axeRun(page, include, options)).violations;
}
