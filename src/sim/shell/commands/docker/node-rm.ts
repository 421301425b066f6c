// docker node rm: its cobra definition; what it answers on node1 is said in swarm-manager.ts.
import { defineCommand } from './define.ts';
import { daemon } from './swarm-manager.ts';

export default defineCommand({
  use: 'rm [OPTIONS] NODE [NODE...]',
  short: 'Remove one or more nodes from the swarm',
  flags: [{ long: 'force', short: 'f', type: 'bool', usage: 'Force remove a node from the swarm' }],
  run: daemon(1),
});
