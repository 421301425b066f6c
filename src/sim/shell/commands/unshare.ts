import type { ExecResult, NamespaceType } from '../../api.ts';
import { ALL_CAPS, hasCap } from '../../kernel/capabilities.ts';
import type { SimCommand } from '../types.ts';
import { isInteractive, runAsNew } from './nsenter.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

const UNSHARE_FLAGS: Record<string, NamespaceType | 'fork' | 'mount-proc' | 'map-root-user'> = {
  '-u': 'uts',
  '--uts': 'uts',
  '-p': 'pid',
  '--pid': 'pid',
  '-n': 'net',
  '--net': 'net',
  '-i': 'ipc',
  '--ipc': 'ipc',
  '-m': 'mnt',
  '--mount': 'mnt',
  '-U': 'user',
  '--user': 'user',
  '-C': 'cgroup',
  '--cgroup': 'cgroup',
  '-T': 'time',
  '--time': 'time',
  '-f': 'fork',
  '--fork': 'fork',
  '--mount-proc': 'mount-proc',
  '-r': 'map-root-user',
  '--map-root-user': 'map-root-user',
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
    if (types.has('user'))
      ns.user = k.newNamespace('user', env.self.ns.user, { uidMap: mapRoot ? `         0 ${String(outer).padStart(10)}          1` : '' }).inode;
    for (const t of types) if (t !== 'pid' && t !== 'user') ns[t] = k.newNamespace(t, env.self.ns[t]).inode;
    if (types.has('pid')) ns.pid = fork ? k.newNamespace('pid', env.self.ns.pid).inode : env.self.ns.pid;
    const argv = args.slice(i);
    const userPatch = types.has('user')
      ? {
          uid: mapRoot ? 0 : 65534,
          euid: mapRoot ? 0 : 65534,
          gid: mapRoot ? 0 : 65534,
          egid: mapRoot ? 0 : 65534,
          // The supplementary groups stay (kgids), read through the new namespace's map: each unmapped one is the
          // overflow gid 65534 (kernel/groups.c groups_to_user, from_kgid_munged); -r maps only the caller's gid.
          groups: env.self.groups?.map((g) => (mapRoot && g === env.self.gid ? 0 : 65534)),
          caps: { inh: 0n, prm: ALL_CAPS, eff: ALL_CAPS, bnd: ALL_CAPS, amb: 0n },
        }
      : {};
    // With --fork the child runs the command and unshare waits for it; without, unshare execs it itself
    // (util-linux@v2.39.3:sys-utils/unshare.c: fork() then execvp in the child). An interactive shell
    // becomes the session: its own process.
    const interactive = isInteractive(argv);
    const p =
      fork || interactive
        ? k.spawn({
            parent: interactive ? env.session.proc : env.self,
            argv: argv.length ? argv : ['-bash'],
            ns,
            patch: { transient: false, reaps: true, handlers: new Set([2, 15]), program: { kind: 'idle' }, ...userPatch },
          })
        : Object.assign(env.self, { ns: { ...env.self.ns, ...ns }, ...userPatch });
    return runAsNew(env, p, argv, undefined);
  },
};
