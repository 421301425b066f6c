// docker service ps: its cobra definition; what it answers on node1 is said in swarm-manager.ts.
import { defineCommand } from './define.ts';
import { daemon, TASKS } from './swarm-manager.ts';

export default defineCommand({
  use: 'ps [OPTIONS] SERVICE [SERVICE...]',
  short: 'List the tasks of one or more services',
  flags: [...TASKS, { long: 'format', type: 'string', usage: 'Pretty-print tasks using a Go template' }],
  run: daemon(1),
});
