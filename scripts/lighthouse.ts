/**
 * `npm run lighthouse`: Lighthouse scores (mobile and desktop) of the home page,
 * lesson 1 and the glossary, in Debian Chromium against the built site.
 */
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_ARGS, chromiumPath, preview } from './lib/browser.ts';

const PAGES = ['/', '/lessons/01-containers-are-processes/', '/glossary/'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const server = await preview(4393);
const chrome = await chromeLauncher.launch({
  chromePath: await chromiumPath(),
  chromeFlags: CHROMIUM_ARGS,
  logLevel: 'error',
});
const rows: string[][] = [['page', 'form factor', ...CATEGORIES]];
const notes = new Set<string>();
try {
  for (const path of PAGES) {
    for (const formFactor of ['mobile', 'desktop'] as const) {
      const result = await lighthouse(
        server.url + path,
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
        formFactor === 'desktop'
          ? {
              extends: 'lighthouse:default',
              settings: {
                formFactor: 'desktop',
                screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
                throttling: { rttMs: 40, throughputKbps: 10240, cpuSlowdownMultiplier: 1, requestLatencyMs: 0, downloadThroughputKbps: 0, uploadThroughputKbps: 0 },
              },
            }
          : undefined,
      );
      const { categories: cats, audits } = result!.lhr;
      for (const ref of cats.accessibility?.auditRefs ?? []) {
        const a = audits[ref.id];
        if (a && a.score !== null && a.score < 1 && ref.weight > 0) notes.add(`${path}: accessibility audit "${a.id}" failed: ${a.title}`);
      }
      rows.push([path, formFactor, ...CATEGORIES.map((c) => String(Math.round((cats[c]?.score ?? 0) * 100)))]);
    }
  }
} finally {
  await chrome.kill();
  server.stop();
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log(rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n'));
if (notes.size) console.log('\n' + [...notes].join('\n'));
