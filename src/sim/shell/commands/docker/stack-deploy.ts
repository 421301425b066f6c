// docker stack deploy: its cobra definition; what it answers on node1 is said in swarm-manager.ts.
import { arity } from './errors.ts';
import { defineCommand } from './define.ts';
import { R, COMPOSE, stackName, NO_COMPOSE } from './swarm-manager.ts';

export default defineCommand({
  use: 'deploy [OPTIONS] STACK',
  short: 'Deploy a new stack or update an existing stack',
  flags: [
    COMPOSE,
    { long: 'with-registry-auth', type: 'bool', usage: 'Send registry authentication details to Swarm agents' },
    { long: 'prune', type: 'bool', usage: 'Prune services that are no longer referenced' },
    {
      long: 'resolve-image',
      type: 'string',
      default: 'always',
      usage: 'Query the registry to resolve image digest and supported platforms ("always", "changed", "never")',
    },
    { long: 'detach', short: 'd', type: 'bool', default: 'true', usage: 'Exit immediately instead of waiting for the stack services to converge' },
    { long: 'quiet', short: 'q', type: 'bool', usage: 'Suppress progress output' },
  ],
  async run(flags, rest, env, cmd) {
    const bad = arity(cmd, rest.length, 1) ?? stackName(rest[0] as string);
    if (bad) return bad;
    const files = (flags['compose-file'] as string[] | undefined) ?? [];
    if (!files.length) return NO_COMPOSE;
    for (const f of files) {
      if (f === '-') continue;
      const abs = env.fs.resolvePath(env.cwd, f);
      if (!(await env.fs.exists(abs))) return R('', `open ${abs}: no such file or directory\n`, 1);
    }
    // The file's contents are not checked here (loader.LoadComposefile); RunDeploy then asks Info whether this is a manager.
    return R('', 'this node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again\n', 1);
  },
});
