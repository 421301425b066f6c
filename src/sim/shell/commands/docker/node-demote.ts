// docker node demote: its cobra definition; what it answers on node1 is said in swarm-manager.ts.
import { defineCommand } from './define.ts';
import { daemon } from './swarm-manager.ts';

// node/*.go
export default defineCommand({
  use: 'demote NODE [NODE...]',
  short: 'Demote one or more nodes from manager in the swarm',
  flags: [],
  run: daemon(1),
});
