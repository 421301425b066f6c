/**
 * busybox 1.36.1's `route` in alpine (busybox@1_36_1:networking/route.c route_main: getopt32 "A:ne", no operand shows
 * the table, bb_displayroutes with -e's netstat columns; -A inet6 and the add/del verbs are not simulated). A bad
 * option is musl getopt's "route: unrecognized option: X" and bb_show_usage (the full usage, exit 1). net-tools'
 * route is not on node1 (Ubuntu 24.04 does not install net-tools): shell/rootfs.ts HOST_ABSENT.
 */
import type { ExecResult } from '../../api.ts';
import { bbRoutes } from '../../net/bb-routes.ts';
import type { SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

const ROUTE_USAGE =
  "BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: route [-ne] [-A inet[6]] [{add|del} [-net|-host] TARGET [netmask MASK]\n\t[gw GATEWAY] [metric N] [mss BYTES] [window BYTES] [reject] [IFACE]]\n\nShow or edit kernel routing tables\n\n\t-n\tDon't resolve names\n\t-e\tDisplay other/more information\n\t-A inet[6]\tSelect address family\n";

export const route: SimCommand = {
  name: 'route',
  async run(args, env) {
    let numeric = false;
    let extended = false;
    let family = 'inet';
    const rest = [...args];
    while (rest[0]?.startsWith('-') && rest[0] !== '-' && rest[0] !== '-net' && rest[0] !== '-host') {
      const w = rest.shift() as string;
      if (w === '--') break;
      if (w === '--help') return R('', ROUTE_USAGE, 1);
      for (let i = 1; i < w.length; i++) {
        const c = w[i] as string;
        if (c === 'n') numeric = true;
        else if (c === 'e') extended = true;
        else if (c === 'A') {
          const v = w.slice(i + 1) || rest.shift();
          if (v === undefined) return R('', `route: option requires an argument: A\n${ROUTE_USAGE}`, 1);
          family = v;
          break;
        } else return R('', `route: unrecognized option: ${c}\n${ROUTE_USAGE}`, 1);
      }
    }
    if (family !== 'inet' && family !== 'inet6') return R('', ROUTE_USAGE, 1);
    if (family === 'inet6' || rest.length) return R('', 'route: only showing the IPv4 table (`route [-n] [-e]`) is simulated in this container.\n', 1);
    return R(bbRoutes(env.host.kernel.ns(env.self.ns.net), numeric, extended));
  },
};
