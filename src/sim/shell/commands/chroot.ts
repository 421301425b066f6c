/**
 * chroot: coreutils 9.4 on the host (coreutils@v9.4:src/chroot.c) and busybox 1.36.1 in alpine
 * (busybox@1_36_1:coreutils/chroot.c). chroot(2) (linux v6.8 fs/open.c ksys_chroot) looks the path
 * up first (ENOENT, ENOTDIR), then needs CAP_SYS_CHROOT (EPERM). With no command it runs
 * '"$SHELL" -i' (default /bin/sh; busybox: $SHELL, else the user's shell in the new root's
 * /etc/passwd, bbShellName). A running container's merged overlay directory
 * (/var/lib/docker/overlay2/ID/merged) is that container's root filesystem: chroot there runs the
 * image's programs in the host's namespaces, so alpine's has /bin/sh (busybox) and no /bin/bash,
 * which is what SHELL names on node1. "/" keeps the root the shell has. coreutils exits 125 for its own
 * errors, 127 when the command is not found (EXIT_CANCELED, EXIT_ENOENT); busybox exits 1 and 127.
 */
import { coreutilsVersion } from '../gnuversion.ts';
import type { ExecResult } from '../../api.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import { getopt, type LongOpt, tryHelp } from '../getopt.ts';
import { rootCommands } from '../rootfs.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { isInteractive, runAsNew } from './nsenter.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** chroot.c usage(EXIT_SUCCESS), with HELP_OPTION_DESCRIPTION, VERSION_OPTION_DESCRIPTION, emit_exec_status and emit_ancillary_info. */
const HELP = `Usage: chroot [OPTION] NEWROOT [COMMAND [ARG]...]
  or:  chroot OPTION
Run COMMAND with root directory set to NEWROOT.

      --groups=G_LIST        specify supplementary groups as g1,g2,..,gN
      --userspec=USER:GROUP  specify user and group (ID or name) to use
      --skip-chdir           do not change working directory to '/'
      --help        display this help and exit
      --version     output version information and exit

If no command is given, run '"$SHELL" -i' (default: '/bin/sh -i').

Exit status:
  125  if the chroot command itself fails
  126  if COMMAND is found but cannot be invoked
  127  if COMMAND cannot be found
  -    the exit status of COMMAND otherwise

GNU coreutils online help: <https://www.gnu.org/software/coreutils/>
Full documentation <https://www.gnu.org/software/coreutils/chroot>
or available locally via: info '(coreutils) chroot invocation'
`;

/** busybox@1_36_1:coreutils/chroot.c chroot_trivial_usage/full_usage. */
const BB_USAGE =
  'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: chroot NEWROOT [PROG ARGS]\n\nRun PROG with root directory set to NEWROOT\n';

const LONGS: LongOpt[] = [
  { name: 'groups', arg: 'required', key: 'groups' },
  { name: 'userspec', arg: 'required', key: 'userspec' },
  { name: 'skip-chdir', arg: 'none', key: 'skip-chdir' },
  { name: 'help', arg: 'none', key: 'help' },
  { name: 'version', arg: 'none', key: 'version' },
];

/** quoteaf (shell_escape_always_quoting_style): in single quotes, a quote as '\''. */
const quoteaf = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

type Target = { kind: 'same' } | { kind: 'container'; id: string } | { kind: 'host' } | { kind: 'other' };

/** What chroot(2) does with `path`: an errno, or the root it lands in. */
async function resolve(env: CmdEnv, path: string): Promise<{ err: string } | Target> {
  const abs = env.fs.resolvePath(env.cwd, path);
  // The host sees each running container's root where overlay2 mounts it.
  const merged =
    env.session.root === 'host'
      ? [...env.daemon.containers.values()].find(
          (c) => c.status === 'running' && env.daemon.lib?.rootfs.get(c.id)?.graphDriver.MergedDir === abs.replace(/\/+$/, ''),
        )
      : undefined;
  if (merged) return hasCap(env.self.caps, 'sys_chroot') ? { kind: 'container', id: merged.id } : { err: 'Operation not permitted' };
  // In a pod's container, a hostPath volume of the node's / (kubectl debug node/NAME's /host) is the host's root.
  const hostRoot =
    env.session.root !== 'host' &&
    env.host.runc.roots.get(env.session.root)?.binds?.some((b) => b.source === '/' && b.destination === (abs.replace(/\/+$/, '') || '/'));
  if (hostRoot) return hasCap(env.self.caps, 'sys_chroot') ? { kind: 'host' } : { err: 'Operation not permitted' };
  const st = await env.fs.stat(abs).catch(() => undefined);
  if (!st) return { err: 'No such file or directory' };
  if (!st.isDirectory) return { err: 'Not a directory' };
  if (!hasCap(env.self.caps, 'sys_chroot')) return { err: 'Operation not permitted' };
  const real = await env.fs.realpath(abs).catch(() => abs);
  return { kind: real === '/' ? 'same' : 'other' };
}

/**
 * busybox's shell for a chroot with no PROG (busybox@1_36_1:coreutils/chroot.c: argv[0] = get_shell_name() after xchroot;
 * libbb/get_shell_name.c): $SHELL when set and not empty, else the caller's pw_shell from getpwuid(getuid()), which reads
 * the new root's /etc/passwd, else DEFAULT_SHELL "/bin/sh". A busybox shell has no SHELL in its environment, so
 * `chroot /host` in `kubectl debug node/…` runs root's login shell on the node, /bin/bash.
 */
async function bbShellName(env: CmdEnv, newroot: string): Promise<string> {
  const shell = env.env.get('SHELL');
  if (shell) return shell;
  const passwd = await env.fs.readFile(env.fs.resolvePath(env.cwd, `${newroot.replace(/\/+$/, '')}/etc/passwd`)).catch(() => '');
  const uid = String(env.self.uid);
  const entry = passwd.split('\n').find((l) => l.split(':')[2] === uid);
  return entry?.split(':')[6] || '/bin/sh';
}

export const chroot: SimCommand = {
  name: 'chroot',
  async run(args, env) {
    const bb = env.flavor === 'busybox';
    let operands: string[];
    if (bb) {
      if (args[0] === '--help') return R('', BB_USAGE);
      // chroot_main: getopt32(argv, "^+" "\0" "-1"): at least one argument, else the usage on stderr, exit 1.
      if (!args.length) return R('', BB_USAGE, 1);
      operands = args[0] === '--' ? args.slice(1) : args;
    } else {
      const p = getopt(args, '+', LONGS);
      if (!p.ok) return R('', tryHelp('chroot', p.error), 125);
      for (const [k] of p.opts) {
        if (k === 'help') return R(HELP);
        if (k === 'version') return R(coreutilsVersion('chroot', ['--version']) ?? '');
        // Not chroot's words: node1's chroot runs the command as the caller, with the caller's groups.
        if (k === 'userspec' || k === 'groups') return R('', `chroot: --${k}: not simulated on node1 (this chroot takes NEWROOT [COMMAND [ARG]...])\n`, 125);
      }
      operands = p.operands;
      if (!operands.length) return R('', tryHelp('chroot', 'missing operand'), 125);
    }
    const newroot = operands[0] as string;
    const where = await resolve(env, newroot);
    if ('err' in where)
      return bb
        ? R('', `chroot: can't change root directory to '${newroot}': ${where.err}\n`, 1)
        : R('', `chroot: cannot change root directory to ${quoteaf(newroot)}: ${where.err}\n`, 125);
    const argv = operands.length > 1 ? operands.slice(1) : [bb ? await bbShellName(env, newroot) : env.env.get('SHELL') || '/bin/sh', '-i'];
    const prog = argv[0] as string;
    const notFound = () =>
      bb
        ? R('', `chroot: can't execute '${prog}': No such file or directory\n`, 127)
        : R('', `chroot: failed to run command ${quoteaf(prog)}: No such file or directory\n`, 127);
    const name = prog.slice(prog.lastIndexOf('/') + 1);
    if (where.kind === 'same') {
      // chroot / keeps the root this shell has: the host's, or that of the container it runs in.
      if (!(rootCommands(env.host, env.daemon, env.session.root)?.has(name) ?? true)) return notFound();
      // chroot execs the command itself (coreutils@v9.4:src/chroot.c execvp); a shell that stays is the session's own process.
      const p = isInteractive(argv) ? env.host.kernel.spawn({ parent: env.session.proc, argv, patch: { reaps: true } }) : env.self;
      return runAsNew(env, p, argv, undefined, { root: env.session.root, flavor: env.session.flavor, cwd: '/' });
    }
    if (where.kind === 'host') {
      // The node's programs in the container's namespaces (with hostPID and hostNetwork: the host's).
      if (!(rootCommands(env.host, env.daemon, 'host')?.has(name) ?? true)) return notFound();
      const k = env.host.kernel;
      const p = k.spawn({ parent: env.session.proc, argv, patch: { reaps: true } });
      p.root = 'host';
      if (['sh', 'bash'].includes(name) && argv.slice(1).every((a) => a === '-i' || a === '-l'))
        return runAsNew(env, p, [name, ...argv.slice(1)], undefined, { root: 'host', flavor: 'coreutils', cwd: '/' });
      const r = await env.host.runc.runner('host', p, argv, { tty: false, workdir: '/', env: {} });
      if (k.procs.has(p.pid)) k.exit(p, r.exitCode);
      return r;
    }
    if (where.kind === 'other') {
      // A directory that is no container's root: its programs are files the simulator cannot run.
      const file = prog.includes('/') ? `${newroot}/${prog}` : undefined;
      if (file && (await env.fs.exists(env.fs.resolvePath(env.cwd, file))))
        return R('', `chroot: ${newroot}: not simulated on node1 (chroot runs a running container's merged root or /)\n`, 126);
      return notFound();
    }
    const c = env.daemon.containers.get(where.id);
    if (!c) return notFound();
    if (!rootCommands(env.host, env.daemon, c.id)?.has(name)) return notFound();
    const k = env.host.kernel;
    const p = k.spawn({ parent: env.session.proc, argv, patch: { reaps: true } });
    p.root = c.id;
    const shell = ['sh', 'bash', 'ash'].includes(name) && argv.slice(1).every((a) => a === '-i' || a === '-l');
    if (shell) return runAsNew(env, p, [name === 'bash' ? 'bash' : 'sh', ...argv.slice(1)], undefined, { root: c.id, flavor: c.image.flavor, cwd: '/' });
    const r = await env.daemon.runner(c, p, argv, false, '/');
    if (k.procs.has(p.pid)) k.exit(p, r.exitCode);
    return r;
  },
};
