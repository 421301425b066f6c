/**
 * Ubuntu 24.04's merged /usr: sysctl, capsh and getpcaps live in /usr/sbin, ip in /usr/bin with a /usr/sbin link
 * (src/sim/shell/usrsbin.ts), and `readlink` as coreutils 9.4 (src/readlink.c) and busybox 1.36 read links (#10).
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh, world } from './helpers.ts';

describe('/usr/sbin on node1 (#10)', () => {
  it('which and type find the PATH order /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin, and the programs run from there', async () => {
    const w = createWorld();
    expect((await sh(w, 'which sysctl ip capsh getpcaps ss ls')).out).toBe(
      '/usr/sbin/sysctl\n/usr/sbin/ip\n/usr/sbin/capsh\n/usr/sbin/getpcaps\n/usr/bin/ss\n/usr/bin/ls\n',
    );
    expect((await sh(w, 'type sysctl')).out).toBe('sysctl is /usr/sbin/sysctl\n');
    expect((await sh(w, 'sysctl net.ipv4.ip_forward')).out).toBe('net.ipv4.ip_forward = 1\n');
    expect((await sh(w, '/usr/sbin/ip -br link show lo')).out).toBe('lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> \n');
    expect((await sh(w, 'getpcaps 1')).out).toBe('1: =ep\n');
    expect((await sh(w, 'ls -1 /usr/sbin')).out).toBe(
      'bridge\ncapsh\nchroot\ngetcap\ngetpcaps\nip\niptables\niptables-save\nlsmod\nmodprobe\nnft\nservice\nsetcap\nsysctl\n',
    );
    expect((await sh(w, 'readlink /usr/sbin/ip')).out).toBe('../bin/ip\n');
  });
});

describe('readlink (#10)', () => {
  it('coreutils 9.4: -f/-e/-m follow every component; plain readlink reads one link; errors only with -v', async () => {
    const w = createWorld();
    expect((await sh(w, 'readlink -f /bin/ls')).out).toBe('/usr/bin/ls\n');
    expect((await sh(w, 'readlink -f /sbin/sysctl /usr/sbin/ip')).out).toBe('/usr/sbin/sysctl\n/usr/bin/ip\n');
    // `..` applies after the link: /bin/.. is /usr, and /usr/etc/hostname does not exist.
    expect(await sh(w, 'readlink -e /bin/../etc/hostname')).toMatchObject({ out: '', exitCode: 1 });
    expect((await sh(w, 'readlink -e /etc/../etc/hostname')).out).toBe('/etc/hostname\n');
    expect((await sh(w, 'cd /tmp; readlink -f ../bin/nothere')).out).toBe('/usr/bin/nothere\n');
    expect(await sh(w, 'readlink -e /nope/x')).toMatchObject({ out: '', exitCode: 1 });
    expect(await sh(w, 'readlink -f /nope/x')).toMatchObject({ out: '', exitCode: 1 });
    expect((await sh(w, 'readlink -m /nope/x/../y')).out).toBe('/nope/y\n');
    expect((await sh(w, 'readlink /bin')).out).toBe('usr/bin\n');
    expect(await sh(w, 'readlink /etc/hostname')).toMatchObject({ out: '', exitCode: 1 });
    expect((await sh(w, 'readlink -v /etc/hostname /nope')).out).toBe(
      'readlink: /etc/hostname: Invalid argument\nreadlink: /nope: No such file or directory\n',
    );
    expect((await sh(w, 'readlink -n /bin /sbin')).out).toBe('readlink: ignoring --no-newline with multiple arguments\nusr/bin\nusr/sbin\n');
    expect((await sh(w, 'readlink')).out).toBe("readlink: missing operand\nTry 'readlink --help' for more information.\n");
    expect((await sh(w, 'readlink -x /bin')).out).toBe("readlink: invalid option -- 'x'\nTry 'readlink --help' for more information.\n");
  });

  it('busybox 1.36 in alpine: [-fnv] FILE', async () => {
    const w = await world(['alpine']);
    expect((await sh(w, 'docker run --rm alpine readlink -f /bin/ls')).out).toBe('/bin/busybox\n');
    const bad = await sh(w, 'docker run --rm alpine readlink -e /x');
    expect(bad.out).toBe(
      "readlink: invalid option -- 'e'\nBusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: readlink [-fnv] FILE\n\nDisplay the value of a symlink\n\n\t-f\tCanonicalize by following all symlinks\n\t-n\tDon't add newline\n\t-v\tVerbose\n",
    );
    expect(bad.exitCode).toBe(1);
  });
});
