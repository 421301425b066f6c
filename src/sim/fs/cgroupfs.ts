import type { Host } from '../host.ts';
import type { Cgroup } from '../kernel/cgroups.ts';
import { GeneratedFs, type GenNode } from './generated.ts';

/** The files of one cgroup, as the kernel prints them (FACTS §2). */
export function cgroupFiles(host: Host, cg: Cgroup): Record<string, string> {
  const files = cgroupValues(host, cg);
  if (cg.path !== '/') return files;
  for (const name of Object.keys(files)) if (NOT_ON_ROOT.has(name)) delete files[name];
  return files;
}

/** Whether cgroup `cg` has a file `name`, and its text: one file worked out alone (a read of memory.max needs no process list). */
export function cgroupFile(host: Host, cg: Cgroup, name: string): string | undefined {
  if (!CGROUP_FILES.has(name) || (cg.path === '/' && NOT_ON_ROOT.has(name))) return undefined;
  return cgroupValue(host, cg, name);
}

/** Every value the simulator keeps for a cgroup under its file's name, the root's too (the pictures draw the root's usage). */
export function cgroupValues(host: Host, cg: Cgroup): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of CGROUP_FILES) files[name] = cgroupValue(host, cg, name);
  return files;
}

const ALL_CONTROLLERS = 'cpuset cpu io memory hugetlb pids rdma misc';

/** The files a cgroup has, in the order cgroupValues lists them. */
const CGROUP_FILES = new Set([
  'cgroup.controllers',
  'cgroup.subtree_control',
  'cgroup.max.depth',
  'cgroup.max.descendants',
  'cgroup.threads',
  'cgroup.events',
  'cgroup.freeze',
  'cgroup.procs',
  'cgroup.type',
  'cpu.max',
  'cpu.weight',
  'cpu.stat',
  'cpuset.cpus',
  'cpuset.cpus.effective',
  'memory.current',
  'memory.max',
  'memory.peak',
  'memory.swap.max',
  'memory.oom.group',
  'memory.events',
  'pids.current',
  'pids.max',
]);

/** One file's text. */
function cgroupValue(host: Host, cg: Cgroup, name: string): string {
  const k = host.kernel;
  const num = (v: number | 'max') => String(v);
  const own = () => k.cgroupProcs(cg.path).filter((p) => p.cgroup === cg.path);
  const c = cg.cpu;
  switch (name) {
    case 'cgroup.controllers':
      return `${ALL_CONTROLLERS}\n`;
    // linux@v6.8:kernel/cgroup/cgroup.c cgroup_base_files: cgroup.subtree_control (the controllers enabled for the
    // children: systemd enables all of them down to the cgroups that have children), cgroup.max.depth and
    // cgroup.max.descendants ("max" unless limited), cgroup.threads (a domain cgroup's threads: those of its processes).
    case 'cgroup.subtree_control': {
      const parent = cg.path === '/' ? '/' : `${cg.path}/`;
      for (const p of k.cgroups.keys()) if (p !== cg.path && p.startsWith(parent)) return `${ALL_CONTROLLERS}\n`;
      return '\n';
    }
    case 'cgroup.max.depth':
    case 'cgroup.max.descendants':
      return 'max\n';
    case 'cgroup.threads':
    case 'cgroup.procs':
      return own()
        .map((p) => `${k.pidIn(p, host.current.ns.pid) ?? p.pid}\n`)
        .join('');
    case 'cgroup.events':
      return `populated ${k.cgroupProcs(cg.path).length ? 1 : 0}\nfrozen ${cg.frozen ?? 0}\n`;
    case 'cgroup.freeze':
      return `${cg.frozen ?? 0}\n`;
    case 'cgroup.type':
      return 'domain\n';
    case 'cpu.max':
      return `${num(cg.cpuQuota)} ${cg.cpuPeriod}\n`;
    case 'cpu.weight':
      return `${cg.cpuWeight}\n`;
    case 'cpu.stat':
      return `usage_usec ${c.usage_usec}\nuser_usec ${c.user_usec}\nsystem_usec ${c.system_usec}\ncore_sched.force_idle_usec 0\nnr_periods ${c.nr_periods}\nnr_throttled ${c.nr_throttled}\nthrottled_usec ${c.throttled_usec}\nnr_bursts 0\nburst_usec 0\n`;
    case 'cpuset.cpus':
      return `${cg.cpusetCpus}\n`;
    case 'cpuset.cpus.effective':
      return `${cg.cpusetCpus || `0-${host.fixture.cpus - 1}`}\n`;
    case 'memory.current':
      return `${k.memoryCurrent(cg.path)}\n`;
    case 'memory.max':
      return `${num(cg.memoryMax)}\n`;
    case 'memory.peak':
      return `${Math.max(cg.memoryPeak, k.memoryCurrent(cg.path))}\n`;
    case 'memory.swap.max':
      return `${num(cg.swapMax)}\n`;
    case 'memory.oom.group':
      return `${cg.oomGroup}\n`;
    case 'memory.events': {
      const e = cg.events;
      return `low ${e.low}\nhigh ${e.high}\nmax ${e.max}\noom ${e.oom}\noom_kill ${e.oom_kill}\noom_group_kill ${e.oom_group_kill}\n`;
    }
    case 'pids.current':
      return `${k.cgroupProcs(cg.path).reduce((n, p) => n + p.threads, 0)}\n`;
    default:
      return `${num(cg.pidsMax)}\n`; // pids.max
  }
}

// The root cgroup has none of the files flagged CFTYPE_NOT_ON_ROOT (linux@v6.8:kernel/cgroup/cgroup.c
// cgroup_base_files: cgroup.type, cgroup.events, cgroup.freeze; kernel/sched/core.c cpu_files: cpu.weight, cpu.max;
// mm/memcontrol.c memory_files: memory.current, memory.max, memory.peak, memory.events, memory.oom.group,
// memory.swap.max; kernel/cgroup/pids.c: pids.max, pids.current; kernel/cgroup/cpuset.c: cpuset.cpus): the root
// is not limited, so `cat /sys/fs/cgroup/memory.max` fails with ENOENT as on a real host.
const NOT_ON_ROOT = new Set([
  'cgroup.type',
  'cgroup.events',
  'cgroup.freeze',
  'cpu.weight',
  'cpu.max',
  'cpuset.cpus',
  'memory.current',
  'memory.max',
  'memory.peak',
  'memory.events',
  'memory.oom.group',
  'memory.swap.max',
  'pids.max',
  'pids.current',
]);

/** Applies a write to a cgroup file; returns an errno message on bad input. */
function writeCgroup(cg: Cgroup, name: string, text: string): string | undefined {
  const t = text.trim();
  const lim = (s: string): number | 'max' | undefined => (s === 'max' ? 'max' : /^\d+$/.test(s) ? Number(s) : undefined);
  if (name === 'memory.max' || name === 'pids.max' || name === 'memory.swap.max') {
    const v = lim(t);
    if (v === undefined) return 'EINVAL';
    if (name === 'memory.max') cg.memoryMax = v;
    else if (name === 'pids.max') cg.pidsMax = v;
    else cg.swapMax = v;
    return undefined;
  }
  if (name === 'cpu.max') {
    const [q, per] = t.split(/\s+/);
    const quota = lim(q ?? '');
    if (quota === undefined || (per !== undefined && !/^\d+$/.test(per))) return 'EINVAL';
    cg.cpuQuota = quota;
    if (per) cg.cpuPeriod = Number(per);
    return undefined;
  }
  if (name === 'cgroup.freeze') {
    if (t !== '0' && t !== '1') return 'EINVAL';
    cg.frozen = t === '1' ? 1 : 0;
    return undefined;
  }
  if (name === 'memory.oom.group') {
    if (t !== '0' && t !== '1') return 'EINVAL';
    cg.oomGroup = t === '1' ? 1 : 0;
    return undefined;
  }
  return 'EACCES';
}

/** /sys/fs/cgroup, rooted at the cgroup namespace of the current process; read-only inside containers. */
export class CgroupFs extends GeneratedFs {
  constructor(
    private readonly host: Host,
    private readonly readOnly: boolean,
  ) {
    super('/sys/fs/cgroup');
  }

  private root(): string {
    return this.host.kernel.ns(this.host.current.ns.cgroup).cgroupRoot ?? '/';
  }

  private abs(path: string): string {
    const root = this.root();
    if (path === '/' || path === '') return root;
    return root === '/' ? path : `${root}${path}`;
  }

  protected lookup(path: string): GenNode | undefined {
    const k = this.host.kernel;
    const abs = this.abs(path);
    const cg = k.cgroups.get(abs);
    if (cg) {
      return {
        type: 'dir',
        mode: 0o755,
        entries: () => {
          const kids = [...k.cgroups.keys()]
            .filter((p) => p !== abs && p.startsWith(abs === '/' ? '/' : `${abs}/`))
            .map((p) => p.slice(abs === '/' ? 1 : abs.length + 1))
            .filter((rel) => rel && !rel.includes('/'));
          return [...Object.keys(cgroupFiles(this.host, cg)), ...kids].sort();
        },
      };
    }
    const slash = abs.lastIndexOf('/');
    const parent = k.cgroups.get(abs.slice(0, slash) || '/');
    const name = abs.slice(slash + 1);
    if (!parent) return undefined;
    if (!CGROUP_FILES.has(name) || (parent.path === '/' && NOT_ON_ROOT.has(name))) return undefined;
    const writable = !this.readOnly && /^(memory\.(max|swap\.max|oom\.group)|cpu\.max|pids\.max)$/.test(name);
    return {
      type: 'file',
      mode: writable ? 0o644 : 0o444,
      content: () => cgroupFile(this.host, parent, name) ?? '',
      write: (text) => {
        if (this.readOnly) throw new Error(`EROFS: read-only file system, open '/sys/fs/cgroup${path}'`);
        const err = writeCgroup(parent, name, text);
        if (err === 'EINVAL') throw new Error(`EINVAL: invalid argument, write '/sys/fs/cgroup${path}'`);
        if (err) throw new Error(`EACCES: permission denied, open '/sys/fs/cgroup${path}'`);
      },
    };
  }

  override async mkdir(path: string): Promise<void> {
    if (this.readOnly) throw new Error(`EROFS: read-only file system, mkdir '/sys/fs/cgroup${path}'`);
    const abs = this.abs(path);
    if (this.host.kernel.cgroups.has(abs)) throw new Error(`EEXIST: file already exists, mkdir '/sys/fs/cgroup${path}'`);
    this.host.kernel.cgroup(abs);
  }
}
