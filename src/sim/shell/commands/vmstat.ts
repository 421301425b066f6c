/**
 * vmstat (procps-ng 4.0.4, procps-ng@v4.0.4:src/vmstat.c) on node1, from the host's counters
 * (fs/sysstats.ts: the figures /proc/meminfo and `free` show). `vmstat DELAY [COUNT]` prints a
 * line every DELAY seconds of the simulated clock, the first since boot, the next ones over the
 * interval. alpine's busybox 1.36.1 has no vmstat applet, and the Debian images no procps.
 */
import type { ExecResult } from '../../api.ts';
import { VIRTUAL_BOUND_MS } from '../../host.ts';
import { type CpuStat, cpuStat, memInfo } from '../../fs/sysstats.ts';
import { getopt, type LongOpt } from '../getopt.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** vmstat.c usage() with local/c.h's USAGE_HEADER, USAGE_OPTIONS, USAGE_SEPARATOR, USAGE_HELP, USAGE_VERSION, USAGE_MAN_TAIL. */
const USAGE = `
Usage:
 vmstat [options] [delay [count]]

Options:
 -a, --active           active/inactive memory
 -f, --forks            number of forks since boot
 -m, --slabs            slabinfo
 -n, --one-header       do not redisplay header
 -s, --stats            event counter statistics
 -d, --disk             disk statistics
 -D, --disk-sum         summarize disk statistics
 -p, --partition <dev>  partition specific statistics
 -S, --unit <char>      define display unit
 -w, --wide             wide output
 -t, --timestamp        show timestamp
 -y, --no-first         skips first line of output

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see vmstat(8).
`;

/** main()'s longopts. */
const LONGS: LongOpt[] = [
  ['active', 'a'],
  ['forks', 'f'],
  ['slabs', 'm'],
  ['one-header', 'n'],
  ['stats', 's'],
  ['disk', 'd'],
  ['disk-sum', 'D'],
  ['partition', 'p', 'required'],
  ['unit', 'S', 'required'],
  ['wide', 'w'],
  ['timestamp', 't'],
  ['help', 'h'],
  ['version', 'V'],
  ['no-first', 'y'],
].map(([name, key, arg]) => ({ name: name as string, key: key as string, arg: (arg ?? 'none') as LongOpt['arg'] }));

/** -S: dataUnit and the unit letter -s prints (UNIT_B, UNIT_k, UNIT_K, UNIT_m, UNIT_M). */
const UNITS: Record<string, number> = { b: 1, B: 1, k: 1000, K: 1024, m: 1_000_000, M: 1_048_576 };

/** strtol_or_err (procps-ng@v4.0.4:local/strutils.c): a whole decimal number, else `failed to parse argument: 'X'`. */
function strtol(s: string): number | string {
  if (!/^\s*[+-]?\d+$/.test(s)) return `vmstat: failed to parse argument: '${s}'\n`;
  const n = Number(s);
  // strtol sets ERANGE past LONG_MAX; error() then adds strerror(ERANGE).
  if (!Number.isSafeInteger(n)) return `vmstat: failed to parse argument: '${s}': Numerical result out of range\n`;
  return n;
}

const HEADER = 'procs -----------memory---------- ---swap-- -----io---- -system-- -------cpu-------';
const WIDE_HEADER = '--procs-- -----------------------memory---------------------- ---swap-- -----io---- -system-- ----------cpu----------';
const TIMESTAMP_HEADER = ' -----timestamp-----';
const NAMES = ['r', 'b', 'swpd', 'free', 'buff', 'cache', 'si', 'so', 'bi', 'bo', 'in', 'cs', 'us', 'sy', 'id', 'wa', 'st', 'gu'];
/** format / wide_format: the widths of the 18 columns. */
const WIDTHS = [2, 2, 6, 6, 6, 6, 4, 4, 5, 5, 4, 4, 2, 2, 2, 2, 2, 2];
const WIDE_WIDTHS = [4, 4, 12, 12, 12, 12, 4, 4, 5, 5, 4, 4, 3, 3, 3, 3, 3, 3];

interface Opts {
  active: boolean;
  wide: boolean;
  timestamp: boolean;
  noFirst: boolean;
  oneHeader: boolean;
  unit: number;
}

const row = (values: (string | number)[], wide: boolean) => values.map((v, i) => String(v).padStart((wide ? WIDE_WIDTHS : WIDTHS)[i] as number)).join(' ');

/** new_header(): the two header lines (the timestamp column names the time zone, UTC on node1). */
function header(o: Opts): string {
  const names = NAMES.map((n) => (o.active && n === 'buff' ? 'inact' : o.active && n === 'cache' ? 'active' : n));
  return `${o.wide ? WIDE_HEADER : HEADER}${o.timestamp ? TIMESTAMP_HEADER : ''}\n${row(names, o.wide)}${o.timestamp ? ` ${'UTC'.padStart(TIMESTAMP_HEADER.length - 1)}` : ''}\n`;
}

/** strftime "%Y-%m-%d %H:%M:%S" in UTC. */
const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** The memory columns: swpd, free, buff (inact), cache (active), through unitConvert. */
function memColumns(env: CmdEnv, o: Opts): number[] {
  const m = memInfo(env.host);
  const conv = (kb: number) => Math.floor((kb / o.unit) * 1024);
  return [0, conv(m.MemFree), conv(o.active ? m.Inactive : m.Buffers), conv(o.active ? m.Active : m.Cached + m.SReclaimable)];
}

/** The CPU columns us, sy, id, wa, st, gu over `d` (ticks), rounded as vmstat rounds them. */
function cpuColumns(d: CpuStat): number[] {
  let use = d.user + d.nice;
  const sys = d.system + d.irq + d.softirq;
  let idl = d.idle;
  const gue = d.guest + d.guestNice;
  let div = use + sys + idl + d.iowait + d.steal;
  if (!div) {
    div = 1;
    idl = 1;
  }
  const half = Math.floor(div / 2);
  use = use >= gue ? use - gue : 0;
  return [use, sys, idl, d.iowait, d.steal, gue].map((x) => Math.floor((100 * x + half) / div));
}

/** new_format()'s first line: averages since boot. */
function firstLine(env: CmdEnv, o: Opts): string {
  const s = cpuStat(env.host);
  const uptime = Math.max(1, (env.host.clock.nowMs - env.host.kernel.bootMs) / 1000);
  const div = s.user + s.nice + s.system + s.irq + s.softirq + s.idle + s.iowait + s.steal || 1;
  const conv = (kb: number) => Math.floor((kb / o.unit) * 1024);
  const kbPerPage = 4;
  const io = [
    conv(s.pswpin * kbPerPage) / uptime,
    conv(s.pswpout * kbPerPage) / uptime,
    s.pgpgin / uptime,
    s.pgpgout / uptime,
    s.intr / uptime,
    s.ctxt / div,
  ].map(Math.floor);
  return `${row([s.running, s.blocked, ...memColumns(env, o), ...io, ...cpuColumns(s)], o.wide)}${o.timestamp ? ` ${stamp(env.host.clock.nowMs)}` : ''}\n`;
}

/** The main loop's line: rates over the last `secs` seconds. */
function nextLine(env: CmdEnv, o: Opts, before: CpuStat, secs: number): string {
  const s = cpuStat(env.host);
  const d = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v - before[k as keyof CpuStat]])) as unknown as CpuStat;
  const half = Math.floor(secs / 2);
  const rate = (n: number) => Math.floor((n + half) / secs);
  const conv = (kb: number) => Math.floor((kb / o.unit) * 1024);
  const io = [rate(conv(d.pswpin * 4)), rate(conv(d.pswpout * 4)), rate(d.pgpgin), rate(d.pgpgout), rate(d.intr), rate(d.ctxt)];
  return `${row([s.running, s.blocked, ...memColumns(env, o), ...io, ...cpuColumns(d)], o.wide)}${o.timestamp ? ` ${stamp(env.host.clock.nowMs)}` : ''}\n`;
}

/** sum_format(): -s. */
function sumFormat(env: CmdEnv, o: Opts, letter: string): string {
  const m = memInfo(env.host);
  const s = cpuStat(env.host);
  const conv = (kb: number) => Math.floor((kb / o.unit) * 1024);
  const n = (v: number) => String(v).padStart(13);
  const mem: [number, string][] = [
    [m.MemTotal, 'total memory'],
    [m.MemTotal - m.MemAvailable, 'used memory'],
    [m.Active, 'active memory'],
    [m.Inactive, 'inactive memory'],
    [m.MemFree, 'free memory'],
    [m.Buffers, 'buffer memory'],
    [m.Cached + m.SReclaimable, 'swap cache'],
    [0, 'total swap'],
    [0, 'used swap'],
    [0, 'free swap'],
  ];
  const rest: [number, string][] = [
    [s.user, 'non-nice user cpu ticks'],
    [s.nice, 'nice user cpu ticks'],
    [s.system, 'system cpu ticks'],
    [s.idle, 'idle cpu ticks'],
    [s.iowait, 'IO-wait cpu ticks'],
    [s.irq, 'IRQ cpu ticks'],
    [s.softirq, 'softirq cpu ticks'],
    [s.steal, 'stolen cpu ticks'],
    [s.guest, 'non-nice guest cpu ticks'],
    [s.guestNice, 'nice guest cpu ticks'],
    [s.pgpgin, 'K paged in'],
    [s.pgpgout, 'K paged out'],
    [s.pswpin, 'pages swapped in'],
    [s.pswpout, 'pages swapped out'],
    [s.intr, 'interrupts'],
    [s.ctxt, 'CPU context switches'],
    [s.btime, 'boot time'],
    [s.processes, 'forks'],
  ];
  return [...mem.map(([v, t]) => `${n(conv(v))} ${letter} ${t}\n`), ...rest.map(([v, t]) => `${n(v)} ${t}\n`)].join('');
}

export const vmstat: SimCommand = {
  name: 'vmstat',
  async run(args, env) {
    const p = getopt(args, 'afmnsdDp:S:wthVy', LONGS);
    if (!p.ok) return R('', `vmstat: ${p.error}\n${USAGE}`, 1);
    const o: Opts = { active: false, wide: false, timestamp: false, noFirst: false, oneHeader: false, unit: 1024 };
    let letter = 'K';
    const modes = new Set<string>();
    for (const [k, v] of p.opts) {
      if (k === 'V') return R('vmstat from procps-ng 4.0.4\n');
      if (k === 'h') return R(USAGE);
      if (k === 'f') return R(`${String(cpuStat(env.host).processes).padStart(13)} forks\n`);
      if (k === 'a') o.active = true;
      else if (k === 'n') o.oneHeader = true;
      else if (k === 'w') o.wide = true;
      else if (k === 't') o.timestamp = true;
      else if (k === 'y') o.noFirst = true;
      else if (k === 'S') {
        const c = (v ?? '')[0] ?? '';
        if (!Object.hasOwn(UNITS, c)) return R('', 'vmstat: -S requires k, K, m or M (default is KiB)\n', 1);
        o.unit = UNITS[c] as number;
        letter = c;
      } else modes.add(k);
    }
    let delay = 1;
    let count = 1;
    let infinite = false;
    const [d, c, extra] = p.operands;
    if (d !== undefined) {
      const n = strtol(d);
      if (typeof n === 'string') return R('', n, 1);
      if (n < 1) return R('', 'vmstat: delay must be positive integer\n', 1);
      if (n > 4_294_967_295) return R('', 'vmstat: too large delay value\n', 1);
      delay = n;
      infinite = true;
    }
    if (c !== undefined) {
      const n = strtol(c);
      if (typeof n === 'string') return R('', n, 1);
      // num_updates is unsigned long: a negative count wraps to a practically endless one.
      count = n < 0 ? Number.POSITIVE_INFINITY : n;
      infinite = false;
    }
    if (extra !== undefined) return R('', USAGE, 1);
    if (modes.size > 1 || (modes.size === 1 && !modes.has('s'))) {
      if (modes.size > 1) return R('', USAGE, 1);
      // Not vmstat's words: the simulated host keeps no per-disk or slab counters.
      return R(
        '',
        `vmstat -${[...modes][0]}: not simulated on node1 (this vmstat has: the default report with -a, -n, -S, -t, -w, -y, delay and count; -s; -f)\n`,
        1,
      );
    }
    if (modes.has('s')) return R(sumFormat(env, o, letter));
    return loop(env, o, delay, infinite ? Number.POSITIVE_INFINITY : count);
  },
};

/** new_format(): the header, the first line (unless -y), then a line every `delay` seconds until `updates` lines. */
async function loop(env: CmdEnv, o: Opts, delay: number, updates0: number): Promise<ExecResult> {
  // winhi(): the terminal's rows (24 when stdout is not a terminal) less 3.
  const height = 24 - 3;
  let out = header(o);
  let updates = updates0;
  const flush = () => {
    if (env.stream && out) {
      env.stream({ stream: 'stdout', text: out });
      out = '';
    }
  };
  if (!o.noFirst) out += firstLine(env, o);
  else updates++;
  flush();
  const start = env.host.clock.nowMs;
  let before = cpuStat(env.host);
  for (let i = 1; i < updates; i++) {
    const outcome = await env.host.waitUntil(() => false, delay * 1000, env.signal);
    if (outcome === 'aborted') return { stdout: out, stderr: '', exitCode: 130 };
    if (!o.oneHeader && i % height === 0) out += header(o);
    out += nextLine(env, o, before, delay);
    before = cpuStat(env.host);
    flush();
    // Without a count vmstat never ends on its own. In virtual mode nobody presses Ctrl-C: after the
    // time bound it is interrupted as Ctrl-C would (SIGINT's default action: no more output, status 130).
    if (env.host.clock.mode === 'virtual' && updates === Number.POSITIVE_INFINITY && env.host.clock.nowMs - start >= VIRTUAL_BOUND_MS) {
      env.host.virtualStops++;
      return { stdout: out, stderr: '', exitCode: 130 };
    }
  }
  return R(out);
}
