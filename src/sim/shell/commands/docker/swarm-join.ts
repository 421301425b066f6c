// docker swarm join: its cobra definition; what it answers on node1 is said in swarm.ts.
import { arity } from './errors.ts';
import { defineCommand } from './define.ts';
import { outOfScope, badAvailability, LISTEN, ADVERTISE, DATA_PATH_ADDR, AVAILABILITY } from './swarm.ts';

// cli/command/swarm/join.go
const join = defineCommand({
  use: 'join [OPTIONS] HOST:PORT',
  short: 'Join a swarm as a node and/or manager',
  flags: [LISTEN, ADVERTISE, DATA_PATH_ADDR, { long: 'token', type: 'string', usage: 'Token for entry into the swarm' }, AVAILABILITY],
  async run(flags, rest, env, cmd) {
    return arity(cmd, rest.length, 1) ?? badAvailability(flags.availability as string | undefined) ?? outOfScope(env);
  },
});

export default join;
