import { describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../../src/sim/index.ts';
import { sh } from '../helpers.ts';

// Container networking by hand (issue #10): iproute2 6.1's ip link/addr/route/netns (ip/iplink.c, ip/ipaddress.c,
// ip/iproute.c, ip/ipnetns.c, lib/utils.c) on Linux 6.8's veth and bridge, and iputils 20240117's ping.
const MAC = '[0-9a-f]{2}(?::[0-9a-f]{2}){5}';

async function run(w: World, lines: string[]): Promise<void> {
  for (const l of lines) expect(await sh(w, l), l).toMatchObject({ exitCode: 0 });
}

/** red wired to the host through br0, as the lesson walks it. */
async function redOnBridge(): Promise<World> {
  const w = createWorld();
  await run(w, [
    'ip netns add red',
    'ip link add veth-red type veth peer name veth-red-br',
    'ip link add br0 type bridge',
    'ip link set br0 up',
    'ip addr add 10.10.0.1/24 dev br0',
    'ip link set veth-red netns red',
    'ip link set veth-red-br master br0',
    'ip link set veth-red-br up',
    'ip -n red addr add 10.10.0.2/24 dev veth-red',
    'ip -n red link set veth-red up',
    'ip -n red link set lo up',
  ]);
  return w;
}

describe('ip link add: veth pairs and bridges', () => {
  it('the peer is registered first (lower ifindex); both ends down, M-DOWN for a peer down in the same namespace', async () => {
    const w = createWorld();
    await run(w, ['ip link add veth-red type veth peer name veth-red-br']);
    expect((await sh(w, 'ip link show veth-red-br')).out).toMatch(
      new RegExp(
        `^6: veth-red-br@veth-red: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\\n    link/ether ${MAC} brd ff:ff:ff:ff:ff:ff\\n$`,
      ),
    );
    expect((await sh(w, 'ip link show veth-red')).out).toMatch(/^7: veth-red@veth-red-br: <BROADCAST,MULTICAST,M-DOWN> /);
    await run(w, ['ip link set veth-red up']);
    // veth-red is up but its peer is not: no carrier, operstate LOWERLAYERDOWN (link_watch.c default_operstate).
    expect((await sh(w, 'ip link show veth-red')).out).toMatch(
      /^7: veth-red@veth-red-br: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 qdisc noqueue state LOWERLAYERDOWN /,
    );
  });

  it('`peer NAME` without `name`, an unnamed peer veth0, and the errors', async () => {
    const w = createWorld();
    await run(w, ['ip link add a type veth peer b', 'ip link add c type veth']);
    expect((await sh(w, 'ip -br link')).out).toMatch(/b@a\s+DOWN[\s\S]*a@b\s+DOWN[\s\S]*veth0@c\s+DOWN[\s\S]*c@veth0\s+DOWN/);
    expect(await sh(w, 'ip link add a type veth peer name z')).toMatchObject({ out: 'RTNETLINK answers: File exists\n', exitCode: 2 });
    expect(await sh(w, 'ip link add q type veth name z')).toMatchObject({
      out: "Usage: ip link <options> type veth [peer <options>]\nTo get <options> type 'ip link add help'\n",
      exitCode: 1,
    });
    expect(await sh(w, 'ip link add q')).toMatchObject({ out: 'Not enough information: "type" argument is required\n', exitCode: 1 });
    expect(await sh(w, 'ip link add q type nosuch')).toMatchObject({ out: 'Error: Unknown device type.\n', exitCode: 2 });
    expect(await sh(w, 'ip link set nosuch up')).toMatchObject({ out: 'Cannot find device "nosuch"\n', exitCode: 1 });
    expect(await sh(w, 'ip link set a master nosuch')).toMatchObject({ out: 'Error: argument "nosuch" is wrong: Device does not exist\n\n', exitCode: 255 });
    expect(await sh(w, 'ip link set a netns nosuch')).toMatchObject({ out: 'Error: argument "nosuch" is wrong: Invalid "netns" value\n\n', exitCode: 255 });
    expect(await sh(w, 'ip link set a master b')).toMatchObject({ out: 'RTNETLINK answers: Operation not supported\n', exitCode: 2 });
    expect(await sh(w, 'ip link del nosuch')).toMatchObject({ out: 'Cannot find device "nosuch"\n', exitCode: 1 });
    expect(await sh(w, 'ip link del lo')).toMatchObject({ out: 'RTNETLINK answers: Operation not supported\n', exitCode: 2 });
    expect(await sh(w, 'su ubuntu -c "ip link add x type bridge"')).toMatchObject({ out: 'RTNETLINK answers: Operation not permitted\n', exitCode: 2 });
  });
});

describe('moving a veth end into a named namespace', () => {
  it('@ifN, link-netns NAME on the host, link-netnsid on the other side; ip netns list shows the nsid', async () => {
    const w = await redOnBridge();
    expect((await sh(w, 'ip link show veth-red-br')).out).toMatch(
      new RegExp(
        `^6: veth-red-br@if7: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master br0 state UP mode DEFAULT group default qlen 1000\\n    link/ether ${MAC} brd ff:ff:ff:ff:ff:ff link-netns red\\n$`,
      ),
    );
    expect((await sh(w, 'ip -n red link show veth-red')).out).toMatch(/^7: veth-red@if6: <BROADCAST,MULTICAST,UP,LOWER_UP> [^\n]+\n[^\n]+ link-netnsid 0\n$/);
    expect((await sh(w, 'ip netns list')).out).toBe('red (id: 0)\n');
    expect((await sh(w, 'ip -n red addr show veth-red')).out).toMatch(/inet 10\.10\.0\.2\/24 scope global veth-red\n/);
    expect((await sh(w, 'ip netns exec red ip route')).out).toBe('10.10.0.0/24 dev veth-red proto kernel scope link src 10.10.0.2 \n');
    expect((await sh(w, 'bridge link')).out).toBe(
      '6: veth-red-br@if7: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state forwarding priority 32 cost 2 \n',
    );
  });

  it('a moved device is down, without addresses or master', async () => {
    const w = createWorld();
    await run(w, [
      'ip netns add red',
      'ip link add v type veth peer name v-br',
      'ip addr add 10.10.0.9/24 dev v',
      'ip link set v up',
      'ip link set v netns red',
    ]);
    expect((await sh(w, 'ip -n red addr show v')).out).toMatch(
      /^7: v@if6: <BROADCAST,MULTICAST> mtu 1500 qdisc noqueue state DOWN group default qlen 1000\n[^\n]+\n$/,
    );
    expect((await sh(w, 'ip link show v-br')).out).toMatch(/^6: v-br@if7: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN /);
  });
});

describe('ping across namespaces', () => {
  it('the host and red answer each other through br0 (ttl 64)', async () => {
    const w = await redOnBridge();
    const a = await sh(w, 'ping -c 1 10.10.0.2');
    expect(a).toMatchObject({ exitCode: 0 });
    expect(a.out).toMatch(/64 bytes from 10\.10\.0\.2: icmp_seq=1 ttl=64 time=/);
    expect((await sh(w, 'ip netns exec red ping -c 1 10.10.0.1')).out).toMatch(/1 packets transmitted, 1 received, 0% packet loss/);
  });

  it('no route: Network is unreachable; a route but nobody answers ARP: Destination Host Unreachable, +N errors', async () => {
    const w = await redOnBridge();
    expect(await sh(w, 'ip netns exec red ping -c 1 10.0.0.11')).toMatchObject({ out: 'ping: connect: Network is unreachable\n', exitCode: 2 });
    expect(await sh(w, 'ip netns exec red ping -c 2 10.10.0.3')).toMatchObject({
      out: 'PING 10.10.0.3 (10.10.0.3) 56(84) bytes of data.\nFrom 10.10.0.2 icmp_seq=1 Destination Host Unreachable\nFrom 10.10.0.2 icmp_seq=2 Destination Host Unreachable\n\n--- 10.10.0.3 ping statistics ---\n2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1000ms\n',
      exitCode: 1,
    });
  });

  it('a default route through the bridge reaches the host; a link down loses it', async () => {
    const w = await redOnBridge();
    expect(await sh(w, 'ip -n red route add default via 10.10.0.9')).toMatchObject({ exitCode: 0 });
    expect(await sh(w, 'ip -n red route add default via 10.10.0.1')).toMatchObject({ out: 'RTNETLINK answers: File exists\n', exitCode: 2 });
    await run(w, ['ip -n red route del default']);
    expect(await sh(w, 'ip -n red route add default via 192.168.9.1')).toMatchObject({ out: 'Error: Nexthop has invalid gateway.\n', exitCode: 2 });
    await run(w, ['ip -n red route add default via 10.10.0.1']);
    expect((await sh(w, 'ip -n red route')).out).toBe(
      'default via 10.10.0.1 dev veth-red \n10.10.0.0/24 dev veth-red proto kernel scope link src 10.10.0.2 \n',
    );
    expect((await sh(w, 'ip netns exec red ping -c 1 10.0.0.11')).out).toMatch(/64 bytes from 10\.0\.0\.11: icmp_seq=1 ttl=64/);
    await run(w, ['ip link set veth-red-br down']);
    expect((await sh(w, 'ip -n red link show veth-red')).out).toMatch(/<NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state LOWERLAYERDOWN/);
    expect((await sh(w, 'ip -n red route')).out).toMatch(/src 10\.10\.0\.2 linkdown \n$/);
    expect((await sh(w, 'ip netns exec red ping -c 1 10.10.0.1')).out).toMatch(/Destination Host Unreachable[\s\S]*100% packet loss/);
    // Down, the device's routes go, the default one with them (fib_disable_ip).
    await run(w, ['ip -n red link set veth-red down']);
    expect((await sh(w, 'ip -n red route')).out).toBe('');
  });

  it('ip link del takes the peer in the other namespace with it', async () => {
    const w = await redOnBridge();
    await run(w, ['ip link del veth-red-br']);
    expect((await sh(w, 'ip -n red -br link')).out).toMatch(/^lo\s+UNKNOWN\s+\S+ <LOOPBACK,UP,LOWER_UP> \n$/);
    expect((await sh(w, 'bridge link')).out).toBe('');
    expect((await sh(w, 'ip link show br0')).out).toMatch(/<NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN /);
  });
});

describe('ip netns delete', () => {
  it('destroys a namespace nobody holds, with its veths and their peers; its nsid is free again', async () => {
    const w = createWorld();
    await run(w, ['ip netns add red', 'ip link add a type veth peer name b', 'ip link set a netns red', 'ip netns del red']);
    expect((await sh(w, 'ip link show b')).out).toBe('Device "b" does not exist.\n');
    await run(w, ['ip netns add blue', 'ip link add c type veth peer name d', 'ip link set c netns blue']);
    expect((await sh(w, 'ip netns')).out).toBe('blue (id: 0)\n');
  });
});

describe("Docker's networking is unchanged", () => {
  it('a container still gets 6/7, link-netnsid 0, and the host nsid after a hand-made namespace', async () => {
    const w = createWorld();
    await run(w, ['docker run -d --name web nginx >/dev/null 2>&1']);
    expect((await sh(w, 'ip link show master docker0')).out).toMatch(/^7: veth[0-9a-f]{7}@if6: [^\n]+\n[^\n]+ link-netnsid 0\n$/);
    await run(w, ['ip netns add red', 'ip link add v type veth peer name v-br', 'ip link set v netns red']);
    expect((await sh(w, 'ip netns list')).out).toBe('red (id: 1)\n');
  });
});
