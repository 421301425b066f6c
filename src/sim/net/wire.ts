/**
 * Links a learner makes by hand with `ip link add` (container networking by hand): veth pairs and bridges, per network
 * namespace, as Linux 6.8 keeps them.
 * - ifindex: per namespace, from the namespace's counter (net/core/dev.c dev_index_reserve); a veth's peer is registered
 *   first, so `ip link add A type veth peer name B` gives B the lower number (drivers/net/veth.c veth_newlink).
 * - Moving a device to another namespace (dev_change_net_namespace) closes it, flushes its IPv4 addresses, releases it
 *   from its bridge and keeps its ifindex unless the target namespace uses that number already.
 * - Carrier: a veth has it while both ends are up (veth_open/veth_close set the peer's carrier); a bridge while one of
 *   its ports has it (net/bridge/br_if.c br_port_carrier_check, br_stp.c). operstate (net/core/link_watch.c
 *   default_operstate in 6.8): without carrier LOWERLAYERDOWN when the device names another as its link (a veth names
 *   its peer), else DOWN.
 * - IPv6: the link-local address comes with carrier and goes when the device goes down (net/ipv6/addrconf.c
 *   addrconf_notify, keep_addr_on_down 0). Connected IPv4 routes go with the device going down (fib_disable_ip), and the
 *   default route through it with them.
 * - nsids: a namespace numbers its peers lowest free first when a link to one is reported (net/core/net_namespace.c
 *   peernet2id_alloc via rtnl_fill_link_netnsid).
 */
import type { Kernel } from '../kernel/kernel.ts';
import type { Namespace, NetIface } from '../kernel/types.ts';
import type { Rng } from '../rng.ts';
import { linkLocal6, randomMac } from './addr.ts';

/** The id `from` gives the namespace `peer`, allocated when it has none. */
export function nsidOf(from: Namespace, peer: number): number {
  from.nsids ??= {};
  const had = from.nsids[peer];
  if (had !== undefined) return had;
  const used = new Set(Object.values(from.nsids));
  let id = 0;
  while (used.has(id)) id++;
  from.nsids[peer] = id;
  return id;
}

/** The id `from` gave `peer`, if any (RTM_GETNSID answers -1 otherwise). */
export const peekNsid = (from: Namespace, peer: number): number | undefined => from.nsids?.[peer];

export function dropNsid(from: Namespace, peer: number): void {
  if (from.nsids) delete from.nsids[peer];
}

const ifaces = (ns: Namespace) => (ns.interfaces ??= []);

/** The next free ifindex of a namespace (the counter only moves forward). */
function nextIndex(ns: Namespace): number {
  let n = ns.nextIfindex ?? Math.max(1, ...ifaces(ns).map((i) => i.index)) + 1;
  while (ifaces(ns).some((i) => i.index === n)) n++;
  ns.nextIfindex = n + 1;
  return n;
}

/** Keeps a namespace's list in ifindex order, as a link dump walks it. */
function insert(ns: Namespace, i: NetIface): void {
  const list = ifaces(ns);
  list.push(i);
  list.sort((a, b) => a.index - b.index);
}

const fresh = (index: number, name: string, kind: 'veth' | 'bridge', mac: string): NetIface => ({
  index,
  name,
  kind,
  up: false,
  admin: false,
  mtu: 1500,
  mac,
  addrs: [],
  qlen: 1000,
});

/** `ip link add NAME type veth peer name PEER`: both ends in `ns`, down. */
export function addVeth(k: Kernel, ns: Namespace, name: string, peerName: string, rng: Rng): void {
  const b = fresh(nextIndex(ns), peerName, 'veth', randomMac(rng));
  const a = fresh(nextIndex(ns), name, 'veth', randomMac(rng));
  a.peer = b.index;
  b.peer = a.index;
  a.peerNs = ns.inode;
  b.peerNs = ns.inode;
  insert(ns, b);
  insert(ns, a);
  refresh(k);
}

/** `ip link add NAME type bridge`: down, no ports; its MAC is random until a port joins (br_dev_setup, refresh). */
export function addBridge(k: Kernel, ns: Namespace, name: string, rng: Rng): void {
  insert(ns, fresh(nextIndex(ns), name, 'bridge', randomMac(rng)));
  refresh(k);
}

/** The other end of a hand-made veth, and the namespace it is in. */
export function peerOf(k: Kernel, i: NetIface): { ns: Namespace; i: NetIface } | undefined {
  if (i.peerNs === undefined || i.peer === undefined) return undefined;
  const ns = k.namespaces.get(i.peerNs);
  const p = ns?.interfaces?.find((x) => x.index === i.peer);
  return ns && p ? { ns, i: p } : undefined;
}

/** The name `veth-red` shows after `@`: its peer's name in the same namespace, `ifN` across namespaces. */
export function samePeer(ns: Namespace, i: NetIface): NetIface | undefined {
  if (i.peerNs !== ns.inode || i.peer === undefined) return undefined;
  return ifaces(ns).find((x) => x.index === i.peer);
}

/** A device going down or away takes its routes (net/ipv4/fib_semantics.c fib_sync_down_dev, then fib_flush). */
function dropRoutesVia(ns: Namespace, dev: string): void {
  if (ns.gateway?.dev === dev) ns.gateway = undefined;
  if (ns.routes?.length) ns.routes = ns.routes.filter((r) => r.dev !== dev);
}

/** `ip link set DEV up|down` for a hand-made link. */
export function setAdmin(k: Kernel, ns: Namespace, i: NetIface, up: boolean): void {
  // br_dev_open schedules a bridge's gc_work when it comes up (`ip -d link`'s gc_timer, net/linkdetails-kinds.ts).
  if (up && !i.admin && i.kind === 'bridge') i.openedMs = k.now;
  i.admin = up;
  if (up) i.everUp = true;
  else {
    i.addrs = i.addrs.filter((a) => !a.includes(':'));
    dropRoutesVia(ns, i.name);
  }
  refresh(k);
}

/** `ip link set DEV netns NS`: returns false when the target already has a device of that name (EEXIST). */
export function moveTo(k: Kernel, from: Namespace, i: NetIface, to: Namespace): boolean {
  if (ifaces(to).some((x) => x.name === i.name)) return false;
  const p = peerOf(k, i);
  from.interfaces = ifaces(from).filter((x) => x !== i);
  for (const port of ifaces(from)) if (port.master === i.name && i.kind === 'bridge') port.master = undefined;
  dropRoutesVia(from, i.name);
  Object.assign(i, { admin: false, addrs: [], master: undefined });
  if (ifaces(to).some((x) => x.index === i.index)) i.index = nextIndex(to);
  insert(to, i);
  if (p) {
    p.i.peer = i.index;
    p.i.peerNs = to.inode;
    i.peerNs = p.ns.inode;
    const apart = p.ns !== to;
    i.netnsid = apart ? nsidOf(to, p.ns.inode) : undefined;
    p.i.netnsid = apart ? nsidOf(p.ns, to.inode) : undefined;
  }
  refresh(k);
  return true;
}

/** `ip link del DEV`: a veth takes its peer with it; a bridge's ports are released. */
export function deleteLink(k: Kernel, ns: Namespace, i: NetIface): void {
  const p = peerOf(k, i);
  for (const [where, dev] of [[ns, i], ...(p ? [[p.ns, p.i] as const] : [])] as const) {
    where.interfaces = ifaces(where).filter((x) => x !== dev);
    for (const port of ifaces(where)) if (port.master === dev.name && dev.kind === 'bridge') port.master = undefined;
    dropRoutesVia(where, dev.name);
  }
  refresh(k);
}

/**
 * A network namespace nobody holds any more (its last name removed, no process in it) is destroyed
 * (net/core/net_namespace.c cleanup_net): its veths go with their peers, and the other namespaces forget its nsid.
 */
export function destroyNetns(k: Kernel, inode: number): void {
  const ns = k.namespaces.get(inode);
  if (!ns) return;
  for (const i of [...ifaces(ns)]) if (i.kind === 'veth' && i.admin !== undefined) deleteLink(k, ns, i);
  ns.interfaces = ifaces(ns).filter((i) => i.kind === 'loopback');
  for (const other of k.namespaces.values()) dropNsid(other, inode);
}

/** Whether a hand-made link has carrier now (see the file's comment). */
function carrier(k: Kernel, ns: Namespace, i: NetIface): boolean {
  if (!i.admin) return false;
  if (i.kind === 'veth') return Boolean(peerOf(k, i)?.i.admin);
  if (i.kind === 'bridge') return ifaces(ns).some((p) => p.master === i.name && (p.admin === undefined ? p.up : p.admin && carrier(k, ns, p)));
  return true;
}

/** Recomputes carrier (`up`) and the IPv6 link-local address of every hand-made link in every namespace. */
export function refresh(k: Kernel): void {
  for (const ns of k.namespaces.values()) {
    for (const i of ns.interfaces ?? []) {
      if (i.admin === undefined) continue;
      // A bridge whose address nobody set takes its ports' lowest MAC (net/bridge/br_stp_if.c br_stp_recalculate_bridge_id).
      const ports = i.kind === 'bridge' ? ifaces(ns).filter((p) => p.master === i.name) : [];
      if (ports.length) i.mac = ports.map((p) => p.mac).sort()[0] as string;
      i.up = carrier(k, ns, i);
      const ll = linkLocal6(i.mac);
      if (i.up && !i.addrs.includes(ll)) i.addrs.push(ll);
    }
  }
}

/** ifi_flags as iproute2 prints them (ip/ipaddress.c print_link_flags), M-DOWN when a same-namespace peer is down. */
export function handFlags(ns: Namespace, i: NetIface): string {
  const base = i.admin ? (i.up ? 'BROADCAST,MULTICAST,UP,LOWER_UP' : 'NO-CARRIER,BROADCAST,MULTICAST,UP') : 'BROADCAST,MULTICAST';
  const p = samePeer(ns, i);
  return p && !p.admin ? `${base},M-DOWN` : base;
}

/** IFLA_OPERSTATE of a hand-made link. */
export function handState(i: NetIface): string {
  if (!i.admin) return 'DOWN';
  if (i.up) return 'UP';
  return i.kind === 'veth' ? 'LOWERLAYERDOWN' : 'DOWN';
}
