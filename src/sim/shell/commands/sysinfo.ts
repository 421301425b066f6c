import type { ExecResult } from '../../api.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import type { SimCommand } from '../types.ts';
import { passwdOf } from '../users.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

export const uname: SimCommand = {
  name: 'uname',
  async run(args, env) {
    const k = env.host.fixture.kernel;
    const node = env.host.kernel.ns(env.self.ns.uts).hostname ?? '';
    const flags = args.join('').replace(/-/g, '');
    const bad = flags.replace(/[asnrvmpio]/g, '');
    if (bad) return R('', env.flavor === 'busybox' ? `uname: unrecognized option: ${bad[0]}\nBusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: uname [-amnrspvio]\n` : `uname: invalid option -- '${bad[0]}'\nTry 'uname --help' for more information.\n`, 1);
    if (flags.includes('a')) return R(env.flavor === 'busybox' ? `Linux ${node} ${k.release} ${k.version} ${k.machine} Linux\n` : `Linux ${node} ${k.release} ${k.version} ${k.machine} ${k.machine} ${k.machine} GNU/Linux\n`);
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

export const whoami: SimCommand = {
  name: 'whoami',
  async run(_args, env) {
    const name = env.host.userName(env.self.uid, passwdOf(env));
    if (name === String(env.self.uid)) return R('', env.flavor === 'busybox' ? `whoami: unknown uid ${name}\n` : `whoami: cannot find name for user ID ${name}\n`, 1);
    return R(`${name}\n`);
  },
};

export const dmesg: SimCommand = {
  name: 'dmesg',
  async run(_args, env) {
    if (!hasCap(env.self.caps, 'syslog')) return R('', 'dmesg: read kernel buffer failed: Operation not permitted\n', 1);
    return R(env.host.kernel.dmesg.map((l) => `${l}\n`).join(''));
  },
};
