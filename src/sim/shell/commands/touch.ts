import type { ExecResult } from '../../api.ts';
import { q } from '../quote.ts';
import type { SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** touch: creates files; on a read-only root busybox and coreutils word the error differently. */
export const touch: SimCommand = {
  name: 'touch',
  async run(args, env) {
    const bb = env.flavor === 'busybox';
    const files = args.filter((a) => !a.startsWith('-'));
    if (!files.length)
      return R(
        '',
        bb
          ? 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: touch [-c] [-d DATE] [-t DATE] [-r FILE] FILE...\n'
          : "touch: missing file operand\nTry 'touch --help' for more information.\n",
        1,
      );
    let err = '';
    for (const f of files) {
      const abs = env.fs.resolvePath(env.cwd, f);
      const why = env.readOnly(abs) ? 'Read-only file system' : undefined;
      try {
        if (!why) {
          if (await env.fs.exists(abs)) await env.fs.utimes(abs, new Date(env.host.clock.nowMs), new Date(env.host.clock.nowMs));
          else await env.fs.writeFile(abs, '');
          continue;
        }
      } catch (e) {
        const msg = (e as Error).message;
        const reason = /EACCES/.test(msg) ? 'Permission denied' : 'No such file or directory';
        err += bb ? `touch: ${f}: ${reason}\n` : `touch: cannot touch ${q(env, f)}: ${reason}\n`;
        continue;
      }
      err += bb ? `touch: ${f}: ${why}\n` : `touch: cannot touch ${q(env, f)}: ${why}\n`;
    }
    return R('', err, err ? 1 : 0);
  },
};
