import { arity } from './errors.ts';
import { networkDoc } from '../../../net/inspect.ts';
import { templated } from './format.ts';
import { notFound } from './network.ts';
import { defineCommand, INSPECT_FORMAT_HELP } from './define.ts';

// docker/cli@v27.3.1:cli/command/network/inspect.go
export default defineCommand({
  use: 'inspect [OPTIONS] NETWORK [NETWORK...]',
  short: 'Display detailed information on one or more networks',
  flags: [
    { long: 'format', short: 'f', type: 'string', usage: INSPECT_FORMAT_HELP },
    { long: 'verbose', short: 'v', type: 'bool', usage: 'Verbose output for diagnostics' },
  ],
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 1, Number.POSITIVE_INFINITY);
    if (argErr) return argErr;
    const docs: Record<string, unknown>[] = [];
    let err = '';
    for (const ref of rest) {
      const n = env.daemon.net.find(ref);
      if (n) docs.push(networkDoc(env.daemon.net, n, env.daemon.containers.values()));
      else err += notFound(ref);
    }
    return templated(docs, flags.format as string | undefined, err);
  },
});
