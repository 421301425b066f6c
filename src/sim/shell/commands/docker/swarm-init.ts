// docker swarm init: its cobra definition; what it answers on node1 is said in swarm.ts.
import { arity } from './errors.ts';
import { defineCommand } from './define.ts';
import { outOfScope, badAvailability, LISTEN, ADVERTISE, DATA_PATH_ADDR, AVAILABILITY, SWARM_FLAGS } from './swarm.ts';

// cli/command/swarm/init.go
const init = defineCommand({
  use: 'init [OPTIONS]',
  short: 'Initialize a swarm',
  flags: [
    LISTEN,
    ADVERTISE,
    DATA_PATH_ADDR,
    {
      long: 'data-path-port',
      type: 'uint32',
      usage: 'Port number to use for data path traffic (1024 - 49151). If no value is set or is set to 0, the default port (4789) is used.',
    },
    { long: 'force-new-cluster', type: 'bool', usage: 'Force create a new cluster from current state' },
    { long: 'autolock', type: 'bool', usage: 'Enable manager autolocking (requiring an unlock key to start a stopped manager)' },
    AVAILABILITY,
    { long: 'default-addr-pool', type: 'ipNetSlice', default: '[]', usage: 'default address pool in CIDR format' },
    { long: 'default-addr-pool-mask-length', type: 'uint32', default: '24', usage: 'default address pool subnet mask length' },
    ...SWARM_FLAGS,
  ],
  async run(flags, rest, env, cmd) {
    return arity(cmd, rest.length, 0) ?? badAvailability(flags.availability as string | undefined) ?? outOfScope(env);
  },
});

export default init;
