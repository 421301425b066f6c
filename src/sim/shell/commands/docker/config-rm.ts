// docker config rm: its cobra definition; what it answers on node1 is said in swarm-manager.ts.
import { defineCommand } from './define.ts';
import { daemon } from './swarm-manager.ts';

export default defineCommand({ use: 'rm CONFIG [CONFIG...]', short: 'Remove one or more configs', flags: [], run: daemon(1) });
