import { SIGKILL, parseSignal } from '../../../kernel/signals.ts';
import { defineCommand } from './define.ts';
import { each, needArgs, R } from './each.ts';

// docker/cli@v27.3.1:cli/command/container/kill.go
export default defineCommand({
  use: 'kill [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Kill one or more running containers',
  aliases: 'docker container kill, docker kill',
  flags: [{ long: 'signal', short: 's', type: 'string', usage: 'Signal to send to the container' }],
  async run(flags, rest, env, cmd) {
    if (!rest.length) return needArgs(cmd, 'at least');
    const sig = flags.signal ? parseSignal(flags.signal) : SIGKILL;
    if (sig === undefined) return R('', `Error response from daemon: Invalid signal: ${flags.signal}\n`, 1);
    return each(env, rest, async (c) => {
      if (c.status !== 'running') return `Error response from daemon: cannot kill container: ${c.name}: container ${c.id} is not running\n`;
      env.daemon.signal(c, sig);
      await env.host.waitUntil(() => c.status !== 'running', 100, env.signal);
      return undefined;
    });
  },
});
