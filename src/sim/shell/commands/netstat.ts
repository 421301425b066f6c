/**
 * busybox 1.36.1's `netstat` in alpine (busybox@1_36_1:networking/netstat.c netstat_main, getopt32 "laentuwxrWp"):
 * `-r` prints the routing table as route.c bb_displayroutes does, with the MSS/Window/irtt columns unless -e and names
 * unless -n. The socket listings (-t, -u, -l, -a, -x, -p) are not simulated: the simulator keeps no socket table for a
 * container's network namespace. A bad option is musl getopt's "netstat: unrecognized option: X" and bb_show_usage
 * (exit 1). net-tools' netstat is not on node1 (shell/rootfs.ts HOST_ABSENT).
 */
import type { ExecResult } from '../../api.ts';
import { bbRoutes } from '../../net/bb-routes.ts';
import type { SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

const USAGE =
  "BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: netstat [-ral] [-tuwx] [-enWp]\n\nDisplay networking information\n\n\t-r\tRouting table\n\t-a\tAll sockets\n\t-l\tListening sockets\n\t\tElse: connected sockets\n\t-t\tTCP sockets\n\t-u\tUDP sockets\n\t-w\tRaw sockets\n\t-x\tUnix sockets\n\t\tElse: all socket types\n\t-e\tOther/more information\n\t-n\tDon't resolve names\n\t-W\tWide display\n\t-p\tShow PID/program name for sockets\n";

export const netstat: SimCommand = {
  name: 'netstat',
  async run(args, env) {
    const opts = new Set<string>();
    for (const w of args) {
      if (w === '--help') return R('', USAGE, 1);
      if (!w.startsWith('-') || w === '-') continue;
      for (const c of w.slice(1)) {
        if (!'laentuwxrWp'.includes(c)) return R('', `netstat: unrecognized option: ${c}\n${USAGE}`, 1);
        opts.add(c);
      }
    }
    if (opts.has('r')) return R(bbRoutes(env.host.kernel.ns(env.self.ns.net), opts.has('n'), !opts.has('e')));
    return R('', 'netstat: only the routing table (`netstat -r`) is simulated in this container.\n', 1);
  },
};
