// docker stack ls: its cobra definition; what it answers on node1 is said in swarm-manager.ts.
import { defineCommand } from './define.ts';
import { daemon, LIST_FORMAT } from './swarm-manager.ts';

export default defineCommand({ use: 'ls [OPTIONS]', short: 'List stacks', flags: [LIST_FORMAT], run: daemon(0, 0) });
