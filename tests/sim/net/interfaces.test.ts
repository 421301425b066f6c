import { describe, expect, it } from 'vitest';
import { netWorld, sh } from './helpers.ts';

const LO_BUSYBOX =
  '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' +
  '    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n    inet6 ::1/128 scope host \n       valid_lft forever preferred_lft forever\n';

describe('network namespaces: none, bridge, host (busybox and iproute2 wording)', () => {
  it('--network none has only loopback', async () => {
    const w = await netWorld(['alpine']);
    expect((await sh(w, 'docker run --rm --network none alpine ip addr')).out).toBe(LO_BUSYBOX);
  });

  it('bridge: eth0@if7 is ifindex 6, its host peer veth@if6 is 7 and enslaved to docker0; MAC from the IP', async () => {
    const w = await netWorld(['alpine']);
    await sh(w, 'docker run -d --name box alpine sleep 3600');
    expect((await sh(w, 'docker exec box ip addr')).out).toBe(
      `${LO_BUSYBOX}6: eth0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP \n    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff\n` +
        '    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\n       valid_lft forever preferred_lft forever\n',
    );
    const host = (await sh(w, 'ip link show master docker0')).out;
    expect(host).toMatch(
      /^7: veth[0-9a-f]{7}@if6: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP mode DEFAULT group default \n    link\/ether ([0-9a-f]{2}:){5}[0-9a-f]{2} brd ff:ff:ff:ff:ff:ff link-netnsid 0\n$/,
    );
    // The same pair seen with iproute2 from the host, inside the container's namespace.
    expect((await sh(w, 'sudo nsenter -t 23817 -n ip link show eth0')).out).toBe(
      '6: eth0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default \n    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff link-netnsid 0\n',
    );
    expect((await sh(w, 'docker exec box ip route')).out).toBe('default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 scope link  src 172.17.0.2 \n');
    expect((await sh(w, 'sudo nsenter -t 23817 -n ip route')).out).toBe(
      'default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.2 \n',
    );
  });

  it('ifindex numbers are never reused and the veth disappears with the container', async () => {
    const w = await netWorld(['alpine']);
    await sh(w, 'docker run --rm alpine true');
    expect((await sh(w, 'ip link show master docker0')).out).toBe('');
    await sh(w, 'docker run -d --name box alpine sleep 3600');
    expect((await sh(w, 'docker exec box ip -4 addr show eth0')).out).toBe(
      '8: eth0@if9: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP \n    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\n       valid_lft forever preferred_lft forever\n',
    );
    expect((await sh(w, 'ip -4 addr show docker0')).out).toBe(
      '3: docker0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0\n       valid_lft forever preferred_lft forever\n',
    );
    await sh(w, 'docker rm -f box');
    expect((await sh(w, 'ip link show master docker0')).out).toBe('');
    expect((await sh(w, 'ip link show docker0')).out).toMatch(
      /^3: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default \n/,
    );
  });

  it('the host: ens3 with its altname, docker0 down until a container joins, the routing table', async () => {
    const w = await netWorld([]);
    expect((await sh(w, 'ip -4 addr')).out).toBe(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n' +
        '2: ens3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000\n    inet 10.0.0.11/24 brd 10.0.0.255 scope global ens3\n       valid_lft forever preferred_lft forever\n' +
        '3: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN group default \n    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0\n       valid_lft forever preferred_lft forever\n' +
        '4: flannel.1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UNKNOWN group default \n    inet 10.244.0.0/32 scope global flannel.1\n       valid_lft forever preferred_lft forever\n' +
        '5: cni0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1450 qdisc noqueue state DOWN group default \n    inet 10.244.0.1/24 brd 10.244.0.255 scope global cni0\n       valid_lft forever preferred_lft forever\n',
    );
    expect((await sh(w, 'ip link show ens3')).out).toBe(
      '2: ens3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP mode DEFAULT group default qlen 1000\n    link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff\n    altname enp0s3\n',
    );
    expect((await sh(w, 'ip route')).out).toBe(
      'default via 10.0.0.1 dev ens3 proto static \n10.0.0.0/24 dev ens3 proto kernel scope link src 10.0.0.11 \n' +
        '10.244.0.0/24 dev cni0 proto kernel scope link src 10.244.0.1 linkdown \n172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 linkdown \n',
    );
    expect((await sh(w, 'ip -br a')).out).toBe(
      'lo               UNKNOWN        127.0.0.1/8 ::1/128 \nens3             UP             10.0.0.11/24 fe80::5054:ff:fe12:3456/64 \n' +
        'docker0          DOWN           172.17.0.1/16 \nflannel.1        UNKNOWN        10.244.0.0/32 fe80::6c1f:9aff:fe3c:2b11/64 \ncni0             DOWN           10.244.0.1/24 \n',
    );
    expect(await sh(w, 'ip link show eth9')).toMatchObject({ out: 'Device "eth9" does not exist.\n', exitCode: 1 });
    expect(await sh(w, 'ip frob')).toMatchObject({ out: 'Object "frob" is unknown, try "ip help".\n', exitCode: 255 });
  });

  it('--network host: the host interfaces, hostname node1, ip_unprivileged_port_start 1024 (0 in a private netns)', async () => {
    const w = await netWorld(['alpine']);
    expect((await sh(w, 'docker run --rm --network host alpine hostname')).out).toBe('node1\n');
    const names = (await sh(w, 'docker run --rm --network host alpine ip link')).out
      .split('\n')
      .filter((l) => /^\d+:/.test(l))
      .map((l) => l.split(':')[1]?.trim());
    expect(names).toEqual(['lo', 'ens3', 'docker0', 'flannel.1', 'cni0']);
    expect((await sh(w, 'docker run --rm --network host alpine cat /proc/sys/net/ipv4/ip_unprivileged_port_start')).out).toBe('1024\n');
    expect((await sh(w, 'docker run --rm alpine cat /proc/sys/net/ipv4/ip_unprivileged_port_start')).out).toBe('0\n');
    expect((await sh(w, 'docker run --rm --network none alpine cat /proc/sys/net/ipv4/ip_unprivileged_port_start')).out).toBe('0\n');
    const snap = w.snapshot();
    expect(snap.containers).toEqual([]);
  });

  it('ip link set: loopback comes up with its addresses; without CAP_NET_ADMIN it is refused', async () => {
    const w = await netWorld(['alpine']);
    expect((await sh(w, 'sudo unshare --net sh -c "ip link set lo up; ip -4 addr"')).out).toBe(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n',
    );
    expect(await sh(w, 'sudo -u ubuntu ip link set lo down')).toMatchObject({ out: 'RTNETLINK answers: Operation not permitted\n', exitCode: 2 });
    expect(await sh(w, 'docker run --rm alpine ip link set eth0 down')).toMatchObject({ out: 'ip: SIOCSIFFLAGS: Operation not permitted\n', exitCode: 1 });
  });

  it('container:<name> shares the namespace, its interfaces and its hostname', async () => {
    const w = await netWorld(['alpine']);
    await sh(w, 'docker run -d --name box alpine sleep 3600');
    expect((await sh(w, 'docker run --rm --network container:box alpine ip -4 addr show eth0')).out).toBe(
      '6: eth0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP \n    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\n       valid_lft forever preferred_lft forever\n',
    );
    const box = w.snapshot().containers.find((c) => c.name === 'box')!;
    expect((await sh(w, 'docker run --rm --network container:box alpine hostname')).out).toBe(`${box.id.slice(0, 12)}\n`);
    expect(await sh(w, 'docker run --rm --network container:box -p 80:80 alpine true')).toMatchObject({
      out: "docker: Error response from daemon: conflicting options: port publishing and the container type network mode.\nSee 'docker run --help'.\n",
      exitCode: 125,
    });
  });
});
