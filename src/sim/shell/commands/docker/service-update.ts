// docker service update: its cobra definition; what it answers on node1 is said in swarm-manager.ts.
import { defineCommand } from './define.ts';
import { daemon } from './swarm-manager.ts';

export default defineCommand({ use: 'update [OPTIONS] SERVICE', short: 'Update a service', flags: [], anyFlags: true, run: daemon(1, 1) });
