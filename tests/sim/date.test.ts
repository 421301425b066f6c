import { describe, expect, it } from 'vitest';
import { strftime } from '../../src/sim/shell/kit/strftime.ts';
import { sh, world } from './helpers.ts';

// 2024-09-16 11:45:03.250 UTC, a Monday (ISO week 38, day 260).
const T = Date.UTC(2024, 8, 16, 11, 45, 3, 250);

describe('strftime (gnulib nstrftime as GNU date uses it; musl under busybox date)', () => {
  it('formats the common conversions in the C locale, UTC', () => {
    expect(strftime('%a %A %b %B %d %e %H %I %j %m %M %p %S %u %w %y %Y %Z %z', T)).toBe(
      'Mon Monday Sep September 16 16 11 11 260 09 45 AM 03 1 1 24 2024 UTC +0000',
    );
    expect(strftime('%F %T %D %R %r %c %s %V %G %U %W %C %h %n%t%%', T)).toBe(
      '2024-09-16 11:45:03 09/16/24 11:45 11:45:03 AM Mon Sep 16 11:45:03 2024 1726487103 38 2024 37 38 20 Sep \n\t%',
    );
  });
  it('takes GNU flags, widths, colons and %N precision; copies an unknown conversion', () => {
    expect(strftime('%-d %_m %05Y %^a %#b %#Z %#p %:z %::z %:::z %N %3N %P %k %l %q %Q', T)).toBe(
      '16  9 02024 MON SEP utc am +00:00 +00:00:00 +00 250000000 250 am 11 11 3 %Q',
    );
  });
  it('musl: no ^ flag or %P; an unknown conversion ends the output', () => {
    expect(strftime('%-d %_m %F %T x%Py', T, 'musl')).toBe('16  9 2024-09-16 11:45:03 x');
  });
});

describe('date on node1 (coreutils 9.4 src/date.c) and in alpine (busybox 1.36 coreutils/date.c)', () => {
  it('node1: +FORMAT, -u, -R, -I, --rfc-3339, -d, errors', async () => {
    const w = await world([]);
    const now = Date.parse((await sh(w, 'date -u +%Y-%m-%dT%H:%M:%SZ')).out.trim());
    expect(new Date(now).toISOString().slice(0, 19)).toMatch(/^2024-09-16T11:45:\d\d$/);
    expect((await sh(w, 'date +%T')).out).toMatch(/^11:45:\d\d\n$/);
    expect((await sh(w, 'date +%s')).out).toMatch(/^17264871\d\d\n$/);
    expect((await sh(w, 'date -R')).out).toMatch(/^Mon, 16 Sep 2024 11:45:\d\d \+0000\n$/);
    expect((await sh(w, 'date -I')).out).toBe('2024-09-16\n');
    expect((await sh(w, 'date -Iseconds')).out).toMatch(/^2024-09-16T11:45:\d\d\+00:00\n$/);
    expect((await sh(w, 'date -Ih')).out).toBe('2024-09-16T11+00:00\n');
    expect((await sh(w, 'date --rfc-3339=date')).out).toBe('2024-09-16\n');
    expect((await sh(w, 'date -d @0')).out).toBe('Thu Jan  1 00:00:00 UTC 1970\n');
    expect((await sh(w, "date -d '2024-01-02 03:04:05' +%s")).out).toBe('1704164645\n');
    expect((await sh(w, "date -d '2 days ago' +%F")).out).toBe('2024-09-14\n');
    expect((await sh(w, 'date -d tomorrow +%A')).out).toBe('Tuesday\n');
    // coreutils@v9.4:src/date.c: "invalid date %s", argmatch's "invalid argument", "extra operand", "multiple output formats specified".
    expect(await sh(w, 'date -d foo')).toMatchObject({ out: 'date: invalid date ‘foo’\n', exitCode: 1 });
    expect((await sh(w, 'date -Ix')).out).toBe(
      "date: invalid argument ‘x’ for ‘--iso-8601’\nValid arguments are:\n  - ‘hours’\n  - ‘minutes’\n  - ‘date’\n  - ‘seconds’\n  - ‘ns’\nTry 'date --help' for more information.\n",
    );
    expect(await sh(w, 'date a b')).toMatchObject({ out: "date: extra operand ‘b’\nTry 'date --help' for more information.\n", exitCode: 1 });
    expect(await sh(w, 'date -R +%s')).toMatchObject({ out: 'date: multiple output formats specified\n', exitCode: 1 });
    expect(await sh(w, 'date -x')).toMatchObject({ out: "date: invalid option -- 'x'\nTry 'date --help' for more information.\n", exitCode: 1 });
    expect((await sh(w, 'date -d @0 1200')).out).toBe(
      "date: the argument ‘1200’ lacks a leading '+';\nwhen using an option to specify date(s), any non-option\nargument must be a format string beginning with '+'\nTry 'date --help' for more information.\n",
    );
  });

  it('alpine: +FMT with %N, -R, -I, -d @N; busybox wording for errors', async () => {
    const w = await world(['alpine']);
    expect((await sh(w, 'docker run --rm alpine date +%H:%M')).out).toBe('11:45\n');
    expect((await sh(w, 'docker run --rm alpine date -d @86400 -R')).out).toBe('Fri, 02 Jan 1970 00:00:00 +0000\n');
    expect((await sh(w, 'docker run --rm alpine date -d @86400 -Iseconds')).out).toBe('1970-01-02T00:00:00+00:00\n');
    expect((await sh(w, 'docker run --rm alpine date -d @86400 +%s.%3N')).out).toBe('86400.000\n');
    expect((await sh(w, "docker run --rm alpine date -d '2024-01-02 03:04' +%c")).out).toBe('Tue Jan  2 03:04:00 2024\n');
    // busybox@1_36_1:libbb/messages.c bb_msg_invalid_date; musl getopt's "unrecognized option: x", then the usage.
    expect(await sh(w, 'docker run --rm alpine date -d foo')).toMatchObject({ out: "date: invalid date 'foo'\n", exitCode: 1 });
    const bad = await sh(w, 'docker run --rm alpine date -x');
    expect(bad.exitCode).toBe(1);
    expect(bad.out).toMatch(/^date: unrecognized option: x\nBusyBox v1\.36\.1 .*\n\nUsage: date \[OPTIONS\] \[\+FMT\] \[\[-s\] TIME\]\n/);
  });
});
