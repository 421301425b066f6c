// docker node promote: its cobra definition; what it answers on node1 is said in swarm-manager.ts.
import { defineCommand } from './define.ts';
import { daemon } from './swarm-manager.ts';

export default defineCommand({
  use: 'promote NODE [NODE...]',
  short: 'Promote one or more nodes to manager in the swarm',
  flags: [],
  run: daemon(1),
});
