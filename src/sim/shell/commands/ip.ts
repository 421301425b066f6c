import type { ExecResult } from '../../api.ts';
import type { NetIface } from '../../kernel/types.ts';
import type { SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

function flags(i: NetIface): string {
  if (i.kind === 'loopback') return i.up ? 'LOOPBACK,UP,LOWER_UP' : 'LOOPBACK';
  if (!i.up) return 'NO-CARRIER,BROADCAST,MULTICAST,UP';
  return 'BROADCAST,MULTICAST,UP,LOWER_UP';
}

function head(i: NetIface, withMode: boolean, busybox: boolean): string {
  const name = i.peer !== undefined ? `${i.name}@if${i.peer}` : i.name;
  const qdisc = i.kind === 'loopback' ? (i.up ? 'noqueue' : 'noop') : i.kind === 'ether' ? 'fq_codel' : 'noqueue';
  const state = i.kind === 'loopback' ? (i.up ? 'UNKNOWN' : 'DOWN') : i.up ? 'UP' : 'DOWN';
  const master = i.master ? ` master ${i.master}` : '';
  const qlen = i.kind === 'loopback' || i.kind === 'ether' ? ' qlen 1000' : '';
  if (busybox) return `${i.index}: ${name}: <${flags(i)}> mtu ${i.mtu} qdisc ${qdisc}${master} state ${state}${qlen ? qlen : ' '}`;
  const mode = withMode ? ' mode DEFAULT' : '';
  // iproute2 prints "group %s " with a trailing space, then "qlen %d" when there is one.
  return `${i.index}: ${name}: <${flags(i)}> mtu ${i.mtu} qdisc ${qdisc}${master} state ${state}${mode} group default${qlen || ' '}`;
}

function linkLine(i: NetIface, busybox: boolean): string {
  if (i.kind === 'loopback') return '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00';
  return `    link/ether ${i.mac} brd ff:ff:ff:ff:ff:ff${i.kind === 'veth' && !busybox ? ' link-netnsid 0' : ''}`;
}

function brd(cidr: string): string {
  const [ip, len] = cidr.split('/');
  const n = (ip ?? '').split('.').reduce((a, b) => a * 256 + Number(b), 0);
  const mask = Number(len) === 0 ? 0 : (0xffffffff << (32 - Number(len))) >>> 0;
  const b = (n | (~mask >>> 0)) >>> 0;
  return [24, 16, 8, 0].map((s) => (b >>> s) & 255).join('.');
}

const USAGE = 'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n       ip [ -force ] -batch filename\nwhere  OBJECT := { address | addrlabel | fou | help | ila | ioam | l2tp | link |\n                   macsec | maddress | monitor | mptcp | mroute | mrule |\n                   neighbor | neighbour | netconf | netns | nexthop | ntable |\n                   ntbl | route | rule | sr | stats | tap | tcpmetrics |\n                   token | tunnel | tuntap | vrf | xfrm }\n       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |\n                    -h[uman-readable] | -iec | -j[son] | -p[retty] |\n                    -f[amily] { inet | inet6 | mpls | bridge | link } |\n                    -4 | -6 | -M | -B | -0 |\n                    -l[oops] { maximum-addr-flush-attempts } | -o[neline] |\n                    -t[imestamp] | -ts[hort] | -b[atch] [filename] |\n                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |\n                    -c[olor]}\n';

export const ip: SimCommand = {
  name: 'ip',
  async run(args, env) {
    const bb = env.flavor === 'busybox';
    const rest = [...args];
    let v4 = false;
    while (rest[0]?.startsWith('-')) {
      const f = rest.shift() as string;
      if (f === '-4') v4 = true;
      else if (f !== '-6' && f !== '-br') return R('', `Option "${f}" is unknown, try "ip -help".\n`, 255);
    }
    const [obj = '', cmd = 'show', ...more] = rest;
    const ns = env.host.kernel.ns(env.self.ns.net);
    let ifs = ns.interfaces ?? [];
    const dev = more[0] === 'dev' ? more[1] : more[0] ?? (cmd !== 'show' && cmd !== 'list' && cmd !== 'ls' ? cmd : undefined);
    if (dev) {
      ifs = ifs.filter((i) => i.name === dev);
      if (!ifs.length) return R('', `Device "${dev}" does not exist.\n`, 1);
    }
    if (obj === 'help' || obj === '') return R('', USAGE, obj === 'help' ? 0 : 255);
    if ('link'.startsWith(obj)) return R(ifs.map((i) => `${head(i, true, bb)}\n${linkLine(i, bb)}\n`).join(''));
    if ('address'.startsWith(obj) || obj === 'a' || obj === 'addr') {
      return R(
        ifs
          .filter((i) => !v4 || i.addrs.length)
          .map((i) => {
            const addrs = i.addrs.map((a) => {
              const scope = a.startsWith('127.') ? 'host' : 'global';
              const b = scope === 'host' ? '' : ` brd ${brd(a)}`;
              return `    inet ${a}${b} scope ${scope}${i.kind === 'ether' && !bb ? ' dynamic' : ''} ${i.name}\n       valid_lft forever preferred_lft forever\n`;
            });
            return `${head(i, false, bb)}\n${v4 ? '' : `${linkLine(i, bb)}\n`}${addrs.join('')}`;
          })
          .join(''),
      );
    }
    if ('route'.startsWith(obj)) return R((ns.routes ?? []).map((r) => `${r}\n`).join(''));
    return R('', `Object "${obj}" is unknown, try "ip help".\n`, 1);
  },
};
