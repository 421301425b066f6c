import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { broadcast, intToIp, ipToInt, linkLocal6, macFromIp, parseCidr, randomMac } from '../../../src/sim/net/addr.ts';
import { allocateIp, nextPool, type Network } from '../../../src/sim/net/networks.ts';
import { parsePublish } from '../../../src/sim/net/ports.ts';
import { Rng } from '../../../src/sim/rng.ts';

const net = (subnet: string, gateway: string, ips: string[] = []): Network => ({
  id: 'x',
  name: 'n',
  driver: 'bridge',
  createdMs: 0,
  builtin: false,
  subnet: parseCidr(subnet),
  gateway,
  internal: false,
  attachable: false,
  options: {},
  labels: {},
  endpoints: new Map(ips.map((ip, i) => [`c${i}`, { containerId: `c${i}`, id: '', ip, mac: '', ifname: 'eth0', nsIndex: 0, hostIndex: 0, hostIfname: '' }])),
});

describe('addresses', () => {
  it('derives the Docker 27 MAC from the IPv4 address and the link-local address from a MAC', () => {
    expect(macFromIp('172.17.0.2')).toBe('02:42:ac:11:00:02');
    expect(macFromIp('172.18.0.10')).toBe('02:42:ac:12:00:0a');
    expect(linkLocal6('52:54:00:12:34:56')).toBe('fe80::5054:ff:fe12:3456/64');
    expect(linkLocal6('02:42:5e:8a:1c:3d')).toBe('fe80::42:5eff:fe8a:1c3d/64');
  });

  it('computes broadcast addresses and masks prefixes', () => {
    expect(broadcast('172.17.0.2/16')).toBe('172.17.255.255');
    expect(broadcast('10.10.0.5/24')).toBe('10.10.0.255');
    expect(parseCidr('172.18.3.4/16')).toEqual({ base: ipToInt('172.18.0.0'), len: 16 });
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(parseCidr('300.0.0.0/8')).toBeUndefined();
  });

  it('gives veths random unicast, locally administered MACs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        const first = parseInt(randomMac(new Rng(seed)).slice(0, 2), 16);
        return (first & 1) === 0 && (first & 2) === 2;
      }),
    );
  });
});

describe('IPAM', () => {
  it('hands out the lowest free address after the gateway and reuses released ones', () => {
    expect(allocateIp(net('172.17.0.0/16', '172.17.0.1'))).toBe('172.17.0.2');
    expect(allocateIp(net('172.17.0.0/16', '172.17.0.1', ['172.17.0.2', '172.17.0.4']))).toBe('172.17.0.3');
    expect(allocateIp(net('10.0.0.0/30', '10.0.0.1', ['10.0.0.2']))).toBeUndefined();
  });

  it('never returns the network, gateway, broadcast or a used address', () => {
    fc.assert(
      fc.property(fc.integer({ min: 24, max: 29 }), fc.array(fc.integer({ min: 2, max: 6 }), { maxLength: 5 }), (len, used) => {
        const ips = [...new Set(used)].map((n) => `192.168.5.${n}`);
        const ip = allocateIp(net(`192.168.5.0/${len}`, '192.168.5.1', ips));
        if (ip === undefined) return true;
        const n = ipToInt(ip) - ipToInt('192.168.5.0');
        return n > 1 && n < 2 ** (32 - len) - 1 && !ips.includes(ip);
      }),
    );
  });

  it('picks the next default pool that overlaps nothing: 172.18.0.0/16 after docker0', () => {
    const pool = nextPool([net('172.17.0.0/16', '172.17.0.1'), net('172.19.0.0/16', '172.19.0.1')]);
    expect(pool && `${intToIp(pool.base)}/${pool.len}`).toBe('172.18.0.0/16');
  });
});

describe('-p grammar (nat.ParsePortSpec)', () => {
  const table: [string, unknown][] = [
    ['8080:80', [{ key: '80/tcp', HostIp: '', HostPort: '8080' }]],
    ['80', [{ key: '80/tcp', HostIp: '', HostPort: '' }]],
    ['127.0.0.1:8080:80', [{ key: '80/tcp', HostIp: '127.0.0.1', HostPort: '8080' }]],
    ['127.0.0.1::80', [{ key: '80/tcp', HostIp: '127.0.0.1', HostPort: '' }]],
    ['53:53/udp', [{ key: '53/udp', HostIp: '', HostPort: '53' }]],
    ['[::1]:8080:80', [{ key: '80/tcp', HostIp: '::1', HostPort: '8080' }]],
    [
      '8000-8001:80-81',
      [
        { key: '80/tcp', HostIp: '', HostPort: '8000' },
        { key: '81/tcp', HostIp: '', HostPort: '8001' },
      ],
    ],
    ['abc', 'invalid containerPort: abc'],
    ['8080:abc', 'invalid containerPort: abc'],
    ['abc:80', 'invalid hostPort: abc'],
    ['99999:80', 'invalid hostPort: 99999'],
    ['80/xyz', 'invalid proto: xyz'],
    ['1.2.3:80:80', 'invalid IP address: 1.2.3'],
    ['8000-8002:80-81', 'invalid ranges specified for container and host Ports: 80-81 and 8000-8002'],
  ];
  for (const [spec, want] of table) it(spec, () => expect(parsePublish(spec)).toEqual(want));
});
