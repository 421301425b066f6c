// docker swarm unlock: its cobra definition; what it answers on node1 is said in swarm.ts.
import { arity } from './errors.ts';
import { defineCommand } from './define.ts';
import { R } from './swarm.ts';

// cli/command/swarm/unlock.go runUnlock: Info says LocalNodeState "inactive", and the CLI itself answers.
const unlock = defineCommand({
  use: 'unlock',
  short: 'Unlock swarm',
  flags: [],
  async run(_flags, rest, _env, cmd) {
    return arity(cmd, rest.length, 0) ?? R('', 'Error: This node is not part of a swarm\n', 1);
  },
});

export default unlock;
