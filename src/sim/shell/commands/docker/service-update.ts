// docker service update: its cobra definition; what it answers on node1 is said in swarm-manager.ts.
import { defineCommand } from './define.ts';
import { SERVICE_UPDATE_FLAGS } from './service-flags.ts';
import { daemon } from './swarm-manager.ts';

// service/update.go: ExactArgs(1); runUpdate asks the daemon for the service first (ServiceInspectWithRaw).
export default defineCommand({ use: 'update [OPTIONS] SERVICE', short: 'Update a service', flags: SERVICE_UPDATE_FLAGS, run: daemon(1, 1) });
