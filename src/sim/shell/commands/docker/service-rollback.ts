// docker service rollback: its cobra definition; what it answers on node1 is said in swarm-manager.ts.
import { defineCommand } from './define.ts';
import { daemon, DETACH } from './swarm-manager.ts';

export default defineCommand({
  use: 'rollback [OPTIONS] SERVICE',
  short: "Revert changes to a service's configuration",
  flags: [{ long: 'quiet', short: 'q', type: 'bool', usage: 'Suppress progress output' }, DETACH],
  run: daemon(1, 1),
});
