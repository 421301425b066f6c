/**
 * hostnamectl (systemd 255, systemd@v255:src/hostname/hostnamectl.c) on node1: `status` (the default)
 * as print_status_info lays it out (a vertical table, table_new_vertical: the fields right-aligned,
 * then ": "), from the host's state: the static hostname of /etc/hostname, a transient one when the
 * kernel's differs, /etc/machine-id, /proc/sys/kernel/random/boot_id, uname's kernel, os-release's
 * PRETTY_NAME, and the KVM guest's DMI figures (kernel/machine.ts). `hostname` and `--static`,
 * `--transient`, `--pretty` print one name (get_one_name); `hostname NAME`/`set-hostname NAME` set
 * the static and transient names as root; another user gets polkit's refusal (no agent can ask for
 * a password here: the bus error InteractiveAuthorizationRequired, as with --no-ask-password).
 */
import type { ExecResult } from '../../api.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import { HARDWARE } from '../../kernel/machine.ts';
import { getopt, type LongOpt } from '../getopt.ts';
import { strftime } from '../kit/strftime.ts';
import type { SimCommand } from '../types.ts';
import { SYSTEMD_VERSION, vertical } from './timedatectl.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** help(), printed without a terminal (no highlighting, the man page named in plain text). */
const HELP = `hostnamectl [OPTIONS...] COMMAND ...

Query or change system hostname.

Commands:
  status                 Show current hostname settings
  hostname [NAME]        Get/set system hostname
  icon-name [NAME]       Get/set icon name for host
  chassis [NAME]         Get/set chassis type for host
  deployment [NAME]      Get/set deployment environment for host
  location [NAME]        Get/set location for host

Options:
  -h --help              Show this help
     --version           Show package version
     --no-ask-password   Do not prompt for password
  -H --host=[USER@]HOST  Operate on remote host
  -M --machine=CONTAINER Operate on local container
     --transient         Only set transient hostname
     --static            Only set static hostname
     --pretty            Only set pretty hostname
     --json=pretty|short|off
                         Generate JSON output

See the hostnamectl(1) man page for details.
`;

const LONGS: LongOpt[] = ['help:h', 'version:V', 'transient:t', 'static:s', 'pretty:p', 'no-ask-password:n'].map((s) => {
  const [name, key] = s.split(':') as [string, string];
  return { name, arg: 'none', key };
});
LONGS.push({ name: 'host', arg: 'required', key: 'H' }, { name: 'machine', arg: 'required', key: 'M' }, { name: 'json', arg: 'required', key: 'j' });

/** systemd@v255:src/basic/time-util.c format_timespan with a day's accuracy (TABLE_TIMESPAN_DAY). */
function timespanDays(ms: number): string {
  const units: [string, number][] = [
    ['y', 31_557_600_000],
    ['month', 2_629_800_000],
    ['w', 604_800_000],
    ['d', 86_400_000],
  ];
  let t = ms;
  const out: string[] = [];
  for (const [suffix, size] of units) {
    if (t <= 0 || (t < 86_400_000 && out.length)) break;
    if (t < size) continue;
    out.push(`${Math.floor(t / size)}${suffix}`);
    t %= size;
  }
  return out.join(' ') || '0';
}

export const hostnamectl: SimCommand = {
  name: 'hostnamectl',
  async run(args, env) {
    const p = getopt(args, 'hH:M:', LONGS);
    // parse_argv returns -EINVAL after getopt's own message: the status is 1.
    if (!p.ok) return R('', `hostnamectl: ${p.error}\n`, 1);
    const flags = new Set(p.opts.map(([k]) => k));
    if (flags.has('h')) return R(HELP);
    if (flags.has('V')) return R(SYSTEMD_VERSION);
    if (flags.has('H') || flags.has('M') || flags.has('j'))
      return R(
        '',
        `hostnamectl ${args.find((a) => a.startsWith('-'))}: not simulated on node1 (this hostnamectl has: status, hostname, --static, --transient, --pretty)\n`,
        1,
      );
    const [verb = 'status', ...rest] = p.operands;
    const kernelName = env.host.kernel.ns(env.self.ns.uts).hostname ?? '';
    const stat = (await env.readFile('/etc/hostname').catch(() => '')).trim();
    const pick = flags.has('p') ? '' : flags.has('s') ? stat : kernelName;
    if (flags.has('p') && flags.has('s')) return R('', 'Cannot query more than one name type at a time\n', 1);
    if (verb === 'status' || verb === 'help') {
      if (verb === 'help') return R(HELP);
      // verbs.c dispatch_verb: status takes no argument.
      if (rest.length) return R('', 'Too many arguments.\n', 1);
      if (flags.has('p') || flags.has('s') || flags.has('t')) return R(`${pick}\n`);
      const id = async (path: string) => (await env.readFile(path).catch(() => '')).trim().replace(/-/g, '');
      const os = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(await env.readFile('/etc/os-release').catch(() => ''))?.[1] ?? 'Linux';
      const fx = env.host.fixture.kernel;
      const now = env.host.clock.nowMs;
      const rows: [string, string][] = [['Static hostname', stat || 'n/a']];
      if (kernelName && kernelName !== stat) rows.push(['Transient hostname', kernelName]);
      rows.push(
        ['Icon name', 'computer-vm'],
        ['Chassis', 'vm 🖴'],
        ['Machine ID', await id('/etc/machine-id')],
        ['Boot ID', await id('/proc/sys/kernel/random/boot_id')],
        ['Virtualization', 'kvm'],
        ['Operating System', os],
        ['Kernel', `Linux ${fx.release}`],
        // systemd's architecture_to_string: x86-64 with a dash.
        ['Architecture', fx.machine === 'x86_64' ? 'x86-64' : fx.machine],
        ['Hardware Vendor', HARDWARE.vendor],
        ['Hardware Model', HARDWARE.model],
        ['Firmware Version', HARDWARE.firmwareVersion],
        ['Firmware Date', strftime('%a %Y-%m-%d', HARDWARE.firmwareDateMs)],
        ['Firmware Age', timespanDays(now - HARDWARE.firmwareDateMs)],
      );
      return R(vertical(rows));
    }
    if (verb === 'hostname' || verb === 'set-hostname') {
      if (rest.length > 1 || (verb === 'set-hostname' && !rest.length)) return R('', rest.length ? 'Too many arguments.\n' : 'Too few arguments.\n', 1);
      if (!rest.length) return R(`${pick}\n`);
      const name = rest[0] as string;
      const all = !flags.has('p') && !flags.has('s') && !flags.has('t');
      // The first call (SetPrettyHostname for the implicit set) meets polkit as any user but root.
      if (env.self.euid !== 0) {
        const target = all || flags.has('p') ? 'pretty hostname' : flags.has('s') ? 'static hostname' : 'transient hostname';
        return R('', `Could not set ${target}: Interactive authentication required.\n`, 1);
      }
      if (!/^[A-Za-z0-9][A-Za-z0-9.-]{0,63}$/.test(name)) return R('', `Could not set static hostname: Invalid static hostname '${name}'\n`, 1);
      if (all || flags.has('s')) await env.fs.writeFile('/etc/hostname', `${name}\n`);
      if ((all || flags.has('t')) && hasCap(env.self.caps, 'sys_admin')) env.host.kernel.ns(env.self.ns.uts).hostname = name;
      return R('');
    }
    if (['icon-name', 'chassis', 'deployment', 'location'].includes(verb) && !rest.length)
      return R(verb === 'icon-name' ? 'computer-vm\n' : verb === 'chassis' ? 'vm\n' : '\n');
    // verbs.c: "Unknown command verb '%s'." (log_error, status 1).
    return R('', `Unknown command verb '${verb}'.\n`, 1);
  },
};
