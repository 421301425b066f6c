import type { NamespaceType } from '../api.ts';
import type { CapSets } from './capabilities.ts';

export const NS_TYPES: readonly NamespaceType[] = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'time', 'user', 'uts'];

/** What a process does as time passes. */
export type Program =
  | { kind: 'idle' }
  | { kind: 'sleep'; untilMs: number }
  | { kind: 'memhog'; bytesPerSec: number }
  | { kind: 'cpuhog' }
  | { kind: 'zombie-maker'; everyMs: number; nextMs: number };

/** A redirection of a simple command, as the shell performs it (bash-5.2:redir.c do_redirection_internal). */
export interface StdioRedir {
  /** The descriptor it sets. */
  fd: number;
  /** `>`, `>>`, `<`, `<>`, `>&` (dup of `target`, a descriptor), `<&`, `&>`, `&>>`, `<<` and `<<<` (a pipe: bash 5.1+). */
  op: string;
  /** The file (absolute) or, for a dup, the descriptor's number; `-` closes. */
  target: string;
}

/** What fs/procfd.ts asks of the shell line that started a command. */
export interface LineStdio {
  /** The session's terminal (`pts/0`), or '?' when the line has none. */
  readonly tty: string;
  /** The line's pipelines as argv, each stage with whether its stderr goes into the pipe too (`|&`). */
  pipelines(): readonly (readonly { argv: readonly string[]; stderr: boolean }[])[];
  /** The redirections of the line's simple command `argv`, in order (parsed on the first call). */
  redirections(argv: readonly string[]): readonly StdioRedir[];
  /** The command's words when it runs as a process whose argv is another's (a container's shell runs it as itself). */
  readonly argv?: readonly string[];
  /** A key for this line's pipes (the pipe inode numbers are given once per line and pipe). */
  readonly serial: number;
}

export interface Proc {
  pid: number;
  ppid: number;
  /** One PID per PID-namespace level, host first (feeds NSpid). */
  nspid: number[];
  argv: string[];
  comm: string;
  state: 'R' | 'S' | 'Z' | 'T';
  uid: number;
  gid: number;
  euid: number;
  egid: number;
  /** Supplementary groups set by the runtime (setgroups; the kernel keeps them sorted); unset: the user's own. */
  groups?: number[];
  /** The file mode creation mask (umask(2)), inherited by children; unset: 022. */
  umask?: number;
  caps: CapSets;
  noNewPrivs: boolean;
  seccomp: 0 | 1 | 2;
  apparmor: string;
  ns: Record<NamespaceType, number>;
  cgroup: string;
  env: Record<string, string>;
  /** Signals with an installed handler. */
  handlers: Set<number>;
  /** An interactive bash sent itself SIGINT without a trap (`kill -INT $$`): it abandons the line (shell/sigint.ts). */
  interrupted?: boolean;
  /** A script's shell (`bash -c`) while it runs: `stop` ends its script, once a trap action's `exit` gave `status` (shell/traprun.ts). */
  trapExit?: { stop: AbortController; status?: number };
  /**
   * A shell's `trap` actions by signal (shell/trap.ts): its handler only marks the signal pending and the shell runs
   * the action between commands (bash-5.2.21:trap.c trap_handler → run_pending_traps; busybox@1_36_1:shell/ash.c
   * signal_handler → dotrap). Not inherited: fork of a command and execve reset caught signals (signal(7)).
   */
  traps?: ReadonlyMap<number, string>;
  /**
   * Trapped signals that came and wait for the shell's next check, each once, by number: bash's run_pending_traps and
   * ash's dotrap walk their tables from signal 1 up (bash@bash-5.2.21:trap.c, busybox@1_36_1:shell/ash.c).
   */
  pendingTraps?: number[];
  /** Signals set to SIG_IGN (`trap '' SIG`): dropped on delivery; kept across fork and execve (signal(7)). */
  ignored?: ReadonlySet<number>;
  /** Whether it waits for its children (shells, init systems, tini). */
  reaps: boolean;
  /** Wait status once exited: the exit code, or 128+signal. */
  exitStatus?: number;
  killedBy?: number;
  startMs: number;
  tty: string;
  threads: number;
  /** The nice value set by nice/renice (setpriority); unset: 0. Inherited across fork (kernel/sched.ts niceOf). */
  nice?: number;
  program: Program;
  rssBytes: number;
  vszKb: number;
  cpuUsec: number;
  containerId?: string;
  /** The exec this process runs for (a `docker exec` or a health probe): its exit is the daemon's exec_die (docker/events.ts). */
  execId?: string;
  /** A container's or an exec's process given stdin (`docker run -i`, `docker exec -i`): containerd-shim's pipe is its fd 0 (fs/procfd.ts). */
  stdinPipe?: boolean;
  kthread?: boolean;
  /** The filesystem root this process sees: 'host' or a container id. */
  root: string;
  /** Set while a command runs in the foreground of a shell: not counted as a lasting PID. */
  transient?: boolean;
  /** A background job the shell forked: in its own process group, never a session leader. */
  job?: boolean;
  /** Called setsid(2) when it started (systemd starts each service and getty in a session of its own): leads its session and group. */
  setsid?: boolean;
  /**
   * The shell line a command was started from (shell/linefds.ts): where its pipes and redirections put its standard
   * streams, read only when /proc/PID/fd is (fs/procfd.ts).
   */
  stdio?: LineStdio;
  /** Resource limits changed from the defaults (setrlimit; shell/rlimits.ts); replaced, never mutated, so a fork's copy stays its own. */
  rlimits?: Readonly<Record<string, readonly [number, number]>>;
}

export interface NetIface {
  index: number;
  name: string;
  /** `eth0@if5` style peer suffix */
  peer?: number;
  /** The peer lives in another network namespace with this id (`link-netnsid 0`). */
  netnsid?: number;
  kind: 'loopback' | 'ether' | 'bridge' | 'veth' | 'vxlan';
  up: boolean;
  mtu: number;
  mac: string;
  /** CIDRs, IPv4 and IPv6 (`::1/128`, `fe80::…/64`). */
  addrs: string[];
  master?: string;
  /** A second name udev gave the device (`altname enp0s3`). */
  altname?: string;
  /**
   * Links made with `ip link add` (net/wire.ts): IFF_UP as set by the user. `up` then means running (IFF_UP and carrier);
   * Docker's and the boot interfaces leave it unset and keep their own meaning of `up`.
   */
  admin?: boolean;
  /** Such a link has been up once: its qdisc is noqueue from then on (noop before). */
  everUp?: boolean;
  /** A veth made by `ip link add`: the network namespace (inode) its peer lives in. */
  peerNs?: number;
  /** IPv4 CIDRs added without a broadcast address (`ip addr add` without `brd`). */
  nobrd?: string[];
  /** IFLA_TXQLEN when not the kind's usual one (`ip link add` gives veth and bridge 1000). */
  qlen?: number;
  /** A bridge port's number (net/bridge/br_if.c find_portno: the lowest free from 1), set when it joins (net/linkdetails.ts). */
  brPort?: number;
  /** A bridge that has had a port: br_set_gso_limits has raised its tso_max_size to its ports' (net/linkdetails.ts). */
  hadPort?: boolean;
  /** A hand-made bridge: when it was last brought up (br_dev_open schedules its gc_work; `ip -d link`'s gc_timer). */
  openedMs?: number;
}

/** A route of the main table added with `ip route add|replace` (Linux 6.8 fib_table_insert keeps them per prefix). */
export interface StaticRoute {
  /** The destination with its length, `10.20.0.0/24` or `10.20.0.5/32`. */
  dst: string;
  via?: string;
  dev: string;
  /** rtm_protocol as iproute2 names it; `ip route add` sends RTPROT_BOOT ('boot'). */
  proto: string;
  scope: 'universe' | 'link' | 'host';
  /** RTA_PRIORITY (0 when not given, which the kernel does not dump). */
  metric: number;
}

export interface Namespace {
  inode: number;
  type: NamespaceType;
  /** pid and user namespaces: parent inode */
  parent?: number;
  /** pid: depth (0 for the host) */
  level: number;
  hostname?: string;
  /** uts: kernel.domainname (unset: "(none)"). */
  domainname?: string;
  interfaces?: NetIface[];
  /** net: the IPv4 routes added by hand besides the default one (`ip route add 10.20.0.0/24 via GW`; net/fib.ts). */
  routes?: StaticRoute[];
  /** net: the default route (connected routes follow from the addresses). */
  gateway?: { via: string; dev: string; proto?: string };
  /** net: the next interface index (never reused, like the kernel's per-namespace counter). */
  nextIfindex?: number;
  /** net: ids this namespace gave its peer namespaces (peer inode → nsid), lowest free first (net/core/net_namespace.c). */
  nsids?: Record<number, number>;
  nextPid?: number;
  /** cgroup: the cgroup path that looks like `/` inside */
  cgroupRoot?: string;
  uidMap?: string;
  /** net: per-namespace sysctls set with docker run --sysctl */
  sysctls?: Record<string, string>;
  /** net: IPv4 forwarding (all, default) copied from init_net when the namespace was made (kernel/sysctl.ts). */
  devconf?: { all: string; dflt: string };
  /** net: the IPv4 neighbour (ARP) entries learned from traffic (net/neigh.ts), each with when it was last confirmed. */
  neigh?: { ip: string; dev: string; mac: string; confirmedMs: number }[];
}
