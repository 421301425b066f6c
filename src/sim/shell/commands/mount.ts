import type { ExecResult } from '../../api.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import { mountLines, mountTable } from '../mounttable.ts';
import type { SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/**
 * A -t list as both mounts match it: comma-separated types, a leading "no" negating the whole list
 * (util-linux@v2.39.3:libmount/src/utils.c mnt_match_fstype; busybox@1_36_1:util-linux/mount.c fstype_matches).
 */
function typeMatcher(list: string): (type: string) => boolean {
  const negate = list.startsWith('no');
  const types = list.split(',').map((t) => (negate && t.startsWith('no') ? t.slice(2) : t));
  return (type) => types.includes(type) !== negate;
}

export const mount: SimCommand = {
  name: 'mount',
  async run(args, env) {
    const bb = env.flavor === 'busybox';
    // Only -t TYPE and -l, with no source or target: the mounts listed, of those types (util-linux@v2.39.3:sys-utils/mount.c
    // main: no source and target with no -a lists the table, filtered by -t; busybox@1_36_1:util-linux/mount.c mount_main, !argv[0]).
    let types: string | undefined;
    let listOnly = args.length > 0;
    for (let i = 0; i < args.length && listOnly; i++) {
      const a = args[i] as string;
      if (a === '-t' || a === '--types') types = args[++i];
      else if (a.startsWith('-t') && a.length > 2) types = a.slice(2);
      else if (a.startsWith('--types=')) types = a.slice('--types='.length);
      else if (a !== '-l' && a !== '--show-labels') listOnly = false;
    }
    if (args.length && !(listOnly && types !== undefined) && !(listOnly && !bb)) {
      if (!hasCap(env.self.caps, 'sys_admin'))
        return R('', bb ? 'mount: permission denied (are you root?)\n' : `mount: ${args[args.length - 1]}: permission denied.\n`, bb ? 255 : 32);
      return R(
        '',
        bb
          ? `mount: mounting ${args[args.length - 2] ?? 'none'} on ${args[args.length - 1]} failed: No such file or directory\n`
          : `mount: ${args[args.length - 1]}: mount point does not exist.\n`,
        bb ? 255 : 32,
      );
    }
    const c = env.self.containerId ? env.daemon.containers.get(env.self.containerId) : undefined;
    const match = types === undefined ? () => true : typeMatcher(types);
    return R(mountLines(mountTable(env.daemon, c).filter((m) => match(m.type))));
  },
};
