import { describe, expect, it } from 'vitest';
import { world } from './helpers.ts';

// iproute2@v6.1.0:bridge/link.c print_linkinfo/print_protinfo, bridge/bridge.c usage and do_cmd, lib/utils.c nodev.
describe('bridge link (iproute2 6.1.0) (#10)', { timeout: 120_000 }, () => {
  it("lists docker0's ports as containers start and stop, with -d's port flags", async () => {
    const w = await world(['nginx']);
    expect(await w.exec('bridge link')).toMatchObject({ stdout: '', exitCode: 0 });
    await w.exec('docker run -d --name web nginx');
    const line = (await w.exec('bridge link')).stdout;
    expect(line).toMatch(/^\d+: veth[0-9a-f]{7}@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master docker0 state forwarding priority 32 cost 2 \n$/);
    const veth = (line.split(': ')[1] as string).split('@')[0] as string;
    const d = (await w.exec(`bridge -d link show dev ${veth}`)).stdout.split('\n');
    expect(d[1]).toBe(
      '    hairpin off guard off root_block off fastleave off learning on flood on mcast_flood on bcast_flood on mcast_router 1 mcast_to_unicast off neigh_suppress off vlan_tunnel off isolated off locked off ',
    );
    // The bridge itself is no port: a PF_BRIDGE dump filtered on it prints nothing.
    expect((await w.exec('bridge link show dev docker0')).stdout).toBe('');
    await w.exec('docker stop web >/dev/null');
    expect((await w.exec('bridge link')).stdout).toBe('');
  });

  it('errors as iproute2 words them', async () => {
    const w = await world([]);
    expect(await w.exec('bridge link show dev nope')).toMatchObject({ stderr: 'Cannot find device "nope"\n', exitCode: 255 });
    expect(await w.exec('bridge lnk')).toMatchObject({ stderr: 'Object "lnk" is unknown, try "bridge help".\n', exitCode: 255 });
    expect(await w.exec('bridge link frob')).toMatchObject({ stderr: 'Command "frob" is unknown, try "bridge link help".\n', exitCode: 255 });
    expect(await w.exec('bridge --help')).toMatchObject({ stdout: '', stderr: expect.stringMatching(/^Usage: bridge /), exitCode: 255 });
    expect((await w.exec('bridge')).stderr).toMatch(/^Usage: bridge \[ OPTIONS \] OBJECT \{ COMMAND \| help \}\n/);
    expect((await w.exec('bridge -V')).stdout).toBe('bridge utility, 6.1.0\n');
  });
});
