/**
 * `ss` from iproute2 6.1.0 (Ubuntu 24.04's iproute2 6.1.0-1ubuntu6): TCP and UDP sockets of the
 * caller's network namespace, laid out by ss's own renderer (iproute2@v6.1.0:misc/ss.c columns[],
 * render_calc_width, render): every field is a token, a column is as wide as its longest token
 * plus its delimiter, and on a terminal the spare width is shared out between the columns; piped,
 * the output is compact. One socket table alone hides the Netid column (-t).
 *
 * The sockets are those of the processes `ps` shows on node1: systemd-resolved's stub listeners
 * on 127.0.0.53%lo and 127.0.0.54, sshd on port 22 (its listen backlog SSH_LISTEN_BACKLOG, 128)
 * and the learner's own ssh connection, and Docker's published ports: each is the socket of
 * its docker-proxy, fd 4 (src/sim/docker/proxy.ts), listed while that process runs.
 */
import type { ExecResult } from '../../api.ts';
import { parseSsWords } from './ss-filter.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { liveProxies, PROXY_SOCKET_FD } from '../../docker/proxy.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import { unixSockets } from '../../net/unix.ts';

export interface Sock {
  proto: 'tcp' | 'udp';
  state: 'LISTEN' | 'UNCONN' | 'ESTAB';
  rq: number;
  wq: number;
  local: string;
  lport: number;
  ifname?: string;
  peer: string;
  pport: number | '*';
  /** The process holding the socket and its descriptor (ss -p's users:, lsof's row). */
  owner?: { comm: string; pid: number; fd: number };
}

/** netbase's /etc/services, the ports node1 shows (resolve_service without -n). */
export const SERVICES: Record<number, string> = { 22: 'ssh', 53: 'domain', 80: 'http', 443: 'https', 8080: 'http-alt' };

export function socketsOf(env: CmdEnv): Sock[] {
  const hostNet = env.host.fixture.namespaces.net;
  const ns = env.self.ns.net;
  const out: Sock[] = [];
  if (ns === hostNet) {
    const nic = env.host.fixture.network.eth0.addr.split('/')[0] as string;
    const resolved = (fd: number) => ({ comm: 'systemd-resolve', pid: 530, fd });
    out.push({ proto: 'udp', state: 'UNCONN', rq: 0, wq: 0, local: '127.0.0.54', lport: 53, peer: '0.0.0.0', pport: '*', owner: resolved(16) });
    out.push({ proto: 'udp', state: 'UNCONN', rq: 0, wq: 0, local: '127.0.0.53', ifname: 'lo', lport: 53, peer: '0.0.0.0', pport: '*', owner: resolved(14) });
    out.push({ proto: 'tcp', state: 'LISTEN', rq: 0, wq: 4096, local: '127.0.0.54', lport: 53, peer: '0.0.0.0', pport: '*', owner: resolved(17) });
    out.push({
      proto: 'tcp',
      state: 'LISTEN',
      rq: 0,
      wq: 4096,
      local: '127.0.0.53',
      ifname: 'lo',
      lport: 53,
      peer: '0.0.0.0',
      pport: '*',
      owner: resolved(15),
    });
    out.push({
      proto: 'tcp',
      state: 'LISTEN',
      rq: 0,
      wq: 128,
      local: '0.0.0.0',
      lport: 22,
      peer: '0.0.0.0',
      pport: '*',
      owner: { comm: 'sshd', pid: 845, fd: 3 },
    });
    for (const { pid, binding: p } of liveProxies(env.host, env.daemon.containers.values())) {
      if (p.proto !== 'tcp' && p.proto !== 'udp') continue;
      const v6 = p.hostIp.includes(':');
      out.push({
        proto: p.proto,
        state: p.proto === 'tcp' ? 'LISTEN' : 'UNCONN',
        rq: 0,
        wq: p.proto === 'tcp' ? 4096 : 0,
        local: v6 ? `[${p.hostIp}]` : p.hostIp,
        lport: p.hostPort,
        peer: v6 ? '[::]' : '0.0.0.0',
        pport: '*',
        owner: { comm: 'docker-proxy', pid, fd: PROXY_SOCKET_FD },
      });
    }
    out.push({
      proto: 'tcp',
      state: 'ESTAB',
      rq: 0,
      wq: 0,
      local: nic,
      lport: 22,
      peer: env.host.fixture.network.eth0.gateway,
      pport: 52644,
      owner: { comm: 'sshd', pid: 1987, fd: 4 },
    });
    out.push({ proto: 'tcp', state: 'LISTEN', rq: 0, wq: 128, local: '[::]', lport: 22, peer: '[::]', pport: '*', owner: { comm: 'sshd', pid: 845, fd: 4 } });
  }
  // IPv4 sockets come first (ss dumps AF_INET, then AF_INET6); within a family, UDP before TCP as ss prints them.
  const v6 = (s: Sock) => (s.local.startsWith('[') ? 1 : 0);
  return out.sort((a, b) => (a.proto === b.proto ? v6(a) - v6(b) : a.proto === 'udp' ? -1 : 1));
}

/**
 * Whether the caller may read /proc/PID/fd, which ss -p (user_ent_hash_build) and lsof walk: the
 * kernel's ptrace_may_access (linux@v6.8:kernel/ptrace.c __ptrace_may_access, PTRACE_MODE_READ_FSCREDS):
 * the same uid as the target, or CAP_SYS_PTRACE. Otherwise opendir fails and the process is skipped.
 */
export function fdsReadable(env: CmdEnv, pid: number): boolean {
  if (hasCap(env.self.caps, 'CAP_SYS_PTRACE')) return true;
  const p = env.host.kernel.procs.get(pid);
  return !!p && p.uid === env.self.euid && p.euid === env.self.euid;
}

interface Column {
  align: 'left' | 'right';
  header: string;
  ldelim: string;
  disabled: boolean;
  width: number;
  maxLen: number;
}

/** iproute2@v6.1.0:misc/ss.c render_calc_width and render, for a list of rows of tokens (one per enabled column). */
function render(cols: Column[], rows: string[][], screen: number | undefined): string {
  const enabled = cols.filter((c) => !c.disabled);
  // field_flush measures every token but the very last row's Process one (render flushes it without measuring).
  for (const [r, row] of rows.entries()) {
    for (const [i, t] of row.entries()) {
      const col = enabled[i] as Column;
      if (r === rows.length - 1 && col.header === 'Process') continue;
      col.maxLen = Math.max(col.maxLen, t.length);
    }
  }
  let first = true;
  for (const c of enabled) {
    c.width = !first && c.maxLen ? c.maxLen + c.ldelim.length : c.maxLen;
    if (screen !== undefined) c.width = Math.min(c.width, screen);
    if (c.width) first = false;
  }
  if (screen !== undefined) {
    let len = 0;
    let linecols = 0;
    let eol = -1;
    for (let i = 0; i < enabled.length; i++) {
      const c = enabled[i] as Column;
      if (!c.width) continue;
      linecols++;
      len += c.width;
      const last = !enabled.slice(i + 1).some((t) => t.width);
      if (!last && len < screen) continue;
      if (len !== screen) {
        if (len > screen) {
          len -= c.width;
          i--;
          linecols--;
        }
        const pad = screen - len;
        const spacing = Math.floor(pad / linecols);
        let rem = pad % linecols;
        for (let t = i; t > eol; t--) {
          const tc = enabled[t] as Column;
          if (!tc.width) continue;
          tc.width += spacing;
          if (rem) {
            tc.width++;
            rem--;
          }
        }
      }
      eol = i;
      len = 0;
      linecols = 0;
    }
  }
  let out = '';
  for (const row of rows) {
    let started = false;
    row.forEach((token, i) => {
      const f = enabled[i] as Column;
      let printed = 0;
      if (started) {
        out += f.ldelim;
        printed = f.ldelim.length;
      }
      started = true;
      if (f.width && f.align === 'right') {
        const s = f.width - token.length - printed;
        if (s > 0) {
          out += ' '.repeat(s);
          printed += s;
        }
      }
      out += token;
      printed += token.length;
      if (f.width && f.align === 'left' && f.width - printed > 0) out += ' '.repeat(f.width - printed);
    });
    out += '\n';
  }
  return out;
}

/**
 * node1's sockets other than TCP and UDP (the unix, netlink and packet sockets of systemd, journald,
 * dbus, udev, containerd and dockerd), which /proc/net/sockstat counts in "sockets: used" but ss -s
 * does not list: a fixed count for node1, not modelled one by one.
 */
const HOST_OTHER_SOCKETS = 164;

/**
 * `ss -s`: iproute2@v6.1.0:misc/ss.c print_summary, from /proc/net/sockstat and sockstat6 (get_sockstat_line)
 * and CurrEstab of /proc/net/snmp. TCP "inuse" counts the hashed sockets of one family, "alloc" both
 * families; RAW sockets and IP fragments are none on node1.
 */
function summary(env: CmdEnv): string {
  const socks = socketsOf(env);
  const count = (proto: string, v6: boolean) => socks.filter((s) => s.proto === proto && s.local.startsWith('[') === v6).length;
  const tcp4 = count('tcp', false);
  const tcp6 = count('tcp', true);
  const udp4 = count('udp', false);
  const udp6 = count('udp', true);
  const estab = socks.filter((s) => s.proto === 'tcp' && s.state === 'ESTAB').length;
  const alloc = tcp4 + tcp6;
  const total = socks.length + (env.self.ns.net === env.host.fixture.namespaces.net ? HOST_OTHER_SOCKETS : 0);
  const row = (name: string, a: number, b: number) => `${name}\t  ${String(a + b).padEnd(9)} ${String(a).padEnd(9)} ${String(b).padEnd(9)}\n`;
  return (
    `Total: ${total}\n` +
    `TCP:   ${alloc} (estab ${estab}, closed ${alloc - (tcp4 + tcp6)}, orphaned 0, timewait 0)\n\n` +
    'Transport Total     IP        IPv6\n' +
    row('RAW', 0, 0) +
    row('UDP', udp4, udp6) +
    row('TCP', tcp4, tcp6) +
    row('INET', udp4 + tcp4, udp6 + tcp6) +
    row('FRAG', 0, 0) +
    '\n'
  );
}

const USAGE_HEAD = 'Usage: ss [ OPTIONS ]\n       ss [ OPTIONS ] [ FILTER ]\n';

export const ss: SimCommand = {
  name: 'ss',
  flavors: ['coreutils'],
  async run(args, env): Promise<ExecResult> {
    const o = {
      summary: false,
      tcp: false,
      udp: false,
      unix: false,
      listen: false,
      all: false,
      numeric: false,
      procs: false,
      v4: false,
      v6: false,
      header: true,
    };
    const long: Record<string, string> = {
      '--tcp': 't',
      '--udp': 'u',
      '--unix': 'x',
      '--listening': 'l',
      '--all': 'a',
      '--numeric': 'n',
      '--processes': 'p',
      '--ipv4': '4',
      '--ipv6': '6',
      '--no-header': 'H',
      '--summary': 's',
    };
    // getopt_long permutes: the other words are the state and filter words (ss-filter.ts).
    const words: string[] = [];
    for (const a of args) {
      const opts = long[a] ? [long[a] as string] : a.startsWith('-') && !a.startsWith('--') && a.length > 1 ? [...a.slice(1)] : undefined;
      if (!opts) {
        words.push(a);
        continue;
      }
      for (const c of opts) {
        if (c === 't') o.tcp = true;
        else if (c === 'u') o.udp = true;
        else if (c === 'x') o.unix = true;
        else if (c === 'l') o.listen = true;
        else if (c === 'a') o.all = true;
        else if (c === 'n') o.numeric = true;
        else if (c === 'p') o.procs = true;
        else if (c === '4') o.v4 = true;
        else if (c === '6') o.v6 = true;
        else if (c === 'H') o.header = false;
        else if (c === 's') o.summary = true;
        else if (c === 'r') continue;
        else return { stdout: '', stderr: `ss: invalid option -- '${c}'\n${USAGE_HEAD}`, exitCode: 255 };
      }
    }
    // main: print_summary, then exit when no socket table was asked for (do_default && argc == 0).
    const head = o.summary ? summary(env) : '';
    if (o.summary && !o.tcp && !o.udp && !o.unix) return { stdout: head, stderr: '', exitCode: 0 };
    if (!o.tcp && !o.udp && !o.unix) return { stdout: '', stderr: 'ss: only TCP, UDP and UNIX sockets (-t, -u, -x) are simulated on node1\n', exitCode: 1 };
    const parsed = parseSsWords(words);
    if ('error' in parsed) return { stdout: '', stderr: parsed.error + (parsed.error.includes('bison') ? USAGE_HEAD : ''), exitCode: parsed.code };
    if (o.unix && parsed.filter) return { stdout: '', stderr: 'ss: address and port filters on UNIX sockets are not simulated on node1\n', exitCode: 1 };
    const states: string[] = parsed.states ?? (o.all ? ['LISTEN', 'UNCONN', 'ESTAB'] : o.listen ? ['LISTEN', 'UNCONN'] : ['ESTAB']);
    const socks = socketsOf(env).filter(
      (s) =>
        ((s.proto === 'tcp' && o.tcp) || (s.proto === 'udp' && o.udp)) &&
        states.includes(s.state) &&
        (!parsed.filter || parsed.filter(s)) &&
        (!o.v4 || !s.local.startsWith('[')) &&
        (!o.v6 || s.local.startsWith('[')),
    );
    const cols: Column[] = [
      ['left', 'Netid', ''],
      ['left', 'State', ' '],
      ['left', 'Recv-Q', ' '],
      ['left', 'Send-Q', ' '],
      ['right', 'Local Address:', ' '],
      ['left', 'Port', ''],
      ['right', 'Peer Address:', ' '],
      ['left', 'Port', ''],
      ['left', 'Process', ''],
      ['left', '', ''],
    ].map(([align, header, ldelim]) => ({
      align: align as 'left' | 'right',
      header: header as string,
      ldelim: ldelim as string,
      disabled: false,
      width: 0,
      maxLen: 0,
    }));
    // One socket table alone hides Netid (main: `dbs & (dbs - 1)`; -x is three tables, u_str, u_dgr and u_seq).
    (cols[0] as Column).disabled = !o.unix && o.tcp !== o.udp;
    // main: one state alone (`state established`) hides State.
    (cols[1] as Column).disabled = parsed.oneState === true;
    const rows: string[][] = [];
    const pick = (all: string[]) => all.filter((_, i) => !(cols[i] as Column).disabled);
    if (o.header) rows.push(pick([...cols.map((c) => c.header)]));
    const port = (p: number | '*') => (p === '*' || o.numeric ? String(p) : (SERVICES[p] ?? String(p)));
    // main: unix_show before udp_show and tcp_show; unix_stats_print: the name (or "*") and the inode, "*" and the peer's inode.
    if (o.unix && env.self.ns.net === env.host.fixture.namespaces.net) {
      for (const u of await unixSockets(env.host.kernel.procs.values())) {
        if (!states.includes(u.state)) continue;
        // user_ent_add prepends: the process scanned last (the highest PID, its highest fd) comes first.
        const users = u.holders
          .filter((h) => fdsReadable(env, h.pid))
          .sort((a, b) => b.pid - a.pid || b.fd - a.fd)
          .map((h) => `("${env.host.kernel.procs.get(h.pid)?.comm ?? ''}",pid=${h.pid},fd=${h.fd})`);
        const netid = { STREAM: 'u_str', DGRAM: 'u_dgr', SEQPACKET: 'u_seq' }[u.type];
        const backlog = u.state === 'LISTEN' ? 4096 : 0;
        rows.push(
          pick([
            netid,
            u.state,
            '0'.padEnd(6),
            String(backlog).padEnd(6),
            `${u.path ?? '*'} `,
            String(u.ino),
            '* ',
            String(u.peer),
            o.procs && users.length ? ` users:(${users.join(',')})` : '',
            '',
          ]),
        );
      }
    }
    for (const s of socks) {
      const local = `${s.local}${s.ifname ? `%${s.ifname}` : ''}:`;
      rows.push(
        pick([
          s.proto,
          s.state,
          String(s.rq).padEnd(6),
          String(s.wq).padEnd(6),
          local,
          port(s.lport),
          `${s.peer}:`,
          port(s.pport),
          o.procs && s.owner && fdsReadable(env, s.owner.pid) ? ` users:(("${s.owner.comm}",pid=${s.owner.pid},fd=${s.owner.fd}))` : '',
          '',
        ]),
      );
    }
    // The last row's trailing empty field is never written (render stops at its Process token).
    if (rows.length) rows[rows.length - 1] = (rows[rows.length - 1] as string[]).slice(0, -1);
    return { stdout: head + render(cols, rows, env.tty ? env.columns : undefined), stderr: '', exitCode: 0 };
  },
};
