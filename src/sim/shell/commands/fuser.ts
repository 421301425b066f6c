/**
 * fuser, psmisc 23.7 on the Ubuntu host: which processes use a file, a UNIX socket or a TCP/UDP port.
 * Source: psmisc's src/fuser.c (read from the mirror codacy-open-source-projects-scans/psmisc, as killall.ts):
 * - main: options one character at a time (-a -k -i -l -m -M -n SPACE -s -u -v -w -V -4 -6, -SIGNAL for an upper-case
 *   letter or a digit, long names as `--kill`); "%s: Invalid option %c" then usage(1); NAME/tcp, NAME/udp, NAME/file.
 * - parse_file: expandpath (symlinks resolved), stat, "Specified filename %s does not exist."; parse_unixsockets: a
 *   socket file matches the /proc/net/unix entry bound to it (the last one listed: fill_unix_cache prepends and
 *   parse_unixsockets takes the first). parse_inet "[lcl_port][,[rmt_host][,[rmt_port]]]"; find_net_sockets.
 * - scan_procs: /proc in PID order (itself skipped); a socket descriptor is a file opened read-write (F), the
 *   executable `e`, the working directory `c`; scan_mounts adds "kernel mount" for a mount point (shown with -v).
 * - print_matches: the names on stderr ("%s:" padded to NAME_FIELD 20), the PIDs on stdout (" %5d"), the access
 *   letters on stderr; -v's header "%*s USER        PID ACCESS COMMAND" and " %-8s " user, " %c%c%c%c%c " access and
 *   the command; exit 0 when a process matched. kill_matched_proc: SIGKILL unless -SIGNAL, "Could not kill process
 *   %d: %s". Modelled: UNIX sockets (net/unix.ts), TCP/UDP sockets (ss.ts), host daemons' executables (an absolute
 *   argv[0]; the simulator has no /proc/PID/exe), the caller's shell's working directory. Open regular files and
 *   -m/-c (every process on a file system) are not simulated: that is said, status 1.
 */
import type { ExecResult } from '../../api.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import type { Proc } from '../../kernel/types.ts';
import { unixSockets } from '../../net/unix.ts';
import { listSignals, NAMES } from '../killall-args.ts';
import { mountTable } from '../mounttable.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { accounts } from '../users.ts';
import { send } from './killall.ts';
import { SERVICES, socketsOf } from './ss.ts';

type Chunk = { stream: 'stdout' | 'stderr'; text: string };

const USAGE =
  'Usage: fuser [-fIMuvw] [-a|-s] [-4|-6] [-c|-m|-n SPACE]\n             [-k [-i] [-SIGNAL]] NAME...\n       fuser -l\n       fuser -V\n' +
  'Show which processes use the named files, sockets, or filesystems.\n\n' +
  '  -a,--all              display unused files too\n  -i,--interactive      ask before killing (ignored without -k)\n' +
  '  -I,--inode            use always inodes to compare files\n  -k,--kill             kill processes accessing the named file\n' +
  '  -l,--list-signals     list available signal names\n  -m,--mount            show all processes using the named filesystems or\n' +
  '                        block device\n  -M,--ismountpoint     fulfill request only if NAME is a mount point\n' +
  '  -n,--namespace SPACE  search in this name space (file, udp, or tcp)\n  -s,--silent           silent operation\n' +
  '  -SIGNAL               send this signal instead of SIGKILL\n  -u,--user             display user IDs\n' +
  '  -v,--verbose          verbose output\n  -w,--writeonly        kill only processes with write access\n' +
  '  -V,--version          display version information\n  -4,--ipv4             search IPv4 sockets only\n' +
  '  -6,--ipv6             search IPv6 sockets only\n  udp/tcp names: [local_port][,[rmt_host][,[rmt_port]]]\n\n';

const VERSION =
  'fuser (PSmisc) 23.7\nCopyright (C) 1993-2022 Werner Almesberger and Craig Small\n\n' +
  'PSmisc comes with ABSOLUTELY NO WARRANTY.\nThis is free software, and you are welcome to redistribute it under\n' +
  'the terms of the GNU General Public License.\nFor more information about these matters, see the files named COPYING.\n';

const LONG: Record<string, string> = {
  all: 'a',
  kill: 'k',
  interactive: 'i',
  inode: 'I',
  'list-signals': 'l',
  mount: 'm',
  ismountpoint: 'M',
  namespace: 'n',
  silent: 's',
  user: 'u',
  verbose: 'v',
  writeonly: 'w',
  version: 'V',
  ipv4: '4',
  ipv6: '6',
};

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
const ACCESS_FILE = 1;
const ACCESS_ROOT = 2;
const ACCESS_CWD = 4;
const ACCESS_EXE = 8;
const ACCESS_FILEWR = 32;

interface Match {
  pid: number;
  access: number;
  /** A "kernel mount" line (PTYPE_MOUNT): the mount point. */
  mount?: string;
}

interface Name {
  filename: string;
  matches: Match[];
}

function addMatch(n: Name, pid: number, access: number): void {
  const m = n.matches.find((x) => x.pid === pid && !x.mount);
  if (m) m.access |= access;
  else n.matches.push({ pid, access });
}

export const fuser: SimCommand = {
  name: 'fuser',
  async run(args, env): Promise<ExecResult> {
    const o = { all: false, kill: false, silent: false, user: false, verbose: false, write: false, mounts: false, v4: false, v6: false };
    let sig = 9;
    let space: 'file' | 'tcp' | 'udp' = 'file';
    const specs: [string, 'file' | 'tcp' | 'udp'][] = [];
    const usage = (msg?: string) => R('', `${msg ? `${msg}\n` : ''}${USAGE}`, 1);
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === '--') {
        // main: `--` ends the options and the names with them (the loop breaks).
        break;
      }
      if (a.startsWith('-') && a.length > 1) {
        let word = a;
        if (a.startsWith('--')) {
          const c = LONG[a.slice(2)];
          if (!c) return R('', `fuser: Invalid option ${a}\n${USAGE}`, 1);
          word = `-${c}`;
        }
        for (let j = 1; j < word.length; j++) {
          const c = word[j] as string;
          if (c === '4') o.v4 = true;
          else if (c === '6') o.v6 = true;
          else if (c === 'a') o.all = true;
          else if (c === 'c' || c === 'm' || c === 'M') o.mounts = true;
          else if (c === 'f' || c === 'I' || c === 'i') continue;
          else if (c === 'h') return usage();
          else if (c === 'k') o.kill = true;
          else if (c === 'l') return R(listSignals());
          else if (c === 'n') {
            const ns = args[++i];
            if (ns === undefined) return usage('Namespace option requires an argument.');
            if (ns !== 'tcp' && ns !== 'udp' && ns !== 'file') return usage('Invalid namespace name');
            space = ns;
            break;
          } else if (c === 's') o.silent = true;
          else if (c === 'u') o.user = true;
          else if (c === 'v') o.verbose = true;
          else if (c === 'w') o.write = true;
          else if (c === 'V') return R('', VERSION);
          else if (/[A-Z0-9]/.test(c)) {
            // get_signal (signals.c): a number, or a name with or without SIG.
            const name = word.slice(1);
            const bare = name.startsWith('SIG') ? name.slice(3) : name;
            const n = /^\d/.test(name) ? Number.parseInt(name, 10) : NAMES.indexOf(bare) + 1;
            if (!n) return R('', `${bare}: unknown signal; fuser -l lists signals.\n`, 1);
            sig = n;
            break;
          } else return R('', `fuser: Invalid option ${c}\n${USAGE}`, 1);
        }
        continue;
      }
      const slash = a.indexOf('/');
      const ns = slash > 0 ? a.slice(slash + 1) : '';
      if (ns === 'tcp' || ns === 'udp' || ns === 'file') specs.push([a.slice(0, slash), ns]);
      else specs.push([a, space]);
    }
    if (!specs.length) return usage('No process specification given');
    if (o.mounts)
      return R('', 'fuser: -m, -c and -M (every process using a file system) are not simulated on node1; fuser FILE, PORT/tcp and PORT/udp are.\n', 1);
    if (o.silent && o.all) return usage('all option cannot be used with silent option.');
    if (o.silent) o.verbose = o.user = false;
    if (o.v4 && o.v6) return usage('You cannot search for only IPv4 and only IPv6 sockets at the same time');
    const chunks: Chunk[] = [];
    const err = (text: string) => chunks.push({ stream: 'stderr', text });
    const k = env.host.kernel;
    const live = [...k.procs.values()].filter((p) => p.state !== 'Z' && !p.kthread && p.pid !== env.self.pid && p.ns.net === env.self.ns.net);
    const names: Name[] = [];
    for (const [spec, ns] of specs) {
      if (ns === 'file') names.push(await fileName(env, spec, live, err));
      else names.push(inetName(env, spec, ns, o, err));
    }
    return print(env, names, o, sig, chunks);
  },
};

/** parse_inet and find_net_sockets: the sockets on that local port (and remote host and port, when given). */
function inetName(env: CmdEnv, spec: string, proto: 'tcp' | 'udp', o: { v4: boolean; v6: boolean }, err: (t: string) => void): Name {
  const name: Name = { filename: `${spec}/${proto}`, matches: [] };
  const [lport, rhost, rport] = spec.split(',');
  const port = (p: string | undefined) => {
    if (!p) return 0;
    if (/^\d+$/.test(p)) return Number(p);
    const hit = Object.entries(SERVICES).find(([, n]) => n === p);
    return hit ? Number(hit[0]) : undefined;
  };
  const lp = port(lport);
  if (lp === undefined) {
    // gai_strerror(EAI_SERVICE), glibc 2.39.
    err(`Cannot resolve local port ${lport}: Servname not supported for ai_socktype\n`);
    return name;
  }
  const rp = port(rport) ?? -1;
  for (const s of socketsOf(env)) {
    const v6 = s.local.startsWith('[');
    if (s.proto !== proto || !s.owner || (o.v4 && v6) || (o.v6 && !v6)) continue;
    if (lp && s.lport !== lp) continue;
    if (rp && s.pport !== rp) continue;
    if (rhost && s.peer.replace(/^\[|\]$/g, '') !== rhost) continue;
    addMatch(name, s.owner.pid, ACCESS_FILE | ACCESS_FILEWR);
  }
  name.matches.sort((a, b) => a.pid - b.pid);
  return name;
}

/** parse_file with expandpath, then what node1 knows uses it: a UNIX socket, an executable, the shell's directory, a mount. */
async function fileName(env: CmdEnv, spec: string, live: Proc[], err: (t: string) => void): Promise<Name> {
  const abs = env.fs.resolvePath(env.cwd, spec);
  const real = await env.fs.realpath(abs).catch(() => undefined);
  const name: Name = { filename: real ?? spec, matches: [] };
  const st = await env.fs.stat(real ?? abs).catch(() => undefined);
  if (!st || !real) {
    err(`Specified filename ${spec} does not exist.\n`);
    return name;
  }
  // Every process's root directory (and most daemons' working directory) is /: that scan is not modelled.
  if (real === '/') {
    err('fuser: the processes using / (every root directory) are not simulated on node1.\n');
    return name;
  }
  const ino = (p: string) =>
    env.fs
      .stat(p)
      .then((s) => (s as { ino?: number }).ino)
      .catch(() => undefined);
  const target = (st as { ino?: number }).ino;
  const same = async (p: string) => p === real || (target !== undefined && (await ino(p)) === target && (await env.fs.realpath(p).catch(() => p)) === real);
  const socks = (await unixSockets(k(env).procs.values())).filter((u) => u.path);
  let bound: (typeof socks)[number] | undefined;
  for (const u of socks) if (await same(u.path as string)) bound = u;
  const shell = k(env).procs.get(env.self.ppid);
  for (const p of live) {
    if (p.root === 'host' && p.argv[0]?.startsWith('/') && (await same(p.argv[0]))) addMatch(name, p.pid, ACCESS_EXE);
    if (p === shell && (await same(env.cwd))) addMatch(name, p.pid, ACCESS_CWD);
    for (const h of bound?.holders ?? []) if (h.pid === p.pid) addMatch(name, p.pid, ACCESS_FILE | ACCESS_FILEWR);
  }
  // scan_mounts: a mount point gets a "kernel mount" line, put first (add_special_proc prepends).
  if (mountTable(env.daemon, undefined).some((m) => m.target === real)) name.matches.unshift({ pid: 0, access: 0, mount: real });
  return name;
}

const k = (env: CmdEnv) => env.host.kernel;

/** print_matches and kill_matched_proc. */
async function print(
  env: CmdEnv,
  names: Name[],
  o: { all: boolean; kill: boolean; silent: boolean; user: boolean; verbose: boolean; write: boolean },
  sig: number,
  chunks: Chunk[],
): Promise<ExecResult> {
  const users = await accounts(env);
  const err = (text: string) => chunks.push({ stream: 'stderr', text });
  const out = (text: string) => chunks.push({ stream: 'stdout', text });
  let head = false;
  let matched = false;
  let killed = false;
  for (const n of names) {
    const normal = n.matches.filter((m) => !m.mount);
    if (o.silent) matched ||= normal.length > 0;
    else {
      const has = o.verbose ? n.matches.length > 0 : normal.length > 0;
      let len = 0;
      if (has || o.all) {
        if (!head && o.verbose) {
          err(`${' '.repeat(20)} USER        PID ACCESS COMMAND\n`);
          head = true;
        }
        err(`${n.filename}:`);
        len = n.filename.length + 1;
      }
      let first = true;
      for (const m of n.matches) {
        if (!o.verbose && m.mount) continue;
        matched = true;
        const p = m.mount ? undefined : k(env).procs.get(m.pid);
        const uid = p ? p.euid : 0;
        const login = users.find((u) => u.uid === uid)?.name;
        if (len > 20 && o.verbose) {
          err('\n');
          len = 0;
        }
        if (o.verbose || first) err(' '.repeat(Math.max(20 - len, 0)));
        if (o.verbose) err(` ${(login ?? '(unknown)').padEnd(8)} `);
        out(m.mount ? 'kernel' : ` ${String(m.pid).padStart(5)}`);
        const a = m.access;
        if (o.verbose) {
          if (m.mount) err(' mount ');
          else
            err(
              ` ${a & ACCESS_FILE ? (a & ACCESS_FILEWR ? 'F' : 'f') : '.'}${a & ACCESS_ROOT ? 'r' : '.'}${a & ACCESS_CWD ? 'c' : '.'}${a & ACCESS_EXE ? 'e' : '.'}. `,
            );
        } else err(`${a & ACCESS_ROOT ? 'r' : ''}${a & ACCESS_CWD ? 'c' : ''}${a & ACCESS_EXE ? 'e' : ''}`);
        if (o.user) err(login === undefined ? ' (unknown) ' : `(${login})`);
        if (o.verbose) err(`${m.mount ?? p?.comm ?? '???'}\n`);
        len = 0;
        first = false;
      }
      if (o.verbose ? !n.matches.length && o.all : has || o.all) err('\n');
    }
    if (o.kill) {
      for (const m of normal) {
        if (o.write && !(m.access & ACCESS_FILEWR)) continue;
        const p = k(env).procs.get(m.pid);
        if (!p || p.state === 'Z') continue;
        // kill(2): EPERM without CAP_KILL for another user's process.
        if (p.uid !== env.self.uid && !hasCap(env.self.caps, 'kill')) {
          err(`Could not kill process ${m.pid}: Operation not permitted\n`);
          continue;
        }
        send(env, p, sig);
        killed = true;
      }
    }
  }
  const text = (s: Chunk['stream']) =>
    chunks
      .filter((c) => c.stream === s)
      .map((c) => c.text)
      .join('');
  const code = o.kill ? (killed ? 0 : 1) : matched ? 0 : 1;
  return { ...R(text('stdout'), text('stderr'), code), output: chunks };
}
