/**
 * `npx tsx scripts/trace-start.ts`: what the main thread's tasks are while lesson 1 starts its terminal on a
 * returning learner's load (a saved session, as `npm run lighthouse`'s "terminal started" row), by function.
 * A Chromium trace (CDP Tracing with V8's sampling profiler) at Lighthouse's mobile viewport; each task longer
 * than `--over` ms (12.5 by default: Lighthouse's mobile run multiplies the tasks it observes by its CPU
 * slowdown of 4, so a 12.5 ms task is its 50 ms long task) is listed with the functions that took its time
 * (self time of the profile's samples, grouped by function and script) and its layout and style work.
 * `--runs N` traces N loads and prints each; `--fresh` starts a fresh session with a click on Start instead.
 */
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, preview } from './lib/browser.ts';
import { frameKey, profile, type TraceEvent, traced } from './lib/trace.ts';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '1' }, over: { type: 'string', default: '12.5' }, fresh: { type: 'boolean', default: false } },
});
const RUNS = Number(args.runs);
const OVER = Number(args.over);
if (!Number.isInteger(RUNS) || RUNS < 1 || RUNS > 20 || !(OVER >= 0)) {
  console.error(`trace-start: --runs must be 1 to 20 and --over a number of ms (got ${args.runs}, ${args.over})`);
  process.exit(2);
}
const LESSON = '/lessons/01-containers-are-processes/';
const SAVED = { key: 'cc:term:v1:lessons/01-containers-are-processes', lines: ['docker run -d --name web nginx', 'ps -ef | grep nginx'] };

const server = await preview(Number(process.env.CC_TRACE_PORT ?? 4411));
const browser = await chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS });
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const url = server.url + LESSON;
    await page.goto(url);
    await page.evaluate(
      ([k, v]) => (v ? localStorage.setItem(k!, v) : localStorage.clear()),
      [SAVED.key, args.fresh ? '' : JSON.stringify({ lines: SAVED.lines, history: SAVED.lines, screen: '', rev: 1 })],
    );
    await page.goto('about:blank');
    const { events } = await traced(context, page, async () => {
      await page.goto(url);
      if (args.fresh) await page.getByRole('button', { name: 'Start the terminal' }).click();
      await page.waitForFunction(() => performance.getEntriesByName('cc-terminal:prompt').length > 0, null, { timeout: 60_000 });
      await page.waitForTimeout(1500); // the tasks after the prompt (the first save, idle work) — a trace window, not a test's wait
    });
    console.log(`\nrun ${run + 1}: ${events.length} trace events`);
    report(events);
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}

function report(events: TraceEvent[]): void {
  // The renderer's main thread: the CrRendererMain thread with the page's profile samples.
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const busy = (m: TraceEvent) => events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.name === 'RunTask').reduce((s, e) => s + (e.dur ?? 0), 0);
  const main = mains.sort((a, b) => busy(b) - busy(a))[0];
  if (!main) throw new Error('trace-start: no renderer main thread in the trace');
  const on = (e: TraceEvent) => e.pid === main.pid && e.tid === main.tid;
  const { nodes, samples } = profile(events, main.pid, main.tid);
  const marks = events.filter((e) => on(e) && e.name.startsWith('cc-terminal:') && (e.ph === 'R' || e.ph === 'I' || e.ph === 'b'));
  const t0 = events.find((e) => on(e) && e.name === 'navigationStart')?.ts ?? events.filter(on).reduce((m, e) => Math.min(m, e.ts), Infinity);
  const ms = (us: number) => (us / 1000).toFixed(1);
  console.log('marks: ' + marks.map((m) => `${m.name.replace('cc-terminal:', '')}@${ms(m.ts - t0)}`).join(' '));
  const tasks = events.filter((e) => on(e) && e.name === 'RunTask' && (e.dur ?? 0) >= OVER * 1000).sort((a, b) => a.ts - b.ts);
  let tbt = 0;
  let cpuTbt = 0;
  /** From the terminal's start (its mark) on: what starting it costs, by the same sum. */
  let startCpu = 0;
  const started = marks.find((m) => m.name === 'cc-terminal:start')?.ts;
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    // Layout, style and parse work inside the task, by kind.
    const kinds = new Map<string, number>();
    for (const e of events)
      if (
        on(e) &&
        e.ts >= task.ts &&
        e.ts < end &&
        e.dur &&
        /^(Layout|UpdateLayoutTree|Paint|PrePaint|ParseHTML|v8\.compile|v8\.compileModule|EvaluateScript|v8\.evaluateModule|ParseAuthorStyleSheet|FunctionCall|TimerFire|RunMicrotasks)$/.test(
          e.name,
        )
      )
        kinds.set(e.name, (kinds.get(e.name) ?? 0) + e.dur);
    // Self time by function from the samples in the task.
    const self = new Map<string, number>();
    let prev = task.ts;
    for (const s of samples) {
      if (s.ts < task.ts) continue;
      if (s.ts >= end) break;
      const key = frameKey(nodes.get(s.node)?.callFrame, true);
      self.set(key, (self.get(key) ?? 0) + (s.ts - prev));
      prev = s.ts;
    }
    // Playwright's own scripts (its injected script, set up by the wait below) are not the page's: left out of the sums.
    if ([...self.keys()].some((k) => /^(InjectedScript|UtilityScript) /.test(k))) {
      console.log(`task @${ms(task.ts - t0)} ms: ${ms(task.dur!)} ms: Playwright's injected script (not counted)`);
      continue;
    }
    tbt += Math.max(0, (task.dur! / 1000) * 4 - 50);
    cpuTbt += Math.max(0, ((task.tdur ?? task.dur!) / 1000) * 4 - 50);
    if (started !== undefined && task.ts >= started) startCpu += Math.max(0, ((task.tdur ?? task.dur!) / 1000) * 4 - 50);
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 10);
    console.log(
      `task @${ms(task.ts - t0)} ms: ${ms(task.dur!)} ms (cpu ${task.tdur === undefined ? '?' : ms(task.tdur)})  [${[...kinds].map(([k, v]) => `${k} ${ms(v)}`).join(', ')}]`,
    );
    for (const [k, v] of top) console.log(`    ${ms(v).padStart(6)}  ${k}`);
  }
  console.log(
    `tasks over ${OVER} ms: ${tasks.length}; Lighthouse-style TBT at 4x: ${Math.round(tbt)} ms (wall), ${Math.round(cpuTbt)} ms (cpu), ${Math.round(startCpu)} ms (cpu, from the start mark)`,
  );
}
