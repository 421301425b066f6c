import { describe, expect, it } from 'vitest';
import { world } from './helpers.ts';

// `ip -d link` as iproute2 6.1.0 prints it on Linux 6.8 (src/sim/net/linkdetails.ts, linkdetails-kinds.ts).
describe('ip -d link (iproute2 6.1.0 on Linux 6.8)', { timeout: 120_000 }, () => {
  it('lo: print_linkinfo\'s " promiscuity %u ", " allmulti %u ", "minmtu %u " … with no IFLA_LINKINFO (no kind line)', async () => {
    const w = await world([]);
    const r = await w.exec('ip -d link show lo');
    expect(r.exitCode).toBe(0);
    // loopback.c gen_lo_setup: no ether_setup (min/max mtu 0), netif_set_tso_max_size(dev, GSO_MAX_SIZE) = 524280.
    expect(r.stdout.split('\n')[1]).toBe(
      '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00 promiscuity 0  allmulti 0 minmtu 0 maxmtu 0 addrgenmode eui64 numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535 tso_max_size 524280 tso_max_segs 65535 gro_max_size 65536 ',
    );
    // ip addr (do_link 0) skips print_af_spec's addrgenmode; -d prints the link line even with -4.
    expect((await w.exec('ip -d addr show lo')).stdout).toContain('maxmtu 0 numtxqueues 1 ');
    expect((await w.exec('ip -d -4 addr show ens3')).stdout).toContain('parentbus virtio parentdev virtio0 \n    altname enp0s3\n    inet ');
    // ip.c main: --help is matches(opt, "-help"): usage() to stderr, exit(-1).
    expect(await w.exec('ip --help')).toMatchObject({ stdout: '', exitCode: 255 });
    expect((await w.exec('ip --help')).stderr.startsWith('Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n')).toBe(true);
    // print_route's show_details output (type, proto, scope on every route) is not simulated: said so, not printed wrong.
    expect(await w.exec('ip -d route')).toMatchObject({ stdout: '', exitCode: 255 });
    // ip.c main: -details by any prefix.
    expect((await w.exec('ip -det l show lo')).stdout).toBe(r.stdout);
  });

  it("docker0 and a container's veth: bridge_print_opt and bridge_slave_print_opt with br_dev_setup's and new_nbp's defaults", async () => {
    const w = await world([]);
    const before = (await w.exec('ip -d link show docker0')).stdout;
    // No container has joined docker0 yet, so br_if.c br_set_gso_limits has not run: tso_max_size is TSO_LEGACY_MAX_SIZE.
    expect(before).toContain('tso_max_size 65536 ');
    await w.exec('docker run -d --name web nginx');
    const br = (await w.exec('ip -d link show docker0')).stdout;
    expect(br).toContain(
      '\n    bridge forward_delay 1500 hello_time 200 max_age 2000 ageing_time 30000 stp_state 0 priority 32768 vlan_filtering 0 vlan_protocol 802.1Q bridge_id 8000.2:42:5e:8a:1c:3d designated_root 8000.2:42:5e:8a:1c:3d root_port 0 ',
    );
    expect(br).toContain(' hello_timer    0.00 tcn_timer    0.00 topology_change_timer    0.00 gc_timer ');
    expect(br).toMatch(/ gc_timer {1,3}\d{1,3}\.\d\d vlan_default_pvid 1 /);
    expect(br).toContain('mcast_startup_query_interval 3125 ');
    expect(br).toContain('nf_call_arptables 0 addrgenmode eui64 numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535 tso_max_size 524280 ');
    const veth = (await w.exec('ip -d link show master docker0')).stdout.split('\n');
    // br_manage_promisc and br_add_if's dev_set_allmulti; the flags stay <BROADCAST,MULTICAST,UP,LOWER_UP>.
    expect(veth[0]).toContain('<BROADCAST,MULTICAST,UP,LOWER_UP>');
    expect(veth[1]).toMatch(/ link-netnsid 0 promiscuity 1 {2}allmulti 1 minmtu 68 maxmtu 65535 $/);
    expect(veth[2]).toBe('    veth ');
    expect(veth[3]).toMatch(
      /^ {4}bridge_slave state forwarding priority 32 cost 2 hairpin off guard off root_block off fastleave off learning on flood on port_id 0x8001 port_no 0x1 designated_port 32769 designated_cost 0 /,
    );
    // veth_get_num_queues: num_possible_cpus() (node1 has 4).
    expect(veth[3]).toContain(' isolated off locked off addrgenmode eui64 numtxqueues 4 numrxqueues 4 ');
  });

  it('a bridge made by hand: gc_timer 0.00 while down; its port numbers come from find_portno', async () => {
    const w = await world([]);
    await w.exec('ip link add br0 type bridge');
    expect((await w.exec('ip -d link show br0')).stdout).toContain(' gc_timer    0.00 ');
    await w.exec('ip link add a0 type veth peer name a1');
    await w.exec('ip link add b0 type veth peer name b1');
    await w.exec('ip link set b0 master br0');
    await w.exec('ip link set a0 master br0');
    expect((await w.exec('ip -d link show a0')).stdout).toContain('state disabled priority 32 cost 2 ');
    expect((await w.exec('ip -d link show a0')).stdout).toContain(' port_id 0x8002 port_no 0x2 designated_port 32770 ');
    await w.exec('ip link set b0 nomaster');
    await w.exec('ip link set b0 master br0');
    expect((await w.exec('ip -d link show b0')).stdout).toContain(' port_no 0x1 ');
    await w.exec('ip link set br0 up');
    expect((await w.exec('ip -d link show br0')).stdout).toMatch(/ gc_timer {4}0\.\d\d | gc_timer {2}\d{3}\.\d\d /);
  });

  it('-d -j: print_linkinfo\'s JSON keys, "linkinfo" with info_kind, info_data, info_slave_kind and info_slave_data', async () => {
    const w = await world(['nginx']);
    await w.exec('docker run -d --name web nginx');
    const [br] = JSON.parse((await w.exec('ip -d -j link show docker0')).stdout) as Record<string, unknown>[];
    expect(br).toMatchObject({ promiscuity: 0, allmulti: 0, min_mtu: 68, max_mtu: 65535, inet6_addr_gen_mode: 'eui64', tso_max_size: 524280 });
    // bridge_print_opt: JSON keys differ from the text's (root_id for "designated_root", mcast_*_intvl for "*_interval").
    expect(br?.linkinfo).toMatchObject({
      info_kind: 'bridge',
      info_data: { forward_delay: 1500, root_id: '8000.2:42:5e:8a:1c:3d', group_fwd_mask: '0', mcast_startup_query_intvl: 3125 },
    });
    const pretty = (await w.exec('ip -d -j -p link show master docker0')).stdout;
    // _print_timer's jsonw_printf("%i.%.2i"): an unquoted number with two decimals.
    expect(pretty).toContain('\n                "hold_timer": 0.00,\n');
    const [port] = JSON.parse(pretty) as { linkinfo: Record<string, unknown> }[];
    expect(port?.linkinfo).toMatchObject({
      info_kind: 'veth',
      info_slave_kind: 'bridge',
      info_slave_data: { state: 'forwarding', id: '0x8001', no: '0x1', hairpin: false },
    });
    // "mcast_fast_leave" is text only (fast_leave was printed before as "fastleave").
    expect(port?.linkinfo.info_slave_data).not.toHaveProperty('mcast_fast_leave');
  });

  it("busybox's ip knows no -d: ip_parse_common_args calls bb_show_usage (exit 1)", async () => {
    const w = await world(['alpine']);
    const r = await w.exec('docker run --rm alpine ip -d link');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n',
    );
    // appletlib.c: `ip --help` is the same usage with status 0; `-help` is an unknown option to ip_parse_common_args.
    expect(await w.exec('docker run --rm alpine ip --help')).toMatchObject({ stderr: r.stderr, exitCode: 0 });
    expect(await w.exec('docker run --rm alpine ip -help link')).toMatchObject({ stderr: r.stderr, exitCode: 1 });
  });
});
