import type { ExecResult, NamespaceType } from '../../api.ts';
import { ALL_CAPS, hasCap } from '../../kernel/capabilities.ts';
import { parseSignal } from '../../kernel/signals.ts';
import { NS_TYPES, type Proc } from '../../kernel/types.ts';
import { quoteArgv } from '../line.ts';
import { killList } from './killlist.ts';
import type { Flavor } from '../../docker/images.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
const SHELLS = ['bash', 'sh', '/bin/bash', '/bin/sh', 'ash'];

export const lsns: SimCommand = {
  name: 'lsns',
  async run(args, env) {
    const k = env.host.kernel;
    // util-linux lsns.c: each -t adds a type to the set shown.
    const types: string[] = [];
    let pidArg: number | undefined;
    let cols = ['NS', 'TYPE', 'NPROCS', 'PID', 'USER', 'COMMAND'];
    let noHead = false;
    for (let i = 0; i < args.length; i++) {
      if (args[i] === '-t' || args[i] === '--type') types.push(args[++i] ?? '');
      else if (args[i] === '-p' || args[i] === '--task') pidArg = Number(args[++i]);
      else if (args[i] === '-o' || args[i] === '--output') cols = (args[++i] ?? '').toUpperCase().split(',');
      else if (args[i] === '-n' || args[i] === '--noheadings') noHead = true;
      else return R('', `lsns: unrecognized option '${args[i]}'\nTry 'lsns --help' for more information.\n`, 1);
    }
    const known = ['NS', 'TYPE', 'NPROCS', 'PID', 'PPID', 'USER', 'UID', 'COMMAND', 'PATH'];
    const bad = cols.find((c) => !known.includes(c));
    if (bad) return R('', `lsns: unknown column: ${bad}\n`, 1);
    const type = types.find((t) => !NS_TYPES.includes(t as NamespaceType));
    if (type !== undefined) return R('', `lsns: unknown namespace type: ${type}\n`, 1);
    const visible = [...k.procs.values()].filter((p) => k.pidIn(p, env.self.ns.pid) !== undefined && p.state !== 'Z');
    let inodes = [...new Set(visible.flatMap((p) => NS_TYPES.map((t) => p.ns[t])))];
    if (pidArg !== undefined) {
      const target = visible.find((p) => k.pidIn(p, env.self.ns.pid) === pidArg);
      if (!target) return R('', `lsns: cannot open /proc/${pidArg}: No such file or directory\n`, 1);
      inodes = NS_TYPES.map((t) => target.ns[t]);
    }
    const rows = inodes
      .map((ino) => k.ns(ino))
      .filter((n) => !types.length || types.includes(n.type))
      .sort((a, b) => a.inode - b.inode)
      .map((n) => {
        const members = visible.filter((p) => p.ns[n.type] === n.inode).sort((a, b) => a.pid - b.pid);
        const first = members[0];
        const pid = first ? (k.pidIn(first, env.self.ns.pid) ?? 0) : 0;
        const parent = first ? k.procs.get(first.ppid) : undefined;
        const value: Record<string, string> = {
          NS: String(n.inode), TYPE: n.type, NPROCS: String(members.length), PID: String(pid), PPID: String(parent ? (k.pidIn(parent, env.self.ns.pid) ?? 0) : 0),
          USER: first && first.uid !== 0 ? (env.host.fixture.users.find((u) => u.uid === first.uid)?.name ?? String(first.uid)) : 'root', UID: String(first?.uid ?? 0),
          COMMAND: first ? (first.kthread ? first.argv[0] ?? '' : first.argv.join(' ')) : '', PATH: `/proc/${pid}/ns/${n.type}`,
        };
        return cols.map((c) => value[c] ?? '');
      });
    const head = cols;
    const all = noHead ? rows : [head, ...rows];
    const w = head.map((_, i) => Math.max(...all.map((r) => (r[i] as string).length)));
    const right = cols.map((c) => ['NS', 'NPROCS', 'PID', 'PPID', 'UID'].includes(c));
    return R(all.map((r) => r.map((c, i) => (i === r.length - 1 ? c : right[i] ? c.padStart(w[i]!) : c.padEnd(w[i]!))).join(' ')).map((l) => `${l}\n`).join(''));
  },
};

/** Starts `argv` (or an interactive shell) as `p`: shells become the session, other commands run once. */
async function runAsNew(env: CmdEnv, p: Proc, argv: string[], hostname: string | undefined, rootfs?: { root: string; flavor: Flavor }): Promise<ExecResult> {
  const k = env.host.kernel;
  if (!argv.length || (SHELLS.includes(argv[0] as string) && argv.slice(1).every((a) => a === '-i' || a === '-l' || a === '--login'))) {
    p.argv = argv.length ? argv : ['-bash'];
    p.comm = 'bash';
    p.reaps = true;
    p.tty = env.session.proc.tty;
    env.enterSession({
      proc: p, root: rootfs?.root ?? env.session.root, flavor: rootfs?.flavor ?? env.session.flavor, shell: rootfs ? (rootfs.flavor === 'busybox' ? 'sh' : 'bash') : env.session.shell, hostname: hostname ?? env.session.hostname,
      env: { ...env.session.env }, cwd: env.cwd, status: 0,
      onExit: (status) => {
        k.exit(p, status);
        return env.session.shell === 'bash' ? 'exit\n' : '';
      },
    });
    return R('');
  }
  const r = await env.runAs(p, () => env.exec(quoteArgv(argv)));
  k.exit(p, r.exitCode);
  return r;
}

const UNSHARE_FLAGS: Record<string, NamespaceType | 'fork' | 'mount-proc' | 'map-root-user'> = {
  '-u': 'uts', '--uts': 'uts', '-p': 'pid', '--pid': 'pid', '-n': 'net', '--net': 'net', '-i': 'ipc', '--ipc': 'ipc', '-m': 'mnt', '--mount': 'mnt',
  '-U': 'user', '--user': 'user', '-C': 'cgroup', '--cgroup': 'cgroup', '-T': 'time', '--time': 'time', '-f': 'fork', '--fork': 'fork',
  '--mount-proc': 'mount-proc', '-r': 'map-root-user', '--map-root-user': 'map-root-user',
};

export const unshare: SimCommand = {
  name: 'unshare',
  async run(args, env) {
    const types = new Set<NamespaceType>();
    let i = 0;
    let fork = false;
    let mapRoot = false;
    for (; i < args.length && args[i]!.startsWith('-'); i++) {
      const a = args[i]!;
      // getopt: short options group (-un is -u -n); an unknown letter is "invalid option -- 'x'".
      if (/^-[^-]{2,}$/.test(a)) {
        const bad = [...a.slice(1)].find((ch) => !UNSHARE_FLAGS[`-${ch}`]);
        if (bad) return R('', `unshare: invalid option -- '${bad}'\nTry 'unshare --help' for more information.\n`, 1);
        args = [...args.slice(0, i), ...[...a.slice(1)].map((ch) => `-${ch}`), ...args.slice(i + 1)];
      }
      const f = UNSHARE_FLAGS[args[i]!];
      if (!f && /^-[^-]$/.test(args[i]!)) return R('', `unshare: invalid option -- '${args[i]!.slice(1)}'\nTry 'unshare --help' for more information.\n`, 1);
      if (!f) return R('', `unshare: unrecognized option '${args[i]}'\nTry 'unshare --help' for more information.\n`, 1);
      if (f === 'fork') fork = true;
      else if (f === 'mount-proc') types.add('mnt');
      else if (f === 'map-root-user') {
        types.add('user');
        mapRoot = true;
      } else types.add(f);
    }
    if (!types.has('user') && !hasCap(env.self.caps, 'sys_admin')) return R('', 'unshare: unshare failed: Operation not permitted\n', 1);
    const k = env.host.kernel;
    const ns: Partial<Record<NamespaceType, number>> = {};
    // A new user namespace is created first; the process has every capability inside it.
    // Without a mapping its uid shows as the overflow uid 65534; -r maps root to the caller.
    const outer = env.self.uid;
    if (types.has('user')) ns.user = k.newNamespace('user', env.self.ns.user, { uidMap: mapRoot ? `         0 ${String(outer).padStart(10)}          1` : '' }).inode;
    for (const t of types) if (t !== 'pid' && t !== 'user') ns[t] = k.newNamespace(t, env.self.ns[t]).inode;
    if (types.has('pid')) ns.pid = fork ? k.newNamespace('pid', env.self.ns.pid).inode : env.self.ns.pid;
    const argv = args.slice(i);
    const userPatch = types.has('user') ? { uid: mapRoot ? 0 : 65534, euid: mapRoot ? 0 : 65534, gid: mapRoot ? 0 : 65534, egid: mapRoot ? 0 : 65534, caps: { inh: 0n, prm: ALL_CAPS, eff: ALL_CAPS, bnd: ALL_CAPS, amb: 0n } } : {};
    const p = k.spawn({ parent: env.session.proc, argv: argv.length ? argv : ['-bash'], ns, patch: { transient: false, reaps: true, handlers: new Set([2, 15]), program: { kind: 'idle' }, ...userPatch } });
    return runAsNew(env, p, argv, undefined);
  },
};

export const nsenter: SimCommand = {
  name: 'nsenter',
  async run(args, env) {
    const k = env.host.kernel;
    let target: number | undefined;
    const types = new Set<NamespaceType>();
    const map: Record<string, NamespaceType> = { m: 'mnt', u: 'uts', i: 'ipc', n: 'net', p: 'pid', C: 'cgroup', U: 'user', T: 'time' };
    let i = 0;
    for (; i < args.length && args[i]!.startsWith('-'); i++) {
      const a = args[i]!;
      const long: Record<string, NamespaceType> = { '--mount': 'mnt', '--uts': 'uts', '--ipc': 'ipc', '--net': 'net', '--pid': 'pid', '--cgroup': 'cgroup', '--user': 'user', '--time': 'time' };
      // getopt "+ahVt:m::…": -t takes the next word whatever it is, then strtoul_or_err
      // (util-linux@v2.39.3:sys-utils/nsenter.c, lib/strutils.c: "%s: '%s'").
      const pid = a === '-t' || a === '--target' ? args[++i] : a.startsWith('--target=') ? a.slice('--target='.length) : /^-t./.test(a) ? a.slice(2) : undefined;
      if (pid === undefined && (a === '-t' || a === '--target'))
        return R('', `nsenter: option requires an argument -- '${a === '-t' ? 't' : 'target'}'\nTry 'nsenter --help' for more information.\n`, 1);
      if (pid !== undefined) {
        if (!/^\d+$/.test(pid)) return R('', `nsenter: failed to parse pid: '${pid}'\n`, 1);
        target = Number(pid);
      }
      else if (a === '-a' || a === '--all') for (const t of NS_TYPES) types.add(t);
      else if (long[a]) types.add(long[a]!);
      else if (/^-[muinpCUT]+$/.test(a)) for (const ch of a.slice(1)) types.add(map[ch]!);
      else return R('', `nsenter: unrecognized option '${a}'\nTry 'nsenter --help' for more information.\n`, 1);
    }
    if (!hasCap(env.self.caps, 'sys_admin')) return R('', 'nsenter: reassociate to namespace \'ns/ipc\' failed: Operation not permitted\n', 1);
    // util-linux@v2.39.3:sys-utils/nsenter.c open_target_fd: "neither filename nor target pid supplied for %s", "cannot open %s".
    if (target === undefined && types.size) return R('', `nsenter: neither filename nor target pid supplied for ns/${[...types][0]}\n`, 1);
    const tp = [...k.procs.values()].find((p) => k.pidIn(p, env.self.ns.pid) === target && p.state !== 'Z');
    if (target === undefined || !tp) return R('', `nsenter: cannot open /proc/${target ?? ''}/ns/${[...types][0] ?? 'mnt'}: No such file or directory\n`, 1);
    if (!types.size) return R('', 'nsenter: no namespace specified\n', 1);
    const ns: Partial<Record<NamespaceType, number>> = {};
    for (const t of types) ns[t] = tp.ns[t];
    const argv = args.slice(i);
    const p = k.spawn({ parent: env.session.proc, argv: argv.length ? argv : ['-bash'], ns, patch: { reaps: true, handlers: new Set([2, 15]), program: { kind: 'idle' }, cgroup: types.has('cgroup') ? tp.cgroup : env.self.cgroup } });
    // Entering the mount namespace of a container's process: its root filesystem, so programs
    // are the image's (nsenter -a finds no host binaries).
    const c = types.has('mnt') && tp.root !== 'host' ? env.daemon.containers.get(tp.root) : undefined;
    if (c) {
      p.root = c.id;
      if (argv.length && !(SHELLS.includes(argv[0] as string) && argv.length === 1)) {
        const r = await env.daemon.runner(c, p, argv, false, '/');
        if (k.procs.has(p.pid)) k.exit(p, r.exitCode);
        // execvp failed: errexec (util-linux@v2.39.3:include/c.h) "failed to execute %s", 127 for ENOENT.
        if (r.exitCode === 127 && /(command not found|: not found)\n$/.test(r.stderr)) return R('', `nsenter: failed to execute ${argv[0]}: No such file or directory\n`, 127);
        return r;
      }
    }
    return runAsNew(env, p, argv, types.has('uts') ? k.ns(tp.ns.uts).hostname : undefined, c ? { root: c.id, flavor: c.image.flavor } : undefined);
  },
};

export const sudo: SimCommand = {
  name: 'sudo',
  async run(args, env) {
    let uid = 0;
    let i = 0;
    if (args[0] === '-u') {
      const name = args[1] ?? '';
      const u = env.host.fixture.users.find((x) => x.name === name || String(x.uid) === name.replace(/^#/, ''));
      if (!u) return R('', `sudo: unknown user ${name}\nsudo: error initializing audit plugin sudoers_audit\n`, 1);
      uid = u.uid;
      i = 2;
    }
    const argv = args.slice(i);
    if (!argv.length) return R('', 'usage: sudo -h | -K | -k | -V\nusage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]\n', 1);
    const k = env.host.kernel;
    const full = { inh: 0n, prm: env.host.loginShell.caps.prm, eff: env.host.loginShell.caps.eff, bnd: env.self.caps.bnd, amb: 0n };
    const caps = uid === 0 ? full : { inh: 0n, prm: 0n, eff: 0n, bnd: env.self.caps.bnd, amb: 0n };
    const p = k.spawn({ parent: env.session.proc, argv: ['sudo', ...argv], patch: { uid, euid: uid, gid: uid, egid: uid, caps, reaps: true, handlers: new Set([2, 15]) } });
    const r = await env.runAs(p, () => env.exec(quoteArgv(argv)));
    if (k.procs.has(p.pid)) k.exit(p, r.exitCode);
    k.release(p);
    return r;
  },
};

/** A signal named on kill's command line: 0 (only the checks, no signal; kill(2)) or a signal name or number. */
function signalArg(text: string): number | undefined {
  return text === '0' ? 0 : parseSignal(text);
}

export const kill: SimCommand = {
  name: 'kill',
  // A shell built-in in bash and in busybox ash: it runs in the shell's process and takes no PID.
  noProcess: true,
  async run(args, env) {
    const k = env.host.kernel;
    let sig = 15;
    const pids: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-l' || a === '-L') return killList(args.slice(i + 1), env.session.shell === 'sh' ? 'sh' : 'bash');
      if (a === '-s') {
        const s = signalArg(args[++i] ?? '');
        if (s === undefined) return R('', `bash: kill: ${args[i]}: invalid signal specification\n`, 1);
        sig = s;
      } else if (a.startsWith('-') && !/^-\d+$/.test(a.slice(1)) ? true : a.startsWith('-') && pids.length === 0) {
        const s = signalArg(a.slice(1));
        if (s === undefined) return R('', `bash: kill: ${a.slice(1)}: invalid signal specification\n`, 1);
        sig = s;
      } else pids.push(a);
    }
    if (!pids.length) return R('', 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n', 2);
    let err = '';
    for (let a of pids) {
      // bash's kill built-in on the host and in debian; busybox's applet in alpine.
      const bb = env.flavor === 'busybox';
      if (a.startsWith('%') && !bb) {
        // A job spec: the job's process (bash-5.2:builtins/kill.def; common.c sh_badjob "%s: no such job").
        const job = env.session.jobs?.find(a);
        if (!job || job === 'ambiguous') {
          err += `bash: kill: ${a}: ${job === 'ambiguous' ? 'ambiguous job spec' : 'no such job'}\n`;
          continue;
        }
        a = String(job.proc.pid);
      }
      const t = [...k.procs.values()].find((p) => k.pidIn(p, env.self.ns.pid) === Number(a));
      if (!t) {
        err += bb ? `kill: can't kill pid ${a}: No such process\n` : `bash: kill: (${a}) - No such process\n`;
        continue;
      }
      if (t.uid !== env.self.uid && !hasCap(env.self.caps, 'kill')) {
        err += bb ? `kill: can't kill pid ${a}: Operation not permitted\n` : `bash: kill: (${a}) - Operation not permitted\n`;
        continue;
      }
      // Signal 0 only checks that the process exists and may be signalled (kill(2)); a zombie has
      // already exited: kill(2) succeeds and changes nothing; only its parent's wait() removes it.
      if (sig === 0 || t.state === 'Z') continue;
      const fromAncestor = k.ns(env.self.ns.pid).level < k.ns(t.ns.pid).level;
      if (t.containerId && k.isNsInit(t)) {
        const c = env.daemon.containers.get(t.containerId);
        if (c && fromAncestor) {
          env.daemon.signal(c, sig);
          continue;
        }
      }
      k.signal(t, sig, fromAncestor);
      // bash reaps the job when SIGCHLD comes, after the prompt is back: `jobs` or the next prompt tells its end.
      const job = env.session.jobs?.byPid(t.pid);
      if (job) job.hold = true;
    }
    return R('', err, err ? 1 : 0);
  },
};
