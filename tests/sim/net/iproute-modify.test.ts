import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';
import { sh } from '../helpers.ts';

// ip route add|change|replace|delete beyond the default route (issue #10): iproute2@v6.1.0:ip/iproute.c iproute_modify
// and print_route, Linux 6.8's fib_table_insert / fib_table_delete / fib_check_nh_v4_gw answers.
describe('ip route add|replace|del on node1', () => {
  it('adds a gateway route and a device route; print_route omits proto boot and universe scope, shows metric', async () => {
    const w = createWorld();
    for (const l of [
      'ip route add 10.20.0.0/24 via 10.0.0.1',
      'ip route add 10.30.0.0/16 dev ens3 proto static metric 50',
      'ip route add 10.50.0.7 via 10.0.0.1 metric 10',
    ])
      expect(await sh(w, l), l).toMatchObject({ exitCode: 0, stdout: '', stderr: '' });
    expect((await sh(w, 'ip route')).stdout).toBe(
      'default via 10.0.0.1 dev ens3 proto static \n10.0.0.0/24 dev ens3 proto kernel scope link src 10.0.0.11 \n10.20.0.0/24 via 10.0.0.1 dev ens3 \n' +
        '10.30.0.0/16 dev ens3 proto static scope link metric 50 \n10.50.0.7 via 10.0.0.1 dev ens3 metric 10 \n' +
        '10.244.0.0/24 dev cni0 proto kernel scope link src 10.244.0.1 linkdown \n172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 linkdown \n',
    );
    // iproute_get: the longest prefix wins over the default route.
    expect((await sh(w, 'ip route get 10.20.0.9')).stdout).toBe('10.20.0.9 via 10.0.0.1 dev ens3 src 10.0.0.11 uid 0 \n    cache \n');
    expect(await sh(w, 'ip route replace 10.20.0.0/24 via 10.0.0.2 proto static')).toMatchObject({ exitCode: 0 });
    expect((await sh(w, 'ip route show')).stdout).toContain('10.20.0.0/24 via 10.0.0.2 dev ens3 proto static \n');
    expect(await sh(w, 'ip route del 10.30.0.0/16')).toMatchObject({ exitCode: 0 });
    expect((await sh(w, 'ip route')).stdout).not.toContain('10.30.0.0');
  });

  it('answers as the kernel and iproute2 do', async () => {
    const w = createWorld();
    await sh(w, 'ip route add 10.20.0.0/24 via 10.0.0.1');
    const cases: [string, string, number][] = [
      ['ip route add 10.20.0.0/24 via 10.0.0.1', 'RTNETLINK answers: File exists\n', 2],
      ['ip route add 10.0.0.0/24 dev ens3', 'RTNETLINK answers: File exists\n', 2],
      ['ip route add 10.40.0.0/24 via 192.168.9.9', 'Error: Nexthop has invalid gateway.\n', 2],
      // fib_check_nh_v4_gw accepts a local address (RTN_LOCAL); the route then exists under `add`.
      ['ip route add 10.20.0.0/24 via 10.0.0.11', 'RTNETLINK answers: File exists\n', 2],
      ['ip route add 10.20.0.1/24 via 10.0.0.1', 'Error: Invalid prefix for given prefix length.\n', 2],
      ['ip route del 10.99.0.0/24', 'RTNETLINK answers: No such process\n', 2],
      ['ip route add 10.60.0.0/24 via foo', 'Error: inet address is expected rather than "foo".\n', 1],
      ['ip route add foo', 'Error: any valid prefix is expected rather than "foo".\n', 1],
      ['ip route add 10.1.0.0/24 dev nope', 'Cannot find device "nope"\n', 1],
      ['ip route add 10.1.0.0/24 via 10.0.0.1 metric x', 'Error: argument "x" is wrong: "metric" value is invalid\n\n', 255],
      ['ip route add 10.1.0.0/24 via 10.0.0.1 proto bogus', 'Error: argument "bogus" is wrong: "protocol" value is invalid\n\n', 255],
      ['su - ubuntu -c "ip route add 10.9.0.0/24 dev ens3"', 'RTNETLINK answers: Operation not permitted\n', 2],
    ];
    for (const [line, stderr, exitCode] of cases) expect(await sh(w, line), line).toMatchObject({ stderr, exitCode });
  });

  it('a device route on a down link is refused, and a link going down takes its routes', async () => {
    const w = createWorld();
    await sh(w, 'ip link add br9 type bridge');
    expect((await sh(w, 'ip route add 10.8.0.0/24 dev br9')).stderr).toBe('Error: Device for nexthop is not up.\n');
    await sh(w, 'ip link set br9 up');
    await sh(w, 'ip route add 10.8.0.0/24 dev br9');
    expect((await sh(w, 'ip route')).stdout).toContain('10.8.0.0/24 dev br9 scope link linkdown \n');
    await sh(w, 'ip link set br9 down');
    expect((await sh(w, 'ip route')).stdout).not.toContain('br9');
  });
});

describe('ip -s link', () => {
  it('prints print_stats64 counters (iproute2@v6.1.0:ip/ipaddress.c), all 0, before the altname', async () => {
    const w = createWorld();
    const rows = '             0       0      0       0       0       0 \n';
    expect((await sh(w, 'ip -s link show ens3')).stdout).toBe(
      '2: ens3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP mode DEFAULT group default qlen 1000\n' +
        '    link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff\n' +
        `    RX:  bytes packets errors dropped  missed   mcast           \n${rows}` +
        `    TX:  bytes packets errors dropped carrier collsns           \n${rows}` +
        '    altname enp0s3\n',
    );
  });
});
