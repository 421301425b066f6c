/**
 * `ip route add|change|replace|delete` (iproute2@v6.1.0:ip/iproute.c do_iproute, iproute_modify), IPv4, main table.
 * Words: `[to] PREFIX|default`, `via GW`, `dev|oif DEV`, `metric|priority|preference N`, `proto|protocol P`, `scope S`.
 * iproute_modify's own errors: get_prefix "Error: any valid prefix is expected rather than \"%s\".", get_addr for `via`
 * ("inet" once the destination set the family, else "any valid"), invarg ("Error: argument \"%s\" is wrong: %s" with the
 * message's own newline: "\"metric\" value is invalid", "\"protocol\" value is invalid", "invalid \"scope\" value",
 * exit 255), duparg2 for a second destination, NEXT_ARG's "Command line is not complete. Try option \"help\"", nodev's
 * "Cannot find device". A request sets RTPROT_BOOT and, without `via`, scope link (a delete: any scope, any protocol).
 * The kernel's answers (Linux 6.8): fib_table_insert "Invalid prefix for given prefix length" for host bits, EEXIST for
 * the same prefix and metric under `add`; fib_check_nh_v4_gw "Nexthop has invalid gateway" when no connected route of an
 * up device (the named one, if any), no device route and no local address covers the gateway (a local address is
 * accepted: RTN_LOCAL); fib_check_nh_nongw "Device for nexthop is not up" for a device route on a down device; fib_table_delete ESRCH ("No such process"); CAP_NET_ADMIN (EPERM).
 * The default route through a gateway at metric 0 is ns.gateway (what the rest of the simulator routes by); every other
 * route is in ns.routes (net/fib.ts).
 */
import type { ExecResult } from '../../api.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import type { Namespace, StaticRoute } from '../../kernel/types.ts';
import { inCidr, intToIp, ipToInt, isIpv4, maskOf, parseCidr } from '../../net/addr.ts';
import { canonical, protoName, staticMatch } from '../../net/fib.ts';
import type { CmdEnv } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
const matches = (word: string, full: string) => word.length > 0 && full.startsWith(word);
const kernelSays = (text: string) => R('', `RTNETLINK answers: ${text}\n`, 2);
const extack = (text: string) => R('', `Error: ${text}.\n`, 2);
const INCOMPLETE = R('', 'Command line is not complete. Try option "help"\n', 255);
const invarg = (msg: string, arg: string) => R('', `Error: argument "${arg}" is wrong: ${msg}\n`, 255);
const SCOPES: Record<string, StaticRoute['scope']> = {
  global: 'universe',
  universe: 'universe',
  link: 'link',
  host: 'host',
  '0': 'universe',
  '253': 'link',
  '254': 'host',
};

/** `ip route VERB ARGS`; `sub` is the verb as typed (add, change/chg, replace, delete, by any prefix). */
export function routeModify(sub: string, args: string[], env: CmdEnv): ExecResult {
  const del = matches(sub, 'delete');
  const mode = del ? 'delete' : matches(sub, 'add') ? 'add' : matches(sub, 'replace') ? 'replace' : 'change';
  let dst: string | undefined;
  let via: string | undefined;
  let dev: string | undefined;
  let metric: number | undefined;
  let proto: string | undefined;
  let scope: StaticRoute['scope'] | undefined;
  const w = [...args];
  while (w.length) {
    let a = w.shift() as string;
    const next = () => w.shift();
    if (a === 'via') {
      const v = next();
      if (v === undefined) return INCOMPLETE;
      if (!isIpv4(v)) return R('', `Error: ${dst ? 'inet' : 'any valid'} address is expected rather than "${v}".\n`, 1);
      via = v;
    } else if (a === 'dev' || a === 'oif') {
      dev = next();
      if (dev === undefined) return INCOMPLETE;
    } else if (matches(a, 'metric') || matches(a, 'priority') || a === 'preference') {
      const v = next();
      if (v === undefined) return INCOMPLETE;
      if (!/^\d+$/.test(v) || Number(v) > 0xffffffff) return invarg('"metric" value is invalid\n', v);
      metric = Number(v);
    } else if (matches(a, 'protocol')) {
      const v = next();
      if (v === undefined) return INCOMPLETE;
      proto = protoName(v);
      if (proto === undefined) return invarg('"protocol" value is invalid\n', v);
    } else if (a === 'scope') {
      const v = next();
      if (v === undefined) return INCOMPLETE;
      scope = SCOPES[v];
      if (scope === undefined) return invarg('invalid "scope" value\n', v);
    } else if (['src', 'table', 'onlink', 'mtu', 'nexthop', 'nhid', 'tos', 'type', 'encap', 'expires', 'from', 'realm', 'advmss'].includes(a))
      return R('', `ip: \`ip route ${sub} … ${a}\` is not simulated on node1: destination, via, dev, metric, proto and scope are.\n`, 2);
    else {
      if (a === 'to') {
        const v = next();
        if (v === undefined) return INCOMPLETE;
        a = v;
      }
      if (['unicast', 'local', 'broadcast', 'unreachable', 'blackhole', 'prohibit', 'throw', 'nat', 'anycast', 'multicast'].includes(a))
        return R('', `ip: route type \`${a}\` is not simulated on node1: unicast routes are.\n`, 2);
      if (dst !== undefined) return R('', `Error: either "to" is duplicate, or "${a}" is a garbage.\n`, 255);
      if (a === 'default' || a === 'all' || a === 'any') dst = '0.0.0.0/0';
      else {
        const [ip, len, more] = a.split('/');
        if (a.includes(':')) return R('', 'ip: IPv6 routes are not simulated by `ip route` on node1.\n', 2);
        if (more !== undefined || !isIpv4(ip ?? '') || (len !== undefined && !(/^\d{1,2}$/.test(len) && Number(len) <= 32)))
          return R('', `Error: any valid prefix is expected rather than "${a}".\n`, 1);
        dst = a;
      }
    }
  }
  if (dst === undefined) return R('', `ip: \`ip route ${sub}\` without a destination prints iproute2's usage, which node1 does not simulate.\n`, 255);
  const ns = env.host.kernel.ns(env.self.ns.net);
  const iface = dev === undefined ? undefined : (ns.interfaces ?? []).find((i) => i.name === dev);
  if (dev !== undefined && !iface) return R('', `Cannot find device "${dev}"\n`, 1);
  if (!hasCap(env.self.caps, 'net_admin')) return kernelSays('Operation not permitted');
  const c = canonical(dst);
  if ('hostBits' in c) return extack('Invalid prefix for given prefix length');
  const cidr = c.cidr;
  const routes = (ns.routes ??= []);
  const gw = ns.gateway;
  const isGw = (m: number | undefined) => cidr === '0.0.0.0/0' && (m ?? 0) === 0;

  if (del) {
    if (
      isGw(metric) &&
      gw &&
      (via === undefined || gw.via === via) &&
      (dev === undefined || gw.dev === dev) &&
      (proto === undefined || (gw.proto ?? 'boot') === proto)
    ) {
      ns.gateway = undefined;
      return R('');
    }
    const hit = routes.find(
      (r) =>
        r.dst === cidr &&
        (metric === undefined || r.metric === metric) &&
        (via === undefined || r.via === via) &&
        (dev === undefined || r.dev === dev) &&
        (proto === undefined || r.proto === proto) &&
        (scope === undefined || r.scope === scope),
    );
    if (!hit) return kernelSays('No such process');
    ns.routes = routes.filter((r) => r !== hit);
    return R('');
  }

  // fib_create_info: the next hop checks come before the table is searched.
  let outDev = dev;
  if (via !== undefined) {
    if (scope === 'link' || scope === 'host') return R('', 'ip: a gateway route with `scope link|host` is not simulated on node1.\n', 2);
    outDev = gatewayDev(ns, via, dev);
    if (!outDev) return extack('Nexthop has invalid gateway');
  } else {
    if (!iface) return R('', 'ip: a route needs `via GW` or `dev DEV` on node1 (iproute2 sends it without a next hop; the kernel then needs one).\n', 2);
    if (iface.admin === false || (iface.admin === undefined && iface.kind === 'loopback' && !iface.up)) return extack('Device for nexthop is not up');
  }
  const route: StaticRoute = {
    dst: cidr,
    ...(via ? { via } : {}),
    dev: outDev as string,
    proto: proto ?? 'boot',
    scope: scope ?? (via ? 'universe' : 'link'),
    metric: metric ?? 0,
  };
  const existing = isGw(metric) && gw ? 'gw' : routes.find((r) => r.dst === cidr && r.metric === route.metric);
  const connectedSame = (ns.interfaces ?? []).some(
    (i) => i.admin !== false && i.addrs.some((a) => !a.includes(':') && route.metric === 0 && canonicalOf(a) === cidr),
  );
  if (mode === 'add' && (existing || connectedSame)) return kernelSays('File exists');
  if (mode === 'change' && !existing) return kernelSays('No such file or directory');
  if (existing === 'gw') ns.gateway = undefined;
  else if (existing) ns.routes = routes.filter((r) => r !== existing);
  if (isGw(metric) && via && route.scope === 'universe') ns.gateway = { via, dev: route.dev, ...(route.proto !== 'boot' ? { proto: route.proto } : {}) };
  else (ns.routes as StaticRoute[]).push(route);
  return R('');
}

/**
 * fib_check_nh_v4_gw: the gateway is looked up at scope link, so a connected route, a device route added by hand
 * (scope link) or a local address of the namespace (RTN_LOCAL, accepted) gives the device; a gateway only the default
 * route covers does not. With `dev`, the lookup is bound to that device (flowi4_oif).
 */
function gatewayDev(ns: Namespace, via: string, dev: string | undefined): string | undefined {
  const ifs = (ns.interfaces ?? []).filter((i) => i.admin !== false && (dev === undefined || i.name === dev));
  const v4 = (a: string) => !a.includes(':');
  const local = ifs.find((i) => i.addrs.some((a) => v4(a) && a.split('/')[0] === via));
  if (local) return local.name;
  for (const i of ifs)
    for (const a of i.addrs.filter(v4)) {
      const c = parseCidr(a);
      if (c && c.len < 32 && !a.startsWith('127.') && inCidr(via, c)) return i.name;
    }
  const st = staticMatch(ns, via);
  if (st && st.scope === 'link' && !st.via && ifs.some((i) => i.name === st.dev)) return st.dev;
  return undefined;
}

/** The connected prefix of an interface address: `10.0.0.11/24` → `10.0.0.0/24` (none for a /32 or loopback). */
function canonicalOf(addr: string): string | undefined {
  const [ip, len] = addr.split('/') as [string, string];
  const n = Number(len);
  if (n >= 32 || ip.startsWith('127.')) return undefined;
  return `${intToIp((ipToInt(ip) & maskOf(n)) >>> 0)}/${n}`;
}
