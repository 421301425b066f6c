// docker swarm update: its cobra definition; what it answers on node1 is said in swarm.ts.
import type { ExecResult } from '../../../api.ts';
import { arity } from './errors.ts';
import { defineCommand } from './define.ts';
import { R, notManager, SWARM_FLAGS } from './swarm.ts';

// cli/command/swarm/update.go: PreRunE returns pflag.ErrHelp when no flag is set, and cobra then prints the help (status 0).
const update = defineCommand({
  use: 'update [OPTIONS]',
  short: 'Update the swarm',
  flags: [{ long: 'autolock', type: 'bool', usage: 'Change manager autolocking setting (true|false)' }, ...SWARM_FLAGS],
  async run(flags, rest, env, cmd): Promise<ExecResult> {
    const bad = arity(cmd, rest.length, 0);
    if (bad) return bad;
    if (Object.keys(flags).length === 0) {
      const { leafHelp } = await import('./help.ts');
      return R(leafHelp({ def: update, parent: 'docker swarm', use: update.use, cobraAliases: [] }, env.columns));
    }
    return notManager();
  },
});

export default update;
