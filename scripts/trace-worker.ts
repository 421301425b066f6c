/**
 * `npx tsx scripts/trace-worker.ts`: where the terminal's worker spends its CPU from the click on Start to the answer
 * of a first `uname -r` typed as soon as the prompt shows (issue #14: the first command answered ≤ 200 ms cold), as
 * `npm run bench`'s "first command" row types it. A Chromium trace (CDP Tracing with V8's sampling profiler) of a
 * fresh session; the worker's thread (the DedicatedWorker running world.worker) is split into compile (module and
 * script compiles, lazy function compiles), evaluate (module evaluation) and the rest, before Enter and from Enter to
 * the answer, with the scripts and functions that took its time.
 * `--runs N` traces N fresh sessions; `--top N` lists N functions (default 12).
 */
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, preview } from './lib/browser.ts';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '1' }, top: { type: 'string', default: '12' } } });
const RUNS = Number(args.runs);
const TOP = Number(args.top);
if (!Number.isInteger(RUNS) || RUNS < 1 || RUNS > 20 || !Number.isInteger(TOP) || TOP < 0) {
  console.error(`trace-worker: --runs must be 1 to 20 and --top a whole number (got ${args.runs}, ${args.top})`);
  process.exit(2);
}
const LESSON = '/lessons/01-containers-are-processes/';
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.cpu_profiler',
  'v8.execute',
  'v8',
  'blink.user_timing',
].join(',');

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown>; url?: string; fileName?: string };
  id?: string;
}
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

const server = await preview(Number(process.env.CC_TRACE_PORT ?? 4411));
const browser = await chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS });
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url + LESSON, { waitUntil: 'load' });
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    const clickAt = await page.evaluate<number>(`(async () => {
      const t = performance.now();
      document.querySelector('cc-terminal [data-action="start"]').click();
      const shows = (sel) => document.querySelector(sel)?.textContent?.includes('root@node1');
      await new Promise((resolve) => { const c = () => (shows('cc-terminal [data-role="early"]') || shows('cc-terminal .xterm-rows') ? resolve() : requestAnimationFrame(c)); c(); });
      return t;
    })()`);
    await page.keyboard.insertText('uname -r');
    const answered = page.evaluate<number>(
      `new Promise((r) => document.addEventListener('cc:command', () => { performance.mark('cc-trace:answer'); r(performance.now()); }, { once: true }))`,
    );
    const enter = await page.evaluate<number>(`(performance.mark('cc-trace:enter'), performance.now())`);
    await page.keyboard.press('Enter');
    const answer = await answered;
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    console.log(`\nrun ${run + 1}: Enter → answer ${(answer - enter).toFixed(1)} ms (page clock); Start → Enter ${(enter - clickAt).toFixed(1)} ms`);
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
  const main = events.find((e) => e.name === 'cc-trace:enter' && e.ph !== 'M');
  const end = events.find((e) => e.name === 'cc-trace:answer' && e.ph !== 'M');
  if (!main || !end) throw new Error('trace-worker: the enter/answer marks are not in the trace');
  const on = (e: TraceEvent) => e.pid === world.w.pid && e.tid === world.w.tid;
  const ms = (us: number) => (us / 1000).toFixed(1);
  const first = events.filter((e) => on(e) && e.ph !== 'M' && e.ts > 0).reduce((m, e) => Math.min(m, e.ts), Infinity);
  for (const [label, from, to] of [
    ['worker start → Enter', first, main.ts],
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
      const key = f ? `${f.functionName || '(anonymous)'} ${script}:${(f.lineNumber ?? -1) + 1}` : '?';
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
}

/** The sampling profile of one thread: its nodes and (time, node) samples, from its Profile and ProfileChunk events. */
function profile(events: TraceEvent[], pid: number, tid: number) {
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; node: number }[] = [];
  const ids = new Set(events.filter((x) => x.pid === pid && x.tid === tid && x.name === 'Profile').map((x) => x.id));
  let t = 0;
  for (const e of events.filter((x) => x.pid === pid && ids.has(x.id) && (x.name === 'Profile' || x.name === 'ProfileChunk'))) {
    const data = e.args?.data as { startTime?: number; cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
    if (e.name === 'Profile') t = data?.startTime ?? e.ts;
    for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const deltas = data?.timeDeltas ?? [];
    (data?.cpuProfile?.samples ?? []).forEach((id, i) => {
      t += deltas[i] ?? 0;
      samples.push({ ts: t, node: id });
    });
  }
  samples.sort((a, b) => a.ts - b.ts);
  return { nodes, samples };
}
