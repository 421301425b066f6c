import { defineCommand } from './define.ts';
import { NETWORK_SUBS } from './network.ts';

// docker/cli@v27.3.1:cli/command/network/disconnect.go
export default defineCommand({
  use: 'disconnect [OPTIONS] NETWORK CONTAINER',
  short: 'Disconnect a container from a network',
  flags: [
    { long: 'force', short: 'f', type: 'bool', usage: 'Force the container to disconnect from a network' },
  ],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => NETWORK_SUBS.disconnect!(args, env),
});
