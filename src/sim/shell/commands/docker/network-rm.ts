import { defineCommand } from './define.ts';
import { NETWORK_SUBS } from './network.ts';

// docker/cli@v27.3.1:cli/command/network/remove.go
export default defineCommand({
  use: 'rm NETWORK [NETWORK...]',
  short: 'Remove one or more networks',
  flags: [
    { long: 'force', short: 'f', type: 'bool', usage: 'Do not error if the network does not exist' },
  ],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => NETWORK_SUBS.rm!(args, env),
});
