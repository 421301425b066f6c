/**
 * nc, busybox 1.36's netcat (alpine): `nc -z [-w SECS] HOST PORT` tells whether something
 * listens there (exit 0) or not (exit 1, silent with -z). A connection to a port nobody
 * listens on: `nc: can't connect to remote host (IP): Connection refused`
 * (busybox@1_36_1 networking/nc.c and libbb/xconnect.c bb_perror_msg_and_die). `localhost`
 * is the caller's own network namespace: containers of one pod reach each other there.
 * On the host (Ubuntu's netcat-openbsd 1.226, options by getopt "46CDdFhI:i:klM:m:NnO:P:p:q:rSs:T:tUuV:vW:w:X:x:Zz")
 * only -v speaks: `Connection to HOST PORT port [tcp/SERVICE] succeeded!` (connection_info, with
 * ` (IP)` after a name that is not the address, `*` for a port /etc/services does not name) or
 * `nc: connect to HOST port PORT (tcp) failed: Connection refused` (remote_connect's warn);
 * without it, success and failure are only the exit status.
 * `nc -l -p PORT` in busybox binds first: a port below ip_unprivileged_port_start without
 * CAP_NET_BIND_SERVICE ends with `nc: bind: Permission denied` (busybox@1_36_1 networking/nc_bloaty.c,
 * libbb/xfuncs_printf.c xbind); bound, it waits for a connection until Ctrl-C.
 */
import { hasCap } from '../../kernel/capabilities.ts';
import { getopt } from '../getopt.ts';
import { socketsOf } from './ss.ts';
import { hostLookup } from '../host-lookup.ts';
import type { SimCommand } from '../types.ts';

/** Names Ubuntu's /etc/services (netbase 6.4) gives the TCP ports a learner is likely to try. */
const SERVICES: Record<number, string> = {
  21: 'ftp',
  22: 'ssh',
  23: 'telnet',
  25: 'smtp',
  53: 'domain',
  80: 'http',
  443: 'https',
  2375: 'docker',
  2376: 'docker-s',
  3306: 'mysql',
  5432: 'postgresql',
  6379: 'redis',
  8080: 'http-alt',
};

export const nc: SimCommand = {
  name: 'nc',
  async run(args, env) {
    const words: string[] = [];
    let scan = false;
    let listen = false;
    let verbose = false;
    let numeric = false;
    let lport: string | undefined;
    if (env.flavor !== 'busybox') {
      const parsed = getopt(args, '46CDdFhI:i:klM:m:NnO:P:p:q:rSs:T:tUuV:vW:w:X:x:Zz');
      // netcat.c usage(1) after getopt's complaint.
      if (!parsed.ok)
        return {
          stdout: '',
          stderr: `nc: ${parsed.error}\nusage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n`,
          exitCode: 1,
        };
      for (const [k] of parsed.opts) {
        if (k === 'z') scan = true;
        else if (k === 'v') verbose = true;
        else if (k === 'n') numeric = true;
      }
      words.push(...parsed.operands);
    }
    for (let i = 0; env.flavor === 'busybox' && i < args.length; i++) {
      const a = args[i] as string;
      if (a === '-z') scan = true;
      else if (env.flavor === 'busybox' && (a === '-l' || a === '-lk' || a === '-k')) listen ||= a !== '-k';
      else if (env.flavor === 'busybox' && a === '-p') lport = args[++i] ?? '';
      else if (a === '-w') i++;
      else if (/^-w\d+$/.test(a) || a === '-v') continue;
      else if (a.startsWith('-') && a.length > 1)
        return {
          stdout: '',
          stderr: `nc: invalid option -- '${a[1]}'\nBusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n`,
          exitCode: 1,
        };
      else words.push(a);
    }
    if (listen) {
      const port = Number(lport ?? 0);
      if (lport !== undefined && (!/^\d+$/.test(lport) || port > 65535)) return { stdout: '', stderr: `nc: bad port '${lport}'\n`, exitCode: 1 };
      const first = Number((await env.readFile('/proc/sys/net/ipv4/ip_unprivileged_port_start').catch(() => '1024')).trim());
      if (port > 0 && port < first && !hasCap(env.self.caps, 'net_bind_service')) return { stdout: '', stderr: 'nc: bind: Permission denied\n', exitCode: 1 };
      const outcome = await env.host.waitUntil(() => false, undefined, env.signal);
      return { stdout: '', stderr: '', exitCode: outcome === 'aborted' ? 130 : 0 };
    }
    const [hostArg, portArg] = words;
    if (!hostArg || !portArg)
      return {
        stdout: '',
        stderr:
          'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n',
        exitCode: 1,
      };
    const port = Number(portArg);
    if (!/^\d+$/.test(portArg) || port < 1 || port > 65535) return { stdout: '', stderr: `nc: bad port '${portArg}'\n`, exitCode: 1 };
    const k = env.host.kernel;
    const me = env.self.ns.net;
    // OpenBSD netcat 1.226 (Ubuntu's netcat-openbsd) netcat.c remote_connect: `getaddrinfo for host "%s" port %s: %s`
    // with gai_strerror (glibc's answer on node1: net/gai.ts).
    const looked = await hostLookup(env, hostArg);
    if ('error' in looked) return { stdout: '', stderr: `nc: getaddrinfo for host "${hostArg}" port ${portArg}: ${looked.error}\n`, exitCode: 1 };
    const ip = ('addr' in looked ? looked.addr : undefined) ?? (hostArg === 'localhost' ? '127.0.0.1' : hostArg);
    if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip) && env.flavor !== 'busybox')
      return { stdout: '', stderr: `nc: getaddrinfo for host "${hostArg}" port ${portArg}: Name or service not known\n`, exitCode: 1 };
    if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return { stdout: '', stderr: `nc: bad address '${hostArg}'\n`, exitCode: 1 };
    // The namespace that owns the address: the caller's own for loopback, else the one with it on an interface.
    let target: number | undefined = ip.startsWith('127.') ? me : undefined;
    if (target === undefined)
      for (const ns of k.namespaces.values())
        if (ns.type === 'net' && ns.interfaces?.some((i) => i.addrs.some((a) => a.split('/')[0] === ip))) target = ns.inode;
    // The host's own listeners (sshd, systemd-resolved's stub, docker-proxy for published ports) are the sockets ss lists.
    const hostSocket =
      me === env.host.fixture.namespaces.net &&
      socketsOf(env).some((s) => s.proto === 'tcp' && s.state === 'LISTEN' && s.lport === port && ['0.0.0.0', '[::]', ip].includes(s.local));
    const open =
      hostSocket || (target !== undefined && k.live().some((p) => p.ns.net === target && (env.host.runc.programOf(p.pid)?.listens ?? []).includes(port)));
    if (env.flavor !== 'busybox') {
      const shown = hostArg !== ip && !numeric ? `${hostArg} (${ip})` : hostArg;
      if (open)
        return {
          stdout: '',
          stderr: verbose ? `Connection to ${shown} ${portArg} port [tcp/${(!numeric && SERVICES[port]) || '*'}] succeeded!\n` : '',
          exitCode: 0,
        };
      return { stdout: '', stderr: verbose ? `nc: connect to ${shown} port ${portArg} (tcp) failed: Connection refused\n` : '', exitCode: 1 };
    }
    if (open) return { stdout: '', stderr: '', exitCode: 0 };
    return scan
      ? { stdout: '', stderr: '', exitCode: 1 }
      : { stdout: '', stderr: `nc: can't connect to remote host (${ip}): Connection refused\n`, exitCode: 1 };
  },
};
