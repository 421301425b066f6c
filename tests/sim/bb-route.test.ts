import { describe, expect, it } from 'vitest';
import { world } from './helpers.ts';

// busybox@1_36_1:networking/route.c bb_displayroutes ("%-15.15s %-15.15s %-16s%-6s" and the two column sets),
// libbb/inet_common.c INET_rresolve ("default", "*"), networking/netstat.c netstat_main (-r, -e, -n).
describe('route and netstat -r in alpine (busybox 1.36.1); no net-tools on node1 (#10)', { timeout: 120_000 }, () => {
  it("prints the container's table with names, numerically, and in netstat's MSS/Window/irtt columns", async () => {
    const w = await world(['alpine']);
    expect((await w.exec('docker run --rm alpine route')).stdout).toBe(
      'Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\ndefault         172.17.0.1      0.0.0.0         UG    0      0        0 eth0\n172.17.0.0      *               255.255.0.0     U     0      0        0 eth0\n',
    );
    expect((await w.exec('docker run --rm alpine netstat -rn')).stdout).toBe(
      'Kernel IP routing table\nDestination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n0.0.0.0         172.17.0.1      0.0.0.0         UG        0 0          0 eth0\n172.17.0.0      0.0.0.0         255.255.0.0     U         0 0          0 eth0\n',
    );
    await w.exec('docker network create --subnet 10.9.0.0/24 app >/dev/null');
    expect((await w.exec('docker run --rm --network app alpine route -n')).stdout.split('\n').slice(2, 4)).toEqual([
      '0.0.0.0         10.9.0.1        0.0.0.0         UG    0      0        0 eth0',
      '10.9.0.0        0.0.0.0         255.255.255.0   U     0      0        0 eth0',
    ]);
    expect((await w.exec('docker run --rm --network none alpine route -n')).stdout).toBe(
      'Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n',
    );
  });

  it('a bad option gets the usage; the host has neither (net-tools is not installed)', async () => {
    const w = await world(['alpine']);
    const r = await w.exec('docker run --rm alpine route -x');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^route: unrecognized option: x\nBusyBox v1\.36\.1 .*\n\nUsage: route \[-ne\]/);
    expect((await w.exec('docker run --rm alpine netstat -z')).stderr).toMatch(/^netstat: unrecognized option: z\n/);
    expect(await w.exec('route -n')).toMatchObject({ stderr: '-bash: route: command not found\n', exitCode: 127 });
    expect(await w.exec('netstat -rn')).toMatchObject({ stderr: '-bash: netstat: command not found\n', exitCode: 127 });
  });
});
