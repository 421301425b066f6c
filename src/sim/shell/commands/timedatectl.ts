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
function vertical(rows: [string, string][]): string {
  const w = Math.max(...rows.map(([k]) => k.length + 1));
  return rows.map(([k, v]) => `${`${k}:`.padStart(w)} ${v}\n`).join('');
}

export const timedatectl: SimCommand = {
  name: 'timedatectl',
  async run(args, env) {
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
