import { arity } from './errors.ts';
import { formatDiff } from '../../../image/overlay.ts';
import { R } from './storage.ts';
import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/container/diff.go
export default defineCommand({
  use: 'diff CONTAINER',
  short: "Inspect changes to files or directories on a container's filesystem",
  aliases: 'docker container diff, docker diff',
  flags: [],
  async run(_flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 1);
    if (argErr) return argErr;
    const c = env.daemon.find(rest[0] as string);
    if (!c) return R('', `Error response from daemon: No such container: ${rest[0]}\n`, 1);
    const root = env.daemon.lib?.rootfs.get(c.id)?.root;
    return R(root ? formatDiff(root.diff()) : '');
  },
});
