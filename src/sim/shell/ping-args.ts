/**
 * ping's command line. The host's is iputils 20240117 (iputils@20240117:ping/ping.c main: getopt with
 * "h?4bRT:6F:N:aABc:CdDe:fHi:I:l:Lm:M:nOp:qQ:rs:S:t:UvVw:W:"; strtol_or_err and ping_strtod in iputils_common.c and
 * ping.c; usage() in ping/ping_common.c). The options whose effect the simulator shows are read: -c, -i, -w, -W, -q, -n,
 * -s, -t, -4, -h, -V; the rest say plainly that they are not simulated. alpine's busybox ping keeps its -c.
 */
import type { ExecResult } from '../api.ts';
import { getopt } from './getopt.ts';

export interface PingArgs {
  count?: number;
  hosts: string[];
  intervalMs?: number;
  deadlineMs?: number;
  quiet?: boolean;
  numeric?: boolean;
  /** Data bytes per packet (-s), 56 by default. */
  size: number;
  /** ping_strtod's warnings about garbage after a number, printed before anything else. */
  warnings?: string;
}

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

const USAGE =
  '\nUsage\n  ping [options] <destination>\n\nOptions:\n  <destination>      DNS name or IP address\n  -a                 use audible ping\n  -A                 use adaptive ping\n  -B                 sticky source address\n  -c <count>         stop after <count> replies\n  -C                 call connect() syscall on socket creation\n  -D                 print timestamps\n  -d                 use SO_DEBUG socket option\n  -e <identifier>    define identifier for ping session, default is random for\n                     SOCK_RAW and kernel defined for SOCK_DGRAM\n                     Imply using SOCK_RAW (for IPv4 only for identifier 0)\n  -f                 flood ping\n  -h                 print help and exit\n  -H                 force reverse DNS name resolution (useful for numeric\n                     destinations or for -f), override -n\n  -I <interface>     either interface name or address\n  -i <interval>      seconds between sending each packet\n  -L                 suppress loopback of multicast packets\n  -l <preload>       send <preload> number of packages while waiting replies\n  -m <mark>          tag the packets going out\n  -M <pmtud opt>     define path MTU discovery, can be one of <do|dont|want|probe>\n  -n                 no reverse DNS name resolution, override -H\n  -O                 report outstanding replies\n  -p <pattern>       contents of padding byte\n  -q                 quiet output\n  -Q <tclass>        use quality of service <tclass> bits\n  -s <size>          use <size> as number of data bytes to be sent\n  -S <size>          use <size> as SO_SNDBUF socket option value\n  -t <ttl>           define time to live\n  -U                 print user-to-user latency\n  -v                 verbose output\n  -V                 print version and exit\n  -w <deadline>      reply wait <deadline> in seconds\n  -W <timeout>       time to wait for response\n\nIPv4 options:\n  -4                 use IPv4\n  -b                 allow pinging broadcast\n  -R                 record route\n  -T <timestamp>     define timestamp, can be one of <tsonly|tsandaddr|tsprespec>\n\nIPv6 options:\n  -6                 use IPv6\n  -F <flowlabel>     define flow label, default is random\n  -N <nodeinfo opt>  use IPv6 node info query, try <help> as argument\n\nFor more details see ping(8).\n';

const LONG_MAX = '9223372036854775807';

/** strtol_or_err: a whole base-10 number within [min, max], else `invalid argument: 'X'` and exit 1. */
function integer(v: string, min: number, max: string): number | ExecResult {
  if (!/^\s*[+-]?\d+$/.test(v)) return R('', `ping: invalid argument: '${v}'\n`, 1);
  const n = Number(v);
  if (n < min || n > Number(max)) return R('', `ping: invalid argument: '${v}': out of range: ${min} <= value <= ${max}\n`, 1);
  return n;
}

/** ping_strtod: seconds as a C-locale double; trailing garbage is warned about and ignored, a negative is an error (2). */
function seconds(v: string, what: string, warn: string[]): number | ExecResult {
  const m = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/i.exec(v);
  const n = m ? Number(m[0]) : 0;
  const end = v.slice(m ? m[0].length : 0);
  if (!m || end) warn.push(`ping: option argument contains garbage: ${end}\n`, 'ping: this will become fatal error in the future\n');
  if (n < 0 || n > 2147483647 / 1000) return R('', `${warn.join('')}ping: ${what}: ${v}\n`, 2);
  return n;
}

export function iputilsArgs(args: string[]): PingArgs | { exit: ExecResult } {
  const g = getopt(args, 'h?4bRT:6F:N:aABc:CdDe:fHi:I:l:Lm:M:nOp:qQ:rs:S:t:UvVw:W:');
  if (!g.ok) return { exit: R('', `ping: ${g.error}\n${USAGE}`, 2) };
  const o: PingArgs = { hosts: g.operands, size: 56 };
  const warn: string[] = [];
  for (const [key, v = ''] of g.opts) {
    let n: number | ExecResult = 0;
    if (key === 'h' || key === '?') return { exit: R('', USAGE, 2) };
    if (key === 'V') return { exit: R('ping from iputils 20240117\nlibcap: yes, IDN: yes, NLS: yes, error.h: yes, getrandom(): yes, __fpending(): yes\n') };
    if (key === 'c') n = integer(v, 1, LONG_MAX);
    else if (key === 's' || key === 'w') n = integer(v, 0, '2147483647');
    else if (key === 't') n = integer(v, 0, '255');
    else if (key === 'i') n = seconds(v, 'bad timing interval', warn);
    else if (key === 'W') n = seconds(v, 'bad linger time', warn);
    else if (!['4', 'q', 'n'].includes(key))
      return { exit: R('', `ping: -${key} is not simulated on node1 (-c, -i, -w, -W, -q, -n, -s, -t and -4 are).\n`, 2) };
    if (typeof n !== 'number') return { exit: n };
    if (key === 'c') o.count = n;
    else if (key === 's') o.size = n;
    else if (key === 'w') o.deadlineMs = n * 1000;
    else if (key === 'i') o.intervalMs = Math.trunc(n * 1000);
    else if (key === 'q') o.quiet = true;
    else if (key === 'n') o.numeric = true;
  }
  // The destination is the last operand (ping.c: target = argv[argc - 1]).
  if (o.hosts.length > 1) o.hosts = [o.hosts[o.hosts.length - 1] as string];
  if (warn.length) o.warnings = warn.join('');
  return o;
}

/** busybox 1.36.1 ping: -c N (attached or apart); another option is "unrecognized". */
export function busyboxArgs(args: string[]): PingArgs | { exit: ExecResult } {
  const o: PingArgs = { hosts: [], size: 56 };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-c') o.count = Number(args[++i]);
    else if (a.startsWith('-c')) o.count = Number(a.slice(2));
    else if (a.startsWith('-')) return { exit: R('', `ping: unrecognized option: ${a.replace(/^-+/, '')}\n`, 1) };
    else o.hosts.push(a);
  }
  return o;
}
