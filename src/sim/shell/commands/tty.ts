/**
 * `tty`: the terminal on standard input (coreutils@v9.4:src/tty.c: ttyname(0), else "not a tty"
 * and exit 1; busybox@1_36_1:coreutils/tty.c prints the same). The learner's shell on node1 is
 * on /dev/pts/0; a container has a terminal only with -t.
 */
import type { SimCommand } from '../types.ts';

export const tty: SimCommand = {
  name: 'tty',
  async run(args, env) {
    const silent = args.includes('-s') || args.includes('--silent') || args.includes('--quiet');
    const t = env.session.proc.tty;
    if (t === '?' || !t) return { stdout: silent ? '' : 'not a tty\n', stderr: '', exitCode: 1 };
    return { stdout: silent ? '' : `/dev/${t}\n`, stderr: '', exitCode: 0 };
  },
};
