// docker config create: its cobra definition; what it answers on node1 is said in swarm-manager.ts.
import { defineCommand } from './define.ts';
import { daemon } from './swarm-manager.ts';

export default defineCommand({
  use: 'create [OPTIONS] CONFIG file|-',
  short: 'Create a config from a file or STDIN',
  flags: [
    { long: 'label', short: 'l', type: 'list', usage: 'Config labels' },
    { long: 'template-driver', type: 'string', usage: 'Template driver' },
  ],
  run: daemon(2, 2),
});
