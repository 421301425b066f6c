// docker swarm leave: its cobra definition; what it answers on node1 is said in swarm.ts.
import { arity, daemonErr } from './errors.ts';
import { defineCommand } from './define.ts';
import { R, NO_SWARM } from './swarm.ts';

// cli/command/swarm/leave.go: moby's Cluster.Leave answers errNoSwarm.
const leave = defineCommand({
  use: 'leave [OPTIONS]',
  short: 'Leave the swarm',
  flags: [{ long: 'force', short: 'f', type: 'bool', usage: 'Force this node to leave the swarm, ignoring warnings' }],
  async run(_flags, rest, _env, cmd) {
    return arity(cmd, rest.length, 0) ?? R('', daemonErr(NO_SWARM), 1);
  },
});

export default leave;
