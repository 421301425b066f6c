import type { ExecResult } from '../../api.ts';
import type { SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

export const uname: SimCommand = {
  name: 'uname',
  async run(args, env) {
    const k = env.host.fixture.kernel;
    const node = env.host.kernel.ns(env.self.ns.uts).hostname ?? '';
    const flags = args.join('').replace(/-/g, '');
    const bad = flags.replace(/[asnrvmpio]/g, '');
    if (bad)
      return R(
        '',
        env.flavor === 'busybox'
          ? `uname: unrecognized option: ${bad[0]}\nBusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: uname [-amnrspvio]\n`
          : `uname: invalid option -- '${bad[0]}'\nTry 'uname --help' for more information.\n`,
        1,
      );
    if (flags.includes('a'))
      return R(
        env.flavor === 'busybox'
          ? `Linux ${node} ${k.release} ${k.version} ${k.machine} Linux\n`
          : `Linux ${node} ${k.release} ${k.version} ${k.machine} ${k.machine} ${k.machine} GNU/Linux\n`,
      );
    const parts: string[] = [];
    if (!flags || flags.includes('s')) parts.push('Linux');
    if (flags.includes('n')) parts.push(node);
    if (flags.includes('r')) parts.push(k.release);
    if (flags.includes('v')) parts.push(k.version);
    if (flags.includes('m')) parts.push(k.machine);
    if (flags.includes('o')) parts.push(env.flavor === 'busybox' ? 'Linux' : 'GNU/Linux');
    return R(`${parts.join(' ')}\n`);
  },
};
