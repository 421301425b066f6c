/**
 * journalctl (systemd 255, Ubuntu 24.04) over node1's journal of this boot: the kernel's
 * messages (the same ring buffer dmesg reads, kernel.dmesg) and docker.service's start-up,
 * logged at the times of the unit's main process (what systemctl status shows). Output modes
 * short (default), short-iso and cat (systemd@v255:src/shared/logs-show.c output_short,
 * "%b %d %H:%M:%S HOST IDENT[PID]: MESSAGE"; short-iso "%Y-%m-%dT%H:%M:%S%:z"); "-- No entries --"
 * when nothing matches (src/journal/journalctl.c); a user outside 'adm' and 'systemd-journal'
 * sees the hint of src/shared/journal-util.c access_check_var_log_journal (Ubuntu's
 * /var/log/journal ACL names adm: tmpfiles.d/systemd.conf) and none of the system's entries.
 * Printed as with --no-pager (a pipe): the pager is not simulated. -f follows until Ctrl-C.
 */
import type { ExecResult } from '../../api.ts';
import { getopt, type LongOpt } from '../getopt.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

const R = (stdout: string, stderr: string, exitCode: number): ExecResult => ({ stdout, stderr, exitCode });

interface Entry {
  ms: number;
  ident: string;
  pid?: number;
  unit?: string;
  /** syslog priority: 3 err, 4 warning, 6 info. */
  priority: number;
  message: string;
}

const LONGS: LongOpt[] = [
  { name: 'unit', arg: 'required', key: 'u' },
  { name: 'lines', arg: 'optional', key: 'n' },
  { name: 'no-pager', arg: 'none', key: 'no-pager' },
  { name: 'boot', arg: 'optional', key: 'b' },
  { name: 'dmesg', arg: 'none', key: 'k' },
  { name: 'priority', arg: 'required', key: 'p' },
  { name: 'output', arg: 'required', key: 'o' },
  { name: 'since', arg: 'required', key: 'S' },
  { name: 'until', arg: 'required', key: 'U' },
  { name: 'quiet', arg: 'none', key: 'q' },
  { name: 'reverse', arg: 'none', key: 'r' },
  { name: 'follow', arg: 'none', key: 'f' },
];
/** syslog priority names (src/basic/syslog-util.c log_level_from_string). */
const PRIORITIES = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DOCKER_UNIT = 'Docker Application Container Engine';

/**
 * docker.service's start at boot: systemd's "Starting …"/"Started …" (systemd@v255:src/core/job.c
 * job_done_messages, "UNIT - Description"), dockerd's info lines as logrus writes them to the journal
 * (time="RFC3339Nano" level=info msg="…", fields sorted): moby@v27.3.1 cmd/dockerd/daemon.go "Starting up",
 * "Daemon has completed initialization", "API listen on %s" (the systemd socket, -H fd://);
 * libnetwork/internal/resolvconf/resolvconf_path.go (127.0.0.53 in /etc/resolv.conf); daemon/graphdriver/driver.go
 * "[graphdriver] using prior storage driver"; daemon/daemon.go "Loading containers: start."/"done.", "Docker daemon"
 * with commit 41ca978 (docker version). No "Default bridge (docker0) is assigned …": docker0 is gone after the
 * reboot, so daemon_unix.go initBridgeDriver finds no address to keep. The offsets between the lines (ms after the
 * process start) have no source: a plausible start-up of half a second.
 */
function dockerEntries(env: CmdEnv): Entry[] {
  const k = env.host.kernel;
  const main = [...k.procs.values()].find((p) => p.comm === 'dockerd' && p.cgroup === '/system.slice/docker.service');
  if (!main) return [];
  const t0 = main.startMs;
  const d = (ms: number, msg: string, fields = ''): Entry => {
    // RFC3339Nano: the digits below the millisecond are made up (no source), fixed per line.
    const iso = new Date(t0 + ms).toISOString().replace(/Z$/, `${String(((t0 + ms) * 7919) % 1e6).padStart(6, '0')}Z`);
    return { ms: t0 + ms, ident: 'dockerd', pid: main.pid, unit: 'docker.service', priority: 6, message: `time="${iso}" level=info msg="${msg}"${fields}` };
  };
  const sys = (ms: number, message: string): Entry => ({ ms: t0 + ms, ident: 'systemd', pid: 1, unit: 'docker.service', priority: 6, message });
  return [
    sys(-2, `Starting docker.service - ${DOCKER_UNIT}...`),
    d(48, 'Starting up'),
    d(61, 'detected 127.0.0.53 nameserver, assuming systemd-resolved, so using resolv.conf: /run/systemd/resolve/resolv.conf'),
    d(139, '[graphdriver] using prior storage driver: overlay2'),
    d(152, 'Loading containers: start.'),
    d(388, 'Loading containers: done.'),
    d(412, 'Docker daemon', ' commit=41ca978 containerd-snapshotter=false storage-driver=overlay2 version=27.3.1'),
    d(413, 'Daemon has completed initialization'),
    d(447, 'API listen on /run/docker.sock'),
    sys(449, `Started docker.service - ${DOCKER_UNIT}.`),
  ];
}

/** The kernel's ring buffer ("[    uptime] message", kernel.dmesg) as journal entries: the boot time plus the uptime. */
function kernelEntries(env: CmdEnv): Entry[] {
  const boot = Date.parse(env.host.fixture.bootTime);
  return env.host.kernel.dmesg.flatMap((line) => {
    const m = /^\[\s*(\d+\.\d+)\] (.*)$/.exec(line);
    if (!m) return [];
    // The OOM killer's report is pr_err (torvalds/linux@v6.8:mm/oom_kill.c __oom_kill_process).
    const message = m[2] as string;
    return [{ ms: boot + Math.round(Number(m[1]) * 1000), ident: 'kernel', priority: /out of memory: Killed process/.test(message) ? 3 : 6, message }];
  });
}

function stamp(ms: number, iso: boolean): string {
  const t = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  const hms = `${p(t.getUTCHours())}:${p(t.getUTCMinutes())}:${p(t.getUTCSeconds())}`;
  return iso ? `${t.getUTCFullYear()}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())}T${hms}+00:00` : `${MONTHS[t.getUTCMonth()]} ${p(t.getUTCDate())} ${hms}`;
}

/** --since/--until: "YYYY-MM-DD [HH:MM[:SS]]", "HH:MM[:SS]" (today), today, yesterday, now, ±N{s,min,h,d} (src/basic/time-util.c parse_timestamp). */
function parseTime(v: string, nowMs: number): number | undefined {
  const day = Math.floor(nowMs / 86_400_000) * 86_400_000;
  if (v === 'now') return nowMs;
  if (v === 'today') return day;
  if (v === 'yesterday') return day - 86_400_000;
  const rel = /^([+-])(\d+)\s*(s|sec|min|m|h|d)$/.exec(v);
  if (rel) return nowMs + (rel[1] === '-' ? -1 : 1) * Number(rel[2]) * { s: 1e3, sec: 1e3, min: 6e4, m: 6e4, h: 36e5, d: 864e5 }[rel[3] as 's'];
  const m = /^(?:(\d{4})-(\d\d)-(\d\d))?\s*(?:(\d\d):(\d\d)(?::(\d\d))?)?$/.exec(v.trim());
  if (!m || (!m[1] && !m[4])) return undefined;
  const base = m[1] ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : day;
  return base + (Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0)) * 1000;
}

/**
 * Whether the process may read the system journal: root, or a process in group adm or systemd-journal (the journal
 * files' ACL: tmpfiles.d/systemd.conf). Its groups are the kernel's (su and sudo set them: initgroups); a process
 * that never had them set counts as its user's own groups of /etc/group.
 */
async function seesSystem(env: CmdEnv): Promise<boolean> {
  if (env.self.uid === 0) return true;
  const user = ((await env.readFile('/etc/passwd').catch(() => '')).split('\n').find((l) => l.split(':')[2] === String(env.self.uid)) ?? '').split(':')[0];
  const groups = (await env.readFile('/etc/group').catch(() => '')).split('\n').map((l) => l.split(':'));
  const ids = env.self.groups ?? [env.self.gid];
  const member = (g: string[]) => ids.includes(Number(g[2])) || (env.self.groups === undefined && (g[3] ?? '').split(',').includes(user ?? ''));
  return groups.some((g) => (g[0] === 'adm' || g[0] === 'systemd-journal') && member(g));
}

export const journalctl: SimCommand = {
  name: 'journalctl',
  async run(args, env) {
    const parsed = getopt(args, 'u:n::b::kp:o:S:U:qrf', LONGS);
    if (!parsed.ok) return R('', `journalctl: ${parsed.error}\n`, 1);
    const units: string[] = [];
    let lines: number | undefined;
    let kernelOnly = false;
    let maxPriority = 7;
    let output = 'short';
    let since: number | undefined;
    let until: number | undefined;
    let quiet = false;
    let reverse = false;
    let follow = false;
    const now = env.host.clock.nowMs;
    const opts = parsed.opts;
    for (let i = 0; i < opts.length; i++) {
      const [key, value] = opts[i] as [string, string | undefined];
      if (key === 'u') units.push((value as string).includes('.') ? (value as string) : `${value}.service`);
      else if (key === 'n') {
        // `-n 5`: journalctl takes a number in the next word too (src/journal/journalctl.c parse_lines).
        let v = value;
        if (v === undefined && /^\d+$/.test(parsed.operands[0] ?? '')) v = parsed.operands.shift();
        if (v !== undefined && !/^\+?\d+$/.test(v) && v !== 'all') return R('', `Failed to parse lines '${v}'\n`, 1);
        lines = v === undefined ? 10 : v === 'all' ? undefined : Number(v.replace('+', ''));
      } else if (key === 'k') kernelOnly = true;
      else if (key === 'p') {
        const n = /^\d$/.test(value as string) ? Number(value) : PRIORITIES.indexOf(value as string);
        if (n < 0 || n > 7) return R('', `Unknown log level ${value}\n`, 1);
        maxPriority = n;
      } else if (key === 'o') {
        if (!['short', 'short-iso', 'cat'].includes(value as string)) return R('', `Unknown output format '${value}'.\n`, 1);
        output = value as string;
      } else if (key === 'S' || key === 'U') {
        const t = parseTime(value as string, now);
        if (t === undefined) return R('', `Failed to parse timestamp: ${value}\n`, 1);
        if (key === 'S') since = t;
        else until = t;
      } else if (key === 'q') quiet = true;
      else if (key === 'r') reverse = true;
      else if (key === 'f') follow = true;
    }
    // --follow shows the last 10 entries unless -n says otherwise (src/journal/journalctl.c parse_argv).
    if (follow && !opts.some(([o]) => o === 'n')) lines = 10;
    if (parsed.operands.length) return R('', `Failed to add match '${parsed.operands[0]}': Invalid argument\n`, 1);
    let hint = '';
    const system = await seesSystem(env);
    const journal = () => (system ? [...kernelEntries(env), ...dockerEntries(env)].sort((a, b) => a.ms - b.ms) : []);
    let entries = journal();
    if (!system && !quiet)
      hint =
        'Hint: You are currently not seeing messages from other users and the system.\n' +
        "      Users in groups 'adm', 'systemd-journal' can see all messages.\n" +
        '      Pass -q to turn off this notice.\n';
    const match = (e: Entry) =>
      (!kernelOnly || e.ident === 'kernel') &&
      (!units.length || units.includes(e.unit ?? '')) &&
      e.priority <= maxPriority &&
      (since === undefined || e.ms >= since) &&
      (until === undefined || e.ms <= until);
    entries = entries.filter(match);
    const matched = entries.length;
    if (lines !== undefined) entries = entries.slice(Math.max(0, entries.length - lines));
    if (reverse) entries.reverse();
    // The hint is logged before the entries are read: on a terminal it comes first.
    const ordered = (stdout: string): ExecResult => ({
      ...R(stdout, hint, 0),
      output: [
        { stream: 'stderr', text: hint },
        { stream: 'stdout', text: stdout },
      ],
    });
    const host = env.host.fixture.hostname;
    const format = (e: Entry) =>
      output === 'cat' ? `${e.message}\n` : `${stamp(e.ms, output === 'short-iso')} ${host} ${e.ident}${e.pid ? `[${e.pid}]` : ''}: ${e.message}\n`;
    if (follow && env.stream) {
      // What matches now, then each new entry (a kernel message) as it comes, until Ctrl-C: 130, as for any foreground
      // command SIGINT ends (whether journalctl 255 catches SIGINT and exits 0 is not modelled).
      env.stream({ stream: 'stderr', text: hint });
      env.stream({ stream: 'stdout', text: entries.map(format).join('') });
      let seen = matched;
      const outcome = await env.host.waitUntil(
        () => {
          const all = journal().filter(match);
          for (const e of all.slice(seen)) env.stream?.({ stream: 'stdout', text: format(e) });
          seen = Math.max(seen, all.length);
          return false;
        },
        undefined,
        env.signal,
      );
      return R('', '', outcome === 'aborted' ? 130 : 0);
    }
    if (!entries.length) return ordered('-- No entries --\n');
    return ordered(entries.map(format).join(''));
  },
};
