/** printenv (coreutils 9.4, busybox 1.36.1): the exported environment, or the values of the names given. */
import type { ExecResult } from '../../api.ts';
import { visible } from '../environ.ts';
import type { SimCommand } from '../types.ts';

export const printenv: SimCommand = {
  name: 'printenv',
  async run(args, env): Promise<ExecResult> {
    const vars = new Map(visible(env));
    if (!args.length) return { stdout: [...vars].map(([k, v]) => `${k}=${v}\n`).join(''), stderr: '', exitCode: 0 };
    const found = args.filter((a) => vars.has(a));
    return { stdout: found.map((a) => `${vars.get(a)}\n`).join(''), stderr: '', exitCode: found.length === args.length ? 0 : 1 };
  },
};
