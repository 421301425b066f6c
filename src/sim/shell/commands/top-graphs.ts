/**
 * top's summary graphs ('t' and 'm': graph_cpus and graph_mems 1 bars, 2 blocks; procps-ng@v4.0.4:src/top/top.c
 * sum_tics, do_memory, sum_rx, adj_geometry with double_up 0). The ~N marks are dropped as the rest of the frame
 * drops them (top.ts), except the blocks' (~4 and ~6: capclr_msg and capclr_hdr, reverse video with colours off,
 * capsmk), which are spaces and would not show without it.
 */
import type { CpuStat } from '../../fs/sysstats.ts';

/** top.c: GRAPH_length_max, GRAPH_length_min, GRAPH_prefix_std, GRAPH_suffix. */
const MAX = 100;
const MIN = 10;
const PREFIX = 25;
const SUFFIX = 2;
const REV = '\x1b[7m';
const OFF = '\x1b(B\x1b[m';

/** adj_geometry, double_up 0: the bars' length for the screen's width (the same for memory: no TOG4_MEM_1UP). */
export function graphLength(columns: number): number {
  const n = columns - (PREFIX + MAX + SUFFIX) >= 0 ? MAX : columns - PREFIX - SUFFIX;
  return Math.max(MIN, n);
}

/** sum_rx: the two parts' percentages of `total` and the graph "[…] " `length` cells wide. */
function rx(total: number, part1: number, part2: number, style: number, length: number): { one: number; two: number; tot: number; graph: string } {
  const scale = total > 0 ? 100 / total : 0;
  const one = scale * part1;
  let two = scale * part2;
  if (one + two > 100 || two < 0) two = 0;
  const adjust = length / 100;
  let n1 = Math.trunc(one * adjust + 0.5);
  let n2 = Math.trunc(two * adjust + 0.5);
  if (n1 + n2 > length) {
    if (n1 > length) n1 = length;
    n2 = length - n1;
  }
  const fill = (n: number) => (style === 1 ? '|'.repeat(n) : n ? `${REV}${' '.repeat(n)}${OFF}` : '');
  return { one, two, tot: one + two, graph: `[${fill(n1)}${fill(n2)}${' '.repeat(length - n1 - n2)}] ` };
}

/** C's "%#5.1f" and "%-#5.1f". */
const f51 = (n: number) => n.toFixed(1).padStart(5);
const f51l = (n: number) => n.toFixed(1).padEnd(5);

/** sum_tics with graph_cpus: "%s ~3%#5.1f~2/%-#5.1f~3 %3.0f%s" (user+nice, then system+irq+softirq, of all ticks). */
export function cpuGraph(a: CpuStat, b: CpuStat, pfx: string, style: number, columns: number): string {
  const d = (k: keyof CpuStat) => Math.max(0, b[k] - a[k]);
  const keys: (keyof CpuStat)[] = ['user', 'system', 'nice', 'idle', 'iowait', 'irq', 'softirq', 'steal'];
  const total = keys.reduce((n, k) => n + d(k), 0) || 1;
  const r = rx(total, d('user') + d('nice'), d('system') + d('irq') + d('softirq'), style, graphLength(columns));
  return `${pfx} ${f51(r.one)}/${f51l(r.two)} ${r.tot.toFixed(0).padStart(3)}${r.graph}`;
}

/** prT: "%#.1f " in MiB, cut to 9 bytes ('+' at the ninth when longer). */
function prT(kb: number): string {
  const s = `${(kb / 1024).toFixed(1)} `;
  return s.length > 9 ? `${s.slice(0, 8)}+` : s;
}

/**
 * do_memory with graph_mems: "%s %s:~3%#5.1f~2/%-9.9s~3%s" for Mem (used, then the rest of what is not available)
 * and Swap (its used part only), in MiB (Summ_mscale SK_Mb).
 */
export function memGraph(
  m: { total: number; free: number; buffers: number; cache: number; available: number },
  swap: { total: number; used: number },
  style: number,
  columns: number,
): string[] {
  const len = graphLength(columns);
  const used = m.total - m.free - (m.buffers + m.cache);
  const mem = rx(m.total, used, m.total - m.available - used, style, len);
  const sw = rx(swap.total, 0, swap.used, style, len);
  return [`MiB Mem :${f51(mem.tot)}/${prT(m.total).padEnd(9)}${mem.graph}`, `MiB Swap:${f51(sw.two)}/${prT(swap.total).padEnd(9)}${sw.graph}`];
}
