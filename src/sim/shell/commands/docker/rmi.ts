import { arity } from './errors.ts';
import { R } from './image.ts';
import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/image/remove.go
export default defineCommand({
  use: 'rmi [OPTIONS] IMAGE [IMAGE...]',
  short: 'Remove one or more images',
  aliases: 'docker image rm, docker image remove, docker rmi',
  flags: [
    { long: 'force', short: 'f', type: 'bool', usage: 'Force removal of the image' },
    { long: 'no-prune', type: 'bool', usage: 'Do not delete untagged parents' },
  ],
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 1, Number.POSITIVE_INFINITY);
    if (argErr) return argErr;
    const lib = await env.daemon.imageLib();
    const r = await lib.store.rmi(rest, {
      force: Boolean(flags.force),
      usedBy: (id) => {
        const c = [...env.daemon.containers.values()].find((x) => x.image.id === id);
        return c ? { container: c.id.slice(0, 12), running: c.status === 'running' } : undefined;
      },
      event: (action, id, attributes) => env.daemon.emit('image', action, id, attributes),
    });
    return R(r.stdout, r.stderr, r.exitCode);
  },
});
