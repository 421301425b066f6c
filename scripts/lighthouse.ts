/**
 * `npm run lighthouse`: Lighthouse scores (mobile and desktop) of the home page,
 * lesson 1 and the glossary, in Debian Chromium against the built site; and of lesson 1
 * after the terminal starts: a returning learner's load, where the saved session starts the
 * simulated host with the page and replays its commands (element.ts hasSavedSession), so the
 * host's worker, its start and the replay are all inside the measured load; xterm is drawn with them
 * where the terminal is in view (desktop), not in a phone's closed sheet (element.ts restore).
 */
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, preview } from './lib/browser.ts';

const LESSON = '/lessons/01-containers-are-processes/';
/** Lesson 1's terminal with two commands run: what `cc:term:v1:<lesson>` holds after a first visit. */
const SAVED = { key: 'cc:term:v1:lessons/01-containers-are-processes', lines: ['docker run -d --name web nginx', 'ps -ef | grep nginx'] };
const PAGES = ['/', LESSON, '/glossary/', `${LESSON} (terminal started)`];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

// `npm run lighthouse -- --runs 5`: each page and form factor is loaded N times and the median run (by FCP
// and TTI, Lighthouse's own computeMedianRun) is reported, as Lighthouse advises on a machine whose load varies.
// `--save DIR`: each reported run's full Lighthouse result, as JSON, for a closer look, and its trace beside it
// (`….trace.json`, Chromium's trace format: DevTools' Performance panel opens it) to match the simulated tasks
// of the `long-tasks` audit (its debugData: start, duration at 4x) to what ran in them.
// `--form-factor mobile` (or desktop): that form factor only (issue #14's target is mobile), half the time.
// `--started`: only the "terminal started" row (the one a change to the terminal's start moves).
// `--block PATTERN` (repeatable; Lighthouse's blockedUrlPatterns, `*` a wildcard): those requests fail, e.g.
// `--block '*/_astro/ec.*.js'`: what a script costs the scores, measured by leaving it out.
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '1' },
    save: { type: 'string' },
    'form-factor': { type: 'string' },
    started: { type: 'boolean', default: false },
    block: { type: 'string', multiple: true, default: [] },
  },
});
const RUNS = Number(args.runs);
if (!Number.isInteger(RUNS) || RUNS < 1 || RUNS > 20) {
  console.error(`lighthouse: --runs must be a whole number from 1 to 20, not ${JSON.stringify(args.runs)}`);
  process.exit(2);
}
const FORM_FACTORS = (['mobile', 'desktop'] as const).filter((f) => !args['form-factor'] || f === args['form-factor']);
// --save DIR: made if it is not there (a missing folder failed with ENOENT after the first page's runs).
if (args.save) {
  try {
    mkdirSync(args.save, { recursive: true });
  } catch (e) {
    console.error(`lighthouse: --save ${args.save}: ${(e as Error).message}`);
    process.exit(2);
  }
}
if (!FORM_FACTORS.length) {
  console.error(`lighthouse: --form-factor must be mobile or desktop, not ${JSON.stringify(args['form-factor'])}`);
  process.exit(2);
}

// CC_LIGHTHOUSE_PORT: several checkouts on one machine each serve their own build.
const server = await preview(Number(process.env.CC_LIGHTHOUSE_PORT ?? 4393));
const chrome = await chromeLauncher.launch({
  chromePath: await chromiumPath(),
  chromeFlags: CHROMIUM_ARGS,
  logLevel: 'error',
});
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift'] as const;
const rows: string[][] = [['page', 'form factor', ...CATEGORIES, 'FCP', 'LCP', 'TBT', 'CLS', 'benchmarkIndex']];
const notes = new Set<string>();
try {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  for (const path of PAGES.filter((p) => !args.started || p.endsWith('(terminal started)'))) {
    const started = path.endsWith('(terminal started)');
    const url = server.url + (started ? LESSON : path);
    for (const formFactor of FORM_FACTORS) {
      const runs = [];
      const traces = new Map<object, unknown>();
      for (let run = 0; run < RUNS; run++) {
        // Lighthouse clears the origin's storage before a load; the started row saves the session first and keeps it.
        if (started) {
          const page = await browser.contexts()[0]!.newPage();
          await page.goto(url);
          await page.evaluate(
            ([k, v]) => localStorage.setItem(k!, v!),
            [SAVED.key, JSON.stringify({ lines: SAVED.lines, history: SAVED.lines, screen: '', rev: 1 })],
          );
          await page.close();
        }
        const result = await lighthouse(
          url,
          {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: [...CATEGORIES],
            disableStorageReset: started,
            blockedUrlPatterns: args.block,
          },
          formFactor === 'desktop'
            ? {
                extends: 'lighthouse:default',
                settings: {
                  formFactor: 'desktop',
                  screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
                  throttling: {
                    rttMs: 40,
                    throughputKbps: 10240,
                    cpuSlowdownMultiplier: 1,
                    requestLatencyMs: 0,
                    downloadThroughputKbps: 0,
                    uploadThroughputKbps: 0,
                  },
                },
              }
            : undefined,
        );
        if (started) {
          // The simulated host's worker is among the load's requests: the host started (and replays the saved lines)
          // within the measured load. xterm's session module is drawn when the terminal is in view (element.ts
          // restore): on a wide screen with the load, on a phone when the sheet opens (not in this row).
          const requests = result!.lhr.audits['network-requests']?.details as { items?: { url: string }[] } | undefined;
          const fetched = (re: RegExp) => requests?.items?.some((r) => re.test(r.url));
          if (!fetched(/\/world\.worker-[\w-]+\.js$/)) notes.add(`${path} (${formFactor}): the terminal did not start during the load`);
          notes.add(`${path} (${formFactor}): xterm ${fetched(/\/session\.[\w-]+\.js$/) ? 'drawn' : 'not drawn (not in view)'} during the load`);
        }
        runs.push(result!.lhr);
        traces.set(result!.lhr, result!.artifacts.Trace);
      }
      const lhr = RUNS > 1 ? computeMedianRun(runs) : runs[0]!;
      const { categories: cats, audits } = lhr;
      // Every scored audit below 1, in every category (a performance metric's score says how far it is from 100).
      for (const c of CATEGORIES) {
        for (const ref of cats[c]?.auditRefs ?? []) {
          const a = audits[ref.id];
          if (a && a.score !== null && a.score < 1 && ref.weight > 0)
            notes.add(`${path} (${formFactor}): ${c} audit "${a.id}" scored ${a.score}${a.displayValue ? ` (${a.displayValue})` : ''}: ${a.title}`);
        }
      }
      if (args.save) {
        const file = join(args.save, `${path.replace(/\W+/g, '_')}-${formFactor}`);
        writeFileSync(`${file}.json`, JSON.stringify(lhr));
        writeFileSync(`${file}.trace.json`, JSON.stringify(traces.get(lhr)));
      }
      rows.push([
        path,
        formFactor,
        ...CATEGORIES.map((c) => String(Math.round((cats[c]?.score ?? 0) * 100))),
        ...METRICS.map((m) => audits[m]?.displayValue ?? '-'),
        String(lhr.environment?.benchmarkIndex ?? '-'),
      ]);
    }
  }
  await browser.close();
} finally {
  await chrome.kill();
  server.stop();
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log(rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n'));
if (notes.size) console.log('\n' + [...notes].join('\n'));
