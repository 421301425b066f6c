/**
 * timedatectl (systemd 255, Ubuntu 24.04) on node1: `status` (the default) and `show`, from
 * systemd-timedated's properties as a cloud VM has them: time zone Etc/UTC, the RTC in UTC,
 * systemd-timesyncd active and synchronised. Layout: systemd@v255:src/timedate/timedatectl.c
 * print_status_info (a vertical table: field names right-aligned, then ": "; strftime "%a %Y-%m-%d
 * %H:%M:%S %Z"; TABLE_BOOLEAN as yes/no) and `show`'s bus_print_all_properties (NAME=VALUE in the
 * interface's order, booleans yes/no, usec timestamps as format_timestamp prints them).
 */
import type { ExecResult } from '../../api.ts';
import { strftime } from '../kit/strftime.ts';
import type { SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** A vertical table: the fields right-aligned to the longest, each followed by ": " and its value. */
export function vertical(rows: [string, string][]): string {
  const w = Math.max(...rows.map(([k]) => k.length + 1));
  return rows.map(([k, v]) => `${`${k}:`.padStart(w)} ${v}\n`).join('');
}

/** help() (systemd 255's timedatectl.c, as printed without a terminal: no highlighting, the man page named in plain text). */
const HELP = `timedatectl [OPTIONS...] COMMAND ...

Query or change system time and date settings.

Commands:
  status                   Show current time settings
  show                     Show properties of systemd-timedated
  set-time TIME            Set system time
  set-timezone ZONE        Set system time zone
  list-timezones           Show known time zones
  set-local-rtc BOOL       Control whether RTC is in local time
  set-ntp BOOL             Enable or disable network time synchronization

systemd-timesyncd Commands:
  timesync-status          Show status of systemd-timesyncd
  show-timesync            Show properties of systemd-timesyncd
  ntp-servers INTERFACE SERVER…
                           Set the interface specific NTP servers
  revert INTERFACE         Revert the interface specific NTP servers

Options:
  -h --help                Show this help message
     --version             Show package version
     --no-pager            Do not pipe output into a pager
     --no-ask-password     Do not prompt for password
  -H --host=[USER@]HOST    Operate on remote host
  -M --machine=CONTAINER   Operate on local container
     --adjust-system-clock Adjust system clock when changing local RTC mode
     --monitor             Monitor status of systemd-timesyncd
  -p --property=NAME       Show only properties by this name
  -a --all                 Show all properties, including empty ones
     --value               When showing properties, only print the value
  -P NAME                  Equivalent to --value --property=NAME

See the timedatectl(1) man page for details.
`;

/** systemctl --version's text: systemd 255 as Ubuntu 24.04 builds it. */
export const SYSTEMD_VERSION =
  'systemd 255 (255.4-1ubuntu8.4)\n+PAM +AUDIT +SELINUX +APPARMOR +IMA +SMACK +SECCOMP +GCRYPT -GNUTLS +OPENSSL +ACL +BLKID +CURL +ELFUTILS +FIDO2 +IDN2 -IDN +IPTC +KMOD +LIBCRYPTSETUP +LIBFDISK +PCRE2 -PWQUALITY +P11KIT +QRENCODE +TPM2 +BZIP2 +LZ4 +XZ +ZLIB +ZSTD -BPF_FRAMEWORK -XKBCOMMON +UTMP +SYSVINIT default-hierarchy=unified\n';

export const timedatectl: SimCommand = {
  name: 'timedatectl',
  async run(args, env) {
    // parse_argv: --help and --version act at once, in the order given.
    for (const a of args) {
      if (a === '-h' || a === '--help') return R(HELP);
      if (a === '--version') return R(SYSTEMD_VERSION);
    }
    if (args[0] === 'help') return R(HELP);
    const ops = args.filter((a) => !a.startsWith('-'));
    const flags = args.filter((a) => a.startsWith('-') && a !== '--no-pager' && a !== '--no-ask-password');
    const verb = ops[0] ?? 'status';
    if (flags.length || (verb !== 'status' && verb !== 'show')) {
      // Not timedatectl's words: the simulated host's clock is the course's, not set from here.
      return R('', `timedatectl ${flags[0] ?? verb}: not simulated on node1 (this timedatectl has: status, show)\n`, 1);
    }
    // verbs.c dispatch_verb: status and show take no arguments.
    if (ops.length > 1) return R('', 'Too many arguments.\n', 1);
    const ms = Math.floor(env.host.clock.nowMs / 1000) * 1000;
    if (verb === 'show') {
      const ts = strftime('%a %Y-%m-%d %H:%M:%S UTC', ms);
      return R(`Timezone=Etc/UTC\nLocalRTC=no\nCanNTP=yes\nNTP=yes\nNTPSynchronized=yes\nTimeUSec=${ts}\nRTCTimeUSec=${ts}\n`);
    }
    return R(
      vertical([
        ['Local time', strftime('%a %Y-%m-%d %H:%M:%S %Z', ms)],
        ['Universal time', strftime('%a %Y-%m-%d %H:%M:%S UTC', ms)],
        ['RTC time', strftime('%a %Y-%m-%d %H:%M:%S', ms)],
        ['Time zone', `Etc/UTC (${strftime('%Z, %z', ms)})`],
        ['System clock synchronized', 'yes'],
        ['NTP service', 'active'],
        ['RTC in local TZ', 'no'],
      ]),
    );
  },
};
