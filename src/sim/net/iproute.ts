/**
 * What `ip link`, `ip addr` and `ip route` print for a network namespace, in the two
 * wordings the lessons meet: iproute2 (the host, debian-based images) and busybox (alpine).
 * busybox ignores IFLA_LINK_NETNSID, so a veth whose peer is in another namespace shows
 * `@if7` plus `M-DOWN` (it cannot find the peer locally); iproute2 shows `@if7` and
 * `link-netnsid 0`. Both print one space after every token, so some lines end in a space.
 */
import type { Namespace, NetIface } from '../kernel/types.ts';
import { broadcast, ipToInt, intToIp, maskOf } from './addr.ts';
import { compareKeys, routeLine, rowKey } from './fib.ts';
import { type DetailsCtx, detailsText } from './linkdetails.ts';
import { handFlags, handState, samePeer } from './wire.ts';

export type IpFlavor = 'iproute2' | 'busybox';

export function flags(i: NetIface, bb: boolean, ns?: Namespace): string {
  if (i.admin !== undefined && ns) return handFlags(ns, i);
  if (i.kind === 'loopback') return i.up ? 'LOOPBACK,UP,LOWER_UP' : 'LOOPBACK';
  const base = i.up ? 'BROADCAST,MULTICAST,UP,LOWER_UP' : 'NO-CARRIER,BROADCAST,MULTICAST,UP';
  return bb && i.netnsid !== undefined ? `${base},M-DOWN` : base;
}

export function qdiscOf(i: NetIface): string {
  if (i.admin !== undefined) return i.everUp ? 'noqueue' : 'noop';
  if (i.kind === 'loopback') return i.up ? 'noqueue' : 'noop';
  return i.kind === 'ether' ? 'fq_codel' : 'noqueue';
}

export function stateOf(i: NetIface): string {
  if (i.admin !== undefined) return handState(i);
  if (i.kind === 'loopback' || i.kind === 'vxlan') return i.up ? 'UNKNOWN' : 'DOWN';
  return i.up ? 'UP' : 'DOWN';
}

export function qlenOf(i: NetIface): number {
  if (i.qlen !== undefined) return i.qlen;
  return i.kind === 'loopback' || i.kind === 'ether' ? 1000 : 0;
}

/** `eth0@if7` across namespaces, `veth-red@veth-red-br` for a peer in the same one (lib/utils.c print_name_and_link). */
export function nameAt(i: NetIface, ns?: Namespace): string {
  const same = ns && samePeer(ns, i);
  if (same) return `${i.name}@${same.name}`;
  return i.peer !== undefined ? `${i.name}@if${i.peer}` : i.name;
}

/** The first line of an interface: `6: eth0@if7: <…> mtu 1500 qdisc noqueue state UP …`. */
export function linkHead(i: NetIface, fl: IpFlavor, link: boolean, ns?: Namespace): string {
  const name = nameAt(i, ns);
  const master = i.master ? `master ${i.master} ` : '';
  const qlen = qlenOf(i);
  if (fl === 'busybox')
    return `${i.index}: ${name}: <${flags(i, true, ns)}> mtu ${i.mtu} qdisc ${qdiscOf(i)} ${master}state ${stateOf(i)} ${qlen ? `qlen ${qlen}` : ''}`;
  return `${i.index}: ${name}: <${flags(i, false, ns)}> mtu ${i.mtu} qdisc ${qdiscOf(i)} ${master}state ${stateOf(i)} ${link ? 'mode DEFAULT ' : ''}group default ${qlen ? `qlen ${qlen}` : ''}`;
}

/**
 * `ip -s link`'s counters (iproute2@v6.1.0:ip/ipaddress.c print_linkinfo: with do_link and show_stats, print_stats64
 * after the link/ether line and before the altnames). The columns start at strlen("*X errors:"), "packets", "errors",
 * "dropped", "heartbt", "overrun", "compressed" and widen for longer numbers (size_columns); the headers are
 * "    RX: %*s %*s %*s %*s %*s %*s %*s%s" with cols[0] - 4 for "bytes" and cols[6] for "compressed" only when counted
 * (else an empty field of that width), the numbers print_num's "%*llu ". The simulator counts no packets on a link, so
 * every counter reads 0, as on a link that has just come up.
 */
const STATS =
  `    RX: ${'bytes'.padStart(6)} ${'packets'.padStart(7)} ${'errors'.padStart(6)} ${'dropped'.padStart(7)} ${'missed'.padStart(7)} ${'mcast'.padStart(7)} ${''.padStart(10)}\n` +
  `    ${[10, 7, 6, 7, 7, 7].map((w) => `${'0'.padStart(w)} `).join('')}\n` +
  `    TX: ${'bytes'.padStart(6)} ${'packets'.padStart(7)} ${'errors'.padStart(6)} ${'dropped'.padStart(7)} ${'carrier'.padStart(7)} ${'collsns'.padStart(7)} ${''.padStart(10)}\n` +
  `    ${[10, 7, 6, 7, 7, 7].map((w) => `${'0'.padStart(w)} `).join('')}\n`;

/**
 * iproute2@v6.1.0:ip/ipaddress.c print_linkinfo: IFLA_LINK_NETNSID as " link-netns NAME" when a file under /run/netns is
 * that namespace (get_name_from_nsid), else " link-netnsid N".
 */
function linkLines(i: NetIface, fl: IpFlavor, o: ShowOptions, ns: Namespace, doLink: boolean): string {
  const netns = i.netnsid === undefined ? '' : (o.nsName?.(i.netnsid) ?? '');
  const l2 = i.kind === 'loopback' ? '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00' : `    link/ether ${i.mac} brd ff:ff:ff:ff:ff:ff`;
  if (fl === 'busybox') return `${l2}\n`;
  const details = o.details ? detailsText(ns, i, o.details, doLink) : '';
  return `${l2}${i.netnsid === undefined ? '' : netns ? ` link-netns ${netns}` : ` link-netnsid ${i.netnsid}`}${details}\n${o.stats ? STATS : ''}${i.altname ? `    altname ${i.altname}\n` : ''}`;
}

function addrLine(i: NetIface, cidr: string, fl: IpFlavor): string {
  const life = '       valid_lft forever preferred_lft forever\n';
  if (cidr.includes(':')) {
    const scope = cidr.startsWith('::1/') ? 'host' : cidr.startsWith('fe80:') ? 'link' : 'global';
    const extra = fl === 'iproute2' && scope === 'host' ? 'noprefixroute ' : '';
    return `    inet6 ${cidr} scope ${scope} ${extra}\n${life}`;
  }
  const host = cidr.startsWith('127.');
  const len = Number(cidr.split('/')[1]);
  const brd = host || len >= 31 || i.nobrd?.includes(cidr) ? '' : `brd ${broadcast(cidr)} `;
  return `    inet ${cidr} ${brd}scope ${host ? 'host' : 'global'} ${i.name}\n${life}`;
}

export interface ShowOptions {
  family?: 4 | 6;
  /** iproute2 -br: one line per interface. */
  brief?: boolean;
  /** iproute2 -s on `ip link`: the counters (all 0 here). */
  stats?: boolean;
  /** iproute2 -d: each link's details (net/linkdetails.ts), with the clock and CPU count they depend on. */
  details?: DetailsCtx;
  dev?: string;
  master?: string;
  up?: boolean;
  /** `type KIND`: the link kind (IFLA_INFO_KIND) the device must have; a physical NIC or lo has none. */
  type?: string;
  /** The name under /run/netns of the namespace the current one numbers `nsid` (iproute2 only). */
  nsName?: (nsid: number) => string | undefined;
}

export function selectIfaces(ns: Namespace, o: ShowOptions): NetIface[] {
  return (ns.interfaces ?? []).filter(
    (i) =>
      (!o.dev || i.name === o.dev) &&
      (!o.master || i.master === o.master) &&
      (!o.up || i.up || i.kind === 'loopback') &&
      (o.type === undefined || (i.kind !== 'ether' && i.kind !== 'loopback' && i.kind === o.type)),
  );
}

/** iproute2's -br column layout: name (16), state (14), then the addresses or MAC and flags. */
function briefLine(i: NetIface, rest: string[], ns?: Namespace): string {
  const name = nameAt(i, ns);
  return `${name.padEnd(16)} ${stateOf(i).padEnd(14)} ${rest.map((r) => `${r} `).join('')}\n`;
}

export function showLink(ns: Namespace, fl: IpFlavor, o: ShowOptions): string {
  if (o.brief)
    return selectIfaces(ns, o)
      .map((i) => briefLine(i, [i.mac, `<${flags(i, false, ns)}>`], ns))
      .join('');
  return selectIfaces(ns, o)
    .map((i) => `${linkHead(i, fl, true, ns)}\n${linkLines(i, fl, o, ns, true)}`)
    .join('');
}

export function showAddr(ns: Namespace, fl: IpFlavor, o: ShowOptions): string {
  const fam = (a: string) => (o.family === 4 ? !a.includes(':') : o.family === 6 ? a.includes(':') : true);
  if (o.brief)
    return selectIfaces(ns, o)
      .filter((i) => !o.family || i.addrs.some(fam))
      .map((i) => briefLine(i, i.addrs.filter(fam), ns))
      .join('');
  return selectIfaces(ns, o)
    .filter((i) => !o.family || i.addrs.some(fam))
    .map(
      (i) =>
        `${linkHead(i, fl, false, ns)}\n${o.family && !o.details ? '' : linkLines(i, fl, o, ns, false)}${i.addrs
          .filter(fam)
          .map((a) => addrLine(i, a, fl))
          .join('')}`,
    )
    .join('');
}

/** The main routing table: the default route, then one connected route per IPv4 subnet, in address order. */
export function showRoute(ns: Namespace, fl: IpFlavor): string {
  const rows: { key: [number, number, number]; text: string }[] = [];
  const gw = ns.gateway;
  if (gw)
    rows.push({
      key: rowKey('0.0.0.0/0'),
      text:
        fl === 'busybox'
          ? `default via ${gw.via} dev ${gw.dev} `
          : `default via ${gw.via} dev ${gw.dev} ${gw.proto ? `proto ${gw.proto} ` : ''}${(ns.interfaces ?? []).some((i) => i.name === gw.dev && i.admin && !i.up) ? 'linkdown ' : ''}`,
    });
  for (const i of ns.interfaces ?? []) {
    // A hand-made link that is down has no connected routes (net/ipv4/fib_frontend.c fib_disable_ip).
    if (i.admin === false) continue;
    for (const a of i.addrs) {
      if (a.includes(':') || a.startsWith('127.')) continue;
      const [ip, lenText] = a.split('/') as [string, string];
      const len = Number(lenText);
      if (len >= 32) continue;
      const net = `${intToIp((ipToInt(ip) & maskOf(len)) >>> 0)}/${len}`;
      const text =
        fl === 'busybox' ? `${net} dev ${i.name} scope link  src ${ip} ` : `${net} dev ${i.name} proto kernel scope link src ${ip} ${i.up ? '' : 'linkdown '}`;
      rows.push({ key: rowKey(net), text });
    }
  }
  // The routes added by hand (net/fib.ts); busybox prints the same fields without the iproute2-only ones.
  for (const r of ns.routes ?? []) {
    const dev = (ns.interfaces ?? []).find((i) => i.name === r.dev);
    const text = routeLine(r, fl === 'iproute2' && dev !== undefined && !dev.up);
    rows.push({ key: rowKey(r.dst, r.metric), text: r.dst === '0.0.0.0/0' ? text.replace(/^0\.0\.0\.0\/0/, 'default') : text });
  }
  return rows
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((r) => `${r.text}\n`)
    .join('');
}
