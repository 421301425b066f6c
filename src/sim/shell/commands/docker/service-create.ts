// docker service create: its cobra definition; what it answers on node1 is said in swarm-manager.ts.
import { defineCommand } from './define.ts';
import { daemon } from './swarm-manager.ts';

// service/*.go; create.go and update.go: their option tables (opts.go addServiceFlags and the rest) are not modelled (define.ts anyFlags).
export default defineCommand({
  use: 'create [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create a new service',
  flags: [],
  anyFlags: true,
  run: daemon(1),
});
