/** The user database of the root a command runs in (host or container). */
import type { CmdEnv } from './types.ts';

/** The /etc/passwd text of the command's root. */
export function passwdOf(env: CmdEnv): string {
  return env.self.root === 'host'
    ? env.host.fixture.users.map((u) => `${u.name}:x:${u.uid}:${u.gid}`).join('\n')
    : (env.host.runc.roots.get(env.self.root)?.files['/etc/passwd'] ?? '');
}
