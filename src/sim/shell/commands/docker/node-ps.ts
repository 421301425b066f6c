// docker node ps: its cobra definition; what it answers on node1 is said in swarm-manager.ts.
import { defineCommand } from './define.ts';
import { daemon, TASKS } from './swarm-manager.ts';

export default defineCommand({
  use: 'ps [OPTIONS] [NODE...]',
  short: 'List tasks running on one or more nodes, defaults to current node',
  flags: [...TASKS, { long: 'format', type: 'string', usage: 'Pretty-print tasks using a Go template' }],
  run: daemon(0),
});
