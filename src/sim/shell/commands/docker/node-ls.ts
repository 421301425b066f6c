// docker node ls: its cobra definition; what it answers on node1 is said in swarm-manager.ts.
import { defineCommand } from './define.ts';
import { daemon, QUIET_IDS, LIST_FORMAT, FILTER } from './swarm-manager.ts';

export default defineCommand({ use: 'ls [OPTIONS]', short: 'List nodes in the swarm', flags: [QUIET_IDS, LIST_FORMAT, FILTER], run: daemon(0, 0) });
