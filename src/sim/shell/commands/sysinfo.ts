import type { ExecResult } from '../../api.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

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

function passwdOf(env: CmdEnv): string {
  return env.self.root === 'host' ? env.host.fixture.users.map((u) => `${u.name}:x:${u.uid}:${u.gid}`).join('\n') : (env.host.runc.roots.get(env.self.root)?.files['/etc/passwd'] ?? '');
}

/**
 * root's groups in a busybox image, as Docker's runtime gives them: the primary group, then every group of the image's
 * /etc/group that lists root as a member (alpine: bin, daemon, sys, adm, disk, wheel, floppy, dialout, tape, video;
 * busybox: wheel).
 */
function rootGroups(env: CmdEnv, g: number, gn: string): string {
  const group = env.host.runc.roots.get(env.self.root)?.files['/etc/group'];
  if (group === undefined) return `${g}(${gn})`;
  const out = [`${g}(${gn})`];
  for (const line of group.split('\n')) {
    const [name, , gid, members = ''] = line.split(':');
    if (name && gid !== undefined && Number(gid) !== g && members.split(',').includes('root')) out.push(`${gid}(${name})`);
  }
  return out.join(',');
}

export const id: SimCommand = {
  name: 'id',
  async run(args, env) {
    const passwd = passwdOf(env);
    const u = env.self.uid;
    const g = env.self.gid;
    const un = env.host.userName(u, passwd);
    // Debian and Ubuntu call group 65534 nogroup (busybox images: nobody).
    const gn = g === 65534 && env.flavor === 'coreutils' ? 'nogroup' : env.host.userName(g, passwd);
    const named = (n: number, s: string) => (s === String(n) ? s : `${n}(${s})`);
    if (args.includes('-u')) return R(`${u}\n`);
    const groups = env.self.groups ? env.self.groups.map((n) => named(n, env.host.userName(n, passwd))).join(',') : env.flavor === 'busybox' && u === 0 ? rootGroups(env, g, gn) : named(g, gn);
    return R(`uid=${named(u, un)} gid=${named(g, gn)} groups=${groups}\n`);
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
