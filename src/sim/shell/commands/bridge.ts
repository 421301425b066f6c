/**
 * iproute2 6.1.0's `bridge link [show] [dev DEV]` on node1 (iproute2@v6.1.0:bridge/link.c print_linkinfo, print_link_flags,
 * print_protinfo; bridge/bridge.c main and do_cmd): one line per bridge port, "IFINDEX: NAME@ifPEER: <FLAGS> mtu M master BR
 * state forwarding priority 32 cost 2 ", each token followed by a space. A PF_BRIDGE link dump answers for ports only
 * (linux@v6.8:net/bridge/br_netlink.c br_getlink). The values are the kernel's for a veth port of a bridge without STP:
 * state forwarding once up (br_stp_enable_port → br_port_state_selection without STP), priority 32 (BR_PORT_DEFAULT
 * _PRIORITY 0x20) and cost 2, the path cost of a 10 Gb/s link (br_if.c port_cost; veth reports SPEED_10000).
 * With -d a second line has the port flags br_port_fill_attrs sends, in print_protinfo's order, each at its
 * default (hairpin off … learning on, flood on, mcast_router 1 …).
 */
import type { ExecResult } from '../../api.ts';
import type { Namespace, NetIface } from '../../kernel/types.ts';
import { nameAt } from '../../net/iproute.ts';
import { handFlags } from '../../net/wire.ts';
import type { SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

const USAGE =
  'Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }\n       bridge [ -force ] -batch filename\nwhere  OBJECT := { link | fdb | mdb | vlan | monitor }\n       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |\n                    -o[neline] | -t[imestamp] | -n[etns] name |\n                    -c[ompressvlans] -color -p[retty] -j[son] }\n';

/** bridge/link.c usage(). */
const LINK_USAGE =
  'Usage: bridge link set dev DEV [ cost COST ] [ priority PRIO ] [ state STATE ]\n                               [ guard {on | off} ]\n                               [ hairpin {on | off} ]\n                               [ fastleave {on | off} ]\n                               [ root_block {on | off} ]\n                               [ learning {on | off} ]\n                               [ learning_sync {on | off} ]\n                               [ flood {on | off} ]\n                               [ mcast_router MULTICAST_ROUTER ]\n                               [ mcast_flood {on | off} ]\n                               [ bcast_flood {on | off} ]\n                               [ mcast_to_unicast {on | off} ]\n                               [ neigh_suppress {on | off} ]\n                               [ vlan_tunnel {on | off} ]\n                               [ isolated {on | off} ]\n                               [ locked {on | off} ]\n                               [ hwmode {vepa | veb} ]\n                               [ backup_port DEVICE ] [ nobackup_port ]\n                               [ self ] [ master ]\n       bridge link show [dev DEV]\n';

const DETAILS =
  '    hairpin off guard off root_block off fastleave off learning on flood on mcast_flood on bcast_flood on mcast_router 1 mcast_to_unicast off neigh_suppress off vlan_tunnel off isolated off locked off ';

/** lib/utils.c matches(): the word is a non-empty prefix of the keyword. */
const matches = (word: string, full: string) => word.length > 0 && full.startsWith(word);

function portLine(i: NetIface, details: boolean, ns: Namespace): string {
  const name = nameAt(i, ns);
  // A port made with `ip link add` has its own flags (net/wire.ts): up without carrier is NO-CARRIER, state disabled.
  const flags = i.admin !== undefined ? handFlags(ns, i) : i.up ? 'BROADCAST,MULTICAST,UP,LOWER_UP' : 'BROADCAST,MULTICAST';
  const state = i.up ? 'forwarding' : 'disabled';
  return `${i.index}: ${name}: <${flags}> mtu ${i.mtu} master ${i.master} state ${state} priority 32 cost 2 ${details ? `\n${DETAILS}` : ''}\n`;
}

export const bridge: SimCommand = {
  name: 'bridge',
  async run(args, env) {
    const rest = [...args];
    let details = false;
    while (rest[0]?.startsWith('-')) {
      const raw = rest.shift() as string;
      if (raw === '--') break;
      // main(): "--opt" reads as "-opt".
      const o = raw.startsWith('--') ? raw.slice(1) : raw;
      if (matches(o, '-help')) return R('', USAGE, 255);
      if (matches(o, '-Version')) return R('bridge utility, 6.1.0\n');
      if (matches(o, '-details')) details = true;
      else if (!matches(o, '-stats') && !matches(o, '-statistics') && !matches(o, '-oneline'))
        return R('', `Option "${o}" is unknown, try "bridge help".\n`, 255);
    }
    const obj = rest.shift();
    if (obj === undefined) return R('', USAGE, 255);
    if (matches(obj, 'help')) return R('', USAGE, 255);
    if (!matches(obj, 'link')) {
      if (['fdb', 'mdb', 'vlan', 'vni', 'monitor'].some((c) => matches(obj, c))) return R('', `bridge: only \`bridge link\` is simulated on node1.\n`, 255);
      return R('', `Object "${obj}" is unknown, try "bridge help".\n`, 255);
    }
    const cmd = rest[0];
    if (cmd !== undefined) {
      if (matches(cmd, 'show') || matches(cmd, 'lst') || matches(cmd, 'list')) rest.shift();
      else if (matches(cmd, 'set') || matches(cmd, 'change')) return R('', 'bridge: only `bridge link show` is simulated on node1.\n', 255);
      else if (matches(cmd, 'help')) return R('', LINK_USAGE, 255);
      else return R('', `Command "${cmd}" is unknown, try "bridge link help".\n`, 255);
    }
    let dev: string | undefined;
    while (rest.length) {
      const w = rest.shift() as string;
      if (w === 'dev') {
        if (!rest.length) return R('', 'Command line is not complete. Try option "help"\n', 255);
        if (dev !== undefined) return R('', `Error: duplicate "dev": "${rest[0]}" is the second value.\n`, 255);
        dev = rest.shift();
      }
    }
    const ns = env.host.kernel.ns(env.self.ns.net);
    const ifaces = ns.interfaces ?? [];
    const one = dev === undefined ? undefined : ifaces.find((i) => i.name === dev);
    if (dev !== undefined && !one) return R('', `Cannot find device "${dev}"\n`, 255);
    return R(
      ifaces
        .filter((i) => i.master !== undefined && (!one || i === one))
        .map((i) => portLine(i, details, ns))
        .join(''),
    );
  },
};
