/**
 * `npx tsx scripts/trace-worker.ts`: where the terminal's worker spends its CPU from the click on Start to the answer
 * of a first `uname -r` typed as soon as the prompt shows (issue #14: the first command answered ≤ 200 ms cold). A
 * Chromium trace (CDP Tracing with V8's sampling profiler) of a fresh session; the worker's thread (the
 * DedicatedWorker running world.worker) is split into compile (module and script compiles, lazy function compiles),
 * evaluate (module evaluation) and the rest, from Start to Enter and from Enter to the answer, with the scripts and
 * functions that took its time; then both threads' tasks in time order (`--over` ms of CPU and longer, 3 by default),
 * so the path to the answer shows.
 * `--runs N` traces N fresh sessions; `--top N` lists N functions (default 12); `--typing MS` presses Enter MS ms after
 * the prompt shows (0 by default: a learner takes a second or more to type the line); `--xterm` types only once xterm's
 * own prompt shows, as `npm run bench` does (its first-command row waits for both prompts before it types), where by
 * default the line is typed at the early prompt (early-prompt.ts), before the session has taken its keys. The worker's
 * steps show as marks in the timeline (world-server.ts: cc-world:booted, prepared, warmed, line).
 */
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, preview } from './lib/browser.ts';
import { frameKey, profile, type TraceEvent, traced } from './lib/trace.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '1' },
    top: { type: 'string', default: '12' },
    over: { type: 'string', default: '3' },
    typing: { type: 'string', default: '0' },
    xterm: { type: 'boolean', default: false },
  },
});
const RUNS = Number(args.runs);
const TOP = Number(args.top);
const OVER = Number(args.over);
const TYPING = Number(args.typing);
const XTERM = args.xterm === true;
if (!Number.isInteger(RUNS) || RUNS < 1 || RUNS > 20 || !Number.isInteger(TOP) || TOP < 0 || !(OVER >= 0) || !(TYPING >= 0 && TYPING <= 10_000)) {
  console.error(
    `trace-worker: --runs must be 1 to 20, --top a whole number, --over a number of ms and --typing 0 to 10000 ms (got ${args.runs}, ${args.top}, ${args.over}, ${args.typing})`,
  );
  process.exit(2);
}
const LESSON = '/lessons/01-containers-are-processes/';

const server = await preview(Number(process.env.CC_TRACE_PORT ?? 4411));
const browser = await chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS });
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url + LESSON, { waitUntil: 'load' });
    const { events, value } = await traced(
      context,
      page,
      async () => {
        const clickAt = await page.evaluate<number>(`(async () => {
          performance.mark('cc-trace:start');
          const t = performance.now();
          document.querySelector('cc-terminal [data-action="start"]').click();
          const shows = (sel) => document.querySelector(sel)?.textContent?.includes('root@node1');
          await new Promise((resolve) => { const c = () => (shows('cc-terminal [data-role="early"]') || shows('cc-terminal .xterm-rows') ? resolve() : requestAnimationFrame(c)); c(); });
          if (${XTERM}) await new Promise((resolve) => { const c = () => (shows('cc-terminal .xterm-rows') ? resolve() : requestAnimationFrame(c)); c(); });
          return t;
        })()`);
        await page.keyboard.insertText('uname -r');
        // A learner's typing: Enter comes TYPING ms after the prompt (a pace the page is given, not a test's wait).
        if (TYPING) await page.waitForTimeout(TYPING);
        const answered = page.evaluate<number>(
          `new Promise((r) => document.addEventListener('cc:command', () => { performance.mark('cc-trace:answer'); r(performance.now()); }, { once: true }))`,
        );
        const enter = await page.evaluate<number>(`(performance.mark('cc-trace:enter'), performance.now())`);
        await page.keyboard.press('Enter');
        return { clickAt, enter, answer: await answered };
      },
      true,
    );
    console.log(
      `\nrun ${run + 1}: Enter → answer ${(value.answer - value.enter).toFixed(1)} ms (page clock); Start → Enter ${(value.enter - value.clickAt).toFixed(1)} ms`,
    );
    report(events);
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}

function report(events: TraceEvent[]): void {
  const workers = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'DedicatedWorker thread');
  const samplesOf = (w: TraceEvent) => profile(events, w.pid, w.tid);
  // The world's worker: the one whose profile has world.worker's script.
  const world = workers.map((w) => ({ w, p: samplesOf(w) })).find(({ p }) => [...p.nodes.values()].some((n) => /world\.worker/.test(n.callFrame.url)));
  if (!world) throw new Error('trace-worker: no worker running world.worker in the trace');
  const mark = (name: string) => events.find((e) => e.name === `cc-trace:${name}` && e.ph !== 'M');
  const [start, main, end] = [mark('start'), mark('enter'), mark('answer')];
  if (!start || !main || !end) throw new Error('trace-worker: the start/enter/answer marks are not in the trace');
  const on = (e: TraceEvent) => e.pid === world.w.pid && e.tid === world.w.tid;
  const ms = (us: number) => (us / 1000).toFixed(1);
  for (const [label, from, to] of [
    ['Start → Enter', start.ts, main.ts],
    ['Enter → answer', main.ts, end.ts],
  ] as const) {
    const within = (e: TraceEvent) => on(e) && e.ts >= from && e.ts < to;
    const sum = (re: RegExp) => events.filter((e) => within(e) && re.test(e.name)).reduce((s, e) => s + (e.tdur ?? e.dur ?? 0), 0);
    const top = events.filter((e) => within(e) && e.name === 'RunTask').reduce((s, e) => s + (e.tdur ?? e.dur ?? 0), 0);
    console.log(
      `${label} (${ms(to - from)} ms): tasks ${ms(top)} ms cpu; compile ${ms(sum(/^(v8\.compile|v8\.compileModule|V8\.CompileCode|V8\.CompileLazy|v8\.parseOnBackground)$/))}, ` +
        `evaluate ${ms(sum(/^v8\.evaluateModule$/))}, GC ${ms(sum(/^(MinorGC|MajorGC|V8\.GC_.*|BlinkGC\..*)$/))} ms`,
    );
    const list = (m: Map<string, number>, n: number) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, v]) => `    ${ms(v).padStart(6)}  ${k}`)
        .join('\n');
    const self = new Map<string, number>();
    const byScript = new Map<string, number>();
    let prev = from;
    for (const s of world.p.samples) {
      if (s.ts < from) continue;
      if (s.ts >= to) break;
      const f = world.p.nodes.get(s.node)?.callFrame;
      const script = (f?.url ?? '').replace(/^.*\//, '') || f?.functionName || '?';
      const key = frameKey(f);
      self.set(key, (self.get(key) ?? 0) + (s.ts - prev));
      byScript.set(script, (byScript.get(script) ?? 0) + (s.ts - prev));
      prev = s.ts;
    }
    const compiles = new Map<string, number>();
    for (const e of events)
      if (within(e) && /^(v8\.compile|v8\.compileModule|v8\.evaluateModule)$/.test(e.name)) {
        const d = (e.args?.data ?? e.args ?? {}) as { url?: string; fileName?: string };
        const key = `${e.name.replace('v8.', '')} ${String(d.url ?? d.fileName ?? '?').replace(/^.*\//, '')}`;
        compiles.set(key, (compiles.get(key) ?? 0) + (e.tdur ?? e.dur ?? 0));
      }
    console.log(`  compile/evaluate by script:\n${list(compiles, 10)}`);
    console.log(`  by script:\n${list(byScript, 8)}\n  by function:\n${list(self, TOP)}`);
  }
  timeline(events, world.w, world.p, start.ts, main.ts, end.ts);
}

/**
 * The page's main thread and the world's worker, task by task from Start to the answer (ms from Enter, CPU ms, what
 * took it: the compiles and evaluations by script, else the functions with the most samples), and the page's marks.
 */
function timeline(events: TraceEvent[], worker: TraceEvent, p: ReturnType<typeof profile>, from: number, enter: number, to: number): void {
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const main = mains.find((m) => events.some((e) => e.pid === m.pid && e.tid === m.tid && e.name === 'cc-trace:enter'));
  const at = (us: number) => `${((us - enter) / 1000).toFixed(1).padStart(7)}`;
  const rows: [number, string][] = [];
  for (const [who, thread] of [
    ['page  ', main],
    ['worker', worker],
  ] as const) {
    if (!thread) continue;
    const on = (e: TraceEvent) => e.pid === thread.pid && e.tid === thread.tid;
    const samples = who === 'worker' ? p : profile(events, thread.pid, thread.tid);
    for (const task of events.filter((e) => on(e) && e.name === 'RunTask' && e.ts >= from && e.ts < to && (e.tdur ?? e.dur ?? 0) >= OVER * 1000)) {
      const end = task.ts + (task.dur ?? 0);
      const what = new Map<string, number>();
      for (const e of events)
        if (on(e) && e.ts >= task.ts && e.ts < end && /^(v8\.compileModule|v8\.evaluateModule)$/.test(e.name)) {
          const d = (e.args?.data ?? e.args ?? {}) as { url?: string; fileName?: string };
          const key = `${e.name.replace('v8.', '')} ${String(d.url ?? d.fileName ?? '?').replace(/^.*\//, '')}`;
          what.set(key, (what.get(key) ?? 0) + (e.tdur ?? e.dur ?? 0));
        }
      let prev = task.ts;
      for (const s of samples.samples) {
        if (s.ts < task.ts) continue;
        if (s.ts >= end) break;
        const key = frameKey(samples.nodes.get(s.node)?.callFrame);
        if (!/^\((idle|program|garbage collector)\)/.test(key)) what.set(key, (what.get(key) ?? 0) + (s.ts - prev));
        prev = s.ts;
      }
      const top = [...what]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)
        .join('; ');
      rows.push([task.ts, `${at(task.ts)} ${who} ${((task.tdur ?? task.dur ?? 0) / 1000).toFixed(1).padStart(6)} cpu  ${top}`]);
    }
    for (const m of events.filter((e) => on(e) && /^cc-(terminal|trace|world):/.test(e.name) && e.ph !== 'M' && e.ts >= from && e.ts <= to))
      rows.push([m.ts, `${at(m.ts)} ${who}  mark  ${m.name}`]);
  }
  console.log(`  timeline (ms from Enter; tasks of ${OVER} ms of CPU and more):`);
  for (const [, row] of rows.sort((a, b) => a[0] - b[0])) console.log(`  ${row}`);
}
