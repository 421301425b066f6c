import type { Proc } from '../kernel/types.ts';
import { cpuTicks, USER_HZ } from '../fs/procstat.ts';
import type { CmdEnv } from './types.ts';

/** CPU seconds as procps-ng reads them: (utime + stime) / Hertz, truncated. */
export const cpuSeconds = (p: Proc) => {
  const t = cpuTicks(p);
  return Math.floor((t.utime + t.stime) / USER_HZ);
};
/** BSD TIME, `%3u:%02u` minutes:seconds (procps-ng@v4.0.4:src/ps/output.c pr_bsdtime); busybox prints the same digits. */
export const cputime = (p: Proc) => {
  const s = cpuSeconds(p);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};
/** `[dd-]hh:mm:ss` (procps-ng@v4.0.4:src/ps/output.c pr_time): the TIME of `ps`, `ps -f` and `-o time`. */
export function dhms(t: number): string {
  const ss = t % 60;
  const mm = Math.floor(t / 60) % 60;
  const hh = Math.floor(t / 3600) % 24;
  const dd = Math.floor(t / 86400);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${dd ? `${dd}-` : ''}${two(hh)}:${two(mm)}:${two(ss)}`;
}
/** `[[dd-]hh:]mm:ss` (procps-ng@v4.0.4:src/ps/output.c pr_etime). */
export function etime(t: number): string {
  const ss = t % 60;
  const mm = Math.floor(t / 60) % 60;
  const hh = Math.floor(t / 3600) % 24;
  const dd = Math.floor(t / 86400);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${dd ? `${dd}-` : ''}${dd || hh ? `${two(hh)}:` : ''}${two(mm)}:${two(ss)}`;
}
export const elapsed = (env: CmdEnv, p: Proc) => Math.max(0, Math.floor((env.host.clock.nowMs - p.startMs) / 1000));
/** %CPU: CPU ticks × 1000 ÷ elapsed ticks, one decimal (procps-ng@v4.0.4:src/ps/output.c pr_pcpu). */
export function pcpu(env: CmdEnv, p: Proc): string {
  const t = cpuTicks(p);
  const jiffies = Math.floor(((env.host.clock.nowMs - p.startMs) / 1000) * USER_HZ);
  const v = jiffies ? Math.floor(((t.utime + t.stime) * 1000) / jiffies) : 0;
  return v > 999 ? String(Math.floor(v / 10)) : `${Math.floor(v / 10)}.${v % 10}`;
}
/** C: whole-percent CPU, at most 99 (procps-ng@v4.0.4:src/ps/output.c pr_c). */
export function cpuC(env: CmdEnv, p: Proc): string {
  const t = cpuTicks(p);
  const jiffies = Math.floor(((env.host.clock.nowMs - p.startMs) / 1000) * USER_HZ);
  return String(Math.min(99, jiffies ? Math.floor(((t.utime + t.stime) * 100) / jiffies) : 0));
}
