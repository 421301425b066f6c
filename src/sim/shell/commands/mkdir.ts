import type { ExecResult } from '../../api.ts';
import { q } from '../quote.ts';
import type { SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** mkdir [-p]. */
export const mkdir: SimCommand = {
  name: 'mkdir',
  async run(args, env) {
    const bb = env.flavor === 'busybox';
    const parents = args.includes('-p') || args.includes('--parents');
    const dirs = args.filter((a) => !a.startsWith('-'));
    if (!dirs.length)
      return R(
        '',
        bb
          ? 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: mkdir [-m MODE] [-p] DIRECTORY...\n'
          : "mkdir: missing operand\nTry 'mkdir --help' for more information.\n",
        1,
      );
    let err = '';
    const fail = (d: string, reason: string) =>
      (err += bb ? `mkdir: can't create directory '${d}': ${reason}\n` : `mkdir: cannot create directory ${q(env, d)}: ${reason}\n`);
    for (const d of dirs) {
      const abs = env.fs.resolvePath(env.cwd, d);
      if (env.readOnly(abs)) {
        fail(d, 'Read-only file system');
        continue;
      }
      if (await env.fs.exists(abs)) {
        if (!parents) fail(d, 'File exists');
        continue;
      }
      try {
        await env.fs.mkdir(abs, { recursive: parents });
      } catch {
        fail(d, 'No such file or directory');
      }
    }
    return R('', err, err ? 1 : 0);
  },
};
