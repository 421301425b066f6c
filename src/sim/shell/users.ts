/** The user database of the root a command runs in (host or container). */
import { HOST_PASSWD } from '../fs/hostusers.ts';
import type { CmdEnv } from './types.ts';

/** The /etc/passwd text of the command's root (node1's as it booted: fs/hostusers.ts). */
export function passwdOf(env: CmdEnv): string {
  return env.self.root === 'host' ? HOST_PASSWD : (env.host.runc.roots.get(env.self.root)?.files['/etc/passwd'] ?? '');
}

/** The /etc/passwd or /etc/group rows of the root the command runs in (fields split at ':'). */
export async function rows(env: CmdEnv, file: string): Promise<string[][]> {
  return (await env.readFile(file).catch(() => ''))
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(':'));
}

/** One /etc/passwd entry, as getpwnam gives it. */
export interface Account {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
}

/** The accounts of the root's /etc/passwd, read now (getpwent): lines with fewer than seven fields are skipped. */
export async function accounts(env: CmdEnv): Promise<Account[]> {
  return (await rows(env, '/etc/passwd'))
    .filter((r) => r.length >= 7 && /^\d+$/.test(r[2] ?? '') && /^\d+$/.test(r[3] ?? ''))
    .map((r) => ({ name: r[0] as string, uid: Number(r[2]), gid: Number(r[3]), home: r[5] as string, shell: r[6] as string }));
}

/** A user's groups as getgrouplist gives them: the primary group, then each group of /etc/group that lists the user. */
export function groupList(group: string[][], user: string, gid: number): number[] {
  const ids = [gid];
  for (const r of group) if ((r[3] ?? '').split(',').includes(user) && !ids.includes(Number(r[2]))) ids.push(Number(r[2]));
  return ids;
}

/**
 * initgroups(3) as su (util-linux login-utils/su-common.c init_groups) and sudo (sudoers' runas groups) call it: the
 * supplementary groups the kernel keeps (setgroups sorts nothing; the kernel's group_info is sorted: kernel/groups.c
 * groups_sort).
 */
export async function initGroups(env: CmdEnv, user: string, gid: number): Promise<number[]> {
  return groupList(await rows(env, '/etc/group'), user, gid).sort((a, b) => a - b);
}

/** The name of a group in the root's /etc/group rows; undefined when none has that id. */
export const groupName = (group: string[][], gid: number): string | undefined => group.find((r) => r[2] === String(gid))?.[0];
