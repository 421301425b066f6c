/**
 * `systemctl list-units [--type=T] [--state=S|--failed] [--all] [PATTERN…]` (systemd 255, Ubuntu 24.04).
 * Layout: systemd@v255:src/systemctl/systemctl-list-units.c output_units_list: a format-table with the columns
 * "" (● for a failed or not-found unit), UNIT, LOAD, ACTIVE, SUB, JOB (hidden when no job is pending) and
 * DESCRIPTION, one space between columns, each as wide as its widest cell (at least 1: src/shared/format-table.c
 * table_print), the last one without trailing blanks; piped or in the pager the table is not cut to the
 * terminal's width. Then the legend (LOAD/ACTIVE/SUB when a row was printed) and "N loaded units listed." with
 * the --all hint unless --state/--failed was given. Order: src/shared/bus-unit-util.c unit_info_compare (the
 * type suffix, then the name, both strcasecmp).
 *
 * The units are node1's: every service, scope and slice comes from the cgroup tree the simulator keeps (the one
 * systemd-cgls prints: a service with a live process is "active running"), every mount from its mount table (the
 * API file systems /proc, /sys, /run and /sys/fs/cgroup are not mount units), plus Ubuntu 24.04 cloud image's
 * oneshot services that ran at boot and exited, and its sockets, targets, timers and paths. Device units
 * (udev's disks and network interfaces) are not simulated and not listed.
 */
import type { ExecResult } from '../../api.ts';
import type { CmdEnv } from '../types.ts';
import { mountTable } from '../mounttable.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

export interface UnitRow {
  id: string;
  load: string;
  active: string;
  sub: string;
  description: string;
}

/** Descriptions of node1's running services (each unit file's Description=, Ubuntu 24.04's packages). */
const RUNNING: Record<string, string> = {
  'containerd.service': 'containerd container runtime', // containerd@v1.7.22:containerd.service
  'cron.service': 'Regular background program processing daemon', // cron 3.0pl1-184ubuntu2 debian/cron.service
  'dbus.service': 'D-Bus System Message Bus', // dbus 1.14.10 bus/dbus.service.in
  'docker.service': 'Docker Application Container Engine', // moby@v27.3.1:contrib/init/systemd/docker.service
  'getty@tty1.service': 'Getty on tty1', // systemd@v255:units/getty@.service.in "Getty on %I"
  'kubelet.service': 'kubelet: The Kubernetes Node Agent', // kubernetes/release kubelet.service
  'ssh.service': 'OpenBSD Secure Shell server', // openssh 1:9.6p1-3ubuntu13 debian/openssh-server.ssh.service
  'systemd-journald.service': 'Journal Service', // systemd@v255:units/systemd-journald.service.in
  'systemd-logind.service': 'User Login Management', // systemd@v255:units/systemd-logind.service.in
  'systemd-networkd.service': 'Network Configuration', // systemd@v255:units/systemd-networkd.service.in
  'systemd-resolved.service': 'Network Name Resolution', // systemd@v255:units/systemd-resolved.service.in
  'systemd-timesyncd.service': 'Network Time Synchronization', // systemd@v255:units/systemd-timesyncd.service.in
  'systemd-udevd.service': 'Rule-based Manager for Device Events and Files', // systemd@v255:units/systemd-udevd.service.in
};

/** Units that are active without a process of their own: [id, SUB, Description=] (systemd@v255:units/*, cloud-init 24.x, Ubuntu's packages). */
const STATIC: [string, string, string][] = [
  ['apparmor.service', 'exited', 'Load AppArmor profiles'],
  ['cloud-config.service', 'exited', 'Cloud-init: Config Stage'],
  ['cloud-final.service', 'exited', 'Cloud-init: Final Stage'],
  ['cloud-init-local.service', 'exited', 'Cloud-init: Local Stage (pre-network)'],
  ['cloud-init.service', 'exited', 'Cloud-init: Network Stage'],
  ['keyboard-setup.service', 'exited', 'Set the console keyboard layout'],
  ['kmod-static-nodes.service', 'exited', 'Create List of Static Device Nodes'],
  ['systemd-journal-flush.service', 'exited', 'Flush Journal to Persistent Storage'],
  ['systemd-networkd-wait-online.service', 'exited', 'Wait for Network to be Configured'],
  ['systemd-random-seed.service', 'exited', 'Load/Save OS Random Seed'],
  ['systemd-remount-fs.service', 'exited', 'Remount Root and Kernel File Systems'],
  ['systemd-sysctl.service', 'exited', 'Apply Kernel Variables'],
  ['systemd-tmpfiles-setup-dev.service', 'exited', 'Create Static Device Nodes in /dev'],
  ['systemd-tmpfiles-setup.service', 'exited', 'Create Volatile Files and Directories'],
  ['systemd-udev-trigger.service', 'exited', 'Coldplug All udev Devices'],
  ['systemd-update-utmp.service', 'exited', 'Record System Boot/Shutdown in UTMP'],
  ['systemd-user-sessions.service', 'exited', 'Permit User Sessions'],
  ['dbus.socket', 'running', 'D-Bus System Message Bus Socket'],
  ['docker.socket', 'running', 'Docker Socket for the API'],
  ['systemd-journald-dev-log.socket', 'running', 'Journal Socket (/dev/log)'],
  ['systemd-journald.socket', 'running', 'Journal Socket'],
  ['systemd-networkd.socket', 'running', 'Network Service Netlink Socket'],
  ['systemd-udevd-control.socket', 'running', 'udev Control Socket'],
  ['systemd-udevd-kernel.socket', 'running', 'udev Kernel Socket'],
  ['systemd-ask-password-console.path', 'waiting', 'Dispatch Password Requests to Console Directory Watch'],
  ['systemd-ask-password-wall.path', 'waiting', 'Forward Password Requests to Wall Directory Watch'],
  ['basic.target', 'active', 'Basic System'],
  ['cloud-config.target', 'active', 'Cloud-config availability'],
  ['cloud-init.target', 'active', 'Cloud-init target'],
  ['getty.target', 'active', 'Login Prompts'],
  ['graphical.target', 'active', 'Graphical Interface'],
  ['local-fs-pre.target', 'active', 'Preparation for Local File Systems'],
  ['local-fs.target', 'active', 'Local File Systems'],
  ['multi-user.target', 'active', 'Multi-User System'],
  ['network-online.target', 'active', 'Network is Online'],
  ['network-pre.target', 'active', 'Preparation for Network'],
  ['network.target', 'active', 'Network'],
  ['nss-lookup.target', 'active', 'Host and Network Name Lookups'],
  ['paths.target', 'active', 'Path Units'],
  ['remote-fs.target', 'active', 'Remote File Systems'],
  ['slices.target', 'active', 'Slice Units'],
  ['sockets.target', 'active', 'Socket Units'],
  ['sysinit.target', 'active', 'System Initialization'],
  ['time-set.target', 'active', 'System Time Set'],
  ['timers.target', 'active', 'Timer Units'],
  ['apt-daily-upgrade.timer', 'waiting', 'Daily apt upgrade and clean activities'],
  ['apt-daily.timer', 'waiting', 'Daily apt download activities'],
  ['dpkg-db-backup.timer', 'waiting', 'Daily dpkg database backup timer'],
  ['e2scrub_all.timer', 'waiting', 'Periodic ext4 Online Metadata Check for All Filesystems'],
  ['fstrim.timer', 'waiting', 'Discard unused filesystem blocks once a week'],
  ['logrotate.timer', 'waiting', 'Daily rotation of log files'],
  ['man-db.timer', 'waiting', 'Daily man-db regeneration'],
  ['motd-news.timer', 'waiting', 'Message of the Day'],
  ['systemd-tmpfiles-clean.timer', 'waiting', 'Daily Cleanup of Temporary Directories'],
];

/** Slices and scopes: systemd@v255:units/-.slice, system.slice, user.slice; user-.slice.d, system-getty (unit_name_to_prefix). */
function groupDescription(id: string): string {
  if (id === '-.slice') return 'Root Slice';
  if (id === 'system.slice') return 'System Slice';
  if (id === 'user.slice') return 'User and Session Slice';
  if (id === 'init.scope') return 'System and Service Manager';
  const user = /^user-(\d+)\.slice$/.exec(id);
  if (user) return `User Slice of UID ${user[1]}`;
  const session = /^session-(\w+)\.scope$/.exec(id);
  if (session) return `Session ${session[1]} of User root`;
  const sys = /^system-(.+)\.slice$/.exec(id);
  if (sys) return `Slice /system/${sys[1]}`;
  // runc's systemd cgroup driver names the scope and slices it creates "libcontainer container NAME"
  // (opencontainers/runc@v1.1.14:libcontainer/cgroups/systemd/v2.go Apply: "Description").
  const scope = /^docker-([0-9a-f]{64})\.scope$/.exec(id);
  if (scope) return `libcontainer container ${scope[1]}`;
  return `libcontainer container ${id}`;
}

/** systemd@v255:src/basic/unit-name.c unit_name_from_path with unit_name_path_escape: "/" → "-", other specials \xNN. */
export function mountUnitName(path: string): string {
  if (path === '/') return '-.mount';
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  let out = '';
  for (const [i, ch] of [...trimmed].entries()) {
    if (ch === '/') out += '-';
    else if ((i === 0 && ch === '.') || !/[A-Za-z0-9:_.]/.test(ch)) out += `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}.mount`;
}

const API_MOUNTS = new Set(['/proc', '/sys', '/run', '/sys/fs/cgroup', '/dev']);

/** Every unit node1's systemd has loaded, active. */
export function loadedUnits(env: CmdEnv): UnitRow[] {
  const k = env.host.kernel;
  const rows: UnitRow[] = [];
  const add = (id: string, active: string, sub: string, description: string) => rows.push({ id, load: 'loaded', active, sub, description });
  const groups = new Set<string>();
  for (const p of k.live()) for (let g = p.cgroup; g && g !== '/'; g = g.slice(0, g.lastIndexOf('/')) || '/') groups.add(g);
  for (const path of k.cgroups.keys()) if (path !== '/' && k.cgroupProcs(path).some((p) => !p.kthread)) groups.add(path);
  add('-.slice', 'active', 'active', 'Root Slice');
  for (const g of groups) {
    const id = g.slice(g.lastIndexOf('/') + 1);
    if (id.endsWith('.service')) add(id, 'active', 'running', RUNNING[id] ?? id);
    else if (id.endsWith('.slice')) add(id, 'active', 'active', groupDescription(id));
    else if (id.endsWith('.scope')) add(id, 'active', 'running', groupDescription(id));
  }
  for (const [id, sub, description] of STATIC) add(id, 'active', sub, description);
  for (const m of mountTable(env.daemon, undefined)) {
    if (API_MOUNTS.has(m.target)) continue;
    add(mountUnitName(m.target), 'active', 'mounted', m.target === '/' ? 'Root Mount' : m.target);
  }
  const suffix = (id: string) => id.slice(id.lastIndexOf('.')).toLowerCase();
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return rows.sort((a, b) => cmp(suffix(a.id), suffix(b.id)) || cmp(a.id.toLowerCase(), b.id.toLowerCase()));
}

/** src/shared/format-table.c table_print: columns at least 1 wide, one space apart, the last one not padded. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, j) => Math.max(1, h.length, ...rows.map((r) => (r[j] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, j) => (j === cells.length - 1 ? c : c.padEnd(widths[j] as number)))
      .join(' ')
      .trimEnd();
  return [header, ...rows].map((r) => `${line(r)}\n`).join('');
}

/** fnmatch(3) for the PATTERN arguments (systemd's strv_fnmatch_or_empty). */
const glob = (p: string) =>
  new RegExp(
    `^${p
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );

export interface ListOpts {
  types: string[];
  states: string[];
  all: boolean;
  legend: boolean;
  patterns: string[];
}

export function listUnits(env: CmdEnv, o: ListOpts): ExecResult {
  const pats = o.patterns.map(glob);
  const rows = loadedUnits(env).filter(
    (u) =>
      (!o.types.length || o.types.includes(u.id.slice(u.id.lastIndexOf('.') + 1))) &&
      (!o.states.length || o.states.some((s) => [u.load, u.active, u.sub].includes(s))) &&
      (!pats.length || pats.some((re) => re.test(u.id))),
  );
  const cells = rows.map((u) => [' ', u.id, u.load, u.active, u.sub, u.description]);
  let out = o.legend
    ? formatTable(['', 'UNIT', 'LOAD', 'ACTIVE', 'SUB', 'DESCRIPTION'], cells)
    : formatTable(['', '', '', '', '', ''], cells).replace(/^.*\n/, '');
  if (o.legend) {
    if (rows.length)
      out +=
        '\nLOAD   = Reflects whether the unit definition was properly loaded.\n' +
        'ACTIVE = The high-level unit activation state, i.e. generalization of SUB.\n' +
        'SUB    = The low-level unit activation state, values depend on unit type.\n';
    if (o.all || o.states.includes('inactive'))
      out += `${rows.length} loaded units listed.\nTo show all installed unit files use 'systemctl list-unit-files'.\n`;
    else if (!o.states.length)
      out += `${rows.length} loaded units listed. Pass --all to see loaded but inactive units, too.\nTo show all installed unit files use 'systemctl list-unit-files'.\n`;
    else out += `${rows.length} loaded units listed.\n`;
  }
  return R(out);
}
