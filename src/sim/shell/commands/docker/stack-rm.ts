// docker stack rm: its cobra definition; what it answers on node1 is said in swarm-manager.ts.
import { arity } from './errors.ts';
import { defineCommand } from './define.ts';
import { notManager } from './swarm.ts';
import { stackName } from './swarm-manager.ts';

export default defineCommand({
  use: 'rm [OPTIONS] STACK [STACK...]',
  short: 'Remove one or more stacks',
  flags: [{ long: 'detach', short: 'd', type: 'bool', default: 'true', usage: 'Do not wait for stack removal' }],
  async run(_f, rest, _env, cmd) {
    return arity(cmd, rest.length, 1, Number.POSITIVE_INFINITY) ?? rest.map(stackName).find(Boolean) ?? notManager();
  },
});
