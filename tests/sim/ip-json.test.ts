import { describe, expect, it } from 'vitest';
import { world } from './helpers.ts';

// iproute2@v6.1.0:ip/ipaddress.c print_linkinfo/print_addrinfo in JSON context, lib/json_writer.c (compact and -p).
describe('ip -j [-p] link|addr (iproute2 6.1.0) (#10)', { timeout: 120_000 }, () => {
  it("compact JSON parses and carries the text's values; -4 drops link_type/address; a veth names its peer's index", async () => {
    const w = await world(['nginx']);
    await w.exec('docker run -d --name web nginx');
    const all = JSON.parse((await w.exec('ip -j addr')).stdout) as { ifname: string; addr_info: { local: string; label?: string }[] }[];
    expect(all.map((l) => l.ifname)).toEqual(expect.arrayContaining(['lo', 'ens3', 'docker0', 'flannel.1', 'cni0']));
    expect(all.find((l) => l.ifname === 'docker0')?.addr_info[0]).toEqual({
      family: 'inet',
      local: '172.17.0.1',
      prefixlen: 16,
      broadcast: '172.17.255.255',
      scope: 'global',
      label: 'docker0',
      valid_life_time: 4294967295,
      preferred_life_time: 4294967295,
    });
    expect((await w.exec('ip -4 -j addr show lo')).stdout).toBe(
      '[{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP","LOWER_UP"],"mtu":65536,"qdisc":"noqueue","operstate":"UNKNOWN","group":"default","txqlen":1000,"addr_info":[{"family":"inet","local":"127.0.0.1","prefixlen":8,"scope":"host","label":"lo","valid_life_time":4294967295,"preferred_life_time":4294967295}]}]\n',
    );
    const veth = JSON.parse((await w.exec('ip -j link show master docker0')).stdout)[0];
    expect(Object.keys(veth)).toEqual([
      'ifindex',
      'link_index',
      'ifname',
      'flags',
      'mtu',
      'qdisc',
      'master',
      'operstate',
      'linkmode',
      'group',
      'link_type',
      'address',
      'broadcast',
      'link_netnsid',
    ]);
  });

  it("-p: json_writer's pretty layout", async () => {
    const w = await world([]);
    expect((await w.exec('ip -j -p link show lo')).stdout).toBe(
      '[ {\n        "ifindex": 1,\n        "ifname": "lo",\n        "flags": [ "LOOPBACK","UP","LOWER_UP" ],\n        "mtu": 65536,\n        "qdisc": "noqueue",\n        "operstate": "UNKNOWN",\n        "linkmode": "DEFAULT",\n        "group": "default",\n        "txqlen": 1000,\n        "link_type": "loopback",\n        "address": "00:00:00:00:00:00",\n        "broadcast": "00:00:00:00:00:00"\n    } ]\n',
    );
    expect((await w.exec('ip -json -pretty addr show ens3')).stdout).toContain(
      '        "altnames": [ "enp0s3" ],\n        "addr_info": [ {\n                "family": "inet",\n',
    );
  });

  it('-s prints the counters; -details prints the details (tests/sim/ip-details.test.ts)', async () => {
    const w = await world([]);
    const r = await w.exec('ip -s link show lo');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('    RX:  bytes packets errors dropped  missed   mcast           \n');
    expect((await w.exec('ip -details link show docker0')).stdout).toContain('\n    bridge forward_delay 1500 hello_time 200 ');
  });
});
