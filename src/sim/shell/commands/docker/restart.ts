import { defineCommand } from './define.ts';
import { each, needArgs } from './each.ts';

// docker/cli@v27.3.1:cli/command/container/restart.go
export default defineCommand({
  use: 'restart [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Restart one or more containers',
  aliases: 'docker container restart, docker restart',
  flags: [
    { long: 'signal', short: 's', type: 'string', usage: 'Signal to send to the container', sim: false },
    { long: 'time', short: 't', type: 'int', usage: 'Seconds to wait before killing the container' },
  ],
  async run(flags, rest, env, cmd) {
    if (!rest.length) return needArgs(cmd, 'at least');
    return each(env, rest, async (c) => {
      await env.daemon.stop(c, flags.time !== undefined ? Number(flags.time) : undefined, env.signal);
      c.restartCount = 0;
      await env.daemon.start(c);
      return undefined;
    });
  },
});
