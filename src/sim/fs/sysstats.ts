/**
 * node1's system-wide memory and CPU counters, one model for /proc/meminfo, `free` and `vmstat`.
 *
 * Memory (kB): the kernel and the system's services hold a fixed 2 % of RAM, the simulated
 * processes their resident memory, the page cache (Buffers + Cached + SReclaimable) a fixed 18 %.
 * MemAvailable is MemFree plus the reclaimable 86 % of that cache. No swap (a cloud VM's default).
 * procps-ng 4.0.4 derives "used" as MemTotal - MemAvailable and "buff/cache" as Buffers + Cached +
 * SReclaimable (procps-ng@v4.0.4:library/meminfo.c meminfo_read_failed), so `free` and `vmstat`
 * agree with /proc/meminfo by construction.
 *
 * CPU (ticks of USER_HZ): every CPU counts 100 ticks a second since boot. A quiet host spends 2.5 %
 * of them busy (the same share /proc/uptime's idle field leaves out); the simulated busy programs
 * (`yes`, stress) add the CPU time the kernel granted them, 99 % user as cpu.stat splits it.
 */
import type { Host } from '../host.ts';
import { USER_HZ } from './procstat.ts';

export interface MemInfo {
  MemTotal: number;
  MemFree: number;
  MemAvailable: number;
  Buffers: number;
  Cached: number;
  Shmem: number;
  SReclaimable: number;
  SUnreclaim: number;
  Active: number;
  Inactive: number;
  ActiveAnon: number;
  InactiveAnon: number;
  ActiveFile: number;
  InactiveFile: number;
  AnonPages: number;
  Mapped: number;
  KernelStack: number;
  PageTables: number;
  CommitLimit: number;
  CommittedAS: number;
  Percpu: number;
}

/** The host's /proc/meminfo figures, in kB. */
export function memInfo(host: Host): MemInfo {
  // The kernel counts pages: every figure is a multiple of 4 kB.
  const pg = (kb: number) => Math.round(kb / 4) * 4;
  const total = pg(host.fixture.memTotalBytes / 1024);
  const rss = pg(host.kernel.live().reduce((n, p) => n + p.rssBytes, 0) / 1024);
  const cache = pg(total * 0.18);
  const buffers = pg(cache * 0.02);
  const sreclaimable = pg(cache * 0.07);
  const cached = cache - buffers - sreclaimable;
  const used = Math.min(total - cache, pg(total * 0.02) + rss);
  const free = total - used - cache;
  const shmem = 4_096;
  const anon = Math.min(used, rss + pg(total * 0.006));
  const activeAnon = pg((anon + shmem) * 0.8);
  const inactiveAnon = anon + shmem - activeAnon;
  const file = buffers + cached - shmem;
  const activeFile = pg(file * 0.45);
  const inactiveFile = file - activeFile;
  return {
    MemTotal: total,
    MemFree: free,
    MemAvailable: free + pg(cache * 0.86),
    Buffers: buffers,
    Cached: cached,
    Shmem: shmem,
    SReclaimable: sreclaimable,
    SUnreclaim: pg(total * 0.004),
    Active: activeAnon + activeFile,
    Inactive: inactiveAnon + inactiveFile,
    ActiveAnon: activeAnon,
    InactiveAnon: inactiveAnon,
    ActiveFile: activeFile,
    InactiveFile: inactiveFile,
    AnonPages: anon,
    Mapped: pg(total * 0.011),
    KernelStack: 5_888 + host.kernel.live().length * 16,
    PageTables: pg(total * 0.0006) + pg(rss / 500),
    // overcommit_ratio 50 and no swap (mm/util.c vm_commit_limit).
    CommitLimit: pg(total / 2),
    CommittedAS: pg(total * 0.045) + rss,
    Percpu: 1_024 * host.fixture.cpus,
  };
}

/** The text of /proc/meminfo (linux@v6.8:fs/proc/meminfo.c meminfo_proc_show, an x86_64 Ubuntu kernel's fields). */
export function meminfoText(host: Host): string {
  const m = memInfo(host);
  const total = m.MemTotal;
  // DirectMap: the kernel's direct mapping of RAM in 4k, 2M and 1G pages (arch/x86/mm/init.c).
  const map1g = Math.max(0, Math.floor(total / 1_048_576) - 2) * 1_048_576;
  const map4k = 210_876;
  const rows: [string, number, string?][] = [
    ['MemTotal', total],
    ['MemFree', m.MemFree],
    ['MemAvailable', m.MemAvailable],
    ['Buffers', m.Buffers],
    ['Cached', m.Cached],
    ['SwapCached', 0],
    ['Active', m.Active],
    ['Inactive', m.Inactive],
    ['Active(anon)', m.ActiveAnon],
    ['Inactive(anon)', m.InactiveAnon],
    ['Active(file)', m.ActiveFile],
    ['Inactive(file)', m.InactiveFile],
    ['Unevictable', 30_208],
    ['Mlocked', 27_648],
    ['SwapTotal', 0],
    ['SwapFree', 0],
    ['Zswap', 0],
    ['Zswapped', 0],
    ['Dirty', 112],
    ['Writeback', 0],
    ['AnonPages', m.AnonPages],
    ['Mapped', m.Mapped],
    ['Shmem', m.Shmem],
    ['KReclaimable', m.SReclaimable],
    ['Slab', m.SReclaimable + m.SUnreclaim],
    ['SReclaimable', m.SReclaimable],
    ['SUnreclaim', m.SUnreclaim],
    ['KernelStack', m.KernelStack],
    ['PageTables', m.PageTables],
    ['SecPageTables', 0],
    ['NFS_Unstable', 0],
    ['Bounce', 0],
    ['WritebackTmp', 0],
    ['CommitLimit', m.CommitLimit],
    ['Committed_AS', m.CommittedAS],
    ['VmallocTotal', 34_359_738_367],
    ['VmallocUsed', 31_540],
    ['VmallocChunk', 0],
    ['Percpu', m.Percpu],
    ['HardwareCorrupted', 0],
    ['AnonHugePages', 0],
    ['ShmemHugePages', 0],
    ['ShmemPmdMapped', 0],
    ['FileHugePages', 0],
    ['FilePmdMapped', 0],
    ['Unaccepted', 0],
    ['HugePages_Total', 0, ''],
    ['HugePages_Free', 0, ''],
    ['HugePages_Rsvd', 0, ''],
    ['HugePages_Surp', 0, ''],
    ['Hugepagesize', 2_048],
    ['Hugetlb', 0],
    ['DirectMap4k', map4k],
    ['DirectMap2M', Math.ceil((total + 262_144 - map1g - map4k) / 2_048) * 2_048],
    ['DirectMap1G', map1g],
  ];
  // show_val_kb: the label padded to 16 columns, the value to 8, then " kB" (HardwareCorrupted: "%5lu kB", the HugePages_ counts bare).
  return rows
    .map(([k, v, unit = ' kB']) =>
      k === 'HardwareCorrupted' ? `${k}: ${String(v).padStart(5)}${unit}\n` : `${`${k}:`.padEnd(16)}${String(v).padStart(8)}${unit}\n`,
    )
    .join('');
}

/** The CPU line of /proc/stat, summed over CPUs, and the system counters vmstat reads. */
export interface CpuStat {
  user: number;
  nice: number;
  system: number;
  idle: number;
  iowait: number;
  irq: number;
  softirq: number;
  steal: number;
  guest: number;
  guestNice: number;
  intr: number;
  ctxt: number;
  btime: number;
  processes: number;
  running: number;
  blocked: number;
  /** /proc/vmstat pgpgin, pgpgout (kB read from and written to disk) and pswpin, pswpout (no swap). */
  pgpgin: number;
  pgpgout: number;
  pswpin: number;
  pswpout: number;
}

/** The host's CPU and event counters at the simulated clock's now. */
export function cpuStat(host: Host): CpuStat {
  const k = host.kernel;
  const secs = Math.max(0, (host.clock.nowMs - k.bootMs) / 1000);
  const all = Math.floor(secs * USER_HZ) * host.fixture.cpus;
  const busy = Math.floor(k.cpuBusyUsec / (1e6 / USER_HZ));
  const busyUser = Math.floor(busy * 0.99);
  const share = (f: number) => Math.floor(all * f);
  const user = share(0.014) + busyUser;
  const nice = share(0.00005);
  const system = share(0.0075) + (busy - busyUser);
  const iowait = share(0.0015);
  const irq = share(0.0004);
  const softirq = share(0.0015);
  const steal = share(0.00005);
  const idle = Math.max(0, all - user - nice - system - iowait - irq - softirq - steal);
  const live = k.live();
  return {
    user,
    nice,
    system,
    idle,
    iowait,
    irq,
    softirq,
    steal,
    guest: 0,
    guestNice: 0,
    // A quiet 4-vCPU VM: about 45 interrupts and 80 context switches a second per CPU, more while programs are busy.
    intr: Math.floor(secs * 45 * host.fixture.cpus) + Math.floor(k.cpuBusyUsec / 4_000),
    ctxt: Math.floor(secs * 80 * host.fixture.cpus) + Math.floor(k.cpuBusyUsec / 10_000),
    btime: Math.floor(k.bootMs / 1000),
    // Every PID the host's namespace handed out is a fork since boot (PIDs only grow).
    processes: (k.ns(k.hostNs.pid).nextPid ?? 1) - 1,
    running: Math.max(1, live.filter((p) => p.state === 'R').length),
    blocked: 0,
    // Boot read about 830 MB; journald and the services write a little all the time.
    pgpgin: 812_604 + Math.floor(secs * 1.5),
    pgpgout: 41_288 + Math.floor(secs * 11),
    pswpin: 0,
    pswpout: 0,
  };
}
