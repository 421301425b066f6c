/**
 * The IPv4 neighbour (ARP) tables of node1 and its containers, learned from the traffic the simulator sends (ping,
 * curl): a sender resolves the next hop on its link (the peer on a shared bridge, else the bridge's gateway address),
 * and the side that answers learns the sender back (linux@v6.8:net/ipv4/arp.c arp_process: a request for one of our
 * addresses creates the sender's entry). Host → container: the host learns the container on the bridge, the container
 * learns the gateway. Container → host, outside or another network: the container learns its gateway; the host learns
 * the container when it answers or forwards a reply (not for traffic its FORWARD chain drops).
 * States (include/net/neighbour.h NUD_*): REACHABLE until reachable_time has passed since the last confirmation, then
 * STALE. The kernel draws reachable_time between ½ and 1½ × base_reachable_time_ms (30000; net/core/neighbour.c
 * neigh_rand_reach_time); here it is the base, 30 s. An entry goes when its namespace goes, and a bridge that loses its
 * carrier (no running port) flushes its entries (net/ipv4/arp.c arp_netdev_event NETDEV_CHANGE → neigh_carrier_down).
 * node1's own gateway on ens3 stays REACHABLE: the SSH session's traffic confirms it all the time. Its MAC address has no
 * upstream source (the lab network's router, as chosen here). The dump order (the kernel's hash order) is the order learned.
 */
import type { Container } from '../docker/container.ts';
import type { Host } from '../host.ts';
import type { Namespace } from '../kernel/types.ts';
import { HOST_NIC } from './hostnet.ts';
import type { NetworkManager } from './manager.ts';
import { ownerOf, reach } from './reach.ts';

const GATEWAY_MAC = '52:54:00:8a:2e:01';
const REACHABLE_MS = 30_000;

interface NeighRow {
  ip: string;
  dev: string;
  mac: string;
  state: 'REACHABLE' | 'STALE';
}

function learn(host: Host, ns: Namespace, ip: string, dev: string, mac: string): void {
  const list = (ns.neigh ??= []);
  const now = host.clock.nowMs;
  const e = list.find((x) => x.ip === ip && x.dev === dev);
  if (e) Object.assign(e, { mac, confirmedMs: now });
  else list.push({ ip, dev, mac, confirmedMs: now });
}

/**
 * Records the neighbour entries a packet from `netns` to `ip` (and its answer) creates. With `port`, a connection from
 * node1 to one of its own addresses on a published port goes on to the container (docker-proxy connects to it).
 */
export function learnTraffic(host: Host, mgr: NetworkManager, containerList: Iterable<Container>, netns: number, ip: string, port?: number): void {
  const containers = [...containerList].filter((c) => c.status === 'running');
  const t = reach(host, mgr, containers, netns, ip);
  if (t.kind === 'self' && port !== undefined && netns === host.fixture.namespaces.net) {
    const c = containers.find((x) => x.ports.some((p) => p.hostPort === port && p.proto === 'tcp'));
    const ep = c
      ? mgr
          .networksOf(c)
          .map((n) => n.endpoints.get(c.id))
          .find((e) => e !== undefined)
      : undefined;
    if (ep) learnTraffic(host, mgr, containers, netns, ep.ip);
    return;
  }
  // Across links made by hand (net/wired.ts): the sender learns its next hop, the one that answers learns the sender.
  if (t.kind === 'wired') for (const l of t.learned) learn(host, l.ns, l.ip, l.dev, l.mac);
  if (t.kind === 'self' || t.kind === 'unreachable' || t.kind === 'wired' || t.kind === 'arp') return;
  const k = host.kernel;
  const hostNs = k.ns(host.fixture.namespaces.net);
  const bridgeMac = (br: string | undefined) => (hostNs.interfaces ?? []).find((i) => i.name === br)?.mac;
  if (netns === host.fixture.namespaces.net) {
    if (t.kind !== 'container' || t.c.netns === undefined) return;
    const c = t.c;
    for (const n of mgr.networksOf(c)) {
      const ep = n.endpoints.get(c.id);
      const mac = bridgeMac(n.bridge);
      if (!ep || ep.ip !== ip || !n.bridge || !n.gateway || !mac) continue;
      learn(host, hostNs, ip, n.bridge, ep.mac);
      learn(host, k.ns(c.netns as number), n.gateway, ep.ifname, mac);
    }
    return;
  }
  const me = ownerOf(containers, netns);
  if (!me) return;
  const mine = mgr.networksOf(me).filter((n) => n.endpoints.has(me.id) && n.bridge);
  const myNs = k.ns(netns);
  if (t.kind === 'container' && t.c.netns !== undefined) {
    for (const n of mine) {
      const a = n.endpoints.get(me.id);
      const b = n.endpoints.get(t.c.id);
      if (!a || !b || b.ip !== ip) continue;
      learn(host, myNs, ip, a.ifname, b.mac);
      learn(host, k.ns(t.c.netns as number), a.ip, b.ifname, a.mac);
    }
    return;
  }
  // Through the gateway: the network whose gateway was asked for, else the one holding the default route.
  const via = mine.find((n) => n.gateway === ip) ?? mine.find((n) => n.endpoints.get(me.id)?.ifname === myNs.gateway?.dev);
  const ep = via?.endpoints.get(me.id);
  const mac = bridgeMac(via?.bridge);
  if (!via || !ep || !via.gateway || !mac) return;
  learn(host, myNs, via.gateway, ep.ifname, mac);
  if (t.kind !== 'dropped') learn(host, hostNs, ep.ip, via.bridge as string, ep.mac);
}

/** The entries a namespace lists now (ip neigh), with their state; the host's own gateway first. */
export function neighbours(host: Host, ns: Namespace): NeighRow[] {
  const now = host.clock.nowMs;
  const up = (dev: string) => (ns.interfaces ?? []).some((i) => i.name === dev && i.up);
  const rows: NeighRow[] =
    ns.inode === host.fixture.namespaces.net ? [{ ip: host.fixture.network.eth0.gateway, dev: HOST_NIC, mac: GATEWAY_MAC, state: 'REACHABLE' }] : [];
  for (const e of ns.neigh ?? [])
    if (up(e.dev)) rows.push({ ip: e.ip, dev: e.dev, mac: e.mac, state: now - e.confirmedMs < REACHABLE_MS ? 'REACHABLE' : 'STALE' });
  return rows;
}
