/**
 * umount: util-linux 2.39.3 on the host (util-linux@v2.39.3:sys-utils/umount.c with libmount's
 * libmount/src/context_umount.c mnt_context_get_umount_excode) and busybox 1.36.1 in alpine
 * (busybox@1_36_1:util-linux/umount.c). The simulated mounts are all in use: node1's by systemd,
 * journald and dockerd, a container's by its processes, so a permitted umount(2) of a mountpoint
 * fails with EBUSY ("target is busy"); nothing is unmounted. umount(2) itself (linux v6.8
 * fs/namespace.c ksys_umount, path_umount) looks the path up first (ENOENT), then needs
 * CAP_SYS_ADMIN (EPERM), then a mountpoint (EINVAL). util-linux: a non-root user's umount is
 * setuid root and restricted: a path missing from mountinfo is "not mounted" (exit 1); one in it is
 * retried without privileges, so umount(2) says EPERM (umount_one, suid_drop). Messages are
 * warnx("%s: %s.", target, reason); umount(2) errors exit 32 (MNT_EX_FAIL).
 */
import type { ExecResult } from '../../api.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import { getopt, type LongOpt } from '../getopt.ts';
import { mountTable } from '../mounttable.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** util-linux@v2.39.3:sys-utils/umount.c usage() (USAGE_HELP_OPTIONS(25), USAGE_MAN_TAIL). */
const USAGE = `
Usage:
 umount [-hV]
 umount -a [options]
 umount [options] <source> | <directory>

Unmount filesystems.

Options:
 -a, --all               unmount all filesystems
 -A, --all-targets       unmount all mountpoints for the given device in the
                           current namespace
 -c, --no-canonicalize   don't canonicalize paths
 -d, --detach-loop       if mounted loop device, also free this loop device
     --fake              dry run; skip the umount(2) syscall
 -f, --force             force unmount (in case of an unreachable NFS system)
 -i, --internal-only     don't call the umount.<type> helpers
 -n, --no-mtab           don't write to /etc/mtab
 -l, --lazy              detach the filesystem now, clean up things later
 -O, --test-opts <list>  limit the set of filesystems (use with -a)
 -R, --recursive         recursively unmount a target with all its children
 -r, --read-only         in case unmounting fails, try to remount read-only
 -t, --types <list>      limit the set of filesystem types
 -v, --verbose           say what is being done
 -q, --quiet             suppress 'not mounted' error messages
 -N, --namespace <ns>    perform umount in another namespace

 -h, --help              display this help
 -V, --version           display version

For more details see umount(8).
`;

/** busybox@1_36_1:util-linux/umount.c umount_trivial_usage/full_usage as alpine builds it (FEATURE_MOUNT_LOOP, FEATURE_UMOUNT_ALL; no mtab). */
const BB_USAGE =
  'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: umount [-rlfda] [-t FSTYPE] FILESYSTEM|DIRECTORY\n\nUnmount filesystems\n\n\t-a\tUnmount all filesystems\n\t-r\tRemount devices read-only if mount is busy\n\t-l\tLazy umount (detach filesystem)\n\t-f\tForce umount (i.e., unreachable NFS server)\n\t-d\tFree loop device if it has been used\n\t-t FSTYPE[,...]\tUnmount only these filesystem type(s)\n';

const LONGS: LongOpt[] = [
  ['all', 'a'],
  ['all-targets', 'A'],
  ['detach-loop', 'd'],
  ['fake', 'fake'],
  ['force', 'f'],
  ['help', 'h'],
  ['internal-only', 'i'],
  ['lazy', 'l'],
  ['no-canonicalize', 'c'],
  ['no-mtab', 'n'],
  ['quiet', 'q'],
  ['read-only', 'r'],
  ['recursive', 'R'],
  ['test-opts', 'O', 'required'],
  ['types', 't', 'required'],
  ['verbose', 'v'],
  ['version', 'V'],
  ['namespace', 'N', 'required'],
].map(([name, key, arg]) => ({ name: name as string, key: key as string, arg: (arg ?? 'none') as LongOpt['arg'] }));

type Outcome = 'ENOENT' | 'EPERM' | 'EINVAL' | 'EBUSY';

/** What umount(2) answers for a path in this process's mount namespace. */
async function syscall(env: CmdEnv, path: string, privileged: boolean): Promise<{ err: Outcome; target: string; mounted: boolean }> {
  const abs = env.fs.resolvePath(env.cwd, path);
  const c = env.self.containerId ? env.daemon.containers.get(env.self.containerId) : undefined;
  const table = mountTable(env.daemon, c);
  // A device names its most recent mount (libmount looks the source up in mountinfo).
  const bySource = [...table].reverse().find((m) => m.src === path);
  const target = bySource?.target ?? abs;
  const mounted = table.some((m) => m.target === target);
  if (!bySource && !(await env.fs.exists(abs))) return { err: 'ENOENT', target, mounted };
  if (!privileged) return { err: 'EPERM', target, mounted };
  return { err: mounted ? 'EBUSY' : 'EINVAL', target, mounted };
}

/** mnt_context_get_umount_excode's reasons for umount(2)'s errors. */
const REASON: Record<Outcome, string> = {
  ENOENT: 'no mount point specified',
  EPERM: 'must be superuser to unmount',
  EINVAL: 'not mounted',
  EBUSY: 'target is busy',
};

/** busybox: bb_perror_msg("can't unmount %s") with strerror. */
const STRERROR: Record<Outcome, string> = {
  ENOENT: 'No such file or directory',
  EPERM: 'Operation not permitted',
  EINVAL: 'Invalid argument',
  EBUSY: 'Resource busy',
};

export const umount: SimCommand = {
  name: 'umount',
  async run(args, env) {
    const privileged = hasCap(env.self.caps, 'sys_admin');
    if (env.flavor === 'busybox') {
      if (args[0] === '--help') return R('', BB_USAGE);
      // OPTION_STRING "fldnrat:cvi"; getopt32 runs musl's getopt: "unrecognized option: x", then the usage, exit 1.
      const p = getopt(args, 'fldnrat:cvi', []);
      if (!p.ok) return R('', `umount: unrecognized option: ${/'(.)'|'-(-)/.exec(p.error)?.slice(1).find(Boolean) ?? '-'}\n${BB_USAGE}`, 1);
      if (!p.operands.length) return R('', BB_USAGE, 1);
      let stderr = '';
      for (const a of p.operands) {
        const r = await syscall(env, a, privileged);
        // The mtab entry's directory when the argument names one, else the argument as typed.
        stderr += `umount: can't unmount ${r.mounted ? r.target : a}: ${STRERROR[r.err]}\n`;
      }
      return R('', stderr, 1);
    }
    const p = getopt(args, 'aAcdfhilnqRrO:t:vVN:', LONGS);
    if (!p.ok) return R('', `umount: ${p.error}\nTry 'umount --help' for more information.\n`, 1);
    let quiet = false;
    for (const [k] of p.opts) {
      if (k === 'h') return R(USAGE);
      // umount_print_version: libmount's lib_features[] as Ubuntu's build enables them (libmount/src/version.c).
      if (k === 'V')
        return R(
          'umount from util-linux 2.39.3 (libmount 2.39.3: selinux, smack, btrfs, verity, namespaces, idmapping, fd-based-mount, statx, assert, debug)\n',
        );
      if (k === 'q') quiet = true;
      if (k === 'a' || k === 'A' || k === 'R' || k === 'N')
        // Not umount's words: these walk the whole mount table or another namespace, which node1's umount keeps as it is.
        return R('', `umount: -${k}: not simulated on node1 (this umount takes: paths and devices, -f, -l, -q, -v)\n`, 1);
    }
    if (!p.operands.length) return R('', "umount: bad usage\nTry 'umount --help' for more information.\n", 1);
    // The real umount is setuid root: a user other than root runs it restricted.
    const restricted = env.self.uid !== 0;
    let rc = 0;
    let stderr = '';
    for (const a of p.operands) {
      const r = await syscall(env, a, privileged && !restricted);
      if (restricted) {
        // sanitize_path: canonicalize_path_restricted or err(MNT_EX_USAGE, "%s", path).
        if (r.err === 'ENOENT') {
          stderr += `umount: ${a}: No such file or directory\n`;
          return R('', stderr, 1);
        }
        if (!r.mounted) {
          // evaluate_permissions: not in mountinfo and not root → -EPERM without the syscall: "not mounted", MNT_EX_USAGE.
          stderr += `umount: ${r.target}: not mounted.\n`;
          rc += 1;
          continue;
        }
      }
      // mk_exit_code: -q hides "not mounted" (umount(2)'s EINVAL).
      if (!(quiet && r.err === 'EINVAL')) stderr += `umount: ${r.target}: ${REASON[r.err]}.\n`;
      rc += 32;
    }
    return R('', stderr, rc < 256 ? rc : 255);
  },
};
