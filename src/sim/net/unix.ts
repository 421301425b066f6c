/**
 * node1's UNIX domain sockets, the ones `ss -x` and `lsof -U` list: systemd's own (notify, private, and the
 * sockets it holds for socket activation: journald's, dbus's, udev's control socket, docker.socket's
 * /run/docker.sock, which dockerd receives with -H fd://), containerd's API and ttrpc sockets, the kubelet's
 * plugin sockets, each containerd-shim-runc-v2's task socket, and the connections that run the house: every
 * service's stdout and stderr into journald's stdout stream, dbus clients on the system bus, dockerd and the
 * kubelet on containerd's socket. A socket is listed while one of the processes holding it lives.
 *
 * Paths: systemd@v255:units/systemd-journald.socket, systemd-journald-dev-log.socket, dbus.socket (dbus 1.14),
 * systemd-udevd-control.socket; moby@v27.3.1:contrib/init/systemd/docker.socket (ListenStream=/run/docker.sock);
 * containerd@v1.7.22:defaults/defaults_unix.go (DefaultAddress, and DefaultAddress + ".ttrpc"); the shim's socket
 * containerd@v1.7.22:runtime/v2/shim/util_unix.go SocketAddress: /run/containerd/s/ + hex(sha256(containerd's
 * address + "/" + namespace + "/" + id)); kubernetes@v1.30: pkg/kubelet/apis/podresources (pod-resources/kubelet.sock)
 * and the device-plugin registration socket. Inode numbers and kernel addresses are node1's own, fixed at boot.
 */
import { sha256Hex } from '../image/digest.ts';
import type { Proc } from '../kernel/types.ts';

export interface UnixSock {
  type: 'STREAM' | 'DGRAM' | 'SEQPACKET';
  state: 'LISTEN' | 'UNCONN' | 'ESTAB';
  /** The bound path; undefined for the unnamed (client) end of a connection. */
  path?: string;
  ino: number;
  /** The other end's inode (0: none). */
  peer: number;
  /** Processes holding the socket, with the descriptor. */
  holders: { pid: number; fd: number }[];
  /** The struct sock's kernel address (lsof's DEVICE, /proc/net/unix's Num). */
  addr: string;
}

const kaddr = (ino: number) => `0xffff8a5c${(0x41000000 + ino * 0x400).toString(16).padStart(8, '0')}`;

/** [type, state, path, ino, holders] of the listeners and bound datagram sockets. */
const BOUND: [UnixSock['type'], UnixSock['state'], string, number, [number, number][]][] = [
  ['DGRAM', 'UNCONN', '/run/systemd/notify', 15201, [[1, 14]]],
  ['STREAM', 'LISTEN', '/run/systemd/private', 15203, [[1, 16]]],
  [
    'STREAM',
    'LISTEN',
    '/run/systemd/journal/stdout',
    15210,
    [
      [1, 30],
      [312, 3],
    ],
  ],
  [
    'DGRAM',
    'UNCONN',
    '/run/systemd/journal/socket',
    15212,
    [
      [1, 31],
      [312, 4],
    ],
  ],
  [
    'DGRAM',
    'UNCONN',
    '/run/systemd/journal/dev-log',
    15214,
    [
      [1, 32],
      [312, 5],
    ],
  ],
  [
    'SEQPACKET',
    'LISTEN',
    '/run/udev/control',
    15220,
    [
      [1, 34],
      [356, 3],
    ],
  ],
  [
    'STREAM',
    'LISTEN',
    '/run/dbus/system_bus_socket',
    19830,
    [
      [1, 40],
      [601, 3],
    ],
  ],
  [
    'STREAM',
    'LISTEN',
    '/run/docker.sock',
    19836,
    [
      [1, 41],
      [812, 3],
    ],
  ],
  ['STREAM', 'LISTEN', '/run/systemd/resolve/io.systemd.Resolve', 20114, [[530, 12]]],
  ['STREAM', 'LISTEN', '/run/containerd/containerd.sock.ttrpc', 21407, [[640, 7]]],
  ['STREAM', 'LISTEN', '/run/containerd/containerd.sock', 21409, [[640, 8]]],
  ['STREAM', 'LISTEN', '/var/lib/kubelet/pod-resources/kubelet.sock', 24310, [[846, 14]]],
  ['STREAM', 'LISTEN', '/var/lib/kubelet/device-plugins/kubelet.sock', 24318, [[846, 17]]],
];

/** Connections: [server path, server inode, server holder, client inode, client holders]. */
const STREAMS: [string, number, [number, number], number, [number, number][]][] = [
  // Each service's stdout and stderr (one socket on fds 1 and 2) into journald (StandardOutput=journal).
  ...(
    [
      [356, 22660],
      [512, 22672],
      [530, 22684],
      [531, 22696],
      [598, 22708],
      [601, 22720],
      [620, 22732],
      [640, 22744],
      [812, 22756],
      [845, 22768],
      [846, 22780],
    ] as const
  ).map(([pid, ino], i): [string, number, [number, number], number, [number, number][]] => [
    '/run/systemd/journal/stdout',
    ino + 1,
    [312, 20 + i],
    ino,
    [
      [pid, 1],
      [pid, 2],
    ],
  ]),
  // The system bus's clients: systemd itself, logind, networkd, resolved, timesyncd.
  ...(
    [
      [1, 23101, 45],
      [512, 23113, 9],
      [530, 23125, 10],
      [531, 23137, 8],
      [620, 23149, 9],
    ] as const
  ).map(([pid, ino, fd], i): [string, number, [number, number], number, [number, number][]] => [
    '/run/dbus/system_bus_socket',
    ino + 1,
    [601, 10 + i],
    ino,
    [[pid, fd]],
  ]),
  ['/run/containerd/containerd.sock', 24002, [640, 12], 24001, [[812, 9]]],
  ['/run/containerd/containerd.sock', 24502, [640, 15], 24501, [[846, 11]]],
];

const isShim = (p: Proc) => p.argv[0]?.endsWith('containerd-shim-runc-v2') === true && p.state !== 'Z';

/** The UNIX sockets of node1's network namespace (host processes), in the order the kernel's unix_diag dumps them here. */
export async function unixSockets(procs: Iterable<Proc>): Promise<UnixSock[]> {
  const live = new Map<number, Proc>();
  for (const p of procs) if (p.state !== 'Z') live.set(p.pid, p);
  const out: UnixSock[] = [];
  const push = (s: Omit<UnixSock, 'addr'>) => {
    const holders = s.holders.filter((h) => live.has(h.pid));
    if (holders.length) out.push({ ...s, holders, addr: kaddr(s.ino) });
  };
  for (const [type, state, path, ino, holders] of BOUND) push({ type, state, path, ino, peer: 0, holders: holders.map(([pid, fd]) => ({ pid, fd })) });
  for (const p of live.values()) {
    if (!isShim(p)) continue;
    const arg = (name: string) => p.argv[p.argv.indexOf(name) + 1] ?? '';
    const hash = await sha256Hex(`${arg('-address')}/${arg('-namespace')}/${arg('-id')}`);
    push({ type: 'STREAM', state: 'LISTEN', path: `/run/containerd/s/${hash}`, ino: 30_000 + (p.pid % 10_000), peer: 0, holders: [{ pid: p.pid, fd: 12 }] });
  }
  for (const [path, sino, [spid, sfd], cino, clients] of STREAMS) {
    if (!clients.some(([pid]) => live.has(pid))) continue;
    push({ type: 'STREAM', state: 'ESTAB', path, ino: sino, peer: cino, holders: [{ pid: spid, fd: sfd }] });
    push({ type: 'STREAM', state: 'ESTAB', ino: cino, peer: sino, holders: clients.map(([pid, fd]) => ({ pid, fd })) });
  }
  return out;
}
