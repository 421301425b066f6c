import { parseSignal } from '../../../kernel/signals.ts';
import { defineCommand } from './define.ts';
import { each, needArgs } from './each.ts';

// docker/cli@v27.3.1:cli/command/container/restart.go
export default defineCommand({
  use: 'restart [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Restart one or more containers',
  aliases: 'docker container restart, docker restart',
  flags: [
    { long: 'signal', short: 's', type: 'string', usage: 'Signal to send to the container' },
    { long: 'time', short: 't', type: 'int', usage: 'Seconds to wait before killing the container' },
  ],
  async run(flags, rest, env, cmd) {
    if (!rest.length) return needArgs(cmd, 'at least');
    return each(env, rest, async (c) => {
      // moby@v27.3.1:daemon/restart.go → containerStop: --signal is parsed only for a running container.
      const sig = flags.signal !== undefined && c.status === 'running' ? parseSignal(flags.signal) : undefined;
      if (flags.signal !== undefined && c.status === 'running' && sig === undefined)
        return `Error response from daemon: Cannot restart container ${c.name}: invalid signal: ${flags.signal}\n`;
      await env.daemon.stop(c, flags.time !== undefined ? Number(flags.time) : undefined, env.signal, sig);
      c.restartCount = 0;
      await env.daemon.start(c);
      env.daemon.emitFor(c, 'restart'); // moby@v27.3.1:daemon/restart.go containerRestart, after the start
      return undefined;
    });
  },
});
