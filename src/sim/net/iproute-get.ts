/**
 * `ip route get ADDRESS` and `ip -6 route` for a network namespace, in iproute2's wording
 * (iproute2@v6.1.0:ip/iproute.c print_route: a cloned IPv4 route prints `via`, `dev`, `src`,
 * `uid`, then "\n    cache " and its flags as `<local> `; an IPv6 route `proto kernel metric 256`
 * and `pref medium`, nothing after it) and busybox's (busybox@1_36_1:networking/libiproute/iproute.c
 * print_route: ` src X ` with a space before, ` metric N `, no uid, no cache line for IPv4).
 */
import type { Namespace } from '../kernel/types.ts';
import { ipToInt, maskOf } from './addr.ts';
import { staticMatch } from './fib.ts';
import type { IpFlavor } from './iproute.ts';

/** The route the kernel picks for an IPv4 destination: a local address, the longest connected prefix, else the default route. */
export function routeGet(ns: Namespace, fl: IpFlavor, dest: string, uid: number): { out: string } | { err: string; code: number } {
  const bb = fl === 'busybox';
  const d = ipToInt(dest) >>> 0;
  const ifaces = ns.interfaces ?? [];
  const v4 = (a: string) => !a.includes(':');
  // A local address (or 127/8) is routed through lo (RTN_LOCAL: `local …`, cache flag RTCF_LOCAL).
  const localIface = ifaces.find((i) => i.addrs.some((a) => v4(a) && a.split('/')[0] === dest));
  const lo = ifaces.find((i) => i.kind === 'loopback');
  if ((localIface || dest.startsWith('127.')) && lo?.up) {
    const src = localIface ? dest : '127.0.0.1';
    return { out: bb ? `local ${dest} dev lo  src ${src} \n` : `local ${dest} dev lo src ${src} uid ${uid} \n    cache <local> \n` };
  }
  let best: { len: number; dev: string; src: string } | undefined;
  for (const i of ifaces) {
    if (i.kind === 'loopback') continue;
    for (const a of i.addrs.filter(v4)) {
      const [ip, lenText] = a.split('/') as [string, string];
      const len = Number(lenText);
      if (len >= 32 || (ipToInt(ip) & maskOf(len)) >>> 0 !== (d & maskOf(len)) >>> 0) continue;
      if (!best || len > best.len) best = { len, dev: i.name, src: ip };
    }
  }
  // A route added by hand with a longer prefix wins (net/fib.ts); its source is the device's address next to the hop.
  let via = '';
  const st = staticMatch(ns, dest);
  const stLen = st ? Number(st.dst.split('/')[1]) : -1;
  if (st && stLen > (best?.len ?? -1) && !(stLen === 0 && ns.gateway)) {
    const out = ifaces.find((i) => i.name === st.dev);
    const hop = st.via ?? dest;
    const mine = out?.addrs.filter(v4) ?? [];
    const near = mine.find((a) => {
      const [ip, len] = a.split('/') as [string, string];
      return (ipToInt(ip) & maskOf(Number(len))) >>> 0 === (ipToInt(hop) & maskOf(Number(len))) >>> 0;
    });
    const src = (near ?? mine[0])?.split('/')[0];
    if (src) [best, via] = [{ len: stLen, dev: st.dev, src }, st.via ? `via ${st.via} ` : ''];
  }
  const gw = ns.gateway;
  if (!best && gw) {
    const out = ifaces.find((i) => i.name === gw.dev);
    const src = out?.addrs.find(v4)?.split('/')[0];
    if (src) [best, via] = [{ len: 0, dev: gw.dev, src }, `via ${gw.via} `];
  }
  // RTNETLINK's error for a destination no route covers (iproute_get returns -2: status 2; busybox dies with 1).
  if (!best) return bb ? { err: 'ip: RTNETLINK answers: Network is unreachable\n', code: 1 } : { err: 'RTNETLINK answers: Network is unreachable\n', code: 2 };
  return { out: bb ? `${dest} ${via}dev ${best.dev}  src ${best.src} \n` : `${dest} ${via}dev ${best.dev} src ${best.src} uid ${uid} \n    cache \n` };
}

/** `ip -6 route`: ::1 on lo, then fe80::/64 on each interface with a link-local address (the kernel's prefix routes, metric 256). */
export function showRoute6(ns: Namespace, fl: IpFlavor): string {
  const rows: string[] = [];
  const ifaces = [...(ns.interfaces ?? [])].sort((a, b) => a.index - b.index);
  const tail = fl === 'busybox' ? ' metric 256 ' : 'proto kernel metric 256 pref medium';
  for (const i of ifaces) if (i.up && i.addrs.includes('::1/128')) rows.push(`::1 dev ${i.name} ${tail}`);
  for (const i of ifaces) if (i.up && i.addrs.some((a) => a.startsWith('fe80:'))) rows.push(`fe80::/64 dev ${i.name} ${tail}`);
  return rows.map((r) => `${r}\n`).join('');
}
