// docker plugin enable: its cobra definition; what it answers on node1 is said in plugin.ts.
import { arity } from './errors.ts';
import { defineCommand } from './define.ts';
import { R, named } from './plugin.ts';

const enable = defineCommand({
  use: 'enable [OPTIONS] PLUGIN',
  short: 'Enable a plugin',
  flags: [{ long: 'timeout', type: 'int', default: '30', usage: 'HTTP client timeout (in seconds)' }],
  async run(flags, rest, env, cmd) {
    // enable.go runEnable: a negative timeout is refused before the daemon is asked.
    const t = Number((flags.timeout as string | undefined) ?? '30');
    if (arity(cmd, rest.length, 1) === undefined && t < 0) return R('', `negative timeout ${t} is invalid\n`, 1);
    return named(1, 1)(flags, rest, env, cmd);
  },
});

export default enable;
