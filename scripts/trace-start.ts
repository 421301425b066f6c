/**
 * `npx tsx scripts/trace-start.ts`: what the main thread's tasks are while lesson 1 starts its terminal on a
 * returning learner's load (a saved session, as `npm run lighthouse`'s "terminal started" row), by function;
 * at this phone's size the learner opens the workspace's sheet first (where xterm is drawn, element.ts restore).
 * A Chromium trace (CDP Tracing with V8's sampling profiler) at Lighthouse's mobile viewport; each task longer
 * than `--over` ms (12.5 by default: Lighthouse's mobile run multiplies the tasks it observes by its CPU
 * slowdown of 4, so a 12.5 ms task is its 50 ms long task) is listed with the functions that took its time
 * (self time of the profile's samples, grouped by function and script) and its layout and style work.
 * `--runs N` traces N loads and prints each; `--fresh` starts a fresh session with a click on Start instead;
 * `--inclusive` adds each task's 40 costliest functions with their callees. Forced style and layout are listed
 * with the function that forced them; the last lines list the start's tasks over the threshold in CPU time.
 * `--block REGEXP` (repeatable): requests whose URL matches fail (e.g. `--block '/ec\.\w+\.js$'`), to see what a
 * script costs by leaving it out; the last line gives the main thread's CPU over the whole trace, and each
 * script's share of the profile's samples (idle ones left out). `--v8` adds V8's compile events to each task's kinds
 * (V8.CompileCode: the lazy compiles of functions called for the first time, on the main thread; the tracing costs time).
 */
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, preview } from './lib/browser.ts';
import { frameKey, profile, type TraceEvent, traced } from './lib/trace.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '1' },
    over: { type: 'string', default: '12.5' },
    fresh: { type: 'boolean', default: false },
    inclusive: { type: 'boolean', default: false },
    block: { type: 'string', multiple: true, default: [] },
    v8: { type: 'boolean', default: false },
  },
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
    for (const pattern of args.block) await page.route(new RegExp(pattern), (route) => route.abort());
    const url = server.url + LESSON;
    await page.goto(url);
    await page.evaluate(
      ([k, v]) => (v ? localStorage.setItem(k!, v) : localStorage.clear()),
      [SAVED.key, args.fresh ? '' : JSON.stringify({ lines: SAVED.lines, history: SAVED.lines, screen: '', rev: 1 })],
    );
    await page.goto('about:blank');
    const { events } = await traced(
      context,
      page,
      async () => {
        await page.goto(url);
        // At this phone's size the workspace is a closed sheet: a saved session's xterm is drawn when it opens
        // (element.ts restore), so the learner's tap on the sheet's button is part of the traced path.
        const sheet = page.locator('.cc-sheet-open');
        if (await sheet.isVisible()) await sheet.click();
        if (args.fresh) await page.getByRole('button', { name: 'Start the terminal' }).click();
        await page.waitForFunction(() => performance.getEntriesByName('cc-terminal:prompt').length > 0, null, { timeout: 60_000 });
        await page.waitForTimeout(1500); // the tasks after the prompt (the first save, idle work) — a trace window, not a test's wait
      },
      args.v8,
    );
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
  /** Playwright's own tasks, left out. */
  const playwrights = new Set<TraceEvent>();
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
        /^(Layout|UpdateLayoutTree|Paint|PrePaint|ParseHTML|v8\.compile|v8\.compileModule|EvaluateScript|v8\.evaluateModule|ParseAuthorStyleSheet|FunctionCall|TimerFire|RunMicrotasks|V8\.\w*Compile\w*|V8\.\w*Parse\w*)$/.test(
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
      playwrights.add(task);
      console.log(`task @${ms(task.ts - t0)} ms: ${ms(task.dur!)} ms: Playwright's injected script (not counted)`);
      continue;
    }
    tbt += Math.max(0, (task.dur! / 1000) * 4 - 50);
    cpuTbt += Math.max(0, ((task.tdur ?? task.dur!) / 1000) * 4 - 50);
    if (started !== undefined && task.ts >= started) startCpu += Math.max(0, ((task.tdur ?? task.dur!) / 1000) * 4 - 50);
    if (args.inclusive) {
      // Time by function with its callees (each sample counts once for every function on its stack): where a task's time goes.
      const incl = new Map<string, number>();
      let p2 = task.ts;
      for (const s of samples) {
        if (s.ts < task.ts) continue;
        if (s.ts >= end) break;
        const seen = new Set<string>();
        for (let n = nodes.get(s.node); n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
          const f = n.callFrame;
          const key = `${f.functionName || '(anonymous)'} ${(f.url ?? '').replace(/^.*\//, '')}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
          if (seen.has(key)) continue;
          seen.add(key);
          incl.set(key, (incl.get(key) ?? 0) + (s.ts - p2));
        }
        p2 = s.ts;
      }
      for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  incl ${ms(v).padStart(6)}  ${k}`);
    }
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 10);
    console.log(
      `task @${ms(task.ts - t0)} ms: ${ms(task.dur!)} ms (cpu ${task.tdur === undefined ? '?' : ms(task.tdur)})  [${[...kinds].map(([k, v]) => `${k} ${ms(v)}`).join(', ')}]`,
    );
    for (const [k, v] of top) console.log(`    ${ms(v).padStart(6)}  ${k}`);
    // Style and layout that script forced (read a size before the frame's own pass), by the function that asked.
    for (const e of events) {
      if (!on(e) || e.ts < task.ts || e.ts >= end || !e.dur || !/^(Layout|UpdateLayoutTree)$/.test(e.name)) continue;
      const f = e.args?.beginData?.stackTrace?.[0];
      if (f)
        console.log(
          `    forced ${e.name} ${ms(e.dur)} ms by ${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber}:${f.columnNumber}`,
        );
    }
  }
  // Every task of the page's from the start mark on that is over the threshold in CPU, in order: the figures to compare.
  const after = tasks.filter((t) => started !== undefined && t.ts >= started && (t.tdur ?? t.dur!) >= OVER * 1000 && !playwrights.has(t));
  console.log(`from the start mark, tasks over ${OVER} ms of cpu: ${after.map((t) => ms(t.tdur ?? t.dur!)).join(' ') || 'none'}`);
  console.log(
    `tasks over ${OVER} ms: ${tasks.length}; Lighthouse-style TBT at 4x: ${Math.round(tbt)} ms (wall), ${Math.round(cpuTbt)} ms (cpu), ${Math.round(startCpu)} ms (cpu, from the start mark)`,
  );
  // The whole trace: the main thread's CPU in its tasks, and each script's share of the samples (self time).
  const cpu = events.filter((e) => on(e) && e.name === 'RunTask').reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0);
  const byScript = new Map<string, number>();
  for (const s of samples) {
    const f = nodes.get(s.node)?.callFrame;
    if (!f || f.functionName === '(idle)') continue;
    const key = (f.url ?? '').replace(/^.*\//, '') || f.functionName || '(native)';
    byScript.set(key, (byScript.get(key) ?? 0) + 1);
  }
  const busySamples = [...byScript.values()].reduce((a, b) => a + b, 0);
  const shares = [...byScript].sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log(`main thread cpu ${ms(cpu)} ms; samples by script: ${shares.map(([k, n]) => `${k} ${((100 * n) / busySamples).toFixed(1)}%`).join(', ')}`);
}
