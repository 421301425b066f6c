import type { Host } from '../../host.ts';
import type { SimCommand } from '../types.ts';
import { memInfo } from '../../fs/sysstats.ts';

/**
 * The figures `free` prints, in kB, from /proc/meminfo's (fs/sysstats.ts) as procps-ng 4.0.4 derives
 * them (procps-ng@v4.0.4:library/meminfo.c meminfo_read_failed): used = MemTotal - MemAvailable,
 * buff/cache = Buffers + Cached + SReclaimable, shared = Shmem. No swap (a cloud VM's default).
 */
export function memInfoKb(host: Host): { total: number; used: number; free: number; shared: number; buffers: number; cache: number; available: number } {
  const m = memInfo(host);
  return {
    total: m.MemTotal,
    used: m.MemTotal - m.MemAvailable,
    free: m.MemFree,
    shared: m.Shmem,
    buffers: m.Buffers,
    cache: m.Cached + m.SReclaimable,
    available: m.MemAvailable,
  };
}

/** procps-ng@v4.0.4:src/free.c scale_size: kB in, the chosen unit out; -h keeps 4–5 characters. */
function scale(kb: number, exponent: number, human: boolean, si: boolean): string {
  const base = si ? 1000 : 1024;
  const bytes = kb * 1024;
  if (!human) {
    if (exponent === 0) return String(Math.floor(bytes / base));
    if (exponent === 1) return String(bytes);
    return String(Math.floor(bytes / base ** (exponent - 1)));
  }
  if (`${bytes}B`.length <= 4) return `${bytes}B`;
  const up = ['B', 'K', 'M', 'G', 'T', 'P'];
  for (let i = 1; i < up.length; i++) {
    const v = bytes / base ** i;
    const suffix = si ? up[i] : `${up[i]}i`;
    const max = si ? 4 : 5;
    const f = `${v.toFixed(1)}${suffix}`;
    if (f.length <= max) return f;
    const n = `${Math.trunc(v)}${suffix}`;
    if (n.length <= max) return n;
  }
  return `${bytes}B`;
}

const USAGE = `
Usage:
 free [options]

Options:
 -b, --bytes         show output in bytes
     --kilo          show output in kilobytes
     --mega          show output in megabytes
     --giga          show output in gigabytes
     --tera          show output in terabytes
     --peta          show output in petabytes
 -k, --kibi          show output in kibibytes
 -m, --mebi          show output in mebibytes
 -g, --gibi          show output in gibibytes
     --tebi          show output in tebibytes
     --pebi          show output in pebibytes
 -h, --human         show human-readable output
     --si            use powers of 1000 not 1024
 -l, --lohi          show detailed low and high memory statistics
 -L, --line          show output on a single line
 -t, --total         show total for RAM + swap
 -v, --committed     show committed memory and commit limit
 -s N, --seconds N   repeat printing every N seconds
 -c N, --count N     repeat printing N times, then exit
 -w, --wide          wide output

     --help     display this help and exit
 -V, --version  output version information and exit

For more details see free(1).
`;

const EXPONENT: Record<string, number> = { '-b': 1, '--bytes': 1, '-k': 2, '--kibi': 2, '-m': 3, '--mebi': 3, '-g': 4, '--gibi': 4, '--tebi': 5, '--pebi': 6 };

/** free (procps-ng 4.0.4): the host's memory, or the cgroup's view is not taken (free reads /proc/meminfo, which a container shares). */
export const free: SimCommand = {
  name: 'free',
  async run(args, env) {
    let exponent = 0;
    let human = false;
    let si = false;
    let wide = false;
    let total = false;
    for (const a of args) {
      if (Object.hasOwn(EXPONENT, a)) exponent = EXPONENT[a] as number;
      else if (a === '-h' || a === '--human') human = true;
      else if (a === '--si') si = true;
      else if (a === '-w' || a === '--wide') wide = true;
      else if (a === '-t' || a === '--total') total = true;
      // getopt_long's wording, then usage(stderr) (procps-ng@v4.0.4:src/free.c, local/c.h USAGE_*).
      else
        return {
          stdout: '',
          stderr: `${a.startsWith('--') ? `free: unrecognized option '${a}'` : `free: invalid option -- '${a.slice(1, 2)}'`}\n${USAGE}`,
          exitCode: 1,
        };
    }
    const m = memInfoKb(env.host);
    const s = (kb: number) => scale(kb, exponent, human, si);
    const col = (v: string) => ` ${v.padStart(11)}`;
    const head = (h: string) => h.padEnd(9);
    let out = wide
      ? '               total        used        free      shared     buffers       cache   available\n'
      : '               total        used        free      shared  buff/cache   available\n';
    out += `${head('Mem:')}${s(m.total).padStart(11)}${col(s(m.used))}${col(s(m.free))}${col(s(m.shared))}`;
    out += wide ? `${col(s(m.buffers))}${col(s(m.cache))}` : col(s(m.buffers + m.cache));
    out += `${col(s(m.available))}\n`;
    out += `${head('Swap:')}${s(0).padStart(11)}${col(s(0))}${col(s(0))}\n`;
    if (total) out += `${head('Total:')}${s(m.total).padStart(11)}${col(s(m.used))}${col(s(m.free))}\n`;
    return { stdout: out, stderr: '', exitCode: 0 };
  },
};
