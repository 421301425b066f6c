import { cpuinfoBlock } from '../kernel/machine.ts';
import { capHex, hasCap } from '../kernel/capabilities.ts';
import type { Host } from '../host.ts';
import { meminfoText } from './sysstats.ts';
import type { NS_TYPES, Proc } from '../kernel/types.ts';
import { GeneratedFs, type GenNode } from './generated.ts';
import { cgroupFiles } from './cgroupfs.ts';
import { sysctlDirs, sysctlTree, writeSysctl } from '../kernel/sysctl.ts';
import { sessionIds, statLine } from './procstat.ts';
import { PROC_FILESYSTEMS, procCmdline, procLimits } from './procfiles.ts';
import { fdLinkMode, fdTable, lowestFree } from './procfd.ts';

const dir = (entries: () => string[]): GenNode => ({ type: 'dir', entries });
const file = (content: () => string, write?: (t: string) => void): GenNode => ({ type: 'file', content, write, mode: write ? 0o644 : 0o444 });

/** The cgroup path of `p` relative to the cgroup namespace of the viewer. */
export function cgroupRelative(host: Host, p: Proc, viewer: Proc): string {
  const root = host.kernel.ns(viewer.ns.cgroup).cgroupRoot ?? '/';
  if (root === '/') return p.cgroup;
  if (p.cgroup === root) return '/';
  if (p.cgroup.startsWith(`${root}/`)) return p.cgroup.slice(root.length);
  return `/..${p.cgroup}`;
}

export function statusText(host: Host, p: Proc, viewer: Proc): string {
  const k = host.kernel;
  const chain = k.pidNsChain(p.ns.pid);
  const vlevel = k.ns(viewer.ns.pid).level;
  const seen = (q: Proc | undefined) => (q ? (k.pidIn(q, viewer.ns.pid) ?? 0) : 0);
  const nspid = p.nspid.slice(vlevel).join('\t');
  const parent = k.procs.get(p.ppid);
  const ids = (a: number, b: number) => `${a}\t${b}\t${b}\t${b}`;
  const cpus = host.fixture.cpus;
  const cg = k.cgroups.get(p.cgroup);
  const cpuset = cg?.cpusetCpus || `0-${cpus - 1}`;
  let mask = 0;
  for (const part of cpuset.split(',')) {
    const [a, b] = part.split('-').map(Number);
    const lo = a ?? 0;
    const hi = b ?? lo;
    for (let i = lo; i <= hi; i++) mask |= 1 << i;
  }
  const sig = (set: Set<number>) => {
    let m = 0n;
    for (const s of set) m |= 1n << BigInt(s - 1);
    return m.toString(16).padStart(16, '0');
  };
  const kb = Math.round(p.rssBytes / 1024);
  const state = { R: 'R (running)', S: 'S (sleeping)', Z: 'Z (zombie)', T: 'T (stopped)' }[p.state];
  void chain;
  return [
    `Name:\t${p.comm}`,
    `Umask:\t${(p.umask ?? 0o22).toString(8).padStart(4, '0')}`,
    `State:\t${state}`,
    `Tgid:\t${seen(p)}`,
    'Ngid:\t0',
    `Pid:\t${seen(p)}`,
    `PPid:\t${seen(parent)}`,
    'TracerPid:\t0',
    `Uid:\t${ids(p.uid, p.euid)}`,
    `Gid:\t${ids(p.gid, p.egid)}`,
    'FDSize:\t64',
    `Groups:\t${p.uid === 0 && p.root === 'host' ? '0 ' : ''}`,
    `NStgid:\t${nspid}`,
    `NSpid:\t${nspid}`,
    `NSpgid:\t${nspid}`,
    `NSsid:\t${nspid}`,
    ...(p.kthread ? [] : [`VmPeak:\t${String(p.vszKb).padStart(8)} kB`, `VmSize:\t${String(p.vszKb).padStart(8)} kB`, `VmRSS:\t${String(kb).padStart(8)} kB`]),
    `Threads:\t${p.threads}`,
    'SigQ:\t0/63439',
    'SigPnd:\t0000000000000000',
    'ShdPnd:\t0000000000000000',
    'SigBlk:\t0000000000000000',
    'SigIgn:\t0000000000000000',
    `SigCgt:\t${sig(p.handlers)}`,
    `CapInh:\t${capHex(p.caps.inh)}`,
    `CapPrm:\t${capHex(p.caps.prm)}`,
    `CapEff:\t${capHex(p.caps.eff)}`,
    `CapBnd:\t${capHex(p.caps.bnd)}`,
    `CapAmb:\t${capHex(p.caps.amb)}`,
    `NoNewPrivs:\t${p.noNewPrivs ? 1 : 0}`,
    `Seccomp:\t${p.seccomp}`,
    `Seccomp_filters:\t${p.seccomp === 2 ? 1 : 0}`,
    'Speculation_Store_Bypass:\tthread vulnerable',
    'SpeculationIndirectBranch:\tconditional enabled',
    `Cpus_allowed:\t${mask.toString(16)}`,
    `Cpus_allowed_list:\t${cpuset}`,
    'Mems_allowed:\t00000000,00000001',
    'Mems_allowed_list:\t0',
    'voluntary_ctxt_switches:\t52',
    'nonvoluntary_ctxt_switches:\t3',
    '',
  ].join('\n');
}

/** /proc as the current process sees it: only PIDs of its own PID namespace. */
export class ProcFs extends GeneratedFs {
  /** The text of /proc/PID/mounts for a process (its mount namespace's table; set by the shell layer). */
  mounts: (p: Proc) => string = () => '';
  /** The text of /proc/PID/mountinfo for a process (the same table in the kernel's mountinfo format; set by the shell layer). */
  mountinfo: (p: Proc) => string = () => '';
  /** The text of /proc/modules for a reader (the kernel's modules; set by the shell layer, which knows the mounts). */
  modules: (p: Proc) => string = () => '';
  /** /proc/sys is mounted read-only (a container that is not privileged: runc's readonlyPaths). */
  readOnlySys = false;

  constructor(private readonly host: Host) {
    super('/proc');
  }

  private viewer(): Proc {
    return this.host.current;
  }

  private byVisiblePid(pid: number): Proc | undefined {
    const v = this.viewer();
    const k = this.host.kernel;
    // Seen from the host's PID namespace a process's PID is its key in the process table.
    if (k.ns(v.ns.pid).level === 0) {
      const p = k.procs.get(pid);
      return p && k.pidIn(p, v.ns.pid) === pid ? p : undefined;
    }
    // Only a process whose PID at the viewer's level is `pid` can be it (another namespace of that level may have one
    // too: pidIn tells): the table's other processes are not walked up their namespaces (issue #10).
    const level = k.ns(v.ns.pid).level;
    for (const p of k.procs.values()) if (p.nspid[level] === pid && k.pidIn(p, v.ns.pid) === pid) return p;
    return undefined;
  }

  protected override mtime(): Date {
    return new Date(this.host.clock.nowMs);
  }

  protected lookup(path: string): GenNode | undefined {
    const host = this.host;
    const k = host.kernel;
    const v = this.viewer();
    const parts = path.split('/').filter(Boolean);
    if (parts.length === 0) {
      const entries = () => {
        const pids = [...k.procs.values()].map((p) => k.pidIn(p, v.ns.pid)).filter((x): x is number => x !== undefined);
        return [
          ...pids.sort((a, b) => a - b).map(String),
          'cmdline',
          'cpuinfo',
          'filesystems',
          'loadavg',
          'meminfo',
          'modules',
          'mounts',
          'self',
          'sys',
          'uptime',
          'version',
        ];
      };
      // linux v6.8 fs/proc/root.c proc_root_getattr: `stat->nlink = proc_root.nlink + nr_processes()`: 2, one per
      // directory registered under /proc (its sys here), and every process of the machine, whatever PID namespace
      // the reader is in (kernel/fork.c nr_processes).
      return { type: 'dir', entries, nlink: () => 3 + k.procs.size };
    }
    const [first, ...rest] = parts as [string, ...string[]];
    if (first === 'self' && rest.length === 0) return { type: 'link', target: String(k.pidIn(v, v.ns.pid)) };
    // linux v6.8 fs/proc/root.c: /proc/mounts is a symlink to self/mounts.
    if (first === 'mounts' && rest.length === 0) return { type: 'link', target: 'self/mounts' };
    if (first === 'self') return this.pidNode(v, rest);
    if (first === 'modules' && !rest.length) return file(() => this.modules(v));
    if (first === 'cmdline' && !rest.length) return file(() => procCmdline(host.fixture.kernel.release));
    if (first === 'filesystems' && !rest.length) return file(() => PROC_FILESYSTEMS);
    if (first === 'version' && !rest.length)
      return file(
        () =>
          `Linux version ${host.fixture.kernel.release} (buildd@lcy02-amd64-015) (x86_64-linux-gnu-gcc-13 (Ubuntu 13.2.0-23ubuntu4) 13.2.0, GNU ld (GNU Binutils for Ubuntu) 2.42) ${host.fixture.kernel.version}\n`,
      );
    if (first === 'uptime' && !rest.length)
      return file(() => `${((host.clock.nowMs - k.bootMs) / 1000).toFixed(2)} ${(((host.clock.nowMs - k.bootMs) / 1000) * 3.9).toFixed(2)}\n`);
    // The last field is the last PID of the reader's PID namespace (linux@v6.8:fs/proc/loadavg.c: idr_get_cursor(&task_active_pid_ns(current)->idr) - 1).
    if (first === 'loadavg' && !rest.length) return file(() => `0.08 0.03 0.01 1/${k.live().length} ${(k.ns(v.ns.pid).nextPid ?? 1) - 1}\n`);
    if (first === 'meminfo' && !rest.length) return file(() => meminfoText(host));
    if (first === 'cpuinfo' && !rest.length) return file(() => Array.from({ length: host.fixture.cpus }, (_, i) => cpuinfoBlock(i)).join(''));
    if (first === 'sys') return this.sys(rest);
    if (!/^\d+$/.test(first)) return undefined;
    const p = this.byVisiblePid(Number(first));
    if (!p) return undefined;
    return this.pidNode(p, rest);
  }

  /**
   * /proc/sys: the sysctls of the viewer's namespaces (kernel/sysctl.ts). A container that is not
   * privileged has /proc/sys mounted read-only (EROFS); otherwise writing needs root.
   */
  private sys(rest: string[]): GenNode | undefined {
    const v = this.viewer();
    const view = { net: v.ns.net, ipc: v.ns.ipc, uts: v.ns.uts, pid: v.ns.pid };
    const tree = sysctlTree(this.host.kernel, view, this.host.fixture.kernel);
    const key = rest.join('/');
    const f = tree.get(key);
    if (f) {
      if (f.readOnly) return file(() => `${f.value()}\n`);
      return file(
        () => `${f.value()}\n`,
        (text) => {
          if (this.readOnlySys) throw new Error('EROFS: read-only file system');
          if (this.viewer().euid !== 0) throw new Error('EACCES: permission denied');
          writeSysctl(this.host.kernel, view, key, text);
        },
      );
    }
    const children = sysctlDirs(tree).get(key);
    return children?.length ? { type: 'dir', entries: () => children, mode: 0o555 } : undefined;
  }

  /**
   * /proc/PID/fd: `dr-x------`, the process's owner's (linux@v6.8:fs/proc/base.c tgid_base_stuff DIR("fd", S_IRUSR|S_IXUSR);
   * task_dump_owner), its size the number of open descriptors (fs/proc/fd.c proc_fd_getattr, proc_readfd_count). A
   * process that reads its own lists the descriptor it reads it through (opendir's, the lowest free). Another user's is
   * not readable without CAP_DAC_READ_SEARCH (fs/proc/fd.c proc_fd_permission: generic_permission, or the same thread group).
   */
  private fdDir(p: Proc): GenNode {
    const entries = () => {
      const v = this.viewer();
      if (v.euid !== p.euid && !hasCap(v.caps, 'dac_read_search') && !hasCap(v.caps, 'dac_override')) this.denied('open', `/${p.pid}/fd`);
      const fds = fdTable(this.host, p);
      if (p === v) {
        const fd = lowestFree(fds);
        this.host.files.openFdDir = { proc: v, fd };
        fds.push({ fd, target: '', mode: 'r' });
        fds.sort((a, b) => a.fd - b.fd);
      }
      return fds.map((f) => String(f.fd));
    };
    const size = () => fdTable(this.host, p).length;
    return { type: 'dir', entries, mode: 0o500, size, uid: p.euid, gid: p.egid };
  }

  /** /proc/PID/fd/N: a link to what the descriptor names, its mode the open mode, its size 64 (fs/procfd.ts). */
  private fdLink(p: Proc, name: string): GenNode | undefined {
    if (!/^\d+$/.test(name)) return undefined;
    const n = Number(name);
    const v = this.viewer();
    const k = this.host.kernel;
    const open = this.host.files.openFdDir;
    const f =
      open && open.proc === v && p === v && open.fd === n
        ? { target: `/proc/${k.pidIn(p, v.ns.pid)}/fd`, mode: 'r' as const }
        : fdTable(this.host, p).find((x) => x.fd === n);
    if (!f) return undefined;
    return { type: 'link', target: f.target, mode: fdLinkMode(f.mode), size: 64, uid: p.euid, gid: p.egid, fd: true };
  }

  private pidNode(p: Proc, rest: string[]): GenNode | undefined {
    const host = this.host;
    const k = host.kernel;
    const v = this.viewer();
    const key = rest.join('/');
    const nsNames = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'pid_for_children', 'time', 'time_for_children', 'user', 'uts'];
    switch (key) {
      case '':
        return dir(() => [
          'attr',
          'cgroup',
          'cmdline',
          'comm',
          'environ',
          'fd',
          'gid_map',
          'limits',
          'mountinfo',
          'mounts',
          'ns',
          'root',
          'stat',
          'status',
          'uid_map',
        ]);
      case 'mounts':
        return file(() => this.mounts(p));
      case 'mountinfo':
        return file(() => this.mountinfo(p));
      case 'limits':
        return file(() => procLimits(p));
      case 'status':
        return file(() => statusText(host, p, v));
      case 'stat':
        return file(() => statLine(host, p, v, sessionIds(host, p, v)));
      case 'comm':
        return file(() => `${p.comm}\n`);
      case 'cmdline':
        return file(() => (p.kthread ? '' : `${p.argv.join('\0')}\0`));
      case 'environ':
        return file(() =>
          Object.entries(p.env)
            .map(([a, b]) => `${a}=${b}\0`)
            .join(''),
        );
      case 'cgroup':
        return file(() => `0::${cgroupRelative(host, p, v)}\n`);
      case 'uid_map':
      case 'gid_map':
        return file(() => {
          const map = k.ns(p.ns.user).uidMap ?? '         0          0 4294967295';
          return map ? `${map}\n` : '';
        });
      case 'attr':
        return dir(() => ['current']);
      case 'attr/current':
        return file(() => (p.apparmor === 'unconfined' ? 'unconfined\n' : `${p.apparmor} (enforce)\n`));
      case 'root':
        return { type: 'link', target: '/' };
      case 'ns':
        return dir(() => nsNames);
      case 'fd':
        return this.fdDir(p);
    }
    if (rest[0] === 'fd' && rest.length === 2) return this.fdLink(p, rest[1] as string);
    if (rest[0] === 'ns' && rest.length === 2) {
      const name = rest[1] as string;
      if (!nsNames.includes(name)) return undefined;
      const type = name.replace('_for_children', '') as (typeof NS_TYPES)[number];
      return { type: 'link', target: `${type}:[${p.ns[type]}]` };
    }
    void cgroupFiles;
    return undefined;
  }
}
