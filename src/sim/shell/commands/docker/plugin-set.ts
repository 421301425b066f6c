// docker plugin set: its cobra definition; what it answers on node1 is said in plugin.ts.
import { defineCommand } from './define.ts';
import { named } from './plugin.ts';

const set = defineCommand({ use: 'set PLUGIN KEY=VALUE [KEY=VALUE...]', short: 'Change settings for a plugin', flags: [], run: named(2) });

export default set;
