/**
 * The routes of the main table added by hand (`ip route add|replace|del`), beside the connected routes that follow from
 * the addresses and the default route (ns.gateway). Linux 6.8's fib (net/ipv4/fib_trie.c) keeps one alias per prefix,
 * tos and priority: fib_table_insert answers EEXIST for the same triple under NLM_F_EXCL and replaces it under
 * NLM_F_REPLACE; fib_table_delete matches what the request names (the protocol, scope, gateway, device, metric only when
 * given) and answers ESRCH otherwise. A dump walks the trie in key order, longer prefixes first on one key, then by
 * priority (fib_find_alias keeps aliases sorted by slen, tos, priority).
 * iproute2@v6.1.0:ip/iproute.c print_route prints `DST via GW dev DEV`, `proto P` unless RTPROT_BOOT (what `ip route add`
 * sends), `scope S` unless universe, `metric N` when RTA_PRIORITY is dumped (fib_dump_info: only when not 0), then the
 * flags (RTNH_F_LINKDOWN: `linkdown`); a /32 prints without its length. Protocol names: lib/rt_names.c rtnl_rtprot_tab.
 */
import type { Namespace, StaticRoute } from '../kernel/types.ts';
import { intToIp, ipToInt, maskOf } from './addr.ts';

/** lib/rt_names.c rtnl_rtprot_tab (iproute2 6.1.0), number → name. */
export const RTPROT: Record<number, string> = {
  0: 'unspec',
  1: 'redirect',
  2: 'kernel',
  3: 'boot',
  4: 'static',
  8: 'gated',
  9: 'ra',
  10: 'mrt',
  11: 'zebra',
  12: 'bird',
  13: 'dnrouted',
  14: 'xorp',
  15: 'ntk',
  16: 'dhcp',
  18: 'keepalived',
  42: 'babel',
  186: 'bgp',
  187: 'isis',
  188: 'ospf',
  189: 'rip',
  192: 'eigrp',
};

/** rtnl_rtprot_a2n: a name from the table or a number (0–255, decimal or 0x hex); the name iproute2 prints back. */
export function protoName(word: string): string | undefined {
  if (Object.values(RTPROT).includes(word)) return word;
  const n = /^0x[0-9a-f]+$/i.test(word) ? Number.parseInt(word, 16) : /^\d+$/.test(word) ? Number(word) : Number.NaN;
  if (!Number.isInteger(n) || n > 255) return undefined;
  return RTPROT[n] ?? String(n);
}

const netKey = (cidr: string) => {
  const [ip, len] = cidr.split('/') as [string, string];
  return (ipToInt(ip) & maskOf(Number(len))) >>> 0;
};
const lenOf = (cidr: string) => Number(cidr.split('/')[1]);

/** How print_route names the destination: the prefix, bare for a host route. */
export const dstText = (cidr: string) => (cidr.endsWith('/32') ? cidr.slice(0, -3) : cidr);

/** One route's line as iproute2 prints it (with its trailing space, as print_route leaves one after each field). */
export function routeLine(r: StaticRoute, linkdown: boolean): string {
  let s = `${dstText(r.dst)} ${r.via ? `via ${r.via} ` : ''}dev ${r.dev} `;
  if (r.proto !== 'boot') s += `proto ${r.proto} `;
  if (r.scope !== 'universe') s += `scope ${r.scope} `;
  if (r.metric) s += `metric ${r.metric} `;
  return linkdown ? `${s}linkdown ` : s;
}

/** The sort key of a row of the dump: the network, longer prefixes first, then the metric. */
export function rowKey(cidr: string, metric = 0): [number, number, number] {
  return [netKey(cidr), -lenOf(cidr), metric];
}

export function compareKeys(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** The route to `ip` among the hand-made ones: the longest prefix, the lowest metric on a tie. */
export function staticMatch(ns: Namespace, ip: string): StaticRoute | undefined {
  const d = ipToInt(ip) >>> 0;
  let best: StaticRoute | undefined;
  for (const r of ns.routes ?? []) {
    const len = lenOf(r.dst);
    if ((d & maskOf(len)) >>> 0 !== netKey(r.dst)) continue;
    if (!best || len > lenOf(best.dst) || (len === lenOf(best.dst) && r.metric < best.metric)) best = r;
  }
  return best;
}

/** The canonical prefix `a.b.c.d/len` of a destination word (a bare address is a /32), or undefined when host bits are set. */
export function canonical(word: string): { cidr: string } | { hostBits: true } {
  const [ip, lenText] = word.split('/') as [string, string | undefined];
  const len = lenText === undefined ? 32 : Number(lenText);
  const net = intToIp((ipToInt(ip) & maskOf(len)) >>> 0);
  if (net !== ip) return { hostBits: true };
  return { cidr: `${ip}/${len}` };
}
