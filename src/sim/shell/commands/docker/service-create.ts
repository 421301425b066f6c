// docker service create: its cobra definition; what it answers on node1 is said in swarm-manager.ts.
import { defineCommand } from './define.ts';
import { SERVICE_CREATE_FLAGS } from './service-flags.ts';
import { daemon } from './swarm-manager.ts';

// service/create.go: RequiresMinArgs(1), SetInterspersed(false) (the image's command keeps its own flags).
export default defineCommand({
  use: 'create [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create a new service',
  flags: SERVICE_CREATE_FLAGS,
  interspersed: false,
  run: daemon(1),
});
