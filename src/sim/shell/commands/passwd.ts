import type { CmdEnv } from '../types.ts';

/** The /etc/passwd a command sees: the host's users, or the container root's file. */
export function passwdOf(env: CmdEnv): string {
  return env.self.root === 'host' ? env.host.fixture.users.map((u) => `${u.name}:x:${u.uid}:${u.gid}`).join('\n') : (env.host.runc.roots.get(env.self.root)?.files['/etc/passwd'] ?? '');
}
