/**
 * ps's BSD `j` format and its `f` forest (procps-ng 4.0.4).
 * - `j`: the "OL_j" macro format, which the default ("unknown", Linux) personality takes for BSD j
 *   (procps-ng@v4.0.4:src/ps/global.c `bsd_j_format = "OL_j"`; src/ps/output.c macro_array
 *   `{"OL_j", "ppid,pid,pgid,sid,tname,tpgid,stat,uid,bsdtime,args"}`).
 * - `f`: the processes in trees (procps-ng@v4.0.4:src/ps/display.c prep_forest_sort, show_forest, show_tree): sorted
 *   by PPID then start time (so that a parent's children come together); the roots (a process whose parent is not listed) taken from the last one back; each
 *   process then its children, PID 1's children at PID 1's own level; the command column starts with the prefix
 *   forest_helper draws (src/ps/output.c): per level "    ", " \_ " (the process itself) or " |  " (a sibling below).
 */
import type { PsRow } from './pscolumns.ts';

/** The -o specifiers of BSD `ps j`. */
export const BSD_J = ['ppid', 'pid', 'pgid', 'sid', 'tname', 'tpgid', 'stat', 'uid', 'bsdtime', 'args'];

/** `rows` in forest order, each with the prefix of its command column. */
export function forest<T extends PsRow>(rows: T[], ppidOf: (x: T) => number, bootMs: number): { row: T; prefix: string }[] {
  // Start times compared in clock ticks, as /proc/PID/stat gives them (USER_HZ 100); ties keep PID order (glibc's qsort is a merge sort).
  const ticks = (x: T) => Math.floor((x.p.startMs - bootMs) / 10);
  const sorted = [...rows].sort((a, b) => ppidOf(a) - ppidOf(b) || ticks(a) - ticks(b) || a.pid - b.pid);
  const pids = new Set(sorted.map((x) => x.pid));
  const out: { row: T; prefix: string }[] = [];
  const marks: string[] = [];
  const draw = () => marks.map((m) => (m === ' ' ? '    ' : m === '|' ? ' |  ' : ' \\_ ')).join('');
  const show = (self: T, level: number, sibling: boolean, seen: Set<T>) => {
    if (seen.has(self)) return;
    seen.add(self);
    if (level) marks[level - 1] = sibling ? '+' : 'L';
    marks.length = level;
    out.push({ row: self, prefix: draw() });
    const children = sorted.filter((x) => x !== self && ppidOf(x) === self.pid);
    if (level) marks[level - 1] = sibling ? '|' : ' ';
    marks.length = level;
    children.forEach((child, i) => {
      const more = i < children.length - 1;
      show(child, self.pid === 1 ? level : level + 1, more, seen);
      marks.length = level;
    });
  };
  const seen = new Set<T>();
  for (let i = sorted.length - 1; i >= 0; i--) {
    const x = sorted[i] as T;
    if (!pids.has(ppidOf(x)) || ppidOf(x) === x.pid) show(x, 0, false, seen);
  }
  return out;
}
