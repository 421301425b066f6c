import { defineCommand } from './define.ts';
import { VOLUME_SUBS } from './storage.ts';

// docker/cli@v27.3.1:cli/command/volume/inspect.go
export default defineCommand({
  use: 'inspect [OPTIONS] VOLUME [VOLUME...]',
  short: 'Display detailed information on one or more volumes',
  flags: [
    { long: 'format', short: 'f', type: 'string', usage: 'Format output using a custom template:\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
  ],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => VOLUME_SUBS.inspect!(args, env),
});
