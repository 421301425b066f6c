// docker plugin disable: its cobra definition; what it answers on node1 is said in plugin.ts.
import { defineCommand } from './define.ts';
import { named } from './plugin.ts';

const disable = defineCommand({
  use: 'disable [OPTIONS] PLUGIN',
  short: 'Disable a plugin',
  flags: [{ long: 'force', short: 'f', type: 'bool', usage: 'Force the disable of an active plugin' }],
  run: named(1, 1),
});

export default disable;
