// docker plugin upgrade: its cobra definition; what it answers on node1 is said in plugin.ts.
import { defineCommand } from './define.ts';
import { named, TRUST_VERIFY, GRANT } from './plugin.ts';

const upgrade = defineCommand({
  use: 'upgrade [OPTIONS] PLUGIN [REMOTE]',
  short: 'Upgrade an existing plugin',
  flags: [GRANT, TRUST_VERIFY, { long: 'skip-remote-check', type: 'bool', usage: 'Do not check if specified remote plugin matches existing plugin image' }],
  run: named(1, 2),
});

export default upgrade;
