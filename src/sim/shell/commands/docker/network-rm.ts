import { arity } from './errors.ts';
import { networkEvent } from '../../../docker/events.ts';
import { R, notFound } from './network.ts';
import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/network/remove.go
export default defineCommand({
  use: 'rm NETWORK [NETWORK...]',
  short: 'Remove one or more networks',
  flags: [{ long: 'force', short: 'f', type: 'bool', usage: 'Do not error if the network does not exist' }],
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 1, Number.POSITIVE_INFINITY);
    if (argErr) return argErr;
    let out = '';
    let err = '';
    for (const ref of rest) {
      const n = env.daemon.net.find(ref);
      if (!n) {
        if (!flags.force) err += notFound(ref);
        continue;
      }
      const e = env.daemon.net.remove(n);
      if (e) err += `Error response from daemon: ${e}\n`;
      else {
        networkEvent(env.daemon, n, 'destroy'); // moby@v27.3.1:daemon/network.go deleteNetwork
        out += `${ref}\n`;
      }
    }
    return R(out, err, err ? 1 : 0);
  },
});
