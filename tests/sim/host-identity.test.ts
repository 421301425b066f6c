import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

describe('node1 answers as Ubuntu 24.04 would (issue 10)', () => {
  it('forwards IPv4 since dockerd started, and a new network namespace copies init_net', async () => {
    const w = createWorld();
    // moby@v27.3.1:libnetwork/drivers/bridge/setup_ip_forwarding.go writes 1 to /proc/sys/net/ipv4/ip_forward.
    expect((await sh(w, 'cat /proc/sys/net/ipv4/ip_forward')).out).toBe('1\n');
    // linux@v6.8:net/ipv4/devinet.c devinet_init_net: devconf_inherit_init_net 0 copies init_net's devconf_all.
    expect((await sh(w, 'unshare -n sysctl net.ipv4.ip_forward')).out).toBe('net.ipv4.ip_forward = 1\n');
    await sh(w, 'sysctl -w net.ipv4.ip_forward=0');
    expect((await sh(w, 'unshare -n sysctl -n net.ipv4.ip_forward')).out).toBe('0\n');
    // devinet_sysctl_forward → inet_forward_change: writing ip_forward sets default and every device.
    expect((await sh(w, 'sysctl -n net.ipv4.conf.default.forwarding net.ipv4.conf.docker0.forwarding')).out).toBe('0\n0\n');
  });

  it('speaks procps-ng 4.0.4 sysctl: cannot stat, one failure per key, invalid syntax', async () => {
    const w = createWorld();
    // procps-ng@v4.0.4:src/sysctl.c ReadSetting: xwarn(_("cannot stat %s"), tmpname); ReturnCode += ReadSetting().
    const r = await w.exec('sysctl a.b c.d');
    expect(r.stderr).toBe('sysctl: cannot stat /proc/sys/a/b: No such file or directory\nsysctl: cannot stat /proc/sys/c/d: No such file or directory\n');
    expect(r.exitCode).toBe(2);
    // parse_setting_line: xwarnx(_("%s(%d): invalid syntax, continuing..."), "command line", 0).
    expect((await w.exec('sysctl -w foo')).stderr).toBe('sysctl: command line(0): invalid syntax, continuing...\n');
  });

  it('keeps a container read-only under /proc/sys, in busybox wording', async () => {
    const w = createWorld();
    // busybox@1_36_1:procps/sysctl.c bb_perror_msg("error %sing key '%s'", "sett", …) with EROFS.
    const r = await w.exec('docker run --rm alpine sysctl -w net.ipv4.ip_forward=0');
    expect(r.stderr).toContain("sysctl: error setting key 'net.ipv4.ip_forward': Read-only file system\n");
    expect((await w.exec('docker run --rm --sysctl net.ipv4.ip_forward=0 alpine sysctl -n net.ipv4.ip_forward net.ipv4.conf.all.forwarding')).stdout).toBe(
      '0\n0\n',
    );
  });

  it('hostname -I lists every address of the UP interfaces but lo, -i the /etc/hosts entry', async () => {
    const w = createWorld();
    expect((await sh(w, 'hostname -I')).out).toBe('10.0.0.11 172.17.0.1 10.244.0.0 10.244.0.1 \n');
    expect((await sh(w, 'hostname -i')).out).toBe('127.0.1.1 \n');
    // busybox@1_36_1:networking/hostname.c: printf("%s ", inet_ntoa(…)) per address.
    expect((await w.exec('docker run --rm alpine hostname -i')).stdout.endsWith('172.17.0.2 \n')).toBe(true);
  });

  it('has merged /usr: /bin is a link to usr/bin, docker lives in /usr/bin', async () => {
    const w = createWorld();
    expect((await sh(w, 'readlink /bin /sbin')).out).toBe('usr/bin\nusr/sbin\n');
    expect((await sh(w, 'which docker')).out).toBe('/usr/bin/docker\n');
    expect((await sh(w, 'ls /bin | grep -c __cc')).out).toBe('0\n');
  });

  it('uptime, who and w agree with ps: one session, root on pts/0', async () => {
    const w = createWorld();
    // procps-ng@v4.0.4:library/uptime.c procps_uptime_sprint: "%2d:%02d, " then "%2d " users.
    expect((await sh(w, 'uptime')).out).toMatch(/^ 11:4\d:\d\d up  3:3\d,  1 user,  load average: 0\.08, 0\.03, 0\.01\n$/);
    // coreutils@v9.4:src/who.c print_line "%-8.*s%s %-12.*s %-*s…", trailing spaces removed.
    expect((await sh(w, 'who')).out).toBe('root     pts/0        2024-09-16 11:44 (10.0.0.1)\n');
    expect((await sh(w, 'w -h')).out).toBe('root     pts/0    10.0.0.1         11:44    0.00s  0.00s   ?    w -h\n');
  });

  it('ss lays out its columns as iproute2 6.1.0 does when piped (compact)', async () => {
    const w = createWorld();
    // iproute2@v6.1.0:misc/ss.c render_calc_width: not a terminal, so each column is its widest token plus its delimiter.
    expect((await sh(w, 'ss -tln | cat')).out).toBe(
      'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n' +
        'LISTEN 0      4096      127.0.0.54:53        0.0.0.0:*          \n' +
        'LISTEN 0      4096   127.0.0.53%lo:53        0.0.0.0:*          \n' +
        'LISTEN 0      128          0.0.0.0:22        0.0.0.0:*          \n' +
        'LISTEN 0      128             [::]:22           [::]:*          \n',
    );
  });
});
