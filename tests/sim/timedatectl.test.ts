import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';

describe('timedatectl (systemd 255) on node1 (#10)', { timeout: 60_000 }, () => {
  it('status: the vertical table of timedatectl.c print_status_info, at the simulated clock', async () => {
    const w = createWorld();
    const now = (await w.exec('date "+%a %Y-%m-%d %H:%M"')).stdout.trim();
    const r = await w.exec('timedatectl');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^ {15}Local time: ${now}:\\d\\d UTC$`));
    expect(lines[1]).toMatch(new RegExp(`^ {11}Universal time: ${now}:\\d\\d UTC$`));
    expect(lines[2]).toMatch(new RegExp(`^ {17}RTC time: ${now}:\\d\\d$`));
    expect(lines.slice(3).join('\n')).toBe(
      '                Time zone: Etc/UTC (UTC, +0000)\nSystem clock synchronized: yes\n              NTP service: active\n          RTC in local TZ: no\n',
    );
  });

  it('show: the properties as NAME=VALUE; other verbs say they are not simulated', async () => {
    const w = createWorld();
    const s = (await w.exec('timedatectl show')).stdout;
    expect(s).toMatch(
      /^Timezone=Etc\/UTC\nLocalRTC=no\nCanNTP=yes\nNTP=yes\nNTPSynchronized=yes\nTimeUSec=Mon 2024-09-16 11:45:\d\d UTC\nRTCTimeUSec=Mon 2024-09-16 11:45:\d\d UTC\n$/,
    );
    expect(await w.exec('timedatectl status now')).toMatchObject({ stderr: 'Too many arguments.\n', exitCode: 1 });
    const help = (await w.exec('timedatectl --help')).stdout;
    expect(help.startsWith('timedatectl [OPTIONS...] COMMAND ...\n\nQuery or change system time and date settings.\n')).toBe(true);
    expect(help.endsWith('  -P NAME                  Equivalent to --value --property=NAME\n\nSee the timedatectl(1) man page for details.\n')).toBe(true);
    expect(await w.exec('timedatectl set-ntp false')).toMatchObject({
      stderr: 'timedatectl set-ntp: not simulated on node1 (this timedatectl has: status, show)\n',
      exitCode: 1,
    });
  });
});
