/**
 * `docker unpause CONTAINER...`: runc thaws the cgroup (cgroup.freeze ← 0).
 * Wording: moby@v27.3.1:daemon/unpause.go; docker/cli@v27.3.1:cli/command/container/unpause.go.
 */
import { arity, daemonErr } from './errors.ts';
import { defineCommand } from './define.ts';
import { each, freeze } from './each.ts';

// docker/cli@v27.3.1:cli/command/container/unpause.go
export default defineCommand({
  use: 'unpause CONTAINER [CONTAINER...]',
  short: 'Unpause all processes within one or more containers',
  aliases: 'docker container unpause, docker unpause',
  flags: [],
  async run(_flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 1, Number.POSITIVE_INFINITY);
    if (argErr) return argErr;
    return each(env, rest, async (c) => {
      if (!c.paused || c.status !== 'running') return daemonErr(`Container ${c.id} is not paused`);
      return freeze(env, c, false);
    });
  },
});
