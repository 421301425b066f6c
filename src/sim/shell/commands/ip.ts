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
      else if (f === '-help' || f === '--help') return R('', USAGE, 255);
      // ip.c main tries -netns before -Numeric: `-n` is the namespace.
      else if (fl === 'iproute2' && matches(f.replace(/^--/, '-'), '-netns', 2)) {
        const err = switchNetns(env, rest.shift());
        if (err) return err;
      }
      // Real options whose output the simulator cannot give: no packet counters, no per-kind link details.
      // ip.c main: -s/-stats/-statistics counts up show_stats; one -s on `ip link` prints the counters (all 0 here).
      else if (fl === 'iproute2' && (matches(f, '-statistics') || matches(f, '-stats', 3))) stats++;
      else if (fl === 'iproute2' && matches(f, '-details'))
        return R('', `ip: ${f} is not simulated on node1: it keeps no per-kind link details (ip link, ip -s link, ip -br, ip -j are).\n`, 255);
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
