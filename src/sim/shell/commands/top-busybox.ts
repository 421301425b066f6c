/**
 * busybox 1.36.1's top (busybox@1_36_1:procps/top.c) as alpine builds it (FEATURE_TOP_CPU_GLOBAL_PERCENTS,
 * FEATURE_TOP_SMP_PROCESS, FEATURE_TOP_CPU_USAGE_PERCENTAGE, no FEATURE_TOP_DECIMALS): display_header's
 * "Mem:" line from /proc/meminfo, display_cpus' "CPU:" line, "Load average: " and /proc/loadavg, then
 * display_process_list's header and a row per process of the container's PID namespace, sorted on
 * %CPU, then %VSZ, then time (mult_lvl_cmp). The first frame follows a 100 ms sample (usleep(100000)
 * when !prev_hist_count). -m (topmem) is taken and shows the same list here.
 */
import type { ExecResult } from '../../api.ts';
import { cpuTicks } from '../../fs/procstat.ts';
import { cpuStat, memInfo } from '../../fs/sysstats.ts';
import type { CmdEnv } from '../types.ts';
import { user } from '../pscolumns.ts';

const USAGE =
  "BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: top [-bmH] [-n COUNT] [-d SECONDS]\n\nShow a view of process activity in real time.\nRead the status of all processes from /proc each SECONDS\nand show a screenful of them.\nKeys:\n\tN/M/P/T: show CPU usage, sort by pid/mem/cpu/time\n\tS: show memory\n\tR: reverse sort\n\tH: toggle threads, 1: toggle SMP\n\tQ,^C: exit\nOptions:\n\t-b\tBatch mode\n\t-n N\tExit after N iterations\n\t-d SEC\tDelay between updates\n\t-m\tSame as 's' key\n\t-H\tShow threads\n";

/** libbb/human_readable.c smart_ulltoa5: a kB figure in 5 cells, scaled to m, g… past 99999. */
function ulltoa5(kb: number): string {
  if (kb <= 99999) return String(kb).padStart(5);
  let ul = kb * 10;
  let idx = 0;
  do {
    ul = Math.floor(ul / 1024);
    idx++;
  } while (ul >= 100000);
  const u = Math.floor(ul / 10);
  const v = ul % 10;
  const unit = ' mgtpezy'[idx];
  return u >= 100 ? `${String(Math.floor(u / 10)).padStart(3)}${u % 10}${unit}` : `${String(u).padStart(2)}.${v}${unit}`;
}

export async function busyboxTop(args: string[], env: CmdEnv): Promise<ExecResult> {
  let interval = 5;
  let iterations = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const m = /^-([bHm]*)([dn]?)(.*)$/.exec(a);
    if (!m || a === '-' || (!m[2] && m[3]))
      return { stdout: '', stderr: `top: unrecognized option: ${a.replace(/^-+/, '').slice(0, 1)}\n${USAGE}`, exitCode: 1 };
    if (!m[2]) continue;
    const v = m[3] || args[++i];
    if (v === undefined) return { stdout: '', stderr: `top: option requires an argument: ${m[2]}\n${USAGE}`, exitCode: 1 };
    const n = Number(v.replace(/^-/, ''));
    // xatou / parse_duration_str: "invalid number 'x'" (libbb/xatonum_template.c), exit 1.
    if (!/^-?\d+(\.\d+)?$/.test(v)) return { stdout: '', stderr: `top: invalid number '${v}'\n`, exitCode: 1 };
    if (m[2] === 'd') interval = n;
    else iterations = Math.trunc(n);
  }
  const k = env.host.kernel;
  const mem = memInfo(env.host);
  let out = '';
  // handle_input (busybox@1_36_1:procps/top.c): at the terminal, q or Q (`c |= 0x20`) and ^D (VEOF) end top; the
  // other keys (sorting, scrolling) are taken and not simulated.
  let quit = false;
  const batch = args.some((a) => /^-[bHm]*b/.test(a));
  const release = env.tty && !batch ? env.keyboard?.claim((d) => (quit ||= /[qQ\x04]/.test(d))) : undefined;
  for (let n = 0; iterations === 0 || n < iterations; n++) {
    const procs = [...k.procs.values()].map((p) => ({ p, pid: k.pidIn(p, env.self.ns.pid) }));
    const seen = procs.filter((x): x is { p: (typeof procs)[0]['p']; pid: number } => x.pid !== undefined);
    const t0 = new Map(seen.map(({ p }) => [p, cpuTicks(p).utime + cpuTicks(p).stime]));
    const s0 = cpuStat(env.host);
    // A key is read after a frame is shown (main's loop: display, then handle_input's wait).
    const outcome = await env.host.waitUntil(() => n > 0 && quit, n === 0 ? 100 : interval * 1000, env.signal);
    if (outcome === 'aborted' || (n > 0 && quit)) break;
    const s1 = cpuStat(env.host);
    const d = (key: 'user' | 'system' | 'nice' | 'idle' | 'iowait' | 'irq' | 'softirq' | 'steal') => s1[key] - s0[key];
    const total = d('user') + d('system') + d('nice') + d('idle') + d('iowait') + d('irq') + d('softirq') + d('steal') || 1;
    const pc = (x: number) => `${String(Math.floor((100 * x) / total)).padStart(4)}% `;
    const load = (await env.readFile('/proc/loadavg').catch(() => '')).replace(/\n$/, '');
    const rows = seen.map(({ p, pid }) => {
      const ticks = cpuTicks(p).utime + cpuTicks(p).stime;
      return { p, pid, ticks, vsz: p.kthread ? 0 : p.vszKb, cpu: ticks - (t0.get(p) ?? ticks) };
    });
    rows.sort((a, b) => b.cpu - a.cpu || b.vsz - a.vsz || b.ticks - a.ticks || a.pid - b.pid);
    out += `${n ? '\n' : ''}Mem: ${mem.MemTotal - mem.MemFree}K used, ${mem.MemFree}K free, ${mem.Shmem}K shrd, ${mem.Buffers}K buff, ${mem.Cached}K cached\n`;
    out += `CPU:${pc(d('user'))}usr${pc(d('system'))}sys${pc(d('nice'))}nic${pc(d('idle'))}idle${pc(d('iowait'))}io${pc(d('irq'))}irq${pc(d('softirq'))}sirq\n`;
    out += `Load average: ${load}\n`;
    out += '  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND';
    for (const r of rows) {
      const parent = k.procs.get(r.p.ppid);
      const ppid = parent ? (k.pidIn(parent, env.self.ns.pid) ?? 0) : 0;
      const state = `${r.p.kthread ? (r.p.comm.startsWith('kworker') ? 'I' : 'S') : r.p.state}${r.vsz === 0 && r.p.state !== 'Z' ? 'W' : ' '} `;
      const pvsz = `${String(Math.round((r.vsz * 100) / mem.MemTotal)).padStart(4)}%`;
      // The CPU a process last ran on (last_seen_on_cpu) is not simulated: its PID modulo the CPU count.
      const onCpu = String(r.pid % env.host.fixture.cpus).padStart(3);
      const pcpu = `${String(Math.floor((r.cpu * 100) / total)).padStart(4)}%`;
      const cmd = r.p.argv.length && !r.p.kthread ? r.p.argv.join(' ') : `[${r.p.comm}]`;
      out += `\n${String(r.pid).padStart(5)} ${String(ppid).padStart(5)} ${user(env, r.p).slice(0, 8).padEnd(8)} ${state}  ${ulltoa5(r.vsz)}${pvsz} ${onCpu}${pcpu} ${cmd}`;
    }
    out += '\n';
    // Virtual time: no one presses Ctrl-C, so an endless top ends at the line's time bound (the wait reports it).
    if (iterations === 0 && env.host.clock.mode === 'virtual' && !release) {
      await env.host.waitUntil(() => false, undefined, env.signal);
      break;
    }
  }
  release?.();
  if (env.signal?.aborted) env.host.caughtSigint = 0;
  return { stdout: `${out}\n`, stderr: '', exitCode: 0 };
}
