// docker swarm join token: its cobra definition; what it answers on node1 is said in swarm.ts.
import { arity } from './errors.ts';
import { defineCommand } from './define.ts';
import { R, notManager, ROTATE_QUIET } from './swarm.ts';

// cli/command/swarm/join_token.go: the role is checked before the daemon is asked.
export default defineCommand({
  use: 'join-token [OPTIONS] (worker|manager)',
  short: 'Manage join tokens',
  flags: ROTATE_QUIET('join token'),
  async run(_flags, rest, _env, cmd) {
    const bad = arity(cmd, rest.length, 1);
    if (bad) return bad;
    if (rest[0] !== 'worker' && rest[0] !== 'manager') return R('', `unknown role ${rest[0]}\n`, 1);
    return notManager();
  },
});
