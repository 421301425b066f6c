import type { ExecResult } from '../../api.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import { q } from '../quote.ts';
import type { SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

export const chown: SimCommand = {
  name: 'chown',
  async run(args, env) {
    const ops = args.filter((a) => !a.startsWith('-'));
    const [owner, ...paths] = ops;
    const bb = env.flavor === 'busybox';
    if (!owner || !paths.length)
      return R(
        '',
        bb
          ? 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: chown [-RhLHPcvf]... USER[:[GRP]] FILE...\n'
          : `chown: missing operand\nTry 'chown --help' for more information.\n`,
        1,
      );
    let err = '';
    for (const path of paths) {
      try {
        await env.readFile(path).catch(async (e: Error) => {
          if (!/EISDIR/.test(e.message)) throw e;
        });
      } catch {
        err += bb ? `chown: ${path}: No such file or directory\n` : `chown: cannot access ${q(env, path)}: No such file or directory\n`;
        continue;
      }
      if (!hasCap(env.self.caps, 'chown'))
        err += bb ? `chown: ${path}: Operation not permitted\n` : `chown: changing ownership of ${q(env, path)}: Operation not permitted\n`;
    }
    return R('', err, err ? 1 : 0);
  },
};
