import { defineCommand } from './define.ts';
import { NETWORK_SUBS } from './network.ts';

// docker/cli@v27.3.1:cli/command/network/connect.go
export default defineCommand({
  use: 'connect [OPTIONS] NETWORK CONTAINER',
  short: 'Connect a container to a network',
  flags: [
    { long: 'alias', type: 'stringSlice', usage: 'Add network-scoped alias for the container' },
    { long: 'driver-opt', type: 'stringSlice', usage: 'driver options for the network', sim: false },
    { long: 'ip', type: 'string', usage: 'IPv4 address (e.g., "172.30.100.104")' },
    { long: 'ip6', type: 'string', usage: 'IPv6 address (e.g., "2001:db8::33")', sim: false },
    { long: 'link', type: 'list', usage: 'Add link to another container', sim: false },
    { long: 'link-local-ip', type: 'stringSlice', usage: 'Add a link-local address for the container', sim: false },
  ],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => NETWORK_SUBS.connect!(args, env),
});
