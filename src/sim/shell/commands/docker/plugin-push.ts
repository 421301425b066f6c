// docker plugin push: its cobra definition; what it answers on node1 is said in plugin.ts.
import { defineCommand } from './define.ts';
import { named } from './plugin.ts';

const push = defineCommand({
  use: 'push [OPTIONS] PLUGIN[:TAG]',
  short: 'Push a plugin to a registry',
  flags: [{ long: 'disable-content-trust', type: 'bool', default: 'true', usage: 'Skip image signing' }],
  run: named(1, 1),
});

export default push;
