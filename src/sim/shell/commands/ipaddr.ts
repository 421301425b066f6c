/**
 * `ip address add|delete PREFIX dev DEV [brd +]` (iproute2 6.1), IPv4; `ip route add|del|replace` is iproute-modify.ts.
 * Texts: iproute2@v6.1.0:ip/ipaddress.c (do_ipaddr, ipaddr_modify: "Not enough information", the wildcard deletion
 * warning), ip/iproute.c (iproute_modify), lib/utils.c (get_prefix, get_addr, nodev), lib/libnetlink.c (rtnl_talk).
 * The kernel's answers (Linux 6.8): EEXIST for an address or a default route already there (net/ipv4/devinet.c
 * __inet_insert_ifa, fib_table_insert), EADDRNOTAVAIL for an address that is not (inet_rtm_deladdr), ESRCH for a route
 * that is not (fib_table_delete), "Nexthop has invalid gateway" when no connected route of an up device covers the
 * gateway or it is a local address (net/ipv4/fib_semantics.c fib_check_nh_v4_gw).
 * An address without a length is a /32; without `brd` it has no broadcast address (rtm_to_ifaddr takes IFA_BROADCAST
 * only when sent), so `ip addr` shows no "brd".
 */
import type { ExecResult } from '../../api.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import type { Namespace } from '../../kernel/types.ts';
import { inCidr, isIpv4, parseCidr } from '../../net/addr.ts';
import type { CmdEnv } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
const matches = (word: string, full: string) => word.length > 0 && full.startsWith(word);
const kernelSays = (text: string) => R('', `RTNETLINK answers: ${text}\n`, 2);
const INCOMPLETE = R('', 'Command line is not complete. Try option "help"\n', 255);

/** get_prefix's check for an IPv4 address with an optional length. */
const prefixOk = (p: string) => {
  const [ip, len, more] = p.split('/');
  return more === undefined && isIpv4(ip ?? '') && (len === undefined || (/^\d{1,2}$/.test(len) && Number(len) <= 32));
};

/** `ip addr add|del`; `sub` is the verb as typed. */
export function addrModify(sub: string, args: string[], env: CmdEnv): ExecResult {
  const del = matches(sub, 'delete');
  let local: string | undefined;
  let dev: string | undefined;
  let brd = false;
  const w = [...args];
  while (w.length) {
    const a = w.shift() as string;
    if (a === 'dev') {
      dev = w.shift();
      if (dev === undefined) return INCOMPLETE;
    } else if (a === 'brd' || matches(a, 'broadcast')) {
      const v = w.shift();
      if (v === undefined) return INCOMPLETE;
      brd = true;
    } else if (['label', 'scope', 'peer', 'valid_lft', 'preferred_lft', 'metric', 'noprefixroute', 'nodad'].includes(a))
      return R('', `ip: \`ip addr ${sub} … ${a}\` is not simulated on node1: only PREFIX, dev and brd are.\n`, 2);
    else {
      const v = a === 'local' ? w.shift() : a;
      if (v === undefined) return INCOMPLETE;
      if (local !== undefined) return R('', `Error: either "local" is duplicate, or "${v}" is a garbage.\n`, 255);
      if (v.includes(':')) return R('', 'ip: IPv6 addresses are not simulated by `ip addr add` on node1.\n', 2);
      if (!prefixOk(v)) return R('', `Error: any valid prefix is expected rather than "${v}".\n`, 1);
      local = v;
    }
  }
  if (dev === undefined) return R('', 'Not enough information: "dev" argument is required.\n', 1);
  let warn = '';
  if (del && local !== undefined && !local.includes('/'))
    warn = `Warning: Executing wildcard deletion to stay compatible with old scripts.\n         Explicitly specify the prefix length (${local}/32) to avoid this warning.\n         This special behaviour is likely to disappear in further releases,\n         fix your scripts!\n`;
  const ns = env.host.kernel.ns(env.self.ns.net);
  const i = (ns.interfaces ?? []).find((x) => x.name === dev);
  if (!i) return R('', `${warn}Cannot find device "${dev}"\n`, 1);
  if (!hasCap(env.self.caps, 'net_admin')) return R('', `${warn}RTNETLINK answers: Operation not permitted\n`, 2);
  if (del) {
    const hit = i.addrs.find((a) => !a.includes(':') && (local === undefined || a === local || (!local.includes('/') && a.split('/')[0] === local)));
    if (!hit) return R('', `${warn}RTNETLINK answers: Cannot assign requested address\n`, 2);
    i.addrs = i.addrs.filter((a) => a !== hit);
    i.nobrd = i.nobrd?.filter((a) => a !== hit);
    if (ns.gateway?.dev === i.name && !connected(ns, ns.gateway.via)) ns.gateway = undefined;
    return R(warn);
  }
  if (local === undefined) return R('', 'Not enough information: "dev" argument is required.\n', 1);
  const cidr = local.includes('/') ? local : `${local}/32`;
  if (i.addrs.includes(cidr)) return kernelSays('File exists');
  const v6 = i.addrs.findIndex((a) => a.includes(':'));
  i.addrs.splice(v6 < 0 ? i.addrs.length : v6, 0, cidr);
  if (!brd) i.nobrd = [...(i.nobrd ?? []), cidr];
  return R('');
}

/** The device whose connected route (an up device's IPv4 subnet) covers `ip`, or undefined. */
function connected(ns: Namespace, ip: string, dev?: string): string | undefined {
  for (const i of ns.interfaces ?? []) {
    if (i.admin === false || (dev !== undefined && i.name !== dev)) continue;
    for (const a of i.addrs) {
      const c = a.includes(':') ? undefined : parseCidr(a);
      if (c && c.len < 32 && inCidr(ip, c)) return a.split('/')[0] === ip ? undefined : i.name;
    }
  }
  return undefined;
}
