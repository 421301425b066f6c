/**
 * groups (coreutils 9.4) on the files the shell sees (/etc/passwd, /etc/group). `groups` names
 * the process's groups, `groups USER` prints "USER : primary others…"
 * (coreutils@v9.4:src/groups.c, src/group-list.c; unknown: "%s: no such user").
 */
import type { ExecResult } from '../../api.ts';
import { getopt, tryHelp } from '../getopt.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

const rows = async (env: CmdEnv, file: string): Promise<string[][]> =>
  (await env.readFile(file).catch(() => ''))
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(':'));

/** The groups of a user: the primary one first, then those listing the user as a member (getgrouplist). */
async function groupNames(env: CmdEnv, user: string | undefined, gid: number, extra: number[] = []): Promise<string[]> {
  const groups = await rows(env, '/etc/group');
  const name = (g: number) => groups.find((r) => Number(r[2]) === g)?.[0] ?? String(g);
  const ids = [gid, ...extra.filter((g) => g !== gid)];
  if (user) for (const r of groups) if ((r[3] ?? '').split(',').includes(user) && !ids.includes(Number(r[2]))) ids.push(Number(r[2]));
  return ids.map(name);
}

export const groups: SimCommand = {
  name: 'groups',
  async run(args, env): Promise<ExecResult> {
    const parsed = getopt(args, '', []);
    if (!parsed.ok) return { stdout: '', stderr: tryHelp('groups', parsed.error), exitCode: 1 };
    const passwd = await rows(env, '/etc/passwd');
    if (!parsed.operands.length) {
      const me = passwd.find((r) => Number(r[2]) === env.self.uid)?.[0];
      return { stdout: `${(await groupNames(env, me, env.self.gid, env.self.groups ?? [])).join(' ')}\n`, stderr: '', exitCode: 0 };
    }
    let out = '';
    let err = '';
    for (const u of parsed.operands) {
      const r = passwd.find((x) => x[0] === u);
      if (!r) {
        err += `groups: '${u}': no such user\n`;
        continue;
      }
      out += `${u} : ${(await groupNames(env, u, Number(r[3]))).join(' ')}\n`;
    }
    return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
  },
};
