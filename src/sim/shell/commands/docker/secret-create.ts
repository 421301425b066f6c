// docker secret create: its cobra definition; what it answers on node1 is said in swarm-manager.ts.
import { defineCommand } from './define.ts';
import { daemon } from './swarm-manager.ts';

// secret/*.go
export default defineCommand({
  use: 'create [OPTIONS] SECRET [file|-]',
  short: 'Create a secret from a file or STDIN as content',
  flags: [
    { long: 'label', short: 'l', type: 'list', usage: 'Secret labels' },
    { long: 'driver', short: 'd', type: 'string', usage: 'Secret driver' },
    { long: 'template-driver', type: 'string', usage: 'Template driver' },
  ],
  run: daemon(1, 2),
});
