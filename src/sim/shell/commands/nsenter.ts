import type { ExecResult, NamespaceType } from '../../api.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import { NS_TYPES, type Proc } from '../../kernel/types.ts';
import { quoteArgv } from '../line.ts';
import type { Flavor } from '../../docker/images.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
const SHELLS = ['bash', 'sh', '/bin/bash', '/bin/sh', 'ash'];

/** Whether `argv` starts an interactive shell (none given, or a shell with only -i, -l, --login). */
export const isInteractive = (argv: string[]) =>
  !argv.length || (SHELLS.includes(argv[0] as string) && argv.slice(1).every((a) => a === '-i' || a === '-l' || a === '--login'));

/** Starts `argv` (or an interactive shell) as `p`: shells become the session, other commands run once. */
export async function runAsNew(
  env: CmdEnv,
  p: Proc,
  argv: string[],
  hostname: string | undefined,
  rootfs?: { root: string; flavor: Flavor; cwd?: string },
): Promise<ExecResult> {
  const k = env.host.kernel;
  if (isInteractive(argv)) {
    p.argv = argv.length ? argv : ['-bash'];
    p.comm = 'bash';
    p.reaps = true;
    p.tty = env.session.proc.tty;
    env.enterSession({
      proc: p,
      root: rootfs?.root ?? env.session.root,
      flavor: rootfs?.flavor ?? env.session.flavor,
      shell: rootfs ? (rootfs.flavor === 'busybox' ? 'sh' : 'bash') : env.session.shell,
      hostname: hostname ?? env.session.hostname,
      env: { ...env.session.env },
      cwd: rootfs?.cwd ?? env.cwd,
      status: 0,
      onExit: (status) => {
        k.exit(p, status);
        return env.session.shell === 'bash' ? 'exit\n' : '';
      },
    });
    return R('');
  }
  const r = await execIn(env, p, argv);
  k.exit(p, r.exitCode);
  return r;
}

/**
 * execve(2) of `argv` in `p`: `p` becomes the command (its argv and comm) and runs it as its own process,
 * no child for it, as unshare, nsenter and chroot exec their command (util-linux@v2.39.3:sys-utils/unshare.c,
 * nsenter.c: execvp(argv[optind], argv + optind); coreutils@v9.4:src/chroot.c execvp).
 */
export function execIn(env: CmdEnv, p: Proc, argv: string[]): Promise<ExecResult> {
  p.argv = argv;
  p.comm = (argv[0] ?? '').split('/').pop()!.slice(0, 15);
  return env.execAs(p, quoteArgv(argv));
}

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
      const long: Record<string, NamespaceType> = {
        '--mount': 'mnt',
        '--uts': 'uts',
        '--ipc': 'ipc',
        '--net': 'net',
        '--pid': 'pid',
        '--cgroup': 'cgroup',
        '--user': 'user',
        '--time': 'time',
      };
      // getopt "+ahVt:m::…": -t takes the next word whatever it is, then strtoul_or_err
      // (util-linux@v2.39.3:sys-utils/nsenter.c, lib/strutils.c: "%s: '%s'").
      const pid =
        a === '-t' || a === '--target' ? args[++i] : a.startsWith('--target=') ? a.slice('--target='.length) : /^-t./.test(a) ? a.slice(2) : undefined;
      if (pid === undefined && (a === '-t' || a === '--target'))
        return R('', `nsenter: option requires an argument -- '${a === '-t' ? 't' : 'target'}'\nTry 'nsenter --help' for more information.\n`, 1);
      if (pid !== undefined) {
        if (!/^\d+$/.test(pid)) return R('', `nsenter: failed to parse pid: '${pid}'\n`, 1);
        target = Number(pid);
      } else if (a === '-a' || a === '--all') for (const t of NS_TYPES) types.add(t);
      else if (long[a]) types.add(long[a]!);
      else if (/^-[muinpCUT]+$/.test(a)) for (const ch of a.slice(1)) types.add(map[ch]!);
      else return R('', `nsenter: unrecognized option '${a}'\nTry 'nsenter --help' for more information.\n`, 1);
    }
    if (!hasCap(env.self.caps, 'sys_admin')) return R('', "nsenter: reassociate to namespace 'ns/ipc' failed: Operation not permitted\n", 1);
    // util-linux@v2.39.3:sys-utils/nsenter.c open_target_fd: "neither filename nor target pid supplied for %s", "cannot open %s".
    if (target === undefined && types.size) return R('', `nsenter: neither filename nor target pid supplied for ns/${[...types][0]}\n`, 1);
    const tp = [...k.procs.values()].find((p) => k.pidIn(p, env.self.ns.pid) === target && p.state !== 'Z');
    if (target === undefined || !tp) return R('', `nsenter: cannot open /proc/${target ?? ''}/ns/${[...types][0] ?? 'mnt'}: No such file or directory\n`, 1);
    if (!types.size) return R('', 'nsenter: no namespace specified\n', 1);
    const ns: Partial<Record<NamespaceType, number>> = {};
    for (const t of types) ns[t] = tp.ns[t];
    const argv = args.slice(i);
    const cgroup = types.has('cgroup') ? tp.cgroup : env.self.cgroup;
    // nsenter forks only after entering a PID namespace (do_fork, continue_as_child): the child runs the
    // command; else nsenter itself execs it (util-linux@v2.39.3:sys-utils/nsenter.c). An interactive shell
    // becomes the session: its own process.
    const interactive = isInteractive(argv);
    const p =
      types.has('pid') || interactive
        ? k.spawn({
            parent: interactive ? env.session.proc : env.self,
            argv: argv.length ? argv : ['-bash'],
            ns,
            patch: { reaps: true, handlers: new Set([2, 15]), program: { kind: 'idle' }, cgroup },
          })
        : Object.assign(env.self, { ns: { ...env.self.ns, ...ns }, cgroup });
    // Entering the mount namespace of a container's process: its root filesystem, so programs
    // are the image's (nsenter -a finds no host binaries).
    const c = types.has('mnt') && tp.root !== 'host' ? env.daemon.containers.get(tp.root) : undefined;
    if (c) {
      p.root = c.id;
      if (argv.length && !(SHELLS.includes(argv[0] as string) && argv.length === 1)) {
        const r = await env.daemon.runner(c, p, argv, false, '/');
        if (k.procs.has(p.pid)) k.exit(p, r.exitCode);
        // execvp failed: errexec (util-linux@v2.39.3:include/c.h) "failed to execute %s", 127 for ENOENT.
        if (r.exitCode === 127 && /(command not found|: not found)\n$/.test(r.stderr))
          return R('', `nsenter: failed to execute ${argv[0]}: No such file or directory\n`, 127);
        return r;
      }
    }
    return runAsNew(env, p, argv, types.has('uts') ? k.ns(tp.ns.uts).hostname : undefined, c ? { root: c.id, flavor: c.image.flavor } : undefined);
  },
};
