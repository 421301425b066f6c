// docker node inspect: its cobra definition; what it answers on node1 is said in swarm-manager.ts.
import { defineCommand } from './define.ts';
import { daemon, INSPECT } from './swarm-manager.ts';

export default defineCommand({
  use: 'inspect [OPTIONS] self|NODE [NODE...]',
  short: 'Display detailed information on one or more nodes',
  flags: INSPECT,
  run: daemon(1),
});
