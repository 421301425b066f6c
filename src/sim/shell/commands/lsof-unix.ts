/**
 * lsof -U: node1's UNIX domain sockets (net/unix.ts), one row per process and descriptor holding one, as
 * lsof-org/lsof@4.95.0:dialects/linux/dsock.c process_proc_sock fills them for a /proc/net/unix entry: TYPE
 * "unix", DEVICE the socket's kernel address (/proc/net/unix's Num, shown to root: kptr_restrict 1), SIZE/OFF
 * "0t0", NODE the inode, NAME "[PATH ]type=STREAM|DGRAM|SEQPACKET" (sockty2str), then print_unix's state:
 * "(LISTEN)" for a listener (__SO_ACCEPTCON), else sockss2str's "(CONNECTED)" or "(UNCONNECTED)".
 */
import type { CmdEnv } from '../types.ts';
import { user } from '../pscolumns.ts';
import { unixSockets } from '../../net/unix.ts';
import { fdsReadable } from './ss.ts';

export interface LsofCell {
  cmd: string;
  pid: string;
  user: string;
  fd: string;
  type: string;
  dev: string;
  off: string;
  node: string;
  name: string;
}

export async function unixFiles(env: CmdEnv, pids: number[] | undefined, userOk: ((pid: number) => boolean) | undefined, and: boolean): Promise<LsofCell[]> {
  if (env.self.ns.net !== env.host.fixture.namespaces.net) return [];
  const k = env.host.kernel;
  const out: LsofCell[] = [];
  for (const u of await unixSockets(k.procs.values())) {
    for (const h of u.holders) {
      const p = k.procs.get(h.pid);
      if (!p || !fdsReadable(env, h.pid)) continue;
      // -U is one selection; -p and -u others: ORed, or ANDed with -a.
      const sels = [true, pids ? pids.includes(h.pid) : undefined, userOk ? userOk(h.pid) : undefined].filter((x) => x !== undefined);
      if (!(and ? sels.every(Boolean) : sels.some(Boolean))) continue;
      const state = u.state === 'LISTEN' ? 'LISTEN' : u.state === 'ESTAB' ? 'CONNECTED' : 'UNCONNECTED';
      out.push({
        cmd: p.comm.slice(0, 9),
        pid: String(h.pid),
        user: user(env, p),
        fd: `${h.fd}u `,
        type: 'unix',
        dev: u.addr,
        off: '0t0',
        node: String(u.ino),
        name: `${u.path ? `${u.path} ` : ''}type=${u.type} (${state})`,
      });
    }
  }
  return out;
}
