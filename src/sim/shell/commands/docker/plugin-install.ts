// docker plugin install: its cobra definition; what it answers on node1 is said in plugin.ts.
import { arity } from './errors.ts';
import { defineCommand } from './define.ts';
import { R, NOT_SIMULATED, TRUST_VERIFY, GRANT } from './plugin.ts';

const install = defineCommand({
  use: 'install [OPTIONS] PLUGIN [KEY=VALUE...]',
  short: 'Install a plugin',
  flags: [
    GRANT,
    TRUST_VERIFY,
    { long: 'disable', type: 'bool', usage: 'Do not enable the plugin on install' },
    { long: 'alias', type: 'string', usage: 'Local name for plugin' },
  ],
  async run(_f, rest, env, cmd) {
    const bad = arity(cmd, rest.length, 1, Number.POSITIVE_INFINITY);
    if (bad) return bad;
    env.note?.(NOT_SIMULATED);
    return R('', '', 1);
  },
});

export default install;
