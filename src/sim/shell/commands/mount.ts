import type { ExecResult } from '../../api.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import { mountLines, mountTable } from '../mounttable.ts';
import type { SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

export const mount: SimCommand = {
  name: 'mount',
  async run(args, env) {
    const bb = env.flavor === 'busybox';
    if (args.length) {
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
    return R(mountLines(mountTable(env.daemon, c)));
  },
};
