/**
 * lsof 4.95.0 on node1, for its network files: the sockets `ss` lists (ss.ts socketsOf), each as
 * the process holding it opens it. Selection: -i [46][proto][@host][:port], -p PIDs, -u users
 * (ANDed with -a, ORed otherwise), -n (no host names), -P (no port names), -t (PIDs only). Columns
 * and widths as lsof-org/lsof@4.95.0:print.c print_file sizes and prints them: COMMAND cut to 9
 * (CMDL), PID, USER and FD right-aligned ("%*.*s", fd then access mode and lock), TYPE, DEVICE (the
 * socket's inode), SIZE/OFF "0t0", NODE (TCP/UDP), NAME with "(STATE)" for TCP. Without -n, names
 * come from the resolver as node1 answers: 0.0.0.0 and :: are "*", systemd-resolved's synthetic
 * "_localdnsstub" (127.0.0.53), "_localdnsproxy" (127.0.0.54) and "_gateway", nss-myhostname's
 * "node1" for its own address. As another user than root, lsof reads only that user's processes'
 * /proc/PID/fd (ss.ts fdsReadable). Other files (paths, regular files, -d, +D) are not simulated: a
 * path that exists matches nothing (status 1).
 */
import type { ExecResult } from '../../api.ts';
import type { SimCommand } from '../types.ts';
import { user } from '../pscolumns.ts';
import { fdsReadable, type Sock, socketsOf } from './ss.ts';
import { accounts } from '../users.ts';
import { unixFiles } from './lsof-unix.ts';

const PORTS: Record<number, string> = { 22: 'ssh', 53: 'domain', 80: 'http', 443: 'https', 8080: 'http-alt' };

/** usage(err): lsof-org/lsof@4.95.0:usage.c as Linux builds it (HASTASKS K, HASPPID R, HASXOPT X; no name cache C). */
const USAGE = `lsof 4.95.0
 latest revision: https://github.com/lsof-org/lsof
 latest FAQ: https://github.com/lsof-org/lsof/blob/master/00FAQ
 latest (non-formatted) man page: https://github.com/lsof-org/lsof/blob/master/Lsof.8
 usage: [-?abhKlnNoOPRtUvVX] [+|-c c] [+|-d s] [+D D] [+|-E] [+|-e s] [+|-f[gG]]
 [-F [f]] [-g [s]] [-i [i]] [+|-L [l]] [+m [m]] [+|-M] [-o [o]] [-p s]
 [+|-r [t]] [-s [p:s]] [-S [t]] [-T [t]] [-u s] [+|-w] [-x [fl]] [--] [names]
Use the \`\`-h'' option to get more help information.
`;

/** TCP states as lsof names them (dialects/linux/dsock.c TcpSt: ESTABLISHED, LISTEN …). */
const STATE: Record<Sock['state'], string> = { LISTEN: 'LISTEN', ESTAB: 'ESTABLISHED', UNCONN: '' };

interface InetSel {
  family?: 4 | 6;
  proto?: 'tcp' | 'udp';
  port?: number;
}

/** -i's argument: [46][protocol][@hostname|hostaddr][:service|port]; the host part is taken but not matched here. */
function parseInet(arg: string): InetSel | undefined {
  const m = /^([46])?(tcp|udp|TCP|UDP)?(@[^:]*)?(?::([\w-]+))?$/.exec(arg);
  if (!m) return undefined;
  const sel: InetSel = {};
  if (m[1]) sel.family = Number(m[1]) as 4 | 6;
  if (m[2]) sel.proto = m[2].toLowerCase() as 'tcp' | 'udp';
  if (m[4]) {
    const named = Object.entries(PORTS).find(([, n]) => n === m[4]);
    const port = /^\d+$/.test(m[4]) ? Number(m[4]) : named ? Number(named[0]) : Number.NaN;
    if (Number.isNaN(port)) return undefined;
    sel.port = port;
  }
  return sel;
}

export const lsof: SimCommand = {
  name: 'lsof',
  async run(args, env): Promise<ExecResult> {
    const fail = (msg: string): ExecResult => ({ stdout: '', stderr: `${msg}${USAGE}`, exitCode: 1 });
    let numeric = false;
    let portNumbers = false;
    let terse = false;
    let and = false;
    const inet: InetSel[] = [];
    let wantInet = false;
    let wantUnix = false;
    let pids: number[] | undefined;
    let users: string[] | undefined;
    const names: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === '-i') {
        wantInet = true;
        const next = args[i + 1];
        if (next !== undefined && !next.startsWith('-') && parseInet(next)) inet.push(parseInet(args[++i] as string) as InetSel);
      } else if (a.startsWith('-i')) {
        const sel = parseInet(a.slice(2));
        if (!sel) return fail(`lsof: unknown protocol name (${a.slice(2)}) in: -i ${a.slice(2)}\n`);
        wantInet = true;
        inet.push(sel);
      } else if (a === '-p' || a === '-u') {
        const v = args[++i];
        if (v === undefined) return fail(`lsof: no ${a === '-p' ? 'process ID' : 'user'} specified\n`);
        if (a === '-p') {
          if (!/^\d+(,\d+)*$/.test(v)) return fail(`lsof: illegal process ID: ${v}\n`);
          pids = v.split(',').map(Number);
        } else users = v.split(',');
      } else if (/^-[nPtaVlU]+$/.test(a)) {
        if (a.includes('n')) numeric = true;
        if (a.includes('P')) portNumbers = true;
        if (a.includes('t')) terse = true;
        if (a.includes('a')) and = true;
        if (a.includes('U')) wantUnix = true;
      } else if (a === '-h' || a === '-?') return { stdout: '', stderr: USAGE, exitCode: 0 };
      // main.c GetOpt: a character no option has (`--help` gives '-'), then usage(1).
      else if (a.startsWith('-') || a.startsWith('+')) return fail(`lsof: illegal option character: ${a.slice(1, 2) || a}\n`);
      else names.push(a);
    }
    for (const n of names) {
      const st = await env.fs.stat(env.fs.resolvePath(env.cwd, n)).catch(() => undefined);
      if (!st) return fail(`lsof: status error on ${n}: No such file or directory\n`);
    }
    const k = env.host.kernel;
    const known = await accounts(env);
    const uidOf = (name: string) => (/^\d+$/.test(name) ? Number(name) : known.find((u) => u.name === name)?.uid);
    const rows = socketsOf(env)
      .filter((s) => s.owner && fdsReadable(env, s.owner.pid))
      .map((s) => ({ s, p: k.procs.get(s.owner?.pid ?? 0) }))
      .filter((r) => r.p !== undefined)
      .filter(({ s, p }) => {
        const v6 = s.local.startsWith('[');
        const inetOk =
          !inet.length ||
          inet.some(
            (sel) =>
              (!sel.family || sel.family === (v6 ? 6 : 4)) &&
              (!sel.proto || sel.proto === s.proto) &&
              (sel.port === undefined || sel.port === s.lport || sel.port === s.pport),
          );
        const pidOk = !pids || pids.includes(s.owner?.pid ?? 0);
        const userOk = !users || users.some((u) => uidOf(u) === p?.uid);
        // Names (paths) select no sockets; with no selection at all every open file is listed (the sockets here).
        const sels = [wantInet || wantUnix ? wantInet && inetOk : undefined, pids ? pidOk : undefined, users ? userOk : undefined].filter(
          (x) => x !== undefined,
        );
        if (names.length && !sels.length) return false;
        return !sels.length || (and ? sels.every(Boolean) : sels.some(Boolean));
      })
      .sort((a, b) => (a.s.owner?.pid ?? 0) - (b.s.owner?.pid ?? 0) || (a.s.owner?.fd ?? 0) - (b.s.owner?.fd ?? 0));
    const unix = wantUnix ? await unixFiles(env, pids, users && ((pid: number) => users.some((u) => uidOf(u) === k.procs.get(pid)?.uid)), and) : [];
    if (!rows.length && !unix.length) return { stdout: '', stderr: '', exitCode: 1 };
    if (terse)
      return {
        stdout: [...new Set([...rows.map((r) => r.s.owner?.pid ?? 0), ...unix.map((u) => Number(u.pid))].sort((a, b) => a - b))].map((p) => `${p}\n`).join(''),
        stderr: '',
        exitCode: 0,
      };
    const host = (addr: string) => {
      const a = addr.replace(/^\[|\]$/g, '');
      if (a === '0.0.0.0' || a === '::') return '*';
      if (numeric) return addr;
      if (a === '127.0.0.53') return '_localdnsstub';
      if (a === '127.0.0.54') return '_localdnsproxy';
      if (a === env.host.fixture.network.eth0.gateway) return '_gateway';
      if (a === env.host.fixture.network.eth0.addr.split('/')[0]) return env.host.fixture.hostname;
      return addr;
    };
    const port = (p: number | '*') => (p === '*' ? '*' : portNumbers ? String(p) : (PORTS[p] ?? String(p)));
    const inetCells = rows.map(({ s, p }) => {
      const o = s.owner as NonNullable<Sock['owner']>;
      const local = `${host(s.local)}:${port(s.lport)}`;
      const name = s.state === 'ESTAB' ? `${local}->${host(s.peer)}:${port(s.pport)}` : local;
      // No source gives these sockets' inode numbers: a fixed number per process and descriptor.
      const inode = 18_000 + o.pid * 11 + o.fd;
      return {
        cmd: (p?.comm ?? o.comm).slice(0, 9),
        pid: String(o.pid),
        user: user(env, p as NonNullable<typeof p>),
        fd: `${o.fd}u `,
        type: s.local.startsWith('[') ? 'IPv6' : 'IPv4',
        dev: String(inode),
        off: '0t0',
        node: s.proto.toUpperCase(),
        name: `${name}${STATE[s.state] ? ` (${STATE[s.state]})` : ''}`,
      };
    });
    // lsof lists by PID, each process's descriptors in order.
    const cells = [...inetCells, ...unix].sort((a, b) => Number(a.pid) - Number(b.pid) || Number.parseInt(a.fd, 10) - Number.parseInt(b.fd, 10));
    const w = (key: keyof (typeof cells)[0], title: string) => Math.max(title.length, ...cells.map((c) => c[key].length));
    const [cw, pw, uw, fw, tw, dw, ow, nw] = [
      w('cmd', 'COMMAND'),
      w('pid', 'PID'),
      w('user', 'USER'),
      w('fd', 'FD'),
      w('type', 'TYPE'),
      w('dev', 'DEVICE'),
      w('off', 'SIZE/OFF'),
      w('node', 'NODE'),
    ];
    let out = `${'COMMAND'.padEnd(cw)} ${'PID'.padStart(pw)} ${'USER'.padStart(uw)} ${'FD'.padStart(fw - 2)}   ${'TYPE'.padStart(tw)} ${'DEVICE'.padStart(dw)} ${'SIZE/OFF'.padStart(ow)} ${'NODE'.padStart(nw)} NAME\n`;
    for (const c of cells)
      out += `${c.cmd.padEnd(cw)} ${c.pid.padStart(pw)} ${c.user.padStart(uw)} ${c.fd.trimEnd().padStart(fw - 1)}  ${c.type.padStart(tw)} ${c.dev.padStart(dw)} ${c.off.padStart(ow)} ${c.node.padStart(nw)} ${c.name}\n`;
    return { stdout: out, stderr: '', exitCode: 0 };
  },
};
