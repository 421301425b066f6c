import { readdirSync } from 'node:fs';
import { test, expect, axe, loadAxe, onSharedPage, CODE_TEXT, LESSON1 } from './fixtures.ts';

const LESSONS = readdirSync(new URL('../../content/lessons/', import.meta.url)).filter((d) => /^\d{2}-/.test(d));
const PAGES = ['/', '/zh-cn/', '/glossary/', '/zh-cn/glossary/'];

test.describe('axe-core finds no violations', () => {
  // axe's work grows with the page (L9 and L13 are long, with figures): about 5 s idle, near a
  // minute on a 2-core machine at load 15. A ceiling, not a wait.
  test.describe.configure({ timeout: 180_000 });
  for (const path of PAGES) {
    onSharedPage(path, async ({ visitor: page }) => {
      // Playwright's default viewport, which these tests had with a page of their own.
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(path);
      expect(await axe(page, undefined, { codeText: false })).toEqual([]);
    });
  }
  // Every lesson page as it loads, at laptop size. The workspace with the terminal running is the
  // same component on every lesson (only its tab labels differ), so it is checked again on two
  // lessons in each locale, one with a shell-goal exercise and one with manifest exercises:
  // starting a terminal on all 26 pages cost about four minutes of a CI run and found nothing more.
  const WITH_TERMINAL = new Set(['01-containers-are-processes', '12-security-context']);
  for (const d of LESSONS) {
    for (const path of [`/lessons/${d}/`, `/zh-cn/lessons/${d}/`]) {
      if (!WITH_TERMINAL.has(d)) {
        onSharedPage(path, async ({ visitor: page }) => {
          await page.setViewportSize({ width: 1366, height: 768 });
          await page.goto(path);
          expect(await axe(page, undefined, { codeText: false }), 'the page as it loads').toEqual([]);
        });
        continue;
      }
      // A page of its own: the terminal it starts keeps its session in the page's storage.
      test(`${path}, and its workspace with the terminal running`, async ({ page }) => {
        await page.setViewportSize({ width: 1366, height: 768 });
        await page.goto(path);
        expect(await axe(page, undefined, { codeText: false }), 'the page as it loads').toEqual([]);
        await page.getByRole('button', { name: /Start the terminal|启动终端/ }).click();
        await expect(page.locator('cc-terminal')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
        expect(await axe(page, '.cc-lesson__workspace'), 'the workspace, terminal running').toEqual([]);
      });
    }
  }
});

/**
 * Issue #14: the text of code blocks, which the tests above leave out of color-contrast (fixtures.ts CODE_TEXT), once
 * per theme. Its colours are Expressive Code's token colours (each span's --0, dark, and --1, light) on the code
 * background. Every distinct token style of every built page's code blocks is put on a line of its own into a
 * terminal block and an editor block of lesson 4 (the shortest lesson page), and axe's color-contrast must pass each one: the same pairs of
 * colours that each page's check saw, and the dark theme's too, which those (light) did not.
 */
const BUILT_PAGES = readdirSync(new URL('../../dist/', import.meta.url), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('index.html'))
  .map((f) => `/${f.slice(0, -'index.html'.length)}`);

test.describe("code blocks' colours, once per theme", () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`every token colour of the site's code blocks has enough contrast in the ${theme} theme`, async ({ page }) => {
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto('/lessons/04-networks/');
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const styles = await page.evaluate(
        async ({ paths, code }) => {
          const found = new Set<string>();
          for (const path of paths) {
            const html = await (await fetch(path)).text();
            const doc = new DOMParser().parseFromString(html, 'text/html');
            for (const span of doc.querySelectorAll(`${code} span[style]`)) found.add(span.getAttribute('style')!);
          }
          return [...found].filter((s) => /--[01]:/.test(s)).sort();
        },
        { paths: BUILT_PAGES, code: CODE_TEXT },
      );
      expect(BUILT_PAGES).toContain('/lessons/04-networks/');
      expect(styles.length, 'token styles found').toBeGreaterThan(10);
      // One line per style in the first terminal block and the first editor block; each span must show its theme's
      // colour (the CSS applies), and that colour is what axe then judges.
      const shown = await page.evaluate(
        ({ styles, dark }) => {
          const blocks = ['figure.frame.is-terminal pre code', 'figure.frame:not(.is-terminal) pre code'].map((s) => document.querySelector(s)!);
          const wrong: string[] = [];
          const probe = document.createElement('span');
          document.body.append(probe);
          for (const code of blocks) {
            for (const style of styles) {
              const line = document.createElement('div');
              line.className = 'ec-line';
              line.dataset.ccProbe = '';
              line.innerHTML = `<div class="code"><span style="${style}">Ab1 token</span></div>`;
              code.append(line);
              const span = line.querySelector('span')!;
              const want = span.style.getPropertyValue(dark ? '--0' : '--1');
              if (!want) continue;
              probe.style.color = want;
              if (getComputedStyle(span).color !== getComputedStyle(probe).color) wrong.push(`${style}: ${getComputedStyle(span).color}`);
            }
          }
          probe.remove();
          return { blocks: blocks.length, lines: document.querySelectorAll('[data-cc-probe]').length, wrong };
        },
        { styles, dark: theme === 'dark' },
      );
      expect(shown).toEqual({ blocks: 2, lines: 2 * styles.length, wrong: [] });
      // axe's color-contrast on the probe lines: each span judged and passed (not left "incomplete", which is no
      // violation). The page's own code blocks are the same colours, judged by the probes.
      await loadAxe(page);
      const judged = await page.evaluate(async () => {
        type Result = { id: string; help: string; nodes: { target: string[] }[] };
        type Axe = { run(c: unknown, o: unknown): Promise<Record<'passes' | 'incomplete' | 'violations', Result[]>> };
        const r = await (window as unknown as { axe: Axe }).axe.run({ include: [['[data-cc-probe]']] }, { runOnly: ['color-contrast'] });
        const count = (l: Result[]) => l.reduce((n, x) => n + x.nodes.length, 0);
        return {
          passes: count(r.passes),
          incomplete: r.incomplete.flatMap((x) => x.nodes.map((n) => n.target.join(' '))),
          violations: r.violations.flatMap((x) => x.nodes.map((n) => `${x.help} — ${n.target.join(' ')}`)),
        };
      });
      expect(judged).toEqual({ passes: 2 * styles.length, incomplete: [], violations: [] });
    });
  }
});

test.describe('keyboard-only navigation reaches every link', () => {
  // One Tab press per focusable element (a ceiling, not a wait).
  test.describe.configure({ timeout: 180_000 });
  for (const path of ['/', LESSON1, '/zh-cn/glossary/']) {
    test(path, async ({ page }) => {
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.goto(path);
      const links = await page.$$eval('a[href]', (as) =>
        as
          .filter(
            (a) =>
              a.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }) &&
              !a.closest('[inert],[aria-hidden="true"],dialog:not([open]),details:not([open])'),
          )
          .map((a) => a.getAttribute('href')!),
      );
      expect(links.length).toBeGreaterThan(3);
      // The page records every focused link itself, so each Tab is one round trip to the browser, and
      // the reached set is read once per twenty presses.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { __ccReached: string[] }).__ccReached = seen;
        document.addEventListener('focusin', (e) => {
          const href = (e.target as HTMLElement | null)?.getAttribute?.('href');
          if (href) seen.push(href);
        });
      });
      const wanted = new Set(links);
      let missing = [...wanted];
      const focusable = await page.locator('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])').count();
      for (let i = 0; i < focusable * 2 + 20 && missing.length > 0; i += 20) {
        for (let j = 0; j < 20; j++) await page.keyboard.press('Tab');
        const reached = new Set(await page.evaluate(() => (window as unknown as { __ccReached: string[] }).__ccReached));
        missing = missing.filter((l) => !reached.has(l));
      }
      expect(missing).toEqual([]);
    });
  }
});
