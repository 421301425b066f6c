import type { ExecResult } from '../../api.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import type { SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

export const dmesg: SimCommand = {
  name: 'dmesg',
  async run(_args, env) {
    if (!hasCap(env.self.caps, 'syslog')) return R('', 'dmesg: read kernel buffer failed: Operation not permitted\n', 1);
    return R(env.host.kernel.dmesg.map((l) => `${l}\n`).join(''));
  },
};
