import { parseSignal } from '../../../kernel/signals.ts';
import { defineCommand } from './define.ts';
import { each, needArgs } from './each.ts';

// docker/cli@v27.3.1:cli/command/container/stop.go
export default defineCommand({
  use: 'stop [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Stop one or more running containers',
  aliases: 'docker container stop, docker stop',
  flags: [
    { long: 'signal', short: 's', type: 'string', usage: 'Signal to send to the container' },
    { long: 'time', short: 't', type: 'int', usage: 'Seconds to wait before killing the container' },
  ],
  async run(flags, rest, env, cmd) {
    if (!rest.length) return needArgs(cmd, 'at least');
    const t = flags.time !== undefined ? Number(flags.time) : undefined;
    return each(env, rest, async (c) => {
      // moby@v27.3.1:daemon/stop.go: --signal is parsed only for a running container (signal.ParseSignal).
      const sig = flags.signal !== undefined && c.status === 'running' ? parseSignal(flags.signal) : undefined;
      if (flags.signal !== undefined && c.status === 'running' && sig === undefined)
        return `Error response from daemon: cannot stop container: ${c.name}: invalid signal: ${flags.signal}\n`;
      await env.daemon.stop(c, t, env.signal, sig);
      return undefined;
    });
  },
});
