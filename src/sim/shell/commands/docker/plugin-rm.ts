// docker plugin rm: its cobra definition; what it answers on node1 is said in plugin.ts.
import { defineCommand } from './define.ts';
import { named } from './plugin.ts';

const rm = defineCommand({
  use: 'rm [OPTIONS] PLUGIN [PLUGIN...]',
  short: 'Remove one or more plugins',
  flags: [{ long: 'force', short: 'f', type: 'bool', usage: 'Force the removal of an active plugin' }],
  run: named(1, Number.POSITIVE_INFINITY, true),
});

export default rm;
