// docker stack config: its cobra definition; what it answers on node1 is said in swarm-manager.ts.
import { arity } from './errors.ts';
import { defineCommand } from './define.ts';
import { R, COMPOSE, NO_COMPOSE } from './swarm-manager.ts';

export default defineCommand({
  use: 'config [OPTIONS]',
  short: 'Outputs the final config file, after doing merges and interpolations',
  flags: [COMPOSE, { long: 'skip-interpolation', type: 'bool', usage: 'Skip interpolation and output only merged config' }],
  async run(flags, rest, env, cmd) {
    const bad = arity(cmd, rest.length, 0);
    if (bad) return bad;
    if (!(flags['compose-file'] as string[] | undefined)?.length) return NO_COMPOSE;
    // Merging and interpolating a Compose file is not simulated: the course's line says so.
    env.note?.({ en: 'docker stack config is not simulated on this host.', zh: '这台主机不模拟 docker stack config。' });
    return R('', '', 1);
  },
});
