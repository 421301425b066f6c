import { arity } from './errors.ts';
import { R, users } from './storage.ts';
import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/volume/remove.go
export default defineCommand({
  use: 'rm [OPTIONS] VOLUME [VOLUME...]',
  short: 'Remove one or more volumes',
  long: '\nRemove one or more volumes. You cannot remove a volume that is in use by a container.\n',
  example: '\n$ docker volume rm hello\nhello\n',
  flags: [{ long: 'force', short: 'f', type: 'bool', usage: 'Force the removal of one or more volumes' }],
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 1, Number.POSITIVE_INFINITY);
    if (argErr) return argErr;
    const lib = await env.daemon.imageLib();
    const r = lib.volumes.rm(rest, { force: Boolean(flags.force), users: users(env) });
    return R(r.stdout, r.stderr, r.exitCode);
  },
});
