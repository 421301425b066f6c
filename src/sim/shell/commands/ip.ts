import type { ExecResult } from '../../api.ts';
import { showAddr, showLink, showRoute, type IpFlavor, type ShowOptions } from '../../net/iproute.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { netns, nsidName, switchNetns } from './ipnetns.ts';
import { neigh } from './ipneigh.ts';
import { iplink } from './iplink.ts';
import { addrModify } from './ipaddr.ts';
import { routeModify } from './iproute-modify.ts';
import { routeGet, showRoute6 } from '../../net/iproute-get.ts';
import { jsonShow } from '../../net/iproute-json.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

const USAGE =
  'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n       ip [ -force ] -batch filename\nwhere  OBJECT := { address | addrlabel | fou | help | ila | ioam | l2tp | link |\n                   macsec | maddress | monitor | mptcp | mroute | mrule |\n                   neighbor | neighbour | netconf | netns | nexthop | ntable |\n                   ntbl | route | rule | sr | stats | tap | tcpmetrics |\n                   token | tunnel | tuntap | vrf | xfrm }\n       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |\n                    -h[uman-readable] | -iec | -j[son] | -p[retty] |\n                    -f[amily] { inet | inet6 | mpls | bridge | link } |\n                    -4 | -6 | -M | -B | -0 |\n                    -l[oops] { maximum-addr-flush-attempts } | -o[neline] |\n                    -t[imestamp] | -ts[hort] | -b[atch] [filename] |\n                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |\n                    -c[olor]}\n';

/**
 * busybox's `ip` usage (busybox@1_36_1:networking/ip.c ip_trivial_usage and ip_full_usage with alpine's FEATURE_IP_ADDRESS,
 * _ROUTE, _LINK, _TUNNEL, _NEIGH and _RULE), as libbb/appletlib.c bb_show_usage writes it to stderr before exiting 1.
 */
const BB_USAGE =
  'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n\n' +
  'OPTIONS := -f[amily] inet|inet6|link | -o[neline]\n\nip addr add|del IFADDR dev IFACE | show|flush [dev IFACE] [to PREFIX]\n' +
  'ip route list|flush|add|del|change|append|replace|test ROUTE\nip link set IFACE [up|down] [arp on|off] [multicast on|off]\n' +
  '\t[promisc on|off] [mtu NUM] [name NAME] [qlen NUM] [address MAC]\n\t[master IFACE | nomaster] [netns PID]\n' +
  'ip tunnel add|change|del|show [NAME]\n\t[mode ipip|gre|sit] [remote ADDR] [local ADDR] [ttl TTL]\n' +
  'ip neigh show|flush [to PREFIX] [dev DEV] [nud STATE]\nip rule [list] | add|del SELECTOR ACTION\n';

const matches = (word: string, full: string, min = 1) => word.length >= min && full.startsWith(word);

/**
 * `ip route get ADDRESS` for an IPv4 address (iproute2@v6.1.0:ip/iproute.c iproute_get; lib/utils.c get_prefix's error for a
 * word that is no address, AF_UNSPEC being "any valid"; busybox@1_36_1:networking/libiproute/utils.c get_prefix).
 */
function get(args: string[], env: CmdEnv, fl: IpFlavor): ExecResult {
  const words = args[0] === 'to' ? args.slice(1) : args;
  const dest = words[0];
  if (dest === undefined) return R('', fl === 'busybox' ? 'ip: need at least destination address\n' : 'need at least a destination address\n', 1);
  if (!/^(\d{1,3})(\.\d{1,3}){3}$/.test(dest) || dest.split('.').some((n) => Number(n) > 255))
    return R(
      '',
      fl === 'busybox' ? `ip: an inet prefix is expected rather than "${dest}"\n` : `Error: any valid prefix is expected rather than "${dest}".\n`,
      1,
    );
  const r = routeGet(env.host.kernel.ns(env.self.ns.net), fl, dest, env.self.uid);
  return 'out' in r ? R(r.out) : R('', r.err, r.code);
}

/** `ip [-4|-6] link|addr|route [show] [dev] NAME [master BR] [up]`, in iproute2 or busybox wording. */
export const ip: SimCommand = {
  name: 'ip',
  async run(args, env) {
    const fl: IpFlavor = env.flavor === 'busybox' ? 'busybox' : 'iproute2';
    const rest = [...args];
    const o: ShowOptions = {};
    let json = false;
    let pretty = false;
    let stats = 0;
    while (rest[0]?.startsWith('-')) {
      const f = rest.shift() as string;
      if (f === '-4') o.family = 4;
      else if (f === '-6') o.family = 6;
      else if ((f === '-br' || f === '-brief') && fl === 'iproute2') o.brief = true;
      // ip/ip.c main: "-json" and "-pretty" by any prefix (matches()), "--" read as "-".
      else if (fl === 'iproute2' && matches(f.replace(/^--/, '-'), '-json', 2)) json = true;
      else if (fl === 'iproute2' && matches(f.replace(/^--/, '-'), '-pretty', 2)) pretty = true;
      // ip answers --help itself (no entry in usage.ts): iproute2@v6.1.0:ip/ip.c main's matches(opt, "-help") is usage(), to
      // stderr with exit(-1); busybox@1_36_1:libbb/appletlib.c run_applet_and_exit makes `APPLET --help [...]` bb_show_usage
      // with exit status 0.
      else if (fl === 'busybox' && f === '--help' && args[0] === '--help') return R('', BB_USAGE, 0);
      else if (fl === 'iproute2' && (f === '-help' || f === '--help')) return R('', USAGE, 255);
      // ip.c main tries -netns before -Numeric: `-n` is the namespace.
      else if (fl === 'iproute2' && matches(f.replace(/^--/, '-'), '-netns', 2)) {
        const err = switchNetns(env, rest.shift());
        if (err) return err;
      }
      // ip.c main: -s/-stats/-statistics counts up show_stats; one -s on `ip link` prints the counters (all 0 here).
      else if (fl === 'iproute2' && (matches(f, '-statistics') || matches(f, '-stats', 3))) stats++;
      // ip.c main: -d/-details (any prefix) sets show_details: print_linkinfo adds each link's details (net/linkdetails.ts).
      else if (fl === 'iproute2' && matches(f, '-details'))
        o.details = { nowMs: env.host.kernel.now, bootMs: env.host.kernel.bootMs, cpus: env.host.fixture.cpus };
      // busybox@1_36_1:networking/libiproute/ip_parse_common_args.c knows only -oneline, -family, -4, -6 and -0 (any prefix,
      // index_in_substrings): any other option, -d among them, is bb_show_usage().
      else if (fl === 'busybox' && f !== '--' && !['oneline', 'family', '0'].some((w) => matches(f.replace(/^--?/, ''), w))) return R('', BB_USAGE, 1);
      else
        return R(
          '',
          fl === 'busybox' ? `ip: invalid option -- '${f.replace(/^-+/, '').slice(0, 1)}'\n` : `Option "${f}" is unknown, try "ip -help".\n`,
          fl === 'busybox' ? 1 : 255,
        );
    }
    const obj = rest.shift() ?? '';
    if (obj === '' || obj === 'help') return R('', USAGE, obj === 'help' ? 0 : 255);
    // ip/ip.c cmds[] lists neighbor and neighbour before netns, so `ip n` and `ip ne` are neigh (busybox: "neigh").
    if (matches(obj, 'neighbor') || matches(obj, 'neighbour')) return neigh(rest, env, fl);
    if (fl === 'iproute2' && matches(obj, 'netns')) return netns(rest, env);
    const kind = matches(obj, 'link') ? 'link' : matches(obj, 'address') || obj === 'addr' ? 'addr' : matches(obj, 'route') ? 'route' : undefined;
    if (!kind) return R('', fl === 'busybox' ? `ip: unknown object '${obj}'\n` : `Object "${obj}" is unknown, try "ip help".\n`, fl === 'busybox' ? 1 : 255);
    if (stats && (kind !== 'link' || stats > 1 || json || o.brief))
      return R('', `ip: ${'-s '.repeat(stats)}is simulated on node1 for \`ip -s link\` only: the simulator keeps no packet counters.\n`, 255);
    if (stats) o.stats = true;
    const verb = rest[0] ?? '';
    if (kind === 'link' && (fl === 'busybox' ? verb === 'set' : ['add', 'set', 'change', 'delete'].some((v) => matches(verb, v))))
      return iplink(verb, rest.slice(1), env, fl);
    if (fl === 'iproute2' && kind === 'addr' && (matches(verb, 'add') || matches(verb, 'delete'))) return addrModify(verb, rest.slice(1), env);
    // ip/iproute.c do_iproute: add, change (or chg), replace, delete, each by any prefix.
    if (fl === 'iproute2' && kind === 'route' && (['add', 'change', 'replace', 'delete'].some((v) => matches(verb, v)) || verb === 'chg'))
      return routeModify(verb, rest.slice(1), env);
    // iproute2@v6.1.0:ip/iproute.c print_route: with show_details every route gets its type ("unicast "), proto and scope.
    if (o.details && kind === 'route') return R('', 'ip: -d on `ip route` is not simulated on node1 (`ip -d link` and `ip -d addr` are).\n', 255);
    if (kind === 'route' && rest[0] === 'get') return get(rest.slice(1), env, fl);
    if (rest[0] && ['show', 'list', 'ls', 'lst'].includes(rest[0])) rest.shift();
    while (rest.length) {
      const w = rest.shift() as string;
      if (w === 'dev') o.dev = rest.shift();
      else if (w === 'master') o.master = rest.shift();
      else if (w === 'up') o.up = true;
      else if (w === 'type' && kind !== 'route') o.type = rest.shift() ?? '';
      else if (kind !== 'route') o.dev = w;
      else
        return R('', fl === 'busybox' ? `ip: an inet prefix is expected rather than "${w}"\n` : `Error: an inet prefix is expected rather than "${w}".\n`, 1);
    }
    const ns = env.host.kernel.ns(env.self.ns.net);
    if (fl === 'iproute2') o.nsName = nsidName(env.host.kernel, env.self.ns.net);
    for (const name of [o.dev, o.master]) {
      if (name !== undefined && !(ns.interfaces ?? []).some((i) => i.name === name))
        return R('', fl === 'busybox' ? `ip: can't find device '${name}'\n` : `Device "${name}" does not exist.\n`, 1);
    }
    if (json && kind !== 'route') return R(jsonShow(ns, o, kind === 'link', pretty));
    if (json) return R('', 'ip: only `ip -j link` and `ip -j addr` are simulated on node1.\n', 255);
    if (kind === 'link') return R(showLink(ns, fl, o));
    if (kind === 'addr') return R(showAddr(ns, fl, o));
    return R(o.family === 6 ? showRoute6(ns, fl) : showRoute(ns, fl));
  },
};
