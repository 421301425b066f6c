/**
 * systemctl (systemd 255, Ubuntu 24.04) for the two units behind the course's containers:
 * docker.service and containerd.service. `status UNIT` prints the unit's block from its
 * cgroup (/sys/fs/cgroup/system.slice/UNIT: pids.current, memory.current and memory.peak,
 * cpu.stat usage_usec; the processes in it as a tree), `is-active`, `is-enabled`; `service
 * NAME status` (init-system-helpers' /usr/sbin/service) is the same on a systemd host.
 * Layout: systemd@v255:src/systemctl/systemctl-show.c print_status_info;
 * src/basic/time-util.c format_timestamp_style, format_timestamp_relative_full and
 * format_timespan; src/basic/format-util.c format_bytes_full; src/shared/cgroup-show.c
 * (the ├─/└─ tree). The unit files are those of docker-ce 27.3.1 and containerd.io 1.7.22.
 * Printed as with --no-pager to a pipe: no colour, lines not cut to the terminal's width,
 * and without the journal's last lines (node1 has no journal to read).
 */
import { SYSTEMD_VERSION } from './timedatectl.ts';
import type { ExecResult } from '../../api.ts';
import { KUBE_FILES } from '../../fs/kubefiles.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

interface Unit {
  description: string;
  docs: string;
  triggeredBy?: string;
  mainComm: string;
  /** Drop-in directory and files (print_status_info's "Drop-In:" lines). */
  dropIn?: [string, string[]];
}

const UNITS: Record<string, Unit> = {
  'docker.service': { description: 'Docker Application Container Engine', docs: 'https://docs.docker.com', triggeredBy: 'docker.socket', mainComm: 'dockerd' },
  'containerd.service': { description: 'containerd container runtime', docs: 'https://containerd.io', mainComm: 'containerd' },
  // kubernetes/release@7e38e89b:cmd/krel/templates/latest/kubelet/kubelet.service and kubeadm's drop-in (fs/kubefiles.ts).
  'kubelet.service': {
    description: 'kubelet: The Kubernetes Node Agent',
    docs: 'https://kubernetes.io/docs/',
    mainComm: 'kubelet',
    dropIn: ['/usr/lib/systemd/system/kubelet.service.d', ['10-kubeadm.conf']],
  },
};

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
export const unitName = (n: string) => (n.includes('.') ? n : `${n}.service`);

/** format_bytes_full: 1024-based, one truncated decimal. */
function formatBytes(t: number): string {
  const units: [string, number][] = [
    ['E', 2 ** 60],
    ['P', 2 ** 50],
    ['T', 2 ** 40],
    ['G', 2 ** 30],
    ['M', 2 ** 20],
    ['K', 2 ** 10],
  ];
  for (const [s, f] of units) if (t >= f) return `${Math.floor(t / f)}.${Math.floor((t * 10) / f) % 10}${s}`;
  return `${t}B`;
}

/** format_timespan(usec, USEC_PER_MSEC). */
function formatTimespan(usec: number): string {
  if (usec <= 0) return '0';
  const table: [string, number][] = [
    ['y', 31_557_600e6],
    ['month', 2_629_800e6],
    ['w', 604_800e6],
    ['d', 86_400e6],
    ['h', 3_600e6],
    ['min', 60e6],
    ['s', 1e6],
    ['ms', 1e3],
  ];
  const parts: string[] = [];
  let t = usec;
  for (const [suffix, u] of table) {
    if (t < 1000) break;
    if (t < u) continue;
    const a = Math.floor(t / u);
    const b = t % u;
    if (t < 60e6 && b > 0 && suffix === 's') {
      parts.push(`${a}.${String(Math.floor(b / 1000)).padStart(3, '0')}s`);
      t = 0;
      break;
    }
    parts.push(`${a}${suffix}`);
    t = b;
  }
  return parts.join(' ');
}

/** format_timestamp_relative_full: "3h 33min ago". */
function relative(usec: number): string {
  const H = 3_600e6;
  const M = 60e6;
  const D = 24 * H;
  const f = Math.floor;
  if (usec >= 31_557_600e6) return `${f(usec / 31_557_600e6)} years ${f((usec % 31_557_600e6) / 2_629_800e6)} months ago`;
  if (usec >= 2_629_800e6) return `${f(usec / 2_629_800e6)} months ${f((usec % 2_629_800e6) / D)} days ago`;
  if (usec >= 7 * D) return `${f(usec / (7 * D))} weeks ${f((usec % (7 * D)) / D)} days ago`;
  if (usec >= 2 * D) return `${f(usec / D)} days ago`;
  if (usec >= 25 * H) return `1 day ${f((usec - D) / H)}h ago`;
  if (usec >= 6 * H) return `${f(usec / H)}h ago`;
  if (usec >= H) return `${f(usec / H)}h ${f((usec % H) / M)}min ago`;
  if (usec >= 5 * M) return `${f(usec / M)}min ago`;
  if (usec >= M) return `${f(usec / M)}min ${f((usec % M) / 1e6)}s ago`;
  if (usec >= 1e6) return `${f(usec / 1e6)}s ago`;
  if (usec >= 1e3) return `${f(usec / 1e3)}ms ago`;
  return usec > 0 ? `${usec}us ago` : 'now';
}

/** format_timestamp_style(TIMESTAMP_PRETTY): "Mon 2024-09-16 08:12:06 UTC". */
function timestamp(ms: number): string {
  const d = new Date(ms);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  return `${day} ${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)} UTC`;
}

async function status(env: CmdEnv, name: string): Promise<ExecResult> {
  const unit = UNITS[name];
  if (!unit) return R('', `Unit ${name} could not be found.\n`, 4);
  const dir = `/sys/fs/cgroup/system.slice/${name}`;
  const read = async (f: string) => (await env.readFile(`${dir}/${f}`).catch(() => '')).trim();
  const k = env.host.kernel;
  const procs = [...k.procs.values()].filter((p) => p.cgroup === `/system.slice/${name}` && !p.kthread).sort((a, b) => a.pid - b.pid);
  const main = procs.find((p) => p.comm === unit.mainComm);
  // node1's kubelet is always in the process table (runtime/kube-procs.ts addKubelet); a fixture without it gets this line.
  if (!main && unit.dropIn)
    return R('', `systemctl: the ${name} process is not in node1's simulated process table; systemctl cat ${name} shows its unit.\n`, 1);
  const since = main?.startMs ?? env.host.clock.nowMs;
  const usage = Number(/usage_usec (\d+)/.exec(await read('cpu.stat'))?.[1] ?? 0);
  const tree = procs.map((p, i) => `             ${i === procs.length - 1 ? '└─' : '├─'}${p.pid} ${p.argv.join(' ')}`);
  const lines = [
    `● ${name} - ${unit.description}`,
    `     Loaded: loaded (/usr/lib/systemd/system/${name}; enabled; preset: enabled)`,
    // systemd@v255.4:src/systemctl/systemctl-show.c print_status_info: the directory, then its files after └─.
    ...(unit.dropIn ? [`    Drop-In: ${unit.dropIn[0]}`, `             └─${unit.dropIn[1].join(', ')}`] : []),
    `     Active: active (running) since ${timestamp(since)}; ${relative((env.host.clock.nowMs - since) * 1000)}`,
    ...(unit.triggeredBy ? [`TriggeredBy: ● ${unit.triggeredBy}`] : []),
    `       Docs: ${unit.docs}`,
    ...(main ? [`   Main PID: ${main.pid} (${main.comm})`] : []),
    `      Tasks: ${(await read('pids.current')) || procs.length}`,
    `     Memory: ${formatBytes(Number(await read('memory.current')))} (peak: ${formatBytes(Number(await read('memory.peak')))})`,
    `        CPU: ${formatTimespan(usage)}`,
    `     CGroup: /system.slice/${name}`,
    ...tree,
  ];
  return R(`${lines.join('\n')}\n`);
}

/**
 * `systemctl cat UNIT…`: each unit's fragment then its drop-ins, each under a `# PATH` line, a blank line between files
 * and between units (systemd@v255.4:src/systemctl/systemctl-edit.c verb_cat, src/shared/pretty-print.c cat_files and
 * cat_file). A unit with no file on disk: "No files found for %s." and exit 1 (src/systemctl/systemctl-util.c
 * unit_find_paths). node1 has the kubelet's files (fs/kubefiles.ts) and docker's (fs/dockerunits.ts) on disk; containerd's are not written out.
 */
async function cat(env: CmdEnv, names: string[]): Promise<ExecResult> {
  let out = '';
  let err = '';
  for (const name of names) {
    const fragment = `/usr/lib/systemd/system/${name}`;
    const text = await env.readFile(fragment).catch(() => undefined);
    if (text === undefined && UNITS[name])
      return R(out, `${err}systemctl cat: the unit files of ${name} are not on node1's simulated disk (systemctl status ${name} is).\n`, 1);
    if (text === undefined) {
      err += `No files found for ${name}.\n`;
      continue;
    }
    const dropins: [string, string][] = [];
    for (const [path, body] of Object.entries(KUBE_FILES)) if (path.startsWith(`${fragment}.d/`) && path.endsWith('.conf')) dropins.push([path, body]);
    const files: [string, string][] = [[fragment, text], ...dropins.sort(([a], [b]) => (a < b ? -1 : 1))];
    if (out) out += '\n';
    out += files.map(([path, body]) => `# ${path}\n${body.endsWith('\n') || !body ? body : `${body}\n`}`).join('\n');
  }
  return R(out, err, err ? 1 : 0);
}

export async function systemctlRun(args: string[], env: CmdEnv, prog: string): Promise<ExecResult> {
  const list = { types: [] as string[], states: [] as string[], all: false, legend: true, patterns: [] as string[] };
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const value = (long: string) => (a === long || a === `-${long[2]}` ? (args[++i] ?? '') : a.slice(long.length + 1));
    if (a === '--type' || a === '-t' || a.startsWith('--type=')) list.types.push(...value('--type').split(','));
    else if (a === '--state' || a.startsWith('--state=')) list.states.push(...value('--state').split(','));
    else if (a === '--failed') list.states.push('failed');
    else if (a === '--all' || a === '-a') list.all = true;
    else if (a === '--no-legend') list.legend = false;
    else if (!['--no-pager', '-l', '--full', '-q', '--quiet', '--plain'].includes(a)) words.push(a);
  }
  const quiet = args.includes('-q') || args.includes('--quiet');
  const [verb = 'list-units', ...names] = words;
  if (verb === '--version') return R(SYSTEMD_VERSION);
  if (verb === 'list-units') return (await import('./systemctl-list.ts')).listUnits(env, { ...list, patterns: names });
  if (verb === 'status' && names.length) {
    let out = '';
    let err = '';
    let code = 0;
    for (const [i, n] of names.entries()) {
      const r = await status(env, unitName(n));
      out += (i && r.stdout ? '\n' : '') + r.stdout;
      err += r.stderr;
      code = Math.max(code, r.exitCode);
    }
    return R(out, err, code);
  }
  if (verb === 'cat' && names.length) return cat(env, names.map(unitName));
  if (verb === 'show' && names.length) return (await import('./systemctl-show.ts')).show(env, names, unitName);
  if ((verb === 'is-active' || verb === 'is-enabled') && names.length) {
    // A unit with a live process in its cgroup runs (node1's other services: systemd-cgls shows them), so it is active.
    const running = (u: string) => [...env.host.kernel.live()].some((p) => p.cgroup.split('/').includes(u));
    const known = names.map((n) => Boolean(UNITS[unitName(n)]) || (verb === 'is-active' && running(unitName(n))));
    if (verb === 'is-active') return R(quiet ? '' : known.map((k) => (k ? 'active\n' : 'inactive\n')).join(''), '', known.some((k) => k) ? 0 : 3);
    const missing = names.find((n) => !UNITS[unitName(n)]);
    if (missing) return R('', `Failed to get unit file state for ${unitName(missing)}: No such file or directory\n`, 1);
    return R(quiet ? '' : names.map(() => 'enabled\n').join(''));
  }
  return R(
    '',
    `${prog}: only \`systemctl list-units\`, \`systemctl status|cat|show|is-enabled docker|containerd|kubelet\` and \`systemctl is-active UNIT\` are simulated on node1; the daemons already run and are not restarted here.\n`,
    1,
  );
}

export const systemctl: SimCommand = { name: 'systemctl', run: (args, env) => systemctlRun(args, env, 'systemctl') };
