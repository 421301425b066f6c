/**
 * Whether a ping crosses links made by hand (net/wire.ts): the route lookup in the sender's namespace (longest prefix
 * of the connected routes of devices that are up, the first inserted on a tie as fib_table_lookup walks the aliases,
 * then the default route), the layer-2 segment out of that device (a veth to its peer while both ends have carrier, a
 * bridge to each port with carrier), the neighbour that holds the next hop's address (ARP), then the answer's way back
 * (the target needs a route to the sender's source address). Through a gateway, the router answers for its own
 * addresses and forwards (ip_forward) to another segment once; what leaves the host for the outside has a private
 * source nobody answers without NAT, so it is lost.
 * Outcomes as Linux shows them: no route → connect(2) fails, ENETUNREACH ("Network is unreachable"); a route but no
 * neighbour answers ARP (carrier down, nobody with the address) → "Destination Host Unreachable" from the sender's own
 * address; an answer with no way back, or a packet forwarded to the outside → lost (100% packet loss).
 */
import type { Kernel } from '../kernel/kernel.ts';
import type { Namespace, NetIface } from '../kernel/types.ts';
import { inCidr, parseCidr } from './addr.ts';
import { staticMatch } from './fib.ts';
import { peerOf } from './wire.ts';

/** A neighbour entry the exchange leaves in a namespace (ARP request and answer, net/ipv4/arp.c arp_process). */
export interface Learned {
  ns: Namespace;
  ip: string;
  dev: string;
  mac: string;
}

export type Wired = { kind: 'wired'; ttl: number; learned: Learned[] } | { kind: 'arp'; src: string } | { kind: 'dropped' } | { kind: 'unreachable' };

interface Route {
  dev: NetIface;
  /** The next hop: the address itself on a connected route, the gateway on the default one. */
  hop: string;
  /** The source address the kernel picks (the device's address in the route's subnet, else its first one). */
  src?: string;
}

const v4 = (i: NetIface) => i.addrs.filter((a) => !a.includes(':') && !a.startsWith('127.'));
/** A device whose routes exist: hand-made ones while administratively up; the others as their model says. */
const routable = (i: NetIface) => (i.admin === undefined ? i.kind !== 'loopback' : i.admin);

/** The route `ns` takes to `ip`, or undefined (no route). */
function lookup(ns: Namespace, ip: string): Route | undefined {
  let best: Route | undefined;
  let bestLen = -1;
  for (const i of ns.interfaces ?? []) {
    if (!routable(i)) continue;
    for (const a of v4(i)) {
      const c = parseCidr(a);
      if (c && c.len > bestLen && inCidr(ip, c)) {
        best = { dev: i, hop: ip, src: a.split('/')[0] };
        bestLen = c.len;
      }
    }
  }
  // A route added by hand with a longer prefix than the connected one (net/fib.ts).
  const st = staticMatch(ns, ip);
  const stDev = st && (ns.interfaces ?? []).find((i) => i.name === st.dev);
  if (st && stDev && routable(stDev) && Number(st.dst.split('/')[1]) > bestLen && !(st.dst === '0.0.0.0/0' && ns.gateway))
    return { dev: stDev, hop: st.via ?? ip, src: v4(stDev)[0]?.split('/')[0] };
  if (best) return best;
  const gw = ns.gateway;
  const dev = gw && (ns.interfaces ?? []).find((i) => i.name === gw.dev);
  if (!gw || !dev || !routable(dev)) return undefined;
  return { dev, hop: gw.via, src: v4(dev)[0]?.split('/')[0] };
}

/** Every (namespace, device) a frame sent on `dev` reaches: through veth peers and bridges with carrier. */
function segment(k: Kernel, ns: Namespace, dev: NetIface): { ns: Namespace; i: NetIface }[] {
  const seen = new Set<NetIface>();
  const out: { ns: Namespace; i: NetIface }[] = [];
  const visit = (n: Namespace, i: NetIface) => {
    if (seen.has(i) || !i.up) return;
    seen.add(i);
    out.push({ ns: n, i });
    const p = i.admin !== undefined ? peerOf(k, i) : undefined;
    if (p) visit(p.ns, p.i);
    const list = n.interfaces ?? [];
    if (i.master) {
      const br = list.find((x) => x.name === i.master);
      if (br) visit(n, br);
    }
    if (i.kind === 'bridge') for (const port of list) if (port.master === i.name) visit(n, port);
  };
  visit(ns, dev);
  return out;
}

/** The device on the segment that answers ARP for `ip`: not a bridge port (its frames go to the bridge). */
function neighbour(k: Kernel, ns: Namespace, dev: NetIface, ip: string): { ns: Namespace; i: NetIface } | undefined {
  return segment(k, ns, dev).find(({ i }) => !i.master && i !== dev && v4(i).some((a) => a.split('/')[0] === ip));
}

const ownAddress = (ns: Namespace, ip: string) => (ns.interfaces ?? []).some((i) => i.addrs.some((a) => a.split('/')[0] === ip));

/**
 * The outcome of a ping from namespace `from` to `ip` when its route leaves through a hand-made link, or when the
 * namespace is neither the host's nor a container's (`plain`); undefined leaves the answer to Docker's model.
 */
export function wiredReach(k: Kernel, from: number, ip: string, plain: boolean): Wired | undefined {
  const ns = k.ns(from);
  const r = lookup(ns, ip);
  if (!r) return plain || (ns.interfaces ?? []).some((i) => i.admin !== undefined) ? { kind: 'unreachable' } : undefined;
  if (r.dev.admin === undefined && !plain) return undefined;
  if (r.dev.admin === undefined) return { kind: 'dropped' };
  if (!r.src) return { kind: 'dropped' };
  // Nobody answers ARP: the kernel fails the queued packets with ICMP host unreachable to the sender (ipv4_link_failure).
  const n = neighbour(k, ns, r.dev, r.hop);
  if (!n) return { kind: 'arp', src: r.src };
  const back = (to: Namespace) => lookup(to, r.src as string) !== undefined;
  const first: Learned[] = [
    { ns, ip: r.hop, dev: r.dev.name, mac: n.i.mac },
    { ns: n.ns, ip: r.src, dev: n.i.name, mac: r.dev.mac },
  ];
  if (r.hop === ip || ownAddress(n.ns, ip)) return back(n.ns) ? { kind: 'wired', ttl: 64, learned: first } : { kind: 'dropped' };
  // A router: forwards to a hand-made segment it has a route to (net.ipv4.ip_forward), once.
  const fwd = lookup(n.ns, ip);
  if (!fwd || fwd.dev.admin === undefined || n.ns.devconf?.all === '0') return { kind: 'dropped' };
  const m = neighbour(k, n.ns, fwd.dev, fwd.hop);
  if (!m || fwd.hop !== ip || !fwd.src || !lookup(m.ns, r.src)) return { kind: 'dropped' };
  const second: Learned[] = [
    { ns: n.ns, ip, dev: fwd.dev.name, mac: m.i.mac },
    { ns: m.ns, ip: fwd.src, dev: m.i.name, mac: fwd.dev.mac },
  ];
  return { kind: 'wired', ttl: 63, learned: [...first, ...second] };
}
