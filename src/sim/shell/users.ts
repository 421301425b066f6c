/** The user database of the root a command runs in (host or container). */
import type { CmdEnv } from './types.ts';

/** The /etc/passwd text of the command's root. */
export function passwdOf(env: CmdEnv): string {
  return env.self.root === 'host'
    ? env.host.fixture.users.map((u) => `${u.name}:x:${u.uid}:${u.gid}`).join('\n')
    : (env.host.runc.roots.get(env.self.root)?.files['/etc/passwd'] ?? '');
}

/** The /etc/passwd or /etc/group rows of the root the command runs in (fields split at ':'). */
export async function rows(env: CmdEnv, file: string): Promise<string[][]> {
  return (await env.readFile(file).catch(() => ''))
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(':'));
}

/** A user's groups as getgrouplist gives them: the primary group, then each group of /etc/group that lists the user. */
export function groupList(group: string[][], user: string, gid: number): number[] {
  const ids = [gid];
  for (const r of group) if ((r[3] ?? '').split(',').includes(user) && !ids.includes(Number(r[2]))) ids.push(Number(r[2]));
  return ids;
}
