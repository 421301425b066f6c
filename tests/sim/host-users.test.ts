import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { HOST_GROUP, HOST_PASSWD, HOST_SHADOW } from '../../src/sim/fs/hostusers.ts';

// node1's user database: an Ubuntu 24.04 cloud image with docker-ce (src/sim/fs/hostusers.ts).
describe("node1's users and groups (#10)", { timeout: 60_000 }, () => {
  it('has base-passwd, the packages’ system users and groups, docker and ubuntu; ids unique', () => {
    const pw = HOST_PASSWD.trim()
      .split('\n')
      .map((l) => l.split(':'));
    const gr = HOST_GROUP.trim()
      .split('\n')
      .map((l) => l.split(':'));
    expect(pw.map((r) => r[0])).toEqual(
      expect.arrayContaining(['root', 'www-data', '_apt', 'nobody', 'systemd-network', 'syslog', 'sshd', 'polkitd', 'ubuntu']),
    );
    expect(new Set(pw.map((r) => r[2])).size).toBe(pw.length);
    expect(new Set(gr.map((r) => r[2])).size).toBe(gr.length);
    // Every passwd entry's group exists; every shadow line matches a passwd one.
    for (const r of pw) expect(gr.some((g) => g[2] === r[3])).toBe(true);
    expect(
      HOST_SHADOW.trim()
        .split('\n')
        .map((l) => l.split(':')[0]),
    ).toEqual(pw.map((r) => r[0]));
    expect(gr.find((g) => g[2] === '65534')?.[0]).toBe('nogroup');
    expect(gr.find((g) => g[0] === 'docker')?.[2]).toBe('988');
    // The ids the fixture's processes already run as.
    for (const [name, uid] of [
      ['systemd-network', '998'],
      ['systemd-timesync', '996'],
      ['systemd-resolve', '991'],
      ['messagebus', '101'],
      ['ubuntu', '1000'],
    ])
      expect(pw.find((r) => r[0] === name)?.[2]).toBe(uid);
  });

  it('shadow files are root:shadow 0640: ubuntu is refused, group shadow reads', async () => {
    const w = createWorld();
    expect((await w.exec('stat -c "%a %U:%G" /etc/shadow /etc/gshadow')).stdout).toBe('640 root:shadow\n640 root:shadow\n');
    expect(await w.exec("su ubuntu -c 'cat /etc/shadow'")).toMatchObject({ stdout: '', stderr: 'cat: /etc/shadow: Permission denied\n', exitCode: 1 });
    expect((await w.exec('sudo -u ubuntu -g shadow cat /etc/shadow')).stdout).toBe(HOST_SHADOW);
    expect((await w.exec('cat /etc/shadow')).stdout).toBe(HOST_SHADOW);
  });

  it('su and sudo give the target its groups (initgroups); id names them from /etc/group', async () => {
    const w = createWorld();
    const ubuntu = 'uid=1000(ubuntu) gid=1000(ubuntu) groups=1000(ubuntu),4(adm),24(cdrom),27(sudo),30(dip),106(lxd)\n';
    expect((await w.exec('su ubuntu -c id')).stdout).toBe(ubuntu);
    expect((await w.exec('sudo -u ubuntu id')).stdout).toBe(ubuntu);
    expect((await w.exec('sudo -u ubuntu -P id')).stdout).toBe('uid=1000(ubuntu) gid=1000(ubuntu) groups=1000(ubuntu),0(root)\n');
    expect((await w.exec('sudo -g docker id')).stdout).toBe('uid=0(root) gid=988(docker) groups=988(docker),0(root)\n');
    expect((await w.exec('sudo -u ubuntu unshare -r id')).stdout).toBe('uid=0(root) gid=0(root) groups=0(root),65534(nogroup)\n');
    expect((await w.exec('id nobody')).stdout).toBe('uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n');
  });
});
