import type { ExecResult } from '../../api.ts';
import type { SimCommand } from '../types.ts';
import { passwdOf } from '../users.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

export const whoami: SimCommand = {
  name: 'whoami',
  async run(_args, env) {
    const name = env.host.userName(env.self.uid, passwdOf(env));
    if (name === String(env.self.uid))
      return R('', env.flavor === 'busybox' ? `whoami: unknown uid ${name}\n` : `whoami: cannot find name for user ID ${name}\n`, 1);
    return R(`${name}\n`);
  },
};
