import { arity } from './errors.ts';
import { templated } from './format.ts';
import { defineCommand, INSPECT_FORMAT_HELP } from './define.ts';

// docker/cli@v27.3.1:cli/command/volume/inspect.go
export default defineCommand({
  use: 'inspect [OPTIONS] VOLUME [VOLUME...]',
  short: 'Display detailed information on one or more volumes',
  flags: [{ long: 'format', short: 'f', type: 'string', usage: INSPECT_FORMAT_HELP }],
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 1, Number.POSITIVE_INFINITY);
    if (argErr) return argErr;
    const lib = await env.daemon.imageLib();
    const docs = rest.map((n) => lib.volumes.inspect(n)).filter((d): d is Record<string, unknown> => d !== undefined);
    const err = rest
      .filter((n) => !lib.volumes.get(n))
      .map((n) => `Error response from daemon: get ${n}: no such volume\n`)
      .join('');
    return templated(docs, flags.format as string | undefined, err);
  },
});
