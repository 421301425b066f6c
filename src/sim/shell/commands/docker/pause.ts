/**
 * `docker pause CONTAINER...`: runc freezes the container's cgroup (cgroup v2: writes 1 to
 * cgroup.freeze); moby keeps State.Running and sets State.Paused.
 * Wording: moby@v27.3.1:daemon/pause.go, daemon/errors.go; docker/cli@v27.3.1:cli/command/container/pause.go.
 */
import { arity, daemonErr } from './errors.ts';
import { defineCommand } from './define.ts';
import { each, freeze } from './each.ts';

// docker/cli@v27.3.1:cli/command/container/pause.go
export default defineCommand({
  use: 'pause CONTAINER [CONTAINER...]',
  short: 'Pause all processes within one or more containers',
  aliases: 'docker container pause, docker pause',
  flags: [],
  async run(_flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 1, Number.POSITIVE_INFINITY);
    if (argErr) return argErr;
    return each(env, rest, async (c) => {
      if (c.status !== 'running') return daemonErr(`container ${c.id} is not running`);
      if (c.paused) return daemonErr(`Container ${c.id} is already paused`);
      return freeze(env, c, true);
    });
  },
});
