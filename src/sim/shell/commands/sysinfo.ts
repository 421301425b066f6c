import type { ExecResult } from '../../api.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { passwdOf } from './passwd.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

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
