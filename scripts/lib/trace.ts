/**
 * What scripts/trace-start.ts and scripts/trace-worker.ts share: a Chromium trace (CDP Tracing with V8's sampling
 * profiler) of what a page does while `action` runs, and one thread's sampling profile read from it.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** The trace's categories: the timeline, V8's sampling profiler and execution, the page's marks; `v8` adds V8's compiles. */
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  // The stack of what forced a style or layout (trace-start lists it).
  'disabled-by-default-devtools.timeline.stack',
  'disabled-by-default-v8.cpu_profiler',
  'v8.execute',
  'blink.user_timing',
];

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event (µs), where the trace has it: wall time swells on a busy machine, this less. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: Record<string, unknown>;
    url?: string;
    fileName?: string;
    beginData?: { stackTrace?: { functionName: string; url: string; lineNumber: number; columnNumber: number }[] };
  };
  id?: string;
}

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  parent?: number;
}

/** The trace events of `page` while `action` runs (from before it starts to after it settles); `v8` adds V8's compile events. */
export async function traced<T>(context: BrowserContext, page: Page, action: () => Promise<T>, v8 = false): Promise<{ events: TraceEvent[]; value: T }> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  // Chromium's trace events, typed here as read by the scripts (the protocol types them as string maps).
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    categories: [...CATEGORIES, ...(v8 ? ['v8', 'disabled-by-default-v8.compile'] : [])].join(','),
    transferMode: 'ReportEvents',
  });
  const value = await action();
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  return { events, value };
}

/** The sampling profile of one thread: its nodes and (time, node) samples, from its Profile and ProfileChunk events. */
export function profile(events: TraceEvent[], pid: number, tid: number): { nodes: Map<number, ProfileNode>; samples: { ts: number; node: number }[] } {
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; node: number }[] = [];
  // A Profile event is on its thread; its chunks come from the profiler's thread with the same id.
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

/** A profile node's frame as `function script:line`, or `function script:line:column` with `column`. */
export function frameKey(f: ProfileNode['callFrame'] | undefined, column = false): string {
  if (!f) return '?';
  const at = `${(f.url ?? '').replace(/^.*\//, '')}:${(f.lineNumber ?? -1) + 1}`;
  return `${f.functionName || '(anonymous)'} ${at}${column ? `:${(f.columnNumber ?? -1) + 1}` : ''}`;
}
