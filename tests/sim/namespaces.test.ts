import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh, world } from './helpers.ts';

const HOST_NS = 'lrwxrwxrwx 1 root root 0 Sep 16 11:45';

describe('namespaces (L2, L3)', () => {
  it('lists the ten ns links of a process, quoted as on a terminal', async () => {
    const w = createWorld();
    const out = (await sh(w, 'ls -l /proc/self/ns')).out;
    expect(out.split('\n')[0]).toBe('total 0');
    expect(out.split('\n')[1]).toBe(`${HOST_NS} cgroup -> 'cgroup:[4026531835]'`);
    expect(out.trim().split('\n')).toHaveLength(11);
    expect((await sh(w, 'ls /proc/self/ns | wc -l')).out).toBe('10\n');
    expect((await sh(w, 'readlink /proc/self/ns/uts /proc/self/ns/time /proc/self/ns/mnt /proc/self/ns/net')).out).toBe(
      'uts:[4026531838]\ntime:[4026531834]\nmnt:[4026531841]\nnet:[4026531840]\n',
    );
  });

  it('lsns shows the eight host namespaces', async () => {
    const out = (await sh(createWorld(), 'lsns')).out.split('\n');
    expect(out[0]).toBe('        NS TYPE   NPROCS PID USER COMMAND');
    expect(out[1]).toBe('4026531834 time      142   1 root /sbin/init');
    expect(out.filter(Boolean)).toHaveLength(9);
  });

  it('unshare needs CAP_SYS_ADMIN; sudo unshare --uts isolates the hostname', async () => {
    const w = createWorld();
    expect((await sh(w, 'sudo -u ubuntu unshare --uts --fork bash')).out).toBe('unshare: unshare failed: Operation not permitted\n');
    await sh(w, 'sudo unshare --uts --fork bash');
    await sh(w, 'hostname container1');
    expect((await sh(w, 'hostname')).out).toBe('container1\n');
    expect((await sh(w, 'readlink /proc/self/ns/uts')).out).toBe('uts:[4026532177]\n');
    expect((await sh(w, 'exit')).out).toBe('exit\n');
    expect((await sh(w, 'hostname')).out).toBe('node1\n');
    expect(w.snapshot().hostname).toBe('node1');
  });

  it('a new net namespace has only lo, down', async () => {
    const w = createWorld();
    expect((await sh(w, 'sudo unshare --net ip link')).out).toBe(
      '1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n',
    );
  });

  it('sees the container from the host: NSpid, nsenter -u/-n, lsns -p', async () => {
    const w = await world([]);
    await sh(w, 'docker run -d --name kubia-container -p 8080:8080 kubia 2>/dev/null');
    expect((await sh(w, 'grep NSpid /proc/23827/status')).out).toBe('NSpid:\t23827\t1\n');
    expect((await sh(w, 'sudo nsenter -t 23827 -u hostname')).out).toBe('2cecb6b0fd74\n');
    expect((await sh(w, 'sudo nsenter -t 23827 -n ip -4 addr show eth0')).out).toBe(
      '6: eth0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\n       valid_lft forever preferred_lft forever\n',
    );
    const lsns = (await sh(w, 'sudo lsns -p 23827')).out.split('\n');
    expect(lsns.slice(1, 3).map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual(['4026531834 time', '4026531837 user']);
    expect(
      lsns
        .slice(3)
        .filter(Boolean)
        .every((l) => /^40265321\d\d \w+ +1 23827 root node app\.js$/.test(l)),
    ).toBe(true);
  });

  it('docker exec joins the namespaces: PID 19 inside is a host PID whose NSpid ends in 19', async () => {
    const w = await world([]);
    await sh(w, 'docker run -d --name kubia kubia 2>/dev/null');
    await sh(w, 'docker exec -it kubia bash');
    expect(w.prompt()).toBe('root@2cecb6b0fd74:/# ');
    expect((await sh(w, 'ps -o pid,cmd')).out).toBe('  PID CMD\n   19 bash\n   20 ps -o pid,cmd\n');
    const bash = w.snapshot().processes.find((p) => p.nspid[1] === 19)!;
    expect(bash.nspid).toEqual([23830, 19]);
    expect((await sh(w, 'grep NSpid /proc/19/status')).out).toBe('NSpid:\t19\n');
    await sh(w, 'exit');
    expect(w.snapshot().processes.some((p) => p.pid === 23830)).toBe(false);
  });
});

describe('user namespaces', () => {
  it('an unprivileged user gets every capability inside a new user namespace', async () => {
    const w = createWorld();
    // Every group unmapped reads 65534; id's mgetgroups drops the repeats. -r maps the caller's own gid only.
    expect((await sh(w, 'sudo -u ubuntu unshare --user id')).out).toBe('uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n');
    expect((await sh(w, 'sudo -u ubuntu unshare -r id')).out).toBe('uid=0(root) gid=0(root) groups=0(root),65534(nogroup)\n');
    expect((await sh(w, 'sudo -u ubuntu unshare -r cat /proc/self/uid_map')).out).toBe('         0       1000          1\n');
    expect((await sh(w, 'sudo -u ubuntu unshare -r --uts sh -c "hostname x; hostname"')).out).toBe('x\n');
    expect((await sh(w, 'hostname')).out).toBe('node1\n');
  });
});

describe('lsns columns and per-namespace sysctls', () => {
  it('prints chosen columns and keeps net sysctls per namespace', async () => {
    const w = createWorld();
    expect((await sh(w, 'lsns -t net -o NS,TYPE,PATH')).out).toBe('        NS TYPE PATH\n4026531840 net  /proc/1/ns/net\n');
    expect((await sh(w, 'lsns -o NS,NOPE')).out).toBe('lsns: unknown column: NOPE\n');
    expect(
      (await sh(w, 'sudo unshare --net sh -c "sysctl -w net.ipv4.ip_unprivileged_port_start=80 >/dev/null; sysctl net.ipv4.ip_unprivileged_port_start"')).out,
    ).toBe('net.ipv4.ip_unprivileged_port_start = 80\n');
    expect((await sh(w, 'sysctl net.ipv4.ip_unprivileged_port_start')).out).toBe('net.ipv4.ip_unprivileged_port_start = 1024\n');
  });
});
