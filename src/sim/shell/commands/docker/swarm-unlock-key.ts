// docker swarm unlock key: its cobra definition; what it answers on node1 is said in swarm.ts.
import { defineCommand } from './define.ts';
import { ROTATE_QUIET, managerOnly } from './swarm.ts';

// cli/command/swarm/unlock_key.go
export default defineCommand({ use: 'unlock-key [OPTIONS]', short: 'Manage the unlock key', flags: ROTATE_QUIET('unlock key'), run: managerOnly });
