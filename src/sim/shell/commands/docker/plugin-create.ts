// docker plugin create: its cobra definition; what it answers on node1 is said in plugin.ts.
import { arity } from './errors.ts';
import { defineCommand } from './define.ts';
import { R, NOT_SIMULATED } from './plugin.ts';

const create = defineCommand({
  use: 'create [OPTIONS] PLUGIN PLUGIN-DATA-DIR',
  short: 'Create a plugin from a rootfs and configuration. Plugin data directory must contain config.json and rootfs directory.',
  flags: [{ long: 'compress', type: 'bool', usage: 'Compress the context using gzip' }],
  async run(_f, rest, env, cmd) {
    const bad = arity(cmd, rest.length, 2, Number.POSITIVE_INFINITY);
    if (bad) return bad;
    env.note?.(NOT_SIMULATED);
    return R('', '', 1);
  },
});

export default create;
