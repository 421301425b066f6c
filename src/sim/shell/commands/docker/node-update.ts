// docker node update: its cobra definition; what it answers on node1 is said in swarm-manager.ts.
import { defineCommand } from './define.ts';
import { daemon } from './swarm-manager.ts';

export default defineCommand({
  use: 'update [OPTIONS] NODE',
  short: 'Update a node',
  flags: [
    { long: 'role', type: 'string', usage: 'Role of the node ("worker", "manager")' },
    { long: 'availability', type: 'string', usage: 'Availability of the node ("active", "pause", "drain")' },
    { long: 'label-add', type: 'list', usage: 'Add or update a node label ("key=value")' },
    { long: 'label-rm', type: 'list', usage: 'Remove a node label if exists' },
  ],
  run: daemon(1, 1),
});
