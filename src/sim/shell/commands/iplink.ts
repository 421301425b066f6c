/**
 * `ip link add|set|delete` (iproute2 6.1): veth pairs and bridges made by hand (net/wire.ts), moved between network
 * namespaces, enslaved to a bridge, brought up and down. Texts: iproute2@v6.1.0:ip/iplink.c (do_iplink, iplink_parse,
 * iplink_modify), ip/link_veth.c (veth_parse_opt, print_usage), lib/utils.c (invarg, duparg2, nodev), lib/libnetlink.c
 * rtnl_talk's "RTNETLINK answers: %s" for an errno without extack and "Error: %s." for the kernel's extack message.
 * Exit status: a function's -1 is 1, iplink_modify's -2 (the kernel said no) is 2, exit(-1) is 255. The kernel's answers:
 * EEXIST for a name taken (net/core/dev.c register_netdevice, dev_change_net_namespace), EOPNOTSUPP for a master that
 * is no bridge (net/core/rtnetlink.c do_set_master) or for deleting lo, EPERM without CAP_NET_ADMIN, ESRCH for a PID
 * that does not exist, and "Unknown device type" (rtnl_newlink) for a kind with no driver.
 * busybox's `ip link set DEV up|down` keeps its own wording (busybox@1_36_1:networking/libiproute/iplink.c).
 */
import type { ExecResult } from '../../api.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import type { Namespace } from '../../kernel/types.ts';
import type { IpFlavor } from '../../net/iproute.ts';
import { enslaved } from '../../net/linkdetails.ts';
import { addBridge, addVeth, deleteLink, moveTo, refresh, setAdmin } from '../../net/wire.ts';
import type { CmdEnv } from '../types.ts';
import { namedNetns } from './ipnetns.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
const matches = (word: string, full: string) => word.length > 0 && full.startsWith(word);
const kernelSays = (text: string) => R('', `RTNETLINK answers: ${text}\n`, 2);
const invarg = (msg: string, arg: string) => R('', `Error: argument "${arg}" is wrong: ${msg}\n`, 255);
const nodev = (dev: string) => R('', `Cannot find device "${dev}"\n`, 1);
const NOT_SIMULATED = (what: string) => R('', `ip: ${what} is not simulated on node1.\n`, 2);

/** What iplink_parse read: the device, a new name, and the changes asked for. */
interface LinkReq {
  dev?: string;
  name?: string;
  up?: boolean;
  master?: string | null;
  netns?: string;
  type?: string;
  rest: string[];
}

/** iplink_parse's subset the walk needs: name, dev (or a bare word), up/down, master/nomaster, netns, type. */
function parse(words: string[]): LinkReq | ExecResult {
  const q: LinkReq = { rest: [] };
  const w = [...words];
  while (w.length) {
    const a = w.shift() as string;
    const next = () => w.shift();
    if (a === 'up' || a === 'down') q.up = a === 'up';
    else if (a === 'name') {
      const v = next();
      if (v === undefined) return R('', 'Command line is not complete. Try option "help"\n', 255);
      if (q.name !== undefined) return R('', `Error: duplicate "name": "${v}" is the second value.\n`, 255);
      if (v.length > 15 || !v || /[/\s:]/.test(v)) return invarg('"name" not a valid ifname', v);
      q.name = v;
      q.dev ??= v;
    } else if (a === 'type') {
      q.type = next() ?? '';
      q.rest = w.splice(0);
    } else if (a === 'netns' || (a.length > 2 && matches(a, 'master'))) {
      const v = next();
      if (v === undefined) return R('', 'Command line is not complete. Try option "help"\n', 255);
      if (a === 'netns') q.netns = v;
      else q.master = v;
    } else if (matches(a, 'nomaster')) q.master = null;
    else {
      if (['mtu', 'address', 'alias', 'qlen', 'txqueuelen', 'group', 'vf', 'xdp', 'arp', 'multicast', 'promisc'].includes(a))
        return R('', `ip: \`ip link ${a}\` is not simulated on node1: only up, down, name, master, nomaster, netns and type are.\n`, 2);
      const v = a === 'dev' ? next() : a;
      if (v === undefined) return R('', 'Command line is not complete. Try option "help"\n', 255);
      if (q.dev !== undefined && q.dev !== q.name) return R('', `Error: either "dev" is duplicate, or "${v}" is a garbage.\n`, 255);
      q.dev = v;
    }
  }
  return q;
}

/** `ip link add`: a veth pair (`peer name X` or `peer X`; the kernel names an unnamed peer veth0, veth1 …) or a bridge. */
function add(q: LinkReq, env: CmdEnv, ns: Namespace): ExecResult {
  if (q.type === undefined) return R('', 'Not enough information: "type" argument is required\n', 1);
  const name = q.name ?? q.dev;
  // A bare name longer than IFNAMSIZ-1 passes check_altifname; the kernel's policy for IFLA_IFNAME refuses it.
  if (name !== undefined && name.length > 15) return R('', 'Error: Attribute failed policy validation.\n', 2);
  if (q.type === 'veth') {
    let peer: string | undefined;
    if (q.rest.length) {
      if (q.rest[0] !== 'peer') return R('', "Usage: ip link <options> type veth [peer <options>]\nTo get <options> type 'ip link add help'\n", 1);
      const p = parse(q.rest.slice(1));
      if ('exitCode' in p) return p;
      peer = p.name ?? p.dev;
    }
    if (!hasCap(env.self.caps, 'net_admin')) return kernelSays('Operation not permitted');
    const taken = (n: string) => (ns.interfaces ?? []).some((i) => i.name === n);
    let n = 0;
    while (peer === undefined)
      if (!taken(`veth${n}`)) peer = `veth${n}`;
      else n++;
    const mine =
      name ??
      (() => {
        let m = 0;
        while (taken(`veth${m}`) || `veth${m}` === peer) m++;
        return `veth${m}`;
      })();
    if (taken(mine) || taken(peer) || mine === peer) return kernelSays('File exists');
    addVeth(env.host.kernel, ns, mine, peer, env.daemon.net.rng);
  } else if (q.type === 'bridge') {
    if (q.rest.length) return R('', `ip: bridge options (${q.rest[0]} …) are not simulated on node1.\n`, 2);
    if (!hasCap(env.self.caps, 'net_admin')) return kernelSays('Operation not permitted');
    const mine =
      name ??
      (() => {
        let m = 0;
        while ((ns.interfaces ?? []).some((i) => i.name === `bridge${m}`)) m++;
        return `bridge${m}`;
      })();
    if ((ns.interfaces ?? []).some((i) => i.name === mine)) return kernelSays('File exists');
    addBridge(env.host.kernel, ns, mine, env.daemon.net.rng);
  } else if (['dummy', 'vlan', 'vxlan', 'macvlan', 'ipvlan', 'bond', 'tun', 'tap', 'gre', 'ipip', 'vrf', 'wireguard', 'geneve'].includes(q.type))
    return NOT_SIMULATED(`\`ip link add type ${q.type}\``);
  else return R('', 'Error: Unknown device type.\n', 2);
  const made = (ns.interfaces ?? []).find((i) => i.name === name);
  if (made && q.up) setAdmin(env.host.kernel, ns, made, true);
  return R('');
}

/** `ip link set`: netns first, then master, then the flags, in the order do_setlink applies them. */
function set(q: LinkReq, env: CmdEnv, ns: Namespace): ExecResult {
  if (q.dev === undefined) return R('', 'Not enough information: "dev" argument is required.\n', 255);
  const k = env.host.kernel;
  const i = (ns.interfaces ?? []).find((x) => x.name === q.dev);
  let to: Namespace | undefined;
  if (q.netns !== undefined) {
    const inode = namedNetns(k, q.netns);
    if (inode !== undefined) to = k.ns(inode);
    else if (/^-?\d+$/.test(q.netns)) {
      const p = k.procs.get(Number(q.netns));
      if (p && p.state !== 'Z') to = k.ns(p.ns.net);
    } else return invarg('Invalid "netns" value\n', q.netns);
  }
  if (q.master) {
    if (!(ns.interfaces ?? []).some((x) => x.name === q.master)) return invarg('Device does not exist\n', q.master);
  }
  if (!i) return nodev(q.dev);
  if (!hasCap(env.self.caps, 'net_admin')) return kernelSays('Operation not permitted');
  if (q.netns !== undefined && !to) return kernelSays('No such process');
  if (i.admin === undefined && (to || q.master !== undefined))
    return R(
      '',
      `ip: node1 moves and enslaves only the links made with \`ip link add\`; ${q.dev} is ${i.kind === 'loopback' ? 'the loopback' : "Docker's or the host's"}.\n`,
      2,
    );
  if (q.name !== undefined && q.name !== q.dev) return NOT_SIMULATED('renaming a link (`ip link set DEV name NEW`)');
  let here = ns;
  if (to && to !== ns) {
    if (!moveTo(k, ns, i, to)) return kernelSays('File exists');
    here = to;
  }
  if (q.master !== undefined && !to) {
    const br = q.master === null ? undefined : (ns.interfaces ?? []).find((x) => x.name === q.master);
    if (br && br.kind !== 'bridge') return kernelSays('Operation not supported');
    if (br === i) return kernelSays('Operation not supported');
    i.master = br?.name;
    if (br) enslaved(ns, i);
    else i.brPort = undefined;
    refresh(k);
  }
  if (q.up !== undefined) {
    if (i.admin !== undefined) setAdmin(k, here, i, q.up);
    else {
      i.up = q.up;
      if (i.kind === 'loopback') i.addrs = i.up ? ['127.0.0.1/8', '::1/128'] : [];
    }
  }
  return R('');
}

/** `ip link delete [dev] NAME`: a hand-made veth goes with its peer, a bridge releases its ports. */
function del(q: LinkReq, env: CmdEnv, ns: Namespace): ExecResult {
  if (q.dev === undefined) return R('', 'Not enough information: "dev" argument is required.\n', 255);
  const i = (ns.interfaces ?? []).find((x) => x.name === q.dev);
  if (!i) return nodev(q.dev);
  if (!hasCap(env.self.caps, 'net_admin')) return kernelSays('Operation not permitted');
  if (i.kind === 'loopback') return kernelSays('Operation not supported');
  if (i.admin === undefined) return R('', `ip: node1 deletes only the links made with \`ip link add\`; ${q.dev} is Docker's or the host's.\n`, 2);
  deleteLink(env.host.kernel, ns, i);
  return R('');
}

/** `ip link add|set|change|delete …`; `sub` is the verb as typed. */
export function iplink(sub: string, args: string[], env: CmdEnv, fl: IpFlavor): ExecResult {
  if (fl === 'busybox') return linkSet(args, env);
  const q = parse(args);
  if ('exitCode' in q) return q;
  const ns = env.host.kernel.ns(env.self.ns.net);
  if (matches(sub, 'add')) return add(q, env, ns);
  if (matches(sub, 'delete')) return del(q, env, ns);
  return set(q, env, ns);
}

/** busybox `ip link set [dev] NAME up|down`: needs CAP_NET_ADMIN; loopback gets 127.0.0.1 and ::1 when it comes up. */
function linkSet(args: string[], env: CmdEnv): ExecResult {
  const words = args[0] === 'dev' ? args.slice(1) : args;
  const [name, state] = words;
  const ns = env.host.kernel.ns(env.self.ns.net);
  const i = (ns.interfaces ?? []).find((x) => x.name === name);
  if (!name || !i) return R('', `ip: can't find device '${name ?? ''}'\n`, 1);
  if (state !== 'up' && state !== 'down') return R('', `ip: either "dev" is duplicate, or "${state ?? ''}" is garbage\n`, 1);
  if (!hasCap(env.self.caps, 'net_admin')) return R('', 'ip: SIOCSIFFLAGS: Operation not permitted\n', 1);
  if (i.admin !== undefined) setAdmin(env.host.kernel, ns, i, state === 'up');
  else {
    i.up = state === 'up';
    if (i.kind === 'loopback') i.addrs = i.up ? ['127.0.0.1/8', '::1/128'] : [];
  }
  return R('');
}
