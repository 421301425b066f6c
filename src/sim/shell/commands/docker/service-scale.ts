// docker service scale: its cobra definition; what it answers on node1 is said in swarm-manager.ts.
import { defineCommand } from './define.ts';
import { notManager } from './swarm.ts';
import { R, DETACH } from './swarm-manager.ts';

// scale.go scaleArgs: at least one SERVICE=REPLICAS, each checked before the daemon is asked.
export default defineCommand({
  use: 'scale SERVICE=REPLICAS [SERVICE=REPLICAS...]',
  short: 'Scale one or multiple replicated services',
  flags: [DETACH],
  async run(_f, rest, _env, cmd) {
    // strings.Cut: a key and a value, each not empty.
    const usage = `See '${cmd.path} --help'.\n\nUsage:  ${cmd.useLine}\n\n${cmd.short}\n`;
    if (rest.length === 0) return R('', `"${cmd.path}" requires at least 1 argument.\n${usage}`, 1);
    for (const a of rest) {
      const eq = a.indexOf('=');
      if (eq <= 0 || eq === a.length - 1) return R('', `Invalid scale specifier '${a}'.\n${usage}`, 1);
    }
    return notManager();
  },
});
