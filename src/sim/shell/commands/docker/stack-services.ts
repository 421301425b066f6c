// docker stack services: its cobra definition; what it answers on node1 is said in swarm-manager.ts.
import { arity } from './errors.ts';
import { defineCommand } from './define.ts';
import { notManager } from './swarm.ts';
import { QUIET_IDS, LIST_FORMAT, FILTER, stackName } from './swarm-manager.ts';

export default defineCommand({
  use: 'services [OPTIONS] STACK',
  short: 'List the services in the stack',
  flags: [QUIET_IDS, LIST_FORMAT, FILTER],
  async run(_f, rest, _env, cmd) {
    return arity(cmd, rest.length, 1) ?? stackName(rest[0] as string) ?? notManager();
  },
});
