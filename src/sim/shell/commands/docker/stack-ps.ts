// docker stack ps: its cobra definition; what it answers on node1 is said in swarm-manager.ts.
import { arity } from './errors.ts';
import { defineCommand } from './define.ts';
import { notManager } from './swarm.ts';
import { LIST_FORMAT, TASKS, stackName } from './swarm-manager.ts';

export default defineCommand({
  use: 'ps [OPTIONS] STACK',
  short: 'List the tasks in the stack',
  flags: [...TASKS, LIST_FORMAT],
  async run(_f, rest, _env, cmd) {
    return arity(cmd, rest.length, 1) ?? stackName(rest[0] as string) ?? notManager();
  },
});
