/**
 * busybox 1.36.1's IPv4 routing table (busybox@1_36_1:networking/route.c bb_displayroutes, shared by `route` and
 * `netstat -r`): the rows of /proc/net/route, the main table in the kernel's trie order (the default route, then each
 * connected subnet by address; linux@v6.8:net/ipv4/fib_trie.c fib_route_seq_show), flags from "UGHRDM" (U up, G gateway),
 * "%-15.15s %-15.15s %-16s%-6s" then "%-6d %-2d %7d %s" (Metric Ref Use Iface) or, netstat's default, "%5d %-5d %6d %s"
 * (MSS Window irtt Iface). Names come from libbb/inet_common.c INET_rresolve: with -n every address is dotted; without,
 * 0.0.0.0 is "default" as a destination and "*" as a gateway, and a gateway host is looked up (no PTR answers for a
 * container's gateway, so it stays dotted); a network address stays dotted (alpine builds without FEATURE_ETC_NETWORKS).
 */
import type { Namespace } from '../kernel/types.ts';
import { intToIp, ipToInt, maskOf } from './addr.ts';

interface RouteRow {
  dest: string;
  gw: string;
  mask: string;
  flags: string;
  dev: string;
}

function rows(ns: Namespace): RouteRow[] {
  const out: { key: number; row: RouteRow }[] = [];
  const gw = ns.gateway;
  if (gw) out.push({ key: -1, row: { dest: '0.0.0.0', gw: gw.via, mask: '0.0.0.0', flags: 'UG', dev: gw.dev } });
  for (const i of ns.interfaces ?? []) {
    for (const a of i.addrs) {
      if (a.includes(':') || a.startsWith('127.')) continue;
      const [ip, lenText] = a.split('/') as [string, string];
      const len = Number(lenText);
      if (len >= 32) continue;
      const net = (ipToInt(ip) & maskOf(len)) >>> 0;
      out.push({ key: net, row: { dest: intToIp(net), gw: '0.0.0.0', mask: intToIp(maskOf(len) >>> 0), flags: 'U', dev: i.name } });
    }
  }
  return out.sort((a, b) => a.key - b.key).map((r) => r.row);
}

/** The table as `route [-n] [-e]` (netstatFmt: -e) or `netstat -r[n]` (netstatFmt unless -e) prints it. */
export function bbRoutes(ns: Namespace, numeric: boolean, netstatFmt: boolean): string {
  let s = `Kernel IP routing table\nDestination     Gateway         Genmask         Flags ${netstatFmt ? '  MSS Window  irtt' : 'Metric Ref    Use'} Iface\n`;
  for (const r of rows(ns)) {
    const dest = numeric ? r.dest : r.dest === '0.0.0.0' ? 'default' : r.dest;
    const gw = numeric ? r.gw : r.gw === '0.0.0.0' ? '*' : r.gw;
    s += `${dest.padEnd(15)} ${gw.padEnd(15)} ${r.mask.padEnd(16)}${r.flags.padEnd(6)}`;
    s += netstatFmt ? `${'0'.padStart(5)} ${'0'.padEnd(5)} ${'0'.padStart(6)} ${r.dev}\n` : `${'0'.padEnd(6)} ${'0'.padEnd(2)} ${'0'.padStart(7)} ${r.dev}\n`;
  }
  return s;
}
