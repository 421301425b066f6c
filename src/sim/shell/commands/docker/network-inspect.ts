import { defineCommand } from './define.ts';
import { NETWORK_SUBS } from './network.ts';

// docker/cli@v27.3.1:cli/command/network/inspect.go
export default defineCommand({
  use: 'inspect [OPTIONS] NETWORK [NETWORK...]',
  short: 'Display detailed information on one or more networks',
  flags: [
    { long: 'format', short: 'f', type: 'string', usage: 'Format output using a custom template:\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { long: 'verbose', short: 'v', type: 'bool', usage: 'Verbose output for diagnostics' },
  ],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => NETWORK_SUBS.inspect!(args, env),
});
