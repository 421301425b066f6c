/** A cgroup v2 node with the files the lessons read. Values follow FACTS §2. */
export interface Cgroup {
  path: string;
  memoryMax: number | 'max';
  swapMax: number | 'max';
  memoryPeak: number;
  events: { low: number; high: number; max: number; oom: number; oom_kill: number; oom_group_kill: number };
  oomGroup: 0 | 1;
  cpuQuota: number | 'max';
  cpuPeriod: number;
  cpuWeight: number;
  cpusetCpus: string;
  pidsMax: number | 'max';
  cpu: { usage_usec: number; user_usec: number; system_usec: number; nr_periods: number; nr_throttled: number; throttled_usec: number };
  /** CPU usage (µs) at the last two whole seconds, for `docker stats`. */
  usageAtSecond: number[];
  /** cgroup v2 freezer: cgroup.freeze (runc pause/resume writes it). */
  frozen?: 0 | 1;
}

export function newCgroup(path: string): Cgroup {
  return {
    path,
    memoryMax: 'max',
    swapMax: 'max',
    memoryPeak: 0,
    events: { low: 0, high: 0, max: 0, oom: 0, oom_kill: 0, oom_group_kill: 0 },
    oomGroup: 0,
    cpuQuota: 'max',
    cpuPeriod: 100000,
    cpuWeight: 100,
    cpusetCpus: '',
    pidsMax: 'max',
    cpu: { usage_usec: 0, user_usec: 0, system_usec: 0, nr_periods: 0, nr_throttled: 0, throttled_usec: 0 },
    usageAtSecond: [],
  };
}

/** `1,2` → `1-2`, `0-3` stays: the canonical list form the kernel prints. */
/** A whole second passed: docker stats reads the last two seconds' usage; older ones are dropped (a long session kept every one). */
export function secondPassed(cg: Cgroup): void {
  cg.usageAtSecond.push(cg.cpu.usage_usec);
  if (cg.usageAtSecond.length > 2) cg.usageAtSecond.shift();
}

export function canonicalCpuList(cpus: number[]): string {
  const sorted = [...new Set(cpus)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** Parses `1,2` or `0-2,3`; undefined when malformed. */
export function parseCpuList(text: string): number[] | undefined {
  const out: number[] = [];
  for (const part of text.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) return undefined;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (b < a) return undefined;
    for (let i = a; i <= b; i++) out.push(i);
  }
  return out;
}
